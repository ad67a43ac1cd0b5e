"""Batch screening: worker processes, hard per-file timeouts, flat memory.

``run_batch`` is a generator. With ``jobs=1`` it screens in this process
(time limits come from the extractor's own timer). With ``jobs>1`` it runs
its own small pool of worker processes, each loading the model once; the
parent hands out one file at a time, so a file that hangs past ``timeout``
is stopped by killing its worker (which is then replaced) and reported as
``timeout``, and a worker that dies (out of memory, a crash in C code) is a
result row too. With an ``executor`` (any ``concurrent.futures.Executor``,
e.g. a Dask client's) tasks go there instead. In every mode only a bounded
window of files is in flight, so memory does not grow with the batch.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import multiprocessing as mp
import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as mp_wait
from pathlib import Path
from typing import Any

from screener.errors import ScreenerError
from screener.inputs import InputFile, iter_inputs, read_file
from screener.result import ScreeningResult

__all__ = ["Task", "iter_tasks", "run_batch", "screen_task"]


@dataclass
class Task:
    """One unit of batch work: a file's bytes (already read) or a problem row."""

    index: int
    path: str | None
    data: bytes | None = None
    sha256: str | None = None
    problem: ScreeningResult | None = None


def iter_tasks(
    sources: Iterable[str | Path | bytes | InputFile], *, max_bytes: int | None, version: str
) -> Iterator[Task]:
    """Turn sources into tasks, reading each regular file once (bounded)."""
    index = 0
    for source in sources:
        if isinstance(source, bytes):
            yield Task(index, None, source, hashlib.sha256(source).hexdigest())
            index += 1
            continue
        inputs = [source] if isinstance(source, InputFile) else iter_inputs([source])
        for item in inputs:
            yield _task_for(index, item, max_bytes, version)
            index += 1


def _task_for(index: int, item: InputFile, max_bytes: int | None, version: str) -> Task:
    if item.problem:
        row = ScreeningResult.failure(
            item.path, None, item.problem, item.message or item.problem, model_version=version
        )
        return Task(index, item.path, problem=row)
    try:
        data = read_file(item.path, max_bytes=max_bytes)
    except ScreenerError as e:
        row = ScreeningResult.failure(item.path, None, e.reason, str(e), model_version=version)
        return Task(index, item.path, problem=row)
    except OSError as e:
        row = ScreeningResult.failure(
            item.path, None, "unreadable_file", f"cannot open file: {e.strerror or e}",
            model_version=version,
        )
        return Task(index, item.path, problem=row)
    return Task(index, item.path, data, hashlib.sha256(data).hexdigest())


def screen_task(screener: Any, task: Task) -> ScreeningResult:
    """Screen one task with ``screener`` (never raises)."""
    if task.problem is not None:
        return task.problem
    try:
        result = screener.screen_bytes(task.data or b"", path=task.path, sha256=task.sha256)
    except MemoryError:
        return ScreeningResult.failure(
            task.path, task.sha256, "too_large", "ran out of memory while reading this file",
            status="error", model_version=screener.model_version,
        )
    result.text = None  # keep rows small across processes
    return result


# -- executor mode ---------------------------------------------------------


_CACHE: dict[str, Any] = {}


def _executor_call(screener: Any, task: Task) -> ScreeningResult:
    # Each worker process keeps the first copy of a screener it receives, so
    # the spaCy pipeline is built once per process, not once per file.
    key = getattr(screener, "token", None)
    if key is not None:
        screener = _CACHE.setdefault(key, screener)
    return screen_task(screener, task)


# -- own process pool ------------------------------------------------------


def _worker_main(conn: Connection, screener: Any, memory_mb: int | None) -> None:
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    _ = screener.nlp  # load the pipeline once, before the first file
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        conn.send(screen_task(screener, task))


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: Task | None = None
    deadline: float = float("inf")
    started: float = 0.0


def _spawn(ctx: Any, screener: Any, memory_mb: int | None) -> _Slot:
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_worker_main, args=(child, screener, memory_mb), daemon=True)
    proc.start()
    child.close()
    return _Slot(proc, parent)


def _stop(slot: _Slot) -> None:
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join(5)
    slot.conn.close()


