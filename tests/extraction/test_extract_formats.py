"""Format sniffing, impostors and every typed outcome of a bad file."""

from __future__ import annotations

import contextlib
import io

import pytest
from _pdfs import pdf
from reportlab.lib import pdfencrypt

from screener.errors import (
    EmptyDocumentError,
    EncryptedError,
    MalformedError,
    NoTextLayerError,
    TooLargeError,
    UnsupportedFormatError,
)
from screener.extraction import Limits, extract
from screener.extraction import pdf as pdf_adapter
from screener.extraction.geometry import Piece

SENTENCE = "Social media manager who ran paid and organic campaigns"
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def text_pdf(*pages: str) -> bytes:
    return pdf(*[[(50, 60, text)] for text in pages])


def test_png_named_pdf_is_unsupported(tmp_path, png_bytes):
    path = tmp_path / "resume.pdf"
    path.write_bytes(png_bytes)
    with pytest.raises(UnsupportedFormatError):
        extract(path)


def test_jpeg_bytes_are_unsupported():
    with pytest.raises(UnsupportedFormatError):
        extract(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100)


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = tmp_path / "resume.txt"
    path.write_bytes(text_pdf(SENTENCE))
    doc = extract(path)
    assert doc.source_format == "pdf"
    assert doc.path == str(path)


def test_text_named_pdf_is_read_as_text(tmp_path):
    path = tmp_path / "resume.pdf"
    path.write_text(SENTENCE, encoding="utf-8")
    assert extract(path).source_format == "txt"


def test_pdf_header_after_junk_is_still_a_pdf():
    assert extract(b"\r\n% junk\n" + text_pdf(SENTENCE)).text == SENTENCE


def test_file_object_is_accepted():
    assert extract(io.BytesIO(text_pdf(SENTENCE))).text == SENTENCE


def test_truncated_pdf_is_malformed():
    data = text_pdf(SENTENCE)
    with pytest.raises(MalformedError):
        extract(data[: len(data) // 2])


def test_pdf_with_a_user_password_is_encrypted():
    with pytest.raises(EncryptedError):
        extract(pdf([(50, 60, SENTENCE)], encrypt="secret"))


def test_print_protected_pdf_with_empty_user_password_is_read():
    protection = pdfencrypt.StandardEncryption(
        "", ownerPassword="owner", canPrint=0, canCopy=0, canModify=0
    )
    assert extract(pdf([(50, 60, SENTENCE)], encrypt=protection)).text == SENTENCE


def test_empty_file_is_empty():
    with pytest.raises(EmptyDocumentError):
        extract(b"")


def test_blank_file_is_empty():
    with pytest.raises(EmptyDocumentError):
        extract(b" \n\t\n ")


def test_legacy_word_doc_is_unsupported():
    with pytest.raises(UnsupportedFormatError):
        extract(CFB + b"\x00" * 600)


def test_password_protected_office_file_is_encrypted():
    with pytest.raises(EncryptedError):
        extract(CFB + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64)


def test_bytes_over_the_limit_are_too_large():
    with pytest.raises(TooLargeError):
        extract(text_pdf(SENTENCE), limits=Limits(max_bytes=100))


def test_file_over_the_limit_is_too_large_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(TooLargeError):
        extract(path, limits=Limits(max_bytes=1000))


def test_pages_over_the_limit_are_too_large():
    with pytest.raises(TooLargeError):
        extract(text_pdf("one page of text here", "two", "three"), limits=Limits(max_pages=2))


def test_image_only_pdf_has_no_text_layer():
    with pytest.raises(NoTextLayerError):
        extract(pdf([], image=True))


def test_image_with_a_stray_page_number_has_no_text_layer():
    with pytest.raises(NoTextLayerError):
        extract(pdf([(290, 820, "1")], image=True))


def test_blank_pdf_is_empty():
    with pytest.raises(EmptyDocumentError):
        extract(pdf([]))


def test_too_little_text_is_empty():
    with pytest.raises(EmptyDocumentError):
        extract(text_pdf("Hello"))


def test_an_image_only_page_among_text_pages_is_a_warning():
    page_two = pdf([(50, 60, SENTENCE)], [], image=True)
    doc = extract(page_two)
    assert doc.text == SENTENCE
    assert any(w.startswith("no_text_layer: page 2") for w in doc.warnings)


def fake_pages(monkeypatch, text: str, glyphs: int, cids: int) -> None:
    page = pdf_adapter.PdfPage(number=1, width=600, height=800, glyphs=glyphs, cid_glyphs=cids)
    page.pieces.append(Piece(text=text, x0=50, top=50, x1=400, bottom=60))
    monkeypatch.setattr(pdf_adapter, "read_pdf", lambda *a, **k: [page])


def test_mostly_cid_glyphs_mean_no_usable_text_layer(monkeypatch):
    fake_pages(monkeypatch, "(cid:3)(cid:4)(cid:5)(cid:6) ab", glyphs=6, cids=4)
    with pytest.raises(NoTextLayerError):
        extract(b"%PDF-1.4 stub")


def test_a_few_cid_glyphs_are_dropped_with_a_warning(monkeypatch):
    fake_pages(monkeypatch, "(cid:3) " + SENTENCE, glyphs=len(SENTENCE) + 1, cids=1)
    doc = extract(b"%PDF-1.4 stub")
    assert doc.text == SENTENCE
    assert doc.warnings and doc.warnings[0].startswith("cid_garbage")


def test_nothing_is_printed(capsys):
    for data in (text_pdf(SENTENCE), b"%PDF-1.4 broken", SENTENCE.encode()):
        with contextlib.suppress(MalformedError):
            extract(data)
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""
