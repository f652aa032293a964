"""The side-by-side layout both views draw (terminal and HTML): rows of aligned cells,
each finding placed at the field or paragraph it concerns."""

from __future__ import annotations

from dataclasses import dataclass

from sastra.review.facts import Media, VersionFacts
from sastra.review.model import Finding, PairReview


@dataclass(frozen=True)
class Cell:
    """One field or body paragraph of one version, with what concerns it."""

    lang: str
    """Language of the version."""
    label: str
    """``title``, ``description`` or ``¶3``."""
    line: int
    """1-based line in the file."""
    text: str
    """The visible text."""
    field: str | None
    """Field label for frontmatter text."""
    paragraph: int | None
    """Body paragraph index for body text."""
    findings: tuple[Finding, ...]
    """Findings located here."""
    images: tuple[Media, ...]
    """Images of the paragraph."""

    @property
    def anchor(self) -> str:
        """A stable HTML id: ``km-title``, ``en-p3``."""
        return f"{self.lang}-{self.field or f'p{self.paragraph}'}".replace(".", "-")


@dataclass(frozen=True)
class LayoutRow:
    """One row: the cells of the left version and of the right version."""

    left: tuple[Cell, ...]
    """Left cells (empty when the left version has nothing here)."""
    right: tuple[Cell, ...]
    """Right cells."""
    score: float
    """Alignment confidence (1.0 for fields, which pair by name)."""


@dataclass(frozen=True)
class Layout:
    """What a view draws for one pair."""

    left: str
    """Left language (the source)."""
    right: str | None
    """Right language, ``None`` when the pair has one version."""
    paths: dict[str, str]
    """File of each version shown."""
    rows: tuple[LayoutRow, ...]
    """Fields first, then aligned body paragraphs."""
    general: tuple[Finding, ...]
    """Findings about the whole file, a version not shown, or a place with no visible text."""


def layout(review: PairReview) -> Layout:
    """Place the fields, paragraphs and findings of ``review`` side by side."""
    shown = [lang for lang in (review.left, review.right) if lang is not None]
    placed: dict[tuple[str, str | None, int | None], list[Finding]] = {}
    cells_at: set[tuple[str, str | None, int | None]] = set()
    for lang in shown:
        facts = review.facts[lang]
        cells_at.update((lang, s.field, s.paragraph) for s, _ in facts.spots())
    general: list[Finding] = []
    for finding in review.findings:
        key = (finding.lang, finding.field, finding.paragraph)
        if key in cells_at:
            placed.setdefault(key, []).append(finding)
        else:
            general.append(finding)

    def cells(lang: str | None, indices: tuple[int, ...]) -> tuple[Cell, ...]:
        if lang is None:
            return ()
        facts = review.facts[lang]
        return tuple(_body_cell(facts, i, placed) for i in indices)

    rows: list[LayoutRow] = []
    left_fields = _field_cells(review.facts[review.left], placed)
    right_fields = _field_cells(review.facts[review.right], placed) if review.right else {}
    for label in dict.fromkeys([*left_fields, *right_fields]):
        left_cell, right_cell = left_fields.get(label), right_fields.get(label)
        rows.append(
            LayoutRow((left_cell,) if left_cell else (), (right_cell,) if right_cell else (), 1.0)
        )
    for row in review.rows:
        rows.append(
            LayoutRow(cells(review.left, row.left), cells(review.right, row.right), row.score)
        )
    paths = {lang: review.pair.versions[lang].path for lang in shown}
    return Layout(review.left, review.right, paths, tuple(rows), tuple(general))


def _field_cells(
    facts: VersionFacts, placed: dict[tuple[str, str | None, int | None], list[Finding]]
) -> dict[str, Cell]:
    found: dict[str, Cell] = {}
    for spot, paragraph in facts.spots():
        if spot.field is None:
            continue
        here = tuple(placed.get((facts.lang, spot.field, None), ()))
        found[spot.field] = Cell(
            facts.lang, spot.field, spot.line, paragraph.text, spot.field, None, here, ()
        )
    return found


def _body_cell(
    facts: VersionFacts,
    index: int,
    placed: dict[tuple[str, str | None, int | None], list[Finding]],
) -> Cell:
    paragraph = facts.text.body[index - 1]
    images = tuple(m for m in facts.images if m.paragraph == index)
    here = tuple(placed.get((facts.lang, None, index), ()))
    return Cell(facts.lang, f"¶{index}", paragraph.line, paragraph.text, None, index, here, images)
