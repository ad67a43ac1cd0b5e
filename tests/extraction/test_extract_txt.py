"""Plain-text decoding and structure."""

from __future__ import annotations

import codecs

import pytest

from screener.errors import UnsupportedFormatError
from screener.extraction import extract

TEXT = "Zoë Müller – Social Media Manager\nKöln, Deutschland\n\nExperience\nRan “campaigns”"


def test_utf8_with_bom():
    doc = extract(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert doc.text.startswith("Zoë Müller – Social")
    assert doc.source_format == "txt"


def test_utf8_without_bom():
    assert extract(TEXT.encode("utf-8")).text.startswith("Zoë Müller – Social")


def test_utf16_le_with_bom():
    assert "Köln, Deutschland" in extract(TEXT.encode("utf-16")).text


def test_utf16_be_with_bom():
    assert "Köln, Deutschland" in extract(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")).text


def test_utf16_without_bom_is_recognised():
    assert "Köln, Deutschland" in extract(TEXT.encode("utf-16-le")).text


def test_cp1252_smart_quotes_and_dash():
    doc = extract(TEXT.encode("cp1252"))
    assert "Zoë Müller – Social" in doc.text
    assert "“campaigns”" in doc.text


def test_latin1_bytes_that_cp1252_cannot_decode():
    data = "Café manager\x81 in Lyon with ten years of service".encode("latin-1")
    assert extract(data).text.startswith("Café manager")


def test_blank_lines_separate_blocks():
    doc = extract(TEXT.encode("utf-8"))
    assert [b.text for b in doc.blocks] == [
        "Zoë Müller – Social Media Manager\nKöln, Deutschland",
        "Experience\nRan “campaigns”",
    ]


def test_crlf_and_cr_line_ends():
    doc = extract(b"Line one of the text\r\nLine two of the text\rLine three")
    assert doc.text == "Line one of the text\nLine two of the text\nLine three"


def test_form_feed_starts_a_new_page():
    doc = extract(b"Page one has campaign text\fPage two has budget text")
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.page_at(doc.text.index("budget")) == 2


def test_nul_bytes_mean_binary():
    with pytest.raises(UnsupportedFormatError):
        extract(b"Resume text\x00\x01\x02 more text and more text")


def test_many_control_characters_mean_binary():
    data = bytes(range(1, 32)) * 10 + b"some letters"
    with pytest.raises(UnsupportedFormatError):
        extract(data)
