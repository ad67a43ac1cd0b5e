"""A bullet wrapped over several lines (as in PDFs) reads like the one-line bullet."""

from screener.nlp import analyze
from screener.types import Document

HEAD = "Experience\nMarketing Assistant — Paper Lantern Books | Jan 2024 - Present\n"
ONE = HEAD + "- Boost the posts the owners choose from their £300 monthly budget; they decide.\n"
WRAPPED = HEAD + (
    "- Boost the posts the owners choose from their £300 monthly\nbudget; they decide.\n"
)


def _view(text: str) -> set[tuple[str, str, bool]]:
    a = analyze(Document.from_text(text))
    return {(e.dimension, e.agency, e.counts) for e in a.evidence}


def test_wrapped_bullet_gives_the_same_evidence_as_one_line():
    assert _view(WRAPPED) == _view(ONE)


def test_evidence_offsets_still_point_into_the_original_text():
    a = analyze(Document.from_text(WRAPPED))
    assert all(WRAPPED[e.start : e.end].replace("\n", " ") == e.text for e in a.evidence)


def test_separate_bullets_are_not_joined():
    text = HEAD + "- Posted the owners' list\n- Ran the £300 budget and grew sales 20%\n"
    a = analyze(Document.from_text(text))
    budget = [e for e in a.evidence if "budget" in e.text]
    assert budget and all(e.agency == "own" for e in budget)
