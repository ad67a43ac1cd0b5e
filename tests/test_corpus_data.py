"""The committed training corpus follows the writing guide (data/corpus/WRITING-GUIDE.md)."""

import json
from pathlib import Path

import pytest

from screener.types import DIMENSIONS

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
FILES = sorted(CORPUS.glob("*/*.json"))
RECORDS = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in FILES}
HARD_CASES = {
    None,
    "keyword_stuffing",
    "influencer",
    "club_account",
    "one_dimension",
    "no_buzzwords",
    "career_changer",
    "short_strategic",
    "long_consumer",
    "contrast_down",
    "contrast_up",
    "agency_intern",
    "off_target_near",
    "early_career",
}


def words(record):
    return len(json.dumps(record["resume"], ensure_ascii=False).split())


def test_the_corpus_is_there():
    assert len(FILES) >= 300


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_each_resume_has_a_valid_label(name):
    r = RECORDS[name]
    assert r["id"] == name
    assert r["label"] in {"strategic", "consumer", "off_target"}
    assert set(r["dimensions"]) <= set(DIMENSIONS)
    assert r.get("hard_case") in HARD_CASES
    if r["label"] == "strategic":
        assert len(set(r["dimensions"])) >= 4


def test_every_twin_names_an_original_across_the_label_boundary():
    for name, r in RECORDS.items():
        if r.get("pair_of"):
            original = RECORDS[r["pair_of"]]
            assert (original["label"] == "strategic") != (r["label"] == "strategic"), name


def test_twins_keep_their_originals_length_within_a_fifth():
    for name, r in RECORDS.items():
        if r.get("pair_of"):
            ratio = words(r) / words(RECORDS[r["pair_of"]])
            assert 0.8 <= ratio <= 1.25, (name, ratio)


def test_every_writer_folder_documents_itself():
    for folder in {f.parent for f in FILES}:
        assert (folder / "README.md").is_file(), folder
