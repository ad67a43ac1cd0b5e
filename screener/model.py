"""The classifier: a scikit-learn pipeline over feature dicts, saved with skops.

The pipeline is ``DictVectorizer -> CalibratedClassifierCV(LogisticRegression)``
with ``ensemble=False``: one logistic regression fitted on all the training
data, and a sigmoid calibrator fitted on cross-validated predictions. A
linear model keeps every decision explainable: each feature's contribution
to the log-odds is ``coef * value``, and the calibrator is monotone.

Model files are written with skops (never pickle) and loaded with an explicit
list of trusted types; a file that asks for anything else is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from screener.errors import ModelError, UntrustedModelError

__all__ = [
    "TRUSTED_TYPES",
    "ScreeningModel",
    "build_pipeline",
    "default_model_path",
]

MODEL_FILE = "screener-model.skops"
META_FILE = "screener-model.json"

#: The only types a model file may contain. Anything else is refused on load.
TRUSTED_TYPES: tuple[str, ...] = (
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.model_selection._split.StratifiedKFold",
    "sklearn.model_selection._split.GroupKFold",
    "sklearn.utils._bunch.Bunch",
    "builtins.float",
    "builtins.int",
    "builtins.str",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.ndarray",
    "numpy.str_",
    "numpy.bool_",
)


def build_pipeline(*, C: float = 1.0, cv: int = 5, seed: int = 0) -> Any:
    """Return an unfitted classifier pipeline over feature dicts.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the logistic regression.
    cv : int
        Folds used to fit the sigmoid calibrator.
    seed : int
        Random state, for reproducible retraining.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    base = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=seed)
    return Pipeline(
        [
            ("vectorize", DictVectorizer(sparse=False, sort=True)),
            ("classify", CalibratedClassifierCV(base, method="sigmoid", cv=cv, ensemble=False)),
        ]
    )


def default_model_path() -> Path:
    """Path of the model shipped inside the package (``screener.models``)."""
    from importlib.resources import files

    return Path(str(files("screener.models") / MODEL_FILE))


@dataclass
class ScreeningModel:
    """A fitted pipeline with its metadata (version, threshold, review band).

    ``threshold`` is the probability at or above which a resume is flagged
    strategic; a probability within ``band`` of it gives the decision
    ``review`` so a person looks instead of the model guessing.
    """

    pipeline: Any
    version: str = "unversioned"
    threshold: float = 0.5
    band: float = 0.1
    meta: dict[str, Any] = field(default_factory=dict)

    def predict_proba(self, features: list[dict[str, float]]) -> np.ndarray:
        """Probability of ``strategic`` for each feature dict."""
        return self.pipeline.predict_proba(features)[:, 1]

    def decide(self, probability: float) -> str:
        """Map a probability to ``strategic``, ``not_strategic`` or ``review``."""
        if abs(probability - self.threshold) < self.band:
            return "review"
        return "strategic" if probability >= self.threshold else "not_strategic"

    def contributions(self, features: dict[str, float]) -> dict[str, float]:
        """Each non-zero feature's contribution to the log-odds (coef x value)."""
        vec = self.pipeline.named_steps["vectorize"]
        clf = self.pipeline.named_steps["classify"].calibrated_classifiers_[0].estimator
        x = vec.transform([features])[0]
        contrib = x * clf.coef_[0]
        names = vec.get_feature_names_out()
        return {str(n): float(c) for n, c in zip(names, contrib) if c != 0.0}

    def save(self, folder: str | Path) -> Path:
        """Write ``screener-model.skops`` and its metadata JSON into ``folder``."""
        import skops.io as sio

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        sio.dump(self.pipeline, folder / MODEL_FILE)
        meta = dict(self.meta, version=self.version, threshold=self.threshold, band=self.band)
        (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        return folder / MODEL_FILE

    @classmethod
    def load(cls, path: str | Path | None = None) -> ScreeningModel:
        """Load a model file (default: the one shipped in the package).

        Raises
        ------
        ModelError
            If the file is missing or cannot be read.
        UntrustedModelError
            If the file asks for a type outside ``TRUSTED_TYPES``.
        """
        import skops.io as sio

        path = Path(path) if path is not None else default_model_path()
        if path.is_dir():
            path = path / MODEL_FILE
        if not path.is_file():
            raise ModelError(f"no model file at {path}; train one with `screener train`")
        try:
            untrusted = sio.get_untrusted_types(file=path)
        except Exception as e:  # skops raises many kinds on a damaged file
            raise ModelError(f"cannot read model file {path}: {e}") from e
        refused = sorted(set(untrusted) - set(TRUSTED_TYPES))
        if refused:
            raise UntrustedModelError(
                f"model file {path} asks to load untrusted types: {', '.join(refused)}; "
                "refusing to load it"
            )
        try:
            pipeline = sio.load(path, trusted=list(untrusted))
        except Exception as e:
            raise ModelError(f"cannot load model file {path}: {e}") from e
        meta_path = path.with_name(META_FILE)
        meta = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
        return cls(
            pipeline=pipeline,
            version=str(meta.get("version", "unversioned")),
            threshold=float(meta.get("threshold", 0.5)),
            band=float(meta.get("band", 0.1)),
            meta=meta,
        )
