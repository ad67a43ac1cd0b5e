"""Compare model designs and the TF-IDF baseline on held-out training data.

Usage: python scripts/compare_models.py [--corpus data/corpus]

The validation set is small (42 resumes, 12 pairs) and must not be used to
choose between designs, so this script answers "is the evidence model ahead
of a TF-IDF + logistic regression?" on our own corpus instead, with the same
out-of-fold protocol as ``scripts/train_model.py``: 5-fold duplicate-safe
grouped cross-validation (twins held out together) and leave-one-writer-out
(a whole writer's slice unseen). For each split it prints accuracy, ROC AUC,
Brier score and pair accuracy (both twins right) of:

- ``evidence``: the shipped pipeline (``screener.model.build_pipeline``) on
  the evidence features alone (word features left out): the first
  session's design;
- ``no-idf``: evidence and word features (``screener.features.
  text_features``) without inverse document frequency weights: the second
  session's design;
- ``unsplit``: evidence and word features weighted by inverse document
  frequency (``screener.vocabulary.RareWordFilter``), all words named
  alike: the third session's design (``featurize(by_agency=False)``);
- ``model``: the shipped design, as ``unsplit`` but the words of support
  clauses named apart (``screener.features.split_by_agency``);
- ``tfidf``: ``screener.baselines.TfidfBaseline`` on the same rendered texts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

Split = tuple[np.ndarray, np.ndarray]


def out_of_fold(
    data, unsplit: list[dict[str, float]], texts: Sequence[str], splits: Iterable[Split]
) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities of each design over ``splits``."""
    from screener.baselines import TfidfBaseline
    from screener.features import WORD_PREFIX
    from screener.model import build_pipeline

    y = data.y
    evidence = [
        {k: v for k, v in f.items() if not k.startswith(WORD_PREFIX)} for f in data.features
    ]
    designs = {
        "evidence": (evidence, {}),
        "no-idf": (data.features, {"idf": False}),
        "unsplit": (unsplit, {}),
        "model": (data.features, {}),
    }
    out = {name: np.zeros(len(y)) for name in (*designs, "tfidf")}
    for tr, te in splits:
        for name, (feats, options) in designs.items():
            model = build_pipeline(seed=0, **options).fit([feats[i] for i in tr], y[tr])
            out[name][te] = model.predict_proba([feats[i] for i in te])[:, 1]
        base = TfidfBaseline().fit([texts[i] for i in tr], y[tr])
        out["tfidf"][te] = base.predict_proba([texts[i] for i in te])[:, 1]
    return out


def rows(name: str, items: list, proba: dict[str, np.ndarray], idx: np.ndarray) -> list[str]:
    from screener.evaluation import summarise

    lines = []
    for design, p in proba.items():
        s = summarise([items[i] for i in idx], p[idx], 0.5)
        pairs = s.get("pair_accuracy")
        lines.append(
            f"{name:28s} {design:9s} {len(idx):5d} {s['accuracy']:9.3f} {s['roc_auc']:8.3f} "
            f"{s['brier']:7.3f} {'n/a' if pairs is None else f'{pairs:.3f}':>7s}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    from screener.evaluation import load_items, text_analyzer
    from screener.features import featurize
    from screener.training import TrainingSet, grouped_folds, writer_folds

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus")
    args = p.parse_args(argv)
    folders = sorted(f for f in args.corpus.iterdir() if f.is_dir())
    analyze_text = text_analyzer()
    kept = [i for i in load_items(folders) if i.text]
    analyses = [analyze_text(i.text or "") for i in kept]  # once for both feature designs
    data = TrainingSet(kept, [featurize(a) for a in analyses])
    unsplit = [featurize(a, by_agency=False) for a in analyses]
    items = data.items
    texts = [i.text or "" for i in items]
    by_writer = writer_folds(data)
    everything = np.arange(len(items))
    print(
        f"{'split':28s} {'design':9s} {'n':>5s} {'accuracy':>9s} {'roc_auc':>8s} "
        f"{'brier':>7s} {'pairs':>7s}"
    )
    grouped = out_of_fold(data, unsplit, texts, grouped_folds(data, folds=5, seed=0))
    for line in rows("5-fold grouped CV", items, grouped, everything):
        print(line)
    held = out_of_fold(data, unsplit, texts, by_writer.values())
    for line in rows("leave-one-writer-out", items, held, everything):
        print(line)
    for w, (_, te) in by_writer.items():
        for line in rows(f"  writer {w}", items, held, te):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
