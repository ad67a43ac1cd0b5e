"""Training from labelled folders and evaluating on them, with baselines.

The two baselines show what the evidence layer buys: a keyword counter (how
keyword-matching resume parsers rank people) and TF-IDF + logistic
regression trained on the same corpus. Minimal pairs are where they differ:
a pair counts only when both twins are right.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from screener.corpus import LabelledResume, iter_labelled

if TYPE_CHECKING:  # pragma: no cover
    from screener.types import Analysis

__all__ = [
    "KEYWORDS",
    "TRAINING_AS_OF",
    "binary_metrics",
    "evaluate_folder",
    "format_metrics",
    "pair_accuracy",
    "text_analyzer",
    "text_featurizer",
    "train_from_folders",
]

#: "Present" in training resumes means this date, so retraining is reproducible.
TRAINING_AS_OF = date(2026, 11, 1)

#: The keyword baseline's list: what a keyword-matching parser looks for.
KEYWORDS = (
    "social media",
    "strategy",
    "campaign",
    "content",
    "engagement",
    "analytics",
    "kpi",
    "roi",
    "brand",
    "community",
    "hootsuite",
    "sprout",
    "brandwatch",
    "instagram",
    "facebook",
    "linkedin",
    "tiktok",
    "twitter",
    "youtube",
    "seo",
    "crm",
    "dashboard",
    "audience",
    "budget",
    "stakeholder",
    "crisis",
    "customer",
    "marketing",
    "paid",
)


def text_analyzer(
    nlp: Any = None, *, blind: bool = True, as_of: date | None = TRAINING_AS_OF
) -> Callable[[str], Analysis]:
    """A function from resume text to its ``Analysis``, as training sees it."""
    from screener.extraction import extract
    from screener.nlp import build_nlp
    from screener.screening import analyze_document

    nlp = nlp if nlp is not None else build_nlp()

    def run(text: str) -> Analysis:
        doc = extract(text.encode("utf-8"), limits=None)
        analysis, _ = analyze_document(doc, nlp=nlp, blind=blind, as_of=as_of)
        return analysis

    return run


def text_featurizer(
    nlp: Any = None, *, blind: bool = True, as_of: date | None = TRAINING_AS_OF
) -> Callable[[str], dict[str, float]]:
    """A function from resume text to the model's feature dict."""
    from screener.features import featurize

    analyze_text = text_analyzer(nlp, blind=blind, as_of=as_of)
    return lambda text: featurize(analyze_text(text))


def binary_metrics(y: Sequence[int], proba: Sequence[float], threshold: float = 0.5) -> dict:
    """Accuracy, precision, recall, F1, macro-F1, ROC AUC, Brier and confusion."""
    from sklearn import metrics as m

    y_arr, p = np.asarray(y), np.asarray(proba, dtype=float)
    pred = (p >= threshold).astype(int)
    both = len(set(y_arr.tolist())) == 2
    return {
        "n": len(y_arr),
        "accuracy": float(m.accuracy_score(y_arr, pred)),
        "precision": float(m.precision_score(y_arr, pred, zero_division=0)),
        "recall": float(m.recall_score(y_arr, pred, zero_division=0)),
        "f1": float(m.f1_score(y_arr, pred, zero_division=0)),
        "macro_f1": float(m.f1_score(y_arr, pred, average="macro", zero_division=0)),
        "roc_auc": float(m.roc_auc_score(y_arr, p)) if both else None,
        "brier": float(m.brier_score_loss(y_arr, p)) if both else None,
        "confusion": m.confusion_matrix(y_arr, pred, labels=[0, 1]).tolist(),
    }


def pair_accuracy(items: Sequence[LabelledResume], correct: Sequence[bool]) -> dict:
    """Share of minimal pairs (original + twin both present) with both right."""
    by_id = {it.id: ok for it, ok in zip(items, correct)}
    pairs = [(it.pair_of, it.id) for it in items if it.pair_of and it.pair_of in by_id]
    hits = sum(by_id[a] and by_id[b] for a, b in pairs)
    return {"pairs": len(pairs), "pair_accuracy": hits / len(pairs) if pairs else None}


def by_hard_case(items: Sequence[LabelledResume], correct: Sequence[bool]) -> dict[str, dict]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for it, ok in zip(items, correct):
        groups[it.hard_case or "none"].append(bool(ok))
    return {k: {"n": len(v), "accuracy": sum(v) / len(v)} for k, v in sorted(groups.items())}


def summarise(items: Sequence[LabelledResume], proba: Sequence[float], threshold: float) -> dict:
    y = [int(i.strategic) for i in items]
    correct = [(p >= threshold) == bool(t) for p, t in zip(proba, y)]
    out = binary_metrics(y, proba, threshold)
    out.update(pair_accuracy(items, correct))
    out["hard_cases"] = by_hard_case(items, correct)
    return out


