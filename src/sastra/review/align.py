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
    pass, backwards over a band around the diagonal, gives for each cell of the band a
    lower bound of the cheapest way on to the end (:func:`_rest`), and the cost ``U``
    of one whole path (no cheaper than the best). Then the same programme as
    :func:`align`, in the same order with the same float operations, expands only the
    cells whose cost so far plus that bound is at most ``U`` (:func:`_forward`). The
    bound is consistent (never more than a step's cost plus the bound after it), so
    every cell a cheapest path passes through passes that test, and a cell that fails
    it can never set a value or a back pointer of one that passes (its way through
    costs more than ``U``): the rows are :func:`align`'s, ties and scores included (a
    property test holds the two equal). Inside the band the bound is the exact cost
    of the cheapest way that stays in it, so on a translation that follows its source
    the second pass keeps to the few cells near the cheapest path. The band is as wide
    as the difference of the counts plus two, twice as wide while the cheapest path
    in it runs along its edge (a table dropped here and paragraphs added there take
    the cheapest path further from the diagonal than the counts differ).
    """
    n, m = len(left), len(right)
    crude = _Crude(left, right)
    width = 2 + abs(n - m)
    while True:  # a band that the cheapest path within it does not run along the edge of
        low = [max(0, (i * m // n if n else 0) - width) for i in range(n + 1)]
        high = [min(m, (i * m // n if n else 0) + width) for i in range(n + 1)]
        rest, ones, whole, edge = _rest(left, right, ratio, low, high, crude)
        if not edge or width > max(n, m):
            break
        width *= 2
    back = _forward(left, right, ratio, low, rest, ones, crude, _room(whole))
    return _rows(left, right, back)


def _room(cost: float) -> float:
    """A limit just above ``cost``: the bound's sums round differently from a path's."""
    return cost * (1 + 1e-9) + 1e-6


class _Crude:
    """A lower bound of the cheapest way from cell ``(i, j)`` to the end, from counts only.

    Give each paragraph with no anchor a share of 0.5. A one-to-one step costs at
    least its paragraphs' shares (``ANCHOR_WEIGHT × NO_ANCHOR = 1`` when neither has an
    anchor, 2 when one has); a skip or a merge changes the difference ``g`` of the
    counts left by one and costs at least its shares plus 1.5 (a skip 2 for one
    paragraph; a merge of three paragraphs without anchors 3, with exactly one anchored
    4, with two or more anchored at most one share and at least 2). So the way on costs
    at least ``0.5 × (anchorless paragraphs left) + 1.5 × g``, and at least ``2 × g``;
    no step lowers either by more than its cost (the bound is consistent).
    """

    __slots__ = ("free_a", "free_b", "m", "n")

    def __init__(self, left: Sequence[Block], right: Sequence[Block]) -> None:
        self.n, self.m = len(left), len(right)
        self.free_a = [0.0] * (self.n + 1)  # anchorless paragraphs from each index on, halved
        for i in range(self.n - 1, -1, -1):
            self.free_a[i] = self.free_a[i + 1] + (0.0 if left[i].anchors else 0.5)
        self.free_b = [0.0] * (self.m + 1)
        for j in range(self.m - 1, -1, -1):
            self.free_b[j] = self.free_b[j + 1] + (0.0 if right[j].anchors else 0.5)

    def __call__(self, i: int, j: int) -> float:
        gap = (self.n - i) - (self.m - j)
        if gap < 0:
            gap = -gap
        shares = self.free_a[i] + self.free_b[j] + 1.5 * gap
        return shares if shares > 2.0 * gap else 2.0 * gap


def _rest(
    left: Sequence[Block],
    right: Sequence[Block],
    ratio: float,
    low: list[int],
    high: list[int],
    crude: _Crude,
) -> tuple[list[list[float]], list[list[float]], float, bool]:
    """Backwards over the band (columns ``low[i]..high[i]`` of row ``i``): for each of its
    cells, the cheapest way on to the end where a step out of the band counts
    :class:`_Crude`'s bound from there (a lower bound of any way on, and consistent:
    no more than a step's cost plus the bound after it, in or out of the band); the
    one-to-one step costs out of each cell, as :func:`_forward` computes them; and
    the cost of the cheapest whole path within the band, and whether that path comes
    within a column of an edge of the band (other than the first or last column): if
    so, a wider band may hold a cheaper one, and the bound is loose outside."""
    n, m = len(left), len(right)
    lengths_a = [b.length for b in left]
    lengths_b = [b.length for b in right]
    anchors_a = [b.anchors for b in left]
    anchors_b = [b.anchors for b in right]
    log = math.log
    inf = math.inf
    rest: list[list[float]] = [[] for _ in range(n + 1)]
    inside: list[list[float]] = [[] for _ in range(n + 1)]  # ways that stay in the band
    ones: list[list[float]] = [[] for _ in range(n + 1)]
    edges: list[list[bool]] = [[] for _ in range(n + 1)]  # that path from here runs along one
    for i in range(n, -1, -1):
        base, top = low[i], high[i]
        row = [0.0] * (top - base + 1)
        row_in = [inf] * (top - base + 1)
        row_one = [inf] * (top - base + 1)
        row_edge = [False] * (top - base + 1)
        rest[i], inside[i], ones[i], edges[i] = row, row_in, row_one, row_edge
        near_low = base + 1 if base > 0 else -1
        near_high = top - 1 if top < m else m + 1
        below = i + 1 <= n
        if below:
            base_1, top_1, rest_1, inside_1 = low[i + 1], high[i + 1], rest[i + 1], inside[i + 1]
            edge_1 = edges[i + 1]
        two_below = i + 2 <= n
        if two_below:
            base_2, top_2, rest_2, inside_2 = low[i + 2], high[i + 2], rest[i + 2], inside[i + 2]
            edge_2 = edges[i + 2]
        len_i = lengths_a[i] if i < n else 0
        anchors_i = anchors_a[i] if i < n else frozenset()
        for j in range(top, base - 1, -1):
            k = j - base
            if i == n and j == m:
                row_in[k] = 0.0
                continue
            bound = inf
            whole = inf
            via = False
            if j < m:  # one paragraph of the right only
                if j < top:
                    bound = SKIP + row[k + 1]
                    whole = SKIP + row_in[k + 1]
                    via = row_edge[k + 1]
                else:
                    bound = SKIP + crude(i, j + 1)
            if below:
                if base_1 <= j <= top_1:  # one paragraph of the left only
                    value = SKIP + rest_1[j - base_1]
                    if value < bound:
                        bound = value
                    value = SKIP + inside_1[j - base_1]
                    if value < whole:
                        whole = value
                        via = edge_1[j - base_1]
                else:
                    value = SKIP + crude(i + 1, j)
                    if value < bound:
                        bound = value
                if j < m:  # one with one
                    anchors_j = anchors_b[j]
                    length = abs(log((lengths_b[j] + SMOOTH) / (ratio * len_i + SMOOTH)))
                    if anchors_i or anchors_j:
                        union = anchors_i | anchors_j
                        anchor = 1.0 - len(anchors_i & anchors_j) / len(union)
                    else:
                        anchor = NO_ANCHOR
                    step = LENGTH_WEIGHT * length + ANCHOR_WEIGHT * anchor + 0.0
                    row_one[k] = step
                    if base_1 <= j + 1 <= top_1:
                        value = step + rest_1[j + 1 - base_1]
                        if value < bound:
                            bound = value
                        value = step + inside_1[j + 1 - base_1]
                        if value < whole:
                            whole = value
                            via = edge_1[j + 1 - base_1]
                    else:
                        value = step + crude(i + 1, j + 1)
                        if value < bound:
                            bound = value
                    # Merges count their least cost (no logarithm: they are rare on a
                    # cheapest path, and a bound only needs to be no more than the cost).
                    if j + 2 <= m:  # one with two
                        step = _merge_least(anchors_i, anchors_j or anchors_b[j + 1])
                        if base_1 <= j + 2 <= top_1:
                            value = step + rest_1[j + 2 - base_1]
                            if value < bound:
                                bound = value
                            value = inside_1[j + 2 - base_1]
                            if step + value < whole:  # a path's cost: the merge's own
                                merge = _merge(
                                    lengths_a, lengths_b, anchors_a, anchors_b, i, j, 1, 2, ratio
                                )
                                if merge + value < whole:
                                    whole = merge + value
                                    via = edge_1[j + 2 - base_1]
                        else:
                            value = step + crude(i + 1, j + 2)
                            if value < bound:
                                bound = value
                    if two_below:  # two with one
                        step = _merge_least(anchors_i or anchors_a[i + 1], anchors_j)
                        if base_2 <= j + 1 <= top_2:
                            value = step + rest_2[j + 1 - base_2]
                            if value < bound:
                                bound = value
                            value = inside_2[j + 1 - base_2]
                            if step + value < whole:
                                merge = _merge(
                                    lengths_a, lengths_b, anchors_a, anchors_b, i, j, 2, 1, ratio
                                )
                                if merge + value < whole:
                                    whole = merge + value
                                    via = edge_2[j + 1 - base_2]
                        else:
                            value = step + crude(i + 2, j + 1)
                            if value < bound:
                                bound = value
            row[k] = bound
            row_in[k] = whole
            row_edge[k] = via or j <= near_low or j >= near_high
    return rest, ones, inside[0][0], edges[0][0]


def _merge_least(one: frozenset[str], other: frozenset[str]) -> float:
    """The least a merge costs, given the anchors of one paragraph of each side (any
    anchored paragraph of a side, or none if neither has one): the length mismatch is
    at least 0, the anchor mismatch exactly ``NO_ANCHOR`` when neither side has an
    anchor, exactly 1 when one side only has, at least 0 when both have."""
    if one:
        return MERGE if other else MERGE + ANCHOR_WEIGHT
    return MERGE + ANCHOR_WEIGHT if other else MERGE + ANCHOR_WEIGHT * NO_ANCHOR


def _merge(
    lengths_a: list[int],
    lengths_b: list[int],
    anchors_a: list[frozenset[str]],
    anchors_b: list[frozenset[str]],
    i: int,
    j: int,
    di: int,
    dj: int,
    ratio: float,
) -> float:
    """The cost of a two-with-one (``di == 2``) or one-with-two step out of cell
    ``(i, j)``, the same float as :func:`_cost` gives (the same sums, the same sets)."""
    if di == 2:
        len_a, len_b = lengths_a[i] + lengths_a[i + 1], lengths_b[j]
        a, b = anchors_a[i] | anchors_a[i + 1], anchors_b[j]
    else:
        len_a, len_b = lengths_a[i], lengths_b[j] + lengths_b[j + 1]
        a, b = anchors_a[i], anchors_b[j] | anchors_b[j + 1]
    length = abs(math.log((len_b + SMOOTH) / (ratio * len_a + SMOOTH)))
    anchor = 1.0 - len(a & b) / len(a | b) if a or b else NO_ANCHOR
    return LENGTH_WEIGHT * length + ANCHOR_WEIGHT * anchor + MERGE


def _forward(
    left: Sequence[Block],
    right: Sequence[Block],
    ratio: float,
    low: list[int],
    rest: list[list[float]],
    ones: list[list[float]],
    crude: _Crude,
    limit: float,
) -> Back:
    """:func:`align`'s programme over the cells whose cost so far plus the bound of the
    way on (``rest`` in the band, :class:`_Crude` outside) is at most ``limit``. The
    steps of one cell reach different cells, so their order does not matter; the cells
    are taken in :func:`align`'s order. A step into a cell from where the end is out of
    reach within ``limit`` is not taken: it could not be the cheapest way into a cell
    that matters."""
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
    widths = [len(row) for row in rest]

    def bound(ni: int, nj: int) -> float:
        k = nj - low[ni]
        return rest[ni][k] if 0 <= k < widths[ni] else crude(ni, nj)

    def take(total: float, ni: int, nj: int, step: tuple[int, int, float]) -> None:
        best[ni][nj] = total
        back[ni][nj] = step
        if nj < reach_low[ni]:
            reach_low[ni] = nj
        if nj > reach_high[ni]:
            reach_high[ni] = nj

    for i in range(n + 1):
        row = best[i]
        len_i = lengths_a[i] if i < n else 0
        anchors_i = anchors_a[i] if i < n else frozenset()
        base, one_row = low[i], ones[i]
        j = reach_low[i] - 1
        while j < reach_high[i]:  # (a skip to the right extends the row being read)
            j += 1
            here = row[j]
            if here == inf:
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
            after = bound(i + 1, j + 1)
            k = j - base
            if 0 <= k < len(one_row):
                step = one_row[k]
            else:
                anchors_j = anchors_b[j]
                least = (
                    (1.0 if not anchors_j else 2.0)
                    if not anchors_i
                    else (0.0 if anchors_j else 2.0)
                )
                if here + least + after > limit:
                    step = inf
                else:
                    length = abs(log((lengths_b[j] + SMOOTH) / (ratio * len_i + SMOOTH)))
                    if anchors_i or anchors_j:
                        union = anchors_i | anchors_j
                        anchor = 1.0 - len(anchors_i & anchors_j) / len(union)
                    else:
                        anchor = NO_ANCHOR
                    step = LENGTH_WEIGHT * length + ANCHOR_WEIGHT * anchor + 0.0
            total = here + step
            if total < best[i + 1][j + 1] and total + after <= limit:
                take(total, i + 1, j + 1, (1, 1, step))
            # Two with one, one with two.
            for di, dj in ((2, 1), (1, 2)):
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                least = (
                    _merge_least(anchors_i or anchors_a[i + 1], anchors_b[j])
                    if di == 2
                    else _merge_least(anchors_i, anchors_b[j] or anchors_b[j + 1])
                )
                if here + least + bound(ni, nj) > limit:
                    continue
                step = _merge(lengths_a, lengths_b, anchors_a, anchors_b, i, j, di, dj, ratio)
                total = here + step
                if total < best[ni][nj] and total + bound(ni, nj) <= limit:
                    take(total, ni, nj, (di, dj, step))
    if best[n][m] == inf:  # a bound above a way's cost would leave the rows unreadable
        raise AssertionError("no path within the limit")
    return back


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
