"""Typed records that cross module boundaries.

Coordinates follow pdfplumber and spacy-layout: a bounding box has a
top-left origin (``top`` grows downwards), in PDF points; pages are counted
from 1. Character offsets (``start``, ``end``) always index
``Document.text``; ``end`` is exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "CONSUMER_USE",
    "DIMENSIONS",
    "DOING_SECTIONS",
    "SECTION_KINDS",
    "Analysis",
    "BBox",
    "Block",
    "Clause",
    "DateSpan",
    "Document",
    "Entry",
    "Evidence",
    "Line",
    "Page",
    "Section",
]

#: The six competency dimensions of the task (public output keys).
DIMENSIONS: tuple[str, ...] = (
    "marketing_communications",
    "customer_engagement",
    "technical",
    "analytics",
    "psychology",
    "business_strategy",
)
#: The label of the opposite, consumer-level signal.
CONSUMER_USE = "consumer_use"

#: Canonical section kinds.
SECTION_KINDS: tuple[str, ...] = (
    "summary",
    "experience",
    "projects",
    "volunteering",
    "skills",
    "education",
    "certifications",
    "publications",
    "awards",
    "interests",
    "languages",
    "references",
    "contact",
    "other",
)
#: Sections whose content is what the person *did* (not merely claimed).
DOING_SECTIONS: frozenset[str] = frozenset({"experience", "projects", "volunteering"})


@dataclass(frozen=True)
class BBox:
    """A rectangle in PDF points with a top-left origin."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def to_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass
class Line:
    """One line of text as laid out on the page.

    ``start``/``end`` are offsets of the line in ``Document.text``.
    """

    text: str
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "bbox": self.bbox.to_dict() if self.bbox else None,
            "font_size": self.font_size,
            "bold": self.bold,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Block:
    """A group of lines read together (a paragraph, a sidebar box)."""

    page: int
    lines: list[Line] = field(default_factory=list)
    bbox: BBox | None = None
    start: int = 0
    end: int = 0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "bbox": self.bbox.to_dict() if self.bbox else None,
            "start": self.start,
            "end": self.end,
            "lines": [line.to_dict() for line in self.lines],
        }


@dataclass
class Page:
    """A page, numbered from 1, with its blocks in reading order."""

    number: int
    width: float | None = None
    height: float | None = None
    blocks: list[Block] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "width": self.width,
            "height": self.height,
            "blocks": [b.to_dict() for b in self.blocks],
        }


