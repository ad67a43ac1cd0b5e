import numpy as np
import pytest

from screener.errors import ModelError, UntrustedModelError
from screener.model import ScreeningModel, build_pipeline


def _fitted():
    rng = np.random.default_rng(0)
    feats, y = [], []
    for i in range(60):
        s = i % 2
        feats.append({"breadth": s + rng.normal(0, 0.3), "consumer_use=claimed": 1 - s})
        y.append(s)
    pipe = build_pipeline(cv=3)
    pipe.fit(feats, y)
    return ScreeningModel(pipeline=pipe, version="t1")


def test_saved_model_loads_with_same_predictions(tmp_path):
    model = _fitted()
    model.save(tmp_path)
    again = ScreeningModel.load(tmp_path)
    x = [{"breadth": 0.8, "consumer_use=claimed": 0.0}]
    assert again.predict_proba(x)[0] == pytest.approx(model.predict_proba(x)[0])


def test_saved_model_file_is_compressed(tmp_path):
    import zipfile

    path = _fitted().save(tmp_path)
    with zipfile.ZipFile(path) as archive:
        kinds = {info.compress_type for info in archive.infolist()}
    assert kinds == {zipfile.ZIP_DEFLATED}


def test_saved_model_keeps_version_and_threshold(tmp_path):
    model = _fitted()
    model.threshold = 0.6
    model.save(tmp_path)
    again = ScreeningModel.load(tmp_path)
    assert (again.version, again.threshold) == ("t1", 0.6)


def test_decision_inside_the_band_is_review():
    model = ScreeningModel(pipeline=None, threshold=0.5, band=0.1)
    assert [model.decide(p) for p in (0.2, 0.45, 0.55, 0.9)] == [
        "not_strategic",
        "review",
        "review",
        "strategic",
    ]


def test_contributions_sum_to_the_linear_score():
    model = _fitted()
    x = {"breadth": 1.0, "consumer_use=claimed": 0.0}
    clf = model.pipeline.named_steps["classify"].calibrated_classifiers_[0].estimator
    vec = model.pipeline.named_steps["vectorize"]
    score = clf.decision_function(vec.transform([x]))[0] - clf.intercept_[0]
    assert sum(model.contributions(x).values()) == pytest.approx(score)


def test_a_model_file_asking_for_untrusted_types_is_refused(tmp_path):
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    sio.dump(make_pipeline(FunctionTransformer(print)), tmp_path / "screener-model.skops")
    with pytest.raises(UntrustedModelError, match="untrusted"):
        ScreeningModel.load(tmp_path)


def test_a_missing_model_file_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="no model file"):
        ScreeningModel.load(tmp_path / "none.skops")


def test_a_damaged_model_file_is_a_model_error(tmp_path):
    (tmp_path / "screener-model.skops").write_bytes(b"not a zip")
    with pytest.raises(ModelError):
        ScreeningModel.load(tmp_path)


def _random_features(names, n=300, seed=0):
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        picked = rng.sample(names, rng.randint(0, len(names)))
        feats = {name: rng.choice([0.0, 1.0, rng.random() * 3]) for name in picked}
        if rng.random() < 0.2:
            feats["not_a_feature"] = 1.0
        out.append(feats)
    return out


def test_linear_scoring_is_bit_for_bit_the_pipeline():
    model = ScreeningModel.load()
    form = model._form()
    assert form is not None  # the shipped pipeline has a linear form
    vec = model.pipeline.named_steps["vectorize"]
    clf = model.pipeline.named_steps["classify"].calibrated_classifiers_[0].estimator
    for feats in _random_features(list(form.names)):
        assert model.predict_proba([feats])[0] == model.pipeline.predict_proba([feats])[0, 1]
        x = model.pipeline[:-1].transform([feats])[0]  # word weights, then the vectorizer
        expected = {
            str(n): float(c)
            for n, c in zip(vec.get_feature_names_out(), x * clf.coef_[0])
            if c != 0.0
        }
        got = model.contributions(feats)
        assert got == expected and list(got) == list(expected)


def test_text_valued_features_are_left_to_scikit_learn():
    model = _fitted()
    x = {"breadth": 0.8, "consumer_use=claimed": "yes"}
    assert model.predict_proba([x])[0] == model.pipeline.predict_proba([x])[0, 1]


