"""Work-history entries (title, organisation, dates, bullets).

Within each experience, projects or volunteering section, entry *headers*
are found first (:func:`header_flags`): a line carrying a date range (or a
lone date on a short line), a short line just above it (title or employer),
and a short line just after it (the two-line ``Title  dates`` / ``Org``
layout). A dated line may be long (up to twice ``HEADER_WORDS`` words)
when its dates stand apart at its end (``..., Online | Feb 2021 -
Present``). Consecutive header lines make one entry, except that a second
dated line starts the next one (jobs listed one per line). A line whose
only date has its day ("February 10, 2026 Byungjin Park | Résumé", a
running footer) is no header.  In a section with no dates at all, a short
line followed by bullets opens an entry when the line before it ends the
entry above (a bullet, a full stop or a blank line); such an undated header
takes a date range that ends its first body line (a right-hand date column
read beside the first bullet).  Every other line belongs to the entry above it,
whether or not it starts with a bullet glyph (PDFs made from HTML often draw
list bullets as graphics): a glyph line starts a new bullet, a line that
continues an unfinished sentence (or starts in lower case) is joined to the
previous bullet, and any other line is a bullet of its own.

The header text (dates removed) is cut into title and organisation by
:mod:`screener.nlp.header_fields`.  With no range, the dates are a date that
ends the header after a bar, else its first date.
"""

from __future__ import annotations

import functools
import re

from screener.nlp.dates import find_date_ranges, is_day, is_range
from screener.nlp.header_fields import ROLE, fields, title_org
from screener.nlp.sections import BULLET_RE, HEADER_WORDS, document_lines
from screener.types import DOING_SECTIONS, DateSpan, Document, Entry, Line, Section

__all__ = ["extract_entries", "header_ranges"]


_Found = list[tuple[int, int, DateSpan]]


def _dates(text: str, found: _Found | None = None) -> tuple[DateSpan | None, str]:
    """The first range (or single date) in ``text`` and the text without it.

    ``found`` is ``find_date_ranges(text)`` when the caller has it already.
    """
    if found is None:
        found = find_date_ranges(text)
    if not found:
        return None, text
    ranges = [f for f in found if is_range(f[2])]
    if ranges:
        a, b, span = ranges[0]
    else:  # "Participant — Brand Challenge 2022 | Oct 2022": the date field, not the name
        a, b, span = found[-1] if _point_field_last(text, found) else found[0]
    rest = (text[:a] + " " + text[b:]).strip()
    rest = re.sub(r"[(\[]\s*[)\]]", "", rest).strip(" |,–—-()[]\t")
    return span, rest


def _point_only(found: _Found) -> bool:
    """True when every date found in a line is a lone point ("in 2021"), not a range.

    A wrapped bullet line such as ``same week of 2021.`` mentions a year but
    is no entry header; a header carries a range (``2019 - 2021``).
    """
    return not any(is_range(span) for _a, _b, span in found)


def _bullet(text: str) -> str:
    return BULLET_RE.sub("", text, count=1).strip()


#: A sentence, not a header: "I also run", "we grew", "; since 2023 I...".
_PROSE = re.compile(
    r"\bI\s+(?!(?:at|in|of|for|and|with|to|on)\b)[a-z]{2,}|\b(?:we|my|our)\s+[a-z]|;\s+[a-z]"
)


#: What sets a date field apart at the end of a header line: "..., Online | Feb 2021 - Present".
_FIELD_MARKS = ("|", "(", "[", "—", "–", "·", "•", ",")