@dataclass
class Document:
    """Text of one resume in reading order, with the layout it came from.

    Attributes
    ----------
    text : str
        Normalised plain text in reading order; lines are separated by
        ``"\\n"`` and blocks by ``"\\n\\n"``.
    pages : list of Page
        Pages with their blocks and lines; offsets point into ``text``.
    source_format : str
        ``"pdf"``, ``"docx"`` or ``"txt"``.
    warnings : list of str
        Non-fatal problems met while reading (e.g. ``cid_garbage``).
    """

    text: str
    pages: list[Page] = field(default_factory=list)
    source_format: str = "txt"
    path: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return [ln for p in self.pages for b in p.blocks for ln in b.lines]

    @property
    def blocks(self) -> list[Block]:
        return [b for p in self.pages for b in p.blocks]

    def page_at(self, offset: int) -> int:
        """Return the page number (from 1) holding char ``offset`` of ``text``.

        The page of the last block starting at or before ``offset`` (the first
        block's page for an offset before it, 1 for a document without blocks).
        Reads only each page's first block, so a call costs the number of pages.
        """
        found = 0
        for page in self.pages:
            if page.blocks and (not found or page.blocks[0].start <= offset):
                found = page.blocks[0].page
        return found or 1

    def block_at(self, offset: int) -> Block | None:
        """Return the block whose span holds ``offset``, or None."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "source_format": self.source_format,
            "path": self.path,
            "warnings": list(self.warnings),
            "pages": [p.to_dict() for p in self.pages],
        }

    @classmethod
    def from_text(cls, text: str, *, path: str | None = None) -> Document:
        """Build a one-page document from plain text, one block per paragraph."""
        page = Page(number=1)
        pos = 0
        for para in text.split("\n\n"):
            start = pos
            lines = []
            for raw in para.split("\n"):
                lines.append(Line(text=raw, start=pos, end=pos + len(raw)))
                pos += len(raw) + 1
            pos += 1  # the second "\n" of the paragraph separator
            page.blocks.append(Block(page=1, lines=lines, start=start, end=start + len(para)))
        return cls(text=text, pages=[page], source_format="txt", path=path)


@dataclass
class Section:
    """A run of the document under one heading, typed by canonical ``kind``."""

    kind: str
    title: str
    start: int
    end: int
    page: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DateSpan:
    """A parsed date range as (year, month) pairs; ``end`` None means ongoing."""

    text: str
    start: tuple[int, int]
    end: tuple[int, int] | None
    ongoing: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": list(self.start),
            "end": list(self.end) if self.end else None,
            "ongoing": self.ongoing,
        }


@dataclass
class Entry:
    """One work-history (or project, volunteering) entry."""

    section: str
    title: str
    org: str = ""
    dates: DateSpan | None = None
    bullets: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "title": self.title,
            "org": self.org,
            "dates": self.dates.to_dict() if self.dates else None,
            "bullets": list(self.bullets),
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Evidence:
    """One phrase that evidences a dimension (or ``consumer_use``).

    ``claimed_only`` is True when the span stands in a section that only
    claims (skills, summary, interests...) rather than one that records what
    the person did (experience, projects, volunteering). ``agency`` says
    whether the person owned the work (``"own"``), carried out others'
    work (``"support"``) or it is unclear (``"neutral"``). ``counts`` says
    whether it counts toward ``Analysis.dimensions`` (the rule is in
    ``screener.nlp.analysis``: done not claimed, not handed off to someone
    else, not support-level for a dimension that needs ownership, in a
    social or digital context). On an ``OUTCOME`` entity it says whether the
    outcome is one of social work: in experience, on a line with counted
    evidence.
    """

    dimension: str
    text: str
    section: str
    page: int
    start: int
    end: int
    claimed_only: bool
    pattern_id: str | None = None
    agency: str = "neutral"
    counts: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "text": self.text,
            "section": self.section,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "claimed_only": self.claimed_only,
            "agency": self.agency,
            "counts": self.counts,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        """Rebuild evidence from :meth:`to_dict` output (older rows may lack fields)."""
        return cls(
            dimension=data["dimension"],
            text=data["text"],
            section=data.get("section", "other"),
            page=data.get("page", 1),
            start=data.get("start", 0),
            end=data.get("end", 0),
            claimed_only=bool(data.get("claimed_only", False)),
            agency=data.get("agency", "neutral"),
            counts=bool(data.get("counts", True)),
        )


@dataclass(frozen=True)
class Clause:
    """One clause of the text with its agency label (see ``screener.nlp.agency``).

    ``start``/``end`` are character offsets in ``Analysis.text``; ``others``
    is True when the clause says someone else did the work (a hand-off, or
    an ownership verb whose subject is another role).
    """

    start: int
    end: int
    agency: str = "neutral"
    others: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "agency": self.agency, "others": self.others}


@dataclass
class Analysis:
    """Everything the NLP layer found in one document.

    ``entities`` maps entity labels (``PLATFORM``, ``TOOL``, ``OUTCOME``,
    ``JOB_TITLE``, ``SENIORITY``) to the spans found for them, in the same
    ``Evidence`` shape with ``dimension`` set to the label.
    """

    text: str
    sections: list[Section] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    consumer_signals: list[Evidence] = field(default_factory=list)
    entities: list[Evidence] = field(default_factory=list)
    experience_months: int = 0
    clauses: list[Clause] = field(default_factory=list)

    @property
    def dimensions(self) -> list[str]:
        """Dimension keys evidenced in what the person did, in canonical order.

        Evidence counts when it is not ``claimed_only`` and its ``counts``
        flag is set (see ``screener.nlp.analysis`` for the rule).
        """
        seen = {e.dimension for e in self.evidence if e.counts and not e.claimed_only}
        return [d for d in DIMENSIONS if d in seen]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sections": [s.to_dict() for s in self.sections],
            "entries": [e.to_dict() for e in self.entries],
            "evidence": [e.to_dict() for e in self.evidence],
            "consumer_signals": [e.to_dict() for e in self.consumer_signals],
            "entities": [e.to_dict() for e in self.entities],
            "experience_months": self.experience_months,
            "dimensions": self.dimensions,
            "clauses": [c.to_dict() for c in self.clauses],
        }
