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
    personal account to 20k followers" is not marketing work.  So is the
    work of a *personal channel* entry (:func:`personal_channels`: a creator
    title and an @handle in its header, "Creator | @desiplate"): its header
    handle is a ``consumer_use`` signal (pattern id ``personal_channel``) and
    its dimension spans are dropped, since the follower counts and sponsored
    posts of one's own profile are consumer use, not work for a business.

Tools and platforms
    A ``TOOL`` named in a doing section (not office or work-management
    software, not a design or video editor) is also ``technical`` evidence,
    and an analytics or BI tool (GA4, Chartbeat, Looker, BigQuery...) is
    also ``analytics`` evidence (once per place: a pattern of the analytics
    lexicon on the same words is not counted twice); so are the ``PLATFORM``
    names of the doing sections when the work runs on at least
    ``PLATFORMS_FOR_TECHNICAL`` (3) different platforms (knowing
    how people use several platforms is technical know-how; one Instagram is
    not).

Measured change
    A quantified outcome that says something moved ("median response time
    down from 9 hours to 40 minutes", "dues paid went from 38% to 71%";
    ``OUTCOME`` spans with id ``change``) is ``analytics`` evidence (pattern
    id ``analytics/change``) when it counts (it stands on a line with
    counted experience evidence) and its clause is the person's: not
    ``support`` agency and not someone else's work.  Telling a before from
    an after is measuring, in whatever words the person uses for it.

Which evidence counts for ``Analysis.dimensions`` (``Evidence.counts``)
    Evidence counts when all hold:

    1. it stands in a doing section (``claimed_only`` is False);
    2. it is not someone else's: its clause is not a hand-off (passed,
       forwarded, flagged, routed, escalated *to* someone), and it does not
       start at a verb whose subject is someone else ("managers who reply",
       "the dashboard the analyst owns");
    3. its agency is not ``support``, or its dimension is in
       ``EXECUTION_DIMENSIONS`` (marketing_communications, technical), or it
       is a replying phrase (pattern id ``customer_engagement/reply``), or
       an audience insight the person acted on (``psychology/acted_on``,
       :mod:`screener.nlp.insights`: "buyers ask who made the piece, so
       posts name the weaver", where the buyers are the verb's subject):
       posting from someone else's calendar still evidences marketing and
       answering with Legal's approved replies still evidences customer
       engagement, but pulling numbers for the analyst's dashboard is not
       analytics, sitting in on someone else's interviews is not
       psychology, and a budget the director manages is not business
       strategy;
    4. it has a social or digital context: its entry (or section, outside
       entries) names a platform, a social/digital tool, or a word such as
       social, digital, online, content, media, followers, comments, ads.
       Marketing words alone (campaign, marketing, brand, PR, press, comms)
       are no such context: a direct-mail campaign or a bank's printed
       brochure is not social or digital work.  Customer terms (complaints,
       customer service, angry customers: pattern id
       ``customer_engagement/customer``) need none.  Leading a ward team is
       not business strategy for a social role; handling complaints at a
       counter is still customer engagement.

    ``Analysis.dimensions`` lists the dimensions with at least one counting
    evidence span.  Support-level evidence that does not count is still
    reported (with ``agency="support"``) for the classifier and for people.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import replace
from typing import Any

from screener.nlp.components import SPANS_KEY
from screener.nlp.dates import experience_months
from screener.nlp.entries import extract_entries
from screener.nlp.insights import INSIGHT_ID, acted_on_by_the_person
from screener.nlp.lookup import Clauses, Where, not_a_platform, unwrap
from screener.nlp.rows import SpanRow, span_rows
from screener.nlp.sections import segment
from screener.nlp.words import words_of
from screener.types import (
    CONSUMER_USE,
    DIMENSIONS,
    DOING_SECTIONS,
    Analysis,
    Clause,
    Document,
    Entry,
    Evidence,
)

__all__ = ["EXECUTION_DIMENSIONS", "analyze", "default_nlp", "personal_channels"]

EXECUTION_DIMENSIONS = frozenset({"marketing_communications", "technical"})
#: Pattern id of a measured change (an ``OUTCOME`` that moved) read as analytics evidence.
CHANGE_ID = "analytics/change"
#: Support-level work that still evidences its dimension: talking to customers oneself.
EXECUTION_PATTERNS = ("customer_engagement/reply",)
#: Tool kinds that are no technical evidence: office and work-management software, and
#: design and video editors (Canva, CapCut): the spec's technical side is social
#: management, listening, ad, CMS, CRM and analytics tools, automation and code.
_NOT_TECHNICAL = frozenset({"office", "work", "design"})
#: Tool kinds that are no sign of social or digital work on their own (BI, code, office).
_NOT_DIGITAL = frozenset({"office", "work", "bi", "code"})
#: Tool kinds whose use in the work is analytics evidence too: measuring is what they do.
_ANALYTICS_TOOLS = frozenset({"analytics", "bi"})
#: Running this many different platforms in the work itself evidences technical know-how.
PLATFORMS_FOR_TECHNICAL = 3
_NLP: Any = None
_NEWLINE = re.compile("\n")
_CREATOR = re.compile(
    r"\b(creator|influencer|blogger|vlogger|youtuber|streamer|podcaster|tiktoker|instagrammer)s?\b",
    re.IGNORECASE,
)
#: A social handle, not an e-mail address: no word character or dot before the @.
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]")


