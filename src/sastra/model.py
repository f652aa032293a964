"""The data model: frozen dataclasses and enums, and nothing else.

Every stage of Sastra passes these values down the pipeline
(config → content → pairing → tracking / review / names / render). They are
immutable: a stage that needs to add information returns a new value instead of
filling in an old one. This module imports nothing of Sastra's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a diagnostic or a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
_UNPRINTABLE_IN_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]"
)


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` safe to print on a terminal, on one line: control characters (an escape
    sequence in a file name), bidi overrides and undecodable bytes of a file name are
    written as ``\\x1b``, ``\\u202e``, ``\\xff``. With ``lines``, line breaks and tabs
    are kept (the text of a report)."""
    pattern = _UNPRINTABLE_IN_LINES if lines else _UNPRINTABLE
    if not pattern.search(text):
        return text
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file, as the user sees it: ``path:line[:column]``."""

    path: str
    """Path relative to the site root (POSIX separators), or absolute when outside it."""
    line: int = 0
    """1-based line number; 0 when the problem concerns the whole file."""
    column: int = 0
    """1-based column (in characters); 0 when unknown."""

    def __str__(self) -> str:
        if self.column:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Diagnostic:
    """A problem the user can fix: bad YAML, an unknown key, a missing image..."""

    location: Location
    """Where it is."""
    message: str
    """What is wrong, one line, no trailing period."""
    severity: Severity = Severity.ERROR
    """Errors stop a command (after all are collected); warnings do not, unless ``--strict``."""

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        return printable(f"{self.location}: {prefix}{self.message}")


@dataclass(frozen=True, order=True)
class Key:
    """What pairs the language versions of one article: ``(collection, slug)``.

    ``collection`` is ``""`` for files directly under a language folder. The slug
    keeps the file's own name (spaces and punctuation included); URLs use
    :func:`sastra.content.slugify` of it.
    """

    collection: str
    """Folder path below the language folder (``"news"``, ``"news/2025"``), or ``""``."""
    slug: str
    """The file name without its extension, exactly as on disk."""

    def __str__(self) -> str:
        return f"{self.collection}/{self.slug}" if self.collection else self.slug


@dataclass(frozen=True)
class L10n:
    """The ``l10n`` block of a translation's frontmatter."""

    source: str | None = None
    """Language the file was translated from."""
    source_hash: str | None = None
    """Text fingerprint of the source when the translation was last synced."""
    source_commit: str | None = None
    """Commit of the source at sync time, when the site is in git."""
    ignore: tuple[str, ...] = ()
    """Review finding codes accepted for this file."""
    line: int = 0
    """Line of the ``l10n:`` key in the file, 0 when absent."""


_LEAD_H1 = re.compile(r"\A(?:[ \t]*\n)*[ ]{0,3}#[ \t]+([^\n]*)")


def lead_heading(body: str) -> str | None:
    """The text of the body's first block when that block is an ATX ``# H1``, else ``None``."""
    found = _LEAD_H1.match(body)
    if found is None:
        return None
    text = found.group(1).strip()
    closing = text.rstrip("#")  # an optional closing sequence: "# Title ##"
    if closing != text and (not closing or closing[-1] in " \t"):
        text = closing.strip()
    return text or None


def is_mdx(path: str) -> bool:
    """An MDX page: its ``import``/``export`` lines are code, not text."""
    return path.endswith(".mdx")


_MDX_STATEMENT = re.compile(r"^(?:import|export)\s[^\n]*$", re.MULTILINE)


def without_mdx_statements(body: str) -> str:
    """An MDX body with its top-level ``import`` and ``export`` lines blanked: they are
    code, not text (line numbers are kept)."""
    return _MDX_STATEMENT.sub("", body)


def without_lead_heading(body: str) -> str:
    """``body`` with its leading ``# H1`` line blanked (line numbers are kept)."""
    found = _LEAD_H1.match(body)
    if found is None:
        return body
    start = body.rfind("\n", 0, found.start(1)) + 1
    return body[:start] + body[found.end(1) :]


