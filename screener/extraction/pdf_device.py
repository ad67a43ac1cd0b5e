"""The pdfminer device screener draws pages on: glyphs as plain records, counted.

pdfminer's ``PDFPageAggregator`` turns every glyph into an ``LTChar`` (a
matrix, colour space and graphic state per letter) and then runs its layout
analysis: lines, text boxes, box grouping. Screener needs only each glyph's
box, text, font and size, groups glyphs into lines itself
(:mod:`screener.extraction.glyphs`, the same rule as pdfminer's
``group_objects``) and decides reading order from geometry
(:mod:`screener.extraction.layout`). :class:`GlyphDevice` is therefore a
``PDFLayoutAnalyzer`` without layout parameters whose ``render_char`` keeps a
:data:`Glyph` tuple (the bounding box ``LTChar`` computes, by the same
arithmetic) and whose paths are counted, not built. The profile in
``benchmarks/PROFILE.md`` found ``LTChar`` construction and pdfminer's layout
analysis at a quarter of a resume's screening time.

**Objects per page.** A 4 KB PDF whose content stream draws one line of text
16,000 times at one spot made pdfminer hold 600,000 glyphs and run its
layout analysis (superlinear in overlapping lines) past 60 s and 2.4 GB.
The device counts the glyphs, paths and images drawn on each page (and the
form XObjects it draws, which can fan out exponentially) before drawing
them, and stops at ``max_objects``; the busiest page of the PDF robustness
corpus draws 37,000 (a vector drawing) and the busiest resume page about
7,000 glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect

from screener.errors import TooLargeError

__all__ = ["Glyph", "GlyphDevice", "RawPage"]

#: One drawn glyph: ``(x0, y0, x1, y1, text, fontname, size)`` in PDF user
#: space (bottom-left origin), as pdfminer's ``LTChar`` would have it.
Glyph = tuple[float, float, float, float, str, Any, float]


@dataclass
class RawPage:
    """One page's glyphs in drawing order, with the page size and image count."""

    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    images: int = 0


class GlyphDevice(PDFLayoutAnalyzer):
    """Collect each page's glyphs; refuse pages drawing over ``max_objects`` things.

    After ``PDFPageInterpreter.process_page`` the page is in :attr:`result`.
    Glyphs (as the bytes of each string shown, an upper bound), paths,
    images and form XObjects are counted before they are drawn.
    """

    def __init__(self, rsrcmgr: Any, *, max_objects: int) -> None:
        super().__init__(rsrcmgr, laparams=None)
        self.max_objects = max_objects
        self.drawn = 0
        self.result: RawPage | None = None
        self._page = RawPage(0.0, 0.0)

    def begin_page(self, page: Any, ctm: Any) -> None:
        super().begin_page(page, ctm)  # sets cur_item to an LTPage with the media box
        self.drawn = 0
        self.result = None
        x0, y0, x1, y1 = self.cur_item.bbox
        self._page = RawPage(width=x1 - x0, height=y1 - y0)

    def end_page(self, page: Any) -> None:
        assert not self._stack, str(len(self._stack))
        self.result = self._page
        self._page = RawPage(0.0, 0.0)
        self.pageno += 1

    def _count(self, n: int = 1) -> None:
        self.drawn += n
        if self.drawn > self.max_objects:
            raise TooLargeError(
                f"a page of the PDF draws more than {self.max_objects:,} glyphs, paths, "
                "images or forms"
            )

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        # One check per text operator, not per glyph: a string of n bytes draws
        # at most n glyphs (two-byte fonts draw n / 2), counted before drawing.
        self._count(sum(len(s) for s in seq if isinstance(s, bytes)))
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(
        self,
        matrix: Any,
        font: Any,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        """Keep one glyph; return its advance (``LTChar``'s box arithmetic)."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"
        if not isinstance(text, str):
            raise TypeError(f"a font mapped a glyph to {type(text).__name__}, not text")
        adv = font.char_width(cid) * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            vx, vy = font.char_disp(cid)
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            box = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            box = (0, descent + rise, adv, descent + rise + fontsize)
        x0, y0, x1, y1 = apply_matrix_rect(matrix, box)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        size = x1 - x0 if vertical else y1 - y0
        self._page.glyphs.append((x0, y0, x1, y1, text, font.fontname, size))
        return adv

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self._count()  # lines and shapes are not text: counted, never built

    def render_image(self, name: str, stream: Any) -> None:
        self._count()
        self._page.images += 1

    def begin_figure(self, *args: Any, **kwargs: Any) -> None:
        self._count()  # each use of a form XObject is a figure: nested fan-out adds up
        super().begin_figure(*args, **kwargs)
