"""The values review works with: findings, the context a check reads, a pair's review.

All frozen. A check is a plain function ``(ctx: PairContext) -> Iterable[Finding]``;
the ordered tuple of them is :data:`sastra.review.checks.CHECKS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sastra.config.model import Config
from sastra.model import Article, ArticleStatus, Location, Pair, Paragraph, Severity

if TYPE_CHECKING:
    from sastra.names.glossary import Glossary
    from sastra.names.missing import MissingName
    from sastra.review.facts import Spot, VersionFacts
    from sastra.review.site import SiteFacts

SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One mismatch a reviewer should look at."""

    code: str
    """Stable identifier (``numbers-mismatch``, ``wrong-language``…); what ``l10n.ignore`` and
    ``--ignore`` name."""
    severity: Severity
    """``error`` findings make ``i18n review --all --check`` exit 1."""
    message: str
    """What is wrong, one line, no trailing period."""
    location: Location
    """Where it is, in the version concerned (``path:line``)."""
    lang: str
    """Language of the version concerned."""
    other: Location | None = None
    """The counterpart place: the other language version, or the other article for duplicates."""
    field: str | None = None
    """Frontmatter field concerned (``title``, ``description``, ``date``…), if any."""
    paragraph: int | None = None
    """Body paragraph concerned (1-based, as in ``VisibleText.body``), if any."""
    other_paragraph: int | None = None
    """Body paragraph of the counterpart version, if any."""
    detail: str | None = None
    """More text: the values compared, the paragraph quoted…"""
    diff: str | None = None
    """A unified diff (staleness findings)."""

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: [{self.code}] {self.message}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order of display: file, line, severity, code."""
        return (
            self.location.path,
            self.location.line,
            SEVERITY_RANK[self.severity],
            self.code,
            self.message,
        )


@dataclass(frozen=True)
class PairContext:
    """Everything a check may read about one pair. Built once per pair, never mutated."""

    pair: Pair
    """The pair reviewed."""
    config: Config
    """The site configuration."""
    source: str
    """Source language of the pair (the tracker's answer)."""
    facts: Mapping[str, VersionFacts]
    """Per-language analysis of each version present: paragraphs, numbers, dates, media…"""
    status: ArticleStatus
    """The tracker's status of the pair (with ``changed_paragraphs`` and diffs)."""
    site: SiteFacts
    """Site-wide facts: titles and descriptions by language, the usual length ratio."""
    alignments: Mapping[str, tuple[Row, ...]] = field(default_factory=dict)
    """Body paragraphs of the source (left) aligned with each translation (right), by language."""
    glossary: Glossary | None = None
    """The names glossary, or ``None`` when the site has none."""
    names: tuple[MissingName, ...] | None = None
    """The pair's missing names, when computed ahead (cached); ``None``: the names check
    computes them."""

    def article(self, lang: str) -> Article:
        """The version in ``lang`` (must exist)."""
        return self.pair.versions[lang]

    @property
    def translations(self) -> tuple[str, ...]:
        """Languages present other than the source, in configured order."""
        return tuple(
            lang
            for lang in self.config.languages
            if lang in self.pair.versions and lang != self.source
        )

    def paragraphs(self, lang: str) -> tuple[Paragraph, ...]:
        """Body paragraphs of the version in ``lang`` (from ``tracker.text``)."""
        return self.facts[lang].text.body

    def counterpart(self, lang: str, paragraph: int | None, other: str) -> int | None:
        """The paragraph of ``other`` aligned with ``paragraph`` of ``lang``, if any."""
        if paragraph is None or lang == other:
            return None
        if lang == self.source:
            rows, from_left = self.alignments.get(other, ()), True
        elif other == self.source:
            rows, from_left = self.alignments.get(lang, ()), False
        else:
            via = self.counterpart(lang, paragraph, self.source)
            return self.counterpart(self.source, via, other)
        for row in rows:
            mine, theirs = (row.left, row.right) if from_left else (row.right, row.left)
            if paragraph in mine:
                return theirs[0] if theirs else None
        return None

    def where(self, lang: str, spot: Spot | None) -> Location:
        """``path:line`` of a spot of the version in ``lang`` (the file when ``None``)."""
        path = self.pair.versions[lang].path
        return Location(path, spot.line) if spot is not None else Location(path)

    def opposite(self, lang: str, spot: Spot | None, other: str) -> tuple[Location, int | None]:
        """Where ``spot`` of ``lang`` corresponds in ``other``: the same field, the aligned
        paragraph, else the whole file; with that paragraph's index."""
        article = self.pair.versions[other]
        if spot is not None and spot.field is not None:
            return Location(article.path, article.line_of(spot.field)), None
        index = self.counterpart(lang, spot.paragraph if spot else None, other)
        if index is not None:
            paragraph = self.facts[other].text.body[index - 1]
            return Location(article.path, paragraph.line), index
        return Location(article.path), None

    def finding(
        self,
        code: str,
        severity: Severity,
        message: str,
        lang: str,
        spot: Spot | None,
        other: str | None = None,
        *,
        other_location: Location | None = None,
        detail: str | None = None,
    ) -> Finding:
        """A finding at ``spot`` of ``lang``, pointing at the counterpart place in ``other``
        (or at ``other_location``, when given)."""
        opposite, other_paragraph = (
            self.opposite(lang, spot, other) if other is not None else (None, None)
        )
        return Finding(
            code=code,
            severity=severity,
            message=message,
            location=self.where(lang, spot),
            lang=lang,
            other=other_location if other_location is not None else opposite,
            field=spot.field if spot else None,
            paragraph=spot.paragraph if spot else None,
            other_paragraph=other_paragraph,
            detail=detail,
        )


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: aligned paragraphs of the two versions."""

    left: tuple[int, ...]
    """Body paragraph indices (1-based) of the left (source) version; may be empty."""
    right: tuple[int, ...]
    """Body paragraph indices of the right (translation) version; may be empty."""
    score: float = 0.0
    """Alignment confidence 0..1 (1: anchors and length agree)."""


@dataclass(frozen=True)
class PairReview:
    """The review of one pair: its findings and the alignment of its paragraphs."""

    pair: Pair
    """The pair reviewed."""
    left: str
    """Language shown on the left (the source)."""
    right: str | None
    """Language shown on the right (the first translation present), ``None`` when alone."""
    findings: tuple[Finding, ...]
    """Findings that remain after ``l10n.ignore`` and ``--ignore``, in display order."""
    ignored: tuple[Finding, ...] = ()
    """Findings accepted by ``l10n.ignore`` or ``--ignore``."""
    rows: tuple[Row, ...] = ()
    """Body paragraphs aligned left ↔ right."""
    facts: Mapping[str, VersionFacts] = field(default_factory=dict)
    """The per-version facts (paragraph texts for the views)."""

    @property
    def errors(self) -> int:
        """Number of error-level findings."""
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    def count(self, severity: Severity) -> int:
        """Number of findings of one severity."""
        return sum(1 for f in self.findings if f.severity is severity)
