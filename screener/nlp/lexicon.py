"""The lexicon: JSONL pattern files, validated on load.

Each line of a pattern file is one JSON object in the format of spaCy's
``span_ruler``: ``{"label": ..., "pattern": ..., "id": ...}``, where
``pattern`` is a phrase (a string, matched on lower-cased tokens) or a token
pattern (a list of token dicts, as for spaCy's ``Matcher``).  Blank lines are
skipped.  Labels:

- the six dimension keys and ``consumer_use``: evidence terms;
- ``ACTION`` and ``OBJECT``: the two halves of a phrase frame.  Their ``id``
  is ``"<dimension>/<frame>"``; an ACTION followed, in the same clause and
  within four tokens, by an OBJECT of the same ``id`` makes one evidence
  phrase (``answered`` + ``tweets`` -> "answered angry tweets");
- ``PLATFORM``, ``TOOL``, ``OUTCOME``, ``JOB_TITLE``, ``SENIORITY``: entities
  (a ``TOOL``'s ``id`` is its kind: social, listening, ads, crm, helpdesk,
  analytics, bi, cms, design, code, work, office);
- ``AGENCY_OWN_VERB``, ``AGENCY_OTHER_VERB``, ``AGENCY_OWN``, ``AGENCY_SUPPORT_VERB``,
  ``AGENCY_SUPPORT``, ``AGENCY_SUPPORT_WEAK``, ``AGENCY_HANDOFF``,
  ``AGENCY_ROLE``: cues for the ``screener_agency`` component (see
  :mod:`screener.nlp.agency`; a role's ``id`` is ``person`` or ``group``).

A pattern whose ``id`` is ``"ignore"`` is a stop phrase: it wins overlaps
against its label's other matches and is then dropped, so ``adult social
care`` keeps ``social care`` from counting.  An ``OBJECT`` stop phrase
removes the frame objects it overlaps before frames are joined, so ``data
requests`` keeps "answer ad-hoc data requests" from being a reply to
customers.  Evidence pattern ids matter to
the counting rule of :mod:`screener.nlp.analysis`
(``customer_engagement/customer``, ``customer_engagement/reply``).

Inflection (spacy.blank("en") has no lemmatizer): phrase patterns of the
verb labels (``ACTION``, ``AGENCY_OWN_VERB``, ``AGENCY_OTHER_VERB``,
``AGENCY_SUPPORT_VERB``, ``AGENCY_HANDOFF``) are written in the base form
and the loader adds the ``-s``, ``-ed`` and ``-ing`` forms of their first
word (irregular verbs from a table); phrase patterns of ``OBJECT`` and
``AGENCY_ROLE`` get the plural of their last word.  This is the "list the
forms" choice rather than a ``Token._.stem`` component: spaCy's ``Matcher``
evaluates extension attributes and ``IN`` sets in Python for every token and
pattern (measured here at about 200 ms per resume for 300 such patterns),
while the ``PhraseMatcher`` matches thousands of listed forms in well under a
millisecond.  Token patterns are passed through unchanged; ``build_nlp``
then hands one-token ``ORTH`` patterns to the phrase matcher as well
(:func:`screener.nlp.pipeline.cased_phrases`), so a lexicon with no other
token patterns never runs the ``Matcher``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from screener.errors import LexiconError
from screener.types import CONSUMER_USE, DIMENSIONS

__all__ = [
    "AGENCY_LABELS",
    "ALLOWED_LABELS",
    "ENTITY_GROUPS",
    "ENTITY_LABELS",
    "EVIDENCE_LABELS",
    "EVIDENCE_SET",
    "FRAME_LABELS",
    "IGNORE_ID",
    "expand",
    "load_patterns",
    "package_patterns",
    "verb_forms",
]

ENTITY_LABELS = ("PLATFORM", "TOOL", "OUTCOME", "JOB_TITLE", "SENIORITY")
AGENCY_LABELS = (
    "AGENCY_OWN_VERB",
    "AGENCY_OTHER_VERB",
    "AGENCY_OWN",
    "AGENCY_SUPPORT_VERB",
    "AGENCY_SUPPORT",
    "AGENCY_SUPPORT_WEAK",
    "AGENCY_HANDOFF",
    "AGENCY_ROLE",
)
FRAME_LABELS = ("ACTION", "OBJECT")
EVIDENCE_LABELS = (*DIMENSIONS, CONSUMER_USE)
EVIDENCE_SET = frozenset(EVIDENCE_LABELS)
#: Labels whose overlapping spans compete (the longest wins): "Facebook Ads" over "Facebook".
ENTITY_GROUPS = {"PLATFORM": "PLATFORM|TOOL", "TOOL": "PLATFORM|TOOL"}
#: Pattern id of stop phrases: they win overlaps for their label and are then dropped.
IGNORE_ID = "ignore"
ALLOWED_LABELS = frozenset((*EVIDENCE_LABELS, *ENTITY_LABELS, *AGENCY_LABELS, *FRAME_LABELS))
_VERB_LABELS = frozenset(
    {"ACTION", "AGENCY_OWN_VERB", "AGENCY_OTHER_VERB", "AGENCY_SUPPORT_VERB", "AGENCY_HANDOFF"}
)
_NOUN_LABELS = frozenset({"OBJECT", "AGENCY_ROLE"})
_KEYS = frozenset({"label", "pattern", "id"})

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("is", "was", "were", "been", "being", "am", "are"),
    "build": ("built",), "buy": ("bought",), "bring": ("brought",), "catch": ("caught",),
    "choose": ("chose", "chosen"), "cut": ("cut",), "deal": ("dealt",), "do": ("did", "done"),
    "draw": ("drew", "drawn"), "drive": ("drove", "driven"), "fall": ("fell", "fallen"),
    "find": ("found",), "get": ("got", "gotten"), "give": ("gave", "given"), "go": ("went", "gone"),
    "grow": ("grew", "grown"), "hold": ("held",), "keep": ("kept",), "lead": ("led",),
    "make": ("made",), "meet": ("met",), "oversee": ("oversaw", "overseen"), "pay": ("paid",),
    "put": ("put",), "read": ("read",), "rise": ("rose", "risen"), "run": ("ran",),
    "say": ("said",), "see": ("saw", "seen"), "sell": ("sold",), "send": ("sent",),
    "set": ("set",), "shoot": ("shot",), "sit": ("sat",), "speak": ("spoke", "spoken"),
    "spend": ("spent",), "take": ("took", "taken"), "teach": ("taught",), "tell": ("told",),
    "think": ("thought",), "undertake": ("undertook", "undertaken"), "win": ("won",),
    "write": ("wrote", "written"), "rewrite": ("rewrote", "rewritten"), "begin": ("began", "begun"),
    "rebuild": ("rebuilt",), "hire": ("hired",), "feed": ("fed",), "hand": ("handed",),
    "co-write": ("co-wrote", "co-written"), "co-lead": ("co-led",), "co-run": ("co-ran",),
    "forecast": ("forecast",), "upset": ("upset",), "broadcast": ("broadcast",),
    "stand": ("stood",), "understand": ("understood",), "sit in": ("sat in",),
}  # fmt: skip
_VOWELS = set("aeiou")


def _double(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing (plan -> planned)."""
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in "wxy":
        return False
    if word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    short = sum(c in _VOWELS for c in word) == 1
    return short or word.endswith(("fer", "mit", "pel", "trol"))


