"""Section segmentation: split a resume into typed sections.

A line is a heading when its words name a known section (vocabulary) and it
looks like a heading (layout).  Vocabulary: an exact synonym (``Work
History``, ``Core Competencies``, ``What I've done``...) or a keyword
(``...experience``, ``...skills``).  Layout cues: larger font than the body,
bold, ALL CAPS, Title Case, a trailing colon, a short line standing alone.
An exact synonym needs no cue; a keyword match needs one cue and no job-title
word (so ``Customer Experience Manager`` stays a job title).  Lines whose
words name no section become ``other`` headings only with strong layout (a
font at least 15% larger than the body, or ALL CAPS with a colon).  Letter
spaced headings (``E X P E R I E N C E``, ``EXPERI ENCE``) are matched with
their spaces removed.  ``Skills: Hootsuite, Canva`` (a known heading, a colon
and content on the same line) starts a section too.  No heading starts on a
line that wraps a bullet above it (a PDF's hanging indent: a bullet's "...
Results: first response ..." broken before "Results:", or "... name badges
and CPD" / "certificates").

Documents with fonts (PDF, DOCX): when at least two vocabulary headings
share a look (font size to the half point, bold, ALL CAPS), one of them
listed word for word and the other listed too or in a font at least a tenth
larger than the body ("Teaching Experience" beside "Education"), that look defines
the headings: a vocabulary line is a heading in that look (or in CAPS or a
larger font), not in another (a bold job title ``Volunteer``); an unknown
short line in that look is a heading when the look is CAPS or larger than
the body, typed by the lines under it like an unnamed plain-text heading
(else ``other``).  The "unnamed heading" rule below is for plain text,
and so is its counterpart of the shared look: in plain text whose
vocabulary headings include two ALL CAPS lines, an unknown ALL CAPS line
with blank lines around it is a heading typed by the lines under it.

Compound headings (``Certifications & Activities``, ``Skills and
Interests``) take the kind of their first recognised part; a heading with an
explicit synonym (``Leadership & Activities`` -> volunteering) uses it.

Text before the first heading is ``contact`` and ``summary`` prose, and so
is the head of a main column read after a sidebar (:mod:`screener.nlp.lead`).
A resume with no heading at all is read as contact, an optional summary, then
``experience`` from the first line with a date range or a bullet (with the
line just above it when that is a short job title); later entry lines that
name a degree or school start ``education`` (not a prose line of more than
``HEADER_WORDS`` words that mentions a university).  When no experience, projects
or volunteering section is found but a summary of 120+ words is, that prose
is the work history and is typed ``experience`` (a narrative resume).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from screener.nlp.dates import find_date_ranges
from screener.nlp.headings import INLINE_KINDS, ROLE_WORDS, heading_kind
from screener.nlp.lead import lead_sections, main_column_start
from screener.types import DOING_SECTIONS, Document, Line, Section

__all__ = ["BULLET_RE", "HEADER_WORDS", "document_lines", "heading_kind", "segment"]

#: A summary this long in a resume with no experience section is the work history.
_PROSE_WORDS = 120
#: A dated line longer than this is prose about the job, not an entry's header.
HEADER_WORDS = 18
BULLET_RE = re.compile(r"^\s*(?:[-–—•*▪◦●·►■✓➢>‣⁃]|o\s)\s*")
_EDU_RE = re.compile(r"\b(university|college|school|institute|b\.?a|b\.?sc|m\.?a|msc|mba|"
                     r"bachelor|master|diploma|degree|phd|ncea|gcse|a-levels)\b", re.I)  # fmt: skip


#: Compiled once: these run on every line of every resume.
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z &/']{1,30}):\s+(\S.*)$")
_NOT_LETTER = re.compile(r"[^A-Za-z]")
_DIGIT = re.compile(r"\d")
#: Kinds whose listed headings are never a job title or a heading inside a job
#: ("Volunteer", "Key Achievements" are), so bold is look enough for them.
_LIST_KINDS = frozenset({"skills", "languages", "interests", "references"})
#: A look whose font is at least this many times the body's stands out as a heading's.
_LOUD = 1.1


def document_lines(document: Document) -> list[Line]:
    """Lines of ``document`` with offsets into its text (derived from text when needed)."""
    lines = [ln for ln in document.lines if ln.end > ln.start or ln.text]
    if lines:
        return lines
    out, pos = [], 0
    for raw in document.text.split("\n"):
        out.append(Line(text=raw, start=pos, end=pos + len(raw)))
        pos += len(raw) + 1
    return out


def _clean(text: str) -> str:
    return text.strip().strip("#=_*•▪■►|:-–— \t").strip()


def _heading(line: Line, alone: bool, body: float | None, seen: bool) -> tuple[str | None, bool]:
    """Return ``(kind, inline)`` when ``line`` is a heading, else ``(None, False)``."""
    raw = line.text.strip()
    if not raw or BULLET_RE.match(raw) or len(raw) > 60 or "@" in raw:
        return None, False
    m = _INLINE_HEADING.match(raw)
    if m:
        kind, exact = heading_kind(m.group(1))
        return (kind, True) if kind in INLINE_KINDS and exact else (None, False)
    if " | " in raw:
        return _bilingual(raw), False
    text = _clean(raw)
    words = text.split()
    letters = _NOT_LETTER.sub("", text)
    spaced = len(words) >= 4 and sum(len(w) == 1 for w in words) >= len(words) * 0.6
    if not letters or _DIGIT.search(text) or (len(words) > 6 and not spaced):
        return None, False
    if raw.endswith(".") or " — " in raw:  # lines with " | " were settled above
        return None, False
    kind, exact = heading_kind(text)
    larger = bool(body and line.font_size and line.font_size >= body * 1.15)
    caps = _caps(text)
    titled = all(w[:1].isupper() for w in words if len(w) > 3 and w.isalpha())
    cues = larger or line.bold or caps or titled or raw.endswith(":") or alone
    if kind and (exact or cues):
        return kind, False
    if not kind and seen and len(words) <= 5 and (larger or (caps and raw.endswith(":"))):
        return "other", False
    if not kind and seen and alone and len(words) <= 5 and (caps or titled) and raw[-1:].isalpha():
        return "?", False
    return None, False


def _bilingual(raw: str) -> str | None:
    """``Experiência Profissional | Professional Experience``: the same heading in two or
    three languages. A kind when one part is a listed heading and no part names another."""
    parts = [_clean(p) for p in raw.split(" | ")]
    if len(parts) > 3 or any(not p or len(p.split()) > 4 or re.search(r"[\d@]", p) for p in parts):
        return None
    found = [heading_kind(p) for p in parts]
    kinds = {k for k, _exact in found if k}
    return kinds.pop() if len(kinds) == 1 and any(exact for _k, exact in found) else None


def _style(line: Line) -> tuple[float, bool, bool] | None:
    """Font size (to the half point), bold and ALL CAPS of a line with font info."""
    if not line.font_size:
        return None
    letters = _NOT_LETTER.sub("", line.text)
    return round(line.font_size * 2) / 2, line.bold, bool(letters) and letters.isupper()


_Style = tuple[float, bool, bool]


def _heading_style(heads: list[tuple[Line, str, bool]], body: float | None) -> set[_Style] | None:
    """Looks shared by at least two vocabulary headings (PDF/DOCX), or None.

    One of them must be a listed heading word for word ("Education"); the
    other may name its kind by a keyword ("Teaching Experience") when the
    look's font is at least ``_LOUD`` times the body's (``body``): bold lines
    at body size are job titles as often as headings ("Volunteer Swim Coach").
    """
    styles: Counter[_Style] = Counter()
    listed: set[_Style] = set()
    for line, kind, inline in heads:
        st = _style(line)
        if inline or kind == "other" or st is None:
            continue
        if _listed(line):
            listed.add(st)
        elif not (body and st[0] >= body * _LOUD):
            continue
        styles[st] += 1
    shared = {st for st, n in styles.items() if n >= 2 and st in listed}
    return shared or None


def _listed(line: Line) -> bool:
    """Whether the line is a listed heading word for word ("Skills", not "Core Skills")."""
    return heading_kind(_clean(line.text))[1]


def _styled_heads(
    lines: list[Line], heads: list[tuple[Line, str, bool]], styles: set[_Style], body: float
) -> list[tuple[Line, str, bool]]:
    """Headings of a document whose headings share a look.

    A vocabulary line is a heading in a heading look, or in ALL CAPS or a
    larger font; in another look (a bold job title ``Volunteer``) it is not,
    except a listed heading of a ``_LIST_KINDS`` kind in bold ("Skills" in a
    sidebar or text box with a look of its own).
    An unknown short line in a heading look that is ALL CAPS or larger than
    the body is a heading typed by the lines under it (``experience`` over a
    dated entry with bullets, as in plain text), else ``other``. A line with
    no look to compare is a heading only when it is a listed one: "Accra
    Digital Skills Hub", an employer under a certificate, names a kind by a
    keyword alone.
    """
    found = {h[0].start: h for h in heads}
    out: list[tuple[Line, str, bool]] = []
    for i, line in enumerate(lines):
        head = found.get(line.start)
        st = _style(line)
        if head is not None and (head[2] or (st is None and _listed(line))):
            out.append(head)
            continue
        if st is None:
            continue
        if head is not None and head[1] in _LIST_KINDS and st[1] and _listed(line):
            out.append(head)
            continue
        loud = st[2] or st[0] >= body * _LOUD
        styled = any(abs(st[0] - h[0]) <= 0.6 and st[1:] == h[1:] for h in styles)
        if head is not None and head[1] != "other" and (styled or loud):
            out.append(head)
            continue
        text = _clean(line.text)
        if not styled or not loud or not text or len(text.split()) > 6:
            continue
        if re.search(r"[\d@]", text) or line.text.strip().endswith((".", ",")):
            continue
        kind = heading_kind(text)[0] or _unnamed_kind(line, lines[i + 1 : i + 4])
        out.append((line, kind, False))
    return out


def _unnamed_kind(line: Line, following: list[Line]) -> str:
    """An unknown heading set apart by its look is typed by the lines under it
    (:func:`_content_kind`), as in plain text: ``GAA`` over a dated role with
    bullets is experience; anything else stays ``other`` (``Board &
    Community`` over a school's board seat is not education)."""
    kind = _content_kind(line, following)
    return "experience" if kind == "experience" else "other"  # a school there: board seats


def _body_size(lines: list[Line]) -> float | None:
    sizes = [ln.font_size for ln in lines if ln.font_size for _ in range(len(ln.text) // 10 + 1)]
    return statistics.median(sizes) if sizes else None


def _is_entry_line(line: Line) -> bool:
    text = line.text.strip()
    if not text:
        return False
    if BULLET_RE.match(text):
        return True
    return any(span.ongoing or span.start != span.end for _a, _b, span in find_date_ranges(text))


def _no_headings(lines: list[Line], text_len: int) -> list[Section]:
    first = next((i for i, ln in enumerate(lines) if _is_entry_line(ln)), None)
    if first is None:
        return lead_sections(lines, text_len, text_len) or [
            Section(kind="other", title="", start=0, end=text_len)
        ]
    if first > 0:
        prev = lines[first - 1].text.strip()
        if prev and len(prev.split()) <= 8 and not BULLET_RE.match(prev):
            first -= 1
    start = lines[first].start
    out = lead_sections(lines, start, text_len)
    kind = "experience"
    out.append(Section(kind=kind, title="", start=start, end=text_len))
    for ln in lines[first + 1 :]:
        text = ln.text.strip()
        if (
            not text
            or BULLET_RE.match(text)
            or len(text.split()) > HEADER_WORDS
            or not _EDU_RE.search(text)
        ):
            continue
        if find_date_ranges(text) and kind != "education":
            out[-1].end = ln.start
            kind = "education"
            out.append(Section(kind=kind, title="", start=ln.start, end=text_len))
    return out


def _content_kind(line: Line, following: list[Line]) -> str | None:
    """Kind of an unnamed heading from the lines under it.

    A dated entry under it (dates on its first or second line):
    ``experience`` when bullets follow (``education`` when it names a
    school); a bullet: not a heading (a job title line); anything else:
    ``other`` unless the line itself reads like a job title.
    """
    texts = [ln.text.strip() for ln in following if ln.text.strip()]
    if not texts or BULLET_RE.match(texts[0]):
        return None
    # the entry's dates on its first line, or on the second (title, then dates)
    dated = next((k for k, t in enumerate(texts[:2]) if find_date_ranges(t)), None)
    if dated is not None and not (dated and BULLET_RE.match(texts[dated])):
        if any(_EDU_RE.search(t) for t in texts[: dated + 1]):
            return "education"
        return "experience" if any(BULLET_RE.match(t) for t in texts[dated + 1 :]) else "other"
    return None if ROLE_WORDS.search(line.text.lower()) else "other"


def _continues_bullet(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` wraps the text of a bullet above it in the same paragraph:
    it stands right of the bullet line's left edge (a PDF's hanging indent)."""
    box = lines[i].bbox
    if box is None:
        return False
    for j in range(i - 1, max(i - 8, -1), -1):
        above = lines[j]
        if above.end + 1 != lines[j + 1].start or not above.text.strip():
            return False  # a blank line or a block break: another paragraph
        if BULLET_RE.match(above.text):
            return above.bbox is not None and box.x0 > above.bbox.x0 + 1
    return False


def _caps(text: str) -> bool:
    letters = _NOT_LETTER.sub("", text)
    return len(letters) > 2 and letters.isupper()


def _caps_look_heads(
    lines: list[Line], heads: list[tuple[Line, str, bool]], deferred: list[int]
) -> list[tuple[Line, str, bool]]:
    """Plain text whose headings are ALL CAPS lines standing alone: the text's "look".

    When at least two vocabulary headings are ALL CAPS, an unknown ALL CAPS
    line with blank lines around it (``PERSONAL CHANNELS``) is a heading
    too, typed by what stands under it (see :func:`_content_kind`): bullets
    under it make it an employer or job title line, not a heading.  The
    rule for fonts is ``_styled_heads``.
    """
    caps = sum(1 for line, kind, inline in heads if not inline and kind != "other"
               and _caps(line.text))  # fmt: skip
    if caps < 2 or not deferred:
        return heads
    extra = [
        (lines[i], kind, False)
        for i in deferred
        for kind in [_content_kind(lines[i], lines[i + 1 : i + 5])]
        if kind
    ]
    return sorted([*heads, *extra], key=lambda h: h[0].start)


def segment(document: Document) -> list[Section]:
    """Split ``document`` into consecutive typed sections.

    Parameters
    ----------
    document : Document
        A document from ``screener.extraction`` or ``Document.from_text``.

    Returns
    -------
    list of Section
        Sections in reading order that together cover ``document.text``;
        each has a canonical ``kind`` (one of ``SECTION_KINDS``), the heading
        text as ``title`` ("" when inferred), character offsets and page.
    """
    text_len = len(document.text)
    lines = document_lines(document)
    body = _body_size(lines)
    heads: list[tuple[Line, str, bool]] = []
    deferred: list[int] = []
    text = document.text
    block_starts = {b.start for b in document.blocks} | {b.end for b in document.blocks}
    for i, line in enumerate(lines):
        before = i > 0 and (
            line.start in block_starts
            or not lines[i - 1].text.strip()
            or text[max(0, line.start - 2) : line.start] == "\n\n"
        )
        after = i + 1 >= len(lines) or (
            line.end in block_starts
            or not lines[i + 1].text.strip()
            or text[line.end : line.end + 2] == "\n\n"
        )
        kind, inline = _heading(line, before or after, body, bool(heads))
        if kind and not before and _continues_bullet(lines, i):
            kind, inline = None, False  # a wrapped bullet: "Results: ...", "certificates"
        if kind == "?" and before and after and body is None and _caps(line.text):
            deferred.append(i)
            kind = None
        elif kind == "?":
            ok = before and not after and body is None
            kind = _content_kind(line, lines[i + 1 : i + 4]) if ok else None
        elif kind == "other":
            kind = _unnamed_kind(line, lines[i + 1 : i + 4])
        if kind:
            heads.append((line, kind, inline))
    heads = _caps_look_heads(lines, heads, deferred)
    styles = _heading_style(heads, body)
    if styles is not None and body:
        heads = _styled_heads(lines, heads, styles, body)
    heads_: list[tuple[Line, str]] = [(h[0], h[1]) for h in heads]
    if not heads_:
        sections = _no_headings(lines, text_len)
    else:
        sections = lead_sections(lines, heads_[0][0].start, text_len)
        main = main_column_start(document, body, heads_[0][0].start)
        for j, (line, kind) in enumerate(heads_):
            end = heads_[j + 1][0].start if j + 1 < len(heads_) else text_len
            title = _clean(line.text.split(":")[0]) if ":" in line.text else _clean(line.text)
            if main is not None and line.start < main < end:  # a sidebar read first
                sections.append(Section(kind=kind, title=title, start=line.start, end=main))
                sections += lead_sections(lines, end, text_len, begin=main)
                continue
            sections.append(Section(kind=kind, title=title, start=line.start, end=end))
    if not any(s.kind in DOING_SECTIONS for s in sections):
        prose = [s for s in sections if s.kind == "summary"]
        if prose:
            longest = max(prose, key=lambda s: s.end - s.start)
            if len(document.text[longest.start : longest.end].split()) >= _PROSE_WORDS:
                longest.kind = "experience"
    for section in sections:
        section.page = document.page_at(section.start)
    return sections
