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


def test_saved_model_keeps_version_and_threshold(tmp_path):
    model = _fitted()
    model.threshold = 0.6
    model.save(tmp_path)
    again = ScreeningModel.load(tmp_path)
    assert (again.version, again.threshold) == ("t1", 0.6)


def test_decision_inside_the_band_is_review():
    model = ScreeningModel(pipeline=None, threshold=0.5, band=0.1)
    assert [model.decide(p) for p in (0.2, 0.45, 0.55, 0.9)] == [
        "not_strategic", "review", "review", "strategic"]


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
