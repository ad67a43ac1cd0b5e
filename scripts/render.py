"""Render a resume to plain text, PDF, DOCX, a scanned (image-only) PDF or a broken PDF.

The input is the ``resume`` object of the labelled resume JSON format
(``shared/spec/resume-json.md``)::

    {"name": ..., "headline": ..., "contact": {"email", "phone", "location", "links"},
     "summary": ..., "sections": [{"title": ..., "entries" | "items" | "text": ...}]}

Every renderer is deterministic: the same resume gives the same bytes
(reportlab runs with ``invariant=1``; DOCX archives are re-zipped with fixed
timestamps; the scanned noise is seeded from the resume itself).

Importing this module has no side effects; fonts are registered with reportlab
on first use.

Layouts (``to_pdf``): ``classic``, ``sidebar_left``, ``sidebar_right``,
``two_column``, ``header_split``. DOCX styles (``to_docx``): ``headings``,
``bold``, ``table``, ``header``, ``textbox``.
"""

from __future__ import annotations

import io
import json
import random
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

__all__ = [
    "DOCX_STYLES",
    "FONT_FAMILIES",
    "PAPER_SIZES",
    "PDF_LAYOUTS",
    "count_pdf_pages",
    "docx_text",
    "pdf_bytes",
    "to_broken_pdf",
    "to_docx",
    "to_pdf",
    "to_scanned_pdf",
    "to_text",
]

Resume = Mapping[str, Any]

#: Layouts accepted by :func:`to_pdf`.
PDF_LAYOUTS: tuple[str, ...] = (
    "classic",
    "sidebar_left",
    "sidebar_right",
    "two_column",
    "header_split",
)
#: Styles accepted by :func:`to_docx`.
DOCX_STYLES: tuple[str, ...] = ("headings", "bold", "table", "header", "textbox")
#: Font families accepted by :func:`to_pdf`.
FONT_FAMILIES: tuple[str, ...] = ("helvetica", "times", "vera")
#: Paper sizes accepted by :func:`to_pdf`.
PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "letter": letter}

#: Section titles that a sidebar (or a DOCX text box) takes.
_SIDE_WORDS = re.compile(
    r"skill|competenc|toolkit|tools|technolog|software|language|certif|interest|"
    r"stack|expertise|strength|hobb",
    re.IGNORECASE,
)
#: Section titles that a DOCX text box takes.
_BOX_WORDS = re.compile(r"skill|competenc|toolkit|tools|technolog|stack|expertise", re.I)

#: Fixed timestamp for DOCX metadata and zip members.
_FIXED_TIME = datetime(2024, 1, 15, 9, 0, 0, tzinfo=timezone.utc)

