"""``screener_insights``: what the person learned about an audience and acted on.

"US buyers ask who made the piece, so posts name the weaver"; "Retired
customers trust faces, so posts show our technicians by name"; "older
followers respond to Maltese-first posts, which is why...": an audience, what
it does, wants or fears, and the change the person made because of it.  That
is the psychology of audiences at work, though no word of the lexicon says
so.  Each such phrase, from the audience word to the word after "so", becomes
a ``psychology`` span in ``doc.spans["screener"]``, which ``screener_evidence``
then filters like the ruler's spans.  Its id is ``psychology/acted_on`` (the
lexicon's ``psychology/insight`` frames are the research itself: "interviewed
...", "the survey showed ...").

The rule: a consequence mark (", so" or "; so", not "so that"; "so I", "so we",
"so posts", "so captions"...; "which is why", "that's why") with an audience
word (buyers, customers, readers, parents, people, older ...) before it in
the same stretch of text: at most 120 characters back, and no full stop,
semicolon or line break between them.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from screener.nlp.components import SPANS_KEY, register_extensions
from screener.nlp.rows import extend_spans
from screener.nlp.words import words_of

__all__ = ["INSIGHT_ID", "acted_on_by_the_person", "find_insights"]

INSIGHT_ID = "psychology/acted_on"

_AUDIENCE = re.compile(
    r"\b(?:buyers?|customers?|clients?|readers?|followers?|viewers?|listeners?|users?|"
    r"members?|parents?|students?|patients?|donors?|fans?|guests?|shoppers?|residents?|"
    r"drivers?|people|women|men|mothers|mums|moms|dads|families|visitors|subscribers|"
    r"audiences?|farmers|traders|voters|owners|teens|teenagers|kids|young people|"
    r"older \w+|locals?|tourists|diners|commuters|passengers|employees|staff|candidates|"
    r"applicants|graduates|nurses|doctors|teachers|citizens|community)\b",
    re.IGNORECASE,
)
#: A text holds a consequence mark only if its lower case holds one of these.
_QUICK = (" so", ",so", ";so", "why")
#: Where a consequence mark may be, found on lower-cased text (a scan for literals).
_MARK_WORDS = re.compile(r"so\b|why\b")
_SO_WHAT = re.compile(r"so\s+(?:i|we|posts?|captions?|content|most|every|each|our|now)\b")
_SO_THAT = re.compile(r"\s+that\b")
_NEXT_WORD = re.compile(r"\s+\w+")
_WHY_BEFORE = re.compile(r"(?:\b(?:which|that)\s+is|\bthat['’]s)\s+$")
#: After the mark, words that make someone else the one who acted ("so she asked sellers").
_SOMEONE_ELSE = frozenset({"she", "he", "they", "their", "his", "her", "them", "it", "its"})
#: How far before the consequence mark the audience may stand.
_REACH = 120
#: What ends the stretch the audience must stand in.
_STOP = re.compile(r"\.\s|[;\n]")


def find_insights(text: str) -> list[tuple[int, int]]:
    """Audience insights acted on in ``text``: ``(start, end)`` character spans.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of (int, int)
        From the first audience word of the stretch to the end of the
        consequence mark, in reading order.
    """
    low = text.lower()
    if not any(quick in low for quick in _QUICK):  # substring tests are far cheaper
        return []
    found: list[tuple[int, int]] = []
    for start, end in _marks(low):
        begin = max(found[-1][1] if found else 0, start - _REACH)
        stops = list(_STOP.finditer(text, begin, start))
        if stops:
            begin = stops[-1].end()
        audience = _AUDIENCE.search(text, begin, start)
        if audience is not None:
            found.append((audience.start(), end))
    return found


def acted_on_by_the_person(phrase: str) -> bool:
    """Whether an insight phrase ends in the person's change ("..., so I", "..., so
    posts"), not in someone else's ("..., so she").

    The audience is the subject of the phrase's first verbs ("buyers ask", "older
    traders feared"), which the agency rule reads as someone else doing the work;
    :mod:`screener.nlp.analysis` lets such a phrase count when this holds.

    Parameters
    ----------
    phrase : str
        The text of a ``psychology/acted_on`` span.

    Returns
    -------
    bool
        False when the word after the consequence mark is a third-person pronoun.
    """
    words = phrase.split()
    return not words or words[-1].lower() not in _SOMEONE_ELSE


def _marks(low: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each consequence mark in the lower-cased text ``low``."""
    marks = []
    for m in _MARK_WORDS.finditer(low):
        p = m.start()
        if p and (low[p - 1].isalnum() or low[p - 1] == "_"):
            continue  # inside a word: "also", "Lisso"
        if m.group() == "why":
            before = _WHY_BEFORE.search(low, max(0, p - 14), p)
            if before is not None:
                marks.append((before.start(), m.end()))
            continue
        q = p
        while q and low[q - 1] in " \t":
            q -= 1
        if q and low[q - 1] in ",;":  # ", so ...", but not ", so that ..."
            if _SO_THAT.match(low, m.end()) is None:
                word = _NEXT_WORD.match(low, m.end())
                marks.append((q - 1, word.end() if word else m.end()))
            continue
        what = _SO_WHAT.match(low, p)
        if what is not None:
            marks.append((p, what.end()))
    return marks


@Language.factory("screener_insights")
def make_insights(nlp: Language, name: str) -> Any:
    """Create the audience-insight finder (see module docstring)."""
    register_extensions()

    def insights(doc: Doc) -> Doc:
        found = []
        for a, b in find_insights(words_of(doc).joined):  # Doc.text, made once for all
            span = doc.char_span(
                a, b, label="psychology", span_id=INSIGHT_ID, alignment_mode="expand"
            )
            if span is not None:
                found.append(span)
        if found:
            extend_spans(doc, SPANS_KEY, found)
        return doc

    return insights
