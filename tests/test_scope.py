"""screener.scope: the length and language of a resume."""

from __future__ import annotations

import pytest

from screener.scope import DEFAULT_WORD_RANGE, check_scope, count_words


def test_words_are_runs_between_spaces():
    assert count_words("Social media lead,\n2019 - 2024\tHelsinki") == 7


def test_chinese_characters_count_two_to_a_word():
    assert count_words("社交媒体经理 2019") == 1 + 3


def test_a_resume_length_is_in_scope():
    check = check_scope("word " * 300)
    assert check.in_scope and check.reason is None and check.words == 300


def test_a_few_words_are_too_short():
    check = check_scope("Hello world, this is a test page.")
    assert check.reason == "too_short" and not check.in_scope


def test_a_paper_length_is_too_long():
    check = check_scope("word " * (DEFAULT_WORD_RANGE[1] + 1))
    assert check.reason == "too_long"


def test_the_message_gives_the_count_and_the_limit():
    check = check_scope("word " * 12004)
    assert check.message == "12,004 words: longer than a resume (at most 4,000)"


def test_both_ends_of_the_range_are_in_scope():
    assert check_scope("a b c", (3, 5)).in_scope and check_scope("a b c d e", (3, 5)).in_scope


def test_no_range_means_any_length():
    assert check_scope("Hello", None).in_scope


def test_a_resume_in_another_language_is_out_of_scope(german_resume):
    check = check_scope(german_resume)
    assert check.reason == "not_english"
    assert check.message == "written in German: the lexicon and the model read English"


def test_the_language_check_can_be_turned_off(german_resume):
    assert check_scope(german_resume, english_only=False).in_scope


def test_length_is_checked_before_language():
    assert check_scope("Ich bin Social Media Managerin.").reason == "too_short"


@pytest.mark.parametrize("bad", [(5, 3), (-1, 10), (1.5, 10), ("1", "10"), (1,), 40])
def test_a_bad_range_is_refused(bad):
    with pytest.raises(ValueError, match="word_range"):
        check_scope("text", bad)
