"""Cost of ``screener.extract`` against pdfminer's own ``extract_text``.

Both read the same two-page resumes, alternating (ours, theirs, ours, ...)
so that caches and CPU frequency treat them alike; the figure is the ratio
of the median times (target: at most 1.10). Files: the two-page PDFs of
``shared/examples`` (by ``manifest.tsv``) and of
``shared/corpus/real-resumes`` (by its ``MANIFEST.tsv``).

Usage: ``python benchmarks/extraction_overhead.py [shared_dir] [rounds]``
"""

from __future__ import annotations

import csv
import gc
import statistics
import sys
import time
from pathlib import Path

from pdfminer.high_level import extract_text

from screener.extract import extract


def two_page_files(shared: Path) -> list[Path]:
    """The two-page PDFs listed by the manifests under ``shared``."""
    found = []
    for folder, manifest, key in (
        (shared / "examples", "manifest.tsv", "id"),
        (shared / "corpus" / "real-resumes", "MANIFEST.tsv", "file"),
    ):
        with open(folder / manifest, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("pages") == "2":
                    name = row[key] if row[key].endswith(".pdf") else row[key] + ".pdf"
                    found.append(folder / name)
    return [p for p in found if p.exists()]


def timed(func, path: Path) -> float:
    """Seconds taken by one ``func(path)`` call."""
    gc.collect()
    start = time.perf_counter()
    func(path)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else Path(__file__).parents[1] / "../shared"
    rounds = int(argv[2]) if len(argv) > 2 else 7
    files = two_page_files(shared)
    ours_all, theirs_all = [], []
    print(f"{'file':<52} {'extract_text':>12} {'extract':>9} {'ratio':>6}")
    for path in files:
        extract(path), extract_text(path)  # warm up imports and caches
        ours, theirs = [], []
        for i in range(rounds):
            if i % 2:
                theirs.append(timed(extract_text, path))
                ours.append(timed(extract, path))
            else:
                ours.append(timed(extract, path))
                theirs.append(timed(extract_text, path))
        o, t = statistics.median(ours), statistics.median(theirs)
        ours_all.append(o)
        theirs_all.append(t)
        print(f"{path.name:<52} {t:>11.3f}s {o:>8.3f}s {o / t:>6.2f}")
    ratio = sum(ours_all) / sum(theirs_all)
    print(f"overall ratio (sum of medians, {len(files)} files): {ratio:.2f}  (target <= 1.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
