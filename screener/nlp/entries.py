"""Work-history entries (title, organisation, dates, bullets).

Within each experience, projects or volunteering section, a line that is not
a bullet and carries a date range is an entry header; a short non-bullet line
just above it (not yet used) is taken as the rest of the header, so both
``Title — Org, City | Mar 2019 - Present`` and the two-line ``Org`` /
``Title   2019-2021`` layouts work.  A non-bullet line with no date, followed
by bullets, also opens an entry (dates None).  Bullet lines, and wrapped
continuations of them (a line starting in lower case, or following a bullet
that does not end a sentence), are the entry's bullets; long prose lines
under a header count as bullets too.

The header text (dates removed) is split on ``|``, dashes, `` at ``, ``@``
and commas; the part with a job-title word is the title and the next part
the organisation (else: first part title, second org).
"""

from __future__ import annotations

import re

from screener.nlp.dates import find_date_ranges
from screener.nlp.sections import BULLET_RE, document_lines
from screener.types import DOING_SECTIONS, DateSpan, Document, Entry, Line, Section

__all__ = ["extract_entries", "header_ranges", "split_header"]

#: A dated line longer than this is prose about the job, not its header.
_HEADER_WORDS = 18
_SPLIT = re.compile(r"\s+[|—–]\s+|\s+-\s+|\s+at\s+|\s+@\s+|\s*\|\s*|,\s+|\t+|\s{3,}")
_ROLE = re.compile(
    r"\b(manager|lead|specialist|coordinator|director|executive|officer|assistant|intern|"
    r"analyst|head|associate|consultant|designer|agent|representative|strategist|editor|"
    r"writer|creator|producer|supervisor|founder|owner|volunteer|member|president|chair|"
    r"ambassador|administrator|planner|buyer|advisor|adviser|trainee|staff|nurse|cook|chef|"
    r"barista|accountant|engineer|developer|teacher|tutor|officer|vp|cmo|ceo)\b",
    re.IGNORECASE,
)


def _dates(text: str) -> tuple[DateSpan | None, str]:
    """The first range (or single date) in ``text`` and the text without it."""
    found = find_date_ranges(text)
    if not found:
        return None, text
    ranges = [f for f in found if f[2].ongoing or f[2].start != f[2].end]
    a, b, span = (ranges or found)[0]
    rest = (text[:a] + " " + text[b:]).strip()
    rest = re.sub(r"[(\[]\s*[)\]]", "", rest).strip(" |,–—-()[]\t")
    return span, rest


_RANGE_MARK = re.compile(r"[-–—~→]|\b(?:to|until|till|through|thru|since|present|now)\b", re.I)


def _point_only(text: str) -> bool:
    """True when every date in ``text`` is a lone point ("in 2021"), not a range.

    A wrapped bullet line such as ``same week of 2021.`` mentions a year but
    is no entry header; a header carries a range (``2019 - 2021``).
    """
    return all(not _RANGE_MARK.search(text[a:b]) for a, b, _ in find_date_ranges(text))


def split_header(text: str) -> tuple[str, str]:
    """Split a header (dates already removed) into ``(title, org)``."""
    parts = [p.strip(" ,|–—-") for p in _SPLIT.split(text) if p and p.strip(" ,|–—-")]
    if not parts:
        return "", ""
    for i, part in enumerate(parts):
        if _ROLE.search(part):
            org = parts[i + 1] if i + 1 < len(parts) else (parts[i - 1] if i else "")
            return part, org
    return parts[0], parts[1] if len(parts) > 1 else ""


def _bullet(text: str) -> str:
    return BULLET_RE.sub("", text, count=1).strip()


def _entries_in(section: Section, lines: list[Line]) -> list[Entry]:
    entries: list[Entry] = []
    pending: list[Line] = []
    current: Entry | None = None
    last_bullet = False
    body = [ln for ln in lines if section.start <= ln.start < section.end and ln.text.strip()]
    if body and section.title and body[0].text.strip().startswith(section.title[:20]):
        body = body[1:]
    for ln in body:
        text = ln.text.strip()
        if BULLET_RE.match(text) and len(text) > 2:
            if current is None:
                title, org = split_header(" ".join(p.text.strip() for p in pending))
                current = Entry(section=section.kind, title=title, org=org, start=ln.start)
                current.start = pending[0].start if pending else ln.start
                entries.append(current)
                pending = []
            current.bullets.append(_bullet(text))
            current.end = ln.end
            last_bullet = True
            continue
        span, rest = _dates(text)
        dated = span is not None and (span.ongoing or span.start != span.end or not rest)
        wraps = (
            current is not None
            and last_bullet
            and current.bullets
            and (text[:1].islower() or not current.bullets[-1].rstrip().endswith((".", "!", "?")))
        )
        if wraps and (not dated or _point_only(text)) and len(text.split()) > 3:
            current.bullets[-1] = f"{current.bullets[-1]} {text}"
            current.end = ln.end
            continue
        if dated:
            head = rest or ""
            if len(head.split()) <= 2 and pending:
                head = " ".join([*(p.text.strip() for p in pending), head]).strip()
            elif pending and len(pending) == 1 and len(pending[0].text.split()) <= 8:
                head = f"{pending[0].text.strip()} | {head}"
            title, org = split_header(head)
            start = pending[0].start if pending else ln.start
            current = Entry(section=section.kind, title=title, org=org, dates=span, start=start)
            current.end = ln.end
            entries.append(current)
            pending, last_bullet = [], False
        elif current is not None and not current.bullets and len(text.split()) <= 8:
            if _ROLE.search(text) and not _ROLE.search(current.title):
                current.org, current.title = current.title, text
            elif not current.org:
                current.org = text
            current.end = ln.end
        elif (current is not None and not current.bullets) or (
            current is not None and current.bullets and len(text.split()) > 12
        ):
            current.bullets.append(text)
            current.end, last_bullet = ln.end, True
        else:
            if last_bullet or current is None or current.bullets:
                current = None
            pending.append(ln)
            last_bullet = False
    return entries


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
        for i, ln in enumerate(body):
            text = ln.text.strip()
            if BULLET_RE.match(text):
                continue
            nxt = body[i + 1].text.strip() if i + 1 < len(body) else ""
            words = len(text.split())
            dated = words <= _HEADER_WORDS and bool(find_date_ranges(text))
            above = words <= 8 and nxt and not BULLET_RE.match(nxt) and find_date_ranges(nxt)
            if dated or above:
                out.append((ln.start, ln.end))
    return sorted(out)
