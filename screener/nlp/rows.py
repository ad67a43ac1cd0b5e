"""Span groups as plain rows, kept beside the groups screener's components write.

Reading a span group makes a ``Span`` per item, and spaCy's
``Span.__cinit__`` makes three ``Token`` objects to find its character
offsets: about 2.6 µs a span.  The ``span_ruler``'s group (about 170 matches
a resume) was read back by ``screener_evidence``, and the groups evidence
writes were read again by ``screener_agency`` (twice) and by ``analyze``:
about 1 ms a resume for values the writer had in hand.

A writer calls :func:`put_spans` (or :func:`extend_spans`), which writes the
group as spaCy does and keeps its :class:`SpanRow` list in a map with weak
keys, so nothing is stored on the doc and the rows go with it.
:func:`span_rows` gives the kept rows back while the doc's group is still
the object that was written and has as many items; otherwise (another
component replaced or extended the group, or the doc came from bytes) it
reads the group.  A component that replaces spans inside the group in place
(``group[i] = span``) between screener's components is not noticed.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc, Span, SpanGroup

__all__ = ["SpanRow", "extend_spans", "put_spans", "span_rows"]


class SpanRow(NamedTuple):
    """What the analysis reads of a span: token and character offsets, label, id."""

    start: int
    end: int
    label: str
    id: str
    start_char: int
    end_char: int

    @classmethod
    def of(cls, span: Span) -> SpanRow:
        """The row of a span."""
        # tuple.__new__ skips the generated __new__: 1.0 against 1.65 us a span (ad hoc)
        return _NEW(
            cls, (span.start, span.end, span.label_, span.id_, span.start_char, span.end_char)
        )


_NEW = tuple.__new__


_KEPT: weakref.WeakKeyDictionary[Doc, dict[str, tuple[SpanGroup, list[SpanRow]]]] = (
    weakref.WeakKeyDictionary()
)


def put_spans(doc: Doc, key: str, spans: list[Span], rows: list[SpanRow] | None = None) -> None:
    """Write ``doc.spans[key] = spans`` and keep their rows.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The doc.
    key : str
        The span group's key.
    spans : list of spacy.tokens.Span
        The group's spans, in order.
    rows : list of SpanRow, optional
        Their rows, when the caller has them already.
    """
    doc.spans[key] = spans
    kept = rows if rows is not None else [SpanRow.of(s) for s in spans]
    _KEPT.setdefault(doc, {})[key] = (doc.spans[key], kept)


def extend_spans(doc: Doc, key: str, spans: Iterable[Span]) -> None:
    """Add ``spans`` to ``doc.spans[key]`` (made if missing), keeping the rows in step.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The doc.
    key : str
        The span group's key.
    spans : iterable of spacy.tokens.Span
        The spans to add.
    """
    spans = list(spans)
    if key not in doc.spans:
        put_spans(doc, key, spans)
        return
    kept = _valid(doc, key)
    doc.spans[key].extend(spans)  # not read back as Span objects and rebuilt
    if kept is not None:
        kept.extend(SpanRow.of(s) for s in spans)


def span_rows(doc: Doc, key: str) -> list[SpanRow]:
    """The rows of ``doc.spans[key]``, in the group's order (empty if there is none).

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The doc.
    key : str
        The span group's key.

    Returns
    -------
    list of SpanRow
        Shared with later callers: read it, do not change it.
    """
    if key not in doc.spans:
        return []
    kept = _valid(doc, key)
    return kept if kept is not None else [SpanRow.of(s) for s in doc.spans[key]]


def _valid(doc: Doc, key: str) -> list[SpanRow] | None:
    """The kept rows of the group, if it is the one written and has as many items."""
    entry = _KEPT.get(doc, {}).get(key)
    if entry is None:
        return None
    group, rows = entry
    return rows if doc.spans.get(key) is group and len(group) == len(rows) else None
