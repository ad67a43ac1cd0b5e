"""Custom spaCy components of the evidence pipeline (``screener_`` prefix).

- ``screener_lines``: resume clauses.  Each line is a unit, and so is each
  part of a line split by ``;``, ``|``, a mid-line bullet, or a full stop or
  comma followed by a capitalised word (``..., Tag products in IG Shopping``:
  duties run together on one line).  Bullet markers belong to no clause.  Sets
  ``Doc._.clauses`` (token ranges with their line number) and, when the doc
  has no dependency parse, ``Token.is_sent_start`` so ``doc.sents`` are the
  clauses.
- ``screener_evidence``: joins ``ACTION`` + ``OBJECT`` frame halves into
  evidence phrases, keeps the longest of overlapping spans per label (a
  pattern with ``id`` ``"ignore"`` is a stop phrase: it wins its overlaps,
  then is dropped, so "adult social care" blocks "social care"; an
  ``OBJECT`` one removes the frame objects it overlaps before frames are
  joined) and
  moves agency cues to ``doc.spans["screener_cues"]``, leaving public labels
  in ``doc.spans["screener"]``.  A match that ends at "post" joined by a
  hyphen to the next word is dropped first: "post-event survey" is not
  posting.  Matches of the lower-case phrases that stand for one-token
  case-sensitive patterns (``cased``, see
  :func:`screener.nlp.pipeline.cased_phrases`) are kept only where the case
  and sentence start agree, under their own pattern id.
"""

from __future__ import annotations

import bisect
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from screener.nlp.lexicon import ENTITY_GROUPS, EVIDENCE_SET, IGNORE_ID
from screener.nlp.rows import SpanRow, put_spans, span_rows
from screener.nlp.words import HYPHENS, words_of

__all__ = ["CUES_KEY", "SPANS_KEY", "clause_index", "register_extensions"]

SPANS_KEY = "screener"
CUES_KEY = "screener_cues"
_BULLETS = frozenset("-–—•*▪◦●·►■✓➢>‣⁃")
_BREAKS = frozenset({";", "|", "•", "▪", "●", "·"})
_FRAME_GAP = 4
#: Words that are a prefix when a hyphen joins them to the next word: "post-event
#: survey", "post-chat rating", "pre- and post-moderation" are not posting.
_PREFIX_WORDS = frozenset({"post"})


def clause_index(token: Token) -> int:
    """Index in ``Doc._.clauses`` of the clause holding ``token`` (-1 for none)."""
    clauses = token.doc._.clauses or []
    starts = token.doc._.clause_starts or []
    i = bisect.bisect_right(starts, token.i) - 1
    return i if i >= 0 and token.i < clauses[i][1] else -1


