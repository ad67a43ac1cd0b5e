"""Lookups the analysis makes by character offset or token: section, scope, clause.

:class:`Where` answers, for a character offset of the document text, which
section kind and page it is in, whether it is an entry header line, and
whether its entry (or section) has a digital context; :func:`unwrap` joins
line-wrapped bullets; :class:`Clauses` gives a token's clause, agency and
hand-off from the arrays the pipeline set; :func:`not_a_platform` tells a
bare "X" in "X-ray" from the platform X.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

from screener.nlp.entries import header_ranges
from screener.nlp.rows import SpanRow
from screener.nlp.sections import BULLET_RE
from screener.nlp.words import Words, words_of
from screener.types import Clause, Document, Entry, Section

__all__ = ["Clauses", "Where", "not_a_platform", "unwrap"]

_DIGITAL = re.compile(
    r"\b(social|digital|online|web|website|internet|e-?mail|newsletters?|content|communit(y|ies)|"
    r"media|followers|posts?|posting|influencers?|creators?|ads|advertising|seo|e-?commerce|"
    r"videos?|reels|blogs?|podcasts?|dms?|inbox|chat|hashtags?|audience|listening|comments|"
    r"tweets|reviews)\b",
    re.IGNORECASE,
)


class Where:
    """Lookups by character offset: section, entry scope, page, header lines."""

    def __init__(self, document: Document, sections: list[Section], entries: list[Entry]):
        self.document = document
        self.sections = sections
        self.starts = [s.start for s in sections]
        self.entries = entries
        self.entry_starts = [e.start for e in entries]
        self.headers = header_ranges(document, sections)
        self.header_starts = [h[0] for h in self.headers]
        self._digital: dict[tuple[int, int], bool] = {}
        self.context_spans: list[int] = []

    def kind(self, offset: int) -> str:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sections[i].kind if i >= 0 else "other"

    def page(self, offset: int) -> int:
        return self.document.page_at(offset)

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


def unwrap(text: str, where: Where) -> str:
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


class Clauses:
    """Clause index, agency and hand-off of a token, from the arrays the pipeline set."""

    def __init__(self, doc: Any) -> None:
        self.starts = doc._.clause_starts or []
        self.ends = [c[1] for c in doc._.clauses or []]
        self.agency = doc._.clause_agency or []
        self.handoff = doc._.clause_handoff or []
        self.others = sorted(doc._.others_verbs or ())  # token indices, for bisection

    def index(self, token_i: int) -> int:
        i = bisect.bisect_right(self.starts, token_i) - 1
        return i if i >= 0 and token_i < self.ends[i] else -1

    def agency_of(self, token_i: int) -> str:
        i = self.index(token_i)
        return self.agency[i] if i >= 0 and self.agency else "neutral"

    def spans(self, doc: Any, where: Where) -> list[Clause]:
        """Every clause as a :class:`~screener.types.Clause` with character offsets.

        Headings and entry headers ("WORK EXPERIENCE", "Sales Assistant, 2022 -
        now") say nobody did anything: their clauses are ``neutral`` whatever
        verb-like word opens them.
        """
        out: list[Clause] = []
        if not self.starts:
            return out
        words = words_of(doc)  # read once for the pipeline: no Token objects
        for i, (start, end) in enumerate(zip(self.starts, self.ends, strict=True)):
            if end <= start:
                continue
            first, last = words.idx[start], words.end_char(end - 1)
            if where.in_header(first):
                out.append(Clause(first, last))
                continue
            others = bool(self.handoff and self.handoff[i]) or self._others_within(start, end)
            agency = self.agency[i] if self.agency else "neutral"
            out.append(Clause(first, last, agency, others))
        return out

    def _others_within(self, start: int, end: int) -> bool:
        """Whether a verb of someone else's is among tokens ``start:end``."""
        k = bisect.bisect_left(self.others, start)
        return k < len(self.others) and self.others[k] < end

    def handed_off(self, token_i: int) -> bool:
        """Handed to someone else, or done by someone else (``managers who reply``)."""
        i = self.index(token_i)
        return self._others_within(token_i, token_i + 1) or bool(
            i >= 0 and self.handoff and self.handoff[i]
        )


def not_a_platform(row: SpanRow, words: Words) -> bool:
    """True for a bare "X" that is part of a word such as "X-ray" or "Gen-X".

    ``row`` is a span of the doc whose :class:`~screener.nlp.words.Words` are ``words``.
    """
    start, end = row.start, row.end
    if end - start != 1 or words.text[start] != "X":
        return False
    return (end < len(words.text) and words.text[end] in ("-", "/") and not words.spaced[end]) or (
        start > 0 and words.text[start - 1] == "-" and not words.spaced[start - 1]
    )
