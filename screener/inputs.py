"""Finding and reading input files safely.

A folder walk is recursive and sorted, skips hidden files and folders, never
follows a symlinked folder into a loop, never screens one file twice, never
follows a symbolic link out of the folder it walks (an unpacked upload could
link to ``/etc/passwd`` or another applicant's files), and never opens
anything but a regular file: a FIFO named ``resume.pdf`` would block a naive
``open()`` forever.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from screener.errors import TooLargeError

__all__ = ["DEFAULT_MAX_BYTES", "InputFile", "iter_inputs", "read_file"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: File name endings a folder walk picks up (any case). Files named directly
#: are screened whatever their name; the format is always decided from content.
RESUME_SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass(frozen=True)
class InputFile:
    """One input found by the walk.

    ``problem`` is None for a regular file to screen; otherwise it is the
    reason code of a row to report without opening the file
    (``special_file``, ``broken_link``, ``outside_folder``, ``not_found``).
    """

    path: str
    problem: str | None = None
    message: str | None = None


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[InputFile]:
    """Yield the files named by ``paths`` (files or folders), in sorted order.

    Parameters
    ----------
    paths : iterable of str or Path
        Files are yielded as given (hidden or not, any name, wherever a link
        leads); folders are walked recursively, hidden entries skipped,
        picking up files whose names end in ``RESUME_SUFFIXES`` (any case).
        In a walk, a symbolic link that resolves outside the folder named
        in ``paths`` is an ``outside_folder`` row, not followed.
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                yield InputFile(str(path), "broken_link", "symbolic link to a missing file")
            else:
                yield InputFile(str(path), "not_found", "no such file or folder")
            continue
        except OSError as e:  # e.g. a symlink loop (ELOOP)
            yield InputFile(str(path), "broken_link", f"cannot resolve: {e.strerror}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, seen, root=path.resolve())
        else:
            yield from _one(path, st, seen)


def _one(path: Path, st: os.stat_result, seen: set[tuple[int, int]]) -> Iterator[InputFile]:
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return
    seen.add(key)
    if not stat.S_ISREG(st.st_mode):
        yield InputFile(str(path), "special_file", "not a regular file (FIFO, socket or device)")
    else:
        yield InputFile(str(path))


def _outside(path: Path, root: Path) -> bool:
    """True when the link ``path`` resolves to somewhere outside ``root``."""
    try:
        return not path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # unresolvable: the stat below reports it
        return False


def _walk(
    folder: Path,
    seen: set[tuple[int, int]],
    dirs_seen: set[tuple[int, int]] | None = None,
    *,
    root: Path,
) -> Iterator[InputFile]:
    dirs_seen = set() if dirs_seen is None else dirs_seen
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in dirs_seen:
        return  # a symlinked folder loop, or a folder reached twice
    dirs_seen.add((st.st_dev, st.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            est = entry.stat(follow_symlinks=True)
        except FileNotFoundError:
            yield InputFile(str(path), "broken_link", "symbolic link to a missing file")
            continue
        except OSError as e:
            yield InputFile(str(path), "broken_link", f"cannot resolve: {e.strerror}")
            continue
        is_dir, resume = stat.S_ISDIR(est.st_mode), entry.name.lower().endswith(RESUME_SUFFIXES)
        if (is_dir or resume) and entry.is_symlink() and _outside(path, root):
            yield InputFile(str(path), "outside_folder", "symbolic link leads outside the folder")
            continue
        if is_dir:
            yield from _walk(path, seen, dirs_seen, root=root)
        elif resume:
            yield from _one(path, est, seen)


def read_file(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file without blocking, refusing files over ``max_bytes``.

    Raises
    ------
    TooLargeError
        If the file is bigger than ``max_bytes``.
    OSError
        If it cannot be opened, or is not a regular file.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"not a regular file: {path}")
        if max_bytes is not None and st.st_size > max_bytes:
            raise TooLargeError(
                f"file is {st.st_size:,} bytes, over the limit of {max_bytes:,} bytes"
            )
        chunks = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise TooLargeError(f"file grew past the limit of {max_bytes:,} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
