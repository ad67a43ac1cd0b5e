"""The command line over a folder holding one hostile file of each kind.

The folder is built at test time by ``_hostile_files.make_folder`` (bombs,
deep nesting, 5,000 pages, a sparse 200 MB text file, a FIFO named
``resume.pdf``, a socket, dangling and looping links, a symlinked-folder
loop, impostors, UTF-16 text, awkward names) next to the good samples of
``data/samples``. ``screener screen --jobs 2`` runs over it as a separate
process, with its defaults (the 1024 MB per-worker memory ceiling), while
this test polls the resident memory of the whole process tree.

Stated bounds, with what was measured on a 2-core Linux machine:

* one typed row per file, exactly (special files per the documented policy:
  a ``special_file`` or ``broken_link`` row each, never opened);
* the run ends within the good files' own run time + ``TIMEOUT`` x the
  hostile files (measured: 5.6 s, against 4.8 s for the good files alone;
  no hostile file comes near the timeout, each is stopped by a budget);
* the whole run (parent, workers, the model-loading helper) stays under
  ``PEAK_MB`` resident at every poll, and no process over ``PROCESS_MB``
  (measured: 420 MB in all, 200 MB per process; unbudgeted, the PDF
  bomb alone held 1.4 GB and the DOCX bomb 18 GB).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import _hostile_files as h
import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"
TIMEOUT = 10.0
PEAK_MB = 1200
PROCESS_MB = 700

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs, /proc")


def _run(folder: Path, out: Path) -> tuple[subprocess.CompletedProcess[str], float, int, int]:
    """Run the CLI over ``folder``; return it, its seconds, peak total and per-process MB."""
    cmd = [
        sys.executable,
        "-m",
        "screener.cli",
        "screen",
        str(folder),
        "-o",
        str(out),
        "--jobs",
        "2",
        "--timeout",
        str(TIMEOUT),
    ]
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=folder.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    root = psutil.Process(proc.pid)
    peak = per_process = 0
    while proc.poll() is None:
        total = 0
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in tree:
            try:
                rss = p.memory_info().rss
                with open(f"/proc/{p.pid}/status") as fh:  # VmHWM: the peak between polls
                    hwm = next(int(ln.split()[1]) << 10 for ln in fh if ln.startswith("VmHWM"))
            except (psutil.Error, OSError, StopIteration):
                continue
            total += rss
            per_process = max(per_process, hwm)
        peak = max(peak, total)
        time.sleep(0.02)
    stdout, stderr = proc.communicate(timeout=60)
    seconds = time.monotonic() - start
    done = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    return done, seconds, peak >> 20, per_process >> 20


def _rows(out: Path) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        name = os.path.relpath(row["path"], out.parent / "folder")
        assert name not in rows, f"{name!r} screened twice"
        rows[name] = row
    return rows


def test_the_cli_survives_a_folder_of_hostile_files(tmp_path):
    folder = good = tmp_path / "folder"
    folder.mkdir()
    for sample in SAMPLES.iterdir():
        if sample.suffix in (".pdf", ".docx", ".txt"):
            shutil.copy(sample, good / sample.name)
    done, good_seconds, _, _ = _run(good, tmp_path / "good.jsonl")
    assert done.returncode in (0, 1), done.stderr
    expected_good = {
        name: (r["status"], r["reason"], r["decision"])
        for name, r in _rows(tmp_path / "good.jsonl").items()
    }

    text = (ROOT / "tests" / "fixtures" / "strategic.txt").read_text(encoding="utf-8")
    expected = h.make_folder(folder, text)
    done, seconds, peak_mb, process_mb = _run(folder, tmp_path / "hostile.jsonl")
    rows = _rows(tmp_path / "hostile.jsonl")

    assert done.returncode == 1, done.stderr  # some files failed, each has a row
    assert "Traceback" not in done.stderr, done.stderr
    assert set(rows) == set(expected) | set(expected_good)  # nothing under sub/up/
    for name, (status, reasons) in expected.items():
        assert (rows[name]["status"], rows[name]["reason"]) in {(status, r) for r in reasons}, (
            name,
            rows[name]["reason"],
            rows[name]["message"],
        )
    for name, outcome in expected_good.items():
        assert (rows[name]["status"], rows[name]["reason"], rows[name]["decision"]) == outcome

    hostile = [n for n, (status, _) in expected.items() if status != "ok" and n not in h.SPECIAL]
    assert seconds < good_seconds + TIMEOUT * len(hostile) + 10
    assert all(row["reason"] != "timeout" for row in rows.values())
    assert max(row["seconds"] or 0 for row in rows.values()) < TIMEOUT / 2
    assert peak_mb < PEAK_MB, f"the run peaked at {peak_mb} MB resident"
    assert process_mb < PROCESS_MB, f"a process peaked at {process_mb} MB resident"
    print(
        f"\ngood files {good_seconds:.1f} s; with {len(hostile)} hostile files {seconds:.1f} s;"
        f" peak {peak_mb} MB in all, {process_mb} MB in one process"
    )


def test_a_name_with_a_leading_dash_is_a_file_after_double_dash(tmp_path, monkeypatch, capsys):
    from screener.cli import main

    text = (ROOT / "tests" / "fixtures" / "strategic.txt").read_text(encoding="utf-8")
    (tmp_path / "-rf.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["screen", "--memory-mb", "0", "-o", "out.jsonl", "--", "-rf.txt"]) == 0
    (row,) = [json.loads(line) for line in Path("out.jsonl").read_text().splitlines()]
    assert row["path"] == "-rf.txt" and row["status"] == "ok"


def test_limits_are_set_from_the_command_line():
    from screener.cli import _limits
    from screener.extraction import Limits

    assert _limits([]) is None
    assert _limits(["max_pages=3", "cid_share=0.25"]) == Limits(max_pages=3, cid_share=0.25)
    for bad in ("timeout=3", "max_pages", "bogus=1", "max_pages=many"):
        with pytest.raises(ValueError):
            _limits([bad])
