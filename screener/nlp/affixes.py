"""Skip the English affix rules on chunks they cannot split.

The first time spaCy's tokenizer meets a chunk of text it runs the prefix,
suffix and infix expressions and the URL matcher on it, and on what is left
after each split.  The English suffix expression is 12,000 characters of
alternatives anchored at ``$``, and Python's ``re`` tries them at every
position: about 8 µs a call on an eight-letter word.  A batch of new resumes
is mostly chunks the tokenizer has not seen (names, places, figures), so
this is about a fifth of what the first sight of a chunk costs.

A chunk of ASCII letters followed by ASCII digits (``Managed``, ``2019``,
``Q3``, the ``Managed`` left of ``Managed,``) cannot be matched by any of
spaCy's English rules:

- every prefix, suffix and infix needs a character that is not an ASCII
  letter or digit (punctuation, quotes, currency, symbols, ``'s``), or is a
  unit (``km``, ``MB``) that must follow a digit, and such a chunk has no
  letter after a digit;
- the URL matcher needs a ``.`` (a domain or an IP address).

:func:`skip_plain_chunks` wraps the four so that such a chunk returns "no
match" at once.  On other chunks it also spares the suffix and infix
expressions the chunk's leading ASCII letters, where none of their matches
can start (a unit or currency code that starts with a letter must follow a
digit): they search from the first other character, and their lookbehinds
still see the letters before it (``Managed.``, ``USA.``).  The URL matcher is
skipped when the chunk has no ``.``.  All this only when the tokenizer holds
spaCy's own English expressions (a user's model with other rules keeps them
as they are), so the tokens are the ones spaCy gives
(``tests/nlp/test_affixes.py`` compares them).  The wrappers keep the
expression's ``pattern``, so ``nlp.to_disk`` writes the same tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["PLAIN_CHUNK", "skip_plain_chunks"]

#: ASCII letters, then ASCII digits: no English affix rule or URL can match.
PLAIN_CHUNK = re.compile(r"[A-Za-z]*[0-9]*")
_LEAD = re.compile(r"([A-Za-z]*)[0-9]*")  # group 1: the leading letters

_ATTRS = ("prefix_search", "suffix_search", "infix_finditer", "url_match")
#: The expressions whose matches can start anywhere: searched after the leading letters.
_UNANCHORED = frozenset({"suffix_search", "infix_finditer"})


class _PlainSkip:
    """A compiled expression's method that answers what it cannot match itself.

    ``pattern`` and ``__self__.pattern`` are what spaCy's tokenizer
    serialiser reads from a bound method of a compiled expression.
    """

    def __init__(self, name: str, method: Callable[..., Any]) -> None:
        self.method = method
        self.pattern = method.__self__.pattern  # type: ignore[attr-defined]
        self.finds = name == "infix_finditer"
        self.url = name == "url_match"
        self.unanchored = name in _UNANCHORED

    def __call__(self, text: str) -> Any:
        if self.url:
            return self.method(text) if "." in text else None
        lead = _LEAD.match(text)  # it matches every text, if only the empty string
        letters, plain = (lead.end(1), lead.end()) if lead else (0, 0)
        if plain == len(text):
            return iter(()) if self.finds else None
        if self.unanchored:
            return self.method(text, letters)
        return self.method(text)


def _english_expressions() -> dict[str, str]:
    """The patterns of ``spacy.blank("en")``'s affix expressions and URL matcher."""
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = English.Defaults
    return {
        "prefix_search": compile_prefix_regex(defaults.prefixes).pattern,
        "suffix_search": compile_suffix_regex(defaults.suffixes).pattern,
        "infix_finditer": compile_infix_regex(defaults.infixes).pattern,
        "url_match": defaults.url_match.__self__.pattern,
    }


def skip_plain_chunks(nlp: Language) -> bool:
    """Let the tokenizer skip its affix rules on plain chunks (see module docstring).

    Parameters
    ----------
    nlp : spacy.language.Language
        The pipeline whose tokenizer is changed in place.

    Returns
    -------
    bool
        Whether the tokenizer was changed: only one holding spaCy's English
        prefix, suffix, infix and URL expressions is.
    """
    tokenizer = nlp.tokenizer
    current = {name: getattr(tokenizer, name, None) for name in _ATTRS}
    owners = [getattr(method, "__self__", None) for method in current.values()]
    if any(not isinstance(owner, re.Pattern) for owner in owners):
        return False  # not compiled expressions, or wrapped already: leave them
    english = _english_expressions()
    if any(current[name].__self__.pattern != english[name] for name in _ATTRS):
        return False
    # spaCy tokenizes every special case again each time an expression is set
    # (about 0.14 s); with no special cases meanwhile that happens once, at the end
    rules, tokenizer.rules = tokenizer.rules, {}
    for name, method in current.items():
        setattr(tokenizer, name, _PlainSkip(name, method).__call__)
    tokenizer.rules = rules
    return True
