"""The one module that talks to pdfminer.six (with :mod:`~.pdf_budget`, its budgets).

It opens the file, lays pages out with explicit :data:`LAPARAMS` (the steps
of ``pdfminer.high_level.extract_pages``, done once per document so the
page count is checked before any page is laid out), maps every pdfminer
failure onto the screener error hierarchy (``raise ... from``), and turns
each page's ``LTTextLine`` objects into plain
:class:`~screener.extraction.geometry.Piece` records (top-left origin, font
size, bold). Glyphs of icon fonts (FontAwesome & co) are dropped, glyphs
drawn twice at one place are read once, and letter-spaced headings
(``E X P E R I E N C E``) are re-spaced from the glyph gaps. Reading order
is decided afterwards, from geometry only, by :mod:`screener.extraction.layout`.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pdfminer.layout import (
    LAParams,
    LTChar,
    LTFigure,
    LTImage,
    LTLayoutContainer,
    LTPage,
    LTTextBox,
    LTTextLine,
)
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
from screener.extraction.geometry import Piece
from screener.extraction.limits import Deadline, Limits
from screener.extraction.pdf_budget import BudgetParser, CountingAggregator, StreamBudget

__all__ = ["LAPARAMS", "PdfPage", "read_pdf"]

#: Layout parameters, explicit so an upgrade of pdfminer cannot move them.
#: ``boxes_flow=None`` skips pdfminer's box ordering (we order from geometry)
#: and ``all_texts=True`` also groups text drawn inside form XObjects.
LAPARAMS = LAParams(
    line_overlap=0.5,
    char_margin=2.0,
    line_margin=0.5,
    word_margin=0.1,
    boxes_flow=None,
    detect_vertical=False,
    all_texts=True,
)

_BOLD = re.compile(r"bold|black|heavy|semibold|demibold|demi\b|cmbx|-bd\b|,bd\b", re.I)
_ICONS = re.compile(
    r"awesome|simpleicons|academicons|icomoon|glyphicons|ionicons|octicons|fontello|"
    r"entypo|devicons|typicons|feather|materialicons|materialsymbols|icons?$",
    re.I,
)
_SOFT_HYPHEN = re.compile(r"\u00ad(?!\s*$)")
_CID = re.compile(r"\(cid:\d+\)")
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


@dataclass
class PdfPage:
    """One page as pdfminer saw it, before reading order is decided."""

    number: int
    width: float
    height: float
    pieces: list[Piece] = field(default_factory=list)
    images: int = 0
    glyphs: int = 0
    cid_glyphs: int = 0
    drawn: set[tuple[str, int, int]] = field(default_factory=set, repr=False)


def read_pdf(data: bytes, *, limits: Limits, deadline: Deadline) -> list[PdfPage]:
    """Lay out every page of a PDF with pdfminer.

    Parameters
    ----------
    data : bytes
        The whole file.
    limits : Limits
        ``max_pages`` (counted from the page tree before layout),
        ``max_inflated_bytes`` (all streams together) and
        ``max_page_objects`` (see :mod:`screener.extraction.pdf_budget`).
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


