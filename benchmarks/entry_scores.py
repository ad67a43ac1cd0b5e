"""Score work-history entries against labelled resumes: titles, employers, dates, months.

The resumes are the ones ``benchmarks/evidence_scores.py`` scores: by default
the labelled JSON of ``data/corpus`` rendered to plain text; with
``--examples DIR`` the rendering beside each JSON (``--read txt|pdf|docx``),
read as a user's file.  The gold entries of a resume are the JSON entries of
its doing sections (experience, projects, volunteering: by the hand-labelled
title, else a section of entries with bullets that is not education; the
rule of ``evidence_scores.py``).  Each gold entry is matched, in order, to
the first later entry :func:`screener.nlp.analyze` found whose first two
lines (where a header stands) hold the gold title, compared folded (no case
or accents).  Printed:

- ``found``: gold entries matched, of all gold entries; ``extra``: entries
  the library found in doing sections that match no gold entry;
- ``title``, ``org``: of the matched entries, those whose title (organisation)
  is the gold one, without surrounding punctuation (the JSON's ``org``: the
  rendering adds the location after a comma, and the library splits it off);
- ``dates``: of the matched entries whose gold ``dates`` the parser reads,
  those whose date span is that parse (so this scores how lines are grouped
  into entries, not the parser);
- ``unread dates``: gold ``dates`` with a digit that
  :func:`screener.nlp.parse_date_range` cannot read at all;
- ``months``: resumes whose ``experience_months`` equals the months of the
  gold experience entries' parsed dates (overlaps merged).

A title that a narrow column wraps around its dates ("Senior Executive,
Front  July 2012 – January 2018" / "Office") is not found in the entry's
first lines, so the entry counts as missed even when the library has it:
``found`` is a lower bound on the two-column and split PDF layouts.

``--errors`` lists, for each resume, the gold entries not found, the wrong
titles, employers and dates of the found ones, and a wrong month total.

Usage::

    python benchmarks/entry_scores.py [data/corpus] [--errors]
    python benchmarks/entry_scores.py --examples ../shared/examples [--read pdf]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path
from typing import Any

from evidence_scores import READS, _items, _left_out, gold_section

from screener.nlp.headings import fold
from screener.types import DOING_SECTIONS, Analysis, Entry

_EDGES = " \t|,;:.-–—()[]"


def _key(text: str) -> str:
    return fold(text).strip(_EDGES)


def gold_entries(resume: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The gold kind (``"doing"`` when the title is not hand-labelled) and each entry
    of the doing sections of a JSON resume (``evidence_scores.gold_section``), in order."""
    out: list[tuple[str, dict[str, Any]]] = []
    for section in resume.get("sections") or []:
        kind, doing = gold_section(section)
        if doing:
            out += [(kind or "doing", entry) for entry in section.get("entries") or []]
    return out


def _head(text: str, entry: Entry) -> str:
    """The folded text of an entry's first two lines (where its header stands)."""
    end = text.find("\n", text.find("\n", entry.start) + 1)
    return fold(text[entry.start : end if end >= 0 else len(text)])


def _match(gold: list[dict[str, Any]], found: list[Entry], text: str) -> list[Entry | None]:
    """For each gold entry, the found entry (in order) whose first lines hold its title."""
    heads = [_head(text, e) for e in found]
    out: list[Entry | None] = []
    k = 0
    for entry in gold:
        key = _key(entry.get("title") or "")
        j = next((j for j in range(k, len(found)) if key and key in heads[j]), None)
        out.append(None if j is None else found[j])
        k = k if j is None else j + 1
    return out


def score_entries(
    analysis: Analysis, data: dict[str, Any], cells: Counter[str], as_of: tuple[int, int]
) -> list[str]:
    """Add one resume's counts to ``cells``; return its errors, one line each.

    ``as_of`` must be the one ``analysis`` was made with (what "present" means).
    """
    from screener.nlp import experience_months, parse_date_range

    gold = gold_entries(data["resume"])
    found = [e for e in analysis.entries if e.section in DOING_SECTIONS]
    matched = _match([e for _, e in gold], found, analysis.text)
    errors: list[str] = []
    for (_kind, entry), hit in zip(gold, matched, strict=True):
        cells["gold"] += 1
        dates = entry.get("dates") or ""
        span = parse_date_range(dates) if dates else None
        cells["unread"] += int(bool(re.search(r"\d", dates)) and span is None)
        if hit is None:
            errors.append(f"  missed {entry.get('title')!r} ({dates})")
            continue
        cells["found"] += 1
        for field, got in (("title", hit.title), ("org", hit.org)):
            want = entry.get(field) or ""
            right = _key(got) == _key(want)
            cells[field] += right
            if not right:
                errors.append(f"  {field} of {entry.get('title')!r}: {got!r}, gold {want!r}")
        if span is not None:
            cells["dated"] += 1
            cells["dates"] += hit.dates == span
            if hit.dates != span:
                got = hit.dates.text if hit.dates else None
                errors.append(f"  dates of {entry.get('title')!r}: {got!r}, gold {dates!r}")
    cells["extra"] += len(found) - sum(hit is not None for hit in matched)
    spans = [
        parse_date_range(e.get("dates") or "") for k, e in gold if k in ("experience", "doing")
    ]
    months = experience_months(spans, as_of=as_of)
    cells["resumes"] += 1
    cells["months"] += analysis.experience_months == months
    if analysis.experience_months != months:
        errors.append(f"  months {analysis.experience_months}, gold {months}")
    return errors


def _report(cells: Counter[str], title: str) -> None:
    def share(a: str, b: str) -> str:
        return f"{cells[a] / max(cells[b], 1):.3f} ({cells[a]}/{cells[b]})"

    print(f"\n{title}")
    print(f"found      {share('found', 'gold')}; extra {cells['extra']}")
    print(f"title      {share('title', 'found')}")
    print(f"org        {share('org', 'found')}")
    print(f"dates      {share('dates', 'dated')}; unread dates {cells['unread']}")
    print(f"months     {share('months', 'resumes')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="data/corpus")
    parser.add_argument("--examples", help="read the renderings beside the JSON in this folder")
    parser.add_argument("--read", choices=READS, default="txt", help="with --examples")
    parser.add_argument("--errors", action="store_true", help="list each resume's errors")
    parser.add_argument("--as-of", default="2025-06", help="'present' for date ranges (YYYY-MM)")
    args = parser.parse_args(argv)
    if args.read != "txt" and not args.examples:
        parser.error("--read needs --examples: the corpus is rendered from its JSON")

    from screener.nlp import analyze, build_nlp

    nlp = build_nlp()
    year, month = (int(x) for x in args.as_of.split("-"))
    as_of = (year, month)
    folder = Path(args.examples or args.folder)
    found = _items(folder, examples=bool(args.examples), read=args.read)
    if not found.scored:
        print(f"no labelled resumes under {folder}")
        return 1
    cells: Counter[str] = Counter()
    for rid, data, source in found.scored:
        errors = score_entries(analyze(source, nlp=nlp, as_of=as_of), data, cells, as_of)
        if args.errors and errors:
            print(rid)
            print("\n".join(errors))
    what = f"{len(found.scored)} resumes" + (f", read from .{args.read}" if args.examples else "")
    _report(cells, f"{folder} ({what})")
    _left_out(found, args.read)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
