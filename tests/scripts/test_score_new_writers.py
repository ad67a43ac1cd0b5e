"""scripts/score_new_writers.py scores unseen writers and refuses ones the model saw."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/score_new_writers.py", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_a_writer_the_model_was_trained_on_is_refused():
    done = _run(str(ROOT / "data" / "corpus" / "role-swap"))
    assert done.returncode == 2
    assert "trained on role-swap" in done.stdout


def test_a_new_writer_is_scored_by_the_model_and_tfidf(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "data" / "corpus" / "tool-heavy", corpus / "tool-heavy")
    shutil.copytree(ROOT / "data" / "corpus" / "role-swap", tmp_path / "fresh-writer")
    done = _run(str(tmp_path / "fresh-writer"), "--corpus", str(corpus))
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip() and "wrong:" not in line]
    rows = {line.split()[0]: line.split() for line in lines}
    assert "fresh-writer (24 resumes)" in done.stdout
    assert rows["model"][-1].endswith("/12") and rows["tfidf"][-1].endswith("/12")
    assert "trained on 40 resumes of 1 folders" in done.stdout
