"""Quantified outcomes found in text."""

from screener.nlp.outcomes import _NUMBER_RE, _numbers, find_outcomes

TEXT = (
    "Mar 2019 - 2021: cut response time from 9h to 40min, +35% followers, "
    "$250K budget, USD 1.2m, −3 pts, 20k followers; call +44 20 7946 0000; 3x ROAS"
)


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in find_outcomes(text)]


def test_candidate_search_gives_the_same_numbers_as_the_plain_regex():
    assert [m.span() for m in _numbers(TEXT)] == [m.span() for m in _NUMBER_RE.finditer(TEXT)]


def test_a_move_from_one_number_to_another_is_one_outcome():
    assert "from 9h to 40min" in _found(TEXT)


def test_multiplier_words_are_outcomes_that_move_a_number():
    assert find_outcomes("Doubled the newsletter list.") == [(0, 7, True)]


def test_text_without_numbers_or_multiplier_words_has_no_outcomes():
    assert find_outcomes("Ran the page and answered comments.") == []


HEAD = "Experience\nField Manager, Acme Research, 2019 - 2024\n"


def _outcomes(analyze_text, body: str) -> dict[str, bool]:
    analysis = analyze_text(HEAD + body)
    return {e.text: e.counts for e in analysis.entities if e.dimension == "OUTCOME"}


def test_an_outcome_on_a_line_with_social_evidence_is_social_work(analyze_text):
    body = "- Grew the Instagram page from 2K to 9K followers with a weekly campaign\n"
    assert _outcomes(analyze_text, body) == {"from 2K to 9K followers": True}


def test_an_outcome_with_no_social_evidence_on_its_line_is_not(analyze_text):
    body = "- Cut fieldwork costs by 30% in two years\n- Ran the weekly campaign\n"
    assert _outcomes(analyze_text, body) == {"30%": False}


def test_a_bullet_wrapped_over_two_lines_is_one_line(analyze_text):
    body = "- Grew the Instagram page from 2K to 9K\n  followers with a weekly campaign\n"
    assert list(_outcomes(analyze_text, body).values()) == [True]
