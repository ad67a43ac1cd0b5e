"""Baseline scorers that the evaluation compares the model against.

Both follow the scikit-learn estimator contract (no logic in ``__init__``,
fitted attributes end in ``_``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

__all__ = ["KeywordScorer", "TfidfBaseline"]


class KeywordScorer(ClassifierMixin, BaseEstimator):
    """Count keyword hits per 100 words; the cut-off is fitted on training data.

    Parameters
    ----------
    keywords : sequence of str, optional
        Lower-case keywords; default :data:`screener.evaluation.KEYWORDS`.
    """

    def __init__(self, keywords: Sequence[str] | None = None) -> None:
        self.keywords = keywords

    def _scores(self, texts: Sequence[str]) -> np.ndarray:
        from screener.evaluation import KEYWORDS

        words = self.keywords or KEYWORDS
        pats = [re.compile(r"\b" + re.escape(w) + r"\b") for w in words]
        out = []
        for text in texts:
            low = text.lower()
            hits = sum(len(p.findall(low)) for p in pats)
            out.append(hits)
        return np.asarray(out, dtype=float)

    def fit(self, texts: Sequence[str], y: Sequence[int]) -> KeywordScorer:
        scores, y_arr = self._scores(texts), np.asarray(y)
        best = max(np.unique(scores), key=lambda c: np.mean((scores >= c) == y_arr))
        self.cutoff_ = float(best)
        self.scale_ = float(np.std(scores) or 1.0)
        self.classes_ = np.array([0, 1])
        return self

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return (self.predict_proba(texts)[:, 1] >= 0.5).astype(int)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        z = (self._scores(texts) - self.cutoff_ + 0.5) / self.scale_
        p = 1.0 / (1.0 + np.exp(-4 * z))
        return np.column_stack([1.0 - p, p])


class TfidfBaseline(ClassifierMixin, BaseEstimator):
    """Word and bigram TF-IDF with a logistic regression.

    Parameters
    ----------
    C : float
        Inverse regularisation strength.
    """

    def __init__(self, C: float = 10.0) -> None:
        self.C = C

    def fit(self, texts: Sequence[str], y: Sequence[int]) -> TfidfBaseline:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        self.pipeline_ = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
            LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced"),
        )
        self.pipeline_.fit(list(texts), list(y))
        self.classes_ = np.array([0, 1])
        return self

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.pipeline_.predict(list(texts))

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return self.pipeline_.predict_proba(list(texts))