def _pool(
    screener: Any, tasks: Iterator[Task], jobs: int, timeout: float | None, memory_mb: int | None
) -> Iterator[ScreeningResult]:
    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork" if fork else "spawn")
    if fork:
        _ = screener.nlp  # build once here; forked workers share it copy-on-write
    slots = [_spawn(ctx, screener, memory_mb) for _ in range(jobs)]
    version = screener.model_version
    pending = True
    try:
        while True:
            for slot in slots:
                while pending and slot.task is None:
                    task = next(tasks, None)
                    if task is None:
                        pending = False
                    elif task.problem is not None:
                        yield task.problem
                    else:
                        slot.task, slot.started = task, time.monotonic()
                        slot.deadline = (
                            slot.started + timeout + _grace(timeout) if timeout else float("inf")
                        )
                        slot.conn.send(task)
            busy = [s for s in slots if s.task is not None]
            if not busy:
                return
            wait_for = min(s.deadline for s in busy) - time.monotonic()
            ready = mp_wait([s.conn for s in busy], timeout=max(0.0, min(wait_for, 3600.0)))
            now = time.monotonic()
            for i, slot in enumerate(slots):
                task = slot.task
                if task is None:
                    continue
                if slot.conn in ready:
                    try:
                        result = slot.conn.recv()
                    except (EOFError, OSError):
                        result = _died(slot, task, version, memory_mb, now)
                        _stop(slot)
                        slots[i] = slot = _spawn(ctx, screener, memory_mb)
                    slot.task = None
                    yield result
                elif now >= slot.deadline:
                    _stop(slot)
                    slots[i] = _spawn(ctx, screener, memory_mb)
                    yield ScreeningResult.failure(
                        task.path, task.sha256, "timeout",
                        f"stopped after {timeout:g} s (per-file time limit)", status="error",
                        model_version=version, seconds=round(now - slot.started, 3),
                    )
    finally:
        for slot in slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
            _stop(slot)


def _grace(timeout: float) -> float:
    """Extra time before a hard kill, so the worker's own timer can answer first."""
    return min(1.0, 0.1 * timeout)


def _died(
    slot: _Slot, task: Task, version: str, memory_mb: int | None, now: float
) -> ScreeningResult:
    slot.process.join(1)
    code = slot.process.exitcode
    why = f"worker process died (exit code {code})"
    if memory_mb:
        why += f"; it may have hit the memory limit of {memory_mb} MB"
    return ScreeningResult.failure(
        task.path, task.sha256, "worker_died", why, status="error",
        model_version=version, seconds=round(now - slot.started, 3),
    )


def _executor_run(
    screener: Any, tasks: Iterator[Task], executor: Executor, window: int
) -> Iterator[ScreeningResult]:
    inflight: set[Future[ScreeningResult]] = set()
    for task in tasks:
        if task.problem is not None:
            yield task.problem
            continue
        inflight.add(executor.submit(_executor_call, screener, task))
        if len(inflight) >= window:
            done, inflight = wait(inflight, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in done)
    while inflight:
        done, inflight = wait(inflight, return_when=FIRST_COMPLETED)
        yield from (f.result() for f in done)


def run_batch(
    screener: Any,
    sources: Iterable[str | Path | bytes | InputFile],
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    timeout: float | None = None,
    memory_mb: int | None = None,
    window: int | None = None,
) -> Iterator[ScreeningResult]:
    """Screen ``sources`` and yield one result per file as each finishes.

    See :meth:`screener.Screener.screen_many` for the parameters;
    ``memory_mb`` caps each worker's address space (``jobs > 1`` only).
    """
    limits = screener.limits
    max_bytes = getattr(limits, "max_bytes", None) if limits is not None else None
    if timeout is not None:
        screener = _with_timeout(screener, timeout)
    tasks = iter_tasks(sources, max_bytes=max_bytes or 20 * 1024 * 1024,
                       version=screener.model_version)
    if executor is not None:
        results = _executor_run(screener, tasks, executor, window or 32)
    elif jobs > 1:
        results = _pool(screener, tasks, jobs, timeout, memory_mb)
    else:
        results = (screen_task(screener, t) for t in tasks)
    yield from results


def _with_timeout(screener: Any, timeout: float) -> Any:
    """A shallow copy of ``screener`` whose extraction limits use ``timeout``."""
    from screener.extraction.limits import Limits

    clone = screener.__class__.__new__(screener.__class__)
    clone.__dict__.update(screener.__dict__)
    clone.limits = dataclasses.replace(screener.limits or Limits(), timeout=timeout)
    return clone


def cpu_count() -> int:
    """Usable CPUs of this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1
