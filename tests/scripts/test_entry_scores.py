"""benchmarks/entry_scores.py: which entries are gold, how they are matched, what is counted."""

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
    import entry_scores

    return entry_scores


def _analysis(text: str):
    from screener.nlp import analyze

    return analyze(text, as_of=(2025, 6))


def _data(entries: list[dict[str, Any]], title: str = "Experience") -> dict[str, Any]:
    return {"label": "strategic", "resume": {"sections": [{"title": title, "entries": entries}]}}


def test_education_entries_are_not_gold(scores, resume):
    gold = scores.gold_entries(resume)
    assert [e["title"] for _, e in gold] == ["Social Media Manager", "Marketing Assistant"]


def test_an_unlabelled_title_with_bullets_is_a_doing_section(scores):
    data = _data([{"title": "Porter", "bullets": ["Carried bags."]}], title="Stuff I did")
    assert [kind for kind, _ in scores.gold_entries(data["resume"])] == ["doing"]


def test_a_matched_entry_counts_title_org_and_dates(scores):
    text = "Experience\nSocial Lead — Acme, Leeds | Mar 2019 - Present\n- Ran the page.\n"
    data = _data([{"title": "Social Lead", "org": "Acme", "dates": "Mar 2019 - Present"}])
    cells: Counter[str] = Counter()
    assert scores.score_entries(_analysis(text), data, cells, (2025, 6)) == []
    counted = {k: cells[k] for k in ("gold", "found", "title", "org", "dated", "dates", "months")}
    assert counted == dict.fromkeys(counted, 1)


def test_an_entry_with_part_of_the_gold_title_is_found_with_a_wrong_title(scores):
    import dataclasses

    text = "Experience\nReporter, Business Desk — Daily Post | 2009 - 2018\n- Wrote stories.\n"
    analysis = _analysis(text)
    # as if the library had split the title at its comma
    analysis.entries = [
        dataclasses.replace(analysis.entries[0], title="Reporter", org="Daily Post")
    ]
    data = _data(
        [{"title": "Reporter, Business Desk", "org": "Daily Post", "dates": "2009 - 2018"}]
    )
    cells: Counter[str] = Counter()
    scores.score_entries(analysis, data, cells, (2025, 6))
    assert (cells["found"], cells["title"], cells["org"]) == (1, 0, 1)


def test_an_entry_not_found_is_listed(scores):
    text = "Experience\nWorked in shops for years and liked it a lot, then moved.\n"
    data = _data([{"title": "Shop Assistant", "dates": "2010 - 2012"}])
    cells: Counter[str] = Counter()
    errors = scores.score_entries(_analysis(text), data, cells, (2025, 6))
    assert cells["found"] == 0 and "  missed 'Shop Assistant' (2010 - 2012)" in errors


def test_gold_dates_the_parser_cannot_read_are_counted(scores):
    text = "Experience\nPorter | Hotel Ritz | d.d. 5\n- Carried bags.\n"
    data = _data([{"title": "Porter", "dates": "Sem 6"}])
    cells: Counter[str] = Counter()
    scores.score_entries(_analysis(text), data, cells, (2025, 6))
    assert (cells["unread"], cells["dated"]) == (1, 0)


def test_months_are_compared_with_the_gold_dates(scores):
    # the second job's header is glued to a bullet: its dates are lost, so months differ
    text = "Experience\nEditor | Acme | 2019 - 2020\n- Wrote. Editor at Beta 2015 - 2016 too.\n"
    data = _data(
        [
            {"title": "Editor", "org": "Acme", "dates": "2019 - 2020"},
            {"title": "Editor at Beta", "dates": "2015 - 2016"},
        ]
    )
    cells: Counter[str] = Counter()
    errors = scores.score_entries(_analysis(text), data, cells, (2025, 6))
    assert cells["months"] == 0 and "  months 24, gold 48" in errors


def test_main_prints_the_shares(scores, tmp_path, resume, capsys):
    data = {"id": "r1", "label": "strategic", "dimensions": [], "resume": resume}
    (tmp_path / "r1.json").write_text(json.dumps(data), encoding="utf-8")
    assert scores.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^found\s+1\.000 \(2/2\); extra 0$", out, re.M)
    assert re.search(r"^months\s+1\.000 \(1/1\)$", out, re.M)
