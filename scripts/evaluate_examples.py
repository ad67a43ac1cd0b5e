"""Evaluate the shipped model on the labelled validation set and record the figures.

Usage: python scripts/evaluate_examples.py [EXAMPLES_DIR] [--write | --card-only]

Runs the same evaluation as ``screener evaluate EXAMPLES_DIR --baselines``
(PDF, DOCX and TXT renderings, a keyword-count scorer and TF-IDF + logistic
regression trained on data/corpus) and prints the table. With ``--write`` it
also stores the figures in ``models/validation.json`` and the model card.
``--card-only`` rewrites the card from ``models/validation.json`` without
scoring anything (after a change to the card's text).
The validation set is only ever evaluated on, never trained or tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    from screener.evaluation import evaluate_folder, format_metrics

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("examples", nargs="?", type=Path, default=ROOT.parent / "shared" / "examples")
    p.add_argument("--write", action="store_true", help="record figures in models/")
    p.add_argument(
        "--card-only",
        action="store_true",
        help="rewrite models/MODEL_CARD.md from models/validation.json, scoring nothing",
    )
    args = p.parse_args(argv)
    validation = ROOT / "models" / "validation.json"
    if args.card_only:
        _write_card(json.loads(validation.read_text()))
        return 0
    results = evaluate_folder(args.examples, baselines=True, train_data=[ROOT / "data" / "corpus"])
    print(format_metrics(results))
    if args.write:
        validation.write_text(json.dumps(results, indent=2) + "\n")
        _write_card(results)
    return 0


def _write_card(results: dict) -> None:
    """The model card of the shipped model, with these validation figures."""
    from screener.model import ScreeningModel
    from scripts.model_card import write_card

    model = ScreeningModel.load(ROOT / "models")
    short = {}
    for name, res in results.items():
        if isinstance(res, dict):
            short[name] = (
                f"accuracy {res['accuracy']:.3f}, macro-F1 {res['macro_f1']:.3f}, "
                f"ROC AUC {res['roc_auc']:.3f}, Brier {res['brier']:.3f}, "
                f"pair accuracy {res['pair_accuracy']:.3f} "
                f"({res['pairs']} pairs), n={res['n']}"
            )
        else:
            short[name] = f"{res:.3f}"
    write_card(ROOT / "models" / "MODEL_CARD.md", model.meta, model.version, short)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
