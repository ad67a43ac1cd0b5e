import json

import pytest

from screener.corpus import iter_labelled, render_text

RESUME = {
    "name": "Ana Lima",
    "headline": "Community Lead",
    "contact": {"email": "ana@example.com", "location": "Porto, Portugal", "links": ["x.com/ana"]},
    "summary": "Runs communities.",
    "sections": [
        {
            "title": "Work History",
            "entries": [
                {
                    "title": "Community Lead",
                    "org": "Acme",
                    "location": "Porto",
                    "dates": "2020 - Present",
                    "bullets": ["Wrote the escalation playbook."],
                }
            ],
        },
        {"title": "Toolkit", "items": ["Sprout Social", "SQL"]},
        {"title": "Interests", "text": "Climbing."},
    ],
}


def test_render_text_puts_dates_on_the_title_line():
    text = render_text(RESUME)
    assert "Community Lead — Acme, Porto | 2020 - Present" in text


def test_render_text_renders_bullets_items_and_text_in_order():
    text = render_text(RESUME)
    order = [
        text.index(s)
        for s in (
            "Ana Lima",
            "Work History",
            "- Wrote the escalation",
            "Sprout Social, SQL",
            "Climbing.",
        )
    ]
    assert order == sorted(order)


def _write(tmp_path, name, data):
    (tmp_path / name).write_text(json.dumps(data))


def test_iter_labelled_groups_twins_with_their_original(tmp_path):
    _write(tmp_path, "a.json", {"id": "a", "label": "strategic", "resume": RESUME})
    _write(tmp_path, "b.json", {"id": "b", "pair_of": "a", "label": "consumer", "resume": RESUME})
    items = list(iter_labelled(tmp_path))
    assert [i.group for i in items] == ["a", "a"]


def test_iter_labelled_finds_rendered_files_beside_the_json(tmp_path):
    _write(tmp_path, "a.json", {"id": "a", "label": "consumer", "resume": RESUME})
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (item,) = iter_labelled(tmp_path)
    assert [f.name for f in item.files] == ["a.pdf"]


def test_iter_labelled_rejects_an_unknown_label(tmp_path):
    _write(tmp_path, "a.json", {"id": "a", "label": "maybe", "resume": RESUME})
    with pytest.raises(ValueError, match="maybe"):
        list(iter_labelled(tmp_path))


def test_iter_labelled_reads_a_csv_of_paths(tmp_path):
    (tmp_path / "cv.txt").write_text("hello")
    (tmp_path / "labels.csv").write_text("path,label\ncv.txt,off_target\n")
    (item,) = iter_labelled(tmp_path / "labels.csv")
    assert (item.label, item.files[0].name) == ("off_target", "cv.txt")