def test_background_load_gives_the_same_scores_without_the_pipeline():
    local = ScreeningModel.load()
    model = ScreeningModel.load(background=True)
    assert (model.version, model.threshold, model.band) == (
        local.version,
        local.threshold,
        local.band,
    )
    model.ready()
    assert model.pipeline is None and model._linear is not None  # numbers, not the pipeline
    for feats in _random_features(list(model._linear.names), n=50, seed=1):
        assert model.predict_proba([feats])[0] == local.predict_proba([feats])[0]
        assert model.contributions(feats) == local.contributions(feats)


def test_background_load_refuses_an_untrusted_model_when_used(tmp_path):
    import skops.io as sio
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    sio.dump(make_pipeline(FunctionTransformer(print)), tmp_path / "screener-model.skops")
    model = ScreeningModel.load(tmp_path, background=True)
    with pytest.raises(UntrustedModelError, match="untrusted"):
        model.ready()
    with pytest.raises(UntrustedModelError):  # and again on every later use
        model.predict_proba([{"breadth": 1.0}])


def test_background_load_of_a_missing_file_fails_at_once(tmp_path):
    with pytest.raises(ModelError, match="no model file"):
        ScreeningModel.load(tmp_path / "none.skops", background=True)


def test_lean_skops_import_in_a_fresh_process_refuses_unlisted_estimators(tmp_path):
    """Without skops' default list, every scikit-learn type must be in TRUSTED_TYPES."""
    import subprocess
    import sys

    import skops.io as sio
    from sklearn.ensemble import RandomForestClassifier

    sio.dump(
        RandomForestClassifier(n_estimators=2).fit([[0], [1]], [0, 1]),
        tmp_path / "screener-model.skops",
    )
    code = (
        "import sys; from screener.model import _load_pipeline; "
        "from screener.errors import UntrustedModelError\n"
        f"try: _load_pipeline(__import__('pathlib').Path({str(tmp_path)!r}) / "
        "'screener-model.skops', lean=True)\n"
        "except UntrustedModelError as e: print('refused', e)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("refused") and "RandomForestClassifier" in out.stdout


def test_a_background_model_pickles_with_its_numbers():
    import pickle

    model = ScreeningModel.load(background=True)
    again = pickle.loads(pickle.dumps(model))
    feats = {"breadth": 0.5, "dim=technical": 1.0}
    assert again.predict_proba([feats])[0] == model.predict_proba([feats])[0]


def test_a_saved_model_keeps_its_scoring_numbers_beside_it(tmp_path):
    _fitted().save(tmp_path)
    model = ScreeningModel.load(tmp_path, background=True)
    assert model._pending is None and model._linear is not None  # no helper process needed


def test_cached_numbers_score_like_the_pipeline(tmp_path):
    fitted = _fitted()
    fitted.save(tmp_path)
    model = ScreeningModel.load(tmp_path, background=True)
    x = [{"breadth": 0.8, "consumer_use=claimed": 0.0}]
    assert model.predict_proba(x)[0] == fitted.predict_proba(x)[0]


def test_a_foreground_load_uses_the_saved_numbers_too(tmp_path, monkeypatch):
    from screener.linear import LinearForm

    fitted = _fitted()
    fitted.save(tmp_path)

    def derive(pipeline):
        raise AssertionError("derived again")

    monkeypatch.setattr(LinearForm, "from_pipeline", staticmethod(derive))
    model = ScreeningModel.load(tmp_path)
    x = [{"breadth": 0.8, "consumer_use=claimed": 0.0}]
    assert model.pipeline is not None
    assert model.predict_proba(x)[0] == model.pipeline.predict_proba(x)[0, 1]


def test_cached_numbers_of_another_model_file_are_not_used(tmp_path):
    _fitted().save(tmp_path)
    other = tmp_path / "other"
    _fitted().save(other)
    (tmp_path / "screener-model.json").write_text((other / "screener-model.json").read_text())
    (tmp_path / "screener-model.skops").write_bytes(
        (tmp_path / "screener-model.skops").read_bytes() + b"\0"
    )
    model = ScreeningModel.load(tmp_path, background=True)
    assert model._linear is None and model._pending is not None  # loaded and checked as usual


def test_the_shipped_model_scores_without_importing_scikit_learn():
    import subprocess
    import sys

    code = (
        "import sys; from screener.model import ScreeningModel; "
        "m = ScreeningModel.load(background=True); m.predict_proba([{'breadth': 1.0}]); "
        "print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
