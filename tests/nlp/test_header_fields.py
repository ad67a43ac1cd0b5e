"""Header lines cut into job title and employer."""

from __future__ import annotations

import pytest

from screener.nlp.header_fields import split_header


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param(
            "Social Media Manager, Acme Corp, London",
            ("Social Media Manager", "Acme Corp"),
            id="commas part the fields; the place is not the employer",
        ),
        pytest.param(
            "Reporter — Alföldi Reggel (daily, print), Debrecen",
            ("Reporter", "Alföldi Reggel (daily, print)"),
            id="no cut inside brackets",
        ),
        pytest.param(
            "Social Media Manager at Acme – London",
            ("Social Media Manager", "Acme"),
            id="at parts title and employer",
        ),
        pytest.param(
            # "2016 / 09 - University of Bremen": the date parser took "2016", left "/ 09"
            "/ 09 - University of Bremen | Fullstack Engineer",
            ("Fullstack Engineer", "University of Bremen"),
            id="a part without letters is no field",
        ),
        pytest.param(
            "Acme Corp | Marketing Manager",
            ("Marketing Manager", "Acme Corp"),
            id="the employer may come first",
        ),
        pytest.param(
            "NVIDIA Research, Research Intern, CA",
            ("Research Intern", "NVIDIA Research"),
            id="a place code after the title is no employer",
        ),
        pytest.param(
            "Marketing Manager, Social & CRM — Kaze Fitness, Tokyo",
            ("Marketing Manager, Social & CRM", "Kaze Fitness"),
            id="a title before an em dash keeps its commas",
        ),
        pytest.param(
            "Brand Assistant – Digital — Amanzi Beverages, Midrand",
            ("Brand Assistant – Digital", "Amanzi Beverages"),
            id="a title before an em dash keeps its en dashes",
        ),
        pytest.param(
            "Sergeant, Signals — 1st Signals Squadron, Regular Force",
            ("Sergeant, Signals", "1st Signals Squadron"),
            id="a title before an em dash needs no job-title word when none follows",
        ),
        pytest.param(
            "Acme Studio — Designer, Brand",
            ("Designer", "Brand"),
            id="an em dash after the employer leaves the title to the commas",
        ),
        pytest.param(
            "Engineer, Acme, Inc., Austin",
            ("Engineer", "Acme, Inc."),
            id="a legal form after a comma belongs to the name",
        ),
        pytest.param(
            "Committee Member, Lisnacreevy Playgroup, Co. Tyrone",
            ("Committee Member", "Lisnacreevy Playgroup"),
            id="Co. before a place is a county, not a legal form",
        ),
        pytest.param(
            "Omnious Seoul | Software Architect",
            ("Software Architect", "Omnious Seoul"),
            id="an architect is a job title",
        ),
    ],
)
def test_split_header(header, expected):
    assert split_header(header) == expected
