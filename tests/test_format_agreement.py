"""The same resume as PDF, DOCX and TXT gets the same decision (issue #4).

Label-free: only the three renderings of each validation resume are compared
with each other, never with its label.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def screener():
    from screener import Screener

    return Screener.load()


def test_every_example_gets_one_decision_in_all_three_formats(shared_dir, screener):
    examples = sorted((shared_dir / "examples").glob("*.json"))
    assert len(examples) >= 40
    split = {}
    for label in examples:
        results = [screener.screen(label.with_suffix(ext)) for ext in (".pdf", ".docx", ".txt")]
        decisions = {r.decision for r in results}
        if len(decisions) != 1:
            split[label.stem] = [(r.decision, round(r.probability or 0, 3)) for r in results]
    assert split == {}
