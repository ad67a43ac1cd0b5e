"""Date ranges as people write them, and total experience with overlaps merged."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from screener.nlp import experience_months, find_date_ranges, parse_date_range
from screener.types import DateSpan


def _assert_parses(text, start, end, ongoing):
    span = parse_date_range(text)
    assert span is not None
    assert (span.start, span.end, span.ongoing) == (start, end, ongoing)


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("Mar 2019 - Present", (2019, 3), None, True),
        ("03/2019-now", (2019, 3), None, True),
        ("2017-2020", (2017, 1), (2020, 12), False),
        ("2019 – till date", (2019, 1), None, True),
        ("Jan. 2018 to Dec. 2020", (2018, 1), (2020, 12), False),
        ("'22", (2022, 1), (2022, 12), False),
        ("’19 – ’21", (2019, 1), (2021, 12), False),
        ("Summer 2022", (2022, 6), (2022, 8), False),
        ("08.2021 – now", (2021, 8), None, True),
        ("since 2020", (2020, 1), None, True),
        ("September 2018 – present", (2018, 9), None, True),
        ("2019", (2019, 1), (2019, 12), False),
        ("Sept 2015 — Current", (2015, 9), None, True),
        ("Mar - Jun 2019", (2019, 3), (2019, 6), False),
        ("Jun 2019 – Aug ’21", (2019, 6), (2021, 8), False),
        ("Q3 2021 - Q1 2022", (2021, 7), (2022, 3), False),
        ("2019-03 – 2020-06", (2019, 3), (2020, 6), False),
        ("January 2021 – Date", (2021, 1), None, True),
    ],
)
def test_parse_each_format(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("janv. 2019 – aujourd'hui", (2019, 1), None, True),
        ("sept. 2013 – déc. 2017", (2013, 9), (2017, 12), False),
        ("März 2023 – heute", (2023, 3), None, True),
        ("Juli – Sept. 2022", (2022, 7), (2022, 9), False),
        ("seit 10/2020", (2020, 10), None, True),
        ("Ene 2021 – Feb 2022", (2021, 1), (2022, 2), False),
        ("Marzo de 2019 - actualidad", (2019, 3), None, True),
        ("Mar. 2020 – a la fecha", (2020, 3), None, True),
        ("jan/2019 – fev/2022", (2019, 1), (2022, 2), False),
        ("set/2021 – out/2022", (2021, 9), (2022, 10), False),
        ("ago–dez/2023", (2023, 8), (2023, 12), False),
        ("2020 – hoje", (2020, 1), None, True),
        ("03/2021 – oggi", (2021, 3), None, True),
        ("2016 – heden", (2016, 1), None, True),
        ("Agu 2021 – sekarang", (2021, 8), None, True),
        ("10.2022 – obecnie", (2022, 10), None, True),
    ],
)
def test_parse_other_languages(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("2021.06 – present", (2021, 6), None, True),
        ("2019/07 – 2021/02", (2019, 7), (2021, 2), False),
        ("2015.4 - 2018.3", (2015, 4), (2018, 3), False),
        ("03–06/2022", (2022, 3), (2022, 6), False),
    ],
)
def test_parse_year_first_months(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


@pytest.mark.parametrize("text", ["2010/11", "2010-11"])
def test_a_school_year_is_its_two_years_not_a_month(text):
    span = parse_date_range(text)
    assert span is not None and (span.start, span.end) == ((2010, 1), (2011, 12))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019–21", (2019, 1), (2021, 12)),
        ("2021 – 22", (2021, 1), (2022, 12)),
        ("1998–02", (1998, 1), (2002, 12)),
        ("1998-02", (1998, 2), (1998, 2)),
        ("2019/20 season", (2019, 1), (2020, 12)),
    ],
)
def test_a_range_may_end_in_two_digits_of_its_year(text, start, end):
    """Not with a bare hyphen and a month: "1998-02" is February (ISO)."""
    _assert_parses(text, start, end, False)


def test_a_spaced_dash_before_a_lower_case_word_is_no_short_range():
    found = find_date_ranges("In 2019 – 21 stores opened")
    assert [(s.start, s.end) for _a, _b, s in found] == [((2019, 1), (2019, 12))]


def test_a_year_before_a_dash_and_a_count_is_the_year_alone():
    assert [(a, b, s.start, s.end) for a, b, s in find_date_ranges("2019 - 15 stores")] == [
        (0, 4, (2019, 1), (2019, 12))
    ]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("2020-11", (2020, 11), (2020, 11)), ("2019-03 – 2020-11", (2019, 3), (2020, 11))],
)
def test_iso_months_run_to_december(text, start, end):
    _assert_parses(text, start, end, False)


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [("04/22 – 09/23", (2022, 4), (2023, 9), False), ("4/22 - present", (2022, 4), None, True)],
)
def test_numeric_months_with_two_digit_years_in_a_range(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


@pytest.mark.parametrize("text", ["4/22", "rated 4/22 by guests", "05/21 - 04/20"])
def test_numeric_months_with_two_digit_years_alone_are_no_dates(text):
    assert find_date_ranges(text) == []


@pytest.mark.parametrize(
    ("text", "year"), [("rolled out 2019 plans", 2019), ("set 2020 targets", 2020)]
)
def test_english_words_are_no_portuguese_months(text, year):
    ((_a, _b, span),) = find_date_ranges(text)
    assert (span.start, span.end) == ((year, 1), (year, 12))


@pytest.mark.parametrize(
    "text", ["Editor | 2019.03 –\n- Wrote", "Editor | 2021– ", "Editor\n2021– | Palma"]
)
def test_a_dash_at_the_end_of_a_line_is_ongoing(text):
    ((_a, _b, span),) = find_date_ranges(text)
    assert span.ongoing and span.end is None


def test_a_number_wrapped_after_its_dash_is_no_open_range():
    ((_a, _b, span),) = find_date_ranges("Docket No. FAA–2020–\n0686")
    assert not span.ongoing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-2020", True),
        ("2017 ‒ 2020", True),
        ("since 2020", True),
        ("2019", False),
        ("2019-03", False),
    ],
)
def test_is_range_tells_a_range_from_one_date(text, expected):
    from screener.nlp.dates import is_range

    assert is_range(parse_date_range(text)) is expected


def test_a_range_is_preferred_to_a_year_written_before_it():
    span = parse_date_range("Senior Recruiter (Recruiter until 2021) | Jun 2019 - Present")
    assert span is not None and span.start == (2019, 6) and span.ongoing


def test_range_inside_a_header_line():
    span = parse_date_range("Social Media Lead — Acme, London | Mar 2019 - Present")
    assert span is not None and span.start == (2019, 3) and span.ongoing


@pytest.mark.parametrize("text", ["grew to $2019 budget", "+91 98450 31207", "no dates here"])
def test_no_date_in_money_phones_or_prose(text):
    assert [s for _a, _b, s in find_date_ranges(text) if s.ongoing or s.start != s.end] == []


def test_find_returns_offsets_into_the_text():
    text = "Editor | 2015 – 2019"
    ((a, b, span),) = find_date_ranges(text)
    assert text[a:b] == "2015 – 2019" and span.end == (2019, 12)


def test_months_are_inclusive():
    span = DateSpan("Mar 2019 - Mar 2019", (2019, 3), (2019, 3))
    assert experience_months([span]) == 1


def test_overlapping_jobs_are_counted_once():
    a = DateSpan("Jan 2018 - Dec 2019", (2018, 1), (2019, 12))
    b = DateSpan("Jun 2019 - Jun 2020", (2019, 6), (2020, 6))
    assert experience_months([a, b]) == 30


def test_gaps_are_not_counted():
    a = DateSpan("2018", (2018, 1), (2018, 12))
    b = DateSpan("2020", (2020, 1), (2020, 12))
    assert experience_months([a, b]) == 24


def test_present_means_as_of():
    span = parse_date_range("Mar 2019 - Present")
    assert experience_months([span], as_of=(2020, 2)) == 12
    assert experience_months([span], as_of=dt.date(2021, 2, 14)) == 24


def test_present_defaults_to_today():
    today = dt.date.today()
    span = DateSpan("this month", (today.year, today.month), None, ongoing=True)
    assert experience_months([span]) == 1


def test_spans_after_as_of_count_nothing():
    span = DateSpan("2030", (2030, 1), (2030, 12))
    assert experience_months([span], as_of=(2025, 1)) == 0


def test_none_spans_are_skipped():
    assert experience_months([None]) == 0


@pytest.mark.parametrize(
    ("word", "matches"),
    [("sep", True), ("sept", True), ("september", True), ("mar", True), ("septem", False)],
)
def test_month_names_match_whole_words_only(word, matches):
    from screener.nlp.dates import _trie

    expr = re.compile(_trie(["sep", "sept", "september", "mar"]))
    assert bool(expr.fullmatch(word)) is matches


def test_each_call_gives_spans_of_its_own():
    # the matches of a line are kept; a caller that changes a span changes only its own
    ((_a, _b, first),) = find_date_ranges("Editor | 2015 – 2019")
    first.end = None
    ((_a, _b, again),) = find_date_ranges("Editor | 2015 – 2019")
    assert again.end == (2019, 12)


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("15 March 2019 – 20 June 2021", (2019, 3), (2021, 6), False),
        ("March 15, 2019 - June 20, 2021", (2019, 3), (2021, 6), False),
        ("01.03.2019 – heute", (2019, 3), None, True),
        ("15/03/2019 - 20/06/2021", (2019, 3), (2021, 6), False),
        ("03/15/2019 - 06/20/2021", (2019, 3), (2021, 6), False),
        ("2019-03-15 – 2021-06-20", (2019, 3), (2021, 6), False),
        ("1st March 2019 – present", (2019, 3), None, True),
    ],
)
def test_dates_with_a_day_count_as_their_month(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


def test_a_date_with_a_day_is_one_span_with_its_day():
    assert [(a, b) for a, b, _s in find_date_ranges("joined on 5 May 2020")] == [(10, 20)]


def test_school_years_join_into_one_range():
    _assert_parses("2023/24 – 2024/25", (2023, 1), (2025, 12), False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 10, 2026", True),
        ("10.02.2026", True),
        ("Feb 2026", False),
        ("15 March 2019 – 20 June 2021", False),
    ],
)
def test_is_day_tells_a_printed_date_from_a_job_date(text, expected):
    from screener.nlp.dates import is_day

    assert is_day(parse_date_range(text)) is expected


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("III – VI 2021", (2021, 3), (2021, 6), False),
        ("IX 2021 – now", (2021, 9), None, True),
        ("XII.2019 - II.2020", (2019, 12), (2020, 2), False),
    ],
)
def test_upper_case_roman_months(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


@pytest.mark.parametrize("text", ["ii 2019", "X 2022"])
def test_lower_case_and_single_letter_roman_numbers_are_no_months(text):
    _assert_parses(text, (int(text[-4:]), 1), (int(text[-4:]), 12), False)


@pytest.mark.parametrize("text", ["CFA Level II 2019", "Account Manager III 2019"])
def test_a_roman_number_after_a_word_is_a_level_not_a_month(text):
    _assert_parses(text, (2019, 1), (2019, 12), False)


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [("VI 2019 to IX 2021", (2019, 6), (2021, 9), False), ("od III 2019", (2019, 3), None, True)],
)
def test_a_roman_month_may_follow_the_word_that_joins_its_range(text, start, end, ongoing):
    _assert_parses(text, start, end, ongoing)


def test_vietnamese_nay_is_ongoing():
    _assert_parses("08/2019 – nay (present)", (2019, 8), None, True)


def test_a_year_and_a_count_joined_by_to_are_no_range():
    found = find_date_ranges("Grew the team from 5 in 2019 to 21 in 2022")
    assert [(s.start, s.end) for _a, _b, s in found] == [
        ((2019, 1), (2019, 12)),
        ((2022, 1), (2022, 12)),
    ]
