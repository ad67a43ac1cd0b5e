"""Whether a document is the text the model was built for: a resume's length, in English.

The model scores a resume by counting evidence.  A document far longer than
a resume piles up evidence of every dimension by sheer length: a 12-page
research paper from ``shared/corpus/pdf-robustness`` scored 0.80
"strategic" with all six dimensions, a DMCA text 0.57.  A document of a few
words (a test page, "Hello world") gets a confident "not strategic" that
says nothing about a person.  Both still get their probability and
evidence, but :class:`~screener.Screener` sends them to ``review`` with the
reason :func:`check_scope` gives (``too_short`` or ``too_long``), never a
silent decision.  So does a resume that is not in English
(``not_english``, see :mod:`screener.language`): the lexicon and the model
read English, and a resume in Chinese got "not strategic" at 0.00.

``DEFAULT_WORD_RANGE`` (40 to 4,000 words) was set from resumes and
non-resumes outside the labelled validation set: the training corpus
(``data/corpus``, 103 to 791 words), the real resumes of
``shared/corpus/real-resumes`` (90 to 2,067 words) and the readable
documents of ``shared/corpus/pdf-robustness`` (1 to 52,241 words; the ten
over 4,000 are journal papers, reports, a tax guide, a legal text and a data
table), as ``benchmarks/scope_report.py`` prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from screener.language import CJK_CHARS, ENGLISH, written_language

__all__ = ["DEFAULT_WORD_RANGE", "ScopeCheck", "check_scope", "count_words"]

#: Fewest and most words of a document screened as a resume.
DEFAULT_WORD_RANGE: tuple[int, int] = (40, 4000)

# Chinese, Japanese and Korean are written without spaces between words
# (compatibility ideographs counted too).
_CJK = re.compile(f"[{CJK_CHARS}\uf900-\ufaff]")


@dataclass(frozen=True)
class ScopeCheck:
    """The outcome of :func:`check_scope`.

    Attributes
    ----------
    words : int
        The document's words (see :func:`count_words`).
    reason : str or None
        ``"too_short"``, ``"too_long"``, ``"not_english"``, or None when the
        document is in scope.
    message : str or None
        What a reviewer reads, e.g. "12,004 words: longer than a resume
        (at most 4,000)".
    """

    words: int
    reason: str | None = None
    message: str | None = None

    @property
    def in_scope(self) -> bool:
        """Whether the document is the length of a resume and in English."""
        return self.reason is None


def count_words(text: str) -> int:
    """Words of ``text``: runs of other characters between spaces, and CJK characters.

    Chinese, Japanese and Korean text has few spaces, so its characters are
    counted apart, two to a word (about the length of a Chinese word).
    """
    cjk = len(_CJK.findall(text))
    return len((_CJK.sub(" ", text) if cjk else text).split()) + cjk // 2


def check_scope(
    text: str,
    word_range: tuple[int, int] | None = DEFAULT_WORD_RANGE,
    *,
    english_only: bool = True,
) -> ScopeCheck:
    """Check that ``text`` has the length of a resume and is in English.

    Parameters
    ----------
    text : str
        The document text.
    word_range : (int, int) or None
        Fewest and most words in scope (both included); None: any length.
    english_only : bool
        Also check the language (:func:`screener.language.written_language`).

    Returns
    -------
    ScopeCheck
        The word count, and a reason (``too_short``, ``too_long``,
        ``not_english``, in that order) and message when it is out of scope.

    Raises
    ------
    ValueError
        If ``word_range`` is not two whole numbers, low to high, from 0.
    """
    low, high = _checked(word_range) if word_range is not None else (0, None)
    words = count_words(text)
    if words < low:
        return ScopeCheck(words, "too_short", f"{words:,} words: too short for a resume "
                                             f"(at least {low:,})")  # fmt: skip
    if high is not None and words > high:
        return ScopeCheck(words, "too_long", f"{words:,} words: longer than a resume "
                                            f"(at most {high:,})")  # fmt: skip
    if english_only:
        language = written_language(text)
        if language != ENGLISH:
            return ScopeCheck(words, "not_english", f"written in {language}: the lexicon "
                                                    "and the model read English")  # fmt: skip
    return ScopeCheck(words)


def _checked(word_range: tuple[int, int]) -> tuple[int, int]:
    try:
        low, high = word_range
    except (TypeError, ValueError):
        raise ValueError(f"word_range must be (fewest, most) words, not {word_range!r}") from None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (low, high)):
        raise ValueError(f"word_range must be two whole numbers, not {word_range!r}")
    if not 0 <= low <= high:
        raise ValueError(f"word_range must run from 0 up, fewest first, not {word_range!r}")
    return low, high
