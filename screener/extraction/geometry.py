"""Geometry primitives shared by the reading-order code.

A :class:`Piece` is a run of text on one baseline (a pdfminer ``LTTextLine``
turned into plain numbers, top-left origin); a :class:`Row` is the pieces of
one visual line, left to right.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Piece", "Row", "same_row", "to_rows"]


@dataclass
class Piece:
    """A run of text on one baseline, in PDF points with a top-left origin."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0
    bold: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass
class Row:
    """Pieces that share a baseline, left to right: one output line."""

    pieces: list[Piece]

    @property
    def text(self) -> str:
        out = self.pieces[0].text
        for prev, cur in zip(self.pieces, self.pieces[1:]):
            if cur.x0 - prev.x1 > 0.1 * min(prev.size, cur.size):
                out = out.rstrip() + " " + cur.text.lstrip()
            else:
                out += cur.text
        return out

    @property
    def x0(self) -> float:
        return min(p.x0 for p in self.pieces)

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.pieces)

    @property
    def top(self) -> float:
        return min(p.top for p in self.pieces)

    @property
    def bottom(self) -> float:
        return max(p.bottom for p in self.pieces)

    @property
    def size(self) -> float:
        return max(self.pieces, key=lambda p: len(p.text)).size

    @property
    def bold(self) -> bool:
        n_bold = sum(len(p.text) for p in self.pieces if p.bold)
        return n_bold * 2 > sum(len(p.text) for p in self.pieces)


def same_row(a: Piece, b: Piece) -> bool:
    """Whether two pieces sit on one baseline.

    Parameters
    ----------
    a, b : Piece
        The pieces to compare.

    Returns
    -------
    bool
        True when their baselines are within 30% of the smaller height, or
        they overlap most of their (similar) heights.
    """
    small = min(a.height, b.height)
    if abs(a.bottom - b.bottom) <= 0.3 * small:
        return True
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= 0.7 * small and max(a.height, b.height) <= 1.5 * small


def _collides(row: list[Piece], p: Piece) -> bool:
    """True when ``p`` overlaps a piece of ``row`` sideways: then it is another line."""
    return any(min(q.x1, p.x1) - max(q.x0, p.x0) > 0.3 * min(q.x1 - q.x0, p.x1 - p.x0) for q in row)


def to_rows(pieces: list[Piece]) -> list[Row]:
    """Group pieces into rows: shared baseline, no sideways overlap.

    Parameters
    ----------
    pieces : list of Piece
        Pieces in any order.

    Returns
    -------
    list of Row
        Rows top to bottom, each with its pieces left to right.
    """
    rows: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.bottom, p.x0)):
        if rows and same_row(rows[-1][0], piece) and not _collides(rows[-1], piece):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    out = [Row(sorted(r, key=lambda p: p.x0)) for r in rows]
    out.sort(key=lambda r: (r.top + r.bottom) / 2)
    return out