def verb_forms(verb: str) -> list[str]:
    """Return the base, -s, -ed and -ing forms of ``verb`` (overgeneration is harmless)."""
    v = verb.lower()
    forms = {v, *_IRREGULAR.get(v, ())}
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(v + "es")
    elif v.endswith("y") and v[-2:-1] not in _VOWELS:
        forms |= {v[:-1] + "ies", v[:-1] + "ied"}
    else:
        forms.add(v + "s")
    if v.endswith("e") and not v.endswith("ee"):
        forms |= {v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and v[-2:-1] not in _VOWELS:
        forms.add(v + "ing")
    elif _double(v):
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing", v + "ed", v + "ing"}
    else:
        forms |= {v + "ed", v + "ing"}
    if v.endswith("ie"):
        forms.add(v[:-2] + "ying")
    return sorted(forms)


def _plural(noun: str) -> list[str]:
    n = noun.lower()
    if n.endswith(("s", "sh", "ch", "x", "z")):
        return [n, n + "es"]
    if n.endswith("y") and n[-2:-1] not in _VOWELS:
        return [n, n[:-1] + "ies"]
    return [n, n + "s"]


def expand(pattern: dict[str, Any]) -> list[dict[str, Any]]:
    """Expand one validated pattern into its inflected forms (see module docstring)."""
    phrase = pattern["pattern"]
    if not isinstance(phrase, str):
        return [pattern]
    head, _, rest = phrase.partition(" ")
    if pattern["label"] in _VERB_LABELS:
        if phrase.lower() in _IRREGULAR:
            variants = verb_forms(phrase)
        else:
            variants = [f"{f} {rest}".strip() for f in verb_forms(head)]
    elif pattern["label"] in _NOUN_LABELS:
        stem, _, last = phrase.rpartition(" ")
        variants = [f"{stem} {f}".strip() for f in _plural(last)]
    else:
        return [pattern]
    return [{**pattern, "pattern": v} for v in dict.fromkeys(variants)]


def _problem(obj: Any) -> str | None:
    """Return what is wrong with one decoded line, or None."""
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    extra = sorted(set(obj) - _KEYS)
    if extra:
        return f"unknown key {extra[0]!r} (allowed: id, label, pattern)"
    for key in ("label", "pattern"):
        if key not in obj:
            return f"missing {key!r} key"
    label, pattern = obj["label"], obj["pattern"]
    if not isinstance(label, str):
        return f"'label' must be a string, got {type(label).__name__}"
    if label not in ALLOWED_LABELS:
        return f"unknown label {label!r} (allowed: {', '.join(sorted(ALLOWED_LABELS))})"
    if "id" in obj and not isinstance(obj["id"], str):
        return f"'id' must be a string, got {type(obj['id']).__name__}"
    if label in FRAME_LABELS and not (label == "OBJECT" and obj.get("id") == IGNORE_ID):
        frame = str(obj.get("id", "")).partition("/")[0]
        if frame not in EVIDENCE_LABELS:
            return f"{label} patterns need an 'id' of the form '<dimension>/<frame>'" + (
                " (or 'ignore', for an OBJECT stop phrase)" if label == "OBJECT" else ""
            )
    if isinstance(pattern, str):
        return None if pattern.strip() else "'pattern' is an empty string"
    if not isinstance(pattern, list) or not pattern:
        return "'pattern' must be a non-empty string or a non-empty list of token objects"
    if not all(isinstance(tok, dict) for tok in pattern):
        return "every token of a token 'pattern' must be a JSON object"
    from spacy.schemas import validate_token_pattern

    errors = validate_token_pattern(pattern)
    return f"invalid token pattern: {errors[0]}" if errors else None


def load_patterns(path: str | Path) -> list[dict[str, Any]]:
    """Read and validate one JSONL pattern file.

    Parameters
    ----------
    path : str or Path
        A UTF-8 file with one pattern object per line.

    Returns
    -------
    list of dict
        The patterns, already expanded to their inflected forms.

    Raises
    ------
    LexiconError
        If the file cannot be read or a line is not valid JSON, has an
        unknown label or key, misses ``label``/``pattern``, or has values of
        the wrong type.  The message names the file and the line number.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read pattern file ({exc})") from exc
    return _parse(text, str(path))


def _parse(text: str, where: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{where}, line {lineno}: not valid JSON ({exc.msg})") from None
        problem = _problem(obj)
        if problem:
            raise LexiconError(f"{where}, line {lineno}: {problem}")
        out.extend(expand(obj))
    return out


def package_patterns(names: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Load the pattern files shipped in ``screener/nlp/patterns/`` (all by default)."""
    folder = resources.files("screener.nlp") / "patterns"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".jsonl")), key=lambda f: f.name)
    out: list[dict[str, Any]] = []
    for f in files:
        if names is None or f.name in names:
            out.extend(_parse(f.read_text(encoding="utf-8"), f"screener/nlp/patterns/{f.name}"))
    return out
