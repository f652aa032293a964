"""Paragraph alignment of two language versions, for the side-by-side view and for
pointing a finding at the counterpart paragraph.

A dynamic programme in the manner of Gale and Church: paragraphs stay in order
(position), and each step aligns one paragraph with one, one with none (a paragraph
only one version has), or two with one (a paragraph split or merged in translation).
A step costs

* the length mismatch ``|log((len_b + k) / (ratio · len_a + k))|`` (weighted
  :data:`LENGTH_WEIGHT`), where ``ratio`` is the site's usual length ratio of the two
  languages, and
* the anchor mismatch ``1 - |A ∩ B| / |A ∪ B|`` (weighted :data:`ANCHOR_WEIGHT`) of
  the anchors of both sides: numbers (``18`` = ``១៨``; number words two to twelve),
  dates, image paths, words of a small news lexicon (``workshop`` = ``សិក្ខាសាលា``,
  :mod:`sastra.review.lexicon`) and, when given, names. Paragraphs with no anchor on
  either side cost :data:`NO_ANCHOR` instead.

Leaving a paragraph unaligned costs :data:`SKIP`; a two-to-one step adds
:data:`MERGE`. Unequal paragraph counts come out as skips or merges.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sastra.review.facts import VersionFacts
from sastra.review.model import Row

ANCHOR_WEIGHT = 2.0
"""Weight of the anchor mismatch against the length mismatch."""
NO_ANCHOR = 0.5
"""Anchor cost when neither side has an anchor (no evidence either way)."""
LENGTH_WEIGHT = 2.0
"""Weight of the length mismatch."""
SKIP = 2.0
"""Cost of leaving one paragraph without a counterpart."""
MERGE = 2.0
"""Extra cost of aligning two paragraphs with one."""
SMOOTH = 20
"""Characters added to both lengths so that short paragraphs do not dominate."""
_STEPS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
_WEAK = frozenset(f"n:{n}" for n in range(2, 13))
"""Number words that anchor a paragraph (two to twelve)."""


@dataclass(frozen=True)
class Block:
    """What alignment knows of one paragraph."""

    index: int
    """Paragraph index (1-based)."""
    length: int
    """Visible characters, spaces excluded."""
    anchors: frozenset[str]
    """Script-independent tokens: ``n:18``, ``r:2021-2035``, ``t:8:00``, ``d:8-13`` (month and
    day), ``i:photo.jpg``, ``p:<name>``."""


def blocks(facts: VersionFacts, names: Mapping[int, frozenset[str]] | None = None) -> list[Block]:
    """One :class:`Block` per body paragraph of a version."""
    anchors: dict[int, set[str]] = {p.index: set() for p in facts.text.body}
    for item in facts.quantities:
        if item.spot.paragraph is not None:
            # a number word (two-week = ពីរសប្តាហ៍) anchors too; "one" is too common to
            anchors[item.spot.paragraph].update(item.quantity.keys or _WEAK & item.quantity.covers)
    for date in facts.dates:
        if date.spot.paragraph is not None:
            anchors[date.spot.paragraph].add(f"d:{date.date.month}-{date.date.day}")
    for index, words in enumerate(facts.lexemes, 1):
        anchors[index].update(words)
    for image in facts.images:
        if image.paragraph is not None:
            anchors[image.paragraph].add(f"i:{image.target}")
    for index, keys in (names or {}).items():
        if index in anchors:
            anchors[index].update(f"p:{k}" for k in keys)
    return [
        # display text has single spaces only: its length minus them is the visible length
        Block(p.index, len(p.text) - p.text.count(" "), frozenset(anchors[p.index]))
        for p in facts.text.body
    ]


def _cost(left: Sequence[Block], right: Sequence[Block], ratio: float) -> float:
    if len(left) == 1 and len(right) == 1:
        len_a, len_b = left[0].length, right[0].length
        a, b = left[0].anchors, right[0].anchors
    else:
        len_a = sum(block.length for block in left)
        len_b = sum(block.length for block in right)
        a = frozenset().union(*(block.anchors for block in left))
        b = frozenset().union(*(block.anchors for block in right))
    length = abs(math.log((len_b + SMOOTH) / (ratio * len_a + SMOOTH)))
    union = a | b
    anchor = 1.0 - len(a & b) / len(union) if union else NO_ANCHOR
    extra = MERGE if len(left) + len(right) > 2 else 0.0
    return LENGTH_WEIGHT * length + ANCHOR_WEIGHT * anchor + extra


Back = list[list[tuple[int, int, float]]]
"""Each cell's step into it: ``(left paragraphs, right paragraphs, its cost)``."""


