"""Build the spaCy evidence pipeline.

``build_nlp()`` returns ``spacy.blank("en")`` (or a user's installed model)
with, in order:

1. ``screener_lines``: every bullet / line / ``;``-clause is a sentence;
2. ``span_ruler`` (spaCy's ``SpanRuler`` with a faster ``match``, see
   :mod:`screener.nlp.ruler`; spans key ``"screener"``, phrases matched on lower case)
   loaded from the JSONL files shipped in ``screener/nlp/patterns/`` plus any
   user files (validated, see :mod:`screener.nlp.lexicon`); one-token
   case-sensitive patterns go to its phrase matcher too (:func:`cased_phrases`);
3. ``screener_outcomes``: quantified outcomes (regular expressions);
4. ``screener_insights``: audience insights acted on, as ``psychology`` spans
   (see :mod:`screener.nlp.insights`);
5. ``screener_evidence``: phrase frames, overlap filtering, agency cues aside;
6. ``screener_agency``: own / support / neutral per clause.

Nothing is downloaded and nothing needs the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.errors import LexiconError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = [
    "CASED_PREFIX",
    "PIPE_NAMES",
    "build_nlp",
    "cased_phrases",
    "drop_identity_special_cases",
    "user_patterns",
]

PIPE_NAMES = (
    "screener_lines",
    "span_ruler",
    "screener_outcomes",
    "screener_insights",
    "screener_evidence",
    "screener_agency",
)

#: Span id prefix of the phrase patterns made by :func:`cased_phrases`.
CASED_PREFIX = "screener-cased:"


def cased_phrases(
    patterns: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Turn one-token case-sensitive token patterns into lower-case phrase patterns.

    spaCy's token ``Matcher`` costs about 0.5 ms per resume even for the
    seven one-token patterns of ``entities.jsonl`` (``{"ORTH": "X"}``,
    ``{"ORTH": "Later", "IS_SENT_START": false}``...), three times what the
    phrase matcher costs for the five thousand others.  A token pattern of one
    token whose only keys are ``ORTH`` and optionally ``IS_SENT_START: false``
    becomes the phrase pattern of its lower case, under a span id of
    ``CASED_PREFIX`` and a number; ``screener_evidence`` keeps its matches
    only where the token's text is the ``ORTH`` and, if asked, the token does
    not start a sentence, and gives them back their own id.  So the spans are
    the ones the token pattern would have matched.

    Parameters
    ----------
    patterns : list of dict
        Validated span ruler patterns.

    Returns
    -------
    patterns : list of dict
        The patterns, with the convertible token patterns replaced.
    checks : dict
        For each new span id: ``orth``, ``not_sent_start`` and the original ``id``.
    """
    out: list[dict[str, Any]] = []
    checks: dict[str, dict[str, Any]] = {}
    for pattern in patterns:
        tokens = pattern.get("pattern")
        token = tokens[0] if isinstance(tokens, list) and len(tokens) == 1 else None
        orth = token.get("ORTH") if isinstance(token, dict) else None
        if (
            not isinstance(orth, str)
            or not orth
            or any(c.isspace() for c in orth)
            or set(token) - {"ORTH", "IS_SENT_START"}
            or token.get("IS_SENT_START", False) is not False
        ):
            out.append(pattern)
            continue
        key = f"{CASED_PREFIX}{len(checks)}"
        checks[key] = {
            "orth": orth,
            "not_sent_start": "IS_SENT_START" in token,
            "id": pattern.get("id", ""),
        }
        out.append({"label": pattern["label"], "pattern": orth.lower(), "id": key})
    return out, checks


def user_patterns(extra: str | Path | Iterable[str | Path] | None) -> list[dict[str, Any]]:
    """Load and validate the user's own JSONL pattern files.

    Parameters
    ----------
    extra : path or list of paths, optional
        Pattern files in the format of the shipped ones.

    Returns
    -------
    list of dict
        The patterns of all files, in order (none for ``None``).

    Raises
    ------
    LexiconError
        If a file is missing or a line is invalid (the message names both).
    """
    from screener.nlp.lexicon import load_patterns

    if extra is None:
        return []
    paths = [extra] if isinstance(extra, (str, Path)) else list(extra)
    out: list[dict[str, Any]] = []
    for path in paths:
        if not Path(path).is_file():
            raise LexiconError(f"{path}: pattern file not found")
        out.extend(load_patterns(path))
    return out


