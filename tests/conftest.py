"""Fixtures shared by every test folder.

``shared_dir`` is the read-only ``shared/`` folder next to the repository
(``../shared`` from the project root, or ``$SCREENER_SHARED``). Tests that
need it are skipped when it is absent: the package itself never needs it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``shared/`` folder; skips the test when it is not there."""
    path = Path(os.environ.get("SCREENER_SHARED", ROOT.parent / "shared")).resolve()
    if not path.is_dir():
        pytest.skip(f"shared folder not found at {path}")
    return path


@pytest.fixture(scope="session")
def german_resume() -> str:
    """A short German resume (``tests/fixtures/lebenslauf-de.txt``)."""
    return (ROOT / "tests" / "fixtures" / "lebenslauf-de.txt").read_text(encoding="utf-8")
