"""``analyze``: sections, entries, evidence and agency for one document.

Where evidence stands
    Every span gets the kind of the section it starts in, its page, offsets
    into ``Document.text`` and ``claimed_only`` (True unless the section kind
    is in ``DOING_SECTIONS``).  Heading lines and entry header lines (job
    title, employer, dates) give no dimension evidence: a job titled
    "Community Manager" is not community management until a bullet says so.

Consumer use
    ``consumer_use`` spans (personal account, avid user, digital native...)
    go to ``Analysis.consumer_signals``; a ``PLATFORM`` listed under
    Interests/Hobbies is a consumer signal too, and dimension spans in an
    interests section are dropped (Instagram as a hobby is not marketing).
    Dimension spans in the same clause as a personal consumer signal (one
    whose pattern id does not start with ``club``) are dropped: "grew my
    personal account to 20k followers" is not marketing work.

Tools and platforms
    A ``TOOL`` named in a doing section (not office or work-management
    software) is also ``technical`` evidence; so are the ``PLATFORM`` names
    of the doing sections when the work runs on at least
    ``PLATFORMS_FOR_TECHNICAL`` (3) different platforms (knowing how people
    use several platforms is technical know-how; one Instagram is not).

Which evidence counts for ``Analysis.dimensions`` (``Evidence.counts``)
    Evidence counts when all hold:

    1. it stands in a doing section (``claimed_only`` is False);
    2. it is not someone else's: its clause is not a hand-off (passed,
       forwarded, flagged, routed, escalated *to* someone), and it does not
       start at a verb whose subject is someone else ("managers who reply",
       "the dashboard the analyst owns");
    3. its agency is not ``support``, or its dimension is in
       ``EXECUTION_DIMENSIONS`` (marketing_communications, technical), or it
       is a replying phrase (pattern id ``customer_engagement/reply``):
       posting from someone else's calendar still evidences marketing and
       answering with Legal's approved replies still evidences customer
       engagement, but pulling numbers for the analyst's dashboard is not
       analytics, sitting in on someone else's interviews is not
       psychology, and a budget the director manages is not business
       strategy;
    4. it has a social or digital context: its entry (or section, outside
       entries) names a platform, a social/digital tool, or a word such as
       social, digital, online, content, campaign, marketing, brand, media,
       followers, comments.  Customer terms (complaints, customer service,
       angry customers: pattern id ``customer_engagement/customer``) need
       none.  Leading a ward team is not business strategy for a social
       role; handling complaints at a counter is still customer engagement.

    ``Analysis.dimensions`` lists the dimensions with at least one counting
    evidence span.  Support-level evidence that does not count is still
    reported (with ``agency="support"``) for the classifier and for people.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import re
from typing import Any

from screener.nlp.dates import experience_months
from screener.nlp.entries import extract_entries, header_ranges
from screener.nlp.sections import BULLET_RE, segment
from screener.types import (
    CONSUMER_USE,
    DIMENSIONS,
    DOING_SECTIONS,
    Analysis,
    Document,
    Entry,
    Evidence,
    Section,
)

__all__ = ["EXECUTION_DIMENSIONS", "analyze", "default_nlp"]

EXECUTION_DIMENSIONS = frozenset({"marketing_communications", "technical"})
#: Support-level work that still evidences its dimension: talking to customers oneself.
EXECUTION_PATTERNS = ("customer_engagement/reply",)
_DIGITAL = re.compile(
    r"\b(social|digital|online|web|website|internet|e-?mail|newsletters?|content|communit(y|ies)|"
    r"campaigns?|marketing|brand(s|ing)?|pr|press|media|comms|communications?|followers|posts?|"
    r"posting|influencers?|creators?|ads|advertising|seo|apps?|e-?commerce|videos?|reels|blogs?|"
    r"podcasts?|dms?|inbox|chat|hashtags?|audience|listening|comments|tweets|reviews)\b",
    re.IGNORECASE,
)
_NOT_TECHNICAL = frozenset({"office", "work"})
#: Tool kinds that are no sign of social or digital work on their own (BI, code, office).
_NOT_DIGITAL = frozenset({"office", "work", "bi", "code"})
#: Running this many different platforms in the work itself evidences technical know-how.
PLATFORMS_FOR_TECHNICAL = 3
_NLP: Any = None


def _context_free(ev: Evidence) -> bool:
    """Customer terms (complaints, customer service...) count without a digital context."""
    return ev.pattern_id == "customer_engagement/customer"


def _in(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < ranges[i][1]


def default_nlp() -> Any:
    """The default pipeline, built once per process."""
    global _NLP
    if _NLP is None:
        from screener.nlp.pipeline import build_nlp

        _NLP = build_nlp()
    return _NLP


class _Where:
    """Lookups by character offset: section, entry scope, page, header lines."""

    def __init__(self, document: Document, sections: list[Section], entries: list[Entry]):
        self.document = document
        self.sections = sections
        self.starts = [s.start for s in sections]
        self.entries = entries
        self.entry_starts = [e.start for e in entries]
        blocks = document.blocks
        self.block_starts = [b.start for b in blocks]
        self.block_pages = [b.page for b in blocks]
        self.headers = header_ranges(document, sections)
        self.header_starts = [h[0] for h in self.headers]
        self._digital: dict[tuple[int, int], bool] = {}
        self.context_spans: list[int] = []

    def kind(self, offset: int) -> str:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sections[i].kind if i >= 0 else "other"

    def page(self, offset: int) -> int:
        i = bisect.bisect_right(self.block_starts, offset) - 1
        return self.block_pages[max(i, 0)] if self.block_pages else 1

    def in_header(self, offset: int) -> bool:
        i = bisect.bisect_right(self.header_starts, offset) - 1
        return i >= 0 and offset < self.headers[i][1]

    def scope(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.entry_starts, offset) - 1
        if i >= 0 and offset <= self.entries[i].end:
            return self.entries[i].start, self.entries[i].end
        j = bisect.bisect_right(self.starts, offset) - 1
        if j >= 0:
            return self.sections[j].start, self.sections[j].end
        return 0, len(self.document.text)

    def digital(self, offset: int) -> bool:
        scope = self.scope(offset)
        if scope not in self._digital:
            a, b = scope
            anchored = any(a <= o < b for o in self.context_spans)
            self._digital[scope] = anchored or bool(_DIGITAL.search(self.document.text, a, b))
        return self._digital[scope]


_SENTENCE_END = (".", "!", "?", ":", ";")


def _unwrap(text: str, where: _Where) -> str:
    """The text with line-wrap breaks inside a bullet or paragraph turned into spaces.

    PDFs wrap a long bullet over several lines where a text file has one; the
    clause and agency rules work per line, so each wrapped continuation would
    lose the start of its sentence ("... from the owners' budget" split from
    "Boost the posts"). A break is joined when the next line is not a bullet,
    a heading or an entry header, both lines stand in the same section, and
    the first line does not end a sentence (or the next starts in lower case).
    Same length as ``text``: every offset still points at the same character.
    """
    chars = list(text)
    pos = 0
    lines = text.split("\n")
    for a, b in itertools.pairwise(lines):
        brk = pos + len(a)
        nxt = brk + 1
        pos = nxt
        a_s, b_s = a.strip(), b.strip()
        if not a_s or not b_s or BULLET_RE.match(b_s):
            continue
        if where.in_header(brk - 1) or where.in_header(nxt):
            continue
        if where.kind(brk - 1) != where.kind(nxt):
            continue
        if a_s.endswith(_SENTENCE_END) and not b_s[:1].islower():
            continue
        chars[brk] = " "
    return "".join(chars)


class _Clauses:
    """Clause index, agency and hand-off of a token, from the arrays the pipeline set."""

    def __init__(self, doc: Any) -> None:
        self.starts = doc._.clause_starts or []
        self.ends = [c[1] for c in doc._.clauses or []]
        self.agency = doc._.clause_agency or []
        self.handoff = doc._.clause_handoff or []
        self.others = doc._.others_verbs or set()

    def index(self, token_i: int) -> int:
        i = bisect.bisect_right(self.starts, token_i) - 1
        return i if i >= 0 and token_i < self.ends[i] else -1

    def agency_of(self, token_i: int) -> str:
        i = self.index(token_i)
        return self.agency[i] if i >= 0 and self.agency else "neutral"

    def handed_off(self, token_i: int) -> bool:
        """Handed to someone else, or done by someone else (``managers who reply``)."""
        i = self.index(token_i)
        return token_i in self.others or bool(i >= 0 and self.handoff and self.handoff[i])


def _not_a_platform(span: Any) -> bool:
    """True for a bare "X" that is part of a word such as "X-ray" or "Gen-X"."""
    if span.text != "X":
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return bool(
        (after is not None and after.text in ("-", "/") and not after.whitespace_)
        or (before is not None and before.text == "-" and not before.whitespace_)
    )


def _counts(ev: Evidence, handed_off: bool, where: _Where) -> bool:
    """The rule of the module docstring: does this evidence count for ``dimensions``?"""
    return (
        not ev.claimed_only
        and not handed_off
        and (
            ev.agency != "support"
            or ev.dimension in EXECUTION_DIMENSIONS
            or (ev.pattern_id or "").startswith(EXECUTION_PATTERNS)
        )
        and (_context_free(ev) or where.digital(ev.start))
    )


def analyze(
    document_or_text: Document | str,
    nlp: Any = None,
    as_of: _dt.date | tuple[int, int] | None = None,
) -> Analysis:
    """Find sections, entries and evidence in one resume.

    Parameters
    ----------
    document_or_text : Document or str
        A document from ``screener.extraction`` or plain text.
    nlp : spacy.language.Language, optional
        A pipeline from :func:`screener.nlp.build_nlp`; default: one built
        once per process.
    as_of : datetime.date or (year, month), optional
        What "present" means in date ranges; default today.

    Returns
    -------
    Analysis
        Sections, entries, evidence (with agency and ``counts``), consumer
        signals, entities and months of professional experience.
    """
    document = (
        Document.from_text(document_or_text)
        if isinstance(document_or_text, str)
        else document_or_text
    )
    nlp = nlp if nlp is not None else default_nlp()
    sections = segment(document)
    entries = extract_entries(document, sections)
    where = _Where(document, sections, entries)
    doc = nlp(_unwrap(document.text, where))
    clauses = _Clauses(doc)
    found: list[tuple[Evidence, int]] = []  # evidence and its first token
    consumer: list[Evidence] = []
    entities: list[Evidence] = []
    personal: set[int] = set()

    def make(span: Any, label: str, pattern_id: str | None = None) -> Evidence:
        kind = where.kind(span.start_char)
        return Evidence(
            dimension=label,
            text=span.text,
            section=kind,
            page=where.page(span.start_char),
            start=span.start_char,
            end=span.end_char,
            claimed_only=kind not in DOING_SECTIONS,
            pattern_id=pattern_id if pattern_id is not None else (span.id_ or None),
            agency=clauses.agency_of(span.start),
        )

    spans = list(doc.spans["screener"]) if "screener" in doc.spans else []
    platforms: list[Any] = []
    for span in spans:
        label, kind = span.label_, where.kind(span.start_char)
        header = where.in_header(span.start_char)
        if label == CONSUMER_USE:
            consumer.append(make(span, label))
            if not span.id_.startswith("club"):
                personal.add(clauses.index(span.start))
        elif label in DIMENSIONS:
            if kind != "interests" and not header:
                found.append((make(span, label), span.start))
        elif (label == "SENIORITY" and not (header or kind == "contact")) or (
            label == "PLATFORM" and _not_a_platform(span)
        ):
            continue
        else:
            entities.append(make(span, label))
            tool_kind = span.id_ if label == "TOOL" else ""
            if label == "PLATFORM" or (label == "TOOL" and tool_kind not in _NOT_DIGITAL):
                where.context_spans.append(span.start_char)
            if label == "PLATFORM" and kind == "interests":
                consumer.append(make(span, CONSUMER_USE, "platform_in_interests"))
            if kind in DOING_SECTIONS and not header:
                if label == "TOOL" and tool_kind not in _NOT_TECHNICAL:
                    found.append((make(span, "technical", f"tool:{span.text.lower()}"), span.start))
                elif label == "PLATFORM":
                    platforms.append(span)
    if len({p.text.lower() for p in platforms}) >= PLATFORMS_FOR_TECHNICAL:
        found += [(make(p, "technical", f"platform:{p.text.lower()}"), p.start) for p in platforms]
    evidence: list[Evidence] = []
    for ev, token_i in found:
        if personal and clauses.index(token_i) in personal:
            continue
        ev.counts = _counts(ev, clauses.handed_off(token_i), where)
        evidence.append(ev)
    evidence.sort(key=lambda e: (e.start, e.end, e.dimension))
    months = experience_months(
        [e.dates for e in entries if e.section == "experience" and e.dates], as_of=as_of
    )
    return Analysis(
        text=document.text,
        sections=sections,
        entries=entries,
        evidence=evidence,
        consumer_signals=consumer,
        entities=entities,
        experience_months=months,
    )
