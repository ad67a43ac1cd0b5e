"""How many of a resume's words come back, in order, from its PDF.

For every ``shared/examples/<id>.pdf`` (the ``*.scanned.pdf`` copies are
left out) the words of ``<id>.json`` are looked for in ``screener.extract``'s
text. Two figures per producer (``manifest.tsv`` column ``producer``):

- ``field``: each string of the JSON (name, e-mail, a bullet, a skill...) is
  matched, in order, against the extracted words around where it best
  matches (difflib ``SequenceMatcher`` over word lists). It measures lost,
  garbled, split or interleaved words without penalising a sidebar that is
  read before or after the main column.
- ``global``: one ``SequenceMatcher`` over all the JSON's words in JSON order
  against all extracted words; a layout whose reading order differs from the
  JSON's field order (a left sidebar) scores lower here by design.

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

from screener.extract import extract

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


def score(example: Path) -> tuple[int, int, int]:
    """Return (json words, words matched per field, words matched globally)."""
    resume = json.loads(example.with_suffix(".json").read_text(encoding="utf-8"))["resume"]
    units = [words(s) for s in strings(resume)]
    found = words(extract(example).text)
    total = sum(len(u) for u in units)
    per_field = sum(field_matches(u, found) for u in units)
    flat = [w for u in units for w in u]
    matcher = difflib.SequenceMatcher(None, flat, found, autojunk=False)
    in_order = sum(b.size for b in matcher.get_matching_blocks())
    return total, per_field, in_order


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).parents[1] / "../shared/examples"
    with open(root / "manifest.tsv", encoding="utf-8") as fh:
        producer = {row["id"]: row["producer"] for row in csv.DictReader(fh, delimiter="\t")}
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    worst: list[tuple[float, str]] = []
    for pdf in sorted(root.glob("*.pdf")):
        if pdf.name.endswith(".scanned.pdf"):
            continue
        total, per_field, in_order = score(pdf)
        row = sums[producer.get(pdf.stem, "?")]
        row[0] += 1
        row[1] += total
        row[2] += per_field
        row[3] += in_order
        worst.append((per_field / max(total, 1), pdf.name))
    print(f"{'producer':<20} {'files':>5} {'words':>6} {'field':>7} {'global':>7}")
    all_rows = [0, 0, 0, 0]
    for name in sorted(sums):
        files, total, per_field, in_order = sums[name]
        all_rows = [a + b for a, b in zip(all_rows, sums[name])]
        print(
            f"{name:<20} {files:>5} {total:>6} {per_field / total:>7.2%} {in_order / total:>7.2%}"
        )
    files, total, per_field, in_order = all_rows
    print(f"{'ALL':<20} {files:>5} {total:>6} {per_field / total:>7.2%} {in_order / total:>7.2%}")
    print("lowest files (field share):", ", ".join(f"{n} {s:.1%}" for s, n in sorted(worst)[:5]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
