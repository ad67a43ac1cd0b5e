"""benchmarks/evidence_speed.py: the first pass, as in a batch, apart from later passes."""

from __future__ import annotations

import json
import subprocess
import sys


def test_first_pass_is_reported_apart(tmp_path, repo_root, resume):
    for i in range(2):
        path = tmp_path / f"r{i}.json"
        path.write_text(json.dumps({"id": f"r{i}", "resume": resume}), encoding="utf-8")
    script = repo_root / "benchmarks" / "evidence_speed.py"
    run = subprocess.run(
        [sys.executable, str(script), str(tmp_path), "--repeat", "2"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.startswith("2 resumes x 2 passes")
    assert "analyze(), first pass (each resume once, as in a batch): mean" in run.stdout
    assert "analyze(), later passes (text seen before): mean" in run.stdout
