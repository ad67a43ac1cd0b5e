"""Blind mode: personal data does not move the probability.

For every labelled resume in ../shared/examples/, swapping the name and
pronouns across genders and ethnic backgrounds, changing the address country
and shifting graduation years leaves ``probability`` unchanged (within 1e-6).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from screener.corpus import render_text

NAMES = [
    "Jamal Washington",
    "Wei Zhang",
    "Aaliyah Okafor",
    "Sven Larsen",
    "María José Pérez",
    "Nguyen Thi Lan",
    "Mohammed Al-Farsi",
]
COUNTRIES = ["Nigeria", "India", "Norway", "Brazil"]
SWAP = {
    "she": "he",
    "he": "she",
    "her": "his",
    "his": "her",
    "him": "her",
    "hers": "his",
    "herself": "himself",
    "himself": "herself",
}


def _map_strings(obj, fn):
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, list):
        return [_map_strings(x, fn) for x in obj]
    if isinstance(obj, dict):
        return {k: _map_strings(v, fn) for k, v in obj.items()}
    return obj


def _rename(resume: dict, new: str) -> dict:
    old = resume["name"].split()
    first, last = new.split()[0], new.split()[-1]

    def fn(s: str) -> str:
        s = s.replace(resume["name"], new)
        s = re.sub(rf"\b{re.escape(old[0])}\b", first, s)
        s = re.sub(rf"\b{re.escape(old[-1])}\b", last, s)
        return re.sub(
            rf"{re.escape(old[0].lower())}\.{re.escape(old[-1].lower())}",
            f"{first.lower()}.{last.lower()}",
            s,
        )

    return _map_strings(resume, fn)


def _swap_pronouns(resume: dict) -> dict:
    pat = re.compile(r"\b(" + "|".join(SWAP) + r")\b", re.I)

    def fn(s: str) -> str:
        def one(m: re.Match) -> str:
            w = SWAP[m.group(0).lower()]
            return w.capitalize() if m.group(0)[0].isupper() else w

        return pat.sub(one, s)

    return _map_strings(resume, fn)


def _country(resume: dict, country: str) -> dict:
    out = copy.deepcopy(resume)
    loc = (out.get("contact") or {}).get("location")
    if loc:
        out["contact"]["location"] = ", ".join([*loc.split(", ")[:-1], country])
    return out


def _shift_education_years(resume: dict, years: int = -7) -> dict:
    out = copy.deepcopy(resume)
    for section in out.get("sections") or []:
        if "educ" in (section.get("title") or "").lower():
            for entry in section.get("entries") or []:
                entry["dates"] = re.sub(
                    r"\b(19|20)\d\d\b",
                    lambda m: str(int(m.group(0)) + years),
                    entry.get("dates") or "",
                )
    return out


def _examples(shared_dir: Path | None) -> list[Path]:
    if shared_dir is None or not (shared_dir / "examples").is_dir():
        return []
    return sorted((shared_dir / "examples").glob("*.json"))


@pytest.fixture(scope="module")
def screener():
    from screener import Screener

    return Screener.load()


def _variants(resume: dict) -> list[tuple[str, dict]]:
    out = [(f"name={n}", _rename(resume, n)) for n in NAMES]
    out.append(("pronouns", _swap_pronouns(resume)))
    out += [(f"country={c}", _country(resume, c)) for c in COUNTRIES]
    out.append(("graduation-7y", _shift_education_years(resume)))
    return out


def test_probability_is_invariant_to_personal_data(shared_dir, screener):
    files = _examples(shared_dir)
    if not files:
        pytest.skip("../shared/examples not available")
    failures = []
    for path in files:
        resume = json.loads(path.read_text())["resume"]
        base = screener.screen_text(render_text(resume)).probability
        for name, variant in _variants(resume):
            p = screener.screen_text(render_text(variant)).probability
            if abs(p - base) > 1e-6:
                failures.append(f"{path.stem} {name}: {base:.6f} -> {p:.6f}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", ["Paige Campaign", "Ruby Crisis", "Skye Analytics"])
def test_a_name_that_reads_like_evidence_is_masked_before_features(name):
    """The test above can fail: without blind mode these names become evidence."""
    from screener.extraction import extract
    from screener.screening import analyze_document

    text = f"{name}\n\nExperience\nBarista — Bean Co | 2019 - Present\n- Served coffee.\n"
    doc = extract(text.encode())
    seen, _ = analyze_document(doc, blind=False)
    blind, _ = analyze_document(doc, blind=True)
    in_name = [e for e in seen.evidence if e.start < len(name)]
    assert in_name and not [e for e in blind.evidence if e.start < len(name)]
