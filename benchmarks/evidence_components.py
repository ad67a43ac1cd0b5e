"""Time each step of the evidence layer: milliseconds per resume.

Renders the labelled JSON resumes of a folder (default ``data/corpus``)
with ``evidence_speed.corpus_texts`` and times, over all of them at once, the
tokenizer (``nlp.make_doc``), each pipeline component in turn on the docs
the previous one returned, and the whole of :func:`screener.nlp.analyze`
(which also segments sections and entries and builds the evidence records).
"analyze() outside the pipeline" is timed on its own: ``analyze`` is given
a stand-in for the pipeline that returns the doc the pipeline made for the
same text in an untimed first pass.  Each figure
is the fastest of ``--repeat`` passes, so a pass slowed by other load on a
shared machine does not count; the tokenizer cache is warmed first, so the
tokenizer row is its cost on text it has seen (a batch of new resumes pays
more: see the first pass of ``evidence_speed.py``).

``--cold`` times every pass as a batch of new resumes meets it instead: a
new pipeline for each pass (an empty tokenizer cache and vocabulary) and
screener's own caches cleared (``functools`` caches of header lines and
headings), so each row is a first-pass cost.

Usage::

    python benchmarks/evidence_components.py [data/corpus] [--repeat 3] [--limit 600] [--cold]
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from evidence_speed import corpus_texts  # the script's folder is on sys.path


def clear_caches() -> int:
    """Clear the ``functools`` caches of screener's modules; return how many there were."""
    caches = {
        id(obj): obj
        for name, module in list(sys.modules.items())
        if name.startswith("screener.") and module is not None
        for obj in vars(module).values()
        if callable(getattr(obj, "cache_clear", None)) and hasattr(obj, "cache_info")
    }
    for cached in caches.values():
        cached.cache_clear()
    return len(caches)


def _passes(repeat: int, run: Any, before: Any = None) -> float:
    """Fastest of ``repeat`` timed calls of ``run()``, in seconds (``before()`` untimed)."""
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        t = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="data/corpus")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest counts")
    parser.add_argument("--limit", type=int, default=0, help="first N resumes only (0: all)")
    parser.add_argument("--cold", action="store_true", help="every pass as new resumes meet it")
    args = parser.parse_args(argv)
    return _measure(args)


def _measure(args: argparse.Namespace) -> int:
    """Time each step; with ``--cold``, a new pipeline and cleared caches before each pass."""
    from screener.nlp import analyze, build_nlp

    texts = _texts(args)
    if not texts:
        return 1
    nlp = build_nlp()
    current = {"nlp": nlp}  # the pipeline the tokenizer and whole-analyze passes use

    def reset() -> None:
        current["nlp"] = build_nlp()
        clear_caches()

    if not args.cold:
        for text in texts:  # warm the tokenizer cache, as a long batch would
            nlp.make_doc(text)
    before = reset if args.cold else None
    steps = {
        "tokenizer": _passes(
            args.repeat, lambda: [current["nlp"].make_doc(t) for t in texts], before
        )
    }
    # The components keep nothing from one doc to the next: timed the same way in both modes.
    for name in nlp.pipe_names:
        steps[name] = _component(args.repeat, nlp, name, texts)
    whole = _passes(
        args.repeat,
        lambda: [analyze(t, nlp=current["nlp"], as_of=(2025, 6)) for t in texts],
        before,
    )
    replay = _Replay(nlp)
    for text in texts:  # untimed: the pipeline's docs, kept for the timed passes
        analyze(text, nlp=replay, as_of=(2025, 6))
    rest = _passes(
        args.repeat,
        lambda: [analyze(t, nlp=replay, as_of=(2025, 6)) for t in texts],
        clear_caches if args.cold else None,
    )
    how = f"fastest of {args.repeat} {'cold ' if args.cold else ''}passes"
    _print(texts, how, steps, rest, whole)
    return 0


def _texts(args: argparse.Namespace) -> list[str]:
    texts = corpus_texts(args.folder)
    texts = texts[: args.limit] if args.limit > 0 else texts
    if not texts:
        print(f"no JSON resumes under {args.folder}")
    return texts


def _print(texts: list[str], how: str, steps: dict[str, float], rest: float, whole: float) -> None:
    n = len(texts)
    print(f"{n} resumes, {how}, ms per resume")
    for name, seconds in steps.items():
        print(f"  {name:<32}{seconds * 1000 / n:6.2f}")
    print(f"  {'analyze() outside the pipeline':<32}{rest * 1000 / n:6.2f}")
    print(f"  {'analyze() in all':<32}{whole * 1000 / n:6.2f}")


class _Replay:
    """Stands in for the pipeline: the doc it made for a text, made once."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.docs = nlp, {}

    def __call__(self, text: str) -> Any:
        doc = self.docs.get(text)
        if doc is None:
            doc = self.docs[text] = self.nlp(text)
        return doc


def _component(repeat: int, nlp: Any, name: str, texts: list[str]) -> float:
    """Fastest pass of component ``name`` over fresh docs that went through the steps
    before it (untimed): a component may change the doc, so no pass reuses one."""
    before = nlp.pipe_names[: nlp.pipe_names.index(name)]
    proc = nlp.get_pipe(name)
    best = float("inf")
    for _ in range(repeat):
        ready = [_through(nlp, before, text) for text in texts]
        t = time.perf_counter()
        for doc in ready:
            proc(doc)
        best = min(best, time.perf_counter() - t)
    return best


def _through(nlp: Any, names: list[str], text: str) -> Any:
    doc = nlp.make_doc(text)
    for name in names:
        doc = nlp.get_pipe(name)(doc)
    return doc


if __name__ == "__main__":
    raise SystemExit(main())