#: Plain replacements for characters that a font cannot draw.
_FALLBACK = {
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "AE",
    "ß": "ss",
    "ħ": "h",
    "←": "<-",
    "→": "->",
    "≈": "~",
    "≥": ">=",
    "≤": "<=",
    "−": "-",
    "‑": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


# --------------------------------------------------------------------------- text


def _s(value: Any) -> str:
    """Return ``value`` as a stripped one-line string ('' for None)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _contact_parts(resume: Resume) -> list[str]:
    """Return the contact fields in reading order (email, phone, location, links...)."""
    contact = resume.get("contact") or {}
    if isinstance(contact, str):
        return [_s(contact)] if _s(contact) else []
    parts: list[str] = []
    for key in ("email", "phone", "location"):
        if _s(contact.get(key)):
            parts.append(_s(contact[key]))
    links = contact.get("links") or []
    if isinstance(links, str):
        links = [links]
    parts.extend(_s(link) for link in links if _s(link))
    for key, value in contact.items():
        if key in ("email", "phone", "location", "links"):
            continue
        if isinstance(value, str) and _s(value):
            parts.append(_s(value))
    return parts


def _sections(resume: Resume) -> list[Mapping[str, Any]]:
    """Return the resume's sections (only mappings)."""
    return [s for s in resume.get("sections") or [] if isinstance(s, Mapping)]


def _entries(section: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Return a section's entries (only mappings)."""
    return [e for e in section.get("entries") or [] if isinstance(e, Mapping)]


def _items(section: Mapping[str, Any]) -> list[str]:
    """Return a section's items as non-empty strings."""
    return [_s(i) for i in section.get("items") or [] if _s(i)]


def _bullets(entry: Mapping[str, Any]) -> list[str]:
    """Return an entry's bullets as non-empty strings."""
    return [_s(b) for b in entry.get("bullets") or [] if _s(b)]


def _entry_heading(entry: Mapping[str, Any]) -> str:
    """Return ``"Title — Org, Location"`` with missing parts left out."""
    title, org, loc = _s(entry.get("title")), _s(entry.get("org")), _s(entry.get("location"))
    where = ", ".join(p for p in (org, loc) if p)
    if title and where:
        return f"{title} — {where}"
    return title or where


def _entry_where(entry: Mapping[str, Any]) -> str:
    """Return ``"Org, Location"``."""
    return ", ".join(p for p in (_s(entry.get("org")), _s(entry.get("location"))) if p)


def _entry_extra(entry: Mapping[str, Any]) -> str:
    """Return free text an entry may carry besides bullets (``text``/``description``)."""
    return _s(entry.get("text") or entry.get("description"))


def _items_inline(items: Sequence[str]) -> bool:
    """Whether a list of items reads best joined with commas (all short)."""
    return all(len(i) <= 40 for i in items)


def _is_side_section(section: Mapping[str, Any]) -> bool:
    """Whether a section belongs in a sidebar (skills, languages, certifications...)."""
    return bool(_SIDE_WORDS.search(_s(section.get("title")))) and "entries" not in section


@dataclass(frozen=True)
class _Line:
    """One logical line of the text rendering (``kind`` drives styling)."""

    kind: str  # name headline contact summary heading entry bullet items text blank
    text: str


def _lines(resume: Resume) -> list[_Line]:
    """Return the resume as logical lines, the common base of text and scanned output."""
    out: list[_Line] = []
    head = [
        _Line("name", _s(resume.get("name"))),
        _Line("headline", _s(resume.get("headline"))),
        _Line("contact", " | ".join(_contact_parts(resume))),
    ]
    out.extend(line for line in head if line.text)
    if _s(resume.get("summary")):
        out += [_Line("blank", ""), _Line("summary", _s(resume.get("summary")))]
    for section in _sections(resume):
        out += [_Line("blank", ""), _Line("heading", _s(section.get("title")))]
        if "entries" in section:
            for entry in _entries(section):
                heading = _entry_heading(entry)
                dates = _s(entry.get("dates"))
                if dates:
                    heading = f"{heading} | {dates}" if heading else dates
                if heading:
                    out.append(_Line("entry", heading))
                if _entry_extra(entry):
                    out.append(_Line("text", _entry_extra(entry)))
                out.extend(_Line("bullet", b) for b in _bullets(entry))
        elif "items" in section:
            items = _items(section)
            if items and _items_inline(items):
                out.append(_Line("items", ", ".join(items)))
            else:
                out.extend(_Line("items", i) for i in items)
        elif _s(section.get("text")):
            out.append(_Line("text", _s(section.get("text"))))
    return out


def to_text(resume: Resume) -> str:
    """Render a resume as plain text.

    Name, headline and contact line first, then the summary, then each section:
    its title on its own line, entries as ``"Title — Org, Location | dates"``
    with ``"- bullet"`` lines, items joined with ``", "`` (or one per line when
    long), free text as a paragraph. Sections are separated by blank lines.
    """
    text = "\n".join("- " + ln.text if ln.kind == "bullet" else ln.text for ln in _lines(resume))
    return text.strip("\n") + "\n"


# --------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class _Fonts:
    """The four faces of a font family plus the face used for bullets."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    ttf: bool
    bullet: str = "Vera"


@cache
def _register_vera() -> None:
    """Register reportlab's bundled Bitstream Vera TTFs (once)."""
    for name, file in (
        ("Vera", "Vera.ttf"),
        ("VeraBd", "VeraBd.ttf"),
        ("VeraIt", "VeraIt.ttf"),
        ("VeraBI", "VeraBI.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, file))
    pdfmetrics.registerFontFamily(
        "Vera", normal="Vera", bold="VeraBd", italic="VeraIt", boldItalic="VeraBI"
    )


def _fonts(family: str) -> _Fonts:
    """Return the faces of a font family, registering TTFs if needed."""
    _register_vera()  # bullets are always drawn in Vera so that "•" extracts as text
    if family == "helvetica":
        return _Fonts(
            "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", False
        )
    if family == "times":
        return _Fonts("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", False)
    if family == "vera":
        return _Fonts("Vera", "VeraBd", "VeraIt", "VeraBI", True)
    raise ValueError(f"unknown font family {family!r}; expected one of {FONT_FAMILIES}")


@cache
def _vera_chars() -> frozenset[int]:
    """Code points that the Vera TTF has glyphs for."""
    _register_vera()
    font = pdfmetrics.getFont("Vera")
    return frozenset(font.face.charToGlyph)


def _winansi_ok(ch: str) -> bool:
    """Whether a standard Type 1 font (WinAnsi) can draw ``ch`` as extractable text."""
    if ch == "•":  # reportlab writes it as code 127, which extracts as (cid:127)
        return False
    try:
        ch.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _vera_ok(ch: str) -> bool:
    """Whether Vera has a glyph for ``ch``."""
    return ord(ch) in _vera_chars()


def _fit(text: str, ok: Callable[[str], bool]) -> str:
    """Replace characters a font cannot draw with close ASCII (or drop symbols)."""
    out: list[str] = []
    for ch in text:
        if ch in "\n\t" or ok(ch):
            out.append(" " if ch in "\n\t" else ch)
            continue
        if ch in _FALLBACK:
            out.append(_FALLBACK[ch])
            continue
        if ch == "•":
            out.append("·")
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base and all(ok(c) for c in base):
            out.append(base)
        elif unicodedata.category(ch)[0] in "SC" or unicodedata.category(ch) == "Mn":
            continue  # emoji, dingbats, control and stray combining marks
        else:
            out.append("?")
    return "".join(out)


def _clean(text: Any, fonts: _Fonts) -> str:
    """One-line text fitted to a font family."""
    return _fit(_s(text), _vera_ok if fonts.ttf else _winansi_ok)


def _markup(text: Any, fonts: _Fonts) -> str:
    """Text fitted to a font and escaped for reportlab Paragraph markup."""
    return escape(_clean(text, fonts))


# --------------------------------------------------------------------------- PDF


_MUTED = colors.HexColor("#444444")
_SHADE = colors.HexColor("#E9EEF3")


@dataclass(frozen=True)
class _Theme:
    """Sizes and colours of one PDF rendering."""

    body: float = 10.0
    accent: Any = colors.black
    muted: Any = _MUTED
    shade: Any = _SHADE


def _styles(fonts: _Fonts, theme: _Theme) -> dict[str, ParagraphStyle]:
    """Paragraph styles shared by the layouts."""
    b = theme.body
    base = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=b, leading=b * 1.3, textColor=colors.black
    )
    return {
        "body": base,
        "name": ParagraphStyle(
            "name", parent=base, fontName=fonts.bold, fontSize=b * 2.1, leading=b * 2.5
        ),
        "headline": ParagraphStyle(
            "headline",
            parent=base,
            fontSize=b * 1.2,
            leading=b * 1.6,
            textColor=theme.muted,
        ),
        "contact": ParagraphStyle("contact", parent=base, fontSize=b * 0.88, leading=b * 1.2),
        "contact_right": ParagraphStyle(
            "contact_right",
            parent=base,
            fontSize=b * 0.88,
            leading=b * 1.25,
            alignment=TA_RIGHT,
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=fonts.bold,
            fontSize=b * 1.3,
            leading=b * 1.6,
            spaceBefore=b * 1.0,
            spaceAfter=b * 0.2,
            textColor=theme.accent,
        ),
        "org": ParagraphStyle(
            "org", parent=base, fontName=fonts.italic, textColor=theme.muted, spaceAfter=1
        ),
        "meta": ParagraphStyle(
            "meta", parent=base, fontSize=b * 0.9, leading=b * 1.2, textColor=theme.muted
        ),
        "bullet": ParagraphStyle(
            "bullet",
            parent=base,
            leftIndent=b * 1.4,
            bulletIndent=b * 0.35,
            bulletFontName=fonts.bullet,
            bulletFontSize=b,
            spaceAfter=1.5,
        ),
        "side": ParagraphStyle("side", parent=base, fontSize=b * 0.88, leading=b * 1.2),
        "side_heading": ParagraphStyle(
            "side_heading",
            parent=base,
            fontName=fonts.bold,
            fontSize=b * 1.05,
            leading=b * 1.35,
            spaceBefore=b * 0.9,
            spaceAfter=b * 0.25,
            textColor=theme.accent,
        ),
    }


class _TitleDates(Flowable):
    """A job title on the left and its dates right-aligned on the same baseline.

    The title wraps within the width left free by the dates; when the column is
    too narrow for both, the dates go right-aligned on a line of their own.
    """

    def __init__(
        self,
        left: str,
        right: str,
        font: str,
        size: float,
        right_font: str,
        right_size: float | None = None,
        color: Any = colors.black,
    ) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.font = font
        self.size = size
        self.right_font = right_font
        self.right_size = right_size or size
        self.leading = size * 1.3
        self.color = color
        self._lines: list[str] = []
        self._dates_below = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay out the title lines for ``availWidth`` and return the size."""
        gap = self.size
        right_w = stringWidth(self.right, self.right_font, self.right_size) if self.right else 0
        room = availWidth - right_w - gap
        self._dates_below = bool(self.right) and room < availWidth * 0.4
        width = availWidth if self._dates_below or not self.right else room
        self._lines = simpleSplit(self.left, self.font, self.size, width) or [""]
        self.width = availWidth
        n = len(self._lines) + (1 if self._dates_below else 0)
        self.height = n * self.leading
        return self.width, self.height

    def draw(self) -> None:
        """Draw the title lines and the dates."""
        c = self.canv
        c.setFillColor(self.color)
        c.setFont(self.font, self.size)
        y = self.height - self.size
        for line in self._lines:
            c.drawString(0, y, line)
            y -= self.leading
        if self.right:
            c.setFillColor(colors.black)
            c.setFont(self.right_font, self.right_size)
            dy = y if self._dates_below else self.height - self.size
            c.drawRightString(self.width, dy, self.right)


def _bullet_paras(bullets: Sequence[str], st: dict[str, ParagraphStyle], fonts: _Fonts) -> list:
    """Paragraphs with a "•" bullet, one per bullet text."""
    return [Paragraph(_markup(b, fonts), st["bullet"], bulletText="•") for b in bullets]


def _entry_flowables(
    entry: Mapping[str, Any],
    st: dict[str, ParagraphStyle],
    fonts: _Fonts,
    variant: str = "right_dates",
) -> tuple[list, list]:
    """Flowables of one entry as (head group to keep together, the rest).

    The head group is the heading line(s) plus the first bullet; it is returned
    apart so that callers wrap it in a single (never nested) ``KeepTogether``.
    """
    body = st["body"]
    title = _clean(entry.get("title"), fonts)
    where = _clean(_entry_where(entry), fonts)
    dates = _clean(entry.get("dates"), fonts)
    head: list = []
    if variant == "right_dates":
        if title or dates:
            head.append(
                _TitleDates(title or where, dates, fonts.bold, body.fontSize, fonts.regular)
            )
        if title and where:
            head.append(Paragraph(escape(where), st["org"]))
    else:  # "stacked": "Title, Org" bold, then "dates | location" in grey
        top = ", ".join(p for p in (title, _clean(entry.get("org"), fonts)) if p)
        if top:
            head.append(Paragraph(f"<b>{escape(top)}</b>", body))
        meta = " | ".join(p for p in (dates, _clean(entry.get("location"), fonts)) if p)
        if meta:
            head.append(Paragraph(escape(meta), st["meta"]))
    extra = _entry_extra(entry)
    rest: list = [Paragraph(_markup(extra, fonts), body)] if extra else []
    rest += _bullet_paras(_bullets(entry), st, fonts)
    return [*head, *rest[:1]], [*rest[1:], Spacer(1, body.fontSize * 0.5)]


def _section_flowables(
    section: Mapping[str, Any],
    st: dict[str, ParagraphStyle],
    fonts: _Fonts,
    *,
    variant: str = "right_dates",
    heading_style: str = "heading",
    upper: bool = False,
    rule: Any = None,
    one_per_line: bool = False,
) -> list:
    """Flowables of one section: its heading then entries, items or text."""
    title = _clean(section.get("title"), fonts)
    if upper:
        title = title.upper()
    head: list = [Paragraph(escape(title), st[heading_style])]
    if rule is not None:
        head.append(rule)
    body_style = st["side"] if heading_style == "side_heading" else st["body"]
    parts: list = []
    first_group: list = []
    if "entries" in section:
        for i, entry in enumerate(_entries(section)):
            group, rest = _entry_flowables(entry, st, fonts, variant)
            if i == 0:
                first_group = group
            else:
                parts.append(KeepTogether(group))
            parts.extend(rest)
        return [KeepTogether([*head, *first_group]), *parts]
    elif "items" in section:
        items = [_clean(i, fonts) for i in _items(section)]
        if one_per_line or not _items_inline(items):
            parts.extend(Paragraph(escape(i), body_style) for i in items)
        else:
            parts.append(Paragraph(escape(", ".join(items)), body_style))
    elif _s(section.get("text")):
        parts.append(Paragraph(_markup(section.get("text"), fonts), body_style))
    return [KeepTogether([*head, *parts[:1]]), *parts[1:]]


def _rule(color: Any = colors.black, width: float = 0.6) -> HRFlowable:
    """A full-width horizontal rule."""
    return HRFlowable(width="100%", thickness=width, color=color, spaceBefore=1, spaceAfter=4)


def _head_flowables(resume: Resume, st: dict[str, ParagraphStyle], fonts: _Fonts) -> list:
    """Name, headline and contact line as flowables."""
    out: list = [Paragraph(_markup(resume.get("name"), fonts), st["name"])]
    if _s(resume.get("headline")):
        out.append(Paragraph(_markup(resume.get("headline"), fonts), st["headline"]))
    parts = [_clean(p, fonts) for p in _contact_parts(resume)]
    if parts:
        out.append(Paragraph(escape("  |  ".join(parts)), st["contact"]))
    return out


def _summary(resume: Resume, st: dict[str, ParagraphStyle], fonts: _Fonts) -> list:
    """The summary paragraph, if any."""
    if not _s(resume.get("summary")):
        return []
    return [Paragraph(_markup(resume.get("summary"), fonts), st["body"]), Spacer(1, 2)]


def _doc(
    buf: io.BytesIO, resume: Resume, pagesize: tuple[float, float], margin: float
) -> BaseDocTemplate:
    """A deterministic reportlab document writing into ``buf``."""
    name = _s(resume.get("name"))
    return BaseDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{name} - Resume" if name else "Resume",
        author=name,
        creator="screener scripts/render.py",
        invariant=1,
    )


def _stack_height(flowables: Sequence[Any], width: float) -> float:
    """Approximate height of flowables stacked in a frame of ``width``."""
    total = 0.0
    canv = rl_canvas.Canvas(io.BytesIO())
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += _stack_height(f._content, width)
            continue
        _, h = f.wrapOn(canv, width, 10_000)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _build_classic(resume: Resume, buf: io.BytesIO, pagesize: Any, fonts: _Fonts) -> None:
    """One column; bold larger headings; title left, dates right-aligned."""
    theme = _Theme()
    st = _styles(fonts, theme)
    doc = _doc(buf, resume, pagesize, 50)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story: list = [*_head_flowables(resume, st, fonts), _rule(), *_summary(resume, st, fonts)]
    for section in _sections(resume):
        story += _section_flowables(section, st, fonts)
    doc.build(story)


def _build_sidebar(
    resume: Resume, buf: io.BytesIO, pagesize: Any, fonts: _Fonts, side: str
) -> None:
    """A narrow shaded column (contact, skills, languages) beside the main column."""
    theme = _Theme(body=9.5, accent=colors.HexColor("#1F4E5F"))
    st = _styles(fonts, theme)
    pw, ph = pagesize
    side_w, pad, margin = 172.0, 16.0, 36.0
    if side == "left":
        side_x, main_x = 0.0, side_w + 22
    else:
        side_x, main_x = pw - side_w, margin
    main_w = pw - side_w - 22 - margin
    side_frame = Frame(side_x + pad, margin, side_w - 2 * pad, ph - 2 * margin, id="side")
    main_frame = Frame(main_x, margin, main_w, ph - 2 * margin, id="main")
    later_frame = Frame(main_x, margin, main_w, ph - 2 * margin, id="main_later")

    def shade(canv: Any, _doc: Any) -> None:
        canv.saveState()
        canv.setFillColor(theme.shade)
        canv.rect(side_x, 0, side_w, ph, stroke=0, fill=1)
        canv.restoreState()

    doc = _doc(buf, resume, pagesize, margin)
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[side_frame, main_frame], onPage=shade),
            PageTemplate(id="later", frames=[later_frame], onPage=shade),
        ]
    )
    sidebar: list = [Paragraph("Contact", st["side_heading"])]
    for part in _contact_parts(resume):  # shrink long e-mails and links to fit on one line
        text = _clean(part, fonts)
        size = st["side"].fontSize
        while size > 6.5 and stringWidth(text, fonts.regular, size) > side_frame.width - 18:
            size -= 0.25
        style = ParagraphStyle("side_fit", parent=st["side"], fontSize=size, leading=size * 1.3)
        sidebar.append(Paragraph(escape(text), style))
    side_sections = [s for s in _sections(resume) if _is_side_section(s)]
    main_sections = [s for s in _sections(resume) if not _is_side_section(s)]
    room = side_frame.height - 12
    used = _stack_height(sidebar, side_frame.width)
    kept: list[Mapping[str, Any]] = []
    for section in side_sections:  # what does not fit in the sidebar goes to the main column
        flow = _section_flowables(
            section, st, fonts, heading_style="side_heading", one_per_line=True
        )
        h = _stack_height(flow, side_frame.width)
        if used + h <= room:
            sidebar += flow
            used += h
            kept.append(section)
    main_sections += [s for s in side_sections if s not in kept]
    main: list = [Paragraph(_markup(resume.get("name"), fonts), st["name"])]
    if _s(resume.get("headline")):
        main.append(Paragraph(_markup(resume.get("headline"), fonts), st["headline"]))
    main += [_rule(theme.accent, 1.2), *_summary(resume, st, fonts)]
    for section in main_sections:
        main += _section_flowables(section, st, fonts, rule=_rule(theme.accent, 0.4))
    doc.build([*sidebar, NextPageTemplate("later"), FrameBreak(), *main])


def _build_two_column(resume: Resume, buf: io.BytesIO, pagesize: Any, fonts: _Fonts) -> None:
    """A full-width header, then two equal columns that the text flows through."""
    theme = _Theme(body=9.0, accent=colors.HexColor("#5A2A27"))
    st = _styles(fonts, theme)
    pw, ph = pagesize
    margin, gap = 40.0, 22.0
    col_w = (pw - 2 * margin - gap) / 2
    head = [*_head_flowables(resume, st, fonts), _rule(theme.accent, 1.0)]
    head_h = _stack_height(head, pw - 2 * margin) + 14
    top = ph - margin - head_h
    doc = _doc(buf, resume, pagesize, margin)
    first = [
        Frame(margin, ph - margin - head_h, pw - 2 * margin, head_h, id="head"),
        Frame(margin, margin, col_w, top - margin, id="left"),
        Frame(margin + col_w + gap, margin, col_w, top - margin, id="right"),
    ]
    later = [
        Frame(margin, margin, col_w, ph - 2 * margin, id="left2"),
        Frame(margin + col_w + gap, margin, col_w, ph - 2 * margin, id="right2"),
    ]
    doc.addPageTemplates(
        [PageTemplate(id="first", frames=first), PageTemplate(id="later", frames=later)]
    )
    story: list = [*head, NextPageTemplate("later"), FrameBreak(), *_summary(resume, st, fonts)]
    for section in _sections(resume):
        story += _section_flowables(section, st, fonts, upper=True)
    doc.build(story)


def _build_header_split(resume: Resume, buf: io.BytesIO, pagesize: Any, fonts: _Fonts) -> None:
    """Name left and a contact block right at the top; stacked entry headings."""
    theme = _Theme(body=10.0, accent=colors.HexColor("#1B365D"))
    st = _styles(fonts, theme)
    doc = _doc(buf, resume, pagesize, 48)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    left: list = [Paragraph(_markup(resume.get("name"), fonts), st["name"])]
    if _s(resume.get("headline")):
        left.append(Paragraph(_markup(resume.get("headline"), fonts), st["headline"]))
    right = [
        Paragraph(escape(_clean(p, fonts)), st["contact_right"]) for p in _contact_parts(resume)
    ] or [Spacer(1, 1)]
    table = Table([[left, right]], colWidths=[doc.width * 0.58, doc.width * 0.42])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story: list = [table, Spacer(1, 6), _rule(theme.accent, 2.0), *_summary(resume, st, fonts)]
    for section in _sections(resume):
        story += _section_flowables(
            section,
            st,
            fonts,
            variant="stacked",
            upper=True,
            rule=_rule(colors.HexColor("#9AA7B8"), 0.5),
        )
    doc.build(story)


def pdf_bytes(
    resume: Resume, layout: str = "classic", *, font: str = "helvetica", paper: str = "A4"
) -> bytes:
    """Render a resume to PDF bytes (see :func:`to_pdf`)."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"unknown paper {paper!r}; expected one of {tuple(PAPER_SIZES)}")
    fonts = _fonts(font)
    pagesize = PAPER_SIZES[paper]
    buf = io.BytesIO()
    if layout == "classic":
        _build_classic(resume, buf, pagesize, fonts)
    elif layout in ("sidebar_left", "sidebar_right"):
        _build_sidebar(resume, buf, pagesize, fonts, layout.split("_")[1])
    elif layout == "two_column":
        _build_two_column(resume, buf, pagesize, fonts)
    elif layout == "header_split":
        _build_header_split(resume, buf, pagesize, fonts)
    else:
        raise ValueError(f"unknown layout {layout!r}; expected one of {PDF_LAYOUTS}")
    return buf.getvalue()


def to_pdf(
    resume: Resume,
    path: str | Path,
    layout: str = "classic",
    *,
    font: str = "helvetica",
    paper: str = "A4",
) -> Path:
    """Render a resume to a text PDF with reportlab and return its path.

    ``layout`` is one of :data:`PDF_LAYOUTS`:

    - ``classic``: one column, bold larger section headings, each job title on
      the left with its dates right-aligned on the same baseline.
    - ``sidebar_left`` / ``sidebar_right``: a narrow shaded column with contact,
      skills, languages (and similar short sections); the main column holds
      the name, summary, experience and education.
    - ``two_column``: a full-width header, then two equal columns.
    - ``header_split``: name left and contact block right at the top.

    ``font`` is one of :data:`FONT_FAMILIES` (standard Type 1 fonts or the
    bundled Vera TTF), ``paper`` one of :data:`PAPER_SIZES`. Text wraps and
    flows onto further pages; bullets are drawn as "•".
    """
    path = Path(path)
    path.write_bytes(pdf_bytes(resume, layout, font=font, paper=paper))
    return path


_PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def count_pdf_pages(data: bytes | str | Path) -> int:
    """Count the page objects of an (uncompressed-xref) PDF such as reportlab writes."""
    if not isinstance(data, bytes):
        data = Path(data).read_bytes()
    return len(_PAGE_RE.findall(data))


# --------------------------------------------------------------------------- scanned PDF


def _seed(resume: Resume) -> int:
    """A stable seed derived from the resume's content."""
    blob = json.dumps(resume, sort_keys=True, ensure_ascii=False, default=str)
    return zlib.crc32(blob.encode("utf-8"))


def _wrap_px(text: str, font: Any, width: float) -> list[str]:
    """Greedy word wrap to ``width`` pixels with a PIL font."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def _scan_pages(resume: Resume, dpi: int) -> list[Any]:
    """Paint the resume's lines onto greyscale page images (clean, before degradation)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab import rl_config

    def ttf(name: str, px: int) -> Any:
        for folder in rl_config.TTFSearchPath:
            candidate = Path(folder) / name
            if candidate.is_file():
                return ImageFont.truetype(str(candidate), px)
        return ImageFont.load_default(size=px)

    px = dpi / 72.0  # pixels per point
    w, h = int(595 * px), int(842 * px)
    margin = int(54 * px)
    regular, bold = ttf("Vera.ttf", int(10 * px)), ttf("VeraBd.ttf", int(10 * px))
    faces = {
        "name": ttf("VeraBd.ttf", int(20 * px)),
        "headline": ttf("Vera.ttf", int(12 * px)),
        "contact": ttf("Vera.ttf", int(8.5 * px)),
        "heading": ttf("VeraBd.ttf", int(12.5 * px)),
        "entry": bold,
    }
    pages: list[Any] = []
    img = draw = None
    y = 0

    def new_page() -> None:
        nonlocal img, draw, y
        img = Image.new("L", (w, h), 250)
        draw = ImageDraw.Draw(img)
        pages.append(img)
        y = margin

    new_page()
    for line in _lines(resume):
        if line.kind == "blank":
            y += int(7 * px)
            continue
        face = faces.get(line.kind, regular)
        indent = int(14 * px) if line.kind == "bullet" else 0
        text = _fit(line.text, _vera_ok)
        step = int(face.size * 1.3)
        wrapped = _wrap_px(text, face, w - 2 * margin - indent)
        if line.kind == "heading" and y + step * 3 > h - margin:
            new_page()
        for i, part in enumerate(wrapped):
            if y + step > h - margin:
                new_page()
            assert draw is not None
            if line.kind == "bullet" and i == 0:
                draw.text((margin + int(4 * px), y), "•", font=face, fill=20)
            draw.text((margin + indent, y), part, font=face, fill=20)
            y += step
    return pages


def _degrade(img: Any, rng: random.Random, dpi: int) -> Any:
    """Make a clean page look scanned: slight skew, blur and speckles."""
    from PIL import ImageDraw, ImageFilter

    img = img.rotate(rng.uniform(-0.6, 0.6), resample=3, fillcolor=246)  # 3 = BICUBIC
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(int(w * h / 4000)):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0, 0, 0, 1))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(90, 200))
    return img.filter(ImageFilter.GaussianBlur(0.55 * dpi / 100))


