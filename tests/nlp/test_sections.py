"""Section segmentation on plain text with varied, compound, unusual and no headings."""

from __future__ import annotations

import itertools

import pytest

from screener.nlp import segment
from screener.types import Document

HEADER = "Ada Lovelace\nSocial Media Manager\nada@example.com | London\n\n"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.title) for s in segment(Document.from_text(text))]


def kind_of(heading: str) -> str:
    text = f"{HEADER}{heading}\nFirst line under it.\n"
    sections = segment(Document.from_text(text))
    return sections[-1].kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Work History", "experience"),
        ("Employment", "experience"),
        ("Career", "experience"),
        ("Professional Experience", "experience"),
        ("Positions Held", "experience"),
        ("Career History", "experience"),
        ("What I've done", "experience"),
        ("Apprenticeship", "experience"),
        ("Core Competencies", "skills"),
        ("Toolkit", "skills"),
        ("Key Skills", "skills"),
        ("Areas of Expertise", "skills"),
        ("Technical Skills", "skills"),
        ("What I use", "skills"),
        ("Profile", "summary"),
        ("Personal Statement", "summary"),
        ("About", "summary"),
        ("Voluntary Work", "volunteering"),
        ("Volunteer", "volunteering"),
        ("Leadership & Activities", "volunteering"),
        ("Selected Projects", "projects"),
        ("Content Creation", "projects"),
        ("Hobbies", "interests"),
        ("Referees", "references"),
        ("Education", "education"),
        ("Certifications", "certifications"),
        ("Publications", "publications"),
        ("Awards", "awards"),
        ("Languages", "languages"),
        ("Clients", "experience"),
        ("Contract work", "experience"),
        ("Opdrachten", "experience"),
        ("Gereedschap", "skills"),
        ("Projekte", "projects"),
        ("Beruflicher Werdegang", "experience"),
        ("Praktika", "experience"),
        ("Fähigkeiten", "skills"),
        ("Studium", "education"),
        ("Academic Appointments", "experience"),
        ("Advisory & Administrative Roles", "experience"),
        ("Pengalaman Kerja", "experience"),
        ("Pendidikan", "education"),
        ("Keahlian", "skills"),
        ("Kemahiran", "skills"),
        ("Bahasa", "languages"),
        ("Sertifikasi", "certifications"),
        ("Pengalaman Organisasi", "volunteering"),
    ],
)
def test_heading_synonyms(heading, kind):
    assert kind_of(heading) == kind


@pytest.mark.parametrize(
    "heading", ["WORK HISTORY", "work history:", "Work History:", "EXPERI ENCE"]
)
def test_heading_case_colon_and_letter_spacing(heading):
    assert kind_of(heading) == "experience"


def test_compound_heading_takes_its_first_kind():
    assert kind_of("Certifications & Activities") == "certifications"
    assert kind_of("Skills and Interests") == "skills"


def test_misspelt_and_foreign_headings():
    assert kind_of("Experiance") == "experience"
    assert kind_of("Experiência Profissional") == "experience"
    assert kind_of("Formação / Education") == "education"


def test_trailing_parenthesis_is_dropped_when_the_rest_names_a_kind():
    assert kind_of("Opdrachten (selectie)") == "experience"


def test_trailing_parenthesis_keeps_its_kind_when_the_rest_names_none():
    assert kind_of("Rugby club (volunteer)") == "volunteering"


def test_keyword_heading_needs_no_exact_synonym():
    assert kind_of("Social Media Experience") == "experience"


def test_job_title_is_not_a_heading():
    text = HEADER + "Experience\nCustomer Experience Manager\n- Answered complaints\n"
    assert [k for k, _t in kinds(text)] == ["contact", "experience"]


@pytest.mark.parametrize(
    "title", ["Press & Public Relations Manager", "Social Media & Community Manager"]
)
def test_a_job_title_joined_to_a_section_word_is_not_a_heading(title):
    from screener.nlp.headings import heading_kind

    assert heading_kind(title) == (None, False)