@dataclass(frozen=True)
class Article:
    """One language version of one article, as parsed from disk."""

    key: Key
    """The pairing key."""
    lang: str
    """Language code of this version (``"en"``, ``"km"``)."""
    path: str
    """Path relative to the site root, POSIX separators."""
    meta: Mapping[str, Any]
    """The frontmatter, as YAML gave it (nested dicts and lists included)."""
    body: str
    """The Markdown body, newlines normalised to ``\\n``, BOM removed."""
    body_line: int
    """1-based line of the file on which the body starts."""
    field_lines: Mapping[str, int] = field(default_factory=dict)
    """1-based line of each top-level frontmatter key."""
    l10n: L10n = L10n()
    """The translation-tracking block (empty when absent)."""
    blob: str = ""
    """Git blob id of the file's bytes (computed even outside git); a content hash."""

    @property
    def title(self) -> str:
        """The display title: ``title``, else ``name``, else the body's leading ``# H1``
        (as MkDocs and Docusaurus take it), else the slug."""
        for name in ("title", "name"):
            value = self.meta.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()
        body = without_mdx_statements(self.body) if is_mdx(self.path) else self.body
        return lead_heading(body) or self.key.slug

    @property
    def date(self) -> dt.date | None:
        """The ``date`` field as a date (else ``pubDate``, as Astro's blog template names it,
        else ``publishDate``), when present and valid."""
        for name in DATE_FIELDS:
            day = as_date(self.meta.get(name))
            if day is not None:
                return day
        return None

    @property
    def tags(self) -> list[str]:
        """The ``tags`` field as tags: a list of words, or one word (``tags: policy`` is
        one tag, not six letters); numbers in a list are written as text. Any other value
        gives no tags (the content stage reports it)."""
        value = self.meta.get("tags")
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        tags = []
        for item in items:
            if isinstance(item, int | float) and not isinstance(item, bool):
                item = str(item)
            if isinstance(item, str) and item.strip():
                tags.append(item.strip())
        return tags

    def line_of(self, name: str) -> int:
        """Line of a top-level frontmatter key (first line of the file when unknown)."""
        return self.field_lines.get(name.split(".", 1)[0], 1)


DATE_FIELDS = ("date", "pubDate", "publishDate")
"""Frontmatter fields read as an article's date, first found wins."""

UPDATED_FIELDS = ("updated", "updatedDate", "lastmod", "modified")
"""Frontmatter fields read as the day an article last changed, first found wins."""

_ISO_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?)?"
)


def iso_moment(text: str) -> dt.date | dt.datetime | None:
    """An ISO 8601 date or date-time written as text, as a quoted frontmatter value holds
    it (``hugo new`` writes ``date = '2026-01-15T09:00:00+07:00'``): ``2026-01-15``,
    ``2026-01-15T09:00``, ``2026-01-15 09:00:00``, with an offset or ``Z`` or none.
    Anything else (``15/01/2026``, ``2026-1-5``, ``2026-02-30``, ``soon``) is ``None``."""
    text = text.strip()
    if _ISO_MOMENT.fullmatch(text) is None:
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.upper())
    except ValueError:
        return None


def as_date(value: object, *, text: bool = False) -> dt.date | None:
    """A frontmatter value as a date: a date, a datetime's date (``updated: 2026-01-08``
    loads as a date, ``2026-01-08T09:30`` as a datetime), or the same written as a quoted
    string (:func:`iso_moment`); a date-time's date is the day as written, whatever its
    offset. With ``text``, also a string that starts with an ISO date (``"2026-01-08
    at 9"``, as a template may be given). Anything else is ``None``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        moment = iso_moment(value)
        if moment is not None:
            return moment.date() if isinstance(moment, dt.datetime) else moment
        if text:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                return None
    return None


@dataclass(frozen=True)
class Pair:
    """All language versions of one article, keyed by language."""

    key: Key
    """The pairing key."""
    versions: Mapping[str, Article]
    """The versions that exist, by language code."""
    unreadable: Mapping[str, str] = field(default_factory=dict)
    """Language code -> path of each version whose file exists but could not be read
    (an error says where); it has no :class:`Article` until it is fixed."""

    def get(self, lang: str) -> Article | None:
        return self.versions.get(lang)


class State(StrEnum):
    """Translation state of one language version of one article."""

    SOURCE = "source"
    UP_TO_DATE = "up_to_date"
    STALE = "stale"
    MISSING = "missing"
    UNTRACKED = "untracked"
    IN_PROGRESS = "in_progress"
    """Made by ``i18n new`` and still carrying ``TRANSLATE:`` markers."""
    UNKNOWN = "unknown"
    """Git history is too short (a shallow clone) or lacks a blob to tell."""
    UNREADABLE = "unreadable"
    """The translation's file exists but could not be read or parsed (an error names its
    line): not missing, and not to be translated again, but fixed."""


class BaselineKind(StrEnum):
    """Where a translation's baseline came from."""

    FRONTMATTER = "frontmatter"
    GIT = "git"
    NONE = "none"


@dataclass(frozen=True)
class Paragraph:
    """One reader-visible text block of an article, as fingerprinted."""

    index: int
    """1-based position among the article's paragraphs (fields first, then body blocks)."""
    label: str
    """``"title"``, ``"description"`` (a translatable field) or ``"body"``."""
    text: str
    """The normalised reader-visible text."""
    line: int
    """1-based line in the file (0 when unknown, e.g. text from git history)."""


