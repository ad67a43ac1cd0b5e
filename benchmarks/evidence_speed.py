"""Time the evidence layer: milliseconds per resume for ``analyze()``.

Renders the labelled JSON resumes of a folder (default ``data/corpus``) to
plain text with ``screener.corpus.render_text`` and times
:func:`screener.nlp.analyze` on each (segmentation, entries, the spaCy
pipeline and the evidence rules; no file reading or PDF extraction).  The
pipeline is built once before timing; its build time is reported apart, and
so is the time of the tokenizer alone on the same texts, for scale: spaCy's
stock English one and ``build_nlp()``'s, which drops the special cases that
stop spaCy caching (see ``drop_identity_special_cases``) and caches more
chunks (see ``widen_tokenizer_cache``).

The first pass reads each resume once, as a batch does, and is reported
apart from the later passes: those meet only chunks of text the tokenizer
has cached already (see ``widen_tokenizer_cache``), which no batch of new
resumes does.

Milliseconds move with the machine: the same code read a first-pass mean
of 6.7 ms on one VM and 2.1 ms on another (twenty-first and twenty-second
sessions).  The last line divides the first-pass mean by the stock
tokenizer's time on the same machine, a yardstick that moves less: 1.08x
and about 1.2x on those two.

Usage::

    python benchmarks/evidence_speed.py [data/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

_WARM_UP = "Experience\nSocial Media Manager | Acme | 2020 - 2023\n- Answered comments.\n"


def json_resumes(folder: str | Path) -> Iterator[tuple[Path, str]]:
    """Path and plain text of each JSON resume under ``folder``, by path.

    A file counts when it holds a ``resume`` object of the labelled format; the
    label itself is not needed, so unlabelled resumes can be timed too.
    """
    from screener.corpus import render_text

    for path in sorted(Path(folder).rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("resume"), dict):
            yield path, render_text(data["resume"])


def corpus_texts(folder: str | Path) -> list[str]:
    """The JSON resumes under ``folder`` (see :func:`json_resumes`), rendered to plain text."""
    return [text for _, text in json_resumes(folder)]


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
    analyze(_WARM_UP, nlp=nlp)  # not a corpus text: the first pass meets each one once
    passes: list[list[float]] = []
    for _ in range(args.repeat):
        passes.append([])
        for text in texts:
            t = time.perf_counter()
            analyze(text, nlp=nlp, as_of=(2025, 6))
            passes[-1].append((time.perf_counter() - t) * 1000)
    import spacy

    floors = {}
    for name, tokenizer in (("stock", spacy.blank("en")), ("ours", nlp)):
        t = time.perf_counter()
        for _ in range(args.repeat):
            for text in texts:
                tokenizer.make_doc(text)
        floors[name] = (time.perf_counter() - t) * 1000 / (len(texts) * args.repeat)
    words = statistics.mean(len(t.split()) for t in texts)
    print(f"{len(texts)} resumes x {args.repeat} passes, {words:.0f} words on average")
    print(f"build_nlp(): {build * 1000:.0f} ms (once per process)")
    print(f"analyze(), first pass (each resume once, as in a batch): {_stats(passes[0])}")
    later = [ms for p in passes[1:] for ms in p]
    if later:
        print(f"analyze(), later passes (text seen before): {_stats(later)}")
    print(
        "for scale, the tokenizer alone: spacy.blank('en') "
        f"{floors['stock']:.2f} ms, build_nlp()'s {floors['ours']:.2f} ms per resume"
    )
    ratio = statistics.mean(passes[0]) / floors["stock"]
    print(f"first pass / spacy.blank('en') tokenizer alone: {ratio:.2f}x")
    return 0


def _stats(ms: list[float]) -> str:
    ms = sorted(ms)
    return (
        f"mean {statistics.mean(ms):.2f} ms, median {statistics.median(ms):.2f} ms, "
        f"p95 {ms[int(len(ms) * 0.95)]:.2f} ms per resume"
    )


if __name__ == "__main__":
    raise SystemExit(main())