@pytest.mark.parametrize(
    "org", ["Prerna Girls' Education Trust, Kolkata", "Prerna Girls' Education Trust"]
)
def test_an_employer_named_with_a_section_word_is_not_a_heading(org):
    text = HEADER + f"Internships\nSocial Media Intern\n{org}\n- Ran the appeal's Facebook page\n"
    assert [k for k, _t in kinds(text)] == ["contact", "experience"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Experiência Profissional | Professional Experience", "experience"),
        ("Habilidades | Skills", "skills"),
        ("Mídia e Prêmios | Press and Awards", "publications"),
    ],
)
def test_a_heading_in_two_languages_takes_its_kind(heading, kind):
    assert kind_of(heading) == kind


@pytest.mark.parametrize(
    "line", ["Personal Trainer | Fitness Creator | Brand Ambassador", "Skills | Experience"]
)
def test_a_line_of_fields_is_not_a_bilingual_heading(line):
    text = HEADER + f"Experience\n{line}\n- Ran the gym's Instagram\n"
    assert [k for k, _t in kinds(text)] == ["contact", "experience"]


def test_text_before_first_heading_is_contact():
    text = HEADER + "Skills\nCanva, Hootsuite\n"
    sections = segment(Document.from_text(text))
    assert sections[0].kind == "contact" and sections[0].start == 0


def test_prose_before_first_heading_is_summary():
    prose = (
        "Social media lead with eight years in retail, owning channels, budgets and the numbers."
    )
    text = HEADER + prose + "\n\nExperience\nLead — Acme | 2019 - 2021\n- Ran it\n"
    assert [k for k, _t in kinds(text)] == ["contact", "summary", "experience"]


def test_prose_wrapped_over_short_lines_before_first_heading_is_summary():
    # a PDF's narrow column: no line has 12 words, the paragraph has 15
    prose = (
        "Data analyst who turns messy exports into dashboards\npeople actually open. SQL, Looker."
    )
    text = HEADER + prose + "\n\nExperience\nLead — Acme | 2019 - 2021\n- Ran it\n"
    sections = segment(Document.from_text(text))
    assert [s.kind for s in sections] == ["contact", "summary", "experience"]
    assert sections[1].start == text.index("Data analyst")


def test_contact_lines_are_no_prose_paragraph():
    # twelve words over three lines, but names, places and numbers: no summary
    contact = (
        "Ada Lovelace\nSocial Media Manager, Retail Banking\nFlat 3, 22 Harbour Road, Wellington"
    )
    text = contact + "\n\nExperience\nLead — Acme | 2019 - 2021\n- Ran it\n"
    assert [k for k, _t in kinds(text)] == ["contact", "experience"]


def test_sections_cover_the_text_in_order():
    text = HEADER + "Experience\nLead — Acme | 2019 - 2021\n- Ran it\n\nSkills\nCanva\n"
    sections = segment(Document.from_text(text))
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(sections))


def test_inline_heading_with_content():
    text = HEADER + "Experience\nLead — Acme | 2019 - 2021\n- Ran it\nSkills: Hootsuite, Canva\n"
    assert [k for k, _t in kinds(text)][-1] == "skills"


def test_unnamed_heading_over_dated_entries_is_experience():
    text = HEADER + "Summary\nHello there.\n\nMy Road So Far\nLead — Acme | 2019 - 2021\n- Ran it\n"
    assert kinds(text)[-1] == ("experience", "My Road So Far")


def test_unnamed_heading_over_plain_text_is_other():
    text = HEADER + "Experience\nLead — Acme | 2019 - 2021\n- Ran it\n\nFun Facts\nI juggle.\n"
    assert kinds(text)[-1] == ("other", "Fun Facts")


CAPS = (
    HEADER + "EXPERIENCE\n\nLead — Acme | 2019 - 2021\n- Ran the brand's channels\n\n"
    "{line}\n\n{under}\n\nEDUCATION\n\nBA, Leeds | 2015 - 2018\n"
)


def test_unknown_caps_line_among_caps_headings_is_other():
    text = CAPS.format(line="FAN CORNER", under="YouTube: 95K subscribers")
    assert ("other", "FAN CORNER") in kinds(text)


def test_caps_employer_over_bullets_stays_in_experience():
    text = CAPS.format(line="ACME DIGITAL", under="- Answered every complaint")
    assert [k for k, _t in kinds(text)] == ["contact", "experience", "education"]


def test_unknown_caps_line_needs_caps_headings():
    text = CAPS.format(line="FAN CORNER", under="YouTube: 95K subscribers")
    text = text.replace("EXPERIENCE", "Experience").replace("EDUCATION", "Education")
    assert "FAN CORNER" not in [t for _k, t in kinds(text)]


