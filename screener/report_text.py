"""A readable ranking of result rows for terminals (``--format table``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["rank_key", "ranking_table"]

_SHORT = {
    "marketing_communications": "mkt",
    "customer_engagement": "care",
    "technical": "tech",
    "analytics": "data",
    "psychology": "psych",
    "business_strategy": "biz",
}


def rank_key(row: dict[str, Any]) -> tuple[int, float, str]:
    """Sort key of a result row: resumes by probability, then other documents, then failures."""
    group = 2 if row.get("status") != "ok" else (1 if row.get("reason") else 0)
    return (group, -(row.get("probability") or 0.0), str(row.get("path")))


def ranking_table(rows: list[dict[str, Any]]) -> str:
    """Rank rows by probability as an aligned table.

    Documents that are not the length of a resume or not in English (an
    ``ok`` row with a ``reason``, see :mod:`screener.scope`) come after the
    resumes, and unreadable files last.
    """
    lines = [f"{'#':>3}  {'decision':<13} {'prob':>5}  {'dimensions in experience':<30} file"]
    lines.append("-" * 80)
    for i, row in enumerate(sorted(rows, key=rank_key), 1):
        name = Path(str(row.get("path") or "<bytes>")).name
        if row.get("status") == "ok":
            dims = " ".join(_SHORT.get(d, d) for d in row.get("dimensions") or []) or "-"
            if row.get("reason"):
                dims = f"{row['reason']}: {dims}"
            lines.append(
                f"{i:>3}  {row.get('decision') or '':<13} {row.get('probability') or 0:>5.2f}  "
                f"{dims:<30} {name}"
            )
        else:
            why = f"{row.get('status')}: {row.get('reason')}"
            lines.append(f"{i:>3}  {'not read':<13} {'':>5}  {why:<30} {name}")
    lines.append("")
    lines.append("dimensions: " + ", ".join(f"{v}={k}" for k, v in _SHORT.items()))
    return "\n".join(lines)
