"""Open a site: configuration, content and pairs, loaded once for any command.

``open_site`` reads top to bottom as the first half of every pipeline:
config → discover & parse → pair. It raises only :class:`ConfigError`; problems
in content files are collected in ``Site.diagnostics``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sastra.cache import BlobCache
from sastra.config import Config, find_root, load_config
from sastra.content import load_site
from sastra.model import Article, Diagnostic, Pair, Severity
from sastra.pairing import pair_articles
from sastra.tracking.history import GitHistory
from sastra.tracking.status import Tracker
from sastra.tracking.synced import SyncedStore


@dataclass(frozen=True)
class Site:
    """A loaded site."""

    config: Config
    articles: tuple[Article, ...]
    pairs: tuple[Pair, ...]
    diagnostics: tuple[Diagnostic, ...]
    cache: BlobCache

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def open_site(root: Path | None = None, *, use_cache: bool = True) -> Site:
    """Load the site at ``root`` (default: nearest folder with a config, else the cwd)."""
    config = load_config(find_root(root or Path.cwd()) if root is None else root)
    cache = BlobCache(config.cache_dir / "blobs.pickle" if use_cache else None)
    content = load_site(config, cache)
    pairs, pair_diags = pair_articles(content.articles)
    return Site(config, content.articles, pairs, content.diagnostics + pair_diags, cache)


def tracker_for(site: Site) -> Tracker:
    """A :class:`Tracker` with git history (when the site is in git and allows it)."""
    config = site.config
    history = None
    if config.tracking.git:
        history = GitHistory.load(config.root, config.content_dir, site.cache)
    synced = SyncedStore(config.root / config.tracking.synced_dir)
    return Tracker(config, history, site.cache, synced)