def test_no_headings_infers_experience_from_dates_and_bullets():
    text = (
        "Ada Lovelace\nada@example.com\n\nSocial Media Lead, Acme Ltd\nMar 2019 - Present\n"
        "- Owned the brand's Instagram\n- Answered complaints\n"
        "BA Marketing, University of Leeds, 2015 - 2018\n"
    )
    assert [k for k, _t in kinds(text)] == ["contact", "experience", "education"]


def test_no_headings_prose_line_naming_a_university_stays_experience():
    story = (
        "Head of social at Kosyk since 2020; I set the plan with the CMO, hold the paid budget "
        "and answer complaints. Before that SMM at a restaurant group. "
        "Lviv National University, journalism, 2017."
    )
    text = "Ada Lovelace\nada@example.com\n\n" + story + "\n"
    assert [k for k, _t in kinds(text)] == ["contact", "experience"]


def test_no_headings_and_no_dates_is_still_sectioned():
    text = "Ada Lovelace\nada@example.com\n"
    sections = segment(Document.from_text(text))
    assert sections and sections[0].kind == "contact"


def test_long_summary_without_experience_section_is_the_work_history():
    story = " ".join(["I ran the brand's channels and answered every complaint myself."] * 12)
    text = HEADER + "Summary\n" + story + "\n"
    assert [k for k, _t in kinds(text)][-1] == "experience"


def test_empty_document_does_not_fail():
    sections = segment(Document.from_text(""))
    assert all(s.start == 0 and s.end == 0 for s in sections)


def test_an_unknown_heading_in_the_heading_look_is_typed_by_its_entries(styled):
    doc = styled(
        [
            ("Ada Lovelace", 16, True),
            ("WORK", 13, True),
            ("Mechanic — Road Motors | 2015 - present", 10, False),
            ("- Servicing and diagnostics.", 10, False),
            ("GAA", 13, True),
            ("PRO (volunteer) — Gaels GAA Club | 2019 - present", 10, False),
            ("- Run the club's Facebook and Instagram.", 10, False),
            ("SKILLS", 13, True),
            ("Diagnostics, welding", 10, False),
        ]
    )
    assert [(s.title, s.kind) for s in segment(doc)][1:] == [
        ("WORK", "experience"),
        ("GAA", "experience"),
        ("SKILLS", "skills"),
    ]


def test_an_unknown_heading_over_a_title_then_dates_is_experience(styled):
    doc = styled(
        [
            ("Ada Lovelace", 16, True),
            ("WORK", 13, True),
            ("Mechanic, Road Motors", 10, True),
            ("2015 - present | Ballyhaunis", 9, False),
            ("- Servicing and diagnostics.", 10, False),
            ("GAA", 13, True),
            ("PRO (volunteer), Gaels GAA Club", 10, True),
            ("2019 - present | Ballyhaunis", 9, False),
            ("- Run the club's Facebook and Instagram.", 10, False),
        ]
    )
    assert [(s.title, s.kind) for s in segment(doc)][-1] == ("GAA", "experience")


def test_a_line_without_a_look_is_a_heading_only_when_listed(styled):
    doc = styled(
        [
            ("Ada Lovelace", 16, True),
            ("Certifications", 13, True),
            ("Digital Marketing Certificate | 2023", None, True),
            ("Accra Digital Skills Hub", None, False),
            ("Experience", 13, True),
            ("Social Lead | 2023 - present", None, True),
            ("- Ran the shop's Instagram.", 10, False),
        ]
    )
    assert [(s.title, s.kind) for s in segment(doc)][1:] == [
        ("Certifications", "certifications"),
        ("Experience", "experience"),
    ]


def _boxed(blocks: list[list[tuple[str, float]]]):
    """A one-page PDF-like document: blocks of ``(text, x0)`` lines, 10 pt, one per row."""
    from screener.types import BBox, Block, Line, Page

    out, parts, pos, top = [], [], 0, 40.0
    for rows in blocks:
        lines = []
        for raw, x0 in rows:
            box = BBox(x0=x0, top=top, x1=x0 + 6 * len(raw), bottom=top + 10)
            lines.append(Line(text=raw, bbox=box, font_size=10, start=pos, end=pos + len(raw)))
            pos, top = pos + len(raw) + 1, top + 12
        out.append(Block(page=1, lines=lines, start=lines[0].start, end=lines[-1].end))
        parts.append("\n".join(r for r, _x in rows))
        pos, top = pos + 1, top + 8
    return Document(
        text="\n\n".join(parts), pages=[Page(number=1, blocks=out)], source_format="pdf"
    )


