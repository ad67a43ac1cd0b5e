"""The shipped classifier reduced to its numbers, for cheap scoring.

The model pipeline is ``[RareWordFilter ->] DictVectorizer -> CalibratedClassifierCV(
LogisticRegression, method="sigmoid", ensemble=False)``: one dot product and a
sigmoid. Asking scikit-learn to score one resume costs milliseconds of input
validation; :class:`LinearForm` does the same arithmetic in microseconds, with
the same numpy operations on the same fitted arrays, so the probabilities are
bit-for-bit those of ``pipeline.predict_proba`` (checked on probe rows when the
form is built; a pipeline of any other shape gets no linear form and is scored
by scikit-learn as before).

It also lets the command line load the model in a helper process (see
:mod:`screener.model`): only these plain arrays cross the process boundary, so
the screening process never imports scikit-learn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np

from screener.features import WORD_PREFIX, reweight_words

__all__ = ["LinearForm"]

_STEPS = (
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.calibration.CalibratedClassifierCV",
)
#: An optional first step that drops word features (unknown names are ignored
#: anyway) and may weight the kept ones (:func:`screener.features.reweight_words`).
_FILTERS = ("screener.vocabulary.RareWordFilter",)


def _type_name(obj: Any) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


@dataclass(frozen=True)
class LinearForm:
    """Feature names, logistic-regression weights and the sigmoid calibrator.

    ``coef`` keeps the shape ``(1, n_features)`` of ``LogisticRegression.coef_``
    and ``intercept`` that of ``intercept_`` so the arithmetic is the same
    as scikit-learn's, operation for operation. ``weights`` holds the word
    weights of a ``RareWordFilter`` first step that has them (else None),
    applied by the same function the filter uses.
    """

    names: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    a: float
    b: float
    weights: dict[str, float] | None = None
    prefix: str = WORD_PREFIX

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {n: i for i, n in enumerate(self.names)})

    def vector(self, features: dict[str, Any]) -> np.ndarray | None:
        """The DictVectorizer row for ``features``; None if a value is not a number."""
        index: dict[str, int] = self._index  # type: ignore[attr-defined]
        if any(isinstance(v, str) or not isinstance(v, Real) for v in features.values()):
            return None  # strings, lists, None: leave those to scikit-learn
        if self.weights is not None:
            features = reweight_words(features, self.weights, self.prefix)
        x = np.zeros(len(self.names))
        for name, value in features.items():
            i = index.get(name)
            if i is not None:
                x[i] = float(value)
        return x if np.isfinite(x).all() else None

    def proba(self, rows: np.ndarray) -> np.ndarray:
        """Calibrated probability of the positive class for each row."""
        scores = (rows @ self.coef.T + self.intercept).reshape(-1)
        # _SigmoidCalibration.predict: expit(-(a * T + b)), expit(x) = 1 / (1 + exp(-x))
        return np.array([_expit(-(self.a * t + self.b)) for t in scores.tolist()])

    def contributions(self, x: np.ndarray) -> dict[str, float]:
        """Each non-zero feature's contribution to the log-odds (coef x value)."""
        contrib = x * self.coef[0]
        nonzero = np.flatnonzero(contrib)  # a resume uses a few hundred of ~3,600 features
        return {self.names[i]: float(contrib[i]) for i in nonzero.tolist()}

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LinearForm | None:
        """The linear form of a fitted pipeline, or None if it has another shape.

        The form is only returned when it reproduces ``pipeline.predict_proba``
        exactly on probe rows (all zeros, each feature alone, all features).
        """
        try:
            steps = [step for _, step in pipeline.steps]
            weights, prefix = None, WORD_PREFIX
            if steps and _type_name(steps[0]) in _FILTERS:
                weights, prefix = steps[0].weights(), steps[0].prefix
                steps = steps[1:]
            if [_type_name(s) for s in steps] != list(_STEPS):
                return None
            vec, cal = steps
            if cal.method != "sigmoid" or len(cal.calibrated_classifiers_) != 1:
                return None
            inner = cal.calibrated_classifiers_[0]
            clf = inner.estimator
            (calibrator,) = inner.calibrators
            if (
                _type_name(clf) != "sklearn.linear_model._logistic.LogisticRegression"
                or _type_name(calibrator) != "sklearn.calibration._SigmoidCalibration"
                or len(clf.classes_) != 2
                or clf.coef_.shape != (1, len(vec.feature_names_))
            ):
                return None
            form = cls(
                names=tuple(str(n) for n in vec.feature_names_),
                coef=np.asarray(clf.coef_, dtype=float),
                intercept=np.asarray(clf.intercept_, dtype=float),
                a=float(calibrator.a_),
                b=float(calibrator.b_),
                weights=weights,
                prefix=str(prefix),
            )
        except (AttributeError, TypeError, ValueError):
            return None
        return form if form._agrees_with(pipeline) else None

    def _agrees_with(self, pipeline: Any) -> bool:
        n = len(self.names)
        probes = [{}, {name: 1.0 for name in self.names}]
        probes += [{name: 0.5 + i / max(n, 1)} for i, name in enumerate(self.names)]
        rows = [self.vector(p) for p in probes]
        if any(r is None for r in rows):
            return False
        ours = self.proba(np.vstack(rows))  # type: ignore[arg-type]
        theirs = pipeline.predict_proba(probes)[:, 1]
        if not np.array_equal(ours, theirs):
            return False
        x = pipeline[:-1].transform([probes[1]])[0]  # the row the classifier sees
        return bool(np.array_equal(x, rows[1]))

    def to_state(self) -> dict[str, Any]:
        """Plain data (names, arrays, floats), e.g. to send between processes."""
        state = {
            "names": list(self.names),
            "coef": self.coef,
            "intercept": self.intercept,
            "a": self.a,
            "b": self.b,
            "prefix": self.prefix,
        }
        if self.weights is not None:
            state["weights"] = dict(self.weights)
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> LinearForm:
        """Rebuild a form from :meth:`to_state` output."""
        weights = state.get("weights")
        return cls(
            names=tuple(state["names"]),
            coef=np.asarray(state["coef"], dtype=float),
            intercept=np.asarray(state["intercept"], dtype=float),
            a=float(state["a"]),
            b=float(state["b"]),
            weights=None if weights is None else {str(k): float(v) for k, v in weights.items()},
            prefix=str(state.get("prefix", WORD_PREFIX)),
        )


def _expit(x: float) -> float:
    # scipy.special.expit computes 1 / (1 + exp(-x)) with the C library's exp,
    # as math.exp does; no need to import scipy for it.
    try:
        return 1.0 / (1.0 + math.exp(-x))
    except OverflowError:
        return 0.0
