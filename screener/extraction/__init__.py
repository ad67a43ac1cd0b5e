"""Turn a resume file (PDF, DOCX or text) into a :class:`~screener.types.Document`.

>>> from screener.extraction import extract, Limits
>>> doc = extract("resume.pdf", limits=Limits(timeout=10))  # doctest: +SKIP
>>> doc.text  # plain text in reading order  # doctest: +SKIP

The format is decided from the bytes, never from the file name. Every input
gives either a ``Document`` or one of the typed errors of
:mod:`screener.errors` (``encrypted``, ``malformed``, ``no_text_layer``,
``empty``, ``unsupported_format``, ``too_large``, ``timeout``). Nothing is
printed; pdfminer's own log records go to the ``pdfminer`` logger.

Text conventions: lines are joined by ``"\\n"`` and blocks by ``"\\n\\n"``;
ligatures, soft hyphens, line-end hyphenation, non-breaking spaces and other
compatibility characters are normalised (NFKC); a bullet glyph at the start
of a line becomes ``"- "`` and a bullet between words becomes ``" | "``
(see :mod:`screener.extraction.normalize`). Multi-column pages are read one
column at a time, left to right, after any full-width header (see
:mod:`screener.extraction.layout`).
"""

from __future__ import annotations

import os
from typing import BinaryIO, Union

from screener.errors import (
    EmptyDocumentError,
    MalformedError,
    NoTextLayerError,
    TooLargeError,
)
from screener.extraction.build import RawLine, RawPage, build_document, require_text
from screener.extraction.limits import Deadline, Limits, recursion_cap, time_limit
from screener.extraction.sniff import sniff
from screener.types import BBox, Document

__all__ = ["Limits", "Source", "extract"]

#: What :func:`extract` accepts: a path, the bytes of a file, or a binary file object.
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


def extract(source: Source, *, limits: Limits | None = None) -> Document:
    """Read a resume into plain text in reading order, with its layout.

    Parameters
    ----------
    source : str, os.PathLike, bytes or binary file object
        The file to read. Its format (PDF, DOCX, text) is decided from the
        content, not from the name.
    limits : Limits, optional
        Byte, page, inflation and time limits; ``Limits()`` by default.

    Returns
    -------
    Document
        ``text`` in reading order; ``pages`` with blocks and lines carrying
        bounding boxes (PDF), font size and bold; char offsets into ``text``.

    Raises
    ------
    EncryptedError
        The file needs a password.
    MalformedError
        The file is damaged.
    NoTextLayerError
        The pages are images only (a scan), or the PDF's text cannot be
        decoded (mostly ``(cid:N)`` glyphs).
    EmptyDocumentError
        Less than ``limits.min_chars`` characters of text.
    UnsupportedFormatError
        Not a PDF, DOCX or text file (images, legacy ``.doc``, other zips).
    TooLargeError
        Over ``max_bytes``, ``max_pages``, ``max_inflated_bytes``,
        ``max_page_objects`` or ``max_chars``, or out of memory while parsing.
    ExtractionTimeout
        Reading took longer than ``limits.timeout`` seconds.
    OSError
        ``source`` is a path that cannot be opened.
    """
    limits = limits or Limits()
    data, path = _load(source, limits.max_bytes)
    if not data.strip():
        raise EmptyDocumentError("the file is empty")
    try:
        with recursion_cap(), time_limit(limits.timeout) as deadline:
            return _read(data, limits, deadline, path)
    except MemoryError as e:  # past every budget: still the file's fault, and typed
        raise TooLargeError("reading the file needed more memory than is available") from e
    except RecursionError as e:  # a reader's own recursion on deeply nested content
        raise MalformedError("the file nests its content too deeply to read") from e


def _read(data: bytes, limits: Limits, deadline: Deadline, path: str | None) -> Document:
    kind = sniff(data)
    if kind == "pdf":
        return _from_pdf(data, limits, deadline, path)
    if kind == "docx":
        from screener.extraction.docx import read_docx

        pages, images = read_docx(
            data,
            max_inflated_bytes=limits.max_inflated_bytes,
            max_elements=limits.max_docx_elements,
        )
        doc = build_document(pages, source_format="docx", path=path)
        return _checked(doc, limits, images=images, what="DOCX")
    from screener.extraction.txt import read_txt

    pages = read_txt(data, max_chars=limits.max_chars)
    doc = build_document(pages, source_format="txt", path=path)
    return _checked(doc, limits, images=False, what="text file")


def _load(source: Source, max_bytes: int) -> tuple[bytes, str | None]:
    too_large = f"the file is larger than {max_bytes / (1 << 20):g} MB"
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise TooLargeError(too_large)
        return data, None
    if hasattr(source, "read"):
        data = source.read(max_bytes + 1)  # type: ignore[union-attr]
        if len(data) > max_bytes:
            raise TooLargeError(too_large)
        return bytes(data), getattr(source, "name", None)
    path = os.fspath(source)  # type: ignore[arg-type]
    if os.stat(path).st_size > max_bytes:
        raise TooLargeError(too_large)
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeError(too_large)
    return data, str(path)


def _from_pdf(data: bytes, limits: Limits, deadline: Deadline, path: str | None) -> Document:
    from screener.extraction.layout import order_page
    from screener.extraction.pdf import read_pdf

    pdf_pages = read_pdf(data, limits=limits, deadline=deadline)
    warnings: list[str] = []
    glyphs = sum(p.glyphs for p in pdf_pages)
    cids = sum(p.cid_glyphs for p in pdf_pages)
    if glyphs and cids > limits.cid_share * glyphs:
        raise NoTextLayerError(
            f"the PDF's text cannot be decoded ({cids} of {glyphs} glyphs have no "
            "Unicode mapping); it needs OCR"
        )
    if cids:
        warnings.append(f"cid_garbage: {cids} of {glyphs} glyphs could not be decoded")
    pages = []
    for pdf_page in pdf_pages:
        deadline.check()
        page = RawPage(number=pdf_page.number, width=pdf_page.width, height=pdf_page.height)
        for rows in order_page(pdf_page.pieces, first=pdf_page.number == 1):
            page.blocks.append(
                [
                    RawLine(
                        text=row.text,
                        bbox=BBox(
                            round(row.x0, 2),
                            round(row.top, 2),
                            round(row.x1, 2),
                            round(row.bottom, 2),
                        ),
                        font_size=row.size,
                        bold=row.bold,
                    )
                    for row in rows
                ]
            )
        if pdf_page.images and not pdf_page.pieces:
            warnings.append(f"no_text_layer: page {pdf_page.number} holds only images")
        pages.append(page)
    doc = build_document(pages, source_format="pdf", path=path, warnings=warnings)
    images = any(p.images for p in pdf_pages)
    return _checked(doc, limits, images=images, what="PDF")


def _checked(doc: Document, limits: Limits, *, images: bool, what: str) -> Document:
    return require_text(
        doc, min_chars=limits.min_chars, max_chars=limits.max_chars, images=images, what=what
    )
