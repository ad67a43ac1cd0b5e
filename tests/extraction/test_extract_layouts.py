"""Reading order on the layouts resumes really use (fixtures drawn at exact places)."""

from __future__ import annotations

from _pdfs import pdf

from screener.extraction import extract
from screener.types import Document

BOLD = "Helvetica-Bold"


def positions(doc: Document, *needles: str) -> list[int]:
    found = [doc.text.find(n) for n in needles]
    assert -1 not in found, [n for n, f in zip(needles, found) if f == -1]
    return found


def assert_in_order(doc: Document, *needles: str) -> None:
    found = positions(doc, *needles)
    assert found == sorted(found), f"out of order: {needles}\n{doc.text}"


def line_with(doc: Document, needle: str) -> str:
    return next(line.text for line in doc.lines if needle in line.text)


def column(x: float, top: float, heading: str, lines: list[str], lead: float = 14) -> list:
    runs = [(x, top, heading, BOLD, 12)]
    runs += [(x, top + 20 + i * lead, text) for i, text in enumerate(lines)]
    return runs


def job(top: float, title: str, dates: str, bullets: list[str], date_x: float = 470) -> list:
    runs = [(50, top, title, BOLD, 10), (date_x, top, dates, "Helvetica-Oblique", 9)]
    runs += [(60, top + 14 + i * 13, "• " + b) for i, b in enumerate(bullets)]
    return runs


LONG = "Planned the paid social calendar across Meta, TikTok and Pinterest for the brand"


def test_one_column_sections_and_jobs_in_order():
    runs = [(50, 60, "Avery Quinn", BOLD, 22), (50, 110, "Summary", BOLD, 12)]
    runs += [(50, 128, "Social lead for consumer brands; owns plans and budgets.")]
    runs += [(50, 160, "Experience", BOLD, 12)]
    runs += job(180, "Head of Social, Northwind", "2021 – Present", [LONG, "Ran crisis replies"])
    runs += job(240, "Community Manager, Contoso", "2018 – 2021", ["Moderated the forum"])
    runs += [(50, 300, "Education", BOLD, 12), (50, 318, "BA Media Studies, Leeds")]
    doc = extract(pdf(runs))
    assert_in_order(
        doc,
        "Avery Quinn",
        "Summary",
        "Experience",
        "Head of Social",
        LONG,
        "Community Manager",
        "Moderated",
        "Education",
        "BA Media",
    )


def test_right_aligned_date_stays_on_its_title_line():
    # pdfminer's own grouping puts a far right-aligned date into the bullet below.
    runs = [(50, 60, "Experience", BOLD, 12)]
    runs += job(80, "Social Media Manager, Acme", "Jan 2020 – Present", [LONG, "Second duty"])
    runs += job(130, "Content Editor, Globex", "Mar 2017 – Dec 2019", [LONG + " again"])
    doc = extract(pdf(runs))
    assert line_with(doc, "Social Media Manager") == "Social Media Manager, Acme Jan 2020 – Present"
    assert line_with(doc, "Content Editor") == "Content Editor, Globex Mar 2017 – Dec 2019"
    assert line_with(doc, "Planned the paid") == "- " + LONG


def test_dates_in_a_left_margin_join_their_title_line():
    runs = [(130, 60, "Experience", BOLD, 12)]
    for i, (dates, title) in enumerate(
        [("2019 – 2023", "Brand Manager"), ("2015 – 2019", "Analyst")]
    ):
        top = 80 + i * 60
        runs += [(40, top, dates), (130, top, title, BOLD, 10)]
        runs += [
            (130, top + 13 + j * 13, f"Duty {i}.{j} described at some length") for j in range(3)
        ]
    doc = extract(pdf(runs))
    assert line_with(doc, "Brand Manager") == "2019 – 2023 Brand Manager"
    assert line_with(doc, "Analyst") == "2015 – 2019 Analyst"
    assert_in_order(doc, "Brand Manager", "Duty 0.2", "Analyst", "Duty 1.2")


def test_two_columns_on_one_baseline_grid_are_read_column_by_column():
    left = column(
        40, 60, "Experience", [f"Left line {i} of the experience text" for i in range(12)]
    )
    left += column(40, 260, "Education", [f"Left school {i}" for i in range(3)])
    right = column(310, 60, "Skills", [f"Right skill {i} with a few words" for i in range(8)])
    right += column(310, 260, "Languages", [f"Right language {i}" for i in range(3)])
    doc = extract(pdf(left + right))
    assert_in_order(
        doc,
        "Experience",
        "Left line 0",
        "Left line 11",
        "Education",
        "Left school 2",
        "Skills",
        "Right skill 0",
        "Right skill 7",
        "Languages",
        "Right language 2",
    )


def test_a_column_of_short_sections_on_the_same_grid_is_no_column_of_labels():
    # two_column: short sections on the right share the main column's baselines and come in
    # runs of three lines or fewer, as dates beside job titles do; but half their lines wrap
    # at the column's width, which dates and places never fill
    left = column(
        40,
        60,
        "Experience",
        [f"Left line {i} of the experience, told at length" for i in range(12)],
    )
    long = "Ontario Fluid Power Association (member)"
    right = column(330, 60, "LANGUAGES", ["English, French"])
    right += column(330, 102, "ASSOCIATIONS", [long, "Society for Industrial Communicators"])
    right += column(
        330,
        158,
        "OUTSIDE WORK",
        ["Treasurer of the Grand River Rowing", "Club since 2018, coach of the novices"],
    )
    doc = extract(pdf(left + right))
    assert not any("Left line" in ln.text and "Ontario" in ln.text for ln in doc.lines)
    assert_in_order(
        doc,
        "Experience",
        "Left line 11",
        "LANGUAGES",
        "English",
        "ASSOCIATIONS",
        long,
        "OUTSIDE WORK",
    )


