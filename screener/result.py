"""The result of screening one resume: the public output record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from screener.types import Evidence

__all__ = ["DECISIONS", "RESULT_KEYS", "STATUSES", "ScreeningResult"]

STATUSES = ("ok", "unreadable", "error")
DECISIONS = ("strategic", "not_strategic", "review")

#: Keys of ``ScreeningResult.to_dict()``, in output order (CSV columns).
RESULT_KEYS: tuple[str, ...] = (
    "path",
    "sha256",
    "status",
    "reason",
    "message",
    "strategic",
    "probability",
    "decision",
    "label",
    "dimensions",
    "claimed_dimensions",
    "evidence",
    "consumer_signals",
    "experience_months",
    "redacted",
    "why",
    "file_type",
    "pages",
    "seconds",
    "model_version",
)


@dataclass
class ScreeningResult:
    """What screener says about one resume.

    ``status`` is ``"ok"`` when the resume was read and scored; otherwise
    ``reason`` names the typed outcome (``no_text_layer``, ``encrypted``,
    ``malformed``, ``empty``, ``unsupported_format``, ``too_large``,
    ``timeout``, ``error``) and the score fields are None, never a silent
    "not strategic".  An ``ok`` row has a ``reason`` only when the document
    is not the length of a resume or not in English (``too_short``,
    ``too_long``, ``not_english``: see :mod:`screener.scope`): it keeps its
    probability and evidence, and its ``decision`` is ``review``.
    """

    path: str | None
    sha256: str | None
    status: str = "ok"
    reason: str | None = None
    message: str | None = None
    strategic: bool | None = None
    probability: float | None = None
    decision: str | None = None
    label: str | None = None
    dimensions: list[str] = field(default_factory=list)
    claimed_dimensions: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    consumer_signals: list[Evidence] = field(default_factory=list)
    experience_months: int | None = None
    redacted: dict[str, int] = field(default_factory=dict)
    why: str | None = None
    file_type: str | None = None
    pages: int | None = None
    seconds: float | None = None
    model_version: str | None = None
    #: Per-feature contributions to the log-odds (not serialised by default).
    contributions: dict[str, float] = field(default_factory=dict, repr=False)
    #: The text that was screened (not serialised; used by reports).
    text: str | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def explain(self, top: int = 4) -> str:
        """Why this decision, in plain language, from the model's contributions.

        The dimension summary comes from the evidence; the factors are the
        features with the largest contributions to the log-odds, so the text
        says what actually moved this probability.
        """
        if not self.ok:
            return f"Not screened: {self.reason} ({self.message})."
        if not self.contributions and self.why:
            return self.why
        from screener.explain import explain_result

        return explain_result(self, top=top)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready output record (keys in ``RESULT_KEYS`` order)."""
        out: dict[str, Any] = {}
        for key in RESULT_KEYS:
            value = getattr(self, key)
            if key in ("evidence", "consumer_signals"):
                value = [_evidence_dict(e) for e in value]
            elif isinstance(value, list):
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScreeningResult:
        """Rebuild a result from ``to_dict()`` output (e.g. a JSONL row)."""
        kwargs = {k: data.get(k) for k in RESULT_KEYS if k in data}
        for key in ("evidence", "consumer_signals"):
            kwargs[key] = [Evidence.from_dict(e) for e in data.get(key) or []]
        for key in ("dimensions", "claimed_dimensions"):
            kwargs[key] = list(data.get(key) or [])
        kwargs["redacted"] = dict(data.get("redacted") or {})
        return cls(**kwargs)

    @classmethod
    def failure(
        cls,
        path: str | None,
        sha256: str | None,
        reason: str,
        message: str,
        *,
        status: str = "unreadable",
        model_version: str | None = None,
        file_type: str | None = None,
        seconds: float | None = None,
    ) -> ScreeningResult:
        """A row for a file that could not be screened."""
        return cls(
            path=path,
            sha256=sha256,
            status=status,
            reason=reason,
            message=message,
            model_version=model_version,
            file_type=file_type,
            seconds=seconds,
        )


def _evidence_dict(e: Evidence | dict[str, Any]) -> dict[str, Any]:
    return e if isinstance(e, dict) else e.to_dict()
