"""benchmarks/evidence_components.py: every step timed, the rest of analyze() on its own."""

from __future__ import annotations

import re


def test_every_step_is_timed(run_benchmark):
    out = run_benchmark("evidence_components", "--repeat", "1")
    rows = dict(re.findall(r"^  (\S.*?)\s+(\d+\.\d\d)$", out, re.M))
    assert out.startswith("2 resumes")
    assert {"tokenizer", "span_ruler", "screener_agency"} <= rows.keys()
    # timed on its own (a stand-in pipeline), so positive and below the whole
    assert 0 < float(rows["analyze() outside the pipeline"]) < float(rows["analyze() in all"])
