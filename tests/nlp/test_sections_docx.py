"""Sections of DOCX files: Word's look (styles, default sizes) tells headings from items."""

from __future__ import annotations

import io

import docx

from screener.extraction import extract
from screener.nlp.sections import segment


def _read(document: docx.document.Document):
    buf = io.BytesIO()
    document.save(buf)
    return extract(buf.getvalue())


def test_a_skill_named_like_a_section_is_no_heading_in_a_plain_paragraph():
    d = docx.Document()
    d.add_heading("Experience", level=1)
    d.add_paragraph("Social Media Officer, Northway")
    d.add_paragraph("Answered complaints on Facebook and wrote the escalation playbook")
    d.add_heading("Skills", level=1)
    for item in ("Paid social", "Content creation", "Community management"):
        d.add_paragraph(item)  # one item a paragraph, no style: Word's body text
    d.add_heading("Education", level=1)
    d.add_paragraph("BA Media Studies, Leeds")
    document = _read(d)
    assert [s.title for s in segment(document)] == ["Experience", "Skills", "Education"]
