"""The batch runner's own worker processes: hard timeouts and a memory ceiling.

The parent hands out one file at a time. A file that runs past ``timeout``
(plus a short grace for the worker's own timer to answer first) is stopped by
killing its worker, which is replaced, and reported as ``timeout``; a worker
that dies (a crash in C code, the kernel's out-of-memory killer) is a
``worker_died`` row. Either way the batch goes on.

**Memory ceiling.** ``memory_mb`` caps what each worker may *add* to its
address space while screening (``RLIMIT_AS`` set to the worker's size at
start plus ``memory_mb``). It is relative because the starting size is
mostly reservations, not memory: measured on Linux with the model and the
spaCy pipeline loaded, a worker starts at about 550 MB of address space
(190 MB resident), and every BLAS thread the parent started adds about
80 MB of reservations that a forked worker inherits, so an absolute ceiling
that fits a laptop would stop every worker on a 64-core server before its
first file. Over the ceiling, allocations fail: Python raises
``MemoryError`` and the file becomes a ``too_large`` row; a crash in C code
becomes a ``worker_died`` row. A worker that ends a file with more than half
of its ceiling still mapped is replaced, so one heavy file cannot leave the
next one short. Workers run BLAS single-threaded (we parallelise by
processes), so no thread is started under the ceiling.

**A killed parent.** Forked workers inherit the parent's ends of every
worker's pipe, so when the parent is killed (``kill -9``, the out-of-memory
killer) a waiting worker never reads end-of-file. An idle worker therefore
looks every ``PARENT_CHECK_S`` seconds whether its parent is still the
process that started it, and exits when it is not; a busy one does so after
its file.

**Ctrl-C and SIGTERM.** A terminal sends SIGINT to the whole process
group, and a scheduler (systemd, Kubernetes) sends SIGTERM to it. Workers
ignore both: the parent stops them (in ``run_pool``'s ``finally``, with
SIGKILL) and reports the interruption once, instead of each worker printing
a ``KeyboardInterrupt`` traceback or dying into a ``worker_died`` row. The
command line turns SIGTERM into an interruption (``screener.cli``); a
program that imports screener keeps its own SIGTERM handling.  Since
workers ignore SIGTERM, ``multiprocessing``'s exit handler cannot stop them:
a program that exits with the batch generator still open (Ctrl-C landing
outside it, or no more reading) has them stopped by a ``Finalize`` that
handler runs first.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as mp_wait
from multiprocessing.util import Finalize
from typing import Any

from screener.result import ScreeningResult

__all__ = ["PARENT_CHECK_S", "address_space_mb", "run_pool", "set_memory_ceiling"]

_MB = 1024 * 1024
#: How often (seconds) an idle worker checks that its parent is still alive.
PARENT_CHECK_S = 1.0


def address_space_mb() -> int | None:
    """This process's address space (``VmSize``) in MB, or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def set_memory_ceiling(memory_mb: int) -> int | None:
    """Cap this process's address space at its current size plus ``memory_mb``.

    Returns
    -------
    int or None
        The ceiling in MB, or None where it cannot be applied (no
        ``/proc``, no ``RLIMIT_AS``).
    """
    base = address_space_mb()
    try:
        import resource

        if base is None:
            return None
        limit = (base + memory_mb) * _MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        return None
    return base + memory_mb


def _single_threaded() -> None:
    with contextlib.suppress(Exception):  # threadpoolctl comes with scikit-learn
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)


def _worker_main(conn: Connection, screener: Any, memory_mb: int | None, parent: int) -> None:
    from screener.batch import screen_task

    # The parent handles Ctrl-C and SIGTERM (a terminal or a scheduler signals
    # the whole group) and stops us; dying first would turn our file into a
    # ``worker_died`` row, which ``--resume`` would not screen again.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _single_threaded()
    ceiling = set_memory_ceiling(memory_mb) if memory_mb else None
    _ = screener.nlp  # load the pipeline once, before the first file
    while True:
        try:
            if not conn.poll(PARENT_CHECK_S):
                if os.getppid() != parent:
                    return  # the parent was killed: no one will send or read
                continue
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        result = screen_task(screener, task, memory_mb=memory_mb)
        size = address_space_mb() if ceiling else None
        retire = size is not None and ceiling is not None and size > ceiling - memory_mb // 2
        conn.send((result, retire))
        if retire:
            return


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: Any = None
    deadline: float = float("inf")
    started: float = 0.0