def drop_identity_special_cases(nlp: Language) -> int:
    """Remove tokenizer special cases that only restate what the rules give.

    spaCy 3.8 stops caching a text's chunks once one special case has been
    seen in it (explosion/spaCy#13950).  ``"\\n"`` and ``"—"`` are special
    cases of the English tokenizer that map to themselves, so every resume
    after its first line went through the affix rules chunk by chunk: 5 ms of
    a 10 ms analysis.  A special case is dropped only when it is one token
    equal to itself with no other attribute, and the affix rules alone give
    that same single token, so no token, offset or attribute changes.

    Parameters
    ----------
    nlp : spacy.language.Language
        The pipeline whose tokenizer is changed in place.

    Returns
    -------
    int
        How many special cases were dropped.
    """
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return 0
    rules = dict(tokenizer.rules or {})
    bare = Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    drop = {
        key
        for key, tokens in rules.items()
        if len(tokens) == 1
        and set(tokens[0]) == {ORTH}
        and tokens[0][ORTH] == key
        and [t.text for t in bare(key)] == [key]
    }
    if drop:
        tokenizer.rules = {k: v for k, v in rules.items() if k not in drop}
    return len(drop)


#: Chunks (whitespace-separated pieces of text) the tokenizer keeps tokenized.
TOKENIZER_CACHE_SIZE = 200_000


def widen_tokenizer_cache(nlp: Language, size: int = TOKENIZER_CACHE_SIZE) -> None:
    """Let the tokenizer cache ``size`` chunks instead of spaCy's default 10,000.

    spaCy caches how each chunk of text was tokenized, but stops adding
    chunks once 10,000 are cached; it never evicts.  Resumes are full of
    chunks that occur once (names, figures, "2019–2021"), so the cache is
    full after about 100 resumes and chunks first met later (a tool name
    with a comma after it) go through the affix rules every time.  The
    corpus's 1,368 resumes hold about 39,000 distinct chunks, which cost about
    5 MB cached; 200,000 chunks stay under about 30 MB.  The tokens are the
    same either way: a cached chunk is what the rules gave the first time.

    Parameters
    ----------
    nlp : spacy.language.Language
        The pipeline whose tokenizer is changed in place.
    size : int
        The most chunks to cache; a larger limit already set is kept.
    """
    tokenizer = nlp.tokenizer
    if isinstance(getattr(tokenizer, "max_cache_size", None), int):
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, size)


def build_nlp(
    model: str | None = None,
    extra_patterns: str | Path | Iterable[str | Path] | None = None,
) -> Language:
    """Build the evidence pipeline.

    Parameters
    ----------
    model : str, optional
        Name or path of an installed spaCy pipeline (e.g. ``"en_core_web_sm"``)
        to build on; default ``spacy.blank("en")``.  Never downloaded.
    extra_patterns : path or list of paths, optional
        The user's own JSONL pattern files, added after the shipped ones.

    Returns
    -------
    spacy.language.Language
        The pipeline; run it on ``Document.text`` or use
        :func:`screener.nlp.analyze`.

    Raises
    ------
    LexiconError
        If a pattern file is missing or invalid (the message names the file
        and line).
    OSError
        If ``model`` is not installed.
    """
    import spacy

    from screener.nlp import agency, components, insights, outcomes  # noqa: F401  (factories)
    from screener.nlp import ruler as _ruler  # noqa: F401  (registers screener_span_ruler)
    from screener.nlp.affixes import skip_plain_chunks
    from screener.nlp.lexicon import package_patterns

    patterns, checks = cased_phrases(package_patterns() + user_patterns(extra_patterns))
    nlp = spacy.blank("en") if model is None else spacy.load(model)
    drop_identity_special_cases(nlp)
    widen_tokenizer_cache(nlp)
    skip_plain_chunks(nlp)
    ruler_name = "span_ruler" if "span_ruler" not in nlp.pipe_names else "screener_span_ruler"
    ruler = nlp.add_pipe(
        "screener_span_ruler",
        name=ruler_name,
        config={"spans_key": components.SPANS_KEY, "phrase_matcher_attr": "LOWER"},
    )
    # Patterns are added before the clause splitter goes in front of the ruler:
    # SpanRuler runs the components before it over every phrase pattern, and
    # phrases matched on LOWER only need the tokenizer (the ruler is the same).
    ruler.add_patterns(patterns)
    nlp.add_pipe("screener_lines", before=ruler_name)
    nlp.add_pipe("screener_outcomes")
    nlp.add_pipe("screener_insights")
    nlp.add_pipe("screener_evidence", config={"cased": checks})
    nlp.add_pipe("screener_agency")
    return nlp
