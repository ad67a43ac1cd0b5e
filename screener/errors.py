"""The screener error hierarchy.

Every failure that a user can act on is one of these classes. Each carries a
``reason`` code that goes into ``ScreeningResult.reason`` verbatim, so batch
output never depends on exception message wording.
"""

from __future__ import annotations

__all__ = [
    "REASONS",
    "EmptyDocumentError",
    "EncryptedError",
    "ExtractionError",
    "ExtractionTimeout",
    "LexiconError",
    "MalformedError",
    "ModelError",
    "NoTextLayerError",
    "ScreenerError",
    "TooLargeError",
    "UnsupportedFormatError",
    "UntrustedModelError",
]


class ScreenerError(Exception):
    """Base class of every error raised on purpose by screener."""

    reason: str = "error"


class ExtractionError(ScreenerError):
    """A document could not be turned into text.

    ``status`` is ``"unreadable"`` for problems with the file itself and
    ``"error"`` for problems of the machine (time, memory).
    """

    reason = "error"
    status = "unreadable"


class EncryptedError(ExtractionError):
    """The file is password protected and cannot be read without the password."""

    reason = "encrypted"


class MalformedError(ExtractionError):
    """The file is damaged or does not follow its format's rules."""

    reason = "malformed"


class NoTextLayerError(ExtractionError):
    """The file has pages but no text layer (scanned or image-only)."""

    reason = "no_text_layer"


class EmptyDocumentError(ExtractionError):
    """The file is empty or holds too little text to screen."""

    reason = "empty"


class UnsupportedFormatError(ExtractionError):
    """The content is not PDF, DOCX or plain text (decided from the bytes)."""

    reason = "unsupported_format"


class TooLargeError(ExtractionError):
    """The file exceeds a configured byte, page, or decompression limit."""

    reason = "too_large"


class ExtractionTimeout(ExtractionError):
    """Reading the file took longer than the per-file time limit."""

    reason = "timeout"
    status = "error"


class LexiconError(ScreenerError, ValueError):
    """A pattern (lexicon) file is invalid; the message names file and line."""

    reason = "lexicon"


class ModelError(ScreenerError):
    """A model file is missing, unreadable or incompatible."""

    reason = "model"


class UntrustedModelError(ModelError):
    """A model file asks to load types that are not on the trusted list."""

    reason = "untrusted_model"


#: Every ``reason`` code a result row can carry, with a recruiter-facing hint.
REASONS: dict[str, str] = {
    "encrypted": "The file is password protected; ask the candidate for an unlocked copy.",
    "malformed": "The file is damaged; ask the candidate to export it again.",
    "no_text_layer": "The file is a scan or image with no text; it needs OCR or a person.",
    "empty": "The file holds no readable resume text.",
    "unsupported_format": "Not a PDF, DOCX or text file.",
    "too_large": "The file exceeds the configured size limits.",
    "timeout": "Reading the file took longer than the time limit.",
    "error": "An unexpected error; see the message.",
}
