"""Assemble a :class:`~screener.types.Document` from ordered lines.

Every reader (PDF, DOCX, TXT) produces pages of blocks of :class:`RawLine`
in reading order; :func:`build_document` normalises the text, drops empty
lines and blocks, joins lines with ``"\\n"`` and blocks with ``"\\n\\n"``
and records the character offsets of every line and block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from screener.errors import EmptyDocumentError, NoTextLayerError, TooLargeError
from screener.extraction.normalize import normalize_lines, vocabulary
from screener.types import BBox, Block, Document, Line, Page

__all__ = ["RawLine", "RawPage", "build_document", "require_text"]


@dataclass
class RawLine:
    """A line before normalisation, with its layout facts."""

    text: str
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False


@dataclass
class RawPage:
    """A page of blocks (lists of lines) in reading order."""

    number: int
    width: float | None = None
    height: float | None = None
    blocks: list[list[RawLine]] = field(default_factory=list)


def build_document(
    pages: list[RawPage],
    *,
    source_format: str,
    path: str | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """Normalise and join the lines of ``pages`` into one Document.

    Parameters
    ----------
    pages : list of RawPage
        Pages in order, their blocks and lines in reading order.
    source_format : str
        ``"pdf"``, ``"docx"`` or ``"txt"``.
    path : str, optional
        The file the text came from.
    warnings : list of str, optional
        Non-fatal problems met while reading.

    Returns
    -------
    Document
        ``Line.text == Document.text[line.start:line.end]`` for every line.
    """
    vocab = vocabulary([ln.text for page in pages for block in page.blocks for ln in block])
    parts: list[str] = []
    pos = 0
    out_pages: list[Page] = []
    for raw in pages:
        page = Page(number=raw.number, width=raw.width, height=raw.height)
        for raw_block in raw.blocks:
            texts = normalize_lines([ln.text for ln in raw_block], vocab)
            kept = [(t, ln) for t, ln in zip(texts, raw_block) if t]
            if not kept:
                continue
            if parts:
                parts.append("\n\n")
                pos += 2
            block = Block(page=raw.number, start=pos)
            for i, (text, ln) in enumerate(kept):
                if i:
                    parts.append("\n")
                    pos += 1
                block.lines.append(
                    Line(text, ln.bbox, ln.font_size, ln.bold, start=pos, end=pos + len(text))
                )
                parts.append(text)
                pos += len(text)
            block.end = pos
            block.bbox = _union([ln.bbox for _, ln in kept])
            page.blocks.append(block)
        out_pages.append(page)
    return Document(
        text="".join(parts),
        pages=out_pages,
        source_format=source_format,
        path=path,
        warnings=list(warnings or []),
    )


def _union(boxes: list[BBox | None]) -> BBox | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return BBox(
        x0=min(b.x0 for b in real),
        top=min(b.top for b in real),
        x1=max(b.x1 for b in real),
        bottom=max(b.bottom for b in real),
    )


def require_text(
    doc: Document, *, min_chars: int, images: bool, what: str, max_chars: int | None = None
) -> Document:
    """Raise if ``doc`` holds too little (or too much) text to screen.

    Parameters
    ----------
    doc : Document
        The built document.
    min_chars : int
        Fewest non-blank characters accepted.
    images : bool
        Whether the file's pages hold images (then the outcome is
        ``no_text_layer`` rather than ``empty``).
    what : str
        How to name the file in the message (``"PDF"``, ``"DOCX"``...).
    max_chars : int, optional
        Most characters accepted (``TooLargeError`` over it).

    Returns
    -------
    Document
        ``doc`` itself.

    Raises
    ------
    NoTextLayerError, EmptyDocumentError, TooLargeError
    """
    if max_chars is not None and len(doc.text) > max_chars:
        raise TooLargeError(f"the {what} holds more than {max_chars:,} characters of text")
    chars = sum(1 for ch in doc.text if not ch.isspace())
    if chars >= max(min_chars, 1):
        return doc
    if images:
        raise NoTextLayerError(
            f"the {what} holds only images and no text layer (a scan?); it needs OCR"
        )
    if chars == 0:
        raise EmptyDocumentError(f"the {what} holds no text")
    raise EmptyDocumentError(f"the {what} holds only {chars} characters of text")
