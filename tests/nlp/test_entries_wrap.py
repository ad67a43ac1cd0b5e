from screener.nlp import analyze
from screener.types import Document

TEXT = """Experience
Community Manager — Harbour Hotels, Madrid | Mar 2019 - Present
- Rebuilt guest complaint handling on Instagram and answered every review within the
same week of 2021.
- Ran the loyalty campaign.
Marketing Assistant — Sol Group, Seville | 2016 - 2019
- Wrote the newsletter.
"""


def test_a_wrapped_bullet_line_with_a_year_is_not_a_new_entry():
    entries = analyze(Document.from_text(TEXT)).entries
    assert [e.title for e in entries] == ["Community Manager", "Marketing Assistant"]


def test_the_wrapped_line_joins_its_bullet():
    first = analyze(Document.from_text(TEXT)).entries[0]
    assert first.bullets[0].endswith("same week of 2021.")


PROSE = """Work Experience
Sales Assistant (weekends) Jun 2022 – present
Page & Quill Books — Leicester
Till, stock and customer service; since 2023 I also run the shop's Instagram
and Facebook for the owner and plan each month's posts.
"""


def test_a_sentence_with_since_and_a_year_is_not_an_entry_header():
    entries = analyze(Document.from_text(PROSE)).entries
    assert len(entries) == 1
    assert entries[0].bullets[-1].endswith("each month's posts.")


def test_a_roman_numeral_title_stays_a_header():
    text = "Experience\nAnalyst I at Acme Ltd, 2019 - 2021\n- Built the weekly report.\n"
    assert [e.title for e in analyze(Document.from_text(text)).entries] != []


ORG = """Volunteering
Social Secretary and Instagram admin Sept 2023 – present
Bhangra & South Asian Dance Society — University of Nottingham
Post rehearsal clips and event announcements on the society's Instagram.
"""


def test_an_org_line_of_eight_words_and_a_dash_is_a_header():
    entry = analyze(Document.from_text(ORG)).entries[0]
    assert entry.bullets == [ORG.splitlines()[-1]]


LONG_HEADER = """Community Experience
Head Moderator (volunteer) — Pixel Harbor, unofficial Discord for the survival game \
'Driftwake', Online | Feb 2021 - Present
- Lead a team of 14 volunteer moderators.
"""


def test_a_long_header_ending_in_a_date_field_is_an_entry_header():
    entry = analyze(Document.from_text(LONG_HEADER)).entries[0]
    assert (entry.title, entry.dates.text) == ("Head Moderator (volunteer)", "Feb 2021 - Present")


LONG_LINE = """Experience
Community Manager — Harbour Hotels, Madrid | 2016 - Present
Ran the page for the regional health board and the district office and the clinics, \
from March 2019 to June 2021
"""


def test_a_long_line_ending_in_a_range_inside_a_sentence_is_no_header():
    assert len(analyze(Document.from_text(LONG_LINE)).entries) == 1


JOBS_LISTED = """Where I Worked
Social Media Manager — Grupo Caribe Azul (5 resorts), Cancún | Mar 2017 - Present
Community Manager — Agencia Tulum Digital, Tulum | 2014 - 2017
"""


def test_two_dated_header_lines_in_a_row_are_two_entries():
    entries = analyze(Document.from_text(JOBS_LISTED)).entries
    assert [e.dates.text for e in entries] == ["Mar 2017 - Present", "2014 - 2017"]


WRAPPED_ABOVE_HEADER = """Experience
Senior Agent — Ubuntu Mutual | 2021 – now
- Buddy for new agents: I show them tone and
the approved reply templates
Call Centre Agent 2018 – 2021
Ubuntu Mutual Insurance
- Answered calls.
"""


def test_a_lower_case_line_above_a_dated_line_continues_the_bullet():
    entries = analyze(Document.from_text(WRAPPED_ABOVE_HEADER)).entries
    assert entries[0].bullets[-1].endswith("the approved reply templates")
    assert entries[1].title == "Call Centre Agent"
