"""The terminal ranking table."""

from __future__ import annotations

from screener.report_text import ranking_table

RESUME = {"path": "/x/resume.pdf", "status": "ok", "probability": 0.6, "decision": "strategic"}
PAPER = {
    "path": "/x/paper.pdf",
    "status": "ok",
    "reason": "too_long",
    "probability": 0.9,
    "decision": "review",
    "dimensions": ["technical"],
}
SCAN = {"path": "/x/scan.pdf", "status": "unreadable", "reason": "no_text_layer"}


def test_resumes_rank_by_probability():
    low = {**RESUME, "path": "/x/low.pdf", "probability": 0.1}
    table = ranking_table([low, RESUME])
    assert table.index("resume.pdf") < table.index("low.pdf")


def test_a_document_that_is_not_a_resume_ranks_after_the_resumes():
    table = ranking_table([PAPER, SCAN, RESUME])
    assert table.index("resume.pdf") < table.index("paper.pdf") < table.index("scan.pdf")


def test_the_reason_is_shown_beside_the_dimensions():
    assert "too_long: tech" in ranking_table([PAPER])