def _field_last(text: str, found: _Found, marks: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with its last date, set apart as its own field by one
    of ``marks``, a tab or three spaces."""
    a, b, _span = found[-1]
    if text[b:].strip(" )]\t"):
        return False
    return text[:a].rstrip(" \t").endswith(marks) or text[:a].endswith(("\t", "   "))


#: A remark in brackets that ends a line: "| Nov 2022 – Mar 2024 (Carnival 2023 & 2024)".
_TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def _dates_field_last(text: str, found: _Found) -> bool:
    """Whether ``text`` ends with a date range set apart as its own field (a remark
    in brackets after it aside)."""
    core = _TRAILING_NOTE.sub("", text)
    found = [f for f in found if f[1] <= len(core)]
    if not found:
        return False
    span = found[-1][2]
    return (span.ongoing or span.start != span.end) and _field_last(core, found, _FIELD_MARKS)


def _point_field_last(text: str, found: _Found) -> bool:
    """Whether ``text`` ends with a single date after a bar or tab, its own field
    ("Employee survey communication — Wusta Gateway Port Company SAOC | 2022")."""
    return _field_last(text, found, ("|",))


@functools.lru_cache(maxsize=16384)  # pure; asked twice per line (entries, header ranges)
def _dated_header(text: str) -> bool:
    """A line that carries an entry's dates: a range, or a lone date on a short line.

    A date with its day alone ("February 10, 2026 Byungjin Park | Résumé", a
    running footer) is the date a document was printed, not a job's.

    A line written as a sentence ("Till and stock; since 2023 I also run the
    shop's Instagram", wrapped from a bullet whose glyph the PDF drew as a
    graphic) is not a header, though "since 2023" reads as a range, unless it
    ends with a date range set apart ("Social Media VA — Self-employed; direct
    clients, Remote | Mar 2021 - Present").  A header
    may run to twice ``HEADER_WORDS`` words when it ends with a date range set
    apart as its own field ("Head Moderator (volunteer) — Pixel Harbor, an
    unofficial Discord for the game ..., Online | Feb 2021 - Present").
    """
    words = len(text.split())
    if BULLET_RE.match(text) or words > 2 * HEADER_WORDS:
        return False
    found = find_date_ranges(text)  # once, for the questions below
    if not found:
        return False
    # long, or written as a sentence: a header only with its dates set apart at its end
    if (words > HEADER_WORDS or _PROSE.search(text)) and not _dates_field_last(text, found):
        return False
    if not _point_only(found):
        return True
    if text.rstrip().endswith((".", ";", ",")) or _printed_on(text, found):
        return False
    _, rest = _dates(text, found)
    return len(rest.split()) <= 8 or _point_field_last(text, found)


def _printed_on(text: str, found: _Found | None = None) -> bool:
    """A line whose only dates have their day ("February 10, 2026 Byungjin Park |
    Résumé", a running footer): no title or employer of an entry.  ``found`` is
    ``find_date_ranges(text)`` when the caller has it already."""
    found = find_date_ranges(text) if found is None else found
    return bool(found) and all(is_day(span) for _a, _b, span in found)


def _short(text: str) -> bool:
    """At most 8 words (a lone "&", "|" or dash is no word), no closing punctuation."""
    words = sum(1 for w in text.split() if any(c.isalnum() for c in w))
    return words <= 8 and not text.rstrip().endswith((".", ";", ",", ":"))


def _continues(text: str) -> bool:
    """A line that opens with a lower-case word ("the approved reply templates")
    continues the bullet above it; a title or employer does not ("iOS Lead")."""
    words = text.split()
    return bool(words) and words[0].isalpha() and words[0].islower()


def header_flags(
    texts: list[str], dated: list[bool] | None = None, gaps: list[bool] | None = None
) -> list[bool]:
    """Which lines of a section body are entry headers (title, org, dates).

    Headers are found first, from the lines around dated lines, so that the
    lines of an entry belong to it whether or not they start with a bullet
    glyph (PDFs from HTML often draw list bullets as graphics). ``dated``
    (which lines carry an entry's dates) is computed when not given.
    ``gaps`` says which lines follow a blank line (:func:`_gaps_before`):
    in a section without dates, a blank line ends the entry above as a
    full stop does.
    """
    n = len(texts)
    dated = dated if dated is not None else [_dated_header(t) for t in texts]
    bullet = [bool(BULLET_RE.match(t)) for t in texts]
    flags = list(dated)
    for i in range(n):
        if flags[i] or bullet[i] or not _short(texts[i]) or _continues(texts[i]):
            continue
        if _printed_on(texts[i]):
            continue
        nxt = i + 1 < n
        above = nxt and dated[i + 1]
        after = i > 0 and dated[i - 1] and not (nxt and dated[i + 1])
        prev_done = (
            i == 0
            or bullet[i - 1]
            or texts[i - 1].rstrip().endswith((".", "!", "?"))
            or bool(gaps and gaps[i])
        )
        undated = nxt and bullet[i + 1] and prev_done and not any(dated)
        flags[i] = bool(above or after or undated)
    return flags


def _gaps_before(body: list[Line]) -> list[bool]:
    """Which of the non-blank lines ``body`` follow a blank line (offsets further apart
    than one line break)."""
    return [k > 0 and body[k].start - body[k - 1].end > 1 for k in range(len(body))]


def _entries_in(section: Section, lines: list[Line]) -> list[Entry]:
    body = [ln for ln in lines if section.start <= ln.start < section.end and ln.text.strip()]
    if body and section.title and body[0].text.strip().startswith(section.title[:20]):
        body = body[1:]
    texts = [ln.text.strip() for ln in body]
    dated = [_dated_header(t) for t in texts]
    flags = header_flags(texts, dated, _gaps_before(body))
    entries: list[Entry] = []
    i = 0
    while i < len(body):
        j, has_dates = i, False
        # a run of header lines is one entry, until a second dated line starts the next
        while j < len(body) and flags[j] and not (has_dates and dated[j]):
            has_dates = has_dates or dated[j]
            j += 1
        j = _own_header(texts, dated, i, j)
        head = [texts[k] for k in range(i, j)]
        entry = _open_entry(section, head, body[i].start)
        k = j
        while k < len(body) and not flags[k]:
            text = texts[k]
            if k == j and entry.dates is None and head:
                entry.dates, text = _dates_beside(text)
            _add_line(entry, text)
            entry.end = body[k].end
            k += 1
        if head or entry.bullets:
            entry.end = max(entry.end, body[max(j - 1, i)].end)
            entries.append(entry)
        i = k
    return entries


def _own_header(texts: list[str], dated: list[bool], i: int, j: int) -> int:
    """Where the header of the entry at line ``i`` ends, its run of header lines being
    ``i:j`` and a dated line of the next entry standing at ``j``.

    An entry without bullets runs into the next one's header. When its dates
    follow a title line ("FACEBOOK | SOFTWARE ENGINEER" / "Jan 2015 - Present"),
    the lines after its dates open the next entry ("COURSERA | KPCB FELLOW" /
    "June 2014 – Sep 2014"); when its dates come first, the lines after them
    are still its own ("Title | 2019 – 2021" / "Acme Corp").  A title line is
    one of several fields or with a job-title word: a lone word before the dates
    may be a heading the segmenter missed.
    """
    if j >= len(dated) or not dated[j]:
        return j
    first = next((k for k in range(i, j) if dated[k]), None)
    if first is None or not i < first < j - 1:
        return j
    titled = all(len(fields(t)) > 1 or ROLE.search(t) for t in texts[i:first])
    return first + 1 if titled else j


def _dates_beside(text: str) -> tuple[DateSpan | None, str]:
    """A date range that ends the first line under an undated header, and the line
    without it: a right-hand date column read beside the first bullet ("- Built the
    inference stack serving 2M requests June 2023 – present")."""
    found = find_date_ranges(text)
    if not found:
        return None, text
    a, b, span = found[-1]
    if not is_range(span) or text[b:].strip() or not text[:a].endswith((" ", "\t")):
        return None, text
    return span, text[:a].rstrip()


def _open_entry(section: Section, head: list[str], start: int) -> Entry:
    span = None
    parts = []
    for text in head:
        found, rest = _dates(text)
        if found is not None and span is None:
            span = found
            text = rest
        if text:
            parts.append(text)
    title, org = title_org(parts)
    return Entry(section=section.kind, title=title, org=org, dates=span, start=start, end=start)


def _add_line(entry: Entry, text: str) -> None:
    if BULLET_RE.match(text) and len(text) > 2:
        entry.bullets.append(_bullet(text))
        return
    last = entry.bullets[-1].rstrip() if entry.bullets else ""
    if last and (text[:1].islower() or not last.endswith((".", "!", "?"))):
        entry.bullets[-1] = f"{last} {text}"
    else:
        entry.bullets.append(text)


def extract_entries(document: Document, sections: list[Section]) -> list[Entry]:
    """Find the entries of every experience, projects or volunteering section.

    Parameters
    ----------
    document : Document
        The document the sections were cut from.
    sections : list of Section
        The output of :func:`screener.nlp.segment`.

    Returns
    -------
    list of Entry
        Entries in reading order with ``section`` set to the section kind.
    """
    lines = document_lines(document)
    out: list[Entry] = []
    for section in sections:
        if section.kind in DOING_SECTIONS:
            out.extend(_entries_in(section, lines))
    return out


def header_ranges(document: Document, sections: list[Section]) -> list[tuple[int, int]]:
    """Character ranges of heading lines and entry header lines (title, org, dates).

    Evidence is read from what the person did, not from job titles or
    employer names, so these lines are skipped by the evidence layer.
    """
    lines = [ln for ln in document_lines(document) if ln.text.strip()]
    out: list[tuple[int, int]] = []
    for section in sections:
        if section.title:
            head = next((ln for ln in lines if ln.start >= section.start), None)
            if head is not None and head.start < section.end:
                out.append((head.start, head.end))
        if section.kind not in DOING_SECTIONS:
            continue
        body = [ln for ln in lines if section.start <= ln.start < section.end]
        flags = header_flags([ln.text.strip() for ln in body], gaps=_gaps_before(body))
        out += [(ln.start, ln.end) for ln, flag in zip(body, flags) if flag]
    return sorted(set(out))
