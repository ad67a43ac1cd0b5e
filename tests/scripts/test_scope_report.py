"""benchmarks/scope_report.py: words and language per document, against the scope."""

from __future__ import annotations


def test_reports_the_range_of_each_folder(run_benchmark):
    out = run_benchmark("scope_report")
    assert out.startswith("in scope: 40 to 4,000 words\n")
    assert "2 documents (0 unreadable)" in out and "0 outside" in out


def test_lists_a_document_outside_the_range(run_benchmark, tmp_path):
    (tmp_path / "note.txt").write_text("Please find my CV attached. Thanks, Sam\n")
    out = run_benchmark("scope_report")
    assert "3 documents (0 unreadable)" in out and "\n         7  note.txt\n" in out


def test_lists_a_document_not_in_english(run_benchmark, tmp_path, german_resume):
    (tmp_path / "de.txt").write_text(german_resume, encoding="utf-8")
    out = run_benchmark("scope_report")
    assert "  not English: 1\n  German" in out and out.rstrip().endswith("de.txt")