def align(left: Sequence[Block], right: Sequence[Block], ratio: float = 1.0) -> tuple[Row, ...]:
    """Rows of aligned paragraphs, in order; every paragraph of both sides appears once."""
    n, m = len(left), len(right)
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: Back = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            for di, dj in _STEPS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = _cost(left[i:ni], right[j:nj], ratio) if di and dj else SKIP
                if here + step < best[ni][nj]:
                    best[ni][nj] = here + step
                    back[ni][nj] = (di, dj, step)
    return _rows(left, right, back)


def align_pruned(
    left: Sequence[Block], right: Sequence[Block], ratio: float = 1.0
) -> tuple[Row, ...]:
    """:func:`align`'s rows, computed on the cells that can lie on a cheapest path only.

    :func:`align` fills all ``n·m`` cells; two docs pages of 150 blocks each (a table
    cell is a block) cost it ~0.3 s, and a cold status aligns thousands. Here a first
    pass over a band around the diagonal gives the cost ``U`` of one whole path (no
    cheaper than the best); then the same programme, in the same order with the same
    float operations, expands only the cells whose cost so far plus a lower bound of
    any way on to the end is at most ``U``. Every cell a cheapest path passes through
    passes that test, and a cell that fails it can never set a value or a back pointer
    of one that passes (its way through costs more than ``U``), so the rows are
    :func:`align`'s, ties and scores included (a property test holds the two equal).

    The lower bound from cell ``(i, j)``: each step that consumes a paragraph with no
    anchor costs at least 0.5 per such paragraph (a one-to-one step with it costs at
    least ``ANCHOR_WEIGHT × NO_ANCHOR = 1`` for two paragraphs, a skip 2, a merge 2 for
    three); and each paragraph of difference between the remaining counts needs a skip
    or a merge (at least 2 each).
    """
    n, m = len(left), len(right)
    # Anchorless paragraphs from each index to the end.
    free_a = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        free_a[i] = free_a[i + 1] + (not left[i].anchors)
    free_b = [0] * (m + 1)
    for j in range(m - 1, -1, -1):
        free_b[j] = free_b[j + 1] + (not right[j].anchors)
    # The cost of a whole path bounds the best one's: first the plain diagonal, then the
    # cheapest within a band around it (room left for rounding in the bound's sums).
    diagonal = 0.0
    for k in range(min(n, m)):
        diagonal += _cost(left[k : k + 1], right[k : k + 1], ratio)
    diagonal += SKIP * abs(n - m)
    first = _fill(left, right, ratio, free_a, free_b, _room(diagonal), 2 + abs(n - m))
    limit = _room(first[0][n][m])
    return _rows(left, right, _fill(left, right, ratio, free_a, free_b, limit, -1)[1])


def _room(cost: float) -> float:
    """A limit just above ``cost``: the bound's sums round differently from a path's."""
    return cost * (1 + 1e-9) + 1e-6


