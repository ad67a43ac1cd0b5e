"""Cost of ``screener.extraction`` against pdfminer's own ``extract_text``.

Both read the same two-page resumes from bytes in memory, alternating
(ours, theirs, theirs, ours, ...) so that caches and CPU frequency treat them
alike. Each call is timed in process CPU time and the fastest of the rounds
is kept: on a shared machine that is the least noisy estimate of the cost.
The figure is the ratio of the summed times (target: at most 1.10). Files:
the two-page PDFs of ``shared/examples`` (by ``manifest.tsv``) and of
``shared/corpus/real-resumes`` (by its ``MANIFEST.tsv``).

Usage: ``python benchmarks/extraction_overhead.py [shared_dir] [rounds]``
"""

from __future__ import annotations

import csv
import gc
import io
import sys
import time
from pathlib import Path

from pdfminer.high_level import extract_text

from screener.extraction import extract


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


def timed(func, data: bytes) -> float:
    """CPU seconds taken by one ``func`` call on the file's bytes."""
    gc.collect()
    start = time.process_time()
    func(io.BytesIO(data))
    return time.process_time() - start


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else Path(__file__).parents[1] / "../shared"
    rounds = int(argv[2]) if len(argv) > 2 else 15
    files = two_page_files(shared)
    ours_all, theirs_all = [], []
    print(f"{'file':<52} {'extract_text':>12} {'extract':>9} {'ratio':>6}")
    for path in files:
        data = path.read_bytes()
        timed(extract, data), timed(extract_text, data)  # warm up imports and caches
        ours, theirs = [], []
        for i in range(rounds):
            if i % 2:
                theirs.append(timed(extract_text, data))
                ours.append(timed(extract, data))
            else:
                ours.append(timed(extract, data))
                theirs.append(timed(extract_text, data))
        o, t = min(ours), min(theirs)
        ours_all.append(o)
        theirs_all.append(t)
        print(f"{path.name:<52} {t:>11.3f}s {o:>8.3f}s {o / t:>6.2f}")
    ratio = sum(ours_all) / sum(theirs_all)
    print(f"overall ratio ({len(files)} files, fastest of {rounds} rounds each): {ratio:.2f}")
    print("target: <= 1.10")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
