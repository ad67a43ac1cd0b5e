"""benchmarks/evidence_scores.py: the scores, what they read, and what they leave out."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def scores(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import evidence_scores

    return evidence_scores


def _labelled(resume: dict[str, Any], rid: str, dimensions: list[str]) -> dict[str, Any]:
    return {"id": rid, "label": "strategic", "dimensions": dimensions, "resume": resume}


def _write(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / f"{data['id']}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _rows(out: str) -> dict[str, tuple[float, float, float]]:
    found = re.findall(r"^(\w+)\s+(\d\.\d{3})\s+(\d\.\d{3})\s+(\d\.\d{3})\s", out, re.M)
    return {name: (float(p), float(r), float(f)) for name, p, r, f in found}


def test_gold_regions_follow_the_text_not_the_json_order(scores):
    # a sidebar read first: Skills stands before Experience, the JSON lists it after
    text = "Ana Lima\n\nSkills\nHootsuite\n\nExperience\nSocial Lead | Acme | 2020 - 2023\n"
    data = {
        "resume": {
            "sections": [
                {"title": "Experience", "entries": [{"title": "Social Lead", "bullets": ["x"]}]},
                {"title": "Skills", "items": ["Hootsuite"]},
            ]
        }
    }
    regions = scores._gold_regions(text, data)
    assert regions == [
        (0, "contact", False),
        (text.index("Skills"), "skills", False),
        (text.index("Experience"), "experience", True),
    ]


def test_the_name_starts_the_contact_region_after_a_sidebar(scores):
    # sidebar_left: the skills come first, then the name and headline of the main column
    text = "Skills\nHootsuite\n\nAna Lima\nCommunity Lead | Complaints\n\nExperience\nx\n"
    data = {"resume": {"name": "Ana Lima", "sections": [{"title": "Skills", "items": ["x"]}]}}
    regions = scores._gold_regions(text, data)
    assert scores._gold_at(regions, text.index("Complaints")) == ("contact", False)


def test_a_gold_title_may_wrap_onto_a_second_line(scores):
    text = "Tobias Kranich\n\nBERUFSERFAHRUNG / PROFESSIONAL\nEXPERIENCE\n\nTrade Lead\n"
    title = "Berufserfahrung / Professional Experience"
    data = {"resume": {"sections": [{"title": title, "entries": [{"bullets": ["x"]}]}]}}
    regions = scores._gold_regions(text, data)
    assert regions[1] == (text.index("BERUF"), None, True)


def test_a_gold_title_is_found_without_its_accents(scores):
    # the PDF font had no "ś" or "ę": the title reads "Doswiadczenie"
    text = "Ola Nowak\n\nDoswiadczenie\nSocial Lead | Acme | 2020 - 2023\n"
    data = {"resume": {"sections": [{"title": "Doświadczenie", "entries": [{"bullets": ["x"]}]}]}}
    regions = scores._gold_regions(text, data)
    assert regions[1] == (text.index("Dosw"), None, True)


def test_scores_count_the_dimensions_against_the_label(scores, tmp_path, resume, capsys):
    # the fixture's experience evidences these three among others; the label claims psychology too
    _write(tmp_path, _labelled(resume, "r1", ["customer_engagement", "psychology"]))
    assert scores.main([str(tmp_path)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows["customer_engagement"] == (1.0, 1.0, 1.0)
    assert rows["psychology"][1] == 0.0  # labelled, not found: a miss


def test_examples_are_read_from_the_pdf_beside_the_json(scores, tmp_path, resume, capsys):
    from scripts import render

    render.to_pdf(resume, tmp_path / "r1.pdf", "sidebar_left")
    _write(tmp_path, _labelled(resume, "r1", ["customer_engagement"]))
    assert scores.main(["--examples", str(tmp_path), "--read", "pdf"]) == 0
    out = capsys.readouterr().out
    assert "(1 resumes, read from .pdf)" in out
    assert _rows(out)["customer_engagement"] == (1.0, 1.0, 1.0)


def test_an_unreadable_rendering_is_listed_with_its_reason(scores, tmp_path, resume, capsys):
    from scripts import render

    render.to_pdf(resume, tmp_path / "good.pdf", "classic")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\nnot a pdf at all\n")
    for rid in ("good", "bad"):
        _write(tmp_path, _labelled(resume, rid, ["customer_engagement"]))
    assert scores.main(["--examples", str(tmp_path), "--read", "pdf"]) == 0
    out = capsys.readouterr().out
    assert "(1 resumes, read from .pdf)" in out
    assert re.search(r"left out, unreadable: 1\n  bad: \w+", out)


def test_a_missing_rendering_is_counted(scores, tmp_path, resume, capsys):
    (tmp_path / "r1.txt").write_text("Experience\nAnswered complaints on X.\n", encoding="utf-8")
    for rid in ("r1", "r2"):
        _write(tmp_path, _labelled(resume, rid, []))
    assert scores.main(["--examples", str(tmp_path)]) == 0
    assert "left out, no .txt beside the JSON: 1" in capsys.readouterr().out


def test_read_needs_examples(scores, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        scores.main([str(tmp_path), "--read", "pdf"])
    assert stop.value.code == 2
    assert "--read needs --examples" in capsys.readouterr().err


SECTION_TEXT = (
    "Ana Lima\n\nExperience\nSocial Lead | Acme | 2020 - 2023\n- Answered complaints on X.\n"
)


def _data(title: str) -> dict:
    entries = [{"title": "Social Lead", "bullets": ["Answered complaints on X."]}]
    return {"resume": {"sections": [{"title": title, "entries": entries}]}}


def test_spans_in_the_gold_section_are_right(scores):
    from screener.nlp import analyze

    cells: Counter[str] = Counter()
    assert scores.score_sections(analyze(SECTION_TEXT), _data("Experience"), cells) == 0
    assert cells["n"] > 0 and cells["doing_ok"] == cells["n"] == cells["kind_ok"]


def test_spans_judged_against_another_section_are_wrong(scores):
    from screener.nlp import analyze

    cells: Counter[str] = Counter()
    wrong = scores.score_sections(analyze(SECTION_TEXT), _data("Skills"), cells)
    assert wrong == cells["n"] > 0 and cells["kind_ok"] == 0
