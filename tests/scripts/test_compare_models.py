"""scripts/compare_models.py prints held-out figures of every design per split and writer."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_compare_models_reports_each_design_and_each_held_out_writer(tmp_path):
    for writer in ("tool-heavy", "early-career"):
        shutil.copytree(ROOT / "data" / "corpus" / writer, tmp_path / writer)
    out = subprocess.run(
        [sys.executable, "scripts/compare_models.py", "--corpus", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    lines = out.splitlines()
    for split in (
        "5-fold grouped CV",
        "leave-one-writer-out",
        "writer tool-heavy",
        "writer early-career",
    ):
        designs = {line.split()[-6] for line in lines if split in line}
        assert designs == {"evidence", "no-idf", "unsplit", "model", "tfidf"}, split
