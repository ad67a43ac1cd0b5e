"""Retraining from the committed corpus reproduces the shipped model's figures."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_retraining_reproduces_the_shipped_metrics():
    out = subprocess.run(
        [sys.executable, "scripts/train_model.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "reproduces shipped metrics: True" in out.stdout


def test_the_shipped_model_names_the_corpus_it_was_trained_on():
    sys.path.insert(0, str(ROOT))
    from scripts.train_model import CORPUS, corpus_digest

    meta = json.loads((ROOT / "models" / "screener-model.json").read_text())
    assert meta["version"].endswith(f"corpus.{corpus_digest(CORPUS)}")
