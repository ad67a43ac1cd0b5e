"""Command line: ``screener screen|train|evaluate``.

This module only parses arguments, prints, and maps outcomes to exit codes;
the work is done by the library. Exit codes: 0 every file was read and
screened, 1 some files were unreadable or failed (their rows say why),
2 usage error (bad arguments, missing model), 130 interrupted (Ctrl-C),
141 the output was closed early (``screener screen ... | head``), 143
stopped by SIGTERM (a scheduler or ``timeout`` ending the run).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from screener._version import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
#: 128 + the signal number, as a shell reports a command stopped by SIGINT or SIGPIPE.
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 130, 141, 143
#: ``--memory-mb`` default: address space a worker may add above its start
#: (see :mod:`screener.pool`; the heaviest real resumes add about 120 MB).
DEFAULT_MEMORY_MB = 1024

_EPILOG = """\
exit codes:
    0  every file was read and screened
    1  some files were unreadable or failed (each has a row saying why)
    2  usage error (bad arguments, model or lexicon problem)
  130  interrupted (Ctrl-C); a screening run continues with --resume
  141  the output was closed early (e.g. piped into head)
  143  stopped by SIGTERM (a scheduler, timeout); likewise

examples:
  screener screen resumes/ -o results.jsonl --jobs 2
  screener screen resumes/ -o results.jsonl --resume      # continue a killed run
  screener screen cv.pdf --format table
  screener evaluate labelled/ --baselines
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="screener",
        description="Screen resumes for the strategic skill mix of a social media role.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"screener {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    s = sub.add_parser(
        "screen",
        help="screen files or folders of resumes",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    s.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="resume files (PDF, DOCX, TXT) or folders (searched recursively)",
    )
    s.add_argument("-o", "--output", type=Path, help="write rows here instead of stdout")
    s.add_argument(
        "--format",
        choices=("jsonl", "csv", "table"),
        default="jsonl",
        help="jsonl (default), csv (lists flattened) or a readable ranking table",
    )
    s.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    s.add_argument(
        "--timeout", type=float, default=30.0, help="per-file time limit in seconds (default 30)"
    )
    s.add_argument(
        "--memory-mb",
        type=int,
        default=DEFAULT_MEMORY_MB,
        help="memory each worker process may add while screening a file, in MB "
        f"(default {DEFAULT_MEMORY_MB}); files are then screened in worker "
        "processes even with --jobs 1; 0 turns the ceiling off",
    )
    s.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change an extraction limit, e.g. --limit max_pages=100 or "
        "--limit max_inflated_bytes=100000000 (repeatable; the limits and "
        "their defaults are in the README, 'Untrusted input')",
    )
    s.add_argument(
        "--word-range",
        metavar="MIN:MAX",
        default=None,
        help="words a document needs to be screened as a resume (default 40:4000); "
        "outside it a row keeps its probability but its decision is review, with "
        "reason too_short or too_long; 'off' turns the check off",
    )
    s.add_argument(
        "--any-language",
        action="store_true",
        help="screen resumes in any language as they are (the lexicon and model read "
        "English; by default others keep their probability but go to review, reason "
        "not_english)",
    )
    s.add_argument(
        "--resume",
        action="store_true",
        help="append to --output, skipping files already in it (by sha256)",
    )
    s.add_argument("--model", type=Path, help="model file or folder (default: shipped model)")
    s.add_argument(
        "--patterns",
        type=Path,
        action="append",
        metavar="JSONL",
        help="your own pattern file, added to the shipped lexicon (repeatable; "
        "format in the README, 'Your own patterns')",
    )
    s.add_argument(
        "--no-blind",
        action="store_true",
        help="do not redact personal data before building features",
    )
    s.add_argument(
        "--report",
        type=Path,
        metavar="HTML",
        help="also write a self-contained HTML report (needs -o)",
    )
    s.add_argument(
        "--log", type=Path, metavar="FILE", help="append every decision to this JSONL decision log"
    )
    s.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr (auto: when stderr is a terminal)",
    )

    t = sub.add_parser("train", help="train a model on a labelled folder")
    t.add_argument(
        "data",
        nargs="+",
        type=Path,
        help="folders of labelled JSON resumes, or CSV files of path,label",
    )
    t.add_argument("-o", "--output", type=Path, required=True, help="folder for the model")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--version-tag", default=None, help="model version string")

    r = sub.add_parser("report", help="write an HTML report of a results file")
    r.add_argument("results", type=Path, help="results JSONL written by `screener screen`")
    r.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    r.add_argument("--no-blind", action="store_true", help="show unredacted resume text")

    a = sub.add_parser("audit", help="bias audit of results against a demographics table")
    a.add_argument("results", type=Path, help="results JSONL written by `screener screen`")
    a.add_argument(
        "demographics", type=Path, help="CSV with sha256 (or path), sex, race_ethnicity columns"
    )
    a.add_argument("--format", choices=("text", "json", "csv"), default="text")
    a.add_argument("-o", "--output", type=Path, help="write the audit here")

    o = sub.add_parser("override", help="record a reviewer's decision in a decision log")
    o.add_argument("log", type=Path, help="the decision log (JSONL)")
    o.add_argument("sha256", help="sha256 of the resume, as in the results")
    o.add_argument("--decision", required=True, choices=("strategic", "not_strategic", "review"))
    o.add_argument("--reviewer", required=True)
    o.add_argument("--reason", required=True)

    e = sub.add_parser("evaluate", help="evaluate a model on a labelled folder")
    e.add_argument("data", type=Path, help="folder of labelled JSON with rendered files beside")
    e.add_argument("--model", type=Path, help="model file or folder (default: shipped model)")
    e.add_argument(
        "--baselines",
        action="store_true",
        help="also score a keyword counter and TF-IDF + logistic regression",
    )
    e.add_argument(
        "--train-data",
        type=Path,
        action="append",
        help="training corpus for the TF-IDF baseline (default data/corpus)",
    )
    e.add_argument("--json", action="store_true", help="print metrics as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    import logging

    # pdfminer logs a warning for every oddity of a damaged PDF; the result row
    # already says what went wrong, so keep the terminal for our own summary.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from screener.errors import ScreenerError

    try:
        with _sigterm_as_interrupt():
            return _run(args)
    except (ScreenerError, ValueError, FileNotFoundError) as e:
        print(f"screener: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as e:
        stopped = "terminated" if isinstance(e, _Terminated) else "interrupted"
        # only a screening run with an output file has rows to continue from
        resumable = args.command == "screen" and args.output is not None
        hint = "; rerun with --resume to continue" if resumable else ""
        print(f"screener: {stopped}{hint}", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(e, _Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    """Dispatch to the subcommand."""
    if args.command == "screen":
        return _screen(args)
    if args.command == "train":
        return _train(args)
    if args.command == "report":
        from screener.report_html import write_report

        write_report(args.results, args.output, blind=not args.no_blind)
        return EXIT_OK
    if args.command == "audit":
        return _audit(args)
    if args.command == "override":
        return _override(args)
    return _evaluate(args)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it stops as Ctrl-C stops it."""


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Any:
    """Turn SIGTERM into :class:`_Terminated` in this process while the command runs.

    A scheduler (systemd, Kubernetes, ``timeout``) stops a run with SIGTERM.
    Raised as an interrupt, it goes through the same clean-up as Ctrl-C: the
    batch's workers are stopped (they ignore SIGTERM themselves, see
    :mod:`screener.pool`, so the files they hold get no ``worker_died`` row
    and ``--resume`` screens them again), the output is closed and the exit
    code says what happened.  Processes forked from this one (the model
    loader) keep the default action; a second SIGTERM ends the run at once.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    owner = os.getpid()

    def handler(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if os.getpid() != owner:
            os.kill(os.getpid(), signal.SIGTERM)  # a forked child: the default action
            return
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        # None: a handler set from C, which Python can neither see nor restore
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _discard_stdout() -> None:
    """Point stdout at the null device: whoever read it has gone (``| head``).

    Without this, Python's final flush of stdout at exit fails again and
    prints an error.  Where stdout is no file (captured in tests) there is
    nothing to flush.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)  # stdout now holds its own descriptor of the null device


def _progress(mode: str) -> Any:
    show = mode == "always" or (mode == "auto" and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit="file", file=sys.stderr, dynamic_ncols=True)


def _screen(args: argparse.Namespace) -> int:
    from screener.output import ResultWriter, prepare_resume
    from screener.screening import Screener, tuned_gc

    if args.jobs < 1 or args.memory_mb < 0:
        print("screener: --jobs must be at least 1 and --memory-mb at least 0", file=sys.stderr)
        return EXIT_USAGE
    if (args.resume or args.report) and not args.output:
        print("screener: --resume and --report need -o/--output", file=sys.stderr)
        return EXIT_USAGE
    # The model loads in a helper process while this one reads the first file
    # and builds the spaCy pipeline (start-up is imports, on two cores at once).
    limits = _limits(args.limit)
    screener = Screener.load(
        args.model,
        blind=not args.no_blind,
        background=True,
        limits=limits,
        patterns=args.patterns,
        english_only=not args.any_language,
        **_word_range(args.word_range),
    )
    fmt = "jsonl" if args.format == "table" and args.output else args.format
    done: set[str] = set()
    if args.resume:
        done = prepare_resume(args.output, "csv" if fmt == "csv" else "jsonl")
    rows: list[dict[str, Any]] = []
    stream = sys.stdout
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        exists = args.output.exists() and args.output.stat().st_size > 0
        stream = args.output.open("a" if args.resume else "w", encoding="utf-8", newline="")
    writer = (
        None
        if fmt == "table"
        else ResultWriter(stream, fmt, header=not (args.resume and exists) if args.output else True)
    )
    counts: Counter[str] = Counter()
    log = None
    if args.log:
        from screener.decision_log import DecisionLog

        log = DecisionLog(
            args.log,
            config={
                "threshold": screener.model.threshold,
                "band": screener.model.band,
                "blind": screener.blind,
                "timeout": args.timeout,
            },
        )
    bar = _progress(args.progress)
    t0 = time.perf_counter()

    def skipped(_task: Any) -> None:
        counts["__skipped"] += 1

    gc_settings = contextlib.ExitStack()
    tuned = args.jobs > 1 or args.memory_mb > 0  # either way files go to worker processes
    if tuned:  # workers are forked with the pipeline and the model ready
        screener.prepare()
        gc_settings.enter_context(tuned_gc())
    try:
        for result in screener.screen_many(
            args.paths,
            jobs=args.jobs,
            timeout=args.timeout,
            memory_mb=args.memory_mb or None,
            skip=done,
            on_skip=skipped,
        ):
            if not tuned and result.status == "ok":  # the model and pipeline are loaded now
                gc_settings.enter_context(tuned_gc())
                tuned = True
            counts[result.reason or result.decision or result.status] += 1
            counts["__failed"] += result.status != "ok"
            if log:
                log.record(result)
            if writer:
                writer.write(result)
            else:
                rows.append(result.to_dict())
            if bar:
                bar.update(1)
    finally:
        gc_settings.close()
        if bar:
            bar.close()
        if stream is not sys.stdout:
            stream.close()
    if fmt == "table":
        from screener.report_text import ranking_table

        print(ranking_table(rows))
    failed = counts["__failed"]
    _summary(counts, time.perf_counter() - t0)
    if args.report and fmt == "jsonl":
        from screener.report_html import write_report

        write_report(args.output, args.report, blind=not args.no_blind)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _limits(pairs: list[str]) -> Any:
    """``Limits`` from ``--limit NAME=VALUE`` pairs (None when there are none)."""
    if not pairs:
        return None
    import dataclasses

    from screener.extraction import Limits

    names = sorted(f.name for f in dataclasses.fields(Limits) if f.name != "timeout")
    values: dict[str, Any] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in names:
            raise ValueError(
                f"--limit {pair!r}: NAME is one of {', '.join(names)} (the time limit is --timeout)"
            )
        kind = type(getattr(Limits(), name))
        try:
            values[name] = kind(value)
        except ValueError:
            raise ValueError(f"--limit {pair!r}: {value!r} is not a number") from None
    return Limits(**values)


def _word_range(value: str | None) -> dict[str, Any]:
    """``Screener`` keyword for ``--word-range MIN:MAX`` or ``off`` (none: the default)."""
    if value is None:
        return {}
    if value.strip().lower() == "off":
        return {"word_range": None}
    low, sep, high = value.partition(":")
    with contextlib.suppress(ValueError):
        if sep:
            return {"word_range": (int(low), int(high))}
    raise ValueError(f"--word-range {value!r}: give MIN:MAX, e.g. 40:4000, or off")


def _summary(counts: Counter[str], seconds: float) -> None:
    skipped = counts.pop("__skipped", 0)
    counts.pop("__failed", None)
    total = sum(counts.values())
    parts = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    line = f"screened {total} file(s) in {seconds:.1f} s"
    if parts:
        line += f" ({parts})"
    if skipped:
        line += f"; skipped {skipped} already in the output"
    print(line, file=sys.stderr)


def _train(args: argparse.Namespace) -> int:
    from screener.evaluation import train_from_folders

    model, report = train_from_folders(args.data, seed=args.seed, version=args.version_tag)
    model.save(args.output)
    print(report)
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    from screener.audit import audit_files

    report = audit_files(args.results, args.demographics)
    text = {
        "text": report.to_text,
        "csv": report.to_csv,
        "json": lambda: __import__("json").dumps(report.to_dict(), indent=2),
    }[args.format]()
    if args.output:
        args.output.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def _override(args: argparse.Namespace) -> int:
    from screener.decision_log import DecisionLog

    DecisionLog(args.log).override(
        args.sha256, args.decision, reviewer=args.reviewer, reason=args.reason
    )
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from screener.evaluation import evaluate_folder, format_metrics

    train_data = args.train_data or [Path("data/corpus")]
    metrics = evaluate_folder(
        args.data, model_path=args.model, baselines=args.baselines, train_data=train_data
    )
    print(json.dumps(metrics, indent=2) if args.json else format_metrics(metrics))
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
