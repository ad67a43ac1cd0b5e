"""Does the same resume get the same decision as PDF (every layout), DOCX and TXT?

Usage: python benchmarks/format_agreement.py [--n 60] [--seed 0]

Renders a seeded sample of training-corpus resumes (not the validation set)
with ``scripts/render.py`` in every PDF layout and DOCX style, screens each
rendering and the plain text, and prints the share of resumes whose decision
agrees across all renderings, the largest probability gap, and the worst
resumes. No labels are used: this is a consistency check of extraction and
the evidence layer, safe to iterate on.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    from screener import Screener
    from screener.corpus import render_text
    from scripts import render

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=60)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    files = sorted((ROOT / "data" / "corpus").rglob("*.json"))
    files = [f for f in files if f.name != "README.json"]
    sample = random.Random(args.seed).sample(files, min(args.n, len(files)))
    screener = Screener.load()
    agree, gaps = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for f in sample:
            resume = json.loads(f.read_text())["resume"]
            probs = {"txt": screener.screen_text(render_text(resume)).probability}
            for layout in render.PDF_LAYOUTS:
                out = render.to_pdf(resume, Path(tmp) / f"{f.stem}-{layout}.pdf", layout)
                probs[layout] = screener.screen(out).probability
            for style in render.DOCX_STYLES:
                out = render.to_docx(resume, Path(tmp) / f"{f.stem}-{style}.docx", style)
                probs[f"docx-{style}"] = screener.screen(out).probability
            vals = [v for v in probs.values() if v is not None]
            same = len({v >= 0.5 for v in vals}) == 1 and len(vals) == len(probs)
            agree += same
            gaps.append((max(vals) - min(vals) if vals else 1.0, f.stem, probs))
    print(
        f"{agree}/{len(sample)} resumes get the same decision in all "
        f"{len(render.PDF_LAYOUTS) + len(render.DOCX_STYLES) + 1} renderings "
        f"({agree / len(sample):.3f})"
    )
    gaps.sort(reverse=True)
    print(
        f"largest probability gap: {gaps[0][0]:.3f}; median gap: "
        f"{sorted(g for g, _, _ in gaps)[len(gaps) // 2]:.3f}"
    )
    for gap, stem, probs in gaps[:5]:
        cells = ", ".join(f"{k} {v:.2f}" if v is not None else f"{k} -" for k, v in probs.items())
        print(f"  {stem}: gap {gap:.2f}: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
