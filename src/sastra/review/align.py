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


def align(left: Sequence[Block], right: Sequence[Block], ratio: float = 1.0) -> tuple[Row, ...]:
    """Rows of aligned paragraphs, in order; every paragraph of both sides appears once."""
    n, m = len(left), len(right)
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
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
    rows: list[Row] = []
    i, j = n, m
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
    paired = {i for row in align(left, right, ratio) if row.right for i in row.left}
    return tuple(block.index in paired for block in left)
