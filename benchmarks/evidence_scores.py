"""Score the evidence layer against labelled resumes.

For every ``<id>.json`` (the format of ``shared/spec/resume-json.md``) the
resume is rendered to plain text (``screener.corpus.render_text``; with
``--examples`` a rendering beside the JSON is read instead: ``<id>.txt`` by
default, or with ``--read pdf`` / ``--read docx`` the ``<id>.pdf`` /
``<id>.docx`` through :func:`screener.extraction.extract`, as the library
reads a user's files), analysed with :func:`screener.nlp.analyze`, and
``Analysis.dimensions`` is
compared with the JSON's ``dimensions`` (the dimensions its experience
evidences).  Printed: per-dimension precision, recall and F1 over resumes,
and the section-type accuracy of evidence:

- ``doing/claimed``: whether each evidence span was put in a doing section
  (experience, projects, volunteering) exactly when the JSON section it came
  from is one (by its hand-labelled title when the title is in
  ``GOLD_TITLES``, else: a section with entries that have bullets and is not
  education or training);
- ``kind``: the canonical kind, for evidence from sections whose title is in
  ``GOLD_TITLES`` (hand-labelled from the training corpus titles).

Usage::

    python benchmarks/evidence_scores.py [data/corpus] [--errors] [--by-writer]
    python benchmarks/evidence_scores.py --examples ../shared/examples [--read pdf]

A rendering that cannot be read (a scanned PDF, say) is left out of the
scores and listed with its reason; a resume with no rendering of that kind
is left out and counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, NamedTuple

from screener.nlp.headings import fold
from screener.types import DIMENSIONS, DOING_SECTIONS, Document

GOLD_TITLES: dict[str, str] = {}
for _kind, _titles in {
    "experience": "experience|work experience|professional experience|work history|employment|"
    "employment history|career|career history|what i've done|relevant experience|work|"
    "positions held|kitchen experience|clinical experience|experience highlights|"
    "professional background|social media experience|selected experience|roles|things i did|"
    "my journey|responsibilities|where i worked|jobs|working experience|what i have done|"
    "freelance work|before freelancing|what i do now|before|parcours|experiance|"
    "experiência profissional|graduate program rotations|teaching|teaching & tutoring",
    "skills": "skills|core competencies|competencies|toolkit|key skills|areas of expertise|"
    "technical skills|what i use|tools|expertise|skills & tools|tools & platforms|things i use|"
    "toolbox|stack|systems|computer literacy|technical|can use|things i'm good at|what i bring",
    "summary": "summary|profile|about|about me|personal statement|professional summary|objective",
    "volunteering": "volunteering|voluntary work|volunteer|volunteer experience|"
    "leadership & activities|community involvement|extracurricular activities|leadership|nysc",
    "projects": "projects|selected projects|content creation|personal projects|portfolio",
    "education": "education|educational attainment|educational qualifications|qualifications|"
    "academic background|estudios|edu|school|schooling|formação / education",
    "certifications": "certifications|certificates|courses|training|certifications & activities|"
    "professional qualifications|seminars and trainings attended|professional development",
    "interests": "interests|hobbies|hobbies & interests|personal interests",
    "languages": "languages",
    "references": "references|referees|character references",
    "awards": "awards|achievements|honours|honors",
}.items():
    for _t in _titles.split("|"):
        GOLD_TITLES[_t] = _kind
_EDU = re.compile(r"educat|qualif|academic|training|certif|course|seminar", re.I)


def _render(resume: dict[str, Any]) -> str:
    try:
        from screener.corpus import render_text
    except ImportError:  # pragma: no cover - the shared renderer is part of the package
        sys.exit("screener.corpus.render_text is missing")
    return render_text(resume)


def gold_section(section: dict[str, Any]) -> tuple[str | None, bool]:
    """The gold kind of a JSON section (``None`` when its title is not in
    ``GOLD_TITLES``) and whether it is a doing section: by its kind, else a
    section of entries with bullets whose title is not education or training."""
    title = (section.get("title") or "").strip().lower()
    kind = GOLD_TITLES.get(title)
    if kind:
        return kind, kind in DOING_SECTIONS
    entries = section.get("entries") or []
    return None, any(e.get("bullets") for e in entries) and not _EDU.search(title)


def _gold_regions(text: str, data: dict[str, Any]) -> list[tuple[int, str | None, bool]]:
    """(start offset, gold kind or None, gold doing) of each JSON section found in ``text``.

    A section starts at the first line not yet taken that is its title (the
    summary: "Summary", or the summary's first words; the name line starts
    the contact region), wherever that line stands: a PDF's reading order
    need not follow the JSON (a sidebar of skills read before the
    experience).  A title may wrap onto a second line, and is compared
    without case or accents.  The regions are in text order.
    """
    resume = data["resume"]
    keys, offsets, pos = [], [], 0
    for line in text.split("\n"):
        keys.append(fold(line.strip()))  # a PDF font may lack "ś"
        offsets.append(pos)
        pos += len(line) + 1
    taken: set[int] = set()

    def first(match: Any) -> int | None:
        for j, key in enumerate(keys):
            wrapped = f"{key} {keys[j + 1]}" if j + 1 < len(keys) else key
            if j not in taken and (match(key) or match(wrapped)):
                taken.add(j)
                return j
        return None

    regions: list[tuple[int, str | None, bool]] = [(0, "contact", False)]
    if resume.get("name"):  # name, headline and contact may come after a sidebar
        name = fold(resume["name"].strip())
        j = first(lambda key: key == name)
        if j is not None:
            regions.append((offsets[j], "contact", False))
    if resume.get("summary"):
        head = fold(resume["summary"].strip())[:40]
        j = first(lambda key: key == "summary" or key.startswith(head))
        if j is not None:
            regions.append((offsets[j], "summary", False))
    for section in resume.get("sections") or []:
        title = (section.get("title") or "").strip().lower()
        folded = fold(title)
        j = first(lambda key, folded=folded: key.rstrip(":") == folded)
        if j is None:
            continue
        regions.append((offsets[j], *gold_section(section)))
    return sorted(regions, key=lambda region: region[0])


def _gold_at(regions: list[tuple[int, str | None, bool]], offset: int) -> tuple[str | None, bool]:
    gold = regions[0]
    for region in regions:
        if region[0] <= offset:
            gold = region
    return gold[1], gold[2]


def score_sections(analysis: Any, data: dict[str, Any], cells: Counter[str]) -> int:
    """Add the section types of one analysis's spans to ``cells``; return how many are wrong.

    ``cells`` counts every evidence and consumer span (``n``), those put in a
    doing section exactly when their gold section is one (``doing_ok``), those
    whose gold section has a hand-labelled kind (``kind_n``) and those of
    that kind (``kind_ok``). A span is wrong when either check fails.
    """
    regions = _gold_regions(analysis.text, data)
    wrong = 0
    for ev in [*analysis.evidence, *analysis.consumer_signals]:
        kind, doing = _gold_at(regions, ev.start)
        cells["n"] += 1
        ok = (ev.section in DOING_SECTIONS) == doing
        cells["doing_ok"] += ok
        if kind is not None:
            cells["kind_n"] += 1
            cells["kind_ok"] += ev.section == kind
            ok = ok and ev.section == kind
        wrong += not ok
    return wrong


#: Renderings ``--read`` can take beside an example's JSON.
READS = ("txt", "pdf", "docx")


class Items(NamedTuple):
    """The resumes to score, and those left out."""

    scored: list[tuple[str, dict[str, Any], Document | str]]
    unreadable: list[tuple[str, str]]  # id and the extraction error's reason
    missing: int  # labelled JSON with no rendering of the kind asked for


def _items(folder: Path, examples: bool, read: str = "txt") -> Items:
    """The labelled resumes of ``folder``: rendered from the JSON, or read from
    their ``read`` rendering beside it (``examples``)."""
    from screener.errors import ExtractionError
    from screener.extraction import extract

    items = Items([], [], 0)
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "label" not in data or "resume" not in data:
            continue
        rid = str(data.get("id") or path.stem)
        source = path.with_suffix(f".{read}")
        text: Document | str
        if not examples:
            text = _render(data["resume"])
        elif not source.exists():
            items = items._replace(missing=items.missing + 1)
            continue
        elif read == "txt":
            text = source.read_text(encoding="utf-8")
        else:
            try:
                text = extract(source)
            except ExtractionError as e:
                items.unreadable.append((rid, e.reason))
                continue
        items.scored.append((rid, data, text))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="data/corpus")
    parser.add_argument(
        "--examples", help="score the .txt renderings beside the JSON in this folder"
    )
    parser.add_argument(
        "--read",
        choices=READS,
        default="txt",
        help="with --examples: the rendering to read (pdf and docx: extracted as a user's files)",
    )
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    parser.add_argument("--by-writer", action="store_true", help="F1 per writer folder")
    parser.add_argument("--as-of", default="2025-06", help="'present' for date ranges (YYYY-MM)")
    args = parser.parse_args(argv)

    from screener.nlp import analyze, build_nlp

    nlp = build_nlp()
    year, month = (int(x) for x in args.as_of.split("-"))
    folder = Path(args.examples or args.folder)
    if args.read != "txt" and not args.examples:
        parser.error("--read needs --examples: the corpus is rendered from its JSON")
    found = _items(folder, examples=bool(args.examples), read=args.read)
    items = found.scored
    if not items:
        print(f"no labelled resumes under {folder}")
        return 1
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    by_writer: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    sec = Counter()
    for rid, data, source in items:
        analysis = analyze(source, nlp=nlp, as_of=(year, month))
        text = analysis.text
        gold, pred = set(data.get("dimensions") or []), set(analysis.dimensions)
        writer = str(data.get("writer") or "-")
        for dim in DIMENSIONS:
            cell = (
                "tp"
                if dim in gold and dim in pred
                else "fp"
                if dim in pred
                else ("fn" if dim in gold else "tn")
            )
            counts[dim][cell] += 1
            by_writer[writer][dim][cell] += 1
        if args.errors and gold != pred:
            print(
                f"{rid} [{data['label']}] missing={sorted(gold - pred)} extra={sorted(pred - gold)}"
            )
            for ev in analysis.evidence:
                if ev.dimension in (pred - gold) and ev.counts:
                    a = text.rfind("\n", 0, ev.start) + 1
                    b = text.find("\n", ev.end)
                    line = text[a : b if b >= 0 else len(text)]
                    print(f"    + {ev.dimension:<24} {ev.agency:<8} {ev.text!r}  <<{line[:150]}>>")
        score_sections(analysis, data, sec)
    what = f"{len(items)} resumes" + (f", read from .{args.read}" if args.examples else "")
    _table(counts, f"{folder} ({what})")
    _left_out(found, args.read)
    if args.by_writer:
        for writer, cells in sorted(by_writer.items()):
            _table(cells, f"writer {writer}", compact=True)
    print(
        f"\nsection type of evidence: doing/claimed {sec['doing_ok'] / max(sec['n'], 1):.3f} "
        f"({sec['n']} spans); kind {sec['kind_ok'] / max(sec['kind_n'], 1):.3f} "
        f"({sec['kind_n']} spans with a hand-labelled title)"
    )
    return 0


def _left_out(found: Items, read: str) -> None:
    """Say which resumes the scores leave out, and why."""
    if found.unreadable:
        print(f"left out, unreadable: {len(found.unreadable)}")
        for rid, reason in found.unreadable:
            print(f"  {rid}: {reason}")
    if found.missing:
        print(f"left out, no .{read} beside the JSON: {found.missing}")


def _table(counts: dict[str, Counter[str]], title: str, compact: bool = False) -> None:
    print(f"\n{title}")
    if not compact:
        print(f"{'dimension':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    f1s = []
    for dim in DIMENSIONS:
        c = counts[dim]
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        f = 2 * p * r / max(p + r, 1e-9)
        f1s.append(f)
        if not compact:
            print(f"{dim:<26}{p:>7.3f}{r:>7.3f}{f:>7.3f}{c['tp']:>6}{c['fp']:>5}{c['fn']:>5}")
    if compact:
        print("  " + "  ".join(f"{d[:10]}={f:.2f}" for d, f in zip(DIMENSIONS, f1s)))
    else:
        print(f"{'macro F1':<26}{'':>14}{sum(f1s) / len(f1s):>7.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
