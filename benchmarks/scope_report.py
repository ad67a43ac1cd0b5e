"""Words and language per document of folders: what ``screener.scope`` would flag.

For each folder: labelled JSON resumes (``<id>.json`` with a ``resume``) are
rendered to text as training reads them; PDF, DOCX and TXT files are read
with ``screener.extraction.extract`` (files it cannot read are counted
apart).  Printed per folder: how many documents, the fewest and most words
(``screener.scope.count_words``), each document outside
``screener.scope.DEFAULT_WORD_RANGE`` with its words, and each document
that ``screener.language.written_language`` does not read as English, with
the language it names.  This is how the defaults were checked::

    python benchmarks/scope_report.py data/corpus ../shared/corpus/real-resumes \\
        ../shared/corpus/pdf-robustness
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_FILES = {".pdf", ".docx", ".txt"}


def folder_texts(folder: Path) -> tuple[dict[str, str], int]:
    """Text per document under ``folder`` (name -> text), and the unreadable files."""
    from evidence_speed import json_resumes  # the script's folder is on sys.path

    from screener.errors import ScreenerError
    from screener.extraction import extract

    texts = {str(path.relative_to(folder)): text for path, text in json_resumes(folder)}
    unreadable = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in _FILES:
            try:
                texts[str(path.relative_to(folder))] = extract(path.read_bytes()).text
            except ScreenerError:
                unreadable += 1
    return texts, unreadable


def main(argv: list[str] | None = None) -> int:
    from screener.language import ENGLISH, written_language
    from screener.scope import DEFAULT_WORD_RANGE, count_words

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    low, high = DEFAULT_WORD_RANGE
    print(f"in scope: {low:,} to {high:,} words")
    for folder in args.folders:
        texts, unreadable = folder_texts(folder)
        if not texts:
            print(f"{folder}: no documents ({unreadable} unreadable)")
            continue
        words = {name: count_words(text) for name, text in texts.items()}
        counts = sorted(words.values())
        outside = sorted((n, name) for name, n in words.items() if not low <= n <= high)
        print(f"{folder}: {len(words)} documents ({unreadable} unreadable), "
              f"{counts[0]:,} to {counts[-1]:,} words, {len(outside)} outside")  # fmt: skip
        for n, name in outside:
            print(f"  {n:>8,}  {name}")
        other = {name: written_language(text) for name, text in texts.items()}
        other = {name: lang for name, lang in other.items() if lang != ENGLISH}
        print(f"  not English: {len(other)}")
        for name, lang in sorted(other.items()):
            print(f"  {lang:<28}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
