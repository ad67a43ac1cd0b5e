"""The words of a doc as plain lists, read once and shared by the components.

``screener_lines``, ``screener_outcomes`` and ``screener_agency`` each need
every token's text; the outcomes also need the doc's text, and agency the
lower case, punctuation flag and spacing.  Read apiece, that cost about
0.75 ms a resume: ``Doc.text`` alone makes a ``Token`` per word (0.26 ms).
:func:`words_of` reads them with one ``to_array`` call through the string
store, the first time a component asks, and keeps them until the doc is
gone (a weak reference: nothing is stored on the doc, so it serialises as
before).  A doc whose length changed since (a component that merges
tokens) is read again.
"""

from __future__ import annotations

import weakref

from spacy.attrs import IDX, IS_PUNCT, ORTH, SPACY
from spacy.tokens import Doc

__all__ = ["HYPHENS", "Words", "words_of"]

#: Hyphen tokens that join two words ("share-of-voice", "post-event").
HYPHENS = frozenset({"-", "‑", "‐"})


class Words:
    """Text, lower case, punctuation flag and spacing of each token of a doc.

    Attributes
    ----------
    text : list of str
        ``Token.text`` of each token.
    low : list of str
        ``Token.lower_`` of each token.
    punct : list of bool
        ``Token.is_punct`` of each token.
    spaced : list of bool
        Whether a space follows each token (``Token.whitespace_``).
    idx : list of int
        Character offset of each token (``Token.idx``).
    """

    __slots__ = ("_joined", "idx", "low", "punct", "spaced", "text")

    def __init__(self, doc: Doc) -> None:
        # columns, not rows: a list per token costs six times as much (and feeds the collector)
        orth, punct, spaced, idx = (
            doc.to_array([ORTH, IS_PUNCT, SPACY, IDX]).T.tolist() if len(doc) else ([],) * 4
        )
        strings = doc.vocab.strings
        self.text: list[str] = [strings[h] for h in orth]
        self.low: list[str] = [w.lower() for w in self.text]
        self.punct: list[bool] = [bool(p) for p in punct]
        self.spaced: list[bool] = [bool(s) for s in spaced]
        self.idx: list[int] = idx
        self._joined: str | None = None

    def end_char(self, i: int) -> int:
        """Character offset just after token ``i`` (``Token.idx + len(Token)``)."""
        return self.idx[i] + len(self.text[i])

    @property
    def joined(self) -> str:
        """The doc's text, as ``Doc.text`` gives it."""
        if self._joined is None:
            self._joined = "".join(
                [w + " " if s else w for w, s in zip(self.text, self.spaced, strict=True)]
            )
        return self._joined


_READ: weakref.WeakKeyDictionary[Doc, Words] = weakref.WeakKeyDictionary()


def words_of(doc: Doc) -> Words:
    """The :class:`Words` of ``doc``, read on the first call for that doc.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A doc of the pipeline.

    Returns
    -------
    Words
        Shared by all callers: read it, do not change it.
    """
    words = _READ.get(doc)
    if words is None or len(words.text) != len(doc):
        words = _READ[doc] = Words(doc)
    return words
