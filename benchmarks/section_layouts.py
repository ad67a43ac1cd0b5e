"""Section types of evidence when the same resumes are read as PDF and DOCX.

Usage: python benchmarks/section_layouts.py [--n 80] [--seeds 1,2,3] [--docx] [--errors]

Renders a seeded sample of training-corpus resumes (not the validation set)
as plain text (``screener.corpus.render_text``), in every PDF layout of
``scripts/render.py`` and, with ``--docx``, in every DOCX style; reads each
rendering as the library reads a user's file (``screener.extraction``) and
scores the section type of every evidence span as
``benchmarks/evidence_scores.py`` does (``doing/claimed`` and ``kind``
against the JSON's sections). A layout that reads worse than the plain text
points at segmentation or reading order, not at the lexicon. ``--errors``
lists, per rendering, the resumes with wrong spans that the plain text gets
right. No labels are used beyond the section titles, so it is safe to
iterate on.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evidence_scores import score_sections  # noqa: E402  (the script's folder)


def sample(folder: Path, n: int, seeds: list[int]) -> list[Path]:
    """The union of ``n`` resumes drawn with each seed, in path order."""
    files = [
        f
        for f in sorted(folder.rglob("*.json"))
        if "resume" in json.loads(f.read_text(encoding="utf-8"))
    ]
    picked = {f for seed in seeds for f in random.Random(seed).sample(files, min(n, len(files)))}
    return sorted(picked)


def renderings(resume: dict[str, Any], folder: Path, docx: bool) -> dict[str, Any]:
    """Plain text and the documents read back from each rendering of ``resume``."""
    from screener.corpus import render_text
    from screener.extraction import extract
    from scripts import render

    out: dict[str, Any] = {"txt": render_text(resume)}
    for layout in render.PDF_LAYOUTS:
        out[layout] = extract(render.to_pdf(resume, folder / f"{layout}.pdf", layout))
    for style in render.DOCX_STYLES if docx else ():
        out[f"docx-{style}"] = extract(render.to_docx(resume, folder / f"{style}.docx", style))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus")
    parser.add_argument("--n", type=int, default=80, help="resumes drawn per seed")
    parser.add_argument("--seeds", default="1,2,3", help="comma-separated sampling seeds")
    parser.add_argument("--docx", action="store_true", help="the DOCX styles too")
    parser.add_argument("--errors", action="store_true", help="resumes a rendering gets wrong")
    args = parser.parse_args(argv)

    from screener.nlp import analyze, build_nlp

    files = sample(args.corpus, args.n, [int(s) for s in args.seeds.split(",")])
    if not files:
        print(f"no JSON resumes under {args.corpus}")
        return 1
    nlp = build_nlp()
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: dict[str, dict[str, int]] = defaultdict(dict)
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            data = json.loads(path.read_text(encoding="utf-8"))
            for name, source in renderings(data["resume"], Path(tmp), args.docx).items():
                analysis = analyze(source, nlp=nlp, as_of=(2025, 6))
                bad = score_sections(analysis, data, cells[name])
                if bad:
                    wrong[name][path.stem] = bad
    print(f"{len(files)} corpus resumes; section type of evidence per rendering")
    print(f"{'rendering':<16}{'doing/claimed':>14}{'kind':>8}{'spans':>8}")
    for name, c in cells.items():
        doing = c["doing_ok"] / max(c["n"], 1)
        kind = c["kind_ok"] / max(c["kind_n"], 1)
        print(f"{name:<16}{doing:>14.4f}{kind:>8.4f}{c['n']:>8}")
    if args.errors:
        for name, stems in wrong.items():
            if name == "txt":
                continue
            own = {s: n for s, n in stems.items() if s not in wrong["txt"]}
            print(f"\n{name}: {len(own)} resumes with wrong spans that the plain text gets right")
            for stem, n in sorted(own.items(), key=lambda item: -item[1])[:10]:
                print(f"  {stem}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
