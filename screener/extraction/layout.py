"""Reading order of a page, decided from geometry alone.

Input: the text pieces of one page (pdfminer's ``LTTextLine`` objects turned
into :class:`Piece`, top-left origin). Output: blocks of lines in reading
order. pdfminer's own box ordering is not used. The rules, in order:

0. **Header.** On the first page, the pieces above the first full-width
   vertical gap are a header (name, title, contact) when they are few and
   hold the largest text of the page; the header is read first. No header is
   cut when clean columns run from the top of the page to the bottom.
1. **Columns** (:mod:`screener.extraction.columns`). A gutter is an x-range at
   least about one font size wide where no piece starts or ends and few
   pieces cross. Pieces crossing it (a full-width name, summary, footer),
   with the pieces beside them, form *span bands*; the pieces between span
   bands form *column bands*, read left column first, then right column,
   each as one unit, so a sidebar is never interleaved with the main
   column. Of several candidate gutters the one with the largest block of
   text on both sides wins. Every part is searched again (three columns, a
   header with the name left and the contact right).
2. **Rows, not columns.** A column band is read row by row instead when it
   is a grid (nearly every row of both sides shares a baseline with the
   other side, and the band is short or its cells narrow), or when the
   smaller side only holds narrow labels on the baselines of the other
   side's lines: dates or places right-aligned on a job-title line, dates in
   a left margin.
3. **Lines and blocks.** Inside a part, pieces on one baseline become one
   line, left to right, so a right-aligned date joins its title line. A line
   continues the block above it when it is one usual line pitch lower in
   the same font size (and, across parts, overlaps it sideways).

Text drawn twice at the same place (fake bold) is read once.
"""

from __future__ import annotations

import itertools
import statistics

from screener.extraction.columns import best_split, segment
from screener.extraction.geometry import Piece, Row, to_rows

__all__ = ["Piece", "Row", "order_page"]


def order_page(pieces: list[Piece], *, first: bool = True) -> list[list[Row]]:
    """Put one page's pieces in reading order.

    Parameters
    ----------
    pieces : list of Piece
        The text pieces of the page, in any order.
    first : bool
        Whether this is the first page, the only one searched for a header
        (name and contact) that is read before any column.

    Returns
    -------
    list of list of Row
        Blocks in reading order, each a list of lines (rows) top to bottom.
    """
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for p in pieces:  # text drawn twice (fake bold, overprint) is read once
        key = (p.text.strip(), round(p.x0), round(p.top))
        if key[0] and key not in seen:
            seen.add(key)
            unique.append(p)
    pieces = unique
    head, body = _split_header(pieces) if first else ([], pieces)
    parts = segment(head, 0, labels=False) + segment(body, 0)
    return _blocks([to_rows(part) for part in parts])


def _split_header(pieces: list[Piece]) -> tuple[list[Piece], list[Piece]]:
    """Cut off a page header: the top pieces above a wide full-width gap.

    The header must hold the largest text of the page (the name) and be a
    small share of the page; it is then read before any column.
    """
    if len(pieces) < 4:
        return [], pieces
    whole = best_split(pieces)
    if whole is not None and whole.crossing == 0 and len(whole.bands) == 1:
        return [], pieces  # clean columns from top to bottom: the top is no header
    ordered = sorted(pieces, key=lambda p: p.top)
    gap_needed = statistics.median(p.height for p in pieces)
    limit = min(8, len(pieces) // 2)
    reach = ordered[0].bottom
    for i, piece in enumerate(ordered[1 : limit + 1], start=1):
        if piece.top - reach >= gap_needed:
            head, body = ordered[:i], ordered[i:]
            if max(p.size for p in head) >= max(p.size for p in body) - 0.5:
                return head, body
            break
        reach = max(reach, piece.bottom)
    return [], pieces


def _blocks(parts: list[list[Row]]) -> list[list[Row]]:
    """Split the rows of the ordered parts into blocks.

    A row continues the block above it when it sits one usual line pitch
    lower, in the same font size; across parts it must also overlap the row
    above sideways (a paragraph cut by a span band goes on; a jump to the
    next column does not).
    """
    steps = [
        b.bottom - a.bottom
        for rows in parts
        for a, b in itertools.pairwise(rows)
        if b.bottom > a.bottom
    ]
    pitch = statistics.median(steps) if steps else 0.0
    blocks: list[list[Row]] = []
    last_part = -1
    for index, rows in enumerate(parts):
        for row in rows:
            if blocks and _continues(blocks[-1][-1], row, pitch, index != last_part):
                blocks[-1].append(row)
            else:
                blocks.append([row])
            last_part = index
    return blocks


def _continues(prev: Row, row: Row, pitch: float, new_part: bool) -> bool:
    small = min(prev.size, row.size)
    if max(prev.size, row.size) > 1.15 * small:
        return False
    step = row.bottom - prev.bottom
    if not 0 < step <= 1.3 * max(pitch, 1.2 * small):
        return False
    return not new_part or min(prev.x1, row.x1) > max(prev.x0, row.x0)
