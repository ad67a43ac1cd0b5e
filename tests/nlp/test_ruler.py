"""``screener_span_ruler``: the spans of spaCy's ``SpanRuler``, made more cheaply."""

from __future__ import annotations

import pytest

_PATTERNS = [
    {"label": "PLATFORM", "pattern": "linkedin", "id": "linkedin"},
    {"label": "PLATFORM", "pattern": "linkedin", "id": "linkedin"},  # a duplicate
    {"label": "TOOL", "pattern": "linkedin", "id": "linkedin"},  # same words, other label
    {"label": "analytics", "pattern": "linkedin analytics"},  # no id
    {"label": "analytics", "pattern": [{"LOWER": "linkedin"}, {"LOWER": "analytics"}]},
    {"label": "ACTION", "pattern": "pulled", "id": "analytics/report"},
    {"label": "OBJECT", "pattern": "weekly figures", "id": "analytics/report"},
]
_TEXT = "Pulled weekly figures from LinkedIn Analytics; posted on LinkedIn and linkedin."


def _ruler(factory: str):
    import spacy

    from screener.nlp import ruler  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    pipe = nlp.add_pipe(factory, config={"spans_key": "x", "phrase_matcher_attr": "LOWER"})
    pipe.add_patterns(_PATTERNS)
    return nlp, pipe


def _spans(spans) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.id_) for s in spans]


def _found(nlp) -> list[tuple[int, int, str, str]]:
    doc = nlp(_TEXT)  # a span group needs its doc alive
    return _spans(doc.spans["x"])


def test_spans_match_spacys_span_ruler():
    ours, _ = _ruler("screener_span_ruler")
    stock, _ = _ruler("span_ruler")
    assert _found(ours) == _found(stock)


def test_a_span_found_twice_is_kept_once():
    nlp, _ = _ruler("screener_span_ruler")
    spans = _found(nlp)
    assert spans.count((4, 5, "PLATFORM", "linkedin")) == 1  # two patterns, one span
    assert spans.count((4, 6, "analytics", "")) == 1  # phrase and token pattern


def test_same_words_under_two_labels_give_two_spans():
    nlp, _ = _ruler("screener_span_ruler")
    labels = [label for start, end, label, _ in _found(nlp) if (start, end) == (9, 10)]
    assert sorted(labels) == ["PLATFORM", "TOOL"]


def test_pipeline_spans_match_spacys_span_ruler_on_a_resume(nlp):
    from spacy.pipeline.span_ruler import SpanRuler

    text = (
        "Experience\nSocial Media Lead — Acme | 2019 - 2021\n"
        "- Answered angry tweets during the outage; wrote the escalation playbook\n"
        "- Pulled weekly figures from the listening tool into a board paper\n"
        "Skills\nHootsuite, Sprout Social, GA4, SQL, Instagram, TikTok, X\n"
    )
    ruler = nlp.get_pipe("span_ruler")
    doc = nlp.get_pipe("screener_lines")(nlp.make_doc(text))
    assert _spans(ruler.match(doc)) == _spans(SpanRuler.match(ruler, doc))


def test_pattern_file_round_trip(tmp_path):
    _, pipe = _ruler("screener_span_ruler")
    pipe.to_disk(tmp_path / "ruler")
    nlp, fresh = _ruler("screener_span_ruler")
    fresh.clear()
    fresh.from_disk(tmp_path / "ruler")
    assert _found(nlp) == _found(_ruler("span_ruler")[0])


def test_no_patterns_warns_as_spacy_does():
    import spacy

    from screener.nlp import ruler  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("screener_span_ruler")
    with pytest.warns(UserWarning, match="W036"):
        nlp("Nothing to find.")


def test_the_ruler_keeps_the_rows_of_its_group():
    from screener.nlp.rows import SpanRow, span_rows

    nlp, _ = _ruler("screener_span_ruler")
    doc = nlp(_TEXT)
    kept = span_rows(doc, "x")
    assert kept == [SpanRow.of(s) for s in doc.spans["x"]]
    assert span_rows(doc, "x") is kept  # kept, not read again


def test_a_ruler_with_a_spans_filter_writes_what_spacy_writes():
    import spacy

    from screener.nlp import ruler  # noqa: F401

    config = {"spans_key": "x", "phrase_matcher_attr": "LOWER", "overwrite": False}
    found = []
    for factory in ("screener_span_ruler", "span_ruler"):
        nlp = spacy.blank("en")
        nlp.add_pipe(factory, config=config).add_patterns(_PATTERNS)
        doc = nlp.make_doc(_TEXT)
        doc.spans["x"] = [doc[0:1]]  # kept: overwrite is off
        found.append(_spans(nlp(doc).spans["x"]))
    assert found[0] == found[1]
    assert found[0][0] == (0, 1, "", "")
