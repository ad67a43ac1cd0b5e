"""Writing result rows (JSONL, CSV) so that a killed run loses nothing.

Each row is written whole with one ``write`` call and flushed; a run killed
mid-write can leave at most one torn last line, which ``prepare_resume``
cuts off before appending, so the file always parses line by line.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from screener.result import RESULT_KEYS, ScreeningResult

__all__ = ["ResultWriter", "flatten_row", "prepare_resume", "read_results"]


def flatten_row(row: dict[str, Any]) -> dict[str, str]:
    """A CSV-ready copy of a result row: lists joined, nested data as JSON."""
    out: dict[str, str] = {}
    for key in RESULT_KEYS:
        value = row.get(key)
        if value is None:
            out[key] = ""
        elif key in ("dimensions", "claimed_dimensions"):
            out[key] = ";".join(value)
        elif isinstance(value, list | dict):
            out[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        else:
            out[key] = str(value)
    return out


class ResultWriter:
    """Write result rows to a stream as JSONL or CSV.

    Parameters
    ----------
    stream : text stream
        Where rows go (opened by the caller).
    fmt : {"jsonl", "csv"}
    header : bool
        Write the CSV header (False when appending to an existing CSV).
    """

    def __init__(self, stream: IO[str], fmt: str = "jsonl", *, header: bool = True) -> None:
        if fmt not in ("jsonl", "csv"):
            raise ValueError(f"unknown output format {fmt!r}; use jsonl or csv")
        self.stream = stream
        self.fmt = fmt
        if fmt == "csv" and header:
            self._write(self._csv_line(dict(zip(RESULT_KEYS, RESULT_KEYS))))

    def _csv_line(self, row: dict[str, str]) -> str:
        buf = io.StringIO()
        csv.DictWriter(buf, fieldnames=RESULT_KEYS, lineterminator="\n").writerow(row)
        return buf.getvalue()

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def write(self, result: ScreeningResult | dict[str, Any]) -> None:
        row = result.to_dict() if isinstance(result, ScreeningResult) else result
        encoding = getattr(self.stream, "encoding", None) or "utf-8"
        if self.fmt == "jsonl":
            line = json.dumps(row, ensure_ascii=False) + "\n"
            if not _encodable(line, encoding):  # a file name that is not UTF-8 (b"\xff")
                line = json.dumps(row) + "\n"  # \udcff escapes; os.fsencode gives the bytes back
        else:
            line = self._csv_line(flatten_row(row))
            if not _encodable(line, encoding):
                line = line.encode(encoding, "backslashreplace").decode(encoding)
        self._write(line)


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def prepare_resume(path: str | Path, fmt: str = "jsonl") -> set[str]:
    """Repair an existing output file and return the sha256s already in it.

    A torn last line (no trailing newline, e.g. after ``kill -9``) is cut
    off; every complete row is kept. Rows without a sha256 (files that could
    not be opened) are not counted as done, so they are retried.
    """
    path = Path(path)
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(path, "r+b") as fh:
            fh.truncate(cut)
            fh.flush()
            os.fsync(fh.fileno())
    return {row["sha256"] for row in read_results(path, fmt) if row.get("sha256")}


def read_results(path: str | Path, fmt: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield the rows of a JSONL (or CSV) results file, skipping a torn last line."""
    path = Path(path)
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    with path.open(encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            yield from csv.DictReader(fh)
            return
        for line in fh:
            if not line.endswith("\n"):
                break
            line = line.strip()
            if line:
                yield json.loads(line)
