"""Agency: did the person own the work, or carry out what others planned and own?

The ``screener_agency`` component first cuts clauses (see
``screener_lines``) where a coordinated second subject takes over ("I set
the budget and | the agency ran the ads", :mod:`screener.nlp.subjects`),
then labels every clause ``own``, ``support`` or ``neutral`` from the cues the
``span_ruler`` found (labels ``AGENCY_*`` in ``patterns/agency.jsonl``) and
the ``OUTCOME`` spans.  The rule, in order:

1. **strong support** -> ``support``.  Any of:

   - an ``AGENCY_SUPPORT`` phrase (``as per``, ``from the calendar``,
     ``owned by``, ``set up by``, ``under the supervision of``, ``taking
     approvals``...), except ``<done> by`` someone above the person
     (``agreed by the board``: their own work, approved);
   - a role in the possessive (``the analyst's dashboard``, ``Legal's
     approved replies``; not the client's or the board's);
   - ``for`` + a person's role (``for the account manager``) or ``from`` +
     any role (``briefs from the brand team``), unless the role is above the
     person (board, CEO...) or the work was taken over from them (``took
     over the page from the owner``, ``inherited ... from``, ``brought
     in-house from the agency``);
   - an ownership verb whose subject is someone else (``the plan the VP of
     Marketing owns``, ``the budget they manage``, ``managers who reply``):
     a finite ``AGENCY_OWN_VERB`` or ``AGENCY_OTHER_VERB`` inside the clause
     right after an ``AGENCY_ROLE`` (or a role "of" one or two words: "the
     head of content chose") or she/he/they/who, or "which" right after a role
     ("the agency which runs"; "a campaign which grew" is the person's), allowing one word
     such as "has", "then", "also" in between. A bare verb form counts only
     after a plural role ("the editors decide"; "the PR committee report"
     is a noun), and not after how/why/what... + a pronoun ("asked how they
     chose": what the audience does) or a colon + a pronoun ("interviewed
     donors: they give for..."), nor before "to me" ("two community
     managers report to me").
2. **own** -> ``own``.  An ``AGENCY_OWN`` phrase (``responsible for``, ``to
   the board``, ``to our funders``...), an ``AGENCY_OWN_VERB`` (owned, led, ran, built, set up,
   launched, designed, negotiated, hired, grew, cut...) that opens the clause
   (after an optional ``I``/``we``/adverb) or follows ``and``/``&``/``,``/
   ``I``/``we``, or an ``OUTCOME`` that moves a number (``from 9h to
   47min``, ``down 27%``).
3. **hand-off** -> ``support``.  An ``AGENCY_HANDOFF`` verb (passed,
   forwarded, flagged, routed, escalated, referred...) followed by ``to`` in
   the same clause (not a compound such as ``share-of-voice``, and not a
   present-tense verb right after its own subject: ``older women forward
   posts to``, ``agents send cases to me``), or a phrase that says where the
   work goes (``goes to``).
4. **weak support**: ``AGENCY_SUPPORT_WEAK`` (``approved replies``,
   ``macros``, ``templates``) or an ``AGENCY_SUPPORT_VERB`` opening the
   clause (posted, scheduled, assisted, exported, uploaded, coordinated...):
   ``own`` when another clause of the same line is owned and none is
   support ("Own the plan; post daily"), else ``support``.
5. otherwise ``neutral``, which then takes the label of its line:
   ``support`` if any clause of the line is (weak) support other than a
   hand-off, else ``own`` if any is own.

Results: ``Doc._.clause_agency`` and ``Doc._.clause_handoff`` (one item per
clause); ``Doc._.others_verbs`` (sorted token indices of verbs whose
subject is someone else); the ``Token._.agency`` and ``Token._.handoff``
getters; and ``doc.spans["screener_clauses"]``, one span per clause labelled
by agency.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from screener.nlp.components import CUES_KEY, SPANS_KEY, register_extensions
from screener.nlp.rows import SpanRow, span_rows
from screener.nlp.subjects import BETWEEN, DETERMINERS, split_at_subjects
from screener.nlp.words import HYPHENS, words_of

__all__ = ["AGENCY_VALUES", "CLAUSES_KEY", "label_clauses"]

CLAUSES_KEY = "screener_clauses"
AGENCY_VALUES = ("own", "support", "neutral")
_LEADERS = frozenset(
    [
        "i",
        "we",
        "personally",
        "also",
        "then",
        "successfully",
        "independently",
        "jointly",
        "single-handedly",
        "directly",
        "actively",
        "proactively",
        "initially",
        "later",
        "fully",
        "co",
    ]
)
_COORD = frozenset({"and", "&", ",", "then", "/", "+", "i", "we", "–", "-"})
#: ``took over`` / ``inherited``: work handed *to* the person, so ``from`` + a role is no support.
_TAKE = frozenset({"take", "takes", "took", "taken", "taking"})
_INHERIT = frozenset({"inherited", "inherit", "inherits"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_POSS_DETS = frozenset({"its", "my", "their", "our", "his", "her", "your", "own"})
#: Roles above the person: approval or review by them does not make work theirs.
_ABOVE = frozenset(
    [
        "board",
        "executive",
        "exec",
        "leadership",
        "trustees",
        "funder",
        "funders",
        "donor",
        "donors",
        "committee",
        "cabinet",
        "directors",
        "c-suite",
        "ceo",
        "cmo",
        "cfo",
        "coo",
        "chief",
        "founder",
        "founders",
        "owner",
        "owners",
        "md",
        "president",
        "management",
        "senior",
        "smt",
        "slt",
        "gm",
    ]
)
_NOT_OTHERS = frozenset({"client", "clients", "brand", "company"})
_SUBJECTS = frozenset({"she", "he", "they", "who"})
#: Words before a present-tense hand-off verb that leave the person its subject.
_NOT_A_SUBJECT = (
    _COORD
    | _LEADERS
    | BETWEEN
    | frozenset(
        {
            "or",
            "to",
            "can",
            "could",
            "should",
            "must",
            "may",
            "might",
            "do",
            "did",
            "not",
            "never",
            "often",
            "please",
            "daily",
            "weekly",
            "monthly",
            "quarterly",
        }
    )
)
#: Before a subject, these open a question about behaviour ("how they chose").
_WH = frozenset({"how", "why", "what", "where", "when", "whether", "if"})
_PAST = frozenset(
    [
        "wrote",
        "built",
        "ran",
        "led",
        "chose",
        "gave",
        "drew",
        "set",
        "made",
        "took",
        "sent",
        "held",
        "kept",
        "brought",
        "oversaw",
        "began",
        "spent",
        "sold",
        "won",
        "rewrote",
        "rebuilt",
        "shot",
        "cut",
        "grew",
    ]
)


def _finite(word: str) -> bool:
    """Whether an ownership verb form is finite (``owns``, ``managed``, ``wrote``), not a noun."""
    return word.endswith(("s", "ed")) or word in _PAST


class _FiniteAt:
    """Token indices whose word may be a finite verb, read only where asked."""

    __slots__ = ("low",)

    def __init__(self, low: list[str]) -> None:
        self.low = low

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and 0 <= i < len(self.low) and _finite(self.low[i])


class _Words:
    """Lower-cased words, punctuation and spacing of a doc (:func:`words_of`)."""

    def __init__(self, doc: Doc) -> None:
        words = words_of(doc)  # read once per doc, shared with the other components
        self.text, self.low = words.text, words.low
        self.punct, self.spaced = words.punct, words.spaced

    def phrase(self, start: int, end: int) -> str:
        """Lower-cased text of tokens ``start:end``, as ``span.text.lower()`` gives it."""
        last = end - 1
        return "".join(
            self.low[k] + (" " if self.spaced[k] and k < last else "") for k in range(start, end)
        )

    def first_content(self, start: int, end: int) -> int:
        i = start
        while i < end and (self.punct[i] or self.low[i] in _LEADERS):
            i += 1
        return i

    def is_to(self, k: int) -> bool:
        """A free-standing ``to`` (not the one inside ``click-to-book``)."""
        return self.low[k] == "to" and self.spaced[k] and k > 0 and self.spaced[k - 1]

    def above(self, i: int, end: int) -> bool:
        """Whether the words from token ``i`` name someone above the person (the board...)."""
        j = i
        while j < end and self.low[j] in DETERMINERS:
            j += 1
        return any(self.low[k] in _ABOVE for k in range(j, min(j + 3, end)))

    def others_do(self, roles: dict[int, SpanRow], cue: SpanRow, start: int) -> bool:
        """``the plan the VP of Marketing owns``: a finite verb with someone else as subject."""
        i = cue.start
        prev = self.low[i - 1] if i > start else ""
        if i in roles or prev in _COORD or prev == "to":
            return False
        subject = i > start and self.subject_at(roles, i - 1, start)
        if not (_finite(self.low[i]) or subject or self._plural_role(roles, i - 1)):
            return False
        if self.to_me(i):
            return False
        if subject and i - 2 >= start and (self.low[i - 2] in _WH or self.text[i - 2] == ":"):
            # "asked how they chose", "interviewed donors: they give for...": what the
            # audience does or was found to do, not who owns the work
            return False
        if any(self.text[k] in _POSSESSIVE for k in range(max(start, i - 2), i)):
            return False
        j = i - 1
        if j > start and self.low[j] in BETWEEN:
            j -= 1
        if j >= start and (j in roles or self.subject_at(roles, j, start)):
            return True
        # "the head of content chose": a role, "of" and one or two words
        return any(
            k - 1 >= start and self.low[k] == "of" and (k - 1) in roles for k in (j - 1, j - 2)
        )

    def subject_at(self, roles: dict[int, SpanRow], k: int, start: int) -> bool:
        """she/he/they/who at ``k``, or "which" right after a role ("the agency which
        runs", "the agency, which runs"): "a campaign which grew" is the person's work."""
        if self.low[k] != "which":
            return self.low[k] in _SUBJECTS
        before = k - 2 if k - 2 >= start and self.text[k - 1] == "," else k - 1
        return before >= start and before in roles

    def _plural_role(self, roles: dict[int, SpanRow], k: int) -> bool:
        """A plural role at ``k`` ("the editors *decide*"); a singular one before a
        bare verb form is a compound noun ("the PR committee *report*")."""
        return k in roles and self.low[k].endswith("s")

    def took_over(self, start: int, i: int) -> bool:
        """``took over the page from the owner``, ``brought it in-house from the
        agency``: a hand-over *to* the person before ``i``."""
        low = self.low
        return any(
            low[k] in _INHERIT
            or (low[k] in _TAKE and low[k + 1] == "over")
            or (low[k] == "in" and (low[k + 1] == "house" or low[k + 1 : k + 3] == ["-", "house"]))
            for k in range(start, i - 1)
        )

    def to_me(self, i: int) -> bool:
        """``two community managers report to me``: the person is who they answer to."""
        return self.low[i + 1 : i + 3] in (["to", "me"], ["to", "us"])

    def named_subject(self, i: int, start: int) -> bool:
        """``older women forward posts to``, ``agents send tickets to me``: a present-tense
        verb right after a word that can only be its subject, so not the person's hand-off."""
        low = self.low[i]
        if i <= start or low.endswith(("ed", "ing")) or low in _PAST:
            return False
        prev = self.low[i - 1]
        return prev.isalpha() and prev not in _NOT_A_SUBJECT

    def compound(self, i: int, end: int) -> bool:
        """Token ``i`` opens a hyphenated compound (``share-of-voice``)."""
        return not self.spaced[i] and i + 1 < end and self.text[i + 1] in HYPHENS

    def role_after(self, roles: dict[int, SpanRow], i: int, end: int) -> SpanRow | None:
        """Role that follows the preposition at ``i`` (skipping a determiner and two words)."""
        j = i + 1
        if j < end and self.low[j] in DETERMINERS:
            j += 1
        for k in range(j, min(j + 3, end)):
            if k in roles:
                return roles[k]
        return None


def _label_one(
    w: _Words, start: int, end: int, cues: list[SpanRow], change: bool, others: set[int]
) -> tuple[str, bool]:
    roles = {t: c for c in cues if c.label == "AGENCY_ROLE" for t in range(c.start, c.end)}
    first = w.first_content(start, end)
    strong = own = weak = handoff = False
    for cue in cues:
        label = cue.label
        prev = w.low[cue.start - 1] if cue.start > start else ""
        if label == "AGENCY_SUPPORT":
            if not (w.low[cue.end - 1] == "by" and w.above(cue.end, end)):
                strong = True
        elif label == "AGENCY_SUPPORT_VERB":
            weak = weak or cue.start == first
        elif label == "AGENCY_SUPPORT_WEAK":
            weak = True
        elif label == "AGENCY_OWN":
            own = True
        elif label == "AGENCY_HANDOFF":
            if cue.end - cue.start == 1 and (
                w.compound(cue.start, end) or w.named_subject(cue.start, start)
            ):
                continue
            if cue.end - cue.start > 1 or any(w.is_to(k) for k in range(cue.end, end)):
                handoff = True
        elif label in {"AGENCY_OWN_VERB", "AGENCY_OTHER_VERB"}:
            if prev in _POSS_DETS:
                continue
            if label == "AGENCY_OWN_VERB" and (cue.start == first or prev in _COORD):
                own = True
            elif cue.start != first and w.others_do(roles, cue, start):
                strong = True
                others.add(cue.start)
        elif label == "AGENCY_ROLE":
            nxt = w.text[cue.end] if cue.end < end else ""
            if nxt in _POSSESSIVE and w.phrase(cue.start, cue.end) not in _NOT_OTHERS | _ABOVE:
                strong = True
    if roles and not strong:
        for i in range(start, end):
            if w.low[i] in {"for", "from"}:
                role = w.role_after(roles, i, end)
                if role is None or w.above(i + 1, end):
                    continue
                if w.low[i] == "from" and w.took_over(start, i):
                    continue
                if role.id == "person" or w.low[i] == "from":
                    strong = True
    if strong:
        return "support", handoff
    if own or change:
        return "own", False
    if handoff:
        return "support", True
    return ("weak" if weak else "neutral"), False


def label_clauses(
    doc: Doc, words: _Words | None = None, cues: list[SpanRow] | None = None
) -> tuple[list[str], list[bool], set[int]]:
    """Agency label and hand-off flag of every clause, and the tokens of others' verbs.

    The third item holds the indices of ownership verbs whose subject is
    someone else (``the dashboard the analyst *owns*``, ``managers who
    *reply*``): evidence starting there is someone else's work.  ``words``
    and ``cues`` are the doc's words and cue spans when the caller has
    read them already.
    """
    clauses = doc._.clauses or []
    starts = doc._.clause_starts or []
    cue_lists: list[list[SpanRow]] = [[] for _ in clauses]
    change = [False] * len(clauses)
    for cue in cues if cues is not None else span_rows(doc, CUES_KEY):
        i = bisect.bisect_right(starts, cue.start) - 1
        if i >= 0 and cue.start < clauses[i][1]:
            cue_lists[i].append(cue)
    for row in span_rows(doc, SPANS_KEY):
        if row.label == "OUTCOME" and row.id == "change":
            i = bisect.bisect_right(starts, row.start) - 1
            if i >= 0 and row.start < clauses[i][1]:
                change[i] = True
    w = words if words is not None else _Words(doc)
    labels: list[str] = []
    handoffs: list[bool] = []
    others: set[int] = set()
    for (start, end, _line), cues, moved in zip(clauses, cue_lists, change):
        label, handoff = _label_one(w, start, end, cues, moved, others)
        labels.append(label)
        handoffs.append(handoff)
    by_line: dict[int, set[str]] = {}
    for (_s, _e, line), label, handoff in zip(clauses, labels, handoffs):
        # a hand-off clause is support itself but does not make its neighbours support
        by_line.setdefault(line, set()).add("handoff" if handoff and label == "support" else label)
    for i, (_s, _e, line) in enumerate(clauses):
        seen = by_line[line]
        if labels[i] == "weak":
            labels[i] = "own" if "own" in seen and "support" not in seen else "support"
        elif labels[i] == "neutral":
            if "support" in seen or "weak" in seen:
                labels[i] = "support"
            elif "own" in seen:
                labels[i] = "own"
    return labels, handoffs, others


def _split_clauses(doc: Doc, w: _Words, cues: list[SpanRow]) -> None:
    """Cut clauses where a second subject takes over (:mod:`screener.nlp.subjects`)."""
    clauses = doc._.clauses or []
    if not clauses:
        return
    roles: dict[int, int] = {}
    for cue in cues:
        if cue.label == "AGENCY_ROLE":
            roles[cue.start] = max(roles.get(cue.start, 0), cue.end)
    split = split_at_subjects(w.low, clauses, roles, _FiniteAt(w.low))
    if len(split) != len(clauses):
        doc._.clauses = split
        doc._.clause_starts = [c[0] for c in split]


@Language.factory("screener_agency")
def make_agency(nlp: Language, name: str) -> Any:
    """Create the agency labeller (see module docstring)."""
    register_extensions()

    def agency(doc: Doc) -> Doc:
        words, cues = _Words(doc), span_rows(doc, CUES_KEY)  # for the cut and the labels
        _split_clauses(doc, words, cues)
        labels, handoffs, others = label_clauses(doc, words, cues)
        doc._.clause_agency = labels
        doc._.clause_handoff = handoffs
        doc._.others_verbs = sorted(others)  # a list, so the doc serialises (DocBin, pipe)
        doc.spans[CLAUSES_KEY] = [
            Span(doc, s, e, label) for (s, e, _line), label in zip(doc._.clauses or [], labels)
        ]
        return doc

    return agency