def _layouts(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[LTPage]:
    """Lay out each page: the steps of ``pdfminer.high_level.extract_pages``.

    They are done here on one ``PDFDocument`` so that the page tree is
    counted before any page is laid out, without parsing the file twice.
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
    device = CountingAggregator(
        resources, laparams=LAPARAMS, max_objects=limits.max_page_objects
    )
    interpreter = PDFPageInterpreter(resources, device)
    for page in pages:
        deadline.check()
        interpreter.process_page(page)
        yield device.get_result()


def _convert(number: int, layout: LTPage) -> PdfPage:
    x0, _, x1, y1 = layout.bbox
    page = PdfPage(number=number, width=x1 - x0, height=y1 - layout.bbox[1])
    _walk(layout, page, x0, y1)
    return page


def _walk(container: LTLayoutContainer, page: PdfPage, ox: float, oy: float) -> None:
    for obj in container:
        if isinstance(obj, LTTextBox):
            for line in obj:
                if isinstance(line, LTTextLine):
                    _add_line(line, page, ox, oy)
        elif isinstance(obj, LTTextLine):
            _add_line(obj, page, ox, oy)
        elif isinstance(obj, LTImage):
            page.images += 1
        elif isinstance(obj, LTFigure):
            _walk(obj, page, ox, oy)
        elif isinstance(obj, LTChar):  # a stray glyph not grouped into a line
            page.glyphs += 1


_font_kinds: dict[str, tuple[bool, bool]] = {}


def _font_kind(fontname: str) -> tuple[bool, bool]:
    """Return (bold, icon font) for a font name, cached."""
    kind = _font_kinds.get(fontname)
    if kind is None:
        if len(_font_kinds) > 4096:
            _font_kinds.clear()
        name = fontname if isinstance(fontname, str) else repr(fontname)  # Type3: bytes
        name = name.split("+", 1)[-1]
        kind = (_BOLD.search(name) is not None, _ICONS.search(name) is not None)
        _font_kinds[fontname] = kind
    return kind


def _looks_spaced(text: str) -> bool:
    """True for letter-spaced text such as ``"E X P E R I E N C E"``."""
    words = text.split()
    return len(words) >= 4 and sum(len(w) == 1 for w in words) >= 0.8 * len(words)


def _respace(line: LTTextLine) -> str:
    """Rebuild letter-spaced text, keeping a space only at the wider word gaps."""
    chars = [c for c in line if isinstance(c, LTChar) and not _font_kind(c.fontname)[1]]
    chars = [c for c in chars if c.get_text().strip()]
    if len(chars) < 4:
        return "".join(c.get_text() for c in chars)
    gaps = sorted(b.x0 - a.x1 for a, b in itertools.pairwise(chars))
    usual = gaps[len(gaps) // 2]
    out = [chars[0].get_text()]
    for a, b in itertools.pairwise(chars):
        if b.x0 - a.x1 > usual + 0.2 * max(a.size, b.size):
            out.append(" ")
        out.append(b.get_text())
    return "".join(out)


def _add_line(line: LTTextLine, page: PdfPage, ox: float, oy: float) -> None:
    parts: list[str] = []
    sizes: list[float] = []
    bold = 0
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    drawn = page.drawn
    for item in line:
        if isinstance(item, LTChar):
            is_bold, is_icon = _font_kind(item.fontname)
            if is_icon:  # FontAwesome & co: pictograms, not text
                parts.append(" ")
                continue
            char = item.get_text()
            gx, gy = round(item.x0), round(item.y0)
            key = (char, gx, gy)
            if key in drawn or (char, gx - 1, gy) in drawn or (char, gx + 1, gy) in drawn:
                continue  # the same glyph drawn again on top (fake bold, overprint)
            drawn.add(key)
            sizes.append(item.size)
            bold += is_bold
            x0, y0 = min(x0, item.x0), min(y0, item.y0)
            x1, y1 = max(x1, item.x1), max(y1, item.y1)
            if char == "(cid:127)" and "+" not in str(item.fontname):
                char = "•"  # reportlab's WinAnsi bullet in an unembedded standard font
            parts.append(char)
        else:
            parts.append(item.get_text())
    text = "".join(parts).rstrip("\n")
    if not sizes or not text.strip():
        return
    if _looks_spaced(text):
        text = _respace(line)
    if "\u00ad" in text:  # a drawn soft hyphen is a visible one, unless it ends the line
        text = _SOFT_HYPHEN.sub("-", text.replace("\u00ad\u2010", "\u2010"))
    glyphs = len(sizes)
    cids = len(_CID.findall(text)) if "(cid:" in text else 0
    page.glyphs += glyphs
    page.cid_glyphs += cids
    sizes.sort()
    piece = Piece(
        text=text,
        x0=x0 - ox,
        top=oy - y1,
        x1=x1 - ox,
        bottom=oy - y0,
        size=round(sizes[len(sizes) // 2], 2),
        bold=bold * 2 > glyphs,
    )
    margin = 0.25 * max(page.width, page.height, 1.0)  # text far off the page is not seen
    box = (piece.x0, piece.top, piece.x1, piece.bottom, piece.size)
    if (
        all(map(math.isfinite, box))
        and (-margin < piece.x1 and piece.x0 < page.width + margin)
        and (-margin < piece.bottom and piece.top < page.height + margin)
    ):
        page.pieces.append(piece)
