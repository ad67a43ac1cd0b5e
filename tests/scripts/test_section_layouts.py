"""benchmarks/section_layouts.py: the section type of evidence per rendering."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def layouts(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import section_layouts

    return section_layouts


TEXT = "Ana Lima\n\nExperience\nSocial Lead | Acme | 2020 - 2023\n- Answered complaints on X.\n"


def _data(title: str) -> dict:
    entries = [{"title": "Social Lead", "bullets": ["Answered complaints on X."]}]
    return {"resume": {"sections": [{"title": title, "entries": entries}]}}


def test_spans_in_the_gold_section_are_right(layouts):
    from screener.nlp import analyze

    cells: Counter[str] = Counter()
    assert layouts.score(analyze(TEXT), _data("Experience"), cells) == 0
    assert cells["n"] > 0 and cells["doing_ok"] == cells["n"] == cells["kind_ok"]


def test_spans_judged_against_another_section_are_wrong(layouts):
    from screener.nlp import analyze

    cells: Counter[str] = Counter()
    wrong = layouts.score(analyze(TEXT), _data("Skills"), cells)
    assert wrong == cells["n"] > 0 and cells["kind_ok"] == 0


def test_every_pdf_layout_is_read_and_scored(layouts, tmp_path, resume, capsys):
    (tmp_path / "r1.json").write_text(json.dumps({"id": "r1", "resume": resume}), "utf-8")
    assert layouts.main(["--corpus", str(tmp_path), "--n", "1", "--seeds", "0"]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^(\S+)\s+(\d\.\d{4})\s+(\d\.\d{4})\s+(\d+)$", out, re.M)
    from scripts import render

    assert [r[0] for r in rows] == ["txt", *render.PDF_LAYOUTS]
    assert out.startswith("1 corpus resumes")