@dataclass(frozen=True)
class ParagraphChange:
    """One changed paragraph (or translatable field) of a stale translation's source."""

    kind: str
    """``punctuation``, ``numbers``, ``added``, ``removed`` or ``edited``."""
    paragraph: int | None
    """Body paragraph of the source now (1-based); ``None`` when removed, or a field."""
    old_paragraph: int | None
    """Body paragraph of the source at the baseline; ``None`` when added, or a field."""
    field: str | None = None
    """The translatable field (``title``…) when the change is in one."""
    counterpart: bool | None = None
    """For a removed or edited paragraph: whether the translation has a paragraph
    aligned with it (``None``: not asked, or not known)."""

    @property
    def minor(self) -> bool:
        """Punctuation only, or source text removed that the translation never had."""
        return self.kind == "punctuation" or (self.kind == "removed" and self.counterpart is False)


@dataclass(frozen=True)
class VersionStatus:
    """The state of one language version, with the evidence for it."""

    lang: str
    """Language code."""
    state: State
    """The state."""
    path: str | None = None
    """The version's file, ``None`` when missing."""
    baseline: BaselineKind = BaselineKind.NONE
    """Where the baseline came from (translations only)."""
    baseline_commit: str | None = None
    """The commit the baseline refers to, when known."""
    changed_paragraphs: tuple[int, ...] | None = None
    """Source paragraphs (1-based) changed since the baseline; ``None`` if old text unknown."""
    changed_fields: tuple[str, ...] = ()
    """Translatable fields changed since the baseline (``title``…)."""
    removed_paragraphs: tuple[str, ...] = ()
    """Source paragraphs present at the baseline and gone now (their old text)."""
    diff: str | None = None
    """Unified diff of the source's visible text since the baseline, when known."""
    changes: tuple[ParagraphChange, ...] | None = None
    """What kind of change each changed source paragraph is, when the old text is known."""

    @property
    def minor(self) -> bool:
        """A stale version whose every change is minor (see :attr:`ParagraphChange.minor`)."""
        return bool(self.changes) and all(c.minor for c in self.changes or ())


@dataclass(frozen=True)
class ArticleStatus:
    """The translation status of one article across all languages."""

    key: Key
    """The pairing key."""
    source: str | None
    """The source language of the pair."""
    versions: Mapping[str, VersionStatus]
    """One entry per configured language, in configured order."""


@dataclass(frozen=True)
class SiteStatus:
    """The status of every article, and per-language counts."""

    articles: tuple[ArticleStatus, ...]
    """One entry per article, in key order."""
    languages: tuple[str, ...]
    """The languages shown (all configured ones, or the one asked for)."""
    notes: tuple[str, ...] = ()
    """One-line remarks on the whole result (a shallow git history, say)."""

    def summary(self) -> dict[str, dict[str, int]]:
        """``{lang: {state: count}}`` over translations (sources are not counted)."""
        counts = {
            lang: {s.value: 0 for s in State if s is not State.SOURCE} for lang in self.languages
        }
        for article in self.articles:
            for lang, version in article.versions.items():
                if version.state is not State.SOURCE and lang in counts:
                    counts[lang][version.state] += 1  # a StrEnum member is its string
        return counts

    def needs_work(self, *, major: bool = False) -> bool:
        """True when any version is missing, stale, in progress or unknown (what
        ``--check`` fails on); with ``major``, a stale version whose change is minor
        does not count (``--check=major``)."""
        return any(
            v.state in _NEEDS_WORK and not (major and v.state is State.STALE and v.minor)
            for a in self.articles
            for v in a.versions.values()
        )

    def has_collection(self, collection: str) -> bool:
        """Some article is in ``collection`` or in a folder below it."""
        wanted = collection.strip("/")
        return any(_in_collection(a.key.collection, wanted) for a in self.articles)

    def only(self, *, lang: str | None = None, collection: str | None = None) -> SiteStatus:
        """Keep one language and/or one collection (prefix match on the folder path).
        With one language, each article keeps its source's entry too (where the table
        and the JSON say what to translate from), but counts only that language."""
        articles = self.articles
        if collection is not None:
            wanted = collection.strip("/")
            articles = tuple(a for a in articles if _in_collection(a.key.collection, wanted))
        languages = self.languages
        if lang is not None:
            languages = (lang,)
            articles = tuple(
                ArticleStatus(
                    a.key,
                    a.source,
                    {
                        code: version
                        for code, version in a.versions.items()
                        if code == lang or code == a.source
                    },
                )
                for a in articles
            )
        return SiteStatus(articles, languages, self.notes)


def _in_collection(collection: str, wanted: str) -> bool:
    return collection == wanted or collection.startswith(wanted + "/")


_NEEDS_WORK = (State.MISSING, State.STALE, State.IN_PROGRESS, State.UNKNOWN, State.UNREADABLE)