def personal_channels(
    text: str, entries: list[Entry], headers: list[tuple[int, int]] | None = None
) -> list[tuple[Entry, int, int]]:
    """Entries that are the person's own channel, with the handle's offsets.

    An entry of a doing section whose title names a creator role (creator,
    influencer, blogger, YouTuber...) and whose header names an @handle
    (``Creator | @desiplate.healthyplate``, ``Content Creator - Self
    (@ananya.vibes)``): the spec's "follower counts of one's own profile".
    A creator hired by a business names the business, not a handle.

    Parameters
    ----------
    text : str
        The document text the entries index into.
    entries : list of Entry
        Work-history entries (:func:`screener.nlp.entries.extract_entries`).
    headers : list of (start, end), optional
        Header line ranges (:func:`screener.nlp.entries.header_ranges`): the
        handle may stand on any header line of the entry ("Creator" on one
        line, "@handle | 2019 - now" on the next).  Without them only the
        entry's first line is read.

    Returns
    -------
    list of (Entry, int, int)
        Each personal-channel entry with the start and end of its handle.
    """
    out: list[tuple[Entry, int, int]] = []
    for entry in entries:
        if entry.section not in DOING_SECTIONS or not _CREATOR.search(entry.title):
            continue
        line_end = text.find("\n", entry.start)
        lines = [(entry.start, line_end if line_end != -1 else entry.end)]
        lines += [(a, b) for a, b in headers or () if lines[0][1] < a < entry.end]
        for a, b in lines:
            handle = _HANDLE.search(text, a, b)
            if handle:
                out.append((entry, handle.start(), handle.end()))
                break
    return out


