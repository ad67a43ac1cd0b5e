"""The lead of a resume: the text above its first heading, as contact and summary.

Text before the first heading is ``contact``; when it holds a prose
paragraph the paragraph starts a ``summary``: a line of 12+ words (from the
line its sentence starts on, when a PDF wrapped it mid-sentence), or lines
wrapped from one paragraph of 12+ words, mostly lower case, as a PDF's
narrow column gives (no e-mail address or ``|`` either way: those are
contact lines).

A resume whose sidebar is read before its main column (``Contact``,
``Skills`` down the left) has a second lead: the name at the head of the
main column, in the largest font of the first page, then the headline and
often a profile with no heading. :func:`main_column_start` finds that name,
so that what follows it is read as a lead too, not as the last sidebar
section.
"""

from __future__ import annotations

from screener.nlp.headings import heading_kind
from screener.types import Document, Line, Section

__all__ = ["NAME_SIZE", "SUMMARY_WORDS", "lead_sections", "main_column_start"]

#: A lead line of this many words, or a wrapped paragraph of as many, is summary prose.
SUMMARY_WORDS = 12
#: The name at the head of a resume is set at least this much larger than the body.
NAME_SIZE = 1.5


def _contact_marks(text: str) -> bool:
    return "@" in text or "|" in text


def _summary_line(line: Line) -> bool:
    """A line of prose: 12+ words, no e-mail address, no ``|`` between contact items."""
    return len(line.text.split()) >= SUMMARY_WORDS and not _contact_marks(line.text)


def _prose_paragraph(paragraph: list[Line]) -> bool:
    """Lines wrapped from one prose paragraph: 12+ words in all, at least half of
    them starting in lower case (not a name, title and address), no contact marks."""
    if len(paragraph) < 2 or any(_contact_marks(ln.text) for ln in paragraph):
        return False
    words = " ".join(ln.text for ln in paragraph).split()
    return len(words) >= SUMMARY_WORDS and 2 * sum(w[:1].islower() for w in words) >= len(words)


def _sentence_start(paragraph: list[Line], line: Line) -> Line:
    """The line of ``paragraph`` where the sentence of ``line`` starts: back over
    lines that the next one continues in lower case ("... Eight years" /
    "covering basketball ..."), but not over a contact line."""
    i = paragraph.index(line)
    while i > 0 and paragraph[i].text[:1].islower() and not _contact_marks(paragraph[i - 1].text):
        i -= 1
    return paragraph[i]


def _paragraphs(lines: list[Line], begin: int, end: int) -> list[list[Line]]:
    """Runs of non-empty lines in ``[begin, end)`` that follow each other with one line break."""
    out: list[list[Line]] = []
    for ln in lines:
        if ln.start < begin or not ln.text.strip():
            continue
        if ln.start >= end:
            break
        if out and out[-1][-1].end + 1 == ln.start:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def lead_sections(lines: list[Line], end: int, text_end: int, begin: int = 0) -> list[Section]:
    """Sections for a lead: contact, then summary prose.

    Parameters
    ----------
    lines : list of Line
        The document's lines, in order, with offsets into its text.
    end : int
        Where the lead ends (the first heading, or the end of the text).
    text_end : int
        Length of the document's text: an empty document keeps its empty
        ``contact`` section.
    begin : int, optional
        Where the lead starts: 0, or the name of a main column read after a
        sidebar (:func:`main_column_start`).

    Returns
    -------
    list of Section
        ``contact`` from ``begin`` and, from the first prose paragraph, a
        ``summary`` to ``end``; empty when no line starts in ``[begin, end)``.
    """
    out: list[Section] = []
    if not any(begin <= ln.start < end for ln in lines):
        return out
    out.append(Section(kind="contact", title="", start=begin, end=end))
    for paragraph in _paragraphs(lines, begin, end):
        first = next((ln for ln in paragraph if _summary_line(ln)), None)
        if first is not None:
            first = _sentence_start(paragraph, first)
        elif _prose_paragraph(paragraph):
            first = paragraph[0]
        if first is None:
            continue
        if first.start > begin:
            out[-1].end = first.start
            out.append(Section(kind="summary", title="", start=first.start, end=end))
        else:
            out[-1].kind = "summary"
        break
    return [s for s in out if s.end > s.start or text_end == 0]


def main_column_start(document: Document, body: float | None, first_head: int) -> int | None:
    """Where the main column starts when a sidebar was read before it: its name line.

    Parameters
    ----------
    document : Document
        The document, with the font sizes of its lines when it has them.
    body : float or None
        The body font size (None: no font information, nothing to find).
    first_head : int
        Offset of the document's first heading.

    Returns
    -------
    int or None
        The offset of the largest line of the first page when it is at least
        ``NAME_SIZE`` times the body size, has one to five words, no digits,
        names no section, and stands after the first heading; else None.
    """
    if not body or not document.pages:
        return None
    sized = [ln for b in document.pages[0].blocks for ln in b.lines if ln.font_size]
    if not sized:
        return None
    name = max(sized, key=lambda ln: ln.font_size or 0.0)
    words = name.text.split()
    if (
        name.start <= first_head
        or (name.font_size or 0.0) < body * NAME_SIZE
        or not 1 <= len(words) <= 5
        or any(ch.isdigit() for ch in name.text)
        or heading_kind(name.text.strip(" :"))[0]
    ):
        return None
    return name.start
