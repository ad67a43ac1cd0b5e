"""Column detection: where to cut a page into parts read one after the other.

See :mod:`screener.extraction.layout` for the rules. Everything here works on
:class:`~screener.extraction.geometry.Piece` lists and returns lists of parts in
reading order.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from screener.extraction.geometry import Piece, Row, same_row, to_rows

__all__ = ["Split", "best_split", "segment"]

_MAX_DEPTH = 8


@dataclass
class Split:
    """A page region cut at one gutter, as bands from top to bottom."""

    crossing: int
    width: float
    bands: list[tuple[str, list[Piece], list[Piece]]]  # ("span", all, []) / ("cols", L, R)
    score: float = 0.0


def segment(pieces: list[Piece], depth: int = 0, *, labels: bool = True) -> list[list[Piece]]:
    """Cut ``pieces`` into parts read one after the other (rules 1 and 2).

    Parameters
    ----------
    pieces : list of Piece
        The pieces of one region.
    depth : int
        Recursion depth; the search stops after a few levels.
    labels : bool
        Whether a band whose smaller side looks like row labels is read row
        by row. The header is segmented with ``labels=False``: there only a
        grid is read row by row.

    Returns
    -------
    list of list of Piece
        Parts in reading order; each part is read top to bottom.
    """
    if len(pieces) < 2 or depth > _MAX_DEPTH:
        return [pieces] if pieces else []
    split = best_split(pieces)
    if split is None:
        return [pieces]
    out: list[list[Piece]] = []
    for kind, left, right in split.bands:
        if kind == "span":
            out.extend(segment(left, depth + 1, labels=labels))
        elif not right or not left:
            out.extend(segment(left or right, depth + 1, labels=labels))
        elif not _side_by_side(left, right) or _read_as_rows(left, right, labels):
            out.append(left + right)
        else:
            out.extend(segment(left, depth + 1, labels=labels))
            out.extend(segment(right, depth + 1, labels=labels))
    return out


def best_split(pieces: list[Piece]) -> Split | None:
    """The candidate gutter with the largest block of text on both sides.

    A split is worth its largest column band (the smaller side's piece
    count), a little less for each piece crossing the gutter, a little more
    for a wider gutter: a true column gutter keeps long runs side by side,
    while a gap between titles and their dates is cut into many small bands
    by the lines that cross it.

    Parameters
    ----------
    pieces : list of Piece
        The pieces of one region.

    Returns
    -------
    Split or None
        The best split, or None when no gutter has text on both sides.
    """
    best: Split | None = None
    for pos, crossing, width in _gutters(pieces):
        split = _split_at(pieces, pos, crossing, width)
        if split is None:
            continue
        block = max(
            min(len(left), len(right))
            for kind, left, right in split.bands
            if kind == "cols" and _side_by_side(left, right)
        )
        split.score = block - 0.5 * crossing + min(width, 20.0) / 10
        if best is None or (split.score, split.width) > (best.score, best.width):
            best = split
    return best


def _gutters(pieces: list[Piece]) -> list[tuple[float, int, float]]:
    """Candidate gutters as (x position, pieces crossing it, width).

    A candidate is a stretch of the x axis at least about one font size wide
    where no piece starts or ends and few pieces (a fifth at most) cross.
    """
    lo = int(min(p.x0 for p in pieces))
    hi = int(max(p.x1 for p in pieces)) + 1
    if hi - lo < 4 or hi - lo > 20_000:  # nothing to split, or no page a person reads
        return []
    diff = [0] * (hi - lo + 2)
    for p in pieces:
        a = int(p.x0) - lo + 1  # a piece covers the whole points strictly inside it
        b = int(p.x1) - lo
        if b > a:
            diff[a] += 1
            diff[b] -= 1
    cover = list(itertools.accumulate(diff[: hi - lo]))
    sizes = sorted(p.size for p in pieces)
    min_width = max(4.0, 0.6 * sizes[len(sizes) // 2])
    limit = max(2, len(pieces) // 5)
    found: list[tuple[float, int, float]] = []
    x, n = 1, len(cover) - 1  # both ends of the profile are empty by construction
    while x < n:
        start, level = x, cover[x]
        while x < n and cover[x] == level:
            x += 1
        if level <= limit and x - start >= min_width:
            found.append((lo + (start + x) / 2, level, float(x - start)))
    found.sort(key=lambda g: (g[1], -g[2]))
    return found[:8]


def _split_at(pieces: list[Piece], pos: float, crossing: int, width: float) -> Split | None:
    cross = [p for p in pieces if p.x0 < pos < p.x1]
    sides = [p for p in pieces if not (p.x0 < pos < p.x1)]
    spans: list[list[float]] = []
    for p in sorted(cross, key=lambda p: p.top):
        if spans and p.top < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], p.bottom)
        else:
            spans.append([p.top, p.bottom])
    span_members: list[list[Piece]] = [[] for _ in spans]
    for p in cross:
        span_members[_span_index(spans, p)].append(p)
    columns: list[tuple[list[Piece], list[Piece]]] = [([], []) for _ in range(len(spans) + 1)]
    for p in sides:
        hit = _absorbing_span(spans, p)
        if hit is not None:
            span_members[hit].append(p)
            continue
        band = sum(1 for s in spans if s[0] < p.top)
        columns[band][0 if p.x1 <= pos else 1].append(p)
    if not any(_side_by_side(left, right) for left, right in columns):
        return None
    bands: list[tuple[str, list[Piece], list[Piece]]] = []
    for i, (left, right) in enumerate(columns):
        if left or right:
            bands.append(("cols", left, right))
        if i < len(spans):
            bands.append(("span", span_members[i], []))
    return Split(crossing=crossing, width=width, bands=bands)


def _span_index(spans: list[list[float]], p: Piece) -> int:
    return max(i for i, s in enumerate(spans) if s[0] <= p.top)


def _absorbing_span(spans: list[list[float]], p: Piece) -> int | None:
    for i, (top, bottom) in enumerate(spans):
        overlap = min(bottom, p.bottom) - max(top, p.top)
        if overlap > 0.3 * p.height:
            return i
    return None


def _side_by_side(left: list[Piece], right: list[Piece]) -> bool:
    """True when both sides hold pieces and their vertical extents overlap."""
    if not left or not right:
        return False
    top = max(min(p.top for p in left), min(p.top for p in right))
    bottom = min(max(p.bottom for p in left), max(p.bottom for p in right))
    return bottom > top


def _read_as_rows(left: list[Piece], right: list[Piece], labels: bool = True) -> bool:
    """True when the band is a grid, or one side only labels rows of the other.

    A grid: nearly every row of both sides has a partner on the same
    baseline, and the band is short or its cells are narrow (two columns of
    running text that happen to share a baseline grid are neither). Labels
    (``labels=True`` only): the smaller side is narrow text (dates, places;
    three rows in four narrow, where a column of sections wraps its lines at
    its own width), mostly on the baseline of a row of the other side, in
    runs of at most three lines.
    """
    rows_l, rows_r = to_rows(left), to_rows(right)
    top = max(rows_l[0].top, rows_r[0].top)  # only rows beside the other side count
    bottom = min(rows_l[-1].bottom, rows_r[-1].bottom)
    beside_l = [r for r in rows_l if r.bottom > top and r.top < bottom] or rows_l
    beside_r = [r for r in rows_r if r.bottom > top and r.top < bottom] or rows_r
    share_l = _partnered(beside_l, rows_r)
    share_r = _partnered(beside_r, rows_l)
    width = max(p.x1 for p in left + right) - min(p.x0 for p in left + right)

    def narrow(rows: list[Row]) -> bool:
        return statistics.median(r.x1 - r.x0 for r in rows) <= 0.35 * width

    grid = max(len(rows_l), len(rows_r)) <= 6 or (narrow(rows_l) and narrow(rows_r))
    if share_l >= 0.8 and share_r >= 0.8 and grid:
        return True
    if not labels:
        return False
    small, share_small = (rows_l, share_l) if len(rows_l) <= len(rows_r) else (rows_r, share_r)
    widths = sorted(r.x1 - r.x0 for r in small)
    narrow_small = widths[int(0.75 * len(widths))] <= 0.35 * width
    return share_small >= 0.6 and _largest_cluster(small) <= 3 and narrow_small


def _partnered(rows: list[Row], others: list[Row]) -> float:
    hits = 0
    for row in rows:
        a = row.pieces[0]
        if any(same_row(a, o.pieces[0]) for o in others):
            hits += 1
    return hits / len(rows) if rows else 0.0


def _largest_cluster(rows: list[Row]) -> int:
    """Most rows of ``rows`` that follow each other at line spacing."""
    if len(rows) < 2:
        return len(rows)
    height = statistics.median(r.bottom - r.top for r in rows)
    best = run = 1
    for a, b in itertools.pairwise(rows):
        run = run + 1 if b.top - a.bottom <= 0.8 * height else 1
        best = max(best, run)
    return best