def _inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of the half-open ``ranges``."""
    return any(a <= offset < b for a, b in ranges)


def _context_free(ev: Evidence) -> bool:
    """Customer terms (complaints, customer service...) count without a digital context."""
    return ev.pattern_id == "customer_engagement/customer"


def default_nlp() -> Any:
    """The default pipeline, built once per process."""
    global _NLP
    if _NLP is None:
        from screener.nlp.pipeline import build_nlp

        _NLP = build_nlp()
    return _NLP


def _counts(ev: Evidence, handed_off: bool, where: Where) -> bool:
    """The rule of the module docstring: does this evidence count for ``dimensions``?"""
    return (
        not ev.claimed_only
        and not handed_off
        and (
            ev.agency != "support"
            or ev.dimension in EXECUTION_DIMENSIONS
            or (ev.pattern_id or "").startswith(EXECUTION_PATTERNS)
            or (ev.pattern_id == INSIGHT_ID and acted_on_by_the_person(ev.text))
        )
        and (_context_free(ev) or where.digital(ev.start))
    )


def _mark_outcomes(entities: list[Evidence], evidence: list[Evidence], text: str) -> None:
    """Set ``counts`` of each OUTCOME: it stands on a line with counted experience evidence.

    A number alone says nothing about social work ("1,100 interviews a
    month" in a fieldwork manager's job). Lines are those of the unwrapped
    text, so a bullet wrapped over two PDF lines is one line, as in plain text.
    """
    breaks = [m.start() for m in _NEWLINE.finditer(text)]  # not a Python loop per character
    lines = {
        bisect.bisect_left(breaks, e.start) for e in evidence if e.counts and not e.claimed_only
    }
    for ent in entities:
        if ent.dimension == "OUTCOME":
            ent.counts = not ent.claimed_only and bisect.bisect_left(breaks, ent.start) in lines


def _measured_changes(entities: list[Evidence], clauses: list[Clause]) -> list[Evidence]:
    """``analytics`` evidence for each counted change outcome in the person's own clause."""
    starts = [c.start for c in clauses]
    found = []
    for ent in entities:
        if ent.dimension != "OUTCOME" or ent.pattern_id != "change" or not ent.counts:
            continue
        i = bisect.bisect_right(starts, ent.start) - 1
        if i < 0 or clauses[i].agency == "support" or clauses[i].others:
            continue
        found.append(
            replace(ent, dimension="analytics", pattern_id=CHANGE_ID, agency=clauses[i].agency)
        )
    return found


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
        signals, entities, months of professional experience and the
        clauses with their agency.
    """
    document = (
        Document.from_text(document_or_text)
        if isinstance(document_or_text, str)
        else document_or_text
    )
    nlp = nlp if nlp is not None else default_nlp()
    sections = segment(document)
    entries = extract_entries(document, sections)
    where = Where(document, sections, entries)
    unwrapped = unwrap(document.text, where)
    doc = nlp(unwrapped)
    clauses = Clauses(doc)
    found: list[tuple[Evidence, int]] = []  # evidence and its first token
    consumer: list[Evidence] = []
    entities: list[Evidence] = []
    personal: set[int] = set()

    def make(
        span: SpanRow, label: str, pattern_id: str | None = None, kind: str | None = None
    ) -> Evidence:
        kind = where.kind(span.start_char) if kind is None else kind
        start, end = span.start_char, span.end_char
        return Evidence(
            dimension=label,
            text=unwrapped[start:end],  # span.text, without a Python loop over its tokens
            section=kind,
            page=where.page(start),
            start=start,
            end=end,
            claimed_only=kind not in DOING_SECTIONS,
            pattern_id=pattern_id if pattern_id is not None else (span.id or None),
            agency=clauses.agency_of(span.start),
        )

    words = words_of(doc)
    platforms: list[SpanRow] = []
    for span in span_rows(doc, SPANS_KEY):
        label, kind = span.label, where.kind(span.start_char)
        header = where.in_header(span.start_char)
        if label == CONSUMER_USE:
            consumer.append(make(span, label, kind=kind))
            if not span.id.startswith("club"):
                personal.add(clauses.index(span.start))
        elif label in DIMENSIONS:
            if kind != "interests" and not header:
                found.append((make(span, label, kind=kind), span.start))
        elif (label == "SENIORITY" and not (header or kind == "contact")) or (
            label == "PLATFORM" and not_a_platform(span, words)
        ):
            continue
        else:
            entities.append(make(span, label, kind=kind))
            tool_kind = span.id if label == "TOOL" else ""
            if label == "PLATFORM" or (label == "TOOL" and tool_kind not in _NOT_DIGITAL):
                where.context_spans.append(span.start_char)
            if label == "PLATFORM" and kind == "interests":
                consumer.append(make(span, CONSUMER_USE, "platform_in_interests", kind))
            if kind in DOING_SECTIONS and not header:
                if label == "TOOL":
                    name = f"tool:{unwrapped[span.start_char : span.end_char].lower()}"
                    if tool_kind not in _NOT_TECHNICAL:
                        found.append((make(span, "technical", name, kind), span.start))
                    if tool_kind in _ANALYTICS_TOOLS:
                        found.append((make(span, "analytics", name, kind), span.start))
                elif label == "PLATFORM":
                    platforms.append(span)
    channels = personal_channels(document.text, entries, where.headers)
    for entry, start, end in channels:
        consumer.append(
            Evidence(
                dimension=CONSUMER_USE,
                text=document.text[start:end],
                section=entry.section,
                page=where.page(start),
                start=start,
                end=end,
                claimed_only=False,
                pattern_id="personal_channel",
            )
        )
    own_channel = [(e.start, e.end) for e, _s, _e in channels]
    platforms = [p for p in platforms if not _inside(own_channel, p.start_char)]
    names = [unwrapped[p.start_char : p.end_char].lower() for p in platforms]
    if len(set(names)) >= PLATFORMS_FOR_TECHNICAL:
        found += [
            (make(p, "technical", f"platform:{name}"), p.start)
            for p, name in zip(platforms, names, strict=True)
        ]
    evidence: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for ev, token_i in found:
        if (
            (personal and clauses.index(token_i) in personal)
            or _inside(own_channel, ev.start)
            or (ev.dimension, ev.start, ev.end) in seen
        ):
            continue
        seen.add((ev.dimension, ev.start, ev.end))
        ev.counts = _counts(ev, clauses.handed_off(token_i), where)
        evidence.append(ev)
    _mark_outcomes(entities, evidence, unwrapped)
    clause_spans = clauses.spans(doc, where)
    evidence += _measured_changes(entities, clause_spans)
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
        clauses=clause_spans,
    )
