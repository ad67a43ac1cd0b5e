"""Fixtures for the tests of ``scripts/`` and ``benchmarks/corpus.py``.

Puts the repository root on ``sys.path`` so that ``from scripts import render``
works however pytest is started.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture()
def resume() -> dict[str, Any]:
    """A small resume with non-ASCII text, markup characters and every section kind."""
    return {
        "name": "Zofia Kowalczyk-Ørsted",
        "headline": "Social Media Manager",
        "contact": {
            "email": "zofia.k@example.com",
            "phone": "+48 600 555 014",
            "location": "Kraków, Poland",
            "links": ["linkedin.com/in/zofia-k-social"],
        },
        "summary": "Runs social for a bakery chain & its 40 shops <all of them>.",
        "sections": [
            {
                "title": "Experience",
                "entries": [
                    {
                        "title": "Social Media Manager",
                        "org": "Piekarnia Złota",
                        "location": "Kraków",
                        "dates": "May 2019 - Present",
                        "bullets": [
                            "Own the social plan tied to shop footfall targets.",
                            "Answer complaints within two hours with the care team.",
                        ],
                    },
                    {
                        "title": "Marketing Assistant",
                        "org": "Wisła Foods",
                        "dates": "2016 - 2019",
                        "bullets": ["Wrote the monthly newsletter."],
                    },
                ],
            },
            {
                "title": "Education",
                "entries": [{"title": "MA Marketing", "org": "Jagiellonian University"}],
            },
            {"title": "Skills", "items": ["Sprout Social", "Meta Ads Manager", "GA4"]},
            {"title": "Languages", "items": ["Polish (native)", "English (C1)"]},
            {"title": "Interests", "text": "Rowing and rye sourdough."},
        ],
    }


@pytest.fixture()
def long_resume(resume: dict[str, Any]) -> dict[str, Any]:
    """The small resume with many wordy jobs, long enough for two or three pages."""
    jobs = []
    for i in range(7):
        jobs.append(
            {
                "title": f"Community Manager {i}",
                "org": f"Agency Number {i}",
                "location": "Warsaw",
                "dates": f"{2000 + i} - {2001 + i}",
                "bullets": [
                    f"Bullet {i}.{j}: ran the community calendar, moderated comments, reported "
                    "weekly numbers to the client and briefed designers on the next campaign."
                    for j in range(6)
                ],
            }
        )
    long = dict(resume)
    long["sections"] = [{"title": "Experience", "entries": jobs}, *resume["sections"][1:]]
    return long


@pytest.fixture()
def run_benchmark(tmp_path: Path, resume: dict[str, Any]):
    """Run ``benchmarks/<name>.py`` on a folder of two labelled copies of ``resume``."""

    def run(name: str, *args: str) -> str:
        for i in range(2):
            data = {"id": f"r{i}", "resume": resume}
            (tmp_path / f"r{i}.json").write_text(json.dumps(data), encoding="utf-8")
        script = ROOT / "benchmarks" / f"{name}.py"
        done = subprocess.run(
            [sys.executable, str(script), str(tmp_path), *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    return run