def _spawn(ctx: Any, screener: Any, memory_mb: int | None) -> _Slot:
    parent, child = ctx.Pipe()
    proc = ctx.Process(
        target=_worker_main, args=(child, screener, memory_mb, os.getpid()), daemon=True
    )
    proc.start()
    child.close()
    return _Slot(proc, parent)


def _stop(slot: _Slot) -> None:
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join(5)
    slot.conn.close()


def _prepare(screener: Any) -> None:
    """Build the pipeline (and wait for a model loading in the background) once."""
    prepare = getattr(screener, "prepare", None)
    _ = prepare() if prepare is not None else screener.nlp
    # Import the readers here too, so forked workers share them and start
    # at the size they will keep (their memory ceiling is counted from it).
    for name in ("pdf", "docx", "txt"):
        importlib.import_module(f"screener.extraction.{name}")


def run_pool(
    screener: Any, tasks: Iterator[Any], jobs: int, timeout: float | None, memory_mb: int | None
) -> Iterator[ScreeningResult]:
    """Screen ``tasks`` in ``jobs`` worker processes; yield rows as they finish."""
    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork" if fork else "spawn")
    if fork:
        _prepare(screener)  # forked workers share it copy-on-write
    slots = [_spawn(ctx, screener, memory_mb) for _ in range(jobs)]
    # Workers ignore SIGTERM, so multiprocessing's exit handler cannot stop them; a
    # program that exits with this generator still open would wait for them for ever.
    # Its finalizers run before it joins the children, so ours stops them first.
    stop_all = Finalize(None, _stop_all, args=(slots,), exitpriority=0)
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
                        result, retire = slot.conn.recv()
                    except (EOFError, OSError):
                        result, retire = _died(slot, task, version, memory_mb, now), True
                    if retire:
                        _stop(slot)
                        slots[i] = slot = _spawn(ctx, screener, memory_mb)
                    slot.task = None
                    yield result
                elif now >= slot.deadline:
                    _stop(slot)
                    slots[i] = _spawn(ctx, screener, memory_mb)
                    yield ScreeningResult.failure(
                        task.path,
                        task.sha256,
                        "timeout",
                        f"stopped after {timeout:g} s (per-file time limit)",
                        status="error",
                        model_version=version,
                        seconds=round(now - slot.started, 3),
                    )
    finally:
        stop_all()  # runs once: here, or at exit if this generator is never closed


def _stop_all(slots: list[_Slot]) -> None:
    """Tell every worker to finish and stop it (``run_pool``'s ``finally``, or at exit)."""
    for slot in slots:
        with contextlib.suppress(OSError, ValueError):
            slot.conn.send(None)
        _stop(slot)


def _grace(timeout: float) -> float:
    """Extra time before a hard kill, so the worker's own timer can answer first."""
    return min(1.0, 0.1 * timeout)


def _died(
    slot: _Slot, task: Any, version: str, memory_mb: int | None, now: float
) -> ScreeningResult:
    slot.process.join(1)
    code = slot.process.exitcode
    if code is not None and code < 0:
        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
    else:
        how = f"exit code {code}"
    why = f"worker process died ({how})"
    if memory_mb:
        why += f"; it may have hit its memory ceiling ({memory_mb} MB above its start)"
    return ScreeningResult.failure(
        task.path,
        task.sha256,
        "worker_died",
        why,
        status="error",
        model_version=version,
        seconds=round(now - slot.started, 3),
    )
