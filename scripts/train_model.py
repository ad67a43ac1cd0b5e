"""Train the shipped model from data/corpus and write models/ with its card.

Usage: python scripts/train_model.py [--check]

Prints the corpus balance checks (length, section count, names and countries
must not separate the labels), the duplicate-safe cross-validated figures
(including held-out minimal pairs), then saves ``models/screener-model.skops``,
``models/screener-model.json`` and ``models/MODEL_CARD.md``. With ``--check``
it trains and compares with the shipped metadata instead of writing: the
cross-validated figures and every resume's probability (the held-out-writer
runs are skipped there; they are not compared).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
MODELS = ROOT / "models"
SEED = 0
#: Key prefix of each writer's row in the metadata's ``leave_one_writer_out``.
HELD_OUT = "held-out writer "


def _close(a: object, b: object, tol: float = 1e-6) -> bool:
    """Equal structures whose floats agree within ``tol``."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], tol) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y, tol) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= tol
    return a == b


def corpus_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.json")):
        h.update(path.relative_to(folder).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def _auc(values: list[float], y: list[int]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, values))


def balance_report(items: list) -> dict:
    """How well length, section count and country alone predict the label.

    An AUC near 0.5 means the property does not separate strategic from
    the rest; far from 0.5 means the corpus would teach a shortcut.
    """
    raw = [json.loads(Path(i.meta["source"]).read_text()) for i in items]
    y = [int(i.strategic) for i in items]
    words = [len((i.text or "").split()) for i in items]
    sections = [len(r["resume"].get("sections") or []) for r in raw]
    countries = [
        ((r["resume"].get("contact") or {}).get("location") or "").split(",")[-1].strip()
        for r in raw
    ]
    by_label: dict[str, dict] = {}
    for lab in ("strategic", "consumer", "off_target"):
        w = [n for n, i in zip(words, items) if i.label == lab]
        if w:
            by_label[lab] = {
                "n": len(w),
                "words_median": float(np.median(w)),
                "words_iqr": [float(np.percentile(w, 25)), float(np.percentile(w, 75))],
            }
    country_rate = {}
    for c in sorted(set(countries)):
        ys = [t for t, cc in zip(y, countries) if cc == c]
        if len(ys) >= 8:
            country_rate[c or "(none)"] = {"n": len(ys), "strategic_share": sum(ys) / len(ys)}
    return {
        "auc_words": _auc(words, y),
        "auc_sections": _auc(sections, y),
        "by_label": by_label,
        "country_strategic_share": country_rate,
    }


def leave_one_writer_out(data) -> dict:
    """Train on every writer but one and test on that one: unseen voices."""
    from screener.evaluation import summarise
    from screener.model import build_pipeline
    from screener.training import writer_folds

    out = {}
    for w, (tr, te) in writer_folds(data).items():
        pipe = build_pipeline(seed=SEED)
        pipe.fit([data.features[k] for k in tr], data.y[tr])
        proba = pipe.predict_proba([data.features[k] for k in te])[:, 1]
        res = summarise([data.items[k] for k in te], proba.tolist(), 0.5)
        res.pop("hard_cases", None)
        out[HELD_OUT + w] = res
    return out


def main(argv: list[str] | None = None) -> int:
    from screener._version import __version__
    from screener.evaluation import format_metrics, load_items, text_featurizer
    from screener.training import TrainingSet, cross_validate, train

    args = _args(argv)
    items = load_items(sorted(p for p in CORPUS.iterdir() if p.is_dir()))
    balance = balance_report(items)
    print(
        f"corpus: {len(items)} resumes; balance: AUC(words)={balance['auc_words']:.3f} "
        f"AUC(sections)={balance['auc_sections']:.3f}"
    )
    data = TrainingSet.build(items, text_featurizer())
    from screener.evaluation import summarise

    cv = summarise(data.items, cross_validate(data, seed=SEED).tolist(), 0.5)
    # --check compares the cross-validated figures and the probabilities; the 46
    # held-out-writer fits would take most of its time and are not compared.
    by_writer = {} if args.check else leave_one_writer_out(data)
    print(format_metrics({"5-fold grouped CV": cv, **by_writer}))
    version = f"{__version__}+corpus.{corpus_digest(CORPUS)}"
    model = train(data, seed=SEED, version=version)
    words = model.pipeline.named_steps.get("words")
    if words is not None:
        print(
            f"word features: {len(words.vocabulary_)} kept of {words.n_seen_} seen "
            f"(in at least {words.min_docs} resumes)"
        )
    model.meta.update(
        {"cross_validation": cv, "balance": balance, "leave_one_writer_out": by_writer}
    )
    model.meta["trained"] = "reproducible"  # no wall-clock date: retraining must match
    if args.check:
        from screener.model import ScreeningModel

        shipped = json.loads((MODELS / "screener-model.json").read_text())
        # Tolerances, not equality: BLAS may sum the ~3,500 products of a row
        # in another order with another thread count (e.g. OMP_NUM_THREADS set
        # by a caller), which moves the last bits of a probability.
        same = _close(shipped.get("cross_validation"), json.loads(json.dumps(cv)))
        old = ScreeningModel.load(MODELS).predict_proba(data.features)
        new = model.predict_proba(data.features)
        same_proba = bool(np.allclose(old, new, rtol=0, atol=1e-7))
        print("reproduces shipped metrics:", same)
        print("reproduces shipped probabilities:", same_proba)
        return 0 if same and same_proba else 1
    model.save(MODELS)
    from scripts.model_card import write_card

    # Validation figures belong to the model they were measured on: a new
    # model must be evaluated again with scripts/evaluate_examples.py --write.
    (MODELS / "validation.json").unlink(missing_ok=True)
    write_card(MODELS / "MODEL_CARD.md", model.meta, version)
    print(f"saved {MODELS / 'screener-model.skops'} ({version})")
    return 0


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="compare with the shipped model")
    return p.parse_args(argv)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
