"""Plain-text reader: BOM-aware decoding and a guard against binary content."""

from __future__ import annotations

import codecs
import re
import unicodedata

from screener.errors import TooLargeError, UnsupportedFormatError
from screener.extraction.build import RawLine, RawPage

__all__ = ["decode_text", "read_txt"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_BINARY_SHARE = 0.01
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def decode_text(data: bytes, *, max_chars: int | None = None) -> str:
    """Decode bytes that should be text, or refuse them as binary.

    A byte-order mark decides UTF-8/16/32. Without one, UTF-16 is recognised
    from the NUL bytes of ASCII text, then UTF-8 is tried, then cp1252, then
    latin-1 (which accepts anything, so the control-character check below
    is what turns binary files away).

    Parameters
    ----------
    data : bytes
        The whole file.
    max_chars : int, optional
        Most characters accepted, checked right after decoding.

    Returns
    -------
    str
        The decoded text, BOM removed.

    Raises
    ------
    UnsupportedFormatError
        When the content looks binary: NUL bytes outside UTF-16/32, or more
        than 1% (and more than three) control characters once decoded.
    TooLargeError
        When the text is longer than ``max_chars``.
    """
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    if text is None:
        encoding = _guess_utf16(data)
        if encoding:
            text = data.decode(encoding, errors="replace")
        elif b"\x00" in data:
            raise UnsupportedFormatError("the file is binary, not a PDF, DOCX or text file")
        else:
            text = _decode_8bit(data)
    if max_chars is not None and len(text) > max_chars:
        raise TooLargeError(f"the text file holds more than {max_chars:,} characters")
    controls = sum(
        1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    if controls > max(3, _BINARY_SHARE * len(text)):
        raise UnsupportedFormatError("the file is binary, not a PDF, DOCX or text file")
    return text


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_txt(data: bytes, *, max_chars: int | None = None) -> list[RawPage]:
    """Read a text file into pages of blocks.

    Form feeds (``\\f``, as written by ``pdftotext``) start a new page; blank
    lines separate blocks.

    Parameters
    ----------
    data : bytes
        The whole file.
    max_chars : int, optional
        Most characters accepted (``TooLargeError`` over it).

    Returns
    -------
    list of RawPage
        Pages numbered from 1.
    """
    text = decode_text(data, max_chars=max_chars)
    pages = []
    for number, chunk in enumerate(text.split("\f"), start=1):
        page = RawPage(number=number)
        block: list[RawLine] = []
        for line in _LINE_BREAKS.split(chunk):
            if line.strip():
                block.append(RawLine(line))
            elif block:
                page.blocks.append(block)
                block = []
        if block:
            page.blocks.append(block)
        pages.append(page)
    return pages
