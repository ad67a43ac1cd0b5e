"""The one module that opens PDFs with pdfminer.six (with its device and budgets).

It opens the file with :class:`~screener.extraction.pdf_budget.BudgetParser`,
counts the page tree before any page is drawn, draws each page with
pdfminer's interpreter onto :class:`~screener.extraction.pdf_device.GlyphDevice`
(glyph records, not ``LTChar`` objects, and no pdfminer layout analysis),
maps every pdfminer failure onto the screener error hierarchy
(``raise ... from``), and turns each page's glyphs into
:class:`~screener.extraction.geometry.Piece` records with
:mod:`screener.extraction.glyphs` (pdfminer's own line rule, top-left origin).
Reading order is decided afterwards, from geometry only, by
:mod:`screener.extraction.layout`.

Why not ``extract_pages`` with ``LAParams``: its layout analysis (text boxes,
box grouping) is work screener replaces with its own reading order, and
building an ``LTChar`` per glyph cost more than the rest of screener's own
processing (``benchmarks/PROFILE.md``); the grouping rule and the explicit
parameters live in :mod:`~screener.extraction.glyphs`.
"""

from __future__ import annotations

import io
import itertools
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException

from screener.errors import (
    EncryptedError,
    ExtractionError,
    MalformedError,
    TooLargeError,
)
from screener.extraction.glyphs import PdfPage, to_pieces
from screener.extraction.limits import Deadline, Limits
from screener.extraction.pdf_budget import BudgetParser, StreamBudget
from screener.extraction.pdf_device import GlyphDevice, RawPage

__all__ = ["PdfPage", "read_pdf"]

_MALFORMED = (
    PSException,  # PSEOF, PSSyntaxError, PDFSyntaxError, PDFTypeError, ...
    LookupError,  # KeyError, IndexError
    TypeError,
    AssertionError,
    ValueError,  # also binascii.Error, UnicodeDecodeError
    ArithmeticError,  # ZeroDivisionError, OverflowError
    AttributeError,
    NotImplementedError,
    EOFError,
    struct.error,
    zlib.error,
    RecursionError,
)


def read_pdf(data: bytes, *, limits: Limits, deadline: Deadline) -> list[PdfPage]:
    """Lay out every page of a PDF with pdfminer.

    Parameters
    ----------
    data : bytes
        The whole file.
    limits : Limits
        ``max_pages`` (counted from the page tree before layout),
        ``max_inflated_bytes`` (all streams together) and
        ``max_page_objects`` (see :mod:`screener.extraction.pdf_device`).
    deadline : Deadline
        Checked between pages.

    Returns
    -------
    list of PdfPage
        Pages numbered from 1, with their text pieces in content order.

    Raises
    ------
    EncryptedError, MalformedError, TooLargeError, ExtractionTimeout
    """
    layouts = _layouts(data, limits, deadline)
    pages: list[PdfPage] = []
    while True:
        with _typed_errors():  # pdfminer's objects can be odd too (bytes font names...)
            layout = next(layouts, None)
            if layout is None:
                return pages
            pages.append(_convert(len(pages) + 1, layout))


@contextmanager
def _typed_errors() -> Iterator[None]:
    """Map whatever pdfminer raises onto the screener error hierarchy."""
    try:
        yield
    except ExtractionError:
        raise
    except PDFPasswordIncorrect as e:
        raise EncryptedError("the PDF is protected by a password") from e
    except PDFEncryptionError as e:
        raise EncryptedError(f"the PDF uses encryption that cannot be opened ({e})") from e
    except MemoryError as e:
        raise TooLargeError("the PDF needs more memory than is available") from e
    except _MALFORMED as e:
        raise MalformedError(f"the PDF is damaged ({_describe(e)})") from e


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().replace("\n", " ")
    name = type(exc).__name__
    return f"{name}: {text[:120]}" if text else name


def _layouts(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[RawPage]:
    """Draw each page: the steps of ``pdfminer.high_level.extract_pages``.

    They are done here on one ``PDFDocument`` so that the page tree is
    counted before any page is drawn, without parsing the file twice.
    Text extraction is never refused for a "no copy" permission flag: a
    resume with print/copy protection but an empty user password is read.
    """
    budget = StreamBudget(limits.max_inflated_bytes)
    document = PDFDocument(BudgetParser(io.BytesIO(data), budget), password="")
    max_pages = limits.max_pages
    pages = list(itertools.islice(PDFPage.create_pages(document), max_pages + 1))
    if len(pages) > max_pages:
        raise TooLargeError(f"the PDF has more than {max_pages} pages")
    if not pages:
        raise MalformedError("the PDF has no pages")
    resources = PDFResourceManager(caching=True)
    device = GlyphDevice(resources, max_objects=limits.max_page_objects)
    interpreter = PDFPageInterpreter(resources, device)
    for page in pages:
        deadline.check()
        interpreter.process_page(page)
        assert device.result is not None
        yield device.result


def _convert(number: int, raw: RawPage) -> PdfPage:
    page = PdfPage(number=number, width=raw.width, height=raw.height, images=raw.images)
    to_pieces(page, raw.glyphs)
    return page
