"""Screener: the user's own pattern files, in this process and in worker processes."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from screener.errors import LexiconError, ScreenerError
from screener.scope import count_words
from screener.screening import Screener
from screener.types import Document

TEXT = (
    "Experience\nSocial Media Lead, Kafe Oy, 2019 - 2024\n"
    "- Ran fika feedback rounds with regulars to learn what made them share our posts\n"
)


@pytest.fixture
def mine(tmp_path) -> Path:
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"label": "psychology", "pattern": "fika feedback rounds"}) + "\n")
    return path


def _texts(screener: Screener) -> list[str]:
    analysis, _ = screener.analyze(Document.from_text(TEXT))
    return [e.text for e in analysis.evidence]


def test_patterns_add_evidence(mine):
    assert "fika feedback rounds" in _texts(Screener(None, patterns=mine))


def test_patterns_survive_the_trip_to_a_spawned_worker(mine):
    again = pickle.loads(pickle.dumps(Screener(None, patterns=[mine])))
    assert again.patterns == (mine,)
    assert "fika feedback rounds" in _texts(again)


def test_an_invalid_pattern_file_fails_when_the_screener_is_made(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "psychology"}\n')
    with pytest.raises(LexiconError, match=r"bad\.jsonl, line 1"):
        Screener(None, patterns=bad)


def test_a_missing_pattern_file_fails_when_the_screener_is_made(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        Screener(None, patterns=tmp_path / "nowhere.jsonl")


def test_nlp_and_patterns_together_are_refused(mine):
    with pytest.raises(ValueError, match="not both"):
        Screener(None, nlp=object(), patterns=mine)


def test_a_given_pipeline_is_not_silently_replaced_in_a_spawned_worker():
    with pytest.raises(ScreenerError, match="patterns="):
        pickle.dumps(Screener(None, nlp=object()))


RESUME = (
    "Experience\nSocial Media Manager, Kafe Oy, 2019 - 2024\n"
    "- Answered angry comments during the outage and wrote the escalation playbook\n"
    "- Planned the content calendar and paid social campaigns with a $40K budget\n"
    "- Pulled weekly figures from Brandwatch into a board paper on sentiment\n"
)


@pytest.fixture(scope="module")
def shipped() -> Screener:
    return Screener.load()


def test_a_document_longer_than_a_resume_is_sent_to_review(shipped):
    screener = Screener(shipped.model, word_range=(5, 20))
    result = screener.screen_text(RESUME)
    assert (result.decision, result.reason) == ("review", "too_long")


def test_a_document_out_of_scope_keeps_its_score_and_evidence(shipped):
    result = Screener(shipped.model, word_range=(5, 20)).screen_text(RESUME)
    assert result.status == "ok" and result.probability is not None and result.evidence


def test_the_reason_for_review_is_explained(shipped):
    result = Screener(shipped.model, word_range=(5, 20)).screen_text(RESUME)
    words = count_words(RESUME)
    assert f"Sent to review: {words} words: longer than a resume (at most 20)." in result.why


def test_a_few_words_are_sent_to_review_not_called_not_strategic(shipped):
    result = shipped.screen_text("Hello world, this is a test page.")
    assert (result.decision, result.reason) == ("review", "too_short")


def test_a_resume_length_gets_the_model_decision(shipped):
    result = shipped.screen_text(RESUME * 3)
    assert result.reason is None and result.decision == shipped.model.decide(result.probability)


def test_no_word_range_turns_the_check_off(shipped):
    result = Screener(shipped.model, word_range=None).screen_text("Hello world, a test page.")
    assert result.reason is None and result.decision == shipped.model.decide(result.probability)


def test_a_bad_word_range_fails_when_the_screener_is_made():
    with pytest.raises(ValueError, match="word_range"):
        Screener(None, word_range=(100, 10))


def test_a_resume_not_in_english_is_sent_to_review(shipped, german_resume):
    result = shipped.screen_text(german_resume)
    assert (result.decision, result.reason) == ("review", "not_english")
    assert "written in German" in result.why


def test_english_only_false_lets_the_model_decide_any_language(shipped, german_resume):
    result = Screener(shipped.model, english_only=False).screen_text(german_resume)
    assert result.reason is None and result.decision == shipped.model.decide(result.probability)
