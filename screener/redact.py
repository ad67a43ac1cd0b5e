"""Blind screening: mask personal data before features are built.

Masks are the same length as what they hide (each character becomes ``_``,
line breaks kept), so every offset found on the masked text still points at
the same place in the original document. Only categories and counts are
reported, never the values.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from screener.types import Document

__all__ = ["CATEGORIES", "redact_document", "redact_text"]

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "link",
        re.compile(
            r"(?:https?://|www\.)\S+|\b(?:linkedin|github|instagram|twitter|x|"
            r"tiktok|facebook|behance|medium)\.com/\S+",
            re.I,
        ),
    ),
    (
        "date_of_birth",
        re.compile(r"\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\b[:\s]*[^\n]{0,30}", re.I),
    ),
    ("age", re.compile(r"\bage[:\s]+\d{2}\b|\b\d{2}[- ]years?[- ]old\b", re.I)),
    (
        "nationality",
        re.compile(r"\b(?:nationality|citizenship|visa status)\b[:\s]*[^\n,;|]{0,40}", re.I),
    ),
    (
        "marital_status",
        re.compile(
            r"\b(?:marital status[:\s]*[^\n,;|]{0,20}|married|divorced|"
            r"widowed)\b",
            re.I,
        ),
    ),
    (
        "gender",
        re.compile(
            r"\b(?:gender|sex)\s*:\s*\w+|\b(?:mr|mrs|ms|miss|mx)\.?(?=\s)|"
            r"\b(?:male|female|woman|man|women|men|mother|father|"
            r"husband|wife)\b",
            re.I,
        ),
    ),
    (
        "pronoun",
        re.compile(
            r"\b(?:she|he|her|hers|him|his|herself|himself)\b"
            r"|\((?:she|he|they)/(?:her|him|them)\)",
            re.I,
        ),
    ),
    (
        "address",
        re.compile(
            r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|"
            r"Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct)\b\.?"
        ),
    ),
    (
        "graduation_year",
        re.compile(r"\b(?:class of|graduated|graduation)\b[:\s]*(?:19|20)\d\d", re.I),
    ),
]
CATEGORIES = ("name", "phone", *(name for name, _ in _PATTERNS))
_PHONE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d ().-]{6,}\d(?![\w/])")
_YEARISH = re.compile(r"\b(?:19|20)\d\d\b")


def _phones(text: str) -> list[tuple[int, int]]:
    """Phone numbers: 9+ digits, and not a date range such as 2017 - 2020."""
    spans = []
    for m in _PHONE.finditer(text):
        cand = m.group()
        digits = sum(c.isdigit() for c in cand)
        if digits < 9 or digits > 15:
            continue
        if not cand.startswith(("+", "(")) and len(_YEARISH.findall(cand)) >= 2:
            continue
        spans.append((m.start(), m.end()))
    return spans


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + "".join("\n" if c == "\n" else "_" for c in text[start:end]) + text[end:]


#: Lowercase particles of personal names ("Maria dela Cruz", "Siti binti Ahmad").
_NAME_PARTICLES = frozenset(
    {"al", "bin", "binti", "bint", "ibn", "da", "das", "de", "del", "dela", "della", "der"}
    | {"di", "do", "dos", "du", "el", "la", "le", "ten", "ter", "van", "von", "y", "zu"}
)


def _name_span(text: str) -> tuple[int, int] | None:
    """The candidate's name: the first short line of capitalised words (and particles)."""
    pos = 0
    for line in text.split("\n")[:5]:
        words = line.split()
        capitalised = all(w[:1].isupper() or w in _NAME_PARTICLES for w in words if w.isalpha())
        if 1 < len(words) <= 5 and capitalised and not any(c.isdigit() or c == "@" for c in line):
            start = pos + (len(line) - len(line.lstrip()))
            return start, pos + len(line.rstrip())
        pos += len(line) + 1
    return None


def redact_text(text: str) -> tuple[str, dict[str, int]]:
    """Mask personal data in ``text``, keeping its length and line breaks.

    Returns
    -------
    tuple of (str, dict)
        The masked text and the number of masks per category.
    """
    counts: Counter[str] = Counter()
    span = _name_span(text)
    if span:
        name = text[span[0] : span[1]]
        text = _mask(text, *span)
        counts["name"] += 1
        for m in list(re.finditer(re.escape(name), text, re.I)):  # the name again, elsewhere
            text = _mask(text, m.start(), m.end())
            counts["name"] += 1
    for start, end in _phones(text):
        text = _mask(text, start, end)
        counts["phone"] += 1
    for category, pattern in _PATTERNS:
        for m in list(pattern.finditer(text)):
            text = _mask(text, m.start(), m.end())
            counts[category] += 1
    return text, dict(counts)


_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])")


def _education_years(document: Document, text: str, counts: Counter[str]) -> str:
    """Mask years in education sections: graduation years reveal age."""
    from screener.nlp.sections import segment

    for section in segment(document):
        if section.kind != "education":
            continue
        for m in list(_YEAR.finditer(text, section.start, section.end)):
            text = _mask(text, m.start(), m.end())
            counts["graduation_year"] += 1
    return text


def redact_document(document: Document) -> tuple[Document, dict[str, int]]:
    """A copy of ``document`` whose text (and lines) are masked.

    On top of :func:`redact_text`, years inside education sections are masked
    (found with the same section segmentation the evidence layer uses).
    """
    masked, found = redact_text(document.text)
    counts: Counter[str] = Counter(found)
    masked = _education_years(document, masked, counts)
    counts = dict(counts)
    if not counts:
        return document, counts
    pages = []
    for page in document.pages:
        blocks = []
        for block in page.blocks:
            lines = [replace(ln, text=masked[ln.start : ln.end]) for ln in block.lines]
            blocks.append(replace(block, lines=lines))
        pages.append(replace(page, blocks=blocks))
    return replace(document, text=masked, pages=pages), counts
