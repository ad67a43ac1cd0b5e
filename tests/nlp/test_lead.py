"""The lead of a resume: contact and summary, and a main column read after a sidebar."""

from __future__ import annotations

from screener.nlp import segment
from screener.nlp.lead import lead_sections, main_column_start
from screener.types import Document

BODY = 9.5
PROFILE = (
    "Data analyst who turns messy exports into dashboards that people actually open every week."
)


def _sidebar_first(styled, name: str = "Noa Ben-Ami", size: float = 20.0) -> Document:
    return styled(
        [
            ("Contact", 10, True),
            ("noa@example.com", 8.4, False),
            ("Skills", 10, True),
            ("SQL", 8.4, False),
            ("Looker Studio", 8.4, False),
            (name, size, True),
            ("Data Analyst", 11.4, False),
            (PROFILE, BODY, False),
            ("Experience", 12.4, True),
            ("Data Analyst, Shekelit 03.2022 – present", BODY, True),
            ("- Build the social dashboards in Looker Studio for the social team", BODY, False),
            ("Education", 12.4, True),
            ("B.Sc. Industrial Engineering 2015 – 2019", BODY, True),
        ]
    )


def test_a_main_column_read_after_its_sidebar_has_its_own_lead(styled):
    doc = _sidebar_first(styled)
    kinds = [(s.kind, doc.text[s.start : s.end].split("\n")[0]) for s in segment(doc)]
    assert kinds[:5] == [
        ("contact", "Contact"),
        ("skills", "Skills"),
        ("contact", "Noa Ben-Ami"),
        ("summary", PROFILE),
        ("experience", "Experience"),
    ]


def test_the_sidebar_section_ends_at_the_name(styled):
    doc = _sidebar_first(styled)
    skills = next(s for s in segment(doc) if s.kind == "skills")
    assert doc.text[skills.start : skills.end].split() == ["Skills", "SQL", "Looker", "Studio"]


def test_a_large_line_with_digits_is_no_name(styled):
    doc = _sidebar_first(styled, name="2,400 followers", size=20.0)
    assert main_column_start(doc, BODY, first_head=0) is None


def test_a_line_barely_larger_than_the_body_is_no_name(styled):
    doc = _sidebar_first(styled, size=BODY * 1.4)
    assert main_column_start(doc, BODY, first_head=0) is None


def test_a_name_before_the_first_heading_starts_no_second_lead(styled):
    doc = _sidebar_first(styled)
    name = next(ln for ln in doc.lines if ln.text == "Noa Ben-Ami")
    assert main_column_start(doc, BODY, first_head=name.start + 1) is None


def test_no_font_sizes_no_main_column():
    doc = Document.from_text("Skills\nSQL\n\nNoa Ben-Ami\n" + PROFILE + "\n")
    assert main_column_start(doc, None, first_head=0) is None


def test_a_lead_may_start_inside_the_text(styled):
    doc = _sidebar_first(styled)
    name = next(ln for ln in doc.lines if ln.text == "Noa Ben-Ami")
    head = next(ln for ln in doc.lines if ln.text == "Experience")
    sections = lead_sections(doc.lines, head.start, len(doc.text), begin=name.start)
    assert [(s.kind, s.start) for s in sections] == [
        ("contact", name.start),
        ("summary", doc.text.index(PROFILE)),
    ]


def test_a_summary_wrapped_mid_sentence_starts_on_its_first_line():
    # a PDF's column wraps the profile: line one has 11 words, line two 12
    prose = (
        "I came to social media from the press box. Eight years\n"
        "covering basketball taught me what fans care about; the last nine years taught\n"
    )
    text = "Keisha Reyes\nkeisha@example.com | Brooklyn, NY\n\n" + prose + "\nExperience\nx\n"
    sections = segment(Document.from_text(text))
    assert [s.kind for s in sections][:2] == ["contact", "summary"]
    assert sections[1].start == text.index("I came")


def test_a_title_above_the_summary_stays_contact():
    profile = "Social media lead who ran the channels of three retail brands for eight years."
    text = "Keisha Reyes\nSocial Media Lead\n" + profile + "\n\nExperience\nx\n"
    sections = segment(Document.from_text(text))
    assert sections[1].kind == "summary" and sections[1].start == text.index("Social media lead")
