"""scripts/evaluate_examples.py --card-only rewrites the card from the stored figures."""

import json
import shutil
from pathlib import Path

from scripts import evaluate_examples

ROOT = Path(__file__).resolve().parents[2]


def test_card_only_writes_the_stored_validation_figures_without_scoring(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "models", tmp_path / "models")
    stored = json.loads((tmp_path / "models" / "validation.json").read_text())
    name = next(k for k, v in stored.items() if isinstance(v, dict))
    stored[name]["accuracy"] = 0.123
    (tmp_path / "models" / "validation.json").write_text(json.dumps(stored))
    monkeypatch.setattr(evaluate_examples, "ROOT", tmp_path)
    monkeypatch.setattr("screener.evaluation.evaluate_folder", None)  # scoring would fail

    assert evaluate_examples.main(["--card-only"]) == 0
    card = (tmp_path / "models" / "MODEL_CARD.md").read_text()
    assert f"- {name}: accuracy 0.123," in card
