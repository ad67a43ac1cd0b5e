"""``screener_span_ruler``: spaCy's ``SpanRuler`` with a cheaper ``match``.

``SpanRuler.match`` builds a ``Span`` for every raw match, label and id
given as strings, puts them in a set and sorts the set.  A resume gives
about 165 raw matches, so that costs about 1.1 ms, eight times what the
phrase matcher itself costs (``benchmarks/evidence_components.py``): most
of it is ``Span.__richcmp__`` building two tuples per comparison.
:class:`ScreenerSpanRuler` removes duplicates and sorts plain
``(start, end, label, id)`` tuples of hashes first, in the order
``Span.__richcmp__`` gives (for the token spans of one doc, character
offsets follow token offsets), and makes a ``Span`` only for each kept
match.  It also keeps the rows of the group it writes for the components
after it (:mod:`screener.nlp.rows`).  Everything else (patterns,
``add_patterns``, serialisation, the spans filter) is the parent's, and the
spans are the ones ``SpanRuler.match`` returns (``tests/nlp/test_ruler.py``
checks this).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler, overlapping_labeled_spans_score
from spacy.tokens import Doc, Span

from screener.nlp.rows import SpanRow, put_spans
from screener.nlp.words import words_of

__all__ = ["ScreenerSpanRuler"]


class ScreenerSpanRuler(SpanRuler):
    """A ``SpanRuler`` whose :meth:`match` sorts tuples before it makes spans."""

    def __call__(self, doc: Doc) -> Doc:
        """Write the matches to ``doc.spans`` as the parent does, keeping their rows.

        Parameters
        ----------
        doc : spacy.tokens.Doc
            The document.

        Returns
        -------
        spacy.tokens.Doc
            The document, with the span group set (:mod:`screener.nlp.rows`).
        """
        if not (self.key and self.overwrite and self.spans_filter is None) or self.annotate_ents:
            return super().__call__(doc)  # the parent's settings: the parent's way
        error_handler = self.get_error_handler()
        try:
            words = words_of(doc)  # character offsets without a Token per span
            spans, rows = [], []
            for start, end, label, sid, label_, id_ in self._matches(doc):
                spans.append(Span(doc, start, end, label=label, span_id=sid))
                rows.append(
                    SpanRow(start, end, label_, id_, words.idx[start], words.end_char(end - 1))
                )
            put_spans(doc, self.key, spans, rows)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def match(self, doc: Doc) -> list[Span]:
        """The spans of all pattern matches in ``doc``, without duplicates, sorted.

        Parameters
        ----------
        doc : spacy.tokens.Doc
            The document to match.

        Returns
        -------
        list of spacy.tokens.Span
            The spans ``SpanRuler.match`` returns, in the same order.
        """
        return [Span(doc, m[0], m[1], label=m[2], span_id=m[3]) for m in self._matches(doc)]

    def _matches(self, doc: Doc) -> list[tuple[int, int, int, int, str, str]]:
        """Start, end, label and id hashes, label and id of each distinct match, sorted."""
        self._require_patterns()
        raw = list(self.phrase_matcher(doc))
        if len(self.matcher):
            raw.extend(self.matcher(doc))
        names = self._names()
        unique = {
            (start, end, *(names.get(m_id) or self._name(m_id)))
            for m_id, start, end in raw
            if start != end
        }
        return sorted(unique)

    def _names(self) -> dict[int, tuple[int, int, str, str]]:
        """Label and id hashes and strings by match id (a match id is the hash of both,
        so the cache never goes stale)."""
        return self.__dict__.setdefault("_screener_names", {})

    def _name(self, m_id: int) -> tuple[int, int, str, str]:
        names, strings = self._match_label_id_map[m_id], self.nlp.vocab.strings
        label, sid = names["label"], names["id"]
        found = self._names()[m_id] = (strings.add(label), strings.add(sid), label, sid)
        return found


@Language.factory(
    "screener_span_ruler",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "ruler",
        "phrase_matcher_attr": None,
        "validate": False,
        "overwrite": True,
    },
)
def make_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str,
    phrase_matcher_attr: Any,
    validate: bool,
    overwrite: bool,
) -> ScreenerSpanRuler:
    """Create the span ruler (``span_ruler``'s settings that the pipeline uses)."""
    return ScreenerSpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        phrase_matcher_attr=phrase_matcher_attr,
        validate=validate,
        overwrite=overwrite,
        scorer=partial(overlapping_labeled_spans_score, spans_key=spans_key),
    )
