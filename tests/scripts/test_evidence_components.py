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


def test_cold_passes_time_every_step(run_benchmark):
    out = run_benchmark("evidence_components", "--repeat", "1", "--cold")
    rows = dict(re.findall(r"^  (\S.*?)\s+(\d+\.\d\d)$", out, re.M))
    assert out.startswith("2 resumes, fastest of 1 cold passes")
    assert {"tokenizer", "span_ruler", "screener_agency", "analyze() in all"} <= rows.keys()


def test_clear_caches_empties_the_caches_of_headings_and_header_lines(monkeypatch):
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import evidence_components

    from screener.nlp.entries import _dated_header
    from screener.nlp.headings import heading_kind

    heading_kind("Work history")
    _dated_header("Editor | Acme | 2019 - 2021")
    evidence_components.clear_caches()
    assert heading_kind.cache_info().currsize == _dated_header.cache_info().currsize == 0
