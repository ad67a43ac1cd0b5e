"""The per-worker memory ceiling (RLIMIT_AS above the worker's start) really holds.

A stand-in screener does the allocating so that each test is about the pool;
the real pipeline under the default ceiling runs in test_hostile_folder.py.
"""

from __future__ import annotations

import faulthandler
import os
import resource
import signal
import sys
import time

import pytest

from screener.batch import run_batch
from screener.pool import address_space_mb
from screener.result import ScreeningResult

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS, /proc")

_KEEP: list[bytearray] = []


class Allocator:
    """Screens ``b"alloc N"`` by allocating N MB, ``b"keep N"`` by keeping them."""

    model_version = "fake"
    limits = None
    nlp = None
    token = "alloc"

    def screen_bytes(self, data, path=None, sha256=None):
        word, _, arg = data.decode().partition(" ")
        if word == "alloc":
            block = bytearray(int(arg) << 20)  # zero pages: address space, little RSS
            del block
        elif word == "keep":
            _KEEP.append(bytearray(int(arg) << 20))
        elif word == "segv":  # a crash in C code (pytest's faulthandler would print it)
            faulthandler.disable()
            os.kill(os.getpid(), signal.SIGSEGV)
        elif word == "sleep":
            time.sleep(60)
        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        return ScreeningResult(
            path=path,
            sha256=sha256,
            status="ok",
            pages=os.getpid(),
            message=f"{limit} {address_space_mb()}",
        )


def _rows(tmp_path, contents, **kwargs):
    for name, data in contents.items():
        (tmp_path / name).write_bytes(data)
    return {os.path.basename(r.path): r for r in run_batch(Allocator(), [tmp_path], **kwargs)}


def test_the_ceiling_is_the_worker_start_plus_memory_mb(tmp_path):
    rows = _rows(tmp_path, {"a.txt": b"look"}, jobs=2, memory_mb=300)
    limit, size = (int(x) for x in rows["a.txt"].message.split())
    assert limit != resource.RLIM_INFINITY
    start_mb = limit // (1 << 20) - 300
    assert 0 < start_mb <= size < start_mb + 64  # it started about where it is now


def test_a_file_over_the_ceiling_is_too_large_and_the_batch_goes_on(tmp_path):
    # 2 GB would be granted without the ceiling (untouched zero pages)
    rows = _rows(
        tmp_path,
        {"a.txt": b"alloc 2048", "b.txt": b"alloc 100", "c.txt": b"look"},
        jobs=2,
        memory_mb=300,
    )
    assert (rows["a.txt"].status, rows["a.txt"].reason) == ("error", "too_large")
    assert "300 MB" in rows["a.txt"].message
    assert rows["b.txt"].status == rows["c.txt"].status == "ok"


def test_without_a_ceiling_the_same_file_is_read(tmp_path):
    rows = _rows(tmp_path, {"a.txt": b"alloc 2048"}, jobs=2)
    assert rows["a.txt"].status == "ok"


def test_with_one_job_a_ceiling_still_applies_in_a_worker_process(tmp_path):
    rows = _rows(tmp_path, {"a.txt": b"alloc 2048", "b.txt": b"look"}, jobs=1, memory_mb=300)
    assert rows["a.txt"].reason == "too_large"
    assert rows["b.txt"].pages != os.getpid()  # screened in a worker, not here


def test_with_one_job_and_a_ceiling_a_hanging_file_is_killed(tmp_path):
    start = time.monotonic()
    rows = _rows(
        tmp_path, {"a.txt": b"sleep", "b.txt": b"look"}, jobs=1, memory_mb=300, timeout=1.0
    )
    assert rows["a.txt"].reason == "timeout" and rows["b.txt"].status == "ok"
    assert time.monotonic() - start < 15


def test_a_worker_left_holding_memory_is_replaced(tmp_path):
    rows = _rows(tmp_path, {"a.txt": b"keep 200", "b.txt": b"look"}, jobs=1, memory_mb=300)
    assert rows["a.txt"].status == rows["b.txt"].status == "ok"
    assert rows["a.txt"].pages != rows["b.txt"].pages  # b went to a fresh worker


def test_a_worker_killed_by_a_signal_is_a_row_naming_it(tmp_path):
    rows = _rows(tmp_path, {"a.txt": b"segv", "b.txt": b"look"}, jobs=2, memory_mb=300)
    assert rows["a.txt"].reason == "worker_died"
    assert "SIGSEGV" in rows["a.txt"].message and "ceiling" in rows["a.txt"].message
    assert rows["b.txt"].status == "ok"


def test_the_cli_applies_a_default_ceiling():
    from screener.cli import DEFAULT_MEMORY_MB, _parser

    args = _parser().parse_args(["screen", "x"])
    assert args.memory_mb == DEFAULT_MEMORY_MB == 1024
    assert _parser().parse_args(["screen", "x", "--memory-mb", "0"]).memory_mb == 0
