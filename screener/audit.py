"""Bias audit of screening results, after NYC Local Law 144 (6 RCNY 5-300/5-301).

The demographic table is kept apart from the resumes and joined to the
results by ``sha256`` (or ``path``). For each category of sex, race/ethnicity
and their intersection the audit reports the number of applicants, the
**selection rate** (share flagged strategic), the **scoring rate** (share
with a probability above the sample median), **impact ratios** against the
most-selected and highest-scoring category, the EEOC four-fifths flag, and
Fisher's exact test of each category against the reference category.
Categories under 2% of the sample are flagged as excludable, never dropped.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["UNKNOWN", "AuditReport", "AuditRow", "audit", "audit_files"]

UNKNOWN = "Unknown"
SMALL_SHARE = 0.02
SMALL_N = 30
FOUR_FIFTHS = 0.8
_DIMENSIONS = {
    "sex": ("sex",),
    "race_ethnicity": ("race_ethnicity",),
    "intersectional": ("sex", "race_ethnicity"),
}


@dataclass
class AuditRow:
    """Figures of one category within one grouping."""

    grouping: str
    category: str
    applicants: int
    selected: int
    selection_rate: float | None
    selection_impact_ratio: float | None
    scored_above_median: int
    scoring_rate: float | None
    scoring_impact_ratio: float | None
    fisher_p_selection: float | None
    four_fifths_flag: bool
    excludable_under_2pct: bool
    small_sample: bool


@dataclass
class AuditReport:
    """The audit: one row per category, and what was audited."""

    model_version: str | None
    applicants: int
    unknown: dict[str, int]
    median_probability: float | None
    rows: list[AuditRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unmatched_results: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "model_version": self.model_version,
            "applicants": self.applicants,
            "unknown": self.unknown,
            "median_probability": self.median_probability,
            "unmatched_results": self.unmatched_results,
            "warnings": list(self.warnings),
            "rows": [asdict(r) for r in self.rows],
        }

    def to_csv(self) -> str:
        buf = io.StringIO()
        names = list(AuditRow.__dataclass_fields__)
        writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        for row in self.rows:
            writer.writerow(asdict(row))
        return buf.getvalue()

    def to_text(self) -> str:
        head = (
            f"Bias audit of model {self.model_version}: {self.applicants} applicants, "
            f"median probability {_f(self.median_probability)}"
        )
        cols = (
            f"{'grouping':<15}{'category':<34}{'n':>6}{'sel.rate':>9}{'IR':>7}"
            f"{'scor.rate':>10}{'IR':>7}{'p':>8}  flags"
        )
        lines = [head, "", cols, "-" * len(cols)]
        for r in self.rows:
            flags = ",".join(
                f
                for f, on in (
                    ("<4/5", r.four_fifths_flag),
                    ("<2%", r.excludable_under_2pct),
                    ("small-n", r.small_sample),
                )
                if on
            )
            lines.append(
                f"{r.grouping:<15}{r.category[:33]:<34}{r.applicants:>6}"
                f"{_f(r.selection_rate):>9}{_f(r.selection_impact_ratio):>7}"
                f"{_f(r.scoring_rate):>10}{_f(r.scoring_impact_ratio):>7}"
                f"{_f(r.fisher_p_selection):>8}  {flags}"
            )
        lines += [""] + [f"unknown {k}: {v}" for k, v in self.unknown.items()]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def _f(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def _fisher(a_sel: int, a_n: int, b_sel: int, b_n: int) -> float | None:
    if a_n == 0 or b_n == 0:
        return None
    from scipy.stats import fisher_exact

    table = [[a_sel, a_n - a_sel], [b_sel, b_n - b_sel]]
    return float(fisher_exact(table).pvalue)


def _rows_for(grouping: str, people: list[dict[str, Any]], total: int) -> list[AuditRow]:
    keys = _DIMENSIONS[grouping]
    cats: dict[str, list[dict[str, Any]]] = {}
    for p in people:
        if any(p[k] == UNKNOWN for k in keys):
            continue
        cats.setdefault(" / ".join(p[k] for k in keys), []).append(p)
    stats = {
        c: (len(ps), sum(p["selected"] for p in ps), sum(p["above"] for p in ps))
        for c, ps in cats.items()
    }
    best_sel = max((s / n for n, s, _ in stats.values() if n), default=0.0)
    best_scr = max((a / n for n, _, a in stats.values() if n), default=0.0)
    ref = max(stats, key=lambda c: stats[c][1] / stats[c][0], default=None)
    ref_n, ref_sel, _ = stats[ref] if ref is not None else (0, 0, 0)
    rows = []
    for cat in sorted(stats):
        n, sel, above = stats[cat]
        sr, scr = sel / n, above / n
        sir = sr / best_sel if best_sel else None
        rows.append(
            AuditRow(
                grouping=grouping,
                category=cat,
                applicants=n,
                selected=sel,
                selection_rate=sr,
                selection_impact_ratio=sir,
                scored_above_median=above,
                scoring_rate=scr,
                scoring_impact_ratio=scr / best_scr if best_scr else None,
                fisher_p_selection=None if cat == ref else _fisher(sel, n, ref_sel, ref_n),
                four_fifths_flag=sir is not None and sir < FOUR_FIFTHS,
                excludable_under_2pct=n / total < SMALL_SHARE,
                small_sample=n < SMALL_N,
            )
        )
    return rows


def audit(
    results: Iterable[dict[str, Any]],
    demographics: Iterable[dict[str, str]],
    *,
    key: str = "sha256",
) -> AuditReport:
    """Compute the audit from result rows and a separate demographic table.

    Parameters
    ----------
    results : iterable of dict
        ``ScreeningResult.to_dict()`` rows; only ``ok`` rows are audited.  A
        row sent to review because its document is out of scope (an ``ok``
        row with a ``reason``: ``not_english``, ``too_short``,
        ``too_long``) counts as an applicant who was not selected, whatever
        its probability, and a warning counts such rows by reason: a resume
        in another language is never selected by the model.
    demographics : iterable of dict
        Rows with ``key`` (``sha256`` or ``path``), ``sex`` and
        ``race_ethnicity``; blanks count as ``Unknown``.
    key : str
        The column joining the two tables.
    """
    demo = {d[key]: d for d in demographics if d.get(key)}
    scored = [r for r in results if r.get("status") == "ok" and r.get("probability") is not None]
    versions = sorted({str(r.get("model_version")) for r in scored})
    median = statistics.median(r["probability"] for r in scored) if scored else None
    people, unmatched = [], 0
    for r in scored:
        d = demo.get(r.get(key) or "")
        unmatched += d is None
        d = d or {}
        people.append(
            {
                "sex": (d.get("sex") or "").strip() or UNKNOWN,
                "race_ethnicity": (d.get("race_ethnicity") or "").strip() or UNKNOWN,
                "selected": bool(r.get("strategic")) and not r.get("reason"),
                "above": median is not None and r["probability"] > median,
            }
        )
    report = AuditReport(
        model_version=versions[0] if len(versions) == 1 else ",".join(versions) or None,
        applicants=len(people),
        unknown={k: sum(p[k] == UNKNOWN for p in people) for k in ("sex", "race_ethnicity")},
        median_probability=median,
        unmatched_results=unmatched,
    )
    for grouping in _DIMENSIONS:
        report.rows += _rows_for(grouping, people, max(len(people), 1))
    if len(versions) > 1:
        report.warnings.append("results come from more than one model version")
    if any(r.small_sample for r in report.rows):
        report.warnings.append(
            f"categories with fewer than {SMALL_N} applicants: ratios and p-values are unstable"
        )
    if unmatched:
        report.warnings.append(f"{unmatched} results had no demographic row (counted Unknown)")
    out_of_scope = Counter(str(r["reason"]) for r in scored if r.get("reason"))
    if out_of_scope:
        report.warnings.append(
            f"{sum(out_of_scope.values())} results were sent to review as out of scope "
            f"({', '.join(f'{k}: {v}' for k, v in sorted(out_of_scope.items()))}) and count "
            "as not selected: compare their share across categories"
        )
    return report


def audit_files(
    results_path: str | Path, demographics_csv: str | Path, *, key: str | None = None
) -> AuditReport:
    """Run :func:`audit` on a results JSONL file and a demographics CSV."""
    from screener.output import read_results

    with open(demographics_csv, newline="", encoding="utf-8") as fh:
        demo = list(csv.DictReader(fh))
    if key is None:
        key = "sha256" if demo and "sha256" in demo[0] else "path"
    return audit(read_results(results_path), demo, key=key)


def dumps(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), indent=2)
