"""PDF fixtures drawn with reportlab for the extraction tests.

PDFs are drawn with the reportlab canvas at exact coordinates, so every test
controls the geometry it is about. Coordinates given to :func:`pdf` are
``(x, baseline)`` with a **top-left** origin, like the rest of screener.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

#: One text run: (x, baseline from the page top, text[, font[, size]]).
Run = tuple[Any, ...]


def pdf(
    *pages: Sequence[Run],
    rects: Sequence[tuple[float, float, float, float]] = (),
    encrypt: Any = None,
    image: bool = False,
) -> bytes:
    """Draw each page's runs with reportlab and return the PDF bytes.

    ``rects`` are shaded boxes ``(x, top, width, height)`` drawn under the
    text of the first page (a sidebar background); ``image`` puts a small
    raster image on every page.
    """
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    _, height = A4
    for number, runs in enumerate(pages):
        if number == 0:
            for x, top, w, h in rects:
                c.setFillGray(0.85)
                c.rect(x, height - top - h, w, h, stroke=0, fill=1)
                c.setFillGray(0)
        if image:
            from reportlab.lib.utils import ImageReader

            c.drawImage(ImageReader(_png()), 50, height - 400, width=300, height=300)
        for run in runs:
            x, top, text = run[:3]
            font = run[3] if len(run) > 3 else "Helvetica"
            size = run[4] if len(run) > 4 else 10
            c.setFont(font, size)
            c.drawString(x, height - top, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def _png() -> io.BytesIO:
    """A 16x16 grey PNG made without PIL."""
    import struct
    import zlib

    raw = b"".join(b"\x00" + bytes([128]) * 16 for _ in range(16))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    body = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return io.BytesIO(body)
