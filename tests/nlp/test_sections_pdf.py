"""Segmentation of real resume PDFs (needs ../shared and screener.extraction)."""

from __future__ import annotations

import pytest

from screener.types import DOING_SECTIONS

extract_mod = pytest.importorskip("screener.extraction")

CASES = {
    "sb2nov_sourabh_bajaj_resume.pdf": ["education", "experience", "projects"],
    "resume-matcher_alfred_pennyworth_pm.pdf": [
        "summary",
        "skills",
        "experience",
        "education",
        "projects",
    ],
    "open-resume_openresume-resume.pdf": ["experience", "education", "projects", "skills"],
    "awesome-cv_resume.pdf": ["summary", "experience", "awards", "certifications", "education"],
}


@pytest.mark.shared
@pytest.mark.parametrize(("name", "expected"), sorted(CASES.items()))
def test_real_resume_sections(shared_dir, name, expected):
    from screener.nlp import segment

    path = shared_dir / "corpus" / "real-resumes" / name
    if not path.exists():
        pytest.skip(f"{name} not in shared corpus")
    sections = segment(extract_mod.extract(path))
    found = [s.kind for s in sections if s.kind != "contact"]
    # every expected kind, first met in the order the resume prints them
    assert [k for k in dict.fromkeys(found) if k in expected] == expected
    assert sections[-1].end == len(extract_mod.extract(path).text)


@pytest.mark.shared
def test_every_real_resume_has_a_doing_section(shared_dir):
    from screener.nlp import segment

    folder = shared_dir / "corpus" / "real-resumes"
    pdfs = sorted(folder.glob("*.pdf"))
    if not pdfs:
        pytest.skip("no real resumes")
    missing = []
    for pdf in pdfs:
        try:
            doc = extract_mod.extract(pdf)
        except Exception:  # unreadable files are the extractor's business
            continue
        if not any(s.kind in DOING_SECTIONS for s in segment(doc)):
            missing.append(pdf.name)
    assert len(missing) <= len(pdfs) // 5, missing


@pytest.mark.shared
def test_sections_carry_pages(shared_dir):
    from screener.nlp import segment

    path = shared_dir / "corpus" / "real-resumes" / "awesome-cv_cv.pdf"
    if not path.exists():
        pytest.skip("awesome-cv_cv.pdf not in shared corpus")
    pages = {s.page for s in segment(extract_mod.extract(path))}
    assert len(pages) > 1


@pytest.mark.shared
def test_a_summary_without_heading_in_a_sidebar_layout(shared_dir):
    """latexcv's sidebar template: a four-line profile under the name, no heading."""
    from screener.nlp import segment

    path = shared_dir / "corpus" / "real-resumes" / "latexcv_sidebar_main.pdf"
    if not path.exists():
        pytest.skip("latexcv_sidebar_main.pdf not in shared corpus")
    document = extract_mod.extract(path)
    summary = next(s for s in segment(document) if s.kind == "summary")
    assert document.text[summary.start :].startswith("I create awesome resume templates")
