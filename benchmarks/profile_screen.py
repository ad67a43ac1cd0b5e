"""Where screening time goes: per-stage times and a cProfile summary.

Usage::

    python benchmarks/profile_screen.py [--files 50] [--top 30] [--corpus DIR]
    python benchmarks/profile_screen.py --startup       # one CLI start to first result
    py-spy record -r 250 -f raw -o spy.txt -- python benchmarks/profile_screen.py --loop
    python benchmarks/profile_screen.py --spy-summary spy.txt

Screens the PDFs of a generated corpus (``benchmarks/corpus.py``) in this
process with one ``Screener`` (warmed on the first file), alternating with
pdfminer's own ``extract_text`` as ``bench_screen.py`` does, and prints:

- CPU time per file of each stage (pdfminer layout, our conversion of its
  lines, reading order, document build, redaction, the spaCy pipeline and
  analysis, features, model), measured with ``time.process_time`` around
  each stage so that a busy machine skews it less than wall time;
- the top functions of a cProfile run over the same files, by cumulative
  time (the profiler slows pure-Python code more than C code, so use it
  for where, and the stage table for how much).

``--startup`` times ``screener screen FILE`` from process start to the
first result instead, phase by phase (imports, model load, pipeline build).
``--loop`` only screens, for a sampling profiler such as py-spy (which does
not slow Python code down the way cProfile does); ``--spy-summary`` turns
its raw output into inclusive percentages per function.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES: dict[str, tuple[str, str, bool]] = {
    # stage: (module, function, is a generator)
    "pdfminer layout (ours)": ("screener.extraction.pdf", "_layouts", True),
    "pdfminer lines -> pieces": ("screener.extraction.pdf", "_convert", False),
    "reading order": ("screener.extraction.layout", "order_page", False),
    "build document": ("screener.extraction", "build_document", False),
    "redaction": ("screener.redact", "redact_document", False),
    "spaCy pipeline + analysis": ("screener.nlp", "analyze", False),
    "features": ("screener.features", "featurize", False),
}


def _timed(fn: Callable[..., Any], key: str, totals: Counter[str]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[key] += time.process_time() - t0

    return wrapper


def _timed_gen(fn: Callable[..., Iterator[Any]], key: str, totals: Counter[str]) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        gen = fn(*args, **kwargs)
        while True:
            t0 = time.process_time()
            try:
                item = next(gen)
            except StopIteration:
                return
            finally:
                totals[key] += time.process_time() - t0
            yield item

    return wrapper


def instrument(totals: Counter[str]) -> None:
    """Wrap each stage's function so its CPU time adds up in ``totals``."""
    import importlib

    for key, (mod_name, attr, gen) in STAGES.items():
        mod = importlib.import_module(mod_name)
        fn = getattr(mod, attr)
        setattr(mod, attr, (_timed_gen if gen else _timed)(fn, key, totals))


def stage_table(files: list[Path], *, tune: bool = True) -> str:
    """Per-file CPU time of each stage, and of pdfminer's ``extract_text``.

    ``tune``: inside :func:`screener.screening.tuned_gc`, as the CLI screens.
    """
    from bench_screen import alternate, warm_up

    from screener import Screener
    from screener.screening import tuned_gc

    totals: Counter[str] = Counter()
    instrument(totals)
    screener = Screener.load()
    model = screener.model
    model.predict_proba = _timed(model.predict_proba, "model", totals)  # type: ignore[method-assign]
    model.contributions = _timed(model.contributions, "model", totals)  # type: ignore[method-assign]
    warm_up(screener, files[0])
    totals.clear()
    with tuned_gc() if tune else contextlib.nullcontext():
        t_pm, t_ours = alternate(screener, files, clock=time.process_time)
    n = len(files)
    rows = [
        f"{'stage':28s} {'ms/file':>8s}",
        f"{'pdfminer extract_text':28s} {1e3 * t_pm / n:8.1f}",
        f"{'screener.screen (total)':28s} {1e3 * t_ours / n:8.1f}",
    ]
    rows += [f"  {k:26s} {1e3 * v / n:8.1f}" for k, v in totals.most_common()]
    rest = t_ours - sum(totals.values())
    rows.append(f"  {'other (read, sha256, result)':26s} {1e3 * rest / n:8.1f}")
    rows.append(f"ratio (CPU time): {t_ours / t_pm:.3f}")
    return "\n".join(rows)


def profile_run(files: list[Path], top: int) -> str:
    """cProfile of ``Screener.screen`` over ``files``, top functions by cumulative time."""
    from screener import Screener
    from screener.screening import tuned_gc

    screener = Screener.load()
    screener.screen(files[0])
    prof = cProfile.Profile()
    with tuned_gc():
        prof.enable()
        for f in files:
            screener.screen(f)
        prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


