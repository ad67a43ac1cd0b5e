"""Audience insights acted on: psychology evidence no lexicon word names."""

from __future__ import annotations

import pytest

from screener.nlp.insights import INSIGHT_ID, acted_on_by_the_person, find_insights


def _phrases(text: str) -> list[str]:
    return [text[a:b] for a, b in find_insights(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param(
            "Retired customers trust faces, so posts show our technicians by name.",
            "customers trust faces, so posts",
            id="comma so",
        ),
        pytest.param(
            "Parents hardly use Facebook but all read WhatsApp so I started a broadcast.",
            "Parents hardly use Facebook but all read WhatsApp so I",
            id="so I",
        ),
        pytest.param(
            "Older followers in Gozo read Maltese first, which is why captions lead with it.",
            "Older followers in Gozo read Maltese first, which is why",
            id="which is why",
        ),
        pytest.param(
            "BUYERS ASK WHO MADE THE PIECE, SO POSTS NAME THE WEAVER",
            "BUYERS ASK WHO MADE THE PIECE, SO POSTS",
            id="all capitals",
        ),
        pytest.param(
            "Our readers skim on phones,so we cut every caption to one line.",
            "readers skim on phones,so we",
            id="no space before so",
        ),
        pytest.param(
            "DONORS WANT TO SEE THE FINISHED WELL, WHICH IS WHY EVERY POST ENDS WITH A PHOTO",
            "DONORS WANT TO SEE THE FINISHED WELL, WHICH IS WHY",
            id="all capitals, which is why",
        ),
    ],
)
def test_an_audience_and_what_was_done_about_it_is_an_insight(text, phrase):
    assert _phrases(text) == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Log client contacts in Zoho so that the team knows who asked what.",
        "Posted the rota, so everyone knew the shifts.",
        "Customers complained about delays. So I wrote a new reply template.",
        "Social posts also went out on Sundays.",
    ],
    ids=["so that is a purpose", "no audience", "a full stop between", "so inside words"],
)
def test_no_insight(text):
    assert find_insights(text) == []


def test_the_audience_is_looked_for_no_further_than_its_stretch():
    text = "Visitors " + "x" * 130 + ", so we moved the opening hours."
    assert find_insights(text) == []


def test_an_insight_is_psychology_evidence_in_the_pipeline(nlp):
    doc = nlp("- Retired customers trust faces, so posts show our technicians by name.")
    spans = [s for s in doc.spans["screener"] if s.id_ == INSIGHT_ID]
    assert [(s.label_, s.text) for s in spans] == [
        ("psychology", "customers trust faces, so posts")
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("buyers ask who made the piece, so posts", True), ("people fear stains, so she", False)],
)
def test_who_acted_on_the_insight(phrase, expected):
    assert acted_on_by_the_person(phrase) is expected


def test_an_insight_counts_though_the_audience_is_its_verbs_subject(analyze_text):
    # "buyers ask": a plural role before a bare verb reads as someone else's work
    text = (
        "Experience\nSocial Media Lead — Weavers Coop | 2020 – present\n"
        "- On Instagram, US buyers ask who made the piece, so posts name the weaver.\n"
    )
    (ev,) = [e for e in analyze_text(text).evidence if e.pattern_id == INSIGHT_ID]
    assert ev.agency == "support" and ev.counts
