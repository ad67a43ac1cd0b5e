"""Work-history entries of real resume PDFs (needs ../shared and screener.extraction)."""

from __future__ import annotations

import pytest

extract_mod = pytest.importorskip("screener.extraction")


def _entries(shared_dir, name: str):
    from screener.nlp import analyze

    path = shared_dir / "corpus" / "real-resumes" / name
    if not path.exists():
        pytest.skip(f"{name} not in shared corpus")
    return analyze(extract_mod.extract(path), as_of=(2025, 6)).entries


@pytest.mark.shared
def test_employer_before_the_title_on_its_line(shared_dir):
    # deedy: "FACEBOOK | SOFTWARE ENGINEER" over "Jan 2015 - Present | New York, NY"
    orgs = {e.title: e.org for e in _entries(shared_dir, "deedy_resume-openfont.pdf")}
    assert orgs["SOFTWARE ENGINEER"] == "FACEBOOK"
    assert orgs["OPEN SOURCE CONTRIBUTOR & TEAM LEADER"] == "PHABRICATOR"


@pytest.mark.shared
def test_an_entry_without_bullets_keeps_to_its_own_header(shared_dir):
    # deedy: the Facebook entry has no bullets; Coursera's header line follows its dates
    orgs = {e.title: e.org for e in _entries(shared_dir, "deedy_resume-openfont.pdf")}
    assert orgs["KPCB FELLOW + SOFTWARE ENGINEERING INTERN"] == "COURSERA"


@pytest.mark.shared
def test_employer_on_the_line_above_the_title(shared_dir):
    # awesome-cv: "Dunamu Inc. Seoul, S.Korea" over "DevOps Engineer Sep. 2023 - Mar. 2024"
    entries = _entries(shared_dir, "awesome-cv_resume.pdf")
    assert (entries[0].title, entries[0].org) == ("DevOps Engineer", "Dunamu Inc. Seoul")
    assert not any(e.org == "S.Korea" for e in entries)
