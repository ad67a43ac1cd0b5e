"""Extraction over the shared corpora (skipped when ../shared is absent).

Run with ``-s`` to see the summaries these tests print.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from screener.errors import ExtractionError, NoTextLayerError
from screener.extraction import Limits, extract
from screener.types import Document

pytestmark = [pytest.mark.shared, pytest.mark.slow]

PER_FILE = 10.0  # seconds allowed per file in the robustness walk
GRACE = 3.0  # time for the alarm to land and the worker to report back
HEADINGS = Path(__file__).with_name("real_resume_headings.json")
MIN_IN_ORDER = 0.85  # share of real resumes whose headings must come out in order


def outcome(path: str) -> tuple[str, str, float, str]:
    """Extract one file in a worker process: (name, outcome, seconds, detail)."""
    start = time.monotonic()
    try:
        doc = extract(path, limits=Limits(timeout=PER_FILE))
        kind, detail = "document", f"{len(doc.text)} chars"
    except ExtractionError as e:
        kind, detail = type(e).__name__, str(e)[:120]
    except Exception as e:  # a crash: reported, and fails the test
        kind, detail = f"CRASH {type(e).__name__}", str(e)[:200]
    return Path(path).name, kind, time.monotonic() - start, detail


def test_robustness_corpus_gives_a_typed_outcome_within_the_limit(shared_dir):
    files = sorted(str(p) for p in (shared_dir / "corpus" / "pdf-robustness").glob("*.pdf"))
    assert len(files) > 200
    results = []
    with multiprocessing.get_context("fork").Pool(2, maxtasksperchild=25) as pool:
        stream = pool.imap_unordered(outcome, files, chunksize=1)
        for _ in files:  # a hung worker fails the test instead of hanging it
            results.append(stream.next(timeout=PER_FILE + 60))
    counts = Counter(kind for _, kind, _, _ in results)
    slowest = max(results, key=lambda r: r[2])
    print(f"\nrobustness walk: {len(results)} files, {dict(sorted(counts.items()))}")
    print(f"slowest: {slowest[0]} {slowest[2]:.1f} s ({slowest[1]})")
    print("timed out:", sorted(name for name, kind, _, _ in results if kind == "ExtractionTimeout"))
    crashes = [r for r in results if r[1].startswith("CRASH")]
    assert not crashes, crashes
    late = [r for r in results if r[2] > PER_FILE + GRACE]
    assert not late, late


def test_every_real_resume_extracts(shared_dir):
    folder = shared_dir / "corpus" / "real-resumes"
    files = sorted(folder.glob("*.pdf"))
    assert len(files) >= 20
    for path in files:
        doc = extract(path, limits=Limits(timeout=30))
        assert isinstance(doc, Document)
        assert len(doc.text) > 300, path.name
        for line in doc.lines:
            assert doc.text[line.start : line.end] == line.text


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip(" :")


def headings_in_order(text: str, headings: list[str]) -> list[str]:
    """The headings found one after the other as lines of ``text``; stops at the first miss.

    A heading matches a line equal to it, a line starting with it as a whole
    word (``"Skills: Python"``), or a heading wrapped over two lines.
    """
    lines = [_norm(line) for line in text.split("\n")]
    found: list[str] = []
    start = 0
    for heading in headings:
        want = _norm(heading)
        pattern = re.compile(re.escape(want) + r"(?!\w)")
        for i in range(start, len(lines)):
            pair = f"{lines[i]} {lines[i + 1]}" if i + 1 < len(lines) else lines[i]
            if pattern.match(lines[i]) or pair == want:
                found.append(heading)
                start = i + 1
                break
        else:
            return found
    return found


def test_real_resume_headings_come_out_in_reading_order(shared_dir):
    expected = {k: v for k, v in json.loads(HEADINGS.read_text("utf-8")).items() if k[0] != "_"}
    folder = shared_dir / "corpus" / "real-resumes"
    assert sorted(expected) == sorted(p.name for p in folder.glob("*.pdf"))
    wrong = {}
    for name, headings in expected.items():
        got = headings_in_order(extract(folder / name).text, headings)
        if got != headings:
            wrong[name] = f"after {got[-1:]} missing {headings[len(got)]!r}"
    right = len(expected) - len(wrong)
    print(f"\nreal resumes with every heading in order: {right} of {len(expected)}")
    for name, why in wrong.items():
        print(f"  {name}: {why}")
    assert right >= MIN_IN_ORDER * len(expected), wrong


def test_scanned_examples_have_no_text_layer(shared_dir):
    scans = sorted((shared_dir / "examples").glob("*.scanned.pdf"))
    assert scans
    for path in scans:
        with pytest.raises(NoTextLayerError):
            extract(path)


def test_every_example_rendering_extracts(shared_dir):
    examples = shared_dir / "examples"
    files = [p for p in sorted(examples.iterdir()) if p.suffix in (".pdf", ".docx", ".txt")]
    files = [p for p in files if not p.name.endswith(".scanned.pdf")]
    assert len(files) > 100
    formats = Counter()
    for path in files:
        doc = extract(path)
        formats[doc.source_format] += 1
        assert len(doc.text) > 300, path.name
        assert doc.source_format == path.suffix[1:], path.name
    assert set(formats) == {"pdf", "docx", "txt"}
