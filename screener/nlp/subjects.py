"""Split a clause where a second subject takes over.

"The agency set the budget and I ran the ads" and "I set the budget and the
agency ran the ads" use the same words; what differs is whose verb each
noun belongs to. ``screener_lines`` splits lines into clauses before any
role is known, so the agency component splits them again here, after the
span ruler has marked the roles: a clause is cut before a coordinator's
new subject, that is ``and``/``,``/``but``/``while``/``whereas`` followed by

- ``I`` or ``we``, or
- an ``AGENCY_ROLE`` (after an optional determiner and up to two words,
  "the care lead", "the video editor") and then a finite verb, with one
  word such as "then" or "also" allowed in between.

Each part is then labelled on its own (:mod:`screener.nlp.agency`): the
budget belongs to the clause of whoever set it.
"""

from __future__ import annotations

from collections.abc import Container

__all__ = ["BETWEEN", "DETERMINERS", "split_at_subjects"]

_COORDS = frozenset({"and", ",", "but", "while", "whereas", "&"})
_SELF = frozenset({"i", "we"})
#: Determiners that may open a role: "the care lead", "our agency".
DETERMINERS = frozenset({"the", "our", "my", "their", "a", "an", "its", "his", "her", "your"})
#: One word allowed between a subject and its verb: "the lead *then* chose".
BETWEEN = frozenset(
    "has had have then also later always usually will would still now already".split()  # noqa: SIM905
)

#: A clause as ``screener_lines`` sets it: (start token, end token, line).
ClauseRange = tuple[int, int, int]


def split_at_subjects(
    low: list[str],
    clauses: list[ClauseRange],
    roles: dict[int, int],
    finite: Container[int],
) -> list[ClauseRange]:
    """Cut each ``(start, end, line)`` clause before a coordinated new subject.

    Parameters
    ----------
    low : list of str
        Lower-cased token texts of the doc.
    clauses : list of (start, end, line)
        Token ranges from ``screener_lines``.
    roles : dict of int to int
        Start -> end token of every ``AGENCY_ROLE`` span.
    finite : container of int
        Indices of tokens that may be a finite verb (a set, or anything
        answering ``in``).

    Returns
    -------
    list of (start, end, line)
        The clauses, some cut in two or more; parts keep their line.
    """
    out: list[ClauseRange] = []
    for start, end, line in clauses:
        cut = start
        for k in range(start + 1, end - 2):
            if low[k] in _COORDS and k + 1 - cut >= 3 and _subject(low, k + 1, end, roles, finite):
                out.append((cut, k + 1, line))
                cut = k + 1
        out.append((cut, end, line))
    return out


def _subject(
    low: list[str], n: int, end: int, roles: dict[int, int], finite: Container[int]
) -> bool:
    """Whether a new subject with its verb starts at token ``n``."""
    if low[n] in _SELF:
        return n + 1 < end and low[n + 1].isalpha()
    first = n + 1 if low[n] in DETERMINERS else n
    for m in range(first, min(first + 3, end)):
        stop = roles.get(m)
        if stop is None:
            continue
        if stop < end and low[stop] in BETWEEN:
            stop += 1
        return stop < end and stop in finite
    return False
