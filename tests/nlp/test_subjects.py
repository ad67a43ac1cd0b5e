"""Clauses are cut where a coordinated second subject takes over."""

from __future__ import annotations

from screener.nlp.subjects import split_at_subjects


def cut(text: str, roles: dict[int, int] | None = None, finite: set[int] | None = None):
    low = text.lower().split()
    parts = split_at_subjects(low, [(0, len(low), 0)], roles or {}, finite or set())
    return [" ".join(low[s:e]) for s, e, _line in parts]


def test_and_i_starts_a_new_clause():
    assert cut("the agency set the budget and i built the ads") == [
        "the agency set the budget and",
        "i built the ads",
    ]


def test_a_role_with_a_verb_starts_a_new_clause():
    # "the agency" is a role (tokens 6-7), "built" (7) may be a finite verb
    assert cut("i set the budget and the agency built the ads", {6: 7}, {7}) == [
        "i set the budget and",
        "the agency built the ads",
    ]


def test_a_role_without_a_verb_is_a_noun_phrase():
    assert cut("i set the budget and the agency brief", {6: 7}, set()) == [
        "i set the budget and the agency brief"
    ]


def test_a_compound_subject_is_not_cut():
    assert cut("priya and i ran the launch") == ["priya and i ran the launch"]