def test_an_inline_heading_wrapped_into_a_bullet_is_no_heading():
    doc = _boxed(
        [
            [("Experience", 40)],
            [
                ("Support Lead, Acme 2019 - 2023", 40),
                ("- Answer customers with the macros. KPIs are set by the", 49),
                ("CX director.", 58.6),
                ("Results: first response from 3 hours to 11 minutes.", 58.6),
            ],
        ]
    )
    assert [s.kind for s in segment(doc)] == ["experience"]


def test_a_listed_word_ending_a_wrapped_bullet_is_no_heading():
    doc = _boxed(
        [
            [("Experience", 40)],
            [
                ("Events Coordinator, Acme 2019 - 2023", 40),
                ("- Organise client seminars: venue, name badges and CPD", 49),
                ("certificates", 58.6),
            ],
            [("- Assemble pitch documents for the BD manager", 49)],
        ]
    )
    assert [s.kind for s in segment(doc)] == ["experience"]


def test_an_inline_heading_at_the_bullets_left_edge_is_still_one():
    doc = _boxed(
        [
            [("Experience", 40)],
            [
                ("Support Lead, Acme 2019 - 2023", 40),
                ("- Answered customers on X and Instagram.", 40),
                ("Skills: Zendesk, Sprout Social, Looker Studio", 40),
            ],
        ]
    )
    assert [s.kind for s in segment(doc)] == ["experience", "skills"]


def test_a_listed_skills_heading_in_bold_is_a_heading_in_a_look_of_its_own(styled):
    # a sidebar or text box: its headings bold at body size, the main ones larger
    doc = styled(
        [
            ("Ada Lovelace", 16, True),
            ("Experience", 13, True),
            ("Social Lead | Acme | 2020 - present", 10, False),
            ("- Ran the shop's Instagram.", 10, False),
            ("Education", 13, True),
            ("BA Media Studies, Leeds", 10, False),
            ("Skills", 10, True),
            ("Hootsuite, Sprout Social", 10, False),
        ]
    )
    assert [(s.title, s.kind) for s in segment(doc)][-1] == ("Skills", "skills")


_VOLUNTEER = [
    ("Ada Lovelace", 16, True),
    ("Experience", 13, True),
    ("Volunteer", 10, True),
    ("Gaels GAA Club | 2019 - present", 10, False),
    ("- Ran the club's Facebook page.", 10, False),
]
#: A second bold job title at body size, naming a kind by a keyword only.
_SWIM_COACH = [
    ("Volunteer Swim Coach", 10, True),
    ("Leeds Swim Club | 2017 - 2019", 10, False),
    ("- Coached juniors.", 10, False),
]


@pytest.mark.parametrize("more", [[], _SWIM_COACH], ids=["one", "and-a-keyword-one"])
def test_a_bold_job_title_named_like_a_section_is_no_heading_in_another_look(styled, more):
    # with the keyword title too, the body-size bold look is still no heading look
    doc = styled([*_VOLUNTEER, *more, ("Education", 13, True), ("BA Media Studies", 10, False)])
    assert [s.title for s in segment(doc)][1:] == ["Experience", "Education"]


def test_a_keyword_heading_and_a_listed_one_in_a_larger_look_make_a_heading_look(styled):
    doc = styled(
        [
            ("Ada Lovelace", 16, True),
            ("Maths teacher who runs a literacy trust's pages.", 10, False),
            ("Social Media", 13, True),
            ("Social Media Volunteer | Acme Trust | 2023 - present", 10, True),
            ("- Run Instagram and Facebook for the trust.", 10, False),
            ("Teaching Experience", 13, True),
            ("Maths Teacher | Valley School | 2015 - present", 10, True),
            ("- Class teacher.", 10, False),
            ("Education", 13, True),
            ("MSc Mathematics, 2011", 10, False),
            ("Skills", 10, True),
            ("Canva", 10, False),
            ("Languages", 10, True),
            ("Malayalam", 10, False),
        ]
    )
    assert ("Social Media", "experience") in [(s.title, s.kind) for s in segment(doc)]
