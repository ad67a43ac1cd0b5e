"""Sections of one resume in every layout ``scripts/render.py`` draws (TXT, PDF, DOCX).

Each rendering is read back with ``extract`` and segmented; every line the
resume holds must land in a section of its own kind, whether the layout puts
a sidebar first, last, or splits the page into columns.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from screener.extraction import extract
from screener.nlp.sections import segment

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # scripts/ is a folder of the repo, not of the package
    sys.path.insert(0, str(ROOT))

from scripts import render  # noqa: E402

RESUME = {
    "name": "Amara Okafor",
    "headline": "Social Media Lead",
    "contact": {"email": "amara@example.com", "location": "Lagos, Nigeria"},
    "summary": "Runs social media and customer care for a mobile bank with 2 million users.",
    "sections": [
        {
            "title": "Experience",
            "entries": [
                {
                    "title": "Social Media Lead",
                    "org": "Kora Bank",
                    "dates": "Mar 2020 - Present",
                    "bullets": [
                        "Answered angry tweets during the card outage with the care team.",
                        "Pulled weekly figures from the listening tool into a board paper.",
                    ],
                },
                {
                    "title": "Community Officer",
                    "org": "Lagos Tech Hub",
                    "dates": "2017 - 2020",
                    "bullets": ["Moderated the members' WhatsApp groups."],
                },
            ],
        },
        {
            "title": "Education",
            "entries": [{"title": "BSc Mass Communication", "org": "University of Lagos"}],
        },
        {"title": "Skills", "items": ["Sprout Social", "Brandwatch", "Looker Studio"]},
        {"title": "Interests", "text": "Chess and Afrobeat playlists."},
    ],
}

#: A phrase of each section and the kind of section it must stand in.
WHERE = [
    ("Answered angry tweets", "experience"),
    ("Pulled weekly figures", "experience"),
    ("Moderated the members", "experience"),
    ("Mass Communication", "education"),
    ("Brandwatch", "skills"),
    ("Afrobeat", "interests"),
    ("Runs social media and customer care", "summary"),
]


def _kind_at(document, phrase: str) -> str:
    offset = document.text.index(phrase)
    for section in segment(document):
        if section.start <= offset < section.end:
            return section.kind
    return "none"


LAYOUTS = (
    ["txt"]
    + [f"pdf-{layout}" for layout in render.PDF_LAYOUTS]
    + [f"docx-{style}" for style in render.DOCX_STYLES]
)


def _render(name: str, folder: Path) -> Path:
    """The resume rendered as ``name`` ("txt", "pdf-<layout>", "docx-<style>")."""
    kind, _, style = name.partition("-")
    path = folder / f"{name}.{kind}"
    if kind == "txt":
        path.write_text(render.to_text(RESUME), encoding="utf-8")
        return path
    if kind == "pdf":
        return render.to_pdf(RESUME, path, style)
    return render.to_docx(RESUME, path, style)


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("layouts")
    return {name: extract(_render(name, folder)) for name in LAYOUTS}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("phrase", "kind"), WHERE, ids=[k + ":" + p for p, k in WHERE])
def test_each_line_lands_in_its_own_kind_of_section(renderings, layout, phrase, kind):
    assert _kind_at(renderings[layout], phrase) == kind


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_heading_is_found_once(renderings, layout):
    titled = [s.title.lower() for s in segment(renderings[layout]) if s.title]
    assert sorted(t for t in titled if t != "contact") == [
        "education",
        "experience",
        "interests",
        "skills",
    ]
