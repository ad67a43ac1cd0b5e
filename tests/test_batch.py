"""The batch runner: one row per input, hard timeouts, dead workers, executors.

A small stand-in screener keeps these tests about the runner itself; the
end-to-end tests with the real model live in test_cli.py.
"""

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from screener.batch import run_batch
from screener.result import ScreeningResult


class FakeScreener:
    model_version = "fake"
    limits = None
    nlp = None
    token = "fake-token"

    def screen_bytes(self, data, path=None, sha256=None):
        if data.startswith(b"sleep"):
            time.sleep(60)
        if data.startswith(b"die"):
            os._exit(3)
        if data.startswith(b"hog"):
            raise MemoryError
        if data.startswith(b"nap"):
            time.sleep(0.3)
        return ScreeningResult(
            path=path,
            sha256=sha256,
            probability=len(data) / 100,
            decision="review",
            strategic=False,
        )


def _files(tmp_path, contents):
    for name, data in contents.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def _by_name(results):
    return {os.path.basename(r.path): r for r in results}


def test_every_file_gives_exactly_one_row(tmp_path):
    folder = _files(tmp_path, {f"{i}.txt": b"x" * i for i in range(1, 8)})
    rows = _by_name(run_batch(FakeScreener(), [folder]))
    assert sorted(rows) == [f"{i}.txt" for i in range(1, 8)]


def test_two_jobs_give_the_same_rows_as_one(tmp_path):
    folder = _files(tmp_path, {f"{i}.txt": b"x" * i for i in range(1, 8)})
    one = {k: v.to_dict() for k, v in _by_name(run_batch(FakeScreener(), [folder])).items()}
    two = {k: v.to_dict() for k, v in _by_name(run_batch(FakeScreener(), [folder], jobs=2)).items()}
    assert one == two


def test_a_hanging_file_is_stopped_and_reported_as_timeout(tmp_path):
    folder = _files(tmp_path, {"a.txt": b"ok", "hang.txt": b"sleep", "b.txt": b"fine"})
    t0 = time.monotonic()
    rows = _by_name(run_batch(FakeScreener(), [folder], jobs=2, timeout=1.0))
    assert time.monotonic() - t0 < 20
    assert rows["hang.txt"].reason == "timeout" and rows["a.txt"].status == "ok"


def test_a_worker_that_dies_is_a_row_and_the_batch_goes_on(tmp_path):
    folder = _files(tmp_path, {"a.txt": b"ok", "b.txt": b"die", "c.txt": b"fine", "d.txt": b"x"})
    rows = _by_name(run_batch(FakeScreener(), [folder], jobs=2))
    assert rows["b.txt"].reason == "worker_died"
    assert [rows[n].status for n in ("a.txt", "c.txt", "d.txt")] == ["ok"] * 3


def test_out_of_memory_in_a_worker_is_reported_as_too_large(tmp_path):
    folder = _files(tmp_path, {"a.txt": b"hog", "b.txt": b"ok"})
    rows = _by_name(run_batch(FakeScreener(), [folder], jobs=2))
    assert rows["a.txt"].reason == "too_large" and rows["b.txt"].status == "ok"


