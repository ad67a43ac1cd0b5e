"""The first step of the model pipeline: keep the word features the training data shares.

Word features (``word=...``, see :mod:`screener.features`) are open-ended:
the training corpus has tens of thousands of distinct lowercase words and
word pairs, most of them in one resume only (``scripts/train_model.py``
prints how many, from ``n_seen_``). Kept, they made the model file about
ten times larger and the weights of one-off phrases noise. :class:`RareWordFilter`
learns which word features appear in at least ``min_docs`` training resumes
and drops the others, before ``DictVectorizer``; with ``idf=True`` (the
default) it also weights the kept ones by their smoothed inverse document
frequency, as ``TfidfVectorizer`` does, so a word every resume uses counts
for less than one that tells resumes apart. Evidence features pass through
untouched. At screening time a word the model never kept is
ignored, as ``DictVectorizer`` ignores any unknown feature.

This module imports scikit-learn; it is loaded only to train a model or to
load one with skops, never by ``import screener``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from screener.features import WORD_PREFIX, reweight_words

__all__ = ["RareWordFilter"]


class RareWordFilter(TransformerMixin, BaseEstimator):
    """Drop word features seen in fewer than ``min_docs`` training rows.

    Parameters
    ----------
    min_docs : int
        Training rows (resumes) a word feature must appear in to be kept.
    prefix : str
        Name prefix of the features to filter; others always pass.
    idf : bool
        Also weight the kept word features by ``log((1 + n) / (1 + df)) + 1``
        (``n`` training rows, ``df`` rows with the word) and scale each row's
        word features back to their length (see
        :func:`screener.features.reweight_words`).

    Attributes
    ----------
    vocabulary_ : list of str
        The word features kept, sorted.
    n_seen_ : int
        Distinct word features in the training rows, before filtering.
    idf_ : numpy.ndarray or None
        The weight of each word of ``vocabulary_`` (None when ``idf=False``).
    """

    def __init__(self, min_docs: int = 5, prefix: str = WORD_PREFIX, idf: bool = True) -> None:
        self.min_docs = min_docs
        self.prefix = prefix
        self.idf = idf

    def fit(self, X: Iterable[dict[str, float]], y: Any = None) -> RareWordFilter:
        """Count in how many rows each word feature appears; keep the common ones."""
        rows = list(X)
        docs = Counter(k for row in rows for k in row if k.startswith(self.prefix))
        self.vocabulary_ = sorted(k for k, n in docs.items() if n >= self.min_docs)
        self.n_seen_ = len(docs)
        self.idf_ = None
        if self.idf:
            n = len(rows)
            self.idf_ = np.array([math.log((1 + n) / (1 + docs[k])) + 1 for k in self.vocabulary_])
        return self

    def weights(self) -> dict[str, float] | None:
        """Word feature -> weight, or None when the filter only drops words."""
        idf = getattr(self, "idf_", None)  # models saved before idf_ existed
        return None if idf is None else dict(zip(self.vocabulary_, idf.tolist()))

    def transform(self, X: Iterable[dict[str, float]]) -> list[dict[str, float]]:
        """The rows without the word features that were not kept (the kept ones weighted)."""
        weights = self.weights()
        if weights is not None:
            return [reweight_words(row, weights, self.prefix) for row in X]
        keep = set(self.vocabulary_)
        prefix = self.prefix
        return [
            {k: v for k, v in row.items() if k in keep or not k.startswith(prefix)} for row in X
        ]

    def get_feature_names_out(self, input_features: Any = None) -> Any:
        """The kept word features (other features pass through by name)."""
        return np.asarray(self.vocabulary_, dtype=object)
