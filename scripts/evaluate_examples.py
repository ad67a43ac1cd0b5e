"""Evaluate the shipped model on the labelled validation set and record the figures.

Usage: python scripts/evaluate_examples.py [EXAMPLES_DIR] [--write]

Runs the same evaluation as ``screener evaluate EXAMPLES_DIR --baselines``
(PDF, DOCX and TXT renderings, a keyword-count scorer and TF-IDF + logistic
regression trained on data/corpus) and prints the table. With ``--write`` it
also stores the figures in ``models/validation.json`` and the model card.
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
    args = p.parse_args(argv)
    results = evaluate_folder(args.examples, baselines=True, train_data=[ROOT / "data" / "corpus"])
    print(format_metrics(results))
    if args.write:
        from screener.model import ScreeningModel
        from scripts.model_card import write_card

        (ROOT / "models" / "validation.json").write_text(json.dumps(results, indent=2) + "\n")
        model = ScreeningModel.load(ROOT / "models")
        short = {}
        for name, res in results.items():
            if isinstance(res, dict):
                short[name] = (f"accuracy {res['accuracy']:.3f}, macro-F1 {res['macro_f1']:.3f}, "
                               f"ROC AUC {res['roc_auc']:.3f}, Brier {res['brier']:.3f}, "
                               f"pair accuracy {res['pair_accuracy']:.3f} "
                               f"({res['pairs']} pairs), n={res['n']}")
            else:
                short[name] = f"{res:.3f}"
        write_card(ROOT / "models" / "MODEL_CARD.md", model.meta, model.version, short)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
