"""benchmarks/section_layouts.py: the section type of evidence per rendering."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def layouts(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import section_layouts

    return section_layouts


def test_every_pdf_layout_is_read_and_scored(layouts, tmp_path, resume, capsys):
    (tmp_path / "r1.json").write_text(json.dumps({"id": "r1", "resume": resume}), "utf-8")
    assert layouts.main(["--corpus", str(tmp_path), "--n", "1", "--seeds", "0"]) == 0
    out = capsys.readouterr().out
    rows = re.findall(r"^(\S+)\s+(\d\.\d{4})\s+(\d\.\d{4})\s+(\d+)$", out, re.M)
    from scripts import render

    assert [r[0] for r in rows] == ["txt", *render.PDF_LAYOUTS]
    assert out.startswith("1 corpus resumes")
