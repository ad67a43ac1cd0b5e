"""Tests of ``scripts/make_samples.py``, the demo samples and ``benchmarks/corpus.py``."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from pdfminer.high_level import extract_text

from scripts import make_samples, render

TYPES = {"strategic", "consumer", "off_target"}
DIMENSIONS = {
    "marketing_communications",
    "customer_engagement",
    "technical",
    "analytics",
    "psychology",
    "business_strategy",
}


def _corpus_module(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", root / "benchmarks/corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


def test_sample_sources_follow_the_format() -> None:
    sources = sorted(make_samples.SRC_DIR.glob("*.json"))
    assert len(sources) == 6
    labels = []
    for path in sources:
        data = make_samples.load_resume(path)
        labels.append(data["label"])
        assert set(data["dimensions"]) <= DIMENSIONS
        assert data["rationale"].strip()
        assert data["resume"]["name"]
    assert labels.count("strategic") == 3
    assert labels.count("consumer") == 2
    assert labels.count("off_target") == 1
    ids = [json.loads(p.read_text(encoding="utf-8"))["id"] for p in sources]
    assert len(set(ids)) == len(ids)


def test_make_samples_writes_small_files(tmp_path: Path) -> None:
    paths = make_samples.make_samples(out_dir=tmp_path)
    names = sorted(p.name for p in paths)
    assert sorted(s.output for s in make_samples.SAMPLES) == names
    suffixes = [p.suffix for p in paths]
    assert suffixes.count(".docx") == 2 and suffixes.count(".txt") == 2
    assert {"scanned-resume.pdf", "broken-resume.pdf"} <= set(names)
    for path in paths:
        assert 0 < path.stat().st_size < make_samples.MAX_BYTES
    layouts = {s.options.get("layout") for s in make_samples.SAMPLES if s.kind == "pdf"}
    assert len(layouts) == 3
    assert extract_text(str(tmp_path / "scanned-resume.pdf")).strip() == ""


def test_committed_samples_are_present_and_documented() -> None:
    readme = (make_samples.OUT_DIR / "README.md").read_text(encoding="utf-8")
    for sample in make_samples.SAMPLES:
        path = make_samples.OUT_DIR / sample.output
        assert path.is_file(), f"run `make samples`: {path} is missing"
        assert path.stat().st_size < make_samples.MAX_BYTES
        assert sample.output in readme


@pytest.mark.parametrize("seed", [0, 7])
def test_make_corpus(tmp_path: Path, repo_root: Path, seed: int) -> None:
    corpus = _corpus_module(repo_root)
    paths = corpus.make_corpus(12, tmp_path / "a", seed=seed, manifest=tmp_path / "m.tsv")
    assert len(paths) == 12 and all(p.is_file() for p in paths)
    assert {p.suffix for p in paths} <= {".pdf", ".docx"}
    assert sorted(paths) == sorted((tmp_path / "a").iterdir())  # nothing but resumes
    manifest = (tmp_path / "m.tsv").read_text(encoding="utf-8").splitlines()
    assert len(manifest) == 13
    for path in paths:
        if path.suffix == ".pdf":
            assert 1 <= render.count_pdf_pages(path) <= corpus.MAX_PAGES
    again = corpus.make_corpus(5, tmp_path / "b", seed=seed)  # a prefix of the same corpus
    for x, y in zip(paths[:5], again, strict=True):
        assert x.read_bytes() == y.read_bytes()


def test_corpus_cli(tmp_path: Path, repo_root: Path) -> None:
    corpus = _corpus_module(repo_root)
    assert corpus.main(["3", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("resume-*"))) == 3


def test_generated_resumes_are_well_formed(repo_root: Path) -> None:
    import random

    corpus = _corpus_module(repo_root)
    rng = random.Random(3)
    for prof in corpus.PROFESSIONS:
        resume = corpus.make_resume(rng, prof)
        assert resume["name"] and resume["sections"][0]["entries"]
        for section in resume["sections"]:
            assert sum(k in section for k in ("entries", "items", "text")) == 1
        assert "{" not in render.to_text(resume)  # every template slot was filled
