"""Fixtures for the NLP layer tests: one pipeline per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The default evidence pipeline (built once: building takes a second or two)."""
    from screener.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """``analyze`` bound to the session pipeline and a fixed "present" (June 2025)."""
    from screener.nlp import analyze

    def run(text: str):
        return analyze(text, nlp=nlp, as_of=(2025, 6))

    return run
