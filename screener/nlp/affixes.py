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
match" at once, and otherwise asks the expression.  It does so only when
the tokenizer holds spaCy's own English expressions (a user's model with
other rules keeps them as they are), so the tokens are the ones spaCy gives
(``tests/nlp/test_affixes.py`` compares them).  The wrappers keep the
expression's ``pattern``, so ``nlp.to_disk`` writes the same tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["PLAIN_CHUNK", "skip_plain_chunks"]

#: ASCII letters, then ASCII digits: no English affix rule or URL can match.
PLAIN_CHUNK = re.compile(r"[A-Za-z]*[0-9]*")

_ATTRS = ("prefix_search", "suffix_search", "infix_finditer", "url_match")


class _PlainSkip:
    """A compiled expression's method that answers plain chunks itself.

    ``pattern`` and ``__self__.pattern`` are what spaCy's tokenizer
    serialiser reads from a bound method of a compiled expression.
    """

    def __init__(self, method: Callable[[str], Any], empty: Any) -> None:
        self.method, self.empty = method, empty
        self.pattern = method.__self__.pattern  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Any:
        if PLAIN_CHUNK.fullmatch(text):
            return self.empty() if callable(self.empty) else self.empty
        return self.method(text)


def _no_matches() -> Iterator[re.Match[str]]:
    return iter(())


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
    for name, method in current.items():
        empty = _no_matches if name == "infix_finditer" else None
        setattr(tokenizer, name, _PlainSkip(method, empty).__call__)
    return True
