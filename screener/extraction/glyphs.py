"""From a page's glyphs to text pieces: lines, word spaces, fonts, duplicates.

Glyphs (:data:`~screener.extraction.pdf_device.Glyph`, in drawing order)
are grouped into lines by the rule of pdfminer's
``LTLayoutContainer.group_objects`` with :data:`LINE_OVERLAP` and
:data:`CHAR_MARGIN`: consecutive glyphs share a line when they overlap
vertically by more than half the smaller height and the horizontal gap is
under twice the wider glyph. A space goes where the gap before a glyph is
over :data:`WORD_MARGIN` of its size (``LTTextLineHorizontal.add``). Each
line becomes a :class:`~screener.extraction.geometry.Piece` (top-left
origin, median font size, bold by majority): glyphs of icon fonts
(FontAwesome & co) become spaces, glyphs drawn twice at one place are read
once, and letter-spaced headings (``E X P E R I E N C E``) are re-spaced
from the glyph gaps.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from screener.extraction.geometry import Piece
from screener.extraction.pdf_device import Glyph

__all__ = ["CHAR_MARGIN", "LINE_OVERLAP", "WORD_MARGIN", "PdfPage", "group_lines", "to_pieces"]

LINE_OVERLAP = 0.5
CHAR_MARGIN = 2.0
WORD_MARGIN = 0.1

_BOLD = re.compile(r"bold|black|heavy|semibold|demibold|demi\b|cmbx|-bd\b|,bd\b", re.I)
_ICONS = re.compile(
    r"awesome|simpleicons|academicons|icomoon|glyphicons|ionicons|octicons|fontello|"
    r"entypo|devicons|typicons|feather|materialicons|materialsymbols|icons?$",
    re.I,
)
_SOFT_HYPHEN = re.compile(r"\u00ad(?!\s*$)")
_CID = re.compile(r"\(cid:\d+\)")

_font_kinds: dict[object, tuple[bool, bool]] = {}


@dataclass
class PdfPage:
    """One page as pdfminer drew it, before reading order is decided."""

    number: int
    width: float
    height: float
    pieces: list[Piece] = field(default_factory=list)
    images: int = 0
    glyphs: int = 0
    cid_glyphs: int = 0
    drawn: set[tuple[str, int, int]] = field(default_factory=set, repr=False)


def group_lines(glyphs: list[Glyph]) -> Iterator[list[Glyph]]:
    """Split glyphs in drawing order into maximal runs on one line."""
    if not glyphs:
        return
    prev = glyphs[0]
    line = [prev]
    for g in itertools.islice(glyphs, 1, None):
        px0, py0, px1, py1 = prev[0], prev[1], prev[2], prev[3]
        x0, y0, x1, y1 = g[0], g[1], g[2], g[3]
        if y0 <= py1 and py0 <= y1:  # vertical overlap ...
            overlap = min(abs(py0 - y1), abs(py1 - y0))
            if min(py1 - py0, y1 - y0) * LINE_OVERLAP < overlap:  # ... of half the height
                gap = 0.0 if (x0 <= px1 and px0 <= x1) else min(abs(px0 - x1), abs(px1 - x0))
                if gap < max(px1 - px0, x1 - x0) * CHAR_MARGIN:
                    line.append(g)
                    prev = g
                    continue
        yield line
        line = [g]
        prev = g
    yield line


def _font_kind(fontname: object) -> tuple[bool, bool]:
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


def _respace(line: list[Glyph]) -> str:
    """Rebuild letter-spaced text, keeping a space only at the wider word gaps."""
    chars = [g for g in line if not _font_kind(g[5])[1] and g[4].strip()]
    if len(chars) < 4:
        return "".join(g[4] for g in chars)
    gaps = sorted(b[0] - a[2] for a, b in itertools.pairwise(chars))
    usual = gaps[len(gaps) // 2]
    out = [chars[0][4]]
    for a, b in itertools.pairwise(chars):
        if b[0] - a[2] > usual + 0.2 * max(a[6], b[6]):
            out.append(" ")
        out.append(b[4])
    return "".join(out)


def to_pieces(page: PdfPage, glyphs: list[Glyph]) -> None:
    """Add the pieces of ``glyphs`` (one page, drawing order) to ``page``."""
    for line in group_lines(glyphs):
        _add_line(page, line)


def _add_line(page: PdfPage, line: list[Glyph]) -> None:
    lx0 = min(g[0] for g in line)
    lx1 = max(g[2] for g in line)
    ly0 = min(g[1] for g in line)
    ly1 = max(g[3] for g in line)
    if lx1 <= lx0 or ly1 <= ly0:
        return  # pdfminer drops empty lines (zero width or height) too
    parts: list[str] = []
    sizes: list[float] = []
    bold = 0
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    drawn = page.drawn
    last_x1 = math.inf
    for gx0, gy0, gx1, gy1, char, fontname, size in line:
        if last_x1 < gx0 - WORD_MARGIN * max(gx1 - gx0, gy1 - gy0):
            parts.append(" ")
        last_x1 = gx1
        is_bold, is_icon = _font_kind(fontname)
        if is_icon:  # FontAwesome & co: pictograms, not text
            parts.append(" ")
            continue
        rx, ry = round(gx0), round(gy0)
        key = (char, rx, ry)
        if key in drawn or (char, rx - 1, ry) in drawn or (char, rx + 1, ry) in drawn:
            if char.isspace():
                parts.append(" ")  # a word gap drawn twice is still a word gap
            continue  # the same glyph drawn again on top (fake bold, overprint)
        drawn.add(key)
        sizes.append(size)
        bold += is_bold
        x0, y0 = min(x0, gx0), min(y0, gy0)
        x1, y1 = max(x1, gx1), max(y1, gy1)
        if char == "(cid:127)" and "+" not in str(fontname):
            char = "•"  # reportlab's WinAnsi bullet in an unembedded standard font
        parts.append(char)
    text = "".join(parts)
    if not sizes or not text.strip():
        return
    if _looks_spaced(text):
        text = _respace(line)
    if "\u00ad" in text:  # a drawn soft hyphen is a visible one, unless it ends the line
        text = _SOFT_HYPHEN.sub("-", text.replace("\u00ad\u2010", "\u2010"))
    glyphs = len(sizes)
    page.glyphs += glyphs
    if "(cid:" in text:
        page.cid_glyphs += len(_CID.findall(text))
    sizes.sort()
    _keep(page, text, (x0, y0, x1, y1), round(sizes[len(sizes) // 2], 2), bold * 2 > glyphs)


def _keep(page: PdfPage, text: str, box: tuple[float, ...], size: float, bold: bool) -> None:
    """Append a piece unless its box is not finite or lies far off the page."""
    x0, y0, x1, y1 = box
    piece = Piece(
        text=text, x0=x0, top=page.height - y1, x1=x1, bottom=page.height - y0, size=size, bold=bold
    )
    margin = 0.25 * max(page.width, page.height, 1.0)  # text far off the page is not seen
    if (
        all(map(math.isfinite, (piece.x0, piece.top, piece.x1, piece.bottom, size)))
        and (-margin < piece.x1 and piece.x0 < page.width + margin)
        and (-margin < piece.bottom and piece.top < page.height + margin)
    ):
        page.pieces.append(piece)
