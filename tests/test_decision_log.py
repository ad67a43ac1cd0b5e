import json

import pytest

from screener.decision_log import DecisionLog
from screener.result import ScreeningResult
from screener.types import Evidence


def _result():
    ev = Evidence("analytics", "built the weekly dashboard", "experience", 1, 10, 36, False)
    return ScreeningResult(
        path="/secret/Jane Doe.pdf",
        sha256="abc",
        probability=0.91,
        decision="strategic",
        strategic=True,
        evidence=[ev],
        model_version="m1",
        file_type="pdf",
    )


def test_decision_is_appended_with_versions_and_config(tmp_path):
    log = DecisionLog(tmp_path / "log.jsonl", config={"threshold": 0.5})
    log.record(_result())
    (event,) = log.events()
    assert (event["sha256"], event["model_version"], event["config"]) == (
        "abc",
        "m1",
        {"threshold": 0.5},
    )


def test_no_personal_data_is_written_by_default(tmp_path):
    log = DecisionLog(tmp_path / "log.jsonl")
    log.record(_result())
    raw = (tmp_path / "log.jsonl").read_text()
    assert "Jane" not in raw and "dashboard" not in raw
    assert json.loads(raw)["evidence_ids"] == ["analytics:10-36"]


def test_personal_data_only_when_opted_in(tmp_path):
    log = DecisionLog(tmp_path / "log.jsonl", include_personal_data=True)
    log.record(_result())
    assert "Jane Doe" in (tmp_path / "log.jsonl").read_text()


def test_log_is_appended_never_truncated(tmp_path):
    DecisionLog(tmp_path / "log.jsonl").record(_result())
    DecisionLog(tmp_path / "log.jsonl").record(_result())
    assert len(list(DecisionLog(tmp_path / "log.jsonl").events())) == 2


def test_override_replaces_the_decision_in_force(tmp_path):
    log = DecisionLog(tmp_path / "log.jsonl")
    log.record(_result())
    log.override("abc", "not_strategic", reviewer="rk", reason="agency work, not in-house")
    assert log.final_decisions() == {"abc": "not_strategic"}


def test_override_without_reason_is_refused(tmp_path):
    with pytest.raises(ValueError, match="reason"):
        DecisionLog(tmp_path / "log.jsonl").override("abc", "strategic", reviewer="rk", reason=" ")
