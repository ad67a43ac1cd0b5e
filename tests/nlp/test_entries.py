"""Entries: headers split into title and organisation, and which lines are headers."""

from __future__ import annotations

import pytest

from screener.nlp import analyze


def _first_entry(header: str):
    text = f"Experience\n{header}\n- Ran the careers page.\n"
    return analyze(text, as_of=(2025, 6)).entries[0]


def test_a_title_alone_on_its_line_takes_the_employer_before_its_place():
    entry = _first_entry("Dunamu Inc., Seoul, S.Korea\nDevOps Engineer Sep. 2023 - Mar. 2024")
    assert (entry.title, entry.org) == ("DevOps Engineer", "Dunamu Inc.")


def test_the_employer_is_read_on_the_titles_line_before_the_dates_line():
    entry = _first_entry("PHABRICATOR | TEAM LEADER\nJan 2013 – May 2013 | Palo Alto, CA")
    assert (entry.title, entry.org) == ("TEAM LEADER", "PHABRICATOR")


def test_an_entry_without_bullets_leaves_the_next_title_line_to_the_next_entry():
    text = (
        "Experience\nFACEBOOK | SOFTWARE ENGINEER\nJan 2015 - Present | New York, NY\n"
        "COURSERA | SOFTWARE ENGINEERING INTERN\nJune 2014 – Sep 2014 | Mountain View, CA\n"
        "- Shipped the captions editor.\n"
    )
    entries = analyze(text, as_of=(2025, 6)).entries
    assert [(e.title, e.org) for e in entries] == [
        ("SOFTWARE ENGINEER", "FACEBOOK"),
        ("SOFTWARE ENGINEERING INTERN", "COURSERA"),
    ]


def test_a_line_after_the_dates_that_open_a_header_stays_in_that_header():
    text = (
        "Experience\nSocial Media Lead | 2019 – 2021\nAcme Corp\n"
        "Community Manager | 2017 – 2019\nBeta Ltd\n- Ran the forum.\n"
    )
    entries = analyze(text, as_of=(2025, 6)).entries
    assert [(e.title, e.org) for e in entries] == [
        ("Social Media Lead", "Acme Corp"),
        ("Community Manager", "Beta Ltd"),
    ]


def test_an_entry_takes_its_range_not_a_year_in_its_title():
    text = (
        "Experience\nSenior Recruiter (Recruiter until 2021) — Northgate Staffing | "
        "Jun 2019 - Present\n- Ran the careers page.\n"
    )
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    assert entry.dates is not None and entry.dates.start == (2019, 6) and entry.dates.ongoing


def test_a_long_header_ending_in_seit_is_dated():
    # "seit" (German "since") opens a range as "since" does
    text = (
        "Berufserfahrung\nProduct Marketing Manager – EV — Hallberg Automobile Deutschland "
        "GmbH, München | seit 10/2020\n- Launch campaigns for the EV range.\n"
    )
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    assert entry.dates is not None and entry.dates.start == (2020, 10)


def test_a_long_header_with_one_year_after_a_bar_is_an_entry():
    text = (
        "Selected Projects\n'Our People' series — Wusta Gateway Port | 2018 – 2019\n"
        "- Wrote 24 profiles.\n"
        "Employee survey communication — Wusta Gateway Port Company SAOC | 2022\n"
        "- Wrote the invitations and the results booklet.\n"
    )
    entries = analyze(text, as_of=(2025, 6)).entries
    assert [e.title for e in entries] == ["'Our People' series", "Employee survey communication"]


def test_a_long_line_with_a_year_inside_is_no_entry():
    # the year is no field of its own: this line wraps the bullet above it
    text = (
        "Experience\nSocial Lead — Acme | 2018 – 2023\n- Ran the page and the community\n"
        "guidelines that the legal team signed off in 2022 for the whole group\n"
    )
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    assert len(entry.bullets) == 1


def _only_entry(text: str):
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    return entry.title, entry.org


