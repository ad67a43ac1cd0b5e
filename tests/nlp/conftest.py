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


def _styled(rows: list[tuple[str, float, bool]]):
    """A one-page document, a block per line, whose lines carry font sizes and bold."""
    from screener.types import Block, Document, Line, Page

    lines, pos = [], 0
    for raw, size, bold in rows:
        lines.append(Line(text=raw, font_size=size, bold=bold, start=pos, end=pos + len(raw)))
        pos += len(raw) + 2
    text = "\n\n".join(r[0] for r in rows)
    blocks = [Block(page=1, lines=[ln], start=ln.start, end=ln.end) for ln in lines]
    return Document(text=text, pages=[Page(number=1, blocks=blocks)], source_format="pdf")


@pytest.fixture(scope="session")
def styled():
    """Build a one-page document like a PDF's from ``(text, font size, bold)`` rows."""
    return _styled
