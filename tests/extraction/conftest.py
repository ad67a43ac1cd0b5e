"""Fixtures for the extraction tests (the PDF builder lives in ``_pdfs.py``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from _pdfs import _png, pdf


@pytest.fixture()
def make_pdf() -> Callable[..., bytes]:
    """The :func:`_pdfs.pdf` builder."""
    return pdf


@pytest.fixture()
def png_bytes() -> bytes:
    """A small valid PNG file."""
    return _png().getvalue()