def sidebar_page(side_x: float, main_x: float) -> bytes:
    side = column(side_x, 60, "Contact", ["ava@example.com", "+44 20 7946 0001", "London, UK"], 12)
    side += column(side_x, 150, "Skills", ["Sprout Social", "Meta Ads", "GA4", "Canva"], 12)
    side += column(side_x, 260, "Languages", ["English", "Polish"], 12)
    main = [(main_x, 60, "Ava Nowak", BOLD, 20), (main_x, 84, "Social Media Manager")]
    main += column(main_x, 120, "Profile", ["Runs social for a retailer and owns its plan."])
    main += column(main_x, 170, "Experience", [f"Main duty {i} for the retailer" for i in range(8)])
    main += column(main_x, 320, "Education", ["MA Marketing, Warsaw"])
    rect = (0, 0, 175, 842) if side_x < main_x else (420, 0, 175, 842)
    return pdf(side + main, rects=[rect])


SIDEBAR = [
    "Contact",
    "ava@example.com",
    "London, UK",
    "Skills",
    "Sprout Social",
    "Canva",
    "Languages",
    "English",
    "Polish",
]
MAIN = [
    "Ava Nowak",
    "Profile",
    "Experience",
    "Main duty 0",
    "Main duty 7",
    "Education",
    "MA Marketing",
]


def assert_contiguous(doc: Document, needles: list[str]) -> None:
    """The needles come in order and nothing else lies between the first and the last."""
    found = positions(doc, *needles)
    assert found == sorted(found), doc.text
    outside = [m for m in MAIN if m not in needles]
    for pos in positions(doc, *outside):
        assert not found[0] < pos < found[-1], doc.text


def test_left_sidebar_is_read_as_one_unit_before_the_main_column():
    doc = extract(sidebar_page(side_x=15, main_x=195))
    assert_contiguous(doc, SIDEBAR)
    assert_in_order(doc, *MAIN)
    assert doc.text.find("Polish") < doc.text.find("Ava Nowak")


def test_right_sidebar_is_read_as_one_unit_after_the_main_column():
    doc = extract(sidebar_page(side_x=435, main_x=40))
    assert_contiguous(doc, SIDEBAR)
    assert_in_order(doc, *MAIN)
    assert doc.text.find("MA Marketing") < doc.text.find("Contact")


def test_header_with_name_left_and_contact_right():
    runs = [(50, 60, "Jordan Lee", BOLD, 24), (50, 82, "Digital Marketing Lead", "Helvetica", 12)]
    for i, text in enumerate(["jordan@example.com", "+1 415 555 0100", "San Francisco, CA"]):
        runs.append((420, 48 + i * 13, text, "Helvetica", 9))
    runs += [(50, 130, "Experience", BOLD, 12)]
    runs += job(150, "Marketing Lead, Initech", "2020 – 2024", [LONG, "Hired two analysts"])
    doc = extract(pdf(runs))
    assert doc.lines[0].text == "Jordan Lee"
    assert_in_order(
        doc,
        "Jordan Lee",
        "Digital Marketing Lead",
        "jordan@example.com",
        "+1 415 555 0100",
        "San Francisco, CA",
        "Experience",
        "Marketing Lead, Initech 2020 – 2024",
        LONG,
    )


def test_full_width_header_then_two_columns():
    runs = [(40, 50, "Sam Okafor", BOLD, 22)]
    runs += [(40, 75, "sam@example.com | +234 801 555 0199 | Lagos | linkedin.com/in/sam-okafor")]
    runs += column(40, 120, "Experience", [f"Left duty {i} written out in full" for i in range(10)])
    runs += column(310, 120, "Skills", [f"Right skill {i}" for i in range(6)])
    doc = extract(pdf(runs))
    assert_in_order(
        doc,
        "Sam Okafor",
        "sam@example.com",
        "Experience",
        "Left duty 0",
        "Left duty 9",
        "Skills",
        "Right skill 0",
        "Right skill 5",
    )


def test_skills_grid_is_read_row_by_row():
    runs = [(50, 60, "Skills", BOLD, 12)]
    grid = [["Hootsuite", "Sprout Social", "Brandwatch"], ["GA4", "Looker Studio", "SQL"]]
    for r, row in enumerate(grid):
        runs += [(50 + c * 170, 80 + r * 14, "• " + cell) for c, cell in enumerate(row)]
    doc = extract(pdf(runs))
    assert line_with(doc, "Hootsuite") == "- Hootsuite | Sprout Social | Brandwatch"
    assert line_with(doc, "GA4") == "- GA4 | Looker Studio | SQL"


def test_pages_are_numbered_and_read_in_order():
    doc = extract(
        pdf([(50, 60, "Page one text about campaigns")], [(50, 60, "Page two text about budgets")])
    )
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.page_at(doc.text.index("budgets")) == 2
    assert doc.page_at(doc.text.index("campaigns")) == 1
