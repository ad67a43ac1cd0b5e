"""Batch screening: worker processes, hard per-file timeouts, flat memory.

``run_batch`` is a generator. With ``jobs=1`` and no ``memory_mb`` it
screens in this process (time limits come from the extractor's own timer).
With ``jobs>1``, or any ``memory_mb``, it runs its own small pool of worker
processes (:mod:`screener.pool`), each loading the model once: a file that
hangs past ``timeout`` is stopped by killing its worker (which is replaced)
and reported as ``timeout``, a worker that dies is a ``worker_died`` row,
and each worker's address space is capped ``memory_mb`` above its start.
With an ``executor`` (any ``concurrent.futures.Executor``, e.g. a Dask
client's) tasks go there instead, under that executor's own resource
limits. In every mode only a bounded window of files is in flight, so
memory does not grow with the batch, and every input gives exactly one row.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Container, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screener.errors import ScreenerError
from screener.inputs import DEFAULT_MAX_BYTES, InputFile, iter_inputs, read_file
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
    sources: Iterable[str | Path | bytes | InputFile],
    *,
    max_bytes: int | None,
    version: str,
    skip: Container[str] = frozenset(),
    on_skip: Callable[[Task], None] | None = None,
) -> Iterator[Task]:
    """Turn sources into tasks, reading and hashing each regular file once (bounded).

    A file whose sha256 is in ``skip`` is not yielded; ``on_skip`` is called
    with its task instead.
    """
    index = 0
    for source in sources:
        single = isinstance(source, (bytes, InputFile))
        inputs: Iterable[bytes | InputFile] = [source] if single else iter_inputs([source])
        for item in inputs:
            if isinstance(item, bytes):
                task = Task(index, None, item, hashlib.sha256(item).hexdigest())
            else:
                task = _task_for(index, item, max_bytes, version)
            if task.sha256 is not None and task.sha256 in skip:
                if on_skip is not None:
                    on_skip(task)
                continue
            yield task
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
            item.path,
            None,
            "unreadable_file",
            f"cannot open file: {e.strerror or e}",
            model_version=version,
        )
        return Task(index, item.path, problem=row)
    return Task(index, item.path, data, hashlib.sha256(data).hexdigest())


def screen_task(screener: Any, task: Task, *, memory_mb: int | None = None) -> ScreeningResult:
    """Screen one task with ``screener`` (never raises for the file's sake).

    Running out of memory is a ``too_large`` row; ``memory_mb`` (the
    worker's ceiling, if any) is named in its message.
    """
    if task.problem is not None:
        return task.problem
    try:
        result = screener.screen_bytes(task.data or b"", path=task.path, sha256=task.sha256)
    except MemoryError:
        why = "ran out of memory while screening this file"
        if memory_mb:
            why += f" (the memory ceiling is {memory_mb} MB above the worker's start)"
        return ScreeningResult.failure(
            task.path,
            task.sha256,
            "too_large",
            why,
            status="error",
            model_version=screener.model_version,
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
    skip: Container[str] = frozenset(),
    on_skip: Callable[[Task], None] | None = None,
) -> Iterator[ScreeningResult]:
    """Screen ``sources`` and yield one result per file as each finishes.

    See :meth:`screener.Screener.screen_many` for the parameters.
    ``memory_mb`` caps how much address space each worker may add while
    screening (see :mod:`screener.pool`); given with ``jobs=1``, the files
    are screened in one worker process so that the ceiling (and a hard
    timeout) can apply. It does not apply to an ``executor``.
    """
    max_bytes = getattr(screener.limits, "max_bytes", None) or DEFAULT_MAX_BYTES
    if timeout is not None:
        screener = _with_timeout(screener, timeout)
    tasks = iter_tasks(
        sources, max_bytes=max_bytes, version=screener.model_version, skip=skip, on_skip=on_skip
    )
    if executor is not None:
        results = _executor_run(screener, tasks, executor, window or 32)
    elif jobs > 1 or memory_mb:
        from screener.pool import run_pool

        results = run_pool(screener, tasks, max(jobs, 1), timeout, memory_mb)
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