def load_items(folders: Iterable[str | Path]) -> list[LabelledResume]:
    """All labelled resumes of the folders (or CSV files), texts filled in."""
    from screener.extraction import extract

    items: list[LabelledResume] = []
    for folder in folders:
        for item in iter_labelled(folder):
            if item.text is None and item.files:
                item.text = extract(item.files[0]).text
            items.append(item)
    return items


def train_from_folders(
    folders: Iterable[str | Path], *, seed: int = 0, version: str | None = None, C: float = 1.0
) -> tuple[Any, str]:
    """Train on labelled folders; returns (model, a printable report).

    The report and ``model.meta["cross_validation"]`` hold out-of-fold
    figures from duplicate-safe grouped folds (twins are held out together).
    """
    from screener.training import TrainingSet, cross_validate, train

    items = load_items(folders)
    data = TrainingSet.build(items, text_featurizer())
    oof = cross_validate(data, seed=seed, C=C)
    cv = summarise(data.items, oof.tolist(), 0.5)
    model = train(data, seed=seed, C=C, version=version)
    model.meta["cross_validation"] = cv
    return model, format_metrics({"model (5-fold grouped CV)": cv})


def _screen_files(items: Sequence[LabelledResume], screener: Any, ext: str) -> list[Any]:
    out = []
    for it in items:
        files = [f for f in it.files if f.suffix == ext]
        out.append(screener.screen(files[0]) if files else None)
    return out


def evaluate_folder(
    folder: str | Path,
    *,
    model_path: Any = None,
    baselines: bool = False,
    train_data: Sequence[str | Path] = (),
) -> dict[str, Any]:
    """Screen each labelled resume's rendered files and score the answers.

    PDFs are the primary figures; DOCX and TXT renderings are screened too,
    and ``format_agreement`` is the share of resumes whose decision is the
    same in every format. Files that cannot be read count as wrong.
    """
    items = [i for i in iter_labelled(folder) if i.files]
    results: dict[str, Any] = {}
    from screener.screening import Screener

    screener = Screener.load(model_path)
    by_format = {ext: _screen_files(items, screener, ext) for ext in (".pdf", ".docx", ".txt")}
    for ext, rows in by_format.items():
        have = [(it, r) for it, r in zip(items, rows) if r is not None]
        if not have:
            continue
        proba = [r.probability if r.ok else (0.0 if it.strategic else 1.0) for it, r in have]
        summary = summarise([it for it, _ in have], proba, 0.5)
        summary["unreadable"] = sum(not r.ok for _, r in have)
        results[f"model ({ext[1:]})"] = summary
    agree = [
        len({r.strategic for r in rows if r is not None}) == 1
        for rows in zip(*by_format.values())
        if any(r is not None for r in rows)
    ]
    results["format_agreement"] = sum(agree) / len(agree) if agree else None
    if baselines:
        results.update(_baselines(items, by_format[".pdf"], train_data))
    return results


def _baselines(items: Sequence[LabelledResume], rows: Sequence[Any], train_data: Any) -> dict:
    from screener.baselines import KeywordScorer, TfidfBaseline

    train = load_items(train_data)
    texts = [r.text if r is not None and r.ok and r.text else "" for r in rows]
    out = {}
    for name, base in (("keyword count", KeywordScorer()), ("tf-idf + logreg", TfidfBaseline())):
        base.fit([t.text or "" for t in train], [int(t.strategic) for t in train])
        out[f"baseline: {name}"] = summarise(items, base.predict_proba(texts)[:, 1].tolist(), 0.5)
    return out


def format_metrics(results: dict[str, Any]) -> str:
    """A plain-text table of the headline figures of each result block."""
    cols = ("n", "accuracy", "macro_f1", "f1", "roc_auc", "brier", "pair_accuracy")
    w = max([36, *(len(name) + 1 for name in results)])
    lines = [f"{'':<{w}}" + "".join(f"{c:>14}" for c in cols)]
    for name, res in results.items():
        if not isinstance(res, dict):
            lines.append(f"{name:<{w}}{res if res is None else f'{res:.3f}':>14}")
            continue
        cells = []
        for c in cols:
            v = res.get(c)
            cells.append(f"{v:>14}" if isinstance(v, int) or v is None else f"{v:>14.3f}")
        lines.append(f"{name:<{w}}" + "".join(cells))
    for name, res in results.items():
        if isinstance(res, dict) and res.get("hard_cases"):
            hc = ", ".join(
                f"{k} {v['accuracy']:.2f} (n={v['n']})" for k, v in res["hard_cases"].items()
            )
            lines.append(f"  {name} by hard case: {hc}")
    return "\n".join(lines)
