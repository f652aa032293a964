"""The validated configuration of a site: frozen dataclasses, no I/O.

:func:`sastra.config.load.load_config` builds a :class:`Config`; every stage reads it.
See ``docs/config.md`` for every key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sastra.config.site import CollectionDisplay, SiteConfig
from sastra.layouts import ContentPattern
from sastra.model import Diagnostic

GLOSSARY_FILE = "names.yaml"
"""File name of the names glossary inside ``i18n_dir``."""
DEFAULT_TRANSLATABLE = ("title", "description")
DEFAULT_SHARED = ("date", "image", "tags")


@dataclass(frozen=True)
class CollectionConfig:
    """Per-collection settings (a collection is a folder below the language folder)."""

    name: str
    """Collection name (``""`` for the language folder's root)."""
    source_language: str | None = None
    """Language translations are made from; ``None`` means the site-wide setting."""
    required: tuple[str, ...] = ()
    """Frontmatter fields every article must have (dotted paths)."""
    translatable: tuple[str, ...] = DEFAULT_TRANSLATABLE
    """Fields whose text is translated and fingerprinted (dotted paths, ``[]`` for lists)."""
    shared: tuple[str, ...] = DEFAULT_SHARED
    """Frontmatter fields that must be equal in every language (compared by review)."""
    display: CollectionDisplay = field(default_factory=CollectionDisplay)
    """Index title per language, data fields shown on entry pages (``title``, ``fields``)."""


DEFAULT_ASSET_TYPES = (
    *("jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff"),
    *("pdf", "txt", "csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp"),
    *("mp3", "m4a", "ogg", "oga", "wav", "mp4", "m4v", "webm", "ogv", "vtt"),
    *("woff", "woff2", "ttf", "otf"),
)
"""File types the build copies into the site unless ``build.asset_types`` says otherwise."""


@dataclass(frozen=True)
class BuildConfig:
    """Settings of ``i18n build``."""

    page_size: int = 10
    """Articles per index page."""
    allow_html: bool = False
    """Pass raw HTML in Markdown through (escaped when false)."""
    line_breaks: bool = False
    """Insert Khmer line-break hints (U+200B between words) in rendered text."""
    lunar_dates: bool = False
    """Show the Khmer lunar date line under the date on Khmer pages."""
    untranslated: str = "link-index"
    """Missing counterpart: ``link-index`` (switcher to the index) or ``render-source``."""
    stale_notice: bool = True
    """Show "the original was updated on …" on stale translations."""
    base_url: str = ""
    """Absolute URL of the site (for sitemap, feeds, canonical links); relative when empty."""
    asset_types: tuple[str, ...] = DEFAULT_ASSET_TYPES
    """File extensions (lower case, no dot) an article may link or show and the build copies."""


@dataclass(frozen=True)
class TrackingConfig:
    """Settings of translation tracking (``i18n status``, ``mark``)."""

    git: bool = True
    """Use git history for baselines (and to find old source text) when the site is in git."""
    synced_dir: str = ".sastra-cache/synced"
    """Where ``mark``/``new`` keep the source text they synced with (for diffs without git)."""


@dataclass(frozen=True)
class Config:
    """The validated configuration of one site. Paths are absolute."""

    root: Path
    """The site root."""
    config_path: Path | None
    """The file the configuration came from, ``None`` for defaults."""
    layout: str
    """``default``, ``astro``, ``hugo``, ``docusaurus``, ``mkdocs``, or ``custom``
    (``[[content]]`` patterns without a named layout)."""
    layout_detected: bool
    """True when the layout was detected rather than configured."""
    languages: tuple[str, ...]
    """Language codes, the default language first."""
    source_language: str | None
    """Site-wide source language: a code, ``"auto"`` (from git history) or ``None``."""
    content_dir: Path
    """Folder holding the content."""
    templates_dir: Path
    """Jinja2 theme of the site."""
    i18n_dir: Path
    """Message catalogs and the names glossary."""
    output_dir: Path
    """Where ``i18n build`` writes."""
    cache_dir: Path
    """Fingerprint, segmentation and build caches."""
    patterns: tuple[ContentPattern, ...] = ()
    """Content path patterns, tried in order (empty for the ``default`` and ``astro``
    layouts, which have their own walk)."""
    content_roots: tuple[Path, ...] = ()
    """Folders holding content: ``(content_dir,)``, or the fixed folders of the patterns."""
    detected: str = ""
    """One line naming the generator the layout was detected from (empty otherwise)."""
    static_dirs: tuple[tuple[Path, str], ...] = ()
    """The generator's static folders, copied as they are into the site: ``(folder, output
    path below the site root)`` (Hugo's ``static/`` → ``_site/``); the first that holds
    a file wins. Empty unless the layout is a generator's that has them."""
    defaults: CollectionConfig = CollectionConfig("")
    """Settings for collections that have no section of their own."""
    collections: Mapping[str, CollectionConfig] = field(default_factory=dict)
    """Collections with their own section."""
    build: BuildConfig = BuildConfig()
    """Build settings."""
    tracking: TrackingConfig = TrackingConfig()
    """Tracking settings."""
    site: SiteConfig = field(default_factory=SiteConfig)
    """``[site]``: title per language, base URL (also in ``build.base_url``)."""
    warnings: tuple[Diagnostic, ...] = ()
    """Unknown keys and other non-fatal problems (fatal under ``--strict``)."""
    _collections_seen: dict[str, CollectionConfig] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if not self.content_roots:  # a Config made in code: its content folder
            object.__setattr__(self, "content_roots", (self.content_dir,))

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def settings(self) -> str:
        """Every setting, as text, with the site root written ``<root>``: what the
        remembered status is keyed by. Where the site is on disk changes no status (a CI
        job restores the cache into a fresh clone, often in a folder of its own; a team
        member moves the project). (The build's cache is kept per output folder.)"""
        root = str(self.root)
        return repr(self).replace(f"'{root}/", "'<root>/").replace(f"'{root}'", "'<root>'")

    @property
    def glossary_path(self) -> Path:
        """The names glossary: ``names.yaml`` in :attr:`i18n_dir`."""
        return self.i18n_dir / GLOSSARY_FILE

    def collection(self, name: str) -> CollectionConfig:
        """Settings of a collection: its own section, else the defaults."""
        found = self._collections_seen.get(name)
        if found is None:
            found = self._collection(name)
            self._collections_seen[name] = found  # a memo: the config itself never changes
        return found

    def _collection(self, name: str) -> CollectionConfig:
        own = self.collections.get(name)
        if own is not None:
            return own
        top = name.split("/", 1)[0]
        if top in self.collections:
            return self.collections[top]
        return CollectionConfig(
            name,
            self.defaults.source_language,
            self.defaults.required,
            self.defaults.translatable,
            self.defaults.shared,
            self.defaults.display,
        )

    def source_language_of(self, collection: str) -> str | None:
        """Configured source language of a collection (may be ``"auto"`` or ``None``)."""
        return self.collection(collection).source_language or self.source_language

    def rel(self, path: Path) -> str:
        """A path as shown to users: relative to the root when inside it."""
        try:
            return path.relative_to(self.root).as_posix()  # paths we build start at the root
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
