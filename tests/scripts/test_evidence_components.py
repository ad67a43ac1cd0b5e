"""benchmarks/evidence_components.py: every step timed, the rest of analyze() on its own."""

from __future__ import annotations

import json
import re
import subprocess
import sys


def test_every_step_is_timed(tmp_path, repo_root, resume):
    for i in range(2):
        path = tmp_path / f"r{i}.json"
        path.write_text(json.dumps({"id": f"r{i}", "resume": resume}), encoding="utf-8")
    script = repo_root / "benchmarks" / "evidence_components.py"
    run = subprocess.run(
        [sys.executable, str(script), str(tmp_path), "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = dict(re.findall(r"^  (\S.*?)\s+(\d+\.\d\d)$", run.stdout, re.M))
    assert run.stdout.startswith("2 resumes")
    assert {"tokenizer", "span_ruler", "screener_agency"} <= rows.keys()
    # timed on its own (a stand-in pipeline), so positive and below the whole
    assert 0 < float(rows["analyze() outside the pipeline"]) < float(rows["analyze() in all"])
