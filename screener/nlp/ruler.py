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

from screener.nlp.rows import put_spans

__all__ = ["ScreenerSpanRuler"]


class ScreenerSpanRuler(SpanRuler):
    """A ``SpanRuler`` whose :meth:`match` sorts tuples before it makes spans."""

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
        self._require_patterns()
        raw = list(self.phrase_matcher(doc))
        if len(self.matcher):
            raw.extend(self.matcher(doc))
        unique = {(start, end, *self._hashes(m_id)) for m_id, start, end in raw if start != end}
        return [Span(doc, s, e, label=label, span_id=sid) for s, e, label, sid in sorted(unique)]

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        """Write the matches as the parent does, keeping their rows (:mod:`screener.nlp.rows`).

        Parameters
        ----------
        doc : spacy.tokens.Doc
            The document.
        matches : list of spacy.tokens.Span
            What :meth:`match` returned.
        """
        if self.key and self.overwrite and self.spans_filter is None and not self.annotate_ents:
            put_spans(doc, self.key, matches)  # the group the parent would write, nothing else
        else:
            super().set_annotations(doc, matches)

    def _hashes(self, m_id: int) -> tuple[int, int]:
        """Label and id hashes of a match id.

        A match id is the hash of its label and id, so the cache never goes stale.
        """
        cache: dict[int, tuple[int, int]] = self.__dict__.setdefault("_screener_hashes", {})
        found = cache.get(m_id)
        if found is None:
            names, strings = self._match_label_id_map[m_id], self.nlp.vocab.strings
            found = cache[m_id] = (strings.add(names["label"]), strings.add(names["id"]))
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
