"""The HTML report: self-contained, ranked, highlighted; and a real-browser check."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from screener.report_html import render_report

TEXT = "Jo\nExperience\n- Wrote the escalation playbook.\nSkills\nSQL\n"
EV = [
    {
        "dimension": "customer_engagement",
        "text": "Wrote the escalation playbook",
        "section": "experience",
        "page": 1,
        "start": 16,
        "end": 45,
        "claimed_only": False,
    },
    {
        "dimension": "technical",
        "text": "SQL",
        "section": "skills",
        "page": 1,
        "start": 54,
        "end": 57,
        "claimed_only": True,
    },
]
ROWS = [
    {
        "path": "/x/low.pdf",
        "sha256": "a",
        "status": "ok",
        "probability": 0.2,
        "decision": "not_strategic",
        "dimensions": ["customer_engagement"],
        "evidence": EV,
        "consumer_signals": [],
        "why": "Decision not_strategic (probability 0.20).",
        "claimed_dimensions": ["technical"],
    },
    {
        "path": "/x/high.pdf",
        "sha256": "b",
        "status": "ok",
        "probability": 0.9,
        "decision": "strategic",
        "dimensions": [],
        "evidence": [],
        "consumer_signals": [],
    },
    {
        "path": "/x/<scan>.pdf",
        "sha256": "c",
        "status": "unreadable",
        "reason": "no_text_layer",
        "message": "scan",
        "probability": None,
        "decision": None,
    },
]


def test_report_has_no_external_assets():
    page = render_report(ROWS)
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_report_ranks_by_probability_with_unreadable_last():
    page = render_report(ROWS)
    assert page.index("high.pdf") < page.index("low.pdf") < page.index("&lt;scan&gt;.pdf")


PAPER = {
    "path": "/x/paper.pdf",
    "sha256": "d",
    "status": "ok",
    "reason": "too_long",
    "message": "9,000 words: longer than a resume (at most 4,000)",
    "probability": 0.95,
    "decision": "review",
    "dimensions": [],
    "evidence": [],
    "consumer_signals": [],
}


def test_a_document_that_is_not_a_resume_ranks_after_the_resumes():
    page = render_report([*ROWS, PAPER])
    assert page.index("low.pdf") < page.index("paper.pdf") < page.index("&lt;scan&gt;.pdf")


def test_the_reason_for_review_is_shown_with_the_decision():
    assert "review (too_long)" in render_report([PAPER])


def test_evidence_span_is_highlighted_in_the_text():
    page = render_report(ROWS, {"a": TEXT})
    assert 'class="customer_engagement"' in page
    assert ">Wrote the escalation playbook</mark>" in page


def test_claimed_only_spans_are_marked_differently():
    page = render_report(ROWS, {"a": TEXT})
    assert 'class="technical claimed"' in page


def test_file_names_are_escaped():
    assert "<scan>" not in render_report(ROWS)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs it)")
def test_report_renders_sorts_and_opens_a_candidate_in_headless_chromium(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "report.html"
    page_file.write_text(render_report(ROWS, {"a": TEXT}))
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=_chromium(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page()
        page.goto(page_file.as_uri())
        names = page.locator("tbody tr.row td:nth-child(2)").all_inner_texts()
        assert names[:2] == ["high.pdf", "low.pdf"]
        page.click("th[data-key=prob]")  # ascending
        names = page.locator("tbody tr.row td:nth-child(2)").all_inner_texts()
        assert names[0] == "<scan>.pdf" and names[-1] == "high.pdf"
        page.click("tr.row[data-name='low.pdf']")
        assert page.locator("section.cand:visible mark").first.inner_text() == (
            "Wrote the escalation playbook"
        )
        shots = Path(os.environ.get("SCREENER_SCREENSHOTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "report.png"), full_page=True)
        browser.close()
    assert (shots / "report.png").stat().st_size > 1000
