"""Screener: the user's own pattern files, in this process and in worker processes."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from screener.errors import LexiconError, ScreenerError
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
