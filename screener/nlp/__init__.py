"""The NLP layer: resume structure and evidence for the six dimensions.

Public API: :func:`analyze`, :func:`build_nlp`, :func:`segment`,
:func:`parse_date_range`, :func:`experience_months`,
:func:`extract_entries`.  spaCy is imported when :func:`build_nlp` (or
:func:`analyze` without ``nlp``) is first called, not at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from screener.nlp.dates import experience_months, find_date_ranges, parse_date_range
from screener.nlp.entries import extract_entries
from screener.nlp.sections import segment

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from screener.types import Analysis

__all__ = [
    "analyze",
    "build_nlp",
    "experience_months",
    "extract_entries",
    "find_date_ranges",
    "parse_date_range",
    "segment",
]


def build_nlp(*args: Any, **kwargs: Any) -> Language:
    """Build the evidence pipeline; see :func:`screener.nlp.pipeline.build_nlp`."""
    from screener.nlp.pipeline import build_nlp as _build

    return _build(*args, **kwargs)


def analyze(*args: Any, **kwargs: Any) -> Analysis:
    """Analyse one resume; see :func:`screener.nlp.analysis.analyze`."""
    from screener.nlp.analysis import analyze as _analyze

    return _analyze(*args, **kwargs)
