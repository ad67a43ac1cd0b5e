"""Load the model in a helper process, and import skops without its slow part.

Start-up of a screening run is dominated by imports: scikit-learn (with the
SciPy modules it pulls in) and spaCy take seconds each, in one process one
after the other. :func:`start_loading` moves the model's share to a helper
process, so on two cores it overlaps with spaCy and the first extraction. The
helper loads the file with skops and the same trusted-type check as
:meth:`screener.model.ScreeningModel.load`, reduces the pipeline to its
:class:`~screener.linear.LinearForm` and sends back only those numbers (or
the error, or "no linear form: load it yourself").

``import skops.io`` also calls ``sklearn.utils.all_estimators()``, which
imports every scikit-learn module (about a second) to build skops' list of
estimator types trusted by default. :func:`skops_io` with ``lean=True``
imports skops with that list empty: every scikit-learn type in a model file
is then reported by ``get_untrusted_types`` and must be in screener's own
``TRUSTED_TYPES``, a stricter check than skops' default. It is only used in
the helper process, so skops' defaults in the caller's process are untouched.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

__all__ = ["skops_io", "start_loading"]


def skops_io(*, lean: bool = False) -> Any:
    """Return ``skops.io``; with ``lean``, imported without ``all_estimators``."""
    if lean and "skops.io" not in sys.modules:
        with _no_default_estimators():
            import skops.io  # noqa: F401
    import skops.io as sio

    return sio


@contextlib.contextmanager
def _no_default_estimators() -> Iterator[None]:
    import sklearn.utils

    original = sklearn.utils.all_estimators
    sklearn.utils.all_estimators = lambda *args, **kwargs: []  # type: ignore[assignment]
    try:
        yield
    finally:
        sklearn.utils.all_estimators = original


class Loading:
    """A model file being loaded by a helper process."""

    def __init__(self, path: Path) -> None:
        # fork is cheapest, but only safe while this process has one thread.
        single = threading.active_count() == 1
        fork = single and "fork" in mp.get_all_start_methods()
        ctx = mp.get_context("fork" if fork else "spawn")
        self._conn, child = ctx.Pipe(duplex=False)
        self._process = ctx.Process(
            target=_child, args=(child, str(path)), daemon=True, name="screener-model-loader"
        )
        self._process.start()
        child.close()
        self._owner = os.getpid()
        self._lock = threading.Lock()
        self._outcome: tuple[Any, ...] | None = None

    def result(self) -> tuple[Any, ...]:
        """``("ok", state)``, ``("error", kind, message)`` or ``("local",)``.

        In a process forked before the answer came (a worker), the pipe is
        not its own to read: it answers ``("local",)`` and loads the file itself.
        """
        if os.getpid() != self._owner:
            return ("local",)
        with self._lock:  # one reader of the pipe, however many threads ask
            if self._outcome is None:
                try:
                    self._outcome = tuple(self._conn.recv())
                except (EOFError, OSError):  # the helper died: the caller loads the file
                    self._outcome = ("local",)
                finally:
                    self._conn.close()
                    self._process.join(5)
            return self._outcome


def start_loading(path: Path) -> Loading:
    """Start loading ``path`` in a helper process; see :class:`Loading`."""
    return Loading(path)


def _child(conn: Connection, path: str) -> None:
    from screener.errors import ModelError
    from screener.linear import LinearForm
    from screener.model import _load_pipeline

    try:
        form = LinearForm.from_pipeline(_load_pipeline(Path(path), lean=True))
        conn.send(("ok", form.to_state()) if form is not None else ("local",))
    except ModelError as e:
        conn.send(("error", type(e).__name__, str(e)))
    except Exception as e:  # anything else: let the caller load and report it
        conn.send(("local", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()
