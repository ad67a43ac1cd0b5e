"""DOCX reading: document order, tables, headers, footers, text boxes, limits."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import Pt

from screener.errors import (
    EmptyDocumentError,
    MalformedError,
    TooLargeError,
    UnsupportedFormatError,
)
from screener.extraction import Limits, extract

TEXTBOX_RUN = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing><wp:anchor><a:graphic><a:graphicData>
        <wps:wsp><wps:txbx><w:txbxContent>
          <w:p><w:r><w:t>Box skill Brandwatch</w:t></w:r></w:p>
          <w:p><w:r><w:t>Box skill Looker</w:t></w:r></w:p>
        </w:txbxContent></wps:txbx></wps:wsp>
      </a:graphicData></a:graphic></wp:anchor></w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape><v:textbox><w:txbxContent>
        <w:p><w:r><w:t>Box skill Brandwatch</w:t></w:r></w:p>
        <w:p><w:r><w:t>Box skill Looker</w:t></w:r></w:p>
      </w:txbxContent></v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def save(document: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def order_of(text: str, *needles: str) -> list[int]:
    found = [text.find(n) for n in needles]
    assert -1 not in found, text
    return found


def test_paragraphs_and_tables_come_in_document_order():
    d = docx.Document()
    d.add_paragraph("Experience intro paragraph")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "2020 – 2024"
    table.cell(0, 1).text = "Social Lead, Northwind"
    table.cell(1, 0).text = "2017 – 2020"
    table.cell(1, 1).text = "Community Manager, Contoso"
    d.add_paragraph("Education after the table")
    text = extract(save(d)).text
    found = order_of(
        text,
        "Experience intro",
        "2020 – 2024",
        "Social Lead",
        "2017 – 2020",
        "Community Manager",
        "Education after",
    )
    assert found == sorted(found)


def test_a_short_side_cell_joins_the_first_line_of_its_row():
    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.text = "Social Lead"
    left.add_paragraph("Northwind, Leeds")
    left.add_paragraph("Ran the Instagram account and its complaints")
    right.text = "Mar 2019 – Present"
    lines = extract(save(d)).text.split("\n")
    assert lines[:3] == [
        "Social Lead | Mar 2019 – Present",
        "Northwind, Leeds",
        "Ran the Instagram account and its complaints",
    ]


def test_page_header_comes_first_and_footer_last():
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Ava Nowak | ava@example.com"
    d.sections[0].footer.paragraphs[0].text = "References on request"
    d.add_paragraph("Body text about social campaigns and budgets")
    text = extract(save(d)).text
    assert text.startswith("Ava Nowak | ava@example.com")
    assert text.endswith("References on request")


def test_text_box_is_read_once_after_its_paragraph():
    d = docx.Document()
    anchor = d.add_paragraph("Skills next to a box")
    anchor._p.append(parse_xml(TEXTBOX_RUN))
    d.add_paragraph("Later paragraph")
    text = extract(save(d)).text
    assert text.count("Box skill Brandwatch") == 1
    found = order_of(
        text, "Skills next to a box", "Box skill Brandwatch", "Box skill Looker", "Later paragraph"
    )
    assert found == sorted(found)


def test_heading_style_counts_as_bold():
    d = docx.Document()
    d.add_heading("Experience", level=1)
    d.add_paragraph("Plain body line that is long enough")
    lines = {ln.text: ln for ln in extract(save(d)).lines}
    assert lines["Experience"].bold
    assert not lines["Plain body line that is long enough"].bold


def test_run_bold_and_size_are_kept():
    d = docx.Document()
    run = d.add_paragraph().add_run("Social Media Manager at Northwind")
    run.bold = True
    run.font.size = Pt(14)
    line = extract(save(d)).lines[0]
    assert line.bold and line.font_size == 14


def test_a_paragraph_without_a_style_has_the_default_styles_size():
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    d.add_paragraph("Answered customer complaints on Facebook")
    assert extract(save(d)).lines[0].font_size == 10.5


def test_a_size_set_in_no_style_is_the_documents_default_size():
    d = docx.Document()  # python-docx's template: docDefaults 11 pt, Normal sets none
    d.add_paragraph("Answered customer complaints on Facebook")
    assert extract(save(d)).lines[0].font_size == 11


def test_a_heading_keeps_its_styles_size_over_the_default():
    d = docx.Document()
    d.add_heading("Experience", level=1)
    d.add_paragraph("Answered customer complaints on Facebook")
    assert extract(save(d)).lines[0].font_size == 14


def test_list_paragraphs_get_a_dash_bullet():
    d = docx.Document()
    d.add_paragraph("Ran the content calendar for three brands", style="List Bullet")
    assert extract(save(d)).text == "- Ran the content calendar for three brands"


def test_line_breaks_inside_a_paragraph_split_lines():
    d = docx.Document()
    p = d.add_paragraph("First line of the address")
    p.add_run().add_break()
    p.add_run("Second line of the address")
    assert [ln.text for ln in extract(save(d)).lines] == [
        "First line of the address",
        "Second line of the address",
    ]


def test_offsets_point_into_the_text():
    d = docx.Document()
    for i in range(3):
        d.add_paragraph(f"Paragraph {i} about community management")
    doc = extract(save(d))
    assert doc.source_format == "docx"
    for line in doc.lines:
        assert doc.text[line.start : line.end] == line.text


def test_docx_without_text_is_empty():
    with pytest.raises(EmptyDocumentError):
        extract(save(docx.Document()))


def test_inflation_over_the_budget_is_too_large():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * 3_000_000)
    with pytest.raises(TooLargeError):
        extract(buf.getvalue(), limits=Limits(max_inflated_bytes=1_000_000))


def test_an_entry_that_lies_about_its_size_is_malformed():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * 100_000)
    data = bytearray(buf.getvalue())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")  # uncompressed size
    with pytest.raises(MalformedError):
        extract(bytes(data))


def test_damaged_zip_is_malformed():
    with pytest.raises(MalformedError):
        extract(b"PK\x03\x04" + b"\x00garbage" * 50)


def test_zip_that_is_not_a_word_document_is_unsupported():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError):
        extract(buf.getvalue())


def test_xml_with_a_dtd_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "word/document.xml",
            '<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document>&a;</w:document>',
        )
    with pytest.raises(MalformedError):
        extract(buf.getvalue())
