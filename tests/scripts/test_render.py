"""Tests of ``scripts/render.py``: every renderer writes a readable, deterministic file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTTextContainer, LTTextLine

from scripts import render

LAYOUTS = render.PDF_LAYOUTS
STYLES = render.DOCX_STYLES


def _flat(text: str) -> str:
    """Collapse whitespace so that wrapped lines compare as one string."""
    return " ".join(text.split())


def _docx_all_text(path: Path) -> dict[str, str]:
    """Text of a DOCX read back with python-docx: body paragraphs, tables, text boxes, header."""
    doc = Document(str(path))
    body = "\n".join(p.text for p in doc.paragraphs)
    tables = "\n".join(cell.text for t in doc.tables for row in t.rows for cell in row.cells)
    boxes = "\n".join(
        "".join(t.text or "" for t in box.iter(qn("w:t")))
        for box in doc.element.body.iter(qn("w:txbxContent"))
    )
    header = "\n".join(
        "".join(t.text or "" for t in s.header._element.iter(qn("w:t"))) for s in doc.sections
    )
    return {"body": body, "tables": tables, "boxes": boxes, "header": header}


# --------------------------------------------------------------------------- text


def test_to_text_format(resume: dict[str, Any]) -> None:
    text = render.to_text(resume)
    lines = text.splitlines()
    assert lines[:3] == [
        "Zofia Kowalczyk-Ørsted",
        "Social Media Manager",
        "zofia.k@example.com | +48 600 555 014 | Kraków, Poland | linkedin.com/in/zofia-k-social",
    ]
    assert "Social Media Manager — Piekarnia Złota, Kraków | May 2019 - Present" in lines
    assert "- Own the social plan tied to shop footfall targets." in lines
    assert "Sprout Social, Meta Ads Manager, GA4" in lines
    assert "Rowing and rye sourdough." in lines
    assert "MA Marketing — Jagiellonian University" in lines
    # each section title follows a blank line
    for title in ("Experience", "Education", "Skills", "Languages", "Interests"):
        i = lines.index(title)
        assert lines[i - 1] == ""
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_to_text_long_items_one_per_line(resume: dict[str, Any]) -> None:
    resume["sections"].append(
        {"title": "Toolkit", "items": ["A very long item that is longer than forty chars", "B"]}
    )
    lines = render.to_text(resume).splitlines()
    assert lines[-2:] == ["A very long item that is longer than forty chars", "B"]


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("font", render.FONT_FAMILIES)
def test_pdf_has_name_and_bullets(
    resume: dict[str, Any], tmp_path: Path, layout: str, font: str
) -> None:
    path = render.to_pdf(resume, tmp_path / "r.pdf", layout, font=font)
    text = extract_text(str(path))
    flat = _flat(text)
    assert "Kowalczyk" in flat
    assert "•" in text
    assert "(cid:" not in text  # every glyph maps back to Unicode
    assert "Own the social plan tied to shop footfall targets." in flat
    assert "<all of them>" in flat  # markup characters are escaped, not swallowed
    assert "Rowing and rye sourdough." in flat
    assert render.count_pdf_pages(path) == 1


def test_pdf_unsupported_characters_degrade_gracefully(
    resume: dict[str, Any], tmp_path: Path
) -> None:
    resume["name"] = "Nguyễn Thị Lan 🚀"
    text = extract_text(str(render.to_pdf(resume, tmp_path / "r.pdf", font="helvetica")))
    assert "Nguyen Thi Lan" in text


def test_classic_dates_right_aligned_on_title_baseline(
    resume: dict[str, Any], tmp_path: Path
) -> None:
    path = render.to_pdf(resume, tmp_path / "r.pdf", "classic")
    lines = [
        line
        for page in extract_pages(str(path))
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLine)
    ]
    title = next(
        ln for ln in lines if ln.get_text().strip() == "Social Media Manager" and ln.y0 < 700
    )
    dates = next(ln for ln in lines if ln.get_text().strip() == "May 2019 - Present")
    assert abs(title.y0 - dates.y0) < 1.0
    right_edges = [ln.x1 for ln in lines]
    assert dates.x1 == pytest.approx(max(right_edges), abs=2.0)
    assert dates.x0 > title.x1 + 100


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_long_resume_flows_onto_more_pages(
    long_resume: dict[str, Any], tmp_path: Path, layout: str
) -> None:
    path = render.to_pdf(long_resume, tmp_path / "r.pdf", layout)
    pages = render.count_pdf_pages(path)
    assert pages == len(list(extract_pages(str(path))))
    assert 2 <= pages <= 4
    flat = _flat(extract_text(str(path)))
    assert "Bullet 0.0:" in flat and "Bullet 6.5:" in flat  # nothing lost at page breaks
    if layout == "classic":
        assert pages <= 3


@pytest.mark.parametrize("layout", ["sidebar_left", "sidebar_right"])
def test_sidebar_holds_contact_and_skills(
    resume: dict[str, Any], tmp_path: Path, layout: str
) -> None:
    path = render.to_pdf(resume, tmp_path / "r.pdf", layout, paper="letter")
    page = next(iter(extract_pages(str(path))))
    boxes = [b for b in page if isinstance(b, LTTextContainer)]
    side = next(b for b in boxes if "zofia.k@example.com" in b.get_text())
    main = next(b for b in boxes if "Own the social plan" in b.get_text())
    skills = next(b for b in boxes if "Sprout Social" in b.get_text())
    if layout == "sidebar_left":
        assert side.x1 < main.x0 and skills.x1 < main.x0
    else:
        assert side.x0 > main.x1 and skills.x0 > main.x1
    assert page.width == pytest.approx(612)  # letter


def test_pdf_rejects_unknown_options(resume: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render.to_pdf(resume, tmp_path / "r.pdf", "zigzag")
    with pytest.raises(ValueError):
        render.to_pdf(resume, tmp_path / "r.pdf", font="comic")
    with pytest.raises(ValueError):
        render.to_pdf(resume, tmp_path / "r.pdf", paper="A5")


# --------------------------------------------------------------------------- scanned / broken


def test_scanned_pdf_has_no_text_layer(resume: dict[str, Any], tmp_path: Path) -> None:
    path = render.to_scanned_pdf(resume, tmp_path / "scan.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/Subtype /Image" in data
    assert extract_text(str(path)).strip() == ""


def test_scanned_long_resume_has_several_pages(long_resume: dict[str, Any], tmp_path: Path) -> None:
    path = render.to_scanned_pdf(long_resume, tmp_path / "scan.pdf")
    assert len(list(extract_pages(str(path)))) >= 2


def test_broken_pdf_does_not_parse_fully(resume: dict[str, Any], tmp_path: Path) -> None:
    path = render.to_broken_pdf(resume, tmp_path / "broken.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" not in data
    full = len(render.pdf_bytes(resume, "classic"))
    assert len(data) == int(full * 0.6)
    try:
        text = extract_text(str(path))
    except Exception:  # any parser error is an acceptable outcome
        return
    flat = _flat(text)
    assert not ("Kowalczyk" in flat and "Rowing and rye sourdough." in flat)


# --------------------------------------------------------------------------- DOCX


@pytest.mark.parametrize("style", STYLES)
def test_docx_contains_name_and_bullets(resume: dict[str, Any], tmp_path: Path, style: str) -> None:
    path = render.to_docx(resume, tmp_path / "r.docx", style)
    parts = _docx_all_text(path)
    everything = "\n".join(parts.values())
    assert "Zofia Kowalczyk-Ørsted" in parts["body"]
    assert "Own the social plan tied to shop footfall targets." in everything
    assert "zofia.k@example.com" in everything
    assert "Sprout Social" in everything
    assert render.docx_text(path).count("Zofia Kowalczyk-Ørsted") == 1


def test_docx_headings_use_heading_styles(resume: dict[str, Any], tmp_path: Path) -> None:
    doc = Document(str(render.to_docx(resume, tmp_path / "r.docx", "headings")))
    styles = {p.text: p.style.name for p in doc.paragraphs}
    assert styles["Zofia Kowalczyk-Ørsted"] == "Title"
    assert styles["Experience"] == "Heading 1"
    assert styles["Wrote the monthly newsletter."] == "List Bullet"


def test_docx_bold_style_has_no_heading_styles(resume: dict[str, Any], tmp_path: Path) -> None:
    doc = Document(str(render.to_docx(resume, tmp_path / "r.docx", "bold")))
    assert not any(p.style.name.startswith(("Heading", "Title")) for p in doc.paragraphs)
    heading = next(p for p in doc.paragraphs if p.text == "EXPERIENCE")
    assert all(run.bold for run in heading.runs)


def test_docx_table_style_puts_entries_in_a_table(resume: dict[str, Any], tmp_path: Path) -> None:
    parts = _docx_all_text(render.to_docx(resume, tmp_path / "r.docx", "table"))
    assert "May 2019 - Present" in parts["tables"]
    assert "Answer complaints within two hours" in parts["tables"]
    assert "Answer complaints within two hours" not in parts["body"]


def test_docx_header_style_puts_contact_in_header(resume: dict[str, Any], tmp_path: Path) -> None:
    parts = _docx_all_text(render.to_docx(resume, tmp_path / "r.docx", "header"))
    assert "zofia.k@example.com" in parts["header"]
    assert "zofia.k@example.com" not in parts["body"]


def test_docx_textbox_style_puts_skills_in_a_text_box(
    resume: dict[str, Any], tmp_path: Path
) -> None:
    path = render.to_docx(resume, tmp_path / "r.docx", "textbox")
    parts = _docx_all_text(path)
    assert "Sprout Social" in parts["boxes"]
    assert "Sprout Social" not in parts["body"]  # python-docx's API does not see text boxes
    with zipfile.ZipFile(path) as z:
        assert b"<w:txbxContent>" in z.read("word/document.xml")


# --------------------------------------------------------------------------- determinism


def _twice(tmp_path: Path, fn: Any, suffix: str) -> tuple[bytes, bytes]:
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    fn(a)
    fn(b)
    return a.read_bytes(), b.read_bytes()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pdf_is_deterministic(resume: dict[str, Any], tmp_path: Path, layout: str) -> None:
    a, b = _twice(tmp_path, lambda p: render.to_pdf(resume, p, layout, font="vera"), ".pdf")
    assert a == b


@pytest.mark.parametrize("style", STYLES)
def test_docx_is_deterministic(resume: dict[str, Any], tmp_path: Path, style: str) -> None:
    a, b = _twice(tmp_path, lambda p: render.to_docx(resume, p, style), ".docx")
    assert a == b


def test_scanned_and_broken_are_deterministic(resume: dict[str, Any], tmp_path: Path) -> None:
    a, b = _twice(tmp_path, lambda p: render.to_scanned_pdf(resume, p), ".pdf")
    assert a == b
    a, b = _twice(tmp_path, lambda p: render.to_broken_pdf(resume, p), ".pdf")
    assert a == b


def test_text_is_deterministic(resume: dict[str, Any]) -> None:
    assert render.to_text(resume) == render.to_text(dict(resume))


def test_import_has_no_side_effects(repo_root: Path) -> None:
    code = (
        "import sys; from reportlab.pdfbase import pdfmetrics; before = set(sys.modules); "
        "from scripts import render; "
        "assert 'Vera' not in pdfmetrics.getRegisteredFontNames(); "
        "assert not any(m.startswith(('docx', 'PIL')) for m in set(sys.modules) - before)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=repo_root, check=True)