def _fill(
    left: Sequence[Block],
    right: Sequence[Block],
    ratio: float,
    free_a: list[int],
    free_b: list[int],
    limit: float,
    band: int,
) -> tuple[list[list[float]], Back]:
    """:func:`align`'s programme over the cells whose cost so far plus the bound of
    :func:`align_pruned` is at most ``limit`` (and, with ``band >= 0``, that lie within
    ``band`` columns of the diagonal). The steps of one cell reach different cells, so
    their order does not matter; the cells are taken in :func:`align`'s order. A step
    into a cell from where the end is out of reach within ``limit`` is not taken: it
    could not be the cheapest way into a cell that matters."""
    n, m = len(left), len(right)
    lengths_a = [b.length for b in left]
    lengths_b = [b.length for b in right]
    anchors_a = [b.anchors for b in left]
    anchors_b = [b.anchors for b in right]
    log = math.log
    inf = math.inf

    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: Back = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    reach_low = [m + 1] * (n + 1)  # the columns reached in each row
    reach_high = [-1] * (n + 1)
    reach_low[0] = reach_high[0] = 0
    # The bound of align_pruned from cell (i, j) to the end: 0.5 × (anchorless paragraphs
    # left on both sides + the difference of the counts left), at least 2 × that difference.
    # A step is taken only when it improves its cell and the end stays within ``limit``
    # from there; the second test is made first with the least the step can cost (a
    # skip 2, a merge 2, one with one 1 when neither has an anchor, 2 when only one has),
    # which needs no logarithm (rounding is monotonic: it can only skip fewer steps).
    rest_b = [m - j for j in range(m + 1)]

    def bound(ni: int, nj: int) -> float:
        gap = (n - ni) - rest_b[nj]
        if gap < 0:
            gap = -gap
        half = 0.5 * (free_a[ni] + free_b[nj] + gap)
        return half if half > SKIP * gap else SKIP * gap

    def take(total: float, ni: int, nj: int, step: tuple[int, int, float]) -> None:
        best[ni][nj] = total
        back[ni][nj] = step
        if nj < reach_low[ni]:
            reach_low[ni] = nj
        if nj > reach_high[ni]:
            reach_high[ni] = nj

    for i in range(n + 1):
        row = best[i]
        middle = i * m // n if n else 0
        len_i = lengths_a[i] if i < n else 0
        anchors_i = anchors_a[i] if i < n else frozenset()
        j = reach_low[i] - 1
        while j < reach_high[i]:  # (a skip to the right extends the row being read)
            j += 1
            here = row[j]
            if here == inf or (band >= 0 and abs(j - middle) > band):
                continue
            if j < m:  # one paragraph of the right only
                total = here + SKIP
                if total < row[j + 1] and total + bound(i, j + 1) <= limit:
                    take(total, i, j + 1, (0, 1, SKIP))
            if i == n:
                continue
            total = here + SKIP  # one paragraph of the left only
            if total < best[i + 1][j] and total + bound(i + 1, j) <= limit:
                take(total, i + 1, j, (1, 0, SKIP))
            if j == m:
                continue
            # One paragraph with one (as _cost computes it for slices of one).
            anchors_j = anchors_b[j]
            least = (
                (1.0 if not anchors_j else 2.0) if not anchors_i else (0.0 if anchors_j else 2.0)
            )
            if here + least + bound(i + 1, j + 1) <= limit:
                length = abs(log((lengths_b[j] + SMOOTH) / (ratio * len_i + SMOOTH)))
                if anchors_i or anchors_j:
                    union = anchors_i | anchors_j
                    anchor = 1.0 - len(anchors_i & anchors_j) / len(union)
                else:
                    anchor = NO_ANCHOR
                step = LENGTH_WEIGHT * length + ANCHOR_WEIGHT * anchor + 0.0
                total = here + step
                if total < best[i + 1][j + 1] and total + bound(i + 1, j + 1) <= limit:
                    take(total, i + 1, j + 1, (1, 1, step))
            # Two with one, one with two (sum() and frozenset().union() as in _cost).
            for di, dj in ((2, 1), (1, 2)):
                ni, nj = i + di, j + dj
                if ni > n or nj > m or here + MERGE + bound(ni, nj) > limit:
                    continue
                len_a = sum(lengths_a[i:ni])
                len_b = sum(lengths_b[j:nj])
                a = frozenset().union(*anchors_a[i:ni])
                b = frozenset().union(*anchors_b[j:nj])
                length = abs(log((len_b + SMOOTH) / (ratio * len_a + SMOOTH)))
                union = a | b
                anchor = 1.0 - len(a & b) / len(union) if union else NO_ANCHOR
                step = LENGTH_WEIGHT * length + ANCHOR_WEIGHT * anchor + MERGE
                total = here + step
                if total < best[ni][nj] and total + bound(ni, nj) <= limit:
                    take(total, ni, nj, (di, dj, step))
    return best, back


def _rows(
    left: Sequence[Block], right: Sequence[Block], back: list[list[tuple[int, int, float]]]
) -> tuple[Row, ...]:
    """The rows of a filled programme, read back from its last cell."""
    rows: list[Row] = []
    i, j = len(left), len(right)
    while i or j:
        di, dj, step = back[i][j]
        score = math.exp(-step) if di and dj else 0.0
        rows.append(
            Row(
                tuple(b.index for b in left[i - di : i]),
                tuple(b.index for b in right[j - dj : j]),
                round(score, 3),
            )
        )
        i, j = i - di, j - dj
    rows.reverse()
    return tuple(rows)


def counterpart(rows: Sequence[Row], paragraph: int, *, from_left: bool) -> int | None:
    """The first paragraph aligned with ``paragraph`` on the other side, if any."""
    for row in rows:
        mine, theirs = (row.left, row.right) if from_left else (row.right, row.left)
        if paragraph in mine:
            return theirs[0] if theirs else None
    return None


def counterparts(
    old: Sequence[tuple[int, frozenset[str]]], translation: Sequence[tuple[int, frozenset[str]]]
) -> tuple[bool, ...]:
    """For each paragraph of an old source version (``(length, anchors)`` each, see
    :mod:`sastra.tracking.changes`), whether the translation has a paragraph aligned with
    it. The length ratio is the pair's own."""
    left = [Block(i, length, anchors) for i, (length, anchors) in enumerate(old, 1)]
    right = [Block(i, length, anchors) for i, (length, anchors) in enumerate(translation, 1)]
    ratio = (sum(b.length for b in right) + SMOOTH) / (sum(b.length for b in left) + SMOOTH)
    paired = {i for row in align_pruned(left, right, ratio) if row.right for i in row.left}
    return tuple(block.index in paired for block in left)