# A two-job batch over the folder argv[1], each file taking argv[2] seconds; it
# prints the worker pids once the first row is in, then stays alive until stopped.
_BATCH = """
import multiprocessing, sys, time
from screener.batch import run_batch
from screener.result import ScreeningResult

class Fake:
    model_version, limits, nlp = "fake", None, None

    def screen_bytes(self, data, path=None, sha256=None):
        time.sleep(float(sys.argv[2]))
        return ScreeningResult(path=path, sha256=sha256, probability=0.5,
                               decision="review", strategic=False)

rows = run_batch(Fake(), [sys.argv[1]], jobs=2)
try:  # from before the line the test waits for: a Ctrl-C right after it is caught
    next(rows)
    print(*[p.pid for p in multiprocessing.active_children()], flush=True)
    for _ in rows:
        pass
    time.sleep(300)  # stay alive, workers idle, until the test stops us
except KeyboardInterrupt:
    sys.exit(130)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rpartition(")")[2].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states in /proc")
def test_workers_exit_when_the_batch_process_is_killed(tmp_path):
    folder = _files(tmp_path, {"a.txt": b"ok", "b.txt": b"fine"})
    cmd = [sys.executable, "-c", _BATCH, str(folder), "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in proc.stdout.readline().split()]
    proc.kill()  # SIGKILL: no clean-up code of the batch runs
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_running(pid) for pid in workers):
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert len(workers) == 2 and left == []


def test_ctrl_c_stops_a_batch_without_worker_tracebacks(tmp_path):
    folder = _files(tmp_path, {f"{i}.txt": b"ok" for i in range(40)})
    cmd = [sys.executable, "-c", _BATCH, str(folder), "0.2"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    assert len(proc.stdout.readline().split()) == 2  # running, with its two workers
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err


# The batch of _BATCH, left unfinished: the program exits with the generator still open.
_EXIT_EARLY = _BATCH.split("try:")[0] + "next(rows)\nsys.exit(3)\n"


def test_a_program_that_exits_mid_batch_is_not_held_by_its_workers(tmp_path):
    # Workers ignore SIGTERM, so multiprocessing's exit handler could not stop them
    # and waited for them for ever when the generator's clean-up had not run.
    folder = _files(tmp_path, {f"{i}.txt": b"ok" for i in range(20)})
    cmd = [sys.executable, "-c", _EXIT_EARLY, str(folder), "0.2"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the program did not exit: its workers held it")
    assert proc.returncode == 3 and "Traceback" not in err


def test_workers_ignore_sigterm_and_finish_their_files(tmp_path):
    import multiprocessing

    folder = _files(tmp_path, {f"{i}.txt": b"nap" for i in range(6)})
    rows = run_batch(FakeScreener(), [folder], jobs=2)
    first = next(rows)
    for child in multiprocessing.active_children():  # as a scheduler signals the group
        os.kill(child.pid, signal.SIGTERM)
    assert [r.status for r in [first, *rows]] == ["ok"] * 6


def test_special_files_become_rows_without_reaching_a_worker(tmp_path):
    os.mkfifo(tmp_path / "resume.pdf")
    (tmp_path / "a.txt").write_bytes(b"ok")
    rows = _by_name(run_batch(FakeScreener(), [tmp_path], jobs=2, timeout=5))
    assert rows["resume.pdf"].reason == "special_file"


def test_a_link_out_of_the_folder_is_an_unreadable_row(tmp_path):
    (tmp_path / "secret.txt").write_bytes(b"ok")
    (tmp_path / "upload").mkdir()
    os.symlink(tmp_path / "secret.txt", tmp_path / "upload" / "cv.txt")
    row = run_batch(FakeScreener(), [tmp_path / "upload"]).__next__()
    assert (row.status, row.reason) == ("unreadable", "outside_folder")


@pytest.mark.parametrize("pool", [ThreadPoolExecutor, ProcessPoolExecutor])
def test_any_executor_gives_the_same_rows(tmp_path, pool):
    folder = _files(tmp_path, {f"{i}.txt": b"x" * i for i in range(1, 6)})
    one = {k: v.to_dict() for k, v in _by_name(run_batch(FakeScreener(), [folder])).items()}
    with pool(max_workers=2) as ex:
        other = {
            k: v.to_dict()
            for k, v in _by_name(run_batch(FakeScreener(), [folder], executor=ex)).items()
        }
    assert one == other


def test_bytes_sources_are_screened(tmp_path):
    (row,) = run_batch(FakeScreener(), [b"hello"])
    assert row.sha256 is not None and row.path is None


def test_out_of_memory_in_process_is_a_row_too(tmp_path):
    folder = _files(tmp_path, {"a.txt": b"hog", "b.txt": b"ok"})
    rows = _by_name(run_batch(FakeScreener(), [folder]))
    assert rows["a.txt"].reason == "too_large" and rows["b.txt"].status == "ok"


def test_files_in_the_skip_set_are_left_out_and_reported(tmp_path):
    import hashlib

    from screener.batch import iter_tasks

    (tmp_path / "a.txt").write_text("first resume")
    (tmp_path / "b.txt").write_text("second resume")
    skip = {hashlib.sha256(b"first resume").hexdigest()}
    skipped = []
    tasks = list(
        iter_tasks([tmp_path], max_bytes=None, version="v", skip=skip, on_skip=skipped.append)
    )
    assert [Path(t.path).name for t in tasks] == ["b.txt"]
    assert [Path(t.path).name for t in skipped] == ["a.txt"]


def test_a_skipped_file_is_read_once(tmp_path, monkeypatch):
    import screener.batch as batch

    (tmp_path / "a.txt").write_text("first resume")
    reads = []
    real = batch.read_file
    monkeypatch.setattr(batch, "read_file", lambda p, **kw: reads.append(p) or real(p, **kw))
    sha = {__import__("hashlib").sha256(b"first resume").hexdigest()}
    assert list(batch.iter_tasks([tmp_path], max_bytes=None, version="v", skip=sha)) == []
    assert len(reads) == 1
