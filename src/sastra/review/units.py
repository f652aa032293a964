"""The places two versions are compared at: the same field, or aligned body paragraphs.

A :class:`Unit` is one field of both versions (``title`` with ``title``,
``team[2].role`` with ``team[2].role``) or one row of the paragraph alignment whose
two sides are not empty. Numbers and dates are compared unit by unit, so a number
missing from one paragraph is found even when the other version has it elsewhere.
A unit also knows its *neighbours* (the rows just before and after it), since a
translator may move the last sentence of a paragraph into the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sastra.review.facts import Spot
from sastra.review.model import PairContext

Place = tuple[str | None, int | None]
"""``(field, paragraph)`` of a spot: how items are grouped by where they are."""


def place(spot: Spot) -> Place:
    """The place of a spot."""
    return (spot.field, spot.paragraph)


@dataclass(frozen=True)
class Unit:
    """One place of the source and the translation that should say the same things."""

    source: frozenset[Place]
    """Places of the source version (one field, or the paragraphs of one row)."""
    target: frozenset[Place]
    """Places of the translation."""
    near_source: frozenset[Place]
    """Source places of the neighbouring rows (none for fields)."""
    near_target: frozenset[Place]
    """Translation places of the neighbouring rows."""
    is_field: bool
    """True for a frontmatter field."""


def units(ctx: PairContext, lang: str) -> Iterator[Unit]:
    """The units of the source and the translation ``lang``: fields first, then rows."""
    source, target = ctx.facts[ctx.source], ctx.facts[lang]
    theirs = {s.field for s in target.field_spots}
    for spot in source.field_spots:
        if spot.field in theirs:
            here = frozenset({(spot.field, None)})
            yield Unit(here, here, frozenset(), frozenset(), True)
    rows = [
        r
        for r in ctx.alignments.get(lang, ())
        if r.left
        and r.right
        and not set(r.left) <= source.image_only
        and not set(r.right) <= target.image_only
    ]
    for k, row in enumerate(rows):
        near = [rows[i] for i in (k - 1, k + 1) if 0 <= i < len(rows)]
        yield Unit(
            frozenset((None, i) for i in row.left),
            frozenset((None, i) for i in row.right),
            frozenset((None, i) for r in near for i in r.left),
            frozenset((None, i) for r in near for i in r.right),
            False,
        )
