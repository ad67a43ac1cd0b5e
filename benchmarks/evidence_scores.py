"""Score the evidence layer against labelled resumes.

For every ``<id>.json`` (the format of ``shared/spec/resume-json.md``) the
resume is rendered to plain text (``screener.corpus.render_text``; with
``--examples`` the ``<id>.txt`` rendering beside the JSON is read instead),
analysed with :func:`screener.nlp.analyze`, and ``Analysis.dimensions`` is
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
    python benchmarks/evidence_scores.py --examples ../shared/examples
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from screener.types import DIMENSIONS, DOING_SECTIONS

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


def _gold_regions(text: str, data: dict[str, Any]) -> list[tuple[int, str | None, bool]]:
    """(start offset, gold kind or None, gold doing) for each JSON section found in ``text``."""
    resume = data["resume"]
    lines, offsets, pos = text.split("\n"), [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    regions: list[tuple[int, str | None, bool]] = [(0, "contact", False)]
    i = 0
    if resume.get("summary"):
        head = resume["summary"][:40].lower()
        for j, line in enumerate(lines):
            if line.strip().lower() == "summary" or line.strip().lower().startswith(head):
                regions.append((offsets[j], "summary", False))
                i = j + 1
                break
    for section in resume.get("sections") or []:
        title = (section.get("title") or "").strip().lower()
        for j in range(i, len(lines)):
            if lines[j].strip().lower().rstrip(":") == title:
                entries = section.get("entries") or []
                kind = GOLD_TITLES.get(title)
                doing = bool(entries) and any(e.get("bullets") for e in entries)
                doing = kind in DOING_SECTIONS if kind else doing and not _EDU.search(title)
                regions.append((offsets[j], kind, doing))
                i = j + 1
                break
    return regions


def _gold_at(regions: list[tuple[int, str | None, bool]], offset: int) -> tuple[str | None, bool]:
    gold = regions[0]
    for region in regions:
        if region[0] <= offset:
            gold = region
    return gold[1], gold[2]


def _items(folder: Path, examples: bool) -> list[tuple[str, dict[str, Any], str]]:
    out = []
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "label" not in data or "resume" not in data:
            continue
        if examples:
            txt = path.with_suffix(".txt")
            if not txt.exists():
                continue
            text = txt.read_text(encoding="utf-8")
        else:
            text = _render(data["resume"])
        out.append((str(data.get("id") or path.stem), data, text))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="data/corpus")
    parser.add_argument(
        "--examples", help="score the .txt renderings beside the JSON in this folder"
    )
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    parser.add_argument("--by-writer", action="store_true", help="F1 per writer folder")
    parser.add_argument("--as-of", default="2025-06", help="'present' for date ranges (YYYY-MM)")
    args = parser.parse_args(argv)

    from screener.nlp import analyze, build_nlp

    nlp = build_nlp()
    year, month = (int(x) for x in args.as_of.split("-"))
    folder = Path(args.examples or args.folder)
    items = _items(folder, examples=bool(args.examples))
    if not items:
        print(f"no labelled resumes under {folder}")
        return 1
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    by_writer: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    sec = Counter()
    for rid, data, text in items:
        analysis = analyze(text, nlp=nlp, as_of=(year, month))
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
        regions = _gold_regions(text, data)
        for ev in [*analysis.evidence, *analysis.consumer_signals]:
            kind, doing = _gold_at(regions, ev.start)
            sec["n"] += 1
            sec["doing_ok"] += (ev.section in DOING_SECTIONS) == doing
            if kind is not None:
                sec["kind_n"] += 1
                sec["kind_ok"] += ev.section == kind
    _table(counts, f"{folder} ({len(items)} resumes)")
    if args.by_writer:
        for writer, cells in sorted(by_writer.items()):
            _table(cells, f"writer {writer}", compact=True)
    print(
        f"\nsection type of evidence: doing/claimed {sec['doing_ok'] / max(sec['n'], 1):.3f} "
        f"({sec['n']} spans); kind {sec['kind_ok'] / max(sec['kind_n'], 1):.3f} "
        f"({sec['kind_n']} spans with a hand-labelled title)"
    )
    return 0


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
