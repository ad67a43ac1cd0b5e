"""The classifier: a scikit-learn pipeline over feature dicts, saved with skops.

The pipeline is ``RareWordFilter -> DictVectorizer ->
CalibratedClassifierCV(LogisticRegression)`` with ``ensemble=False``: word
features seen in fewer than five training resumes dropped and the others
weighted by inverse document frequency (see :mod:`screener.vocabulary`),
one logistic regression fitted on all the training data, and a sigmoid
calibrator fitted on cross-validated predictions. A linear model keeps
every decision explainable: each feature's contribution to the log-odds
is ``coef * value``, and the calibrator is monotone.

Model files are written with skops (never pickle) and loaded with an explicit
list of trusted types; a file that asks for anything else is refused. The
metadata JSON beside the file also keeps the pipeline's scoring numbers (its
:class:`~screener.linear.LinearForm`) with the sha256 of the file they came
from, so a screening run (``load(background=True)``) can score without
importing scikit-learn or skops at all; the pipeline itself is loaded only
when something asks for it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from screener.errors import ModelError, UntrustedModelError
from screener.linear import LinearForm

__all__ = [
    "TRUSTED_TYPES",
    "ScreeningModel",
    "build_pipeline",
    "default_model_path",
]

MODEL_FILE = "screener-model.skops"
META_FILE = "screener-model.json"
#: Key of the metadata JSON holding the scoring numbers (see ``_cached_form``).
LINEAR_KEY = "linear_form"

#: The only types a model file may contain. Anything else is refused on load.
TRUSTED_TYPES: tuple[str, ...] = (
    "sklearn.pipeline.Pipeline",
    "screener.vocabulary.RareWordFilter",
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


def build_pipeline(
    *, C: float = 1.0, cv: int = 5, seed: int = 0, min_docs: int = 5, idf: bool = True
) -> Any:
    """Return an unfitted classifier pipeline over feature dicts.

    Parameters
    ----------
    min_docs : int
        Training resumes a word feature must appear in to be kept
        (:class:`screener.vocabulary.RareWordFilter`).
    idf : bool
        Weight the kept word features by inverse document frequency.
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

    from screener.vocabulary import RareWordFilter

    base = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=seed)
    return Pipeline(
        [
            ("words", RareWordFilter(min_docs=min_docs, idf=idf)),
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

    Scoring goes through the pipeline's :class:`~screener.linear.LinearForm`
    when it has one (the same arithmetic without scikit-learn's per-call
    validation; identical probabilities), otherwise through the pipeline.
    """

    pipeline: Any
    version: str = "unversioned"
    threshold: float = 0.5
    band: float = 0.1
    meta: dict[str, Any] = field(default_factory=dict)
    _linear: LinearForm | None = field(default=None, init=False, repr=False, compare=False)
    _linear_of: int = field(default=0, init=False, repr=False, compare=False)
    _pending: Any = field(default=None, init=False, repr=False, compare=False)
    _source: Path | None = field(default=None, init=False, repr=False, compare=False)

    def predict_proba(self, features: list[dict[str, float]]) -> np.ndarray:
        """Probability of ``strategic`` for each feature dict."""
        form = self._form()
        if form is not None:
            rows = [form.vector(f) for f in features]
            if rows and all(r is not None for r in rows):
                return form.proba(np.vstack(rows))  # type: ignore[arg-type]
        return self._pipeline().predict_proba(features)[:, 1]

    def decide(self, probability: float) -> str:
        """Map a probability to ``strategic``, ``not_strategic`` or ``review``."""
        if abs(probability - self.threshold) < self.band:
            return "review"
        return "strategic" if probability >= self.threshold else "not_strategic"

    def contributions(self, features: dict[str, float]) -> dict[str, float]:
        """Each non-zero feature's contribution to the log-odds (coef x value)."""
        form = self._form()
        x = form.vector(features) if form is not None else None
        if form is not None and x is not None:
            return form.contributions(x)
        pipeline = self._pipeline()
        vec = pipeline.named_steps["vectorize"]
        clf = pipeline.named_steps["classify"].calibrated_classifiers_[0].estimator
        x = vec.transform([features])[0]
        contrib = x * clf.coef_[0]
        names = vec.get_feature_names_out()
        return {str(n): float(c) for n, c in zip(names, contrib) if c != 0.0}

    def ready(self) -> ScreeningModel:
        """Wait for a model loading in the background (see :meth:`load`).

        Raises the loading error (``UntrustedModelError``, ``ModelError``), if any.
        """
        if self._pending is not None:
            pending, self._pending = self._pending, None
            outcome = pending.result()
            if outcome[0] == "ok":
                self._linear, self._linear_of = LinearForm.from_state(outcome[1]), 0
            elif outcome[0] == "error":
                kind = UntrustedModelError if outcome[1] == "UntrustedModelError" else ModelError
                self._pending = _Failed(kind(outcome[2]))
                raise self._pending.error
            else:  # no linear form, or the helper died: load here
                self.pipeline = _load_pipeline(self._source)  # type: ignore[arg-type]
        return self

    def _form(self) -> LinearForm | None:
        self.ready()
        if self.pipeline is not None and self._linear_of != id(self.pipeline):
            self._linear, self._linear_of = (
                LinearForm.from_pipeline(self.pipeline),
                id(self.pipeline),
            )
        return self._linear

    def _pipeline(self) -> Any:
        self.ready()
        if self.pipeline is None and self._source is not None:
            self.pipeline = _load_pipeline(self._source)
        return self.pipeline

    def __getstate__(self) -> dict[str, Any]:
        self.ready()  # e.g. pickled for a Dask worker: send the loaded numbers
        state = dict(self.__dict__)
        state["_linear_of"] = 0 if self.pipeline is None else -1
        return state

    def save(self, folder: str | Path) -> Path:
        """Write ``screener-model.skops`` and its metadata JSON into ``folder``."""
        import skops.io as sio

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        sio.dump(self._pipeline(), folder / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
        meta = dict(self.meta, version=self.version, threshold=self.threshold, band=self.band)
        meta.pop(LINEAR_KEY, None)
        form = self._form()
        if form is not None:  # lets a later load score without importing scikit-learn
            state = form.to_state()
            meta[LINEAR_KEY] = {
                **state,
                "coef": np.asarray(state["coef"]).tolist(),
                "intercept": np.asarray(state["intercept"]).tolist(),
                "model_sha256": _file_sha256(folder / MODEL_FILE),
            }
        (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        return folder / MODEL_FILE

    @classmethod
    def load(cls, path: str | Path | None = None, *, background: bool = False) -> ScreeningModel:
        """Load a model file (default: the one shipped in the package).

        With ``background=True`` the file is loaded (with the same trusted-type
        check) in a helper process while this one goes on, e.g. reading the
        first resume; only the classifier's numbers come back, so this process
        never imports scikit-learn or skops. The first score waits for it, and
        a loading error is raised there (or by :meth:`ready`).

        Raises
        ------
        ModelError
            If the file is missing or cannot be read.
        UntrustedModelError
            If the file asks for a type outside ``TRUSTED_TYPES``.
        """
        path = Path(path) if path is not None else default_model_path()
        if path.is_dir():
            path = path / MODEL_FILE
        if not path.is_file():
            raise ModelError(f"no model file at {path}; train one with `screener train`")
        meta_path = path.with_name(META_FILE)
        meta = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
        model = cls(
            pipeline=None if background else _load_pipeline(path),
            version=str(meta.get("version", "unversioned")),
            threshold=float(meta.get("threshold", 0.5)),
            band=float(meta.get("band", 0.1)),
            meta=meta,
        )
        model._source = path
        cached = _cached_form(meta, path)
        if cached is not None:  # saved from this very file: no need to derive it again
            model._linear = cached
            if model.pipeline is not None:
                model._linear_of = id(model.pipeline)
        elif background:
            from screener.model_loader import start_loading

            model._pending = start_loading(path)
        return model


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cached_form(meta: dict[str, Any], path: Path) -> LinearForm | None:
    """The linear form saved beside the model file, if it was saved from this very file.

    :meth:`ScreeningModel.save` records the scoring numbers of the pipeline
    (checked exact by :meth:`LinearForm.from_pipeline`) with the sha256 of
    the model file they came from. Plain numbers in JSON need no trusted-type
    check; a model file replaced without its metadata no longer matches the
    hash and is loaded (and checked) as usual.
    """
    state = meta.get(LINEAR_KEY)
    if not isinstance(state, dict) or state.get("model_sha256") != _file_sha256(path):
        return None
    try:
        return LinearForm.from_state(state)
    except (KeyError, TypeError, ValueError):
        return None


@dataclass
class _Failed:
    """A background load that failed: raise the same error on every use."""

    error: ModelError

    def result(self) -> tuple[str, Any, Any]:
        return ("error", type(self.error).__name__, str(self.error))


def _load_pipeline(path: Path, *, lean: bool = False) -> Any:
    """Load the pipeline with skops, refusing any type outside ``TRUSTED_TYPES``."""
    from screener.model_loader import skops_io

    sio = skops_io(lean=lean)
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
        return sio.load(path, trusted=list(untrusted))
    except Exception as e:
        raise ModelError(f"cannot load model file {path}: {e}") from e
