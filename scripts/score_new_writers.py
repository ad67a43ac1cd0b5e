"""Score new corpus writers held out, before they join the training corpus.

Usage: python scripts/score_new_writers.py FOLDER [FOLDER ...] [--corpus data/corpus]

A new writer's folder is the one fresh test the project has that is neither
the validation set nor data a design was chosen on. This script scores its
resumes (the JSON rendered to text, as training reads them) with

- the shipped model (``models/``), which must not have seen them: the script
  stops if a folder's writer is among the writers the model was trained on
  (the ``leave_one_writer_out`` rows of its metadata); and
- ``screener.baselines.TfidfBaseline`` trained on the training corpus with
  those folders left out,

and prints per folder and overall: accuracy, ROC AUC, Brier score, pair
accuracy (both twins right) and the resumes each got wrong with their
probabilities. Run it before adding the folders and retraining.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _trained_writers(meta: dict) -> set[str]:
    """The writers the model was trained on, from its leave-one-writer-out rows."""
    from scripts.train_model import HELD_OUT

    rows = meta.get("leave_one_writer_out", {})
    return {k.removeprefix(HELD_OUT) for k in rows if k.startswith(HELD_OUT)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus")
    args = parser.parse_args(argv)

    from screener.baselines import TfidfBaseline
    from screener.evaluation import load_items, text_featurizer
    from screener.model import ScreeningModel

    model = ScreeningModel.load(background=True)  # its saved numbers; metadata at once
    new = {f.resolve() for f in args.folders}
    clash = sorted(f.name for f in new if f.name in _trained_writers(model.meta))
    if clash:
        print(f"the shipped model was trained on {', '.join(clash)}: not held out")
        return 2
    train_folders = [p for p in sorted(args.corpus.iterdir())
                     if p.is_dir() and p.resolve() not in new]  # fmt: skip
    train = load_items(train_folders)
    tfidf = TfidfBaseline().fit([t.text or "" for t in train], [int(t.strategic) for t in train])
    featurize = text_featurizer()
    print(f"shipped model {model.meta.get('version')} (trained on {model.meta.get('trained_on')}); "
          f"TF-IDF trained on {len(train)} resumes of {len(train_folders)} folders")  # fmt: skip
    everything: list = []
    probas: dict[str, list[float]] = {"model": [], "tfidf": []}
    for folder in args.folders:
        items = load_items([folder])
        texts = [i.text or "" for i in items]
        scores = {
            "model": model.predict_proba([featurize(t) for t in texts]).tolist(),
            "tfidf": tfidf.predict_proba(texts)[:, 1].tolist(),
        }
        _report(folder.name, items, scores)
        everything += items
        for name in probas:
            probas[name] += scores[name]
    if len(args.folders) > 1:
        _report("all", everything, probas, misses=False)
    return 0


def _report(title: str, items: list, scores: dict[str, list[float]], misses: bool = True) -> None:
    from screener.evaluation import summarise

    print(f"\n{title} ({len(items)} resumes)")
    print(f"{'':<8}{'accuracy':>10}{'roc_auc':>10}{'brier':>10}{'pairs':>12}")
    for name, proba in scores.items():
        s = summarise(items, proba, 0.5)
        n_pairs = s["pairs"]
        right = f"{round((s['pair_accuracy'] or 0) * n_pairs)}/{n_pairs}"
        auc = s.get("roc_auc")
        print(f"{name:<8}{s['accuracy']:>10.3f}{auc if auc is None else f'{auc:.3f}':>10}"
              f"{s['brier']:>10.3f}{right:>12}")  # fmt: skip
    if not misses:
        return
    for name, proba in scores.items():
        wrong = [(i.id, i.label, p) for i, p in zip(items, proba) if (p >= 0.5) != i.strategic]
        for rid, label, p in wrong:
            print(f"  {name} wrong: {rid} ({label}) p={p:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