_MAIN_PHASES = """
import resource, sys, time
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
from screener.screening import Screener
screener = Screener.load(background=True); mark("import screener, load the model (numbers)")
import pdfminer.high_level; mark("import pdfminer")
from screener.extraction import extract
doc = extract(sys.argv[1]); mark("extract the first file")
import spacy; mark("import spaCy")
_ = screener.nlp; mark("build the spaCy pipeline")
screener.analyze(doc); mark("analyse the first file")
screener.model.ready(); mark("wait for the model helper, if any")
child = resource.getrusage(resource.RUSAGE_CHILDREN)
for (_, w0, c0), (name, w1, c1) in zip(marks, marks[1:]):
    print(f"  {name:42s} {w1 - w0:6.2f} s wall {c1 - c0:6.2f} s CPU")
print(f"  {'total (main process)':42s} {marks[-1][1] - marks[0][1]:6.2f} s wall "
      f"{marks[-1][2] - marks[0][2]:6.2f} s CPU")
print(f"  {'model helper process (in parallel)':42s} {'':6s}   wall "
      f"{child.ru_utime + child.ru_stime:6.2f} s CPU")
"""

_HELPER_PHASES = """
import time
t = [time.perf_counter()]
import sklearn.base; t.append(time.perf_counter())
from screener.model_loader import skops_io
skops_io(lean=True); t.append(time.perf_counter())
from screener.linear import LinearForm
from screener.model import _load_pipeline, default_model_path
pipe = _load_pipeline(default_model_path(), lean=True); t.append(time.perf_counter())
LinearForm.from_pipeline(pipe); t.append(time.perf_counter())
names = ["import scikit-learn (with SciPy)", "import skops.io (lean)",
         "skops load with trusted-type check", "linear form and its exactness check"]
for name, a, b in zip(names, t, t[1:]):
    print(f"  {name:42s} {b - a:6.2f} s wall")
"""


def profile_startup(path: Path, runs: int = 3) -> str:
    """Time to first result of the CLI, and where the start-up time goes, phase by phase.

    The CLI scores with the numbers saved beside the model file (no
    scikit-learn import); only when they are missing or stale does it load
    the model in a helper process (scikit-learn, skops) while the main
    process imports spaCy and pdfminer, builds the pipeline and reads the
    first file. Both sides are timed phase by phase (the helper's run alone,
    as the fallback would cost). (cProfile
    inflates import and pipeline-building time several-fold, so phases are
    timed with clocks instead.)
    """
    cli = [sys.executable, "-m", "screener.cli", "screen", str(path), "--progress", "never"]
    firsts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cli, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
        assert proc.stdout is not None
        proc.stdout.readline()
        firsts.append(time.perf_counter() - t0)
        proc.wait()
    main = subprocess.run(
        [sys.executable, "-c", _MAIN_PHASES, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    helper = subprocess.run(
        [sys.executable, "-c", _HELPER_PHASES], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return (
        f"screener screen {path.name}: first row after "
        + ", ".join(f"{t:.2f}" for t in firsts)
        + " s\n\n"
        + f"main process, phase by phase:\n{main}\n"
        + f"model helper (only if the saved numbers are unusable), run alone:\n{helper}"
    )


def screen_loop(files: list[Path], rounds: int = 2) -> None:
    """Only screen ``files`` (after warming up), e.g. under ``py-spy record``."""
    from screener import Screener
    from screener.screening import tuned_gc

    screener = Screener.load()
    screener.screen(files[0])
    with tuned_gc():
        for _ in range(rounds):
            for f in files:
                screener.screen(f)


def spy_summary(raw: Path, top: int) -> str:
    """Inclusive share of samples per function in ``Screener.screen_bytes``.

    ``raw`` is ``py-spy record -f raw`` output; start-up samples (imports,
    building the pipeline) are left out.
    """
    totals: Counter[str] = Counter()
    n_all = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if not any("screen_bytes" in f for f in frames) or any(
            "build_nlp" in f or "importlib" in f for f in frames
        ):
            continue
        n_all += int(count)
        seen = set()
        for frame in frames:
            name, _, where = frame.partition(" (")
            key = f"{name} ({where.split(':')[0].rsplit('/', 1)[-1]})"
            if key not in seen:
                seen.add(key)
                totals[key] += int(count)
    rows = [f"{100 * n / n_all:5.1f}%  {k}" for k, n in totals.most_common(top)]
    return f"{n_all} samples in Screener.screen_bytes\n" + "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=50, help="PDFs to screen")
    p.add_argument("--top", type=int, default=30, help="functions to list")
    p.add_argument("--corpus", type=Path, help="an existing folder of PDFs")
    p.add_argument("--startup", action="store_true", help="profile CLI start-up instead")
    p.add_argument("--loop", action="store_true", help="only screen the files (for py-spy)")
    p.add_argument(
        "--spy-summary",
        type=Path,
        metavar="RAW",
        help="summarise `py-spy record -f raw` output of a --loop run",
    )
    p.add_argument(
        "--no-gc-tuning",
        action="store_true",
        help="measure stages with Python's default garbage collector settings",
    )
    args = p.parse_args(argv)
    if args.spy_summary:
        print(spy_summary(args.spy_summary, args.top))
        return 0
    if args.corpus:
        files = sorted(args.corpus.glob("*.pdf"))[: args.files]
    else:
        from benchmarks.corpus import make_corpus

        folder = Path(tempfile.mkdtemp(prefix="screener-profile-"))
        made = make_corpus(int(args.files * 1.6) + 1, folder, seed=0)
        files = [f for f in made if f.suffix == ".pdf"][: args.files]
    if args.startup:
        print(profile_startup(files[0]))
        return 0
    if args.loop:
        screen_loop(files)
        return 0
    print(f"{len(files)} PDFs\n")
    print(stage_table(files, tune=not args.no_gc_tuning))
    print()
    print(profile_run(files, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
