"""How many of a resume's words come back, in order, from its PDF.

For every ``shared/examples/<id>.pdf`` (the ``*.scanned.pdf`` copies are
left out) the words of ``<id>.json`` are looked for in ``screener.extraction``'s
text. Three figures per producer (``manifest.tsv`` column ``producer``):

- ``field``: each string of the JSON (name, e-mail, a bullet, a skill...) is
  matched, in order, against the extracted words around where it best
  matches (difflib ``SequenceMatcher`` over word lists). It measures lost,
  garbled or split words.
- ``section``: the same, with each part of the resume as one unit (the
  header: name, headline and contact; the summary; each section with its
  title, entries and items), so words must also come in order *across* the
  strings of a section: a sidebar interleaved into the main column, or dates
  pulled away from their job, lose words here. A sidebar read before or
  after the main column does not, and neither do a job's dates printed on
  its title line (the JSON lists them after the organisation and place).
- ``global``: one ``SequenceMatcher`` over all the JSON's words in JSON order
  against all extracted words; a layout whose reading order differs from the
  JSON's field order (a left sidebar, contact on the right) scores lower
  here by design.

Only the text of the examples is used here, never their labels.

Usage: ``python benchmarks/extraction_words.py [path/to/shared/examples]``
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from screener.extraction import extract

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` after NFKC."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def strings(node: object) -> list[str]:
    """Every string leaf of a JSON value, in document order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings(value)]
    return []


def field_matches(unit: list[str], found: list[str]) -> int:
    """Words of ``unit`` matched in order near their best place in ``found``."""
    if not unit:
        return 0
    matcher = difflib.SequenceMatcher(None, unit, found, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return 0
    anchor = max(blocks, key=lambda b: b.size).b
    window = 2 * len(unit) + 5
    near = [b for b in blocks if abs(b.b - anchor) <= window]
    return sum(b.size for b in near)


def parts(resume: dict) -> list[list[str]]:
    """Word lists of the resume's parts: header, summary, then each section."""
    head = [resume.get("name"), resume.get("headline"), resume.get("contact")]
    out = [[w for s in strings(head) for w in words(s)]]
    out.append(words(resume.get("summary") or ""))
    out += [[w for s in strings(section) for w in words(s)] for section in resume["sections"]]
    return [p for p in out if p]


def score(example: Path) -> tuple[int, int, int, int]:
    """Return (json words, matched per field, matched per section, matched globally)."""
    resume = json.loads(example.with_suffix(".json").read_text(encoding="utf-8"))["resume"]
    units = [words(s) for s in strings(resume)]
    found = words(extract(example).text)
    total = sum(len(u) for u in units)
    per_field = sum(field_matches(u, found) for u in units)
    per_section = sum(field_matches(p, found) for p in parts(resume))
    flat = [w for u in units for w in u]
    matcher = difflib.SequenceMatcher(None, flat, found, autojunk=False)
    in_order = sum(b.size for b in matcher.get_matching_blocks())
    return total, per_field, per_section, in_order


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).parents[1] / "../shared/examples"
    with open(root / "manifest.tsv", encoding="utf-8") as fh:
        producer = {row["id"]: row["producer"] for row in csv.DictReader(fh, delimiter="\t")}
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    worst: list[tuple[float, str]] = []
    for pdf in sorted(root.glob("*.pdf")):
        if pdf.name.endswith(".scanned.pdf"):
            continue
        total, per_field, per_section, in_order = score(pdf)
        row = sums[producer.get(pdf.stem, "?")]
        for i, value in enumerate((1, total, per_field, per_section, in_order)):
            row[i] += value
        worst.append((per_section / max(total, 1), pdf.name))
    print(f"{'producer':<18} {'files':>5} {'words':>6} {'field':>7} {'section':>8} {'global':>7}")
    all_rows = [0, 0, 0, 0, 0]
    for name in [*sorted(sums), "ALL"]:
        row = all_rows if name == "ALL" else sums[name]
        if name != "ALL":
            all_rows = [a + b for a, b in zip(all_rows, row)]
        files, total, per_field, per_section, in_order = row
        print(
            f"{name:<18} {files:>5} {total:>6} {per_field / total:>7.2%}"
            f" {per_section / total:>8.2%} {in_order / total:>7.2%}"
        )
    print("lowest files (section share):", ", ".join(f"{n} {s:.1%}" for s, n in sorted(worst)[:5]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
