"""screener: NLP resume screening for social media roles.

Reads a resume (PDF, DOCX or text), finds evidence for the six competency
dimensions of a strategic social media role, and says whether the person
shows the strategic skill mix or only consumer-level use, with the evidence.

``import screener`` is cheap: spaCy, scikit-learn and pdfminer are imported
only when a function that needs them is first called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from screener._version import __version__
from screener.errors import ExtractionError, ScreenerError
from screener.types import DIMENSIONS, Document, Evidence

if TYPE_CHECKING:  # pragma: no cover
    from screener.extraction import extract
    from screener.nlp import analyze, build_nlp
    from screener.screening import Screener, ScreeningResult

__all__ = [
    "DIMENSIONS",
    "Document",
    "Evidence",
    "ExtractionError",
    "Screener",
    "ScreenerError",
    "ScreeningResult",
    "__version__",
    "analyze",
    "build_nlp",
    "extract",
]

_LAZY = {
    "extract": "screener.extraction",
    "analyze": "screener.nlp",
    "build_nlp": "screener.nlp",
    "Screener": "screener.screening",
    "ScreeningResult": "screener.screening",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'screener' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
