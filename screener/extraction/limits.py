"""Resource limits for extraction and the per-file time limit.

The time limit has two mechanisms. In the main thread of a process,
``signal.setitimer(ITIMER_REAL)`` arms a ``SIGALRM`` whose handler raises
:class:`~screener.errors.ExtractionTimeout` wherever the parser happens to
be, so even one runaway page is stopped. The alarm repeats every 50 ms until
the limit is left, so a parser that swallows the first exception with a broad
``except Exception`` still gets stopped. Elsewhere (worker threads, platforms
without ``setitimer``) the readers call :meth:`Deadline.check` between pages;
a batch runner that needs a hard stop should also run each file in a process
it can kill.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from screener.errors import ExtractionTimeout

__all__ = ["RECURSION_CAP", "Deadline", "Limits", "recursion_cap", "time_limit"]

_MB = 1024 * 1024
_REFIRE = 0.05  # seconds between repeated alarms once the limit has passed
#: Highest recursion limit extraction runs under. pdfminer recurses into
#: page trees and form XObjects as deep as a file nests them; with Python's
#: default limit (1000) that ends in a ``RecursionError`` (``malformed``),
#: but a program that raised the limit to 50,000 crashed with a C stack
#: overflow on a 100,000-deep page tree (20,000 was still safe).
RECURSION_CAP = 4000


@dataclass(frozen=True)
class Limits:
    """Limits applied to every file given to :func:`screener.extraction`.

    Attributes
    ----------
    max_bytes : int
        Largest input accepted, checked before anything is parsed (20 MB).
    max_pages : int
        Most PDF pages accepted, checked from the page tree before any page
        is laid out (50).
    timeout : float or None
        Seconds allowed for one file (30). ``None`` or ``0`` turns it off.
    max_inflated_bytes : int
        Most bytes a file may inflate to, all its parts together, counted
        while inflating and never taken from declared sizes: the entries of
        a DOCX (zip) archive, or the streams of a PDF (Flate, LZW,
        RunLength...) (50 MB).
    max_docx_elements : int
        Most XML elements the parts of a DOCX may hold together (250,000;
        real DOCX resumes hold about 13,000), counted before parsing.
    max_page_objects : int
        Most glyphs, paths, images and forms one PDF page may draw (50,000); the
        busiest real pages seen draw about 7,000 glyphs or 37,000 paths.
    max_chars : int
        Most characters of text a file may hold once read (500,000, about
        100 dense pages; spaCy refuses texts over 1,000,000).
    min_chars : int
        Fewer non-blank characters than this make the file "empty" (or
        "no text layer" when its pages hold images) (20).
    cid_share : float
        When more than this share of a PDF's glyphs are undecodable
        ``(cid:N)`` placeholders the text layer counts as unusable (0.5).
    """

    max_bytes: int = 20 * _MB
    max_pages: int = 50
    timeout: float | None = 30.0
    max_inflated_bytes: int = 50 * _MB
    max_docx_elements: int = 250_000
    max_page_objects: int = 50_000
    max_chars: int = 500_000
    min_chars: int = 20
    cid_share: float = 0.5


class Deadline:
    """A point in time after which :meth:`check` raises ``ExtractionTimeout``."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds if seconds else None

    def check(self) -> None:
        """Raise ``ExtractionTimeout`` if the deadline has passed."""
        if self._end is not None and time.monotonic() > self._end:
            raise ExtractionTimeout(_message(self.seconds))


def _message(seconds: float | None) -> str:
    return f"reading the file took longer than the {seconds:g} s limit"


def _can_use_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Deadline]:
    """Run the body under a per-file time limit.

    Parameters
    ----------
    seconds : float or None
        The limit; ``None`` or ``0`` means no limit.

    Yields
    ------
    Deadline
        Call ``check()`` on it between units of work (pages); it is the only
        mechanism off the main thread.

    Raises
    ------
    ExtractionTimeout
        When the body runs past the limit.
    """
    deadline = Deadline(seconds)
    if not seconds or not _can_use_alarm():
        yield deadline
        return
    state = {"active": True}

    def _on_alarm(signum: int, frame: object) -> None:
        if state["active"]:
            raise ExtractionTimeout(_message(seconds))

    started = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, _on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds, _REFIRE)
    try:
        yield deadline
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler if old_handler is not None else signal.SIG_DFL)
        if old_delay > 0:  # give an outer timer (e.g. pytest-timeout) its time back
            remaining = max(old_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, old_interval)


@contextmanager
def recursion_cap(limit: int = RECURSION_CAP) -> Iterator[None]:
    """Run the body with the recursion limit at most ``limit``, restored after.

    The limit is process-wide: while the body runs, other threads see the
    lower limit too. Nothing changes when the limit is already lower, or
    when the caller is itself deeper than ``limit``.
    """
    old = sys.getrecursionlimit()
    if old <= limit:
        yield
        return
    try:
        sys.setrecursionlimit(limit)
    except RecursionError:  # the caller is already deeper than the cap
        yield
        return
    try:
        yield
    finally:
        sys.setrecursionlimit(old)
