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
        if section.start <= offset < section.end - 1:
            return section.kind
    return "none"


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("layouts")
    text = folder / "resume.txt"
    text.write_text(render.to_text(RESUME), encoding="utf-8")
    documents = {"txt": extract(text)}
    for layout in render.PDF_LAYOUTS:
        documents[f"pdf-{layout}"] = extract(
            render.to_pdf(RESUME, folder / f"{layout}.pdf", layout)
        )
    for style in render.DOCX_STYLES:
        documents[f"docx-{style}"] = extract(
            render.to_docx(RESUME, folder / f"{style}.docx", style)
        )
    return documents


LAYOUTS = (
    ["txt"]
    + [f"pdf-{layout}" for layout in render.PDF_LAYOUTS]
    + [f"docx-{style}" for style in render.DOCX_STYLES]
)


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
