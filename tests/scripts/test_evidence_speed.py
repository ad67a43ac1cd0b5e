"""benchmarks/evidence_speed.py: the first pass, as in a batch, apart from later passes."""

from __future__ import annotations


def test_first_pass_is_reported_apart(run_benchmark):
    out = run_benchmark("evidence_speed", "--repeat", "2")
    assert out.startswith("2 resumes x 2 passes")
    assert "analyze(), first pass (each resume once, as in a batch): mean" in out
    assert "analyze(), later passes (text seen before): mean" in out


def test_the_first_pass_is_set_against_the_stock_tokenizer(run_benchmark):
    out = run_benchmark("evidence_speed", "--repeat", "1")
    ratio = out.rsplit("first pass / spacy.blank('en') tokenizer alone: ", 1)[1]
    assert float(ratio.rstrip().rstrip("x")) > 0