def register_extensions() -> None:
    """Register the extension attributes (idempotent)."""
    for name in ("clauses", "clause_starts", "clause_agency", "clause_handoff", "others_verbs"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Token.has_extension("clause"):
        Token.set_extension("clause", getter=clause_index)
    if not Token.has_extension("agency"):
        Token.set_extension("agency", getter=_token_agency)
    if not Token.has_extension("handoff"):
        Token.set_extension("handoff", getter=_token_handoff)


def _token_agency(token: Token) -> str:
    labels = token.doc._.clause_agency
    i = clause_index(token)
    return labels[i] if labels and i >= 0 else "neutral"


def _token_handoff(token: Token) -> bool:
    flags = token.doc._.clause_handoff
    i = clause_index(token)
    return bool(flags and i >= 0 and flags[i])


def _clauses(doc: Doc) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    start, line, line_start, prev = None, 0, True, ""
    for i, text in enumerate(words_of(doc).text):
        if text.isspace():
            if "\n" in text:
                if start is not None:
                    out.append((start, i, line))
                    start = None
                line += 1
                line_start = True
            continue
        if line_start and (text in _BULLETS or text == "o"):
            line_start, prev = False, text
            continue
        line_start = False
        if text in _BREAKS:
            if start is not None:
                out.append((start, i, line))
            start, prev = None, text
            continue
        if (
            start is not None
            and i > start + 1
            and (
                (prev in {".", "!", "?"} and (text[:1].isupper() or text[:1].isdigit()))
                or (prev == "," and text[:1].isupper() and text[1:2].islower())
            )
        ):
            out.append((start, i, line))
            start = None
        if start is None:
            start = i
        prev = text
    if start is not None:
        out.append((start, len(doc), line))
    return out


@Language.factory("screener_lines")
def make_lines(nlp: Language, name: str) -> Any:
    """Create the resume clause splitter (see module docstring)."""
    register_extensions()

    def lines(doc: Doc) -> Doc:
        clauses = _clauses(doc)
        doc._.clauses = clauses
        doc._.clause_starts = [c[0] for c in clauses]
        if len(doc) and not doc.has_annotation("DEP"):
            flags = numpy.full((len(doc), 1), -1, dtype="int64")
            flags[0, 0] = 1
            for c in clauses[1:]:
                flags[c[0], 0] = 1
            flags = flags.astype("uint64")
            doc.from_array([SENT_START], flags)
        return doc

    return lines


def _same_clause(doc: Doc, a: int, b: int) -> bool:
    starts = doc._.clause_starts
    if not starts:
        return True
    return bisect.bisect_right(starts, a) == bisect.bisect_right(starts, b)


def _check_cased(doc: Doc, raw: list[SpanRow], cased: dict[str, dict[str, Any]]) -> list[SpanRow]:
    """Keep a cased phrase match only where the token pattern would have matched."""
    out: list[SpanRow] = []
    for row in raw:
        check = cased.get(row.id)
        if check is None:
            out.append(row)
            continue
        token = doc[row.start]
        if (
            row.end - row.start == 1
            and token.text == check["orth"]
            and not (check["not_sent_start"] and token.is_sent_start)
        ):
            out.append(row._replace(id=check["id"]))
    return out


def _not_prefixes(doc: Doc, raw: list[SpanRow]) -> list[SpanRow]:
    """Drop matches that end at a prefix word joined by a hyphen to the next word."""
    words = words_of(doc)
    n = len(words.text)

    def prefix(i: int) -> bool:
        return (
            words.low[i] in _PREFIX_WORDS
            and i + 2 < n
            and words.text[i + 1] in HYPHENS
            and not (words.spaced[i] or words.spaced[i + 1])
            and words.text[i + 2][:1].isalpha()
        )

    return [row for row in raw if not prefix(row.end - 1)]


def _unblocked(objects: list[SpanRow]) -> list[SpanRow]:
    """Frame objects that no ``OBJECT`` stop phrase overlaps (the stop phrases dropped)."""
    stops = [(o.start, o.end) for o in objects if o.id == IGNORE_ID]
    if not stops:
        return objects
    return [
        o
        for o in objects
        if o.id != IGNORE_ID and not any(a < o.end and o.start < b for a, b in stops)
    ]


def _longest(rows: list[SpanRow]) -> list[SpanRow]:
    """``spacy.util.filter_spans`` on rows: the (first) longest of overlapping spans."""
    result: list[SpanRow] = []
    seen: set[int] = set()
    for row in sorted(rows, key=lambda r: (r.end - r.start, -r.start), reverse=True):
        if row.start not in seen and row.end - 1 not in seen:
            result.append(row)
            seen.update(range(row.start, row.end))
    return sorted(result, key=lambda r: r.start)


def _write(doc: Doc, key: str, rows: list[SpanRow]) -> None:
    spans = [Span(doc, r.start, r.end, r.label, span_id=r.id) for r in rows]
    put_spans(doc, key, spans, rows)


@Language.factory("screener_evidence", default_config={"cased": {}})
def make_evidence(nlp: Language, name: str, cased: dict[str, dict[str, Any]]) -> Any:
    """Create the frame joiner and span filter (see module docstring).

    ``cased`` maps span ids to the case checks of
    :func:`screener.nlp.pipeline.cased_phrases`.
    """
    register_extensions()

    def evidence(doc: Doc) -> Doc:
        raw = _not_prefixes(doc, span_rows(doc, SPANS_KEY))
        if cased:
            raw = _check_cased(doc, raw, cased)
        actions: dict[str, list[SpanRow]] = {}
        objects: list[SpanRow] = []
        by_label: dict[str, list[SpanRow]] = {}
        cues: list[SpanRow] = []
        for row in raw:
            label = row.label
            if label == "ACTION":
                actions.setdefault(row.id, []).append(row)
            elif label == "OBJECT":
                objects.append(row)
            elif label.startswith("AGENCY_"):
                cues.append(row)
            else:
                group = ENTITY_GROUPS.get(label, label)
                by_label.setdefault(group, []).append(row)
        for obj in _unblocked(objects):
            for act in actions.get(obj.id, ()):
                if 0 <= obj.start - act.end <= _FRAME_GAP and _same_clause(
                    doc, act.start, obj.start
                ):
                    dim = obj.id.partition("/")[0]
                    if dim in EVIDENCE_SET:
                        joined = SpanRow(
                            act.start, obj.end, dim, obj.id, act.start_char, obj.end_char
                        )
                        by_label.setdefault(dim, []).append(joined)
        kept: list[SpanRow] = []
        for rows in by_label.values():
            kept.extend(r for r in _longest(rows) if r.id != IGNORE_ID)
        kept.sort(key=lambda r: (r.start, r.end, r.label))
        _write(doc, SPANS_KEY, kept)
        _write(doc, CUES_KEY, sorted(cues, key=lambda r: (r.start, r.end)))
        return doc

    return evidence
