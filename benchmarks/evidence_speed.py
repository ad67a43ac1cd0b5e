"""Time the evidence layer: milliseconds per resume for ``analyze()``.

Renders the labelled JSON resumes of a folder (default ``data/corpus``) to
plain text with ``screener.corpus.render_text`` and times
:func:`screener.nlp.analyze` on each (segmentation, entries, the spaCy
pipeline and the evidence rules; no file reading or PDF extraction).  The
pipeline is built once before timing; its build time is reported apart, and
so is the time of the tokenizer alone on the same texts, for scale: spaCy's
stock English one and ``build_nlp()``'s, which drops the special cases that
stop spaCy caching (see ``drop_identity_special_cases``).

Usage::

    python benchmarks/evidence_speed.py [data/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def corpus_texts(folder: str | Path) -> list[str]:
    """The labelled JSON resumes under ``folder``, rendered to plain text."""
    from screener.corpus import render_text

    texts = []
    for path in sorted(Path(folder).rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("resume"), dict):
            texts.append(render_text(data["resume"]))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="data/corpus")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    args = parser.parse_args(argv)

    from screener.nlp import analyze, build_nlp

    texts = corpus_texts(args.folder)
    if not texts:
        print(f"no JSON resumes under {args.folder}")
        return 1
    t0 = time.perf_counter()
    nlp = build_nlp()
    build = time.perf_counter() - t0
    analyze(texts[0], nlp=nlp)  # warm up
    per_doc: list[float] = []
    for _ in range(args.repeat):
        for text in texts:
            t = time.perf_counter()
            analyze(text, nlp=nlp, as_of=(2025, 6))
            per_doc.append((time.perf_counter() - t) * 1000)
    import spacy

    floors = {}
    for name, tokenizer in (("stock", spacy.blank("en")), ("ours", nlp)):
        t = time.perf_counter()
        for _ in range(args.repeat):
            for text in texts:
                tokenizer.make_doc(text)
        floors[name] = (time.perf_counter() - t) * 1000 / (len(texts) * args.repeat)
    words = statistics.mean(len(t.split()) for t in texts)
    per_doc.sort()
    print(f"{len(texts)} resumes x {args.repeat} passes, {words:.0f} words on average")
    print(f"build_nlp(): {build * 1000:.0f} ms (once per process)")
    print(
        f"analyze(): mean {statistics.mean(per_doc):.2f} ms, median "
        f"{statistics.median(per_doc):.2f} ms, p95 {per_doc[int(len(per_doc) * 0.95)]:.2f} ms "
        "per resume"
    )
    print(
        "for scale, the tokenizer alone: spacy.blank('en') "
        f"{floors['stock']:.2f} ms, build_nlp()'s {floors['ours']:.2f} ms per resume"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
