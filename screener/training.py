"""Training the classifier on labelled resumes, with duplicate-safe splits.

Twins of a minimal pair share a group, and near-identical resumes (word
5-gram Jaccard similarity above ``NEAR_DUPLICATE``) are merged into one group,
so no split ever puts near-copies on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from screener.corpus import LabelledResume
from screener.model import ScreeningModel, build_pipeline

__all__ = [
    "NEAR_DUPLICATE",
    "TrainingSet",
    "cross_validate",
    "duplicate_safe_groups",
    "grouped_folds",
    "train",
    "writer_folds",
]

NEAR_DUPLICATE = 0.8
_WORD = re.compile(r"\w+")


@dataclass
class TrainingSet:
    """Labelled resumes with their feature dicts, in the same order."""

    items: list[LabelledResume]
    features: list[dict[str, float]]

    @property
    def y(self) -> np.ndarray:
        return np.array([int(i.strategic) for i in self.items])

    @classmethod
    def build(
        cls,
        items: Iterable[LabelledResume],
        featurize_text: Callable[[str], dict[str, float]],
    ) -> TrainingSet:
        """Featurize each item's rendered text (items without text are skipped)."""
        kept = [i for i in items if i.text]
        return cls(items=kept, features=[featurize_text(i.text or "") for i in kept])


def _shingles(text: str, n: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(" ".join(words[i : i + n])) for i in range(max(1, len(words) - n + 1))}


def duplicate_safe_groups(items: Sequence[LabelledResume]) -> list[str]:
    """Group ids such that twins and near-duplicates share a group.

    Parameters
    ----------
    items : sequence of LabelledResume
        Each item's ``group`` (its pair's original id) is the starting group.

    Returns
    -------
    list of str
        One group id per item.
    """
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first: dict[str, int] = {}
    for i, item in enumerate(items):
        key = item.group or item.id
        if key in first:
            union(i, first[key])
        else:
            first[key] = i
    sh = [_shingles(i.text or "") for i in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if find(i) == find(j) or not sh[i] or not sh[j]:
                continue
            jac = len(sh[i] & sh[j]) / len(sh[i] | sh[j])
            if jac >= NEAR_DUPLICATE:
                union(i, j)
    return [items[find(i)].id for i in range(len(items))]


def train(
    data: TrainingSet, *, seed: int = 0, C: float = 1.0, version: str | None = None
) -> ScreeningModel:
    """Fit the pipeline on all of ``data`` and return a ScreeningModel."""
    pipeline = build_pipeline(C=C, seed=seed)
    pipeline.fit(data.features, data.y)
    counts = {lab: sum(i.label == lab for i in data.items) for lab in ("strategic", "consumer")}
    counts["off_target"] = len(data.items) - sum(counts.values())
    meta: dict[str, Any] = {
        "trained_on": len(data.items),
        "label_counts": counts,
        "seed": seed,
        "C": C,
        "trained": date.today().isoformat(),
    }
    return ScreeningModel(pipeline=pipeline, version=version or "dev", meta=meta)


def grouped_folds(
    data: TrainingSet, *, folds: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs of duplicate-safe, label-stratified grouped folds."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    y = data.y
    return list(splitter.split(np.zeros(len(y)), y, duplicate_safe_groups(data.items)))


def writer_folds(data: TrainingSet) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each writer (``meta["writer"]``), train on the others and test on it."""
    writers = np.array([i.meta.get("writer") or "?" for i in data.items])
    return {
        w: (np.flatnonzero(writers != w), np.flatnonzero(writers == w))
        for w in sorted(set(writers.tolist()))
    }


def cross_validate(
    data: TrainingSet, *, folds: int = 5, seed: int = 0, C: float = 1.0
) -> np.ndarray:
    """Out-of-fold probabilities from duplicate-safe grouped folds."""
    y = data.y
    proba = np.zeros(len(y))
    for tr, te in grouped_folds(data, folds=folds, seed=seed):
        pipe = build_pipeline(C=C, seed=seed)
        pipe.fit([data.features[i] for i in tr], y[tr])
        proba[te] = pipe.predict_proba([data.features[i] for i in te])[:, 1]
    return proba
