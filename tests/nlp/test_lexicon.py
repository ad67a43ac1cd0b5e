"""The user's lexicon: JSONL patterns validated on load with errors naming file and line."""

from __future__ import annotations

import json

import pytest

from screener.errors import LexiconError
from screener.nlp.lexicon import ALLOWED_LABELS, expand, load_patterns, package_patterns, verb_forms


def write(tmp_path, lines: list[str]):
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"label": "analytics", "pattern": "looker dashboards"})


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('{"label": "analytics", "pattern": ', "not valid JSON"),
        ('{"label": "astrology", "pattern": "stars"}', "unknown label 'astrology'"),
        ('{"pattern": "stars"}', "missing 'label'"),
        ('{"label": "analytics"}', "missing 'pattern'"),
        ('{"label": 3, "pattern": "x"}', "'label' must be a string"),
        ('{"label": "analytics", "pattern": 5}', "'pattern' must be"),
        ('{"label": "analytics", "pattern": ""}', "empty string"),
        ('{"label": "analytics", "pattern": [1, 2]}', "token of a token 'pattern'"),
        ('{"label": "analytics", "pattern": [{"LOWER": 1}]}', "invalid token pattern"),
        ('{"label": "analytics", "pattern": "x", "id": 7}', "'id' must be a string"),
        ('{"label": "analytics", "pattern": "x", "colour": "red"}', "unknown key 'colour'"),
        ('["analytics", "x"]', "expected a JSON object"),
        ('{"label": "ACTION", "pattern": "answer"}', "'<dimension>/<frame>'"),
        ('{"label": "ACTION", "pattern": "answer", "id": "ignore"}', "'<dimension>/<frame>'"),
    ],
)
def test_bad_line_names_file_and_line(tmp_path, bad, words):
    path = write(tmp_path, [GOOD, "", bad])
    with pytest.raises(LexiconError) as info:
        load_patterns(path)
    message = str(info.value)
    assert str(path) in message and "line 3" in message and words in message


def test_lexicon_error_is_a_value_error_with_a_reason(tmp_path):
    with pytest.raises(ValueError) as info:
        load_patterns(write(tmp_path, ["{"]))
    assert info.value.reason == "lexicon"


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_patterns(tmp_path / "nope.jsonl")


def test_blank_lines_are_skipped(tmp_path):
    assert load_patterns(write(tmp_path, ["", GOOD, "   "])) == [json.loads(GOOD)]


def test_shipped_patterns_are_valid_and_use_known_labels():
    patterns = package_patterns()
    assert len(patterns) > 1000
    assert {p["label"] for p in patterns} <= ALLOWED_LABELS


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("answer", {"answer", "answers", "answered", "answering"}),
        ("plan", {"plans", "planned", "planning"}),
        ("reply", {"replies", "replied", "replying"}),
        ("manage", {"manages", "managed", "managing"}),
        ("write", {"writes", "wrote", "written", "writing"}),
        ("run", {"runs", "ran", "running"}),
    ],
)
def test_verb_forms(verb, forms):
    assert forms <= set(verb_forms(verb))


def test_action_patterns_are_inflected_and_objects_pluralised():
    actions = {
        p["pattern"] for p in expand({"label": "ACTION", "pattern": "reply to", "id": "x/y"})
    }
    assert {"replied to", "replying to", "replies to"} <= actions
    objects = {p["pattern"] for p in expand({"label": "OBJECT", "pattern": "query", "id": "x/y"})}
    assert objects == {"query", "queries"}


def test_user_patterns_extend_the_pipeline(tmp_path):
    from screener.nlp import analyze, build_nlp

    path = write(tmp_path, [json.dumps({"label": "psychology", "pattern": "zorblax method"})])
    nlp = build_nlp(extra_patterns=path)
    text = (
        "Experience\nLead — Acme | 2019 - 2021\n"
        "- Applied the zorblax method to Instagram captions.\n"
    )
    assert "psychology" in analyze(text, nlp=nlp).dimensions


def test_build_nlp_rejects_a_bad_user_file(tmp_path):
    from screener.nlp import build_nlp

    with pytest.raises(LexiconError, match="line 1"):
        build_nlp(extra_patterns=write(tmp_path, ['{"label": "nope", "pattern": "x"}']))


def test_build_nlp_missing_user_file(tmp_path):
    from screener.nlp import build_nlp

    with pytest.raises(LexiconError, match="not found"):
        build_nlp(extra_patterns=[tmp_path / "missing.jsonl"])


def labels(nlp, text: str) -> list[str]:
    doc = nlp(text)  # keep the doc alive while its span group is read
    return [s.label_ for s in doc.spans["screener"]]


BADGE = (
    "Experience\nLead — Acme | 2019 - 2021\n"
    "- Answer ad-hoc badge requests from the finance team on Slack.\n"
)


def test_an_object_stop_phrase_is_valid(tmp_path):
    stop = {"label": "OBJECT", "pattern": "badge request", "id": "ignore"}
    patterns = load_patterns(write(tmp_path, [json.dumps(stop)]))
    assert {p["pattern"] for p in patterns} >= {"badge request", "badge requests"}


def test_a_user_object_stop_phrase_blocks_the_frame(tmp_path):
    from screener.nlp import build_nlp

    stop = {"label": "OBJECT", "pattern": "badge request", "id": "ignore"}
    nlp = build_nlp(extra_patterns=write(tmp_path, [json.dumps(stop)]))
    assert "customer_engagement" not in labels(nlp, BADGE)


def test_without_the_stop_phrase_the_frame_is_joined(nlp):
    assert "customer_engagement" in labels(nlp, BADGE)


def test_answering_data_requests_is_no_customer_engagement(nlp):
    text = BADGE.replace("badge", "data")
    assert "customer_engagement" not in labels(nlp, text)
