"""Span rows kept beside the span groups: the same values the group gives."""

from __future__ import annotations

import gc
import weakref

import pytest
import spacy
from spacy.tokens import Span

from screener.nlp.rows import SpanRow, extend_spans, put_spans, span_rows


@pytest.fixture
def doc():
    return spacy.blank("en")("Answered angry tweets during the outage on X.")


def _read(doc, key="k"):
    return [SpanRow.of(s) for s in doc.spans[key]]


def test_a_row_holds_the_spans_offsets_label_and_id(doc):
    row = SpanRow.of(Span(doc, 1, 3, "customer_engagement", span_id="care/angry"))
    assert row == (1, 3, "customer_engagement", "care/angry", 9, 21)
    assert doc.text[row.start_char : row.end_char] == "angry tweets"


def test_rows_written_are_the_rows_given_back(doc):
    put_spans(doc, "k", [doc[0:1], doc[7:8]])
    assert span_rows(doc, "k") is span_rows(doc, "k")
    assert span_rows(doc, "k") == _read(doc)


def test_a_group_replaced_by_another_component_is_read_again(doc):
    put_spans(doc, "k", [doc[0:1]])
    doc.spans["k"] = [doc[2:3]]  # as many spans: only the group object tells
    assert span_rows(doc, "k") == _read(doc)


def test_a_group_extended_by_another_component_is_read_again(doc):
    put_spans(doc, "k", [doc[0:1]])
    doc.spans["k"].append(doc[7:8])
    assert span_rows(doc, "k") == _read(doc)


def test_extending_keeps_the_rows_in_step(doc):
    put_spans(doc, "k", [doc[0:1]])
    extend_spans(doc, "k", [Span(doc, 7, 8, "OUTCOME", span_id="change")])
    assert span_rows(doc, "k") == _read(doc)
    assert [r.label for r in span_rows(doc, "k")] == ["", "OUTCOME"]


def test_extending_a_missing_group_makes_it(doc):
    extend_spans(doc, "k", [doc[0:1]])
    assert span_rows(doc, "k") == _read(doc)


def test_a_missing_group_has_no_rows(doc):
    assert span_rows(doc, "nothing") == []


def test_the_rows_go_with_the_doc():
    doc = spacy.blank("en")("Answered angry tweets.")
    put_spans(doc, "k", [doc[0:1]])
    assert doc.user_data == {}
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None