def to_scanned_pdf(resume: Resume, path: str | Path, *, dpi: int = 100) -> Path:
    """Render a resume as an image-only PDF (a "scan" with no text layer).

    The text is painted onto greyscale page images with the Vera TTF bundled
    with reportlab, skewed, speckled and blurred a little (seeded from the
    resume, so deterministic), JPEG-compressed and placed full-page. No text
    is drawn, so text extraction yields nothing.
    """
    rng = random.Random(_seed(resume))
    buf = io.BytesIO()
    canv = rl_canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    canv.setTitle("Scanned document")
    canv.setCreator("screener scripts/render.py")
    for page in _scan_pages(resume, dpi):
        jpeg = io.BytesIO()
        _degrade(page, rng, dpi).save(jpeg, format="JPEG", quality=55, optimize=True)
        jpeg.seek(0)
        canv.drawImage(ImageReader(jpeg), 0, 0, width=A4[0], height=A4[1])
        canv.showPage()
    canv.save()
    path = Path(path)
    path.write_bytes(buf.getvalue())
    return path


# --------------------------------------------------------------------------- broken PDF


def to_broken_pdf(resume: Resume, path: str | Path, *, keep: float = 0.6) -> Path:
    """Write a corrupted, truncated PDF of the resume (deterministically).

    The classic PDF is rendered, the ``startxref`` offset and the
    cross-reference table are scrambled, bytes are flipped inside the first
    page's content stream, and the file is cut at ``keep`` (60%) of its length,
    as an interrupted download or a damaged attachment would be.
    """
    data = bytearray(pdf_bytes(resume, "classic"))
    xref = data.rfind(b"\nxref")
    if xref > 0:  # scramble the offsets of the xref table
        for i in range(xref + 12, len(data) - 40, 7):
            if 48 <= data[i] <= 57:
                data[i] = 48 + (data[i] - 48 + 3) % 10
    startxref = data.rfind(b"startxref")
    if startxref > 0:
        data[startxref + 10 : startxref + 12] = b"99"
    contents = data.find(b"/Contents")
    start = data.find(b"stream", data.find(b"/Length", max(contents, 0)))
    if start > 0:  # flip bytes inside the first content stream
        end = data.find(b"endstream", start)
        for i in range(start + 12, end - 4, max(1, (end - start) // 24)):
            data[i] ^= 0x2A
    path = Path(path)
    path.write_bytes(bytes(data[: int(len(data) * keep)]))
    return path


# --------------------------------------------------------------------------- DOCX


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _deterministic_zip(blob: bytes) -> bytes:
    """Re-zip an OOXML package with fixed timestamps and member order."""
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 15, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _textbox_run(title: str, lines: Sequence[str], width_pt: float) -> Any:
    """A ``w:r`` holding a VML text box (``w:txbxContent``) with a title and lines."""
    from docx.oxml import parse_xml

    def para(text: str, bold: bool = False) -> str:
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return (
            f'<w:p><w:pPr><w:spacing w:after="40"/></w:pPr><w:r>{rpr}'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        )

    height = 16 * (len(lines) + 1) + 14
    body = para(title, bold=True) + "".join(para(line) for line in lines)
    xml = (
        f'<w:r xmlns:w="{_W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office">'
        "<w:pict>"
        f'<v:rect o:spid="_x0000_s1026" style="width:{width_pt:.0f}pt;height:{height}pt;'
        'mso-fit-shape-to-text:t" fillcolor="#EEF2F6" strokecolor="#9AA7B8" '
        'strokeweight=".5pt">'
        '<v:textbox style="mso-fit-shape-to-text:t" inset="6pt,4pt,6pt,4pt">'
        f"<w:txbxContent>{body}</w:txbxContent>"
        "</v:textbox></v:rect></w:pict></w:r>"
    )
    return parse_xml(xml)


def to_docx(resume: Resume, path: str | Path, style: str = "headings") -> Path:
    """Render a resume to DOCX with python-docx and return its path.

    ``style`` is one of :data:`DOCX_STYLES`:

    - ``headings``: name in the Title style, section titles as Heading 1,
      bullets in the List Bullet style, dates after a right tab stop.
    - ``bold``: no heading styles; name and section titles are bold runs.
    - ``table``: experience-like entries in a borderless two-column table
      (role, organisation and bullets left; dates right).
    - ``header``: the contact details live in the page header, not the body.
    - ``textbox``: skills-like sections sit in a VML text box
      (``w:txbxContent``), which python-docx's paragraph API does not see.
    """
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Pt, RGBColor

    if style not in DOCX_STYLES:
        raise ValueError(f"unknown DOCX style {style!r}; expected one of {DOCX_STYLES}")
    doc = Document()
    section = doc.sections[0]
    margin = Pt(54)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    text_width = section.page_width - section.left_margin - section.right_margin
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    props = doc.core_properties
    props.title = f"{_s(resume.get('name'))} - Resume"
    props.author = props.last_modified_by = _s(resume.get("name")) or "screener"
    props.created = props.modified = _FIXED_TIME
    props.revision = 1

    def heading(text: str, level: int) -> None:
        if style == "bold":
            p = doc.add_paragraph()
            run = p.add_run(text.upper() if level else text)
            run.bold = True
            run.font.size = Pt(20 if level == 0 else 12)
            p.paragraph_format.space_before = Pt(0 if level == 0 else 10)
        else:
            doc.add_heading(text, level=level)

    heading(_s(resume.get("name")), 0)
    if _s(resume.get("headline")):
        p = doc.add_paragraph()
        run = p.add_run(_s(resume.get("headline")))
        run.italic = True
        run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    contact = _contact_parts(resume)
    if contact and style == "header":
        section.header.is_linked_to_previous = False
        hp = section.header.paragraphs[0]
        hp.text = "  |  ".join(contact)
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif contact:
        doc.add_paragraph("  |  ".join(contact))
    if _s(resume.get("summary")):
        doc.add_paragraph(_s(resume.get("summary")))

    def bullet(container: Any, text: str) -> None:
        container.add_paragraph(text, style="List Bullet")

    for sec in _sections(resume):
        title = _s(sec.get("title"))
        if style == "textbox" and "items" in sec and _BOX_WORDS.search(title):
            items = _items(sec)
            lines = [", ".join(items)] if _items_inline(items) and len(items) > 8 else items
            anchor = doc.add_paragraph()
            anchor.paragraph_format.space_before = Pt(8)
            anchor._p.append(_textbox_run(title, lines, text_width / 12700 * 0.6))
            continue
        heading(title, 1)
        if "entries" in sec and style == "table":
            table = doc.add_table(rows=0, cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.LEFT
            table.autofit = False
            widths = (int(text_width * 0.74), int(text_width * 0.26))
            for column, width in zip(table.columns, widths, strict=True):
                column.width = width
            for entry in _entries(sec):
                left, right = table.add_row().cells
                left.width, right.width = widths
                p = left.paragraphs[0]
                p.add_run(_s(entry.get("title"))).bold = True
                if _entry_where(entry):
                    left.add_paragraph().add_run(_entry_where(entry)).italic = True
                if _entry_extra(entry):
                    left.add_paragraph(_entry_extra(entry))
                for b in _bullets(entry):
                    bullet(left, b)
                rp = right.paragraphs[0]
                rp.text = _s(entry.get("dates"))
                rp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            doc.add_paragraph()
        elif "entries" in sec:
            for entry in _entries(sec):
                p = doc.add_paragraph()
                p.paragraph_format.space_before = Pt(6)
                p.paragraph_format.keep_with_next = True
                p.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
                p.add_run(_s(entry.get("title"))).bold = True
                if _entry_where(entry):
                    p.add_run(f" — {_entry_where(entry)}")
                if _s(entry.get("dates")):
                    p.add_run("\t" + _s(entry.get("dates")))
                if _entry_extra(entry):
                    doc.add_paragraph(_entry_extra(entry))
                for b in _bullets(entry):
                    bullet(doc, b)
        elif "items" in sec:
            items = _items(sec)
            if items and _items_inline(items):
                doc.add_paragraph(", ".join(items))
            else:
                for item in items:
                    doc.add_paragraph(item)
        elif _s(sec.get("text")):
            doc.add_paragraph(_s(sec.get("text")))
    buf = io.BytesIO()
    doc.save(buf)
    path = Path(path)
    path.write_bytes(_deterministic_zip(buf.getvalue()))
    return path


def docx_text(path: str | Path) -> str:
    """All text of a DOCX, including tables, text boxes and headers (via the XML)."""
    texts: list[str] = []
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
        for name in ["word/document.xml", *names]:
            texts.extend(_xml_paragraphs(z.read(name)))
    return "\n".join(texts)


def _xml_paragraphs(xml: bytes) -> Iterator[str]:
    """The text of each ``w:p`` in an OOXML part (innermost paragraphs only)."""
    from lxml import etree

    root = etree.fromstring(xml)
    for p in root.iter(f"{{{_W_NS}}}p"):
        if p.find(f".//{{{_W_NS}}}p") is not None:
            continue  # a paragraph holding a text box: its inner paragraphs are yielded
        parts: list[str] = []
        for run in p.iter(f"{{{_W_NS}}}r"):
            for child in run:
                if child.tag == f"{{{_W_NS}}}t":
                    parts.append(child.text or "")
                elif child.tag in (f"{{{_W_NS}}}tab", f"{{{_W_NS}}}br"):
                    parts.append("\t" if child.tag.endswith("tab") else "\n")
        text = "".join(parts)
        if text.strip():
            yield text
