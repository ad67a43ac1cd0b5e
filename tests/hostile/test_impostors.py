"""Impostors and encodings that tests/extraction does not already cover.

Covered there: UTF-8 with and without BOM, UTF-16 LE/BE with BOM and
without, cp1252, Latin-1, NUL bytes and control characters as binary, a
PNG named ``.pdf``, JPEG bytes, legacy ``.doc``, a DOCX without text.
"""

from __future__ import annotations

import codecs
import io
import zipfile
import zlib

import _hostile_files as h
import pytest

from screener.errors import EmptyDocumentError, UnsupportedFormatError
from screener.extraction import extract

TEXT = "Zoë Müller – Social Media Manager\nKöln, Deutschland\n\nExperience\nRan campaigns"


@pytest.mark.parametrize(
    "bom, codec", [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")]
)
def test_utf32_with_a_bom_is_read(bom, codec):
    assert "Köln, Deutschland" in extract(bom + TEXT.encode(codec)).text


def test_a_utf16_resume_named_txt_reads_like_its_utf8_twin(tmp_path):
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(TEXT.encode("utf-8"))
    assert extract(tmp_path / "a.txt").text == extract(tmp_path / "b.txt").text


@pytest.mark.parametrize(
    "make",
    [
        lambda: h.binary_blob(),  # random bytes
        lambda: zlib.compress(TEXT.encode() * 50)[2:],  # raw deflate: no magic number
        lambda: bytes(range(128, 256)) * 40,  # high bytes only, no NUL
    ],
    ids=["random", "raw-deflate", "high-bytes"],
)
def test_binary_named_txt_is_unsupported(tmp_path, make):
    (tmp_path / "cv.txt").write_bytes(make())
    with pytest.raises(UnsupportedFormatError):
        extract(tmp_path / "cv.txt")


@pytest.mark.parametrize(
    "make",
    [lambda: b"", h.empty_docx, lambda: _zip({"word/document.xml": b""})],
    ids=["zero-bytes", "no-paragraphs", "empty-part"],
)
def test_an_empty_docx_is_empty(tmp_path, make):
    (tmp_path / "cv.docx").write_bytes(make())
    with pytest.raises(EmptyDocumentError):
        extract(tmp_path / "cv.docx")


def test_a_png_named_txt_is_unsupported(tmp_path):
    (tmp_path / "cv.txt").write_bytes(h.png())
    with pytest.raises(UnsupportedFormatError):
        extract(tmp_path / "cv.txt")


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buf.getvalue()
