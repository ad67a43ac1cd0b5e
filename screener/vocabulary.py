"""The first step of the model pipeline: keep the word features the training data shares.

Word features (``word=...``, see :mod:`screener.features`) are open-ended:
the training corpus has tens of thousands of distinct lowercase words and
word pairs, most of them in one resume only (``scripts/train_model.py``
prints how many, from ``n_seen_``). Kept, they made the model file about
ten times larger and the weights of one-off phrases noise. :class:`RareWordFilter`
learns which word features appear in at least ``min_docs`` training resumes
and drops the others, before ``DictVectorizer``. Evidence features pass
through untouched. At screening time a word the model never kept is
ignored, as ``DictVectorizer`` ignores any unknown feature.

This module imports scikit-learn; it is loaded only to train a model or to
load one with skops, never by ``import screener``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from screener.features import WORD_PREFIX

__all__ = ["RareWordFilter"]


class RareWordFilter(TransformerMixin, BaseEstimator):
    """Drop word features seen in fewer than ``min_docs`` training rows.

    Parameters
    ----------
    min_docs : int
        Training rows (resumes) a word feature must appear in to be kept.
    prefix : str
        Name prefix of the features to filter; others always pass.

    Attributes
    ----------
    vocabulary_ : list of str
        The word features kept, sorted.
    n_seen_ : int
        Distinct word features in the training rows, before filtering.
    """

    def __init__(self, min_docs: int = 5, prefix: str = WORD_PREFIX) -> None:
        self.min_docs = min_docs
        self.prefix = prefix

    def fit(self, X: Iterable[dict[str, float]], y: Any = None) -> RareWordFilter:
        """Count in how many rows each word feature appears; keep the common ones."""
        docs = Counter(k for row in X for k in row if k.startswith(self.prefix))
        self.vocabulary_ = sorted(k for k, n in docs.items() if n >= self.min_docs)
        self.n_seen_ = len(docs)
        return self

    def transform(self, X: Iterable[dict[str, float]]) -> list[dict[str, float]]:
        """The rows without the word features that were not kept."""
        keep = set(self.vocabulary_)
        prefix = self.prefix
        return [
            {k: v for k, v in row.items() if k in keep or not k.startswith(prefix)} for row in X
        ]

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        """The kept word features (other features pass through by name)."""
        import numpy as np

        return np.asarray(self.vocabulary_, dtype=object)
