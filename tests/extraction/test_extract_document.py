"""The Document built from a PDF: offsets, boxes, fonts, blocks."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from _pdfs import pdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from screener import extract as lazy_extract
from screener.extraction import extract
from screener.types import Document

RUNS = [
    (50, 60, "Casey Morgan", "Helvetica-Bold", 20),
    (50, 100, "Experience", "Helvetica-Bold", 12),
    (50, 120, "Social Media Manager, Northwind Traders"),
    (50, 133, "Ran the paid and organic plan across four platforms"),
    (50, 170, "Education", "Helvetica-Bold", 12),
    (50, 190, "BA Marketing, University of Leeds"),
]


@pytest.fixture(scope="module")
def doc() -> Document:
    return extract(pdf(RUNS))


def test_package_level_extract_is_the_same_function():
    assert lazy_extract is extract


def test_every_line_and_block_offset_points_into_the_text(doc):
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
        for line in block.lines:
            assert doc.text[line.start : line.end] == line.text


def test_lines_are_joined_by_newlines_and_blocks_by_blank_lines(doc):
    assert doc.text == "\n\n".join(b.text for b in doc.blocks)


def test_bounding_boxes_have_a_top_left_origin(doc):
    page = doc.pages[0]
    name = doc.lines[0]
    assert name.text == "Casey Morgan"
    assert name.bbox.x0 == pytest.approx(50, abs=1)
    assert name.bbox.bottom == pytest.approx(60, abs=6)  # baseline 60 pt below the top
    assert 0 <= name.bbox.top < name.bbox.bottom < page.height
    tops = [line.bbox.top for line in doc.lines]
    assert tops == sorted(tops)


def test_font_size_and_bold_come_from_the_glyphs(doc):
    lines = {line.text: line for line in doc.lines}
    assert lines["Casey Morgan"].font_size == pytest.approx(20)
    assert lines["Casey Morgan"].bold
    assert lines["Experience"].bold
    assert not lines["BA Marketing, University of Leeds"].bold
    assert lines["BA Marketing, University of Leeds"].font_size == pytest.approx(10)


def test_page_size_and_number(doc):
    page = doc.pages[0]
    assert (page.number, round(page.width), round(page.height)) == (1, 595, 842)
    assert all(block.page == 1 for block in doc.blocks)


def test_block_at_finds_the_block_of_an_offset(doc):
    offset = doc.text.index("University of Leeds")
    assert "BA Marketing" in doc.block_at(offset).text


def test_document_serialises(doc):
    data = doc.to_dict()
    assert data["source_format"] == "pdf"
    assert data["pages"][0]["blocks"][0]["lines"][0]["bbox"]["x0"] == pytest.approx(50, abs=1)


def test_letter_spaced_heading_is_read_as_words():
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    text = c.beginText(50, 780)
    text.setFont("Helvetica-Bold", 12)
    text.setCharSpace(4)
    text.textLine("WORK EXPERIENCE")
    text.setCharSpace(0)
    text.setFont("Helvetica", 10)
    text.textLine("Social Media Manager at a retailer")
    c.drawText(text)
    c.save()
    assert extract(buf.getvalue()).lines[0].text == "WORK EXPERIENCE"


@pytest.mark.parametrize(
    "imports",
    ["import screener; import screener.extraction", "import screener.extraction; import screener"],
)
def test_screener_extract_is_callable_in_any_import_order(imports):
    code = f"{imports}; print(screener.extract(b'Social media manager with ten years').text)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Social media manager with ten years"