def test_a_header_line_without_dates_is_cut_at_its_comma():
    # title and employer on one line, dates and place below
    text = (
        "Experience\nCustomer Community Manager, Shiftwell\n"
        "February 2022 – present | Cebu City\n- Ran the user forum.\n"
    )
    assert _only_entry(text) == ("Customer Community Manager", "Shiftwell")


def test_a_bracket_the_dates_left_open_protects_nothing():
    # "(Voice)" loses its ")" with the dates after it; the employer is still cut out
    text = (
        "Experience\nCustomer Care Executive (Voice)    Jun 2018 – Jun 2020\n"
        "Sundaram Business Services, Chennai\n- Answered calls.\n"
    )
    assert _only_entry(text)[1] == "Sundaram Business Services"


def test_an_undated_header_takes_the_dates_beside_its_first_bullet():
    # rendercv's classic theme: the right-hand date column is read at the end of the
    # first bullet line
    text = (
        "Experience\n\nNexus AI, Co-Founder & CTO\n"
        "- Built model infrastructure serving 2M monthly requests June 2023 – present\n"
        "- Raised a Series A.\n"
    )
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    assert entry.dates is not None and entry.dates.start == (2023, 6) and entry.dates.ongoing
    assert entry.bullets[0] == "Built model infrastructure serving 2M monthly requests"


def test_a_range_inside_the_first_bullet_is_not_the_entry_dates():
    text = (
        "Experience\n\nNexus AI, Co-Founder & CTO\n"
        "- Ran the 2021–2022 hiring drive for the platform team\n"
    )
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    assert entry.dates is None


def test_a_blank_line_ends_an_undated_entry_whose_bullets_have_no_full_stop():
    text = (
        "Experience\n\nNexus AI, Co-Founder & CTO\n- Built the inference stack\n"
        "- Cut latency by 73% compared to\nbaseline\n\n"
        "NVIDIA Research, Research Intern\n- Designed sparse attention\n"
    )
    entries = analyze(text, as_of=(2025, 6)).entries
    assert [e.title for e in entries] == ["Co-Founder & CTO", "Research Intern"]


def test_a_running_footer_with_a_printed_date_is_no_entry():
    # awesome-cv prints "February 10, 2026 Byungjin Park | Résumé" at the foot of each page
    text = (
        "Experience\nSite Reliability Engineer | Acme | Feb. 2021 - Mar. 2021\n"
        "- Ran the on-call rota.\nFebruary 10, 2026 Byungjin Park | Résumé\n"
        "Founding Member | Beta | Jun. 2018 - Jan. 2021\n- Built the platform.\n"
    )
    entries = analyze(text, as_of=(2025, 6)).entries
    assert [(e.title, e.org) for e in entries] == [
        ("Site Reliability Engineer", "Acme"),
        ("Founding Member", "Beta"),
    ]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        pytest.param(
            "Experience\nSocial Media Virtual Assistant (Freelance) — Self-employed; direct "
            "clients, Remote | Mar 2021 - Present\n- Ran six client accounts.\n",
            (2021, 3),
            None,
            id="a semicolon in the employer is no prose when the dates stand apart",
        ),
        pytest.param(
            "Experience\nSocial Media Assistant (Seasonal) — Soca Sunrise Fetes Ltd., Port of "
            "Spain | Nov 2022 – Mar 2024 (Carnival 2023 & 2024)\n- Scheduled countdowns.\n",
            (2022, 11),
            (2024, 3),
            id="a long header may end with a remark after its dates",
        ),
        pytest.param(
            "Projects\nParticipant — Brand Challenge 2022 (marketing case competition) | "
            "Oct 2022\n- Reached the semi-final.\n",
            (2022, 10),
            (2022, 10),
            id="the date field, not a year in a name",
        ),
    ],
)
def test_header_dates(text, start, end):
    (entry,) = analyze(text, as_of=(2025, 6)).entries
    assert entry.dates is not None and (entry.dates.start, entry.dates.end) == (start, end)
