"""An append-only log of every automated decision and every human override.

Deployers of hiring tools must keep records (EU AI Act Art. 12 and 26 for
Annex III systems; NYC Local Law 144 audits need the data). Each line is one
JSON event; the file is only ever appended to. By default no raw personal data
is written: the input is identified by its sha256, the evidence by ids
(dimension and offsets), not by its text.
"""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from screener._version import __version__
from screener.result import ScreeningResult

__all__ = ["DecisionLog"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class DecisionLog:
    """Append decisions and overrides to a JSONL file.

    Parameters
    ----------
    path : str or Path
        The log file (created if missing, never truncated).
    include_personal_data : bool
        Also write the file path and evidence text (off by default).
    config : dict, optional
        Screening configuration recorded with each decision (threshold,
        review band, blind mode, limits...).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        include_personal_data: bool = False,
        config: dict[str, Any] | None = None,
    ) -> None:
        self.path = Path(path)
        self.include_personal_data = include_personal_data
        self.config = dict(config or {})

    def _append(self, event: dict[str, Any]) -> None:
        line = json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)

    def record(self, result: ScreeningResult, *, lexicon_version: str | None = None) -> None:
        """Log one automated decision (or unreadable outcome)."""
        event: dict[str, Any] = {
            "event": "decision",
            "time": _now(),
            "sha256": result.sha256,
            "file_type": result.file_type,
            "screener_version": __version__,
            "model_version": result.model_version,
            "lexicon_version": lexicon_version or __version__,
            "config": self.config,
            "status": result.status,
            "reason": result.reason,
            "probability": result.probability,
            "decision": result.decision,
            "dimensions": list(result.dimensions),
            "evidence_ids": [f"{e.dimension}:{e.start}-{e.end}" for e in result.evidence],
            "host": platform.node() if self.include_personal_data else None,
        }
        if self.include_personal_data:
            event["path"] = result.path
            event["evidence"] = [e.to_dict() for e in result.evidence]
        self._append(event)

    def override(self, sha256: str, decision: str, *, reviewer: str, reason: str) -> None:
        """Log a person's decision that replaces the automated one.

        Raises
        ------
        ValueError
            If the reason is empty or the decision is unknown.
        """
        if decision not in ("strategic", "not_strategic", "review"):
            raise ValueError(f"unknown decision {decision!r}")
        if not reason.strip():
            raise ValueError("an override needs a reason")
        self._append(
            {
                "event": "override",
                "time": _now(),
                "sha256": sha256,
                "decision": decision,
                "reviewer": reviewer,
                "reason": reason,
            }
        )

    def events(self) -> Iterator[dict[str, Any]]:
        """Read the log back, oldest first."""
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.endswith("\n") and line.strip():
                    yield json.loads(line)

    def final_decisions(self) -> dict[str, str | None]:
        """The decision in force per sha256: the last override, else the model's."""
        out: dict[str, str | None] = {}
        for ev in self.events():
            out[ev["sha256"]] = ev.get("decision")
        return out
