"""Start-up paths: a model loading in the background, GC settings for batches."""

from __future__ import annotations

import gc
from pathlib import Path

from screener.screening import Screener, tuned_gc

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "tests" / "fixtures" / "strategic.txt").read_text()


def _stable(rows: list) -> list:
    return sorted((r.path, r.probability, r.decision, tuple(r.dimensions)) for r in rows)


def test_background_model_screens_like_a_loaded_one_in_workers(tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"cv{i}.txt"
        p.write_text(TEXT + f"\nReference number {i}\n")
        paths.append(p)
    local = list(Screener.load().screen_many(paths))
    # without prepare(): the pool must wait for the model before forking
    background = list(Screener.load(background=True).screen_many(paths, jobs=2, timeout=60))
    assert _stable(background) == _stable(local)


def test_a_worker_forked_before_the_model_arrived_loads_it_itself():
    import multiprocessing as mp

    screener = Screener.load(background=True)
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()

    def work(conn):  # forked while the helper may still be loading
        conn.send(screener.model.predict_proba([{"breadth": 0.5}])[0])

    proc = ctx.Process(target=work, args=(child,))
    proc.start()
    in_worker = parent.recv()
    proc.join(60)
    assert in_worker == screener.model.predict_proba([{"breadth": 0.5}])[0]


def test_tuned_gc_freezes_and_restores():
    before = gc.get_threshold(), gc.get_freeze_count()
    with tuned_gc(young=12_345):
        assert gc.get_threshold()[0] == 12_345
        assert gc.get_freeze_count() > 0
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
