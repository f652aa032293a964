"""Open a site: configuration, content and pairs, loaded once for any command.

``open_site`` reads top to bottom as the first half of every pipeline:
config → discover & parse → pair. It raises only :class:`ConfigError`; problems
in content files are collected in ``Site.diagnostics``.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sastra.cache import BLOBS, BlobCache, keep_out_of_git
from sastra.config.load import find_root, load_config
from sastra.config.model import Config
from sastra.model import Article, Diagnostic, Key, Pair, Severity

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from sastra.tracking.history import GitHistory
    from sastra.tracking.status import Tracker

log = logging.getLogger(__name__)
T = TypeVar("T")

# The content, pairing and tracking stages are imported where they are used: a status
# that nothing changed since is shown again without paying for YAML and Markdown parsers.


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


def open_config(root: Path | None = None) -> Config:
    """The validated config of the site at ``root`` (default: nearest folder with a
    config, else the cwd). Raises :class:`ConfigError`."""
    return load_config(find_root(Path.cwd()) if root is None else root)


def open_site(
    root: Path | None = None, *, use_cache: bool = True, config: Config | None = None
) -> Site:
    """Load the site at ``root`` (default: nearest folder with a config, else the cwd)."""
    config = config if config is not None else open_config(root)
    return _load(config, _blob_cache(config) if use_cache else BlobCache(None))


def _blob_cache(config: Config) -> BlobCache:
    """The site's blob cache, its folder kept out of git (:func:`keep_out_of_git`)."""
    keep_out_of_git(config.cache_dir, config.root)
    return BlobCache(config.cache_dir / BLOBS.name)


def _load(config: Config, cache: BlobCache) -> Site:
    from sastra.content import load_site
    from sastra.pairing import pair_articles

    log.info(
        "site %s: %s layout, languages %s, content in %s",
        config.root, config.layout, ", ".join(config.languages), config.rel(config.content_dir),
    )  # fmt: skip
    content = load_site(config, cache)
    pairs, pair_diags = pair_articles(content.articles)
    if content.unreadable:
        # A translation with a typo in its frontmatter is to be fixed, not translated
        # again: its pair knows the file is there.
        broken: dict[Key, dict[str, str]] = {}
        for (key, lang), path in content.unreadable.items():
            broken.setdefault(key, {})[lang] = path
        pairs = tuple(
            replace(p, unreadable=broken[p.key]) if p.key in broken else p
            for p in pairs
            if not _source_unreadable(config, p, broken.get(p.key, {}))
        )
    log.info("read %d files into %d pairs", len(content.articles), len(pairs))
    return Site(config, content.articles, pairs, content.diagnostics + pair_diags, cache)


def _source_unreadable(config: Config, pair: Pair, broken: Mapping[str, str]) -> bool:
    """True when a file of ``pair`` that could not be read may be its source: the error
    names the file, and the other versions alone would make a translation pose as the
    source. The direction is a readable version's ``l10n.source``, else the configured
    source language (``auto``: any), else the first language, as the tracker decides it.
    ``broken``: language -> path of the pair's files that could not be read."""
    if not broken:
        return False
    for article in pair.versions.values():
        declared = article.l10n.source
        if declared and declared != article.lang:
            return declared in broken
    source = config.source_language_of(pair.key.collection)
    if source == "auto":  # decided by the history, which may name the unreadable file
        return True
    if source is not None:
        return source in broken
    present = set(broken) | set(pair.versions)
    return next((lang for lang in config.languages if lang in present), None) in broken


@contextmanager
def open_tracker(site: Site, where: tuple[Path, str] | None = None) -> Iterator[Tracker]:
    """``with open_tracker(site) as tracker:`` a :class:`Tracker`; on leaving, its git
    reader is closed and what it computed is saved in the site's cache."""
    tracker = tracker_for(site, where)
    try:
        yield tracker
    finally:
        _close(tracker, site.cache)


@contextmanager
def open_tracked_site(
    config: Config,
    where: tuple[Path, str] | None = None,
    before_reading: Callable[[], None] | None = None,
    *,
    save_in_background: bool = False,
) -> Iterator[tuple[Site, Tracker]]:
    """``with open_tracked_site(config) as (site, tracker):`` :func:`open_site` and
    :func:`open_tracker` in one, with ``git log`` walking the history on another core
    while the content is read (the two are most of a cold ``i18n status``).
    ``before_reading`` runs once git has started and before any content file is read.
    ``save_in_background``: the cache is written by a forked child while the caller
    goes on; the caller waits for it with :func:`sastra.parallel.wait_background`."""
    from sastra.tracking.history import GitHistory

    cache = _blob_cache(config)
    pending = (
        _git(config, lambda: GitHistory.start(config.root, config.content_roots, cache, where))
        if config.tracking.git
        else None
    )
    if before_reading is not None:
        before_reading()
    site = _load(config, cache)
    history = _git(config, pending.result) if pending is not None else None
    if history is None and pending is not None:
        _say_why_git_is_unusable(config.root)
    tracker = _tracker(config, history, cache)
    try:
        yield site, tracker
    finally:
        _close(tracker, cache, save_in_background)


def _close(tracker: Tracker, cache: BlobCache, in_background: bool = False) -> None:
    """Close a tracker's git reader and save what it computed (in a forked child when
    ``in_background``: see :func:`sastra.parallel.in_background`)."""
    from sastra import parallel

    if tracker.history is not None:
        tracker.history.close()
    if in_background:
        parallel.in_background(cache.save)
    else:
        cache.save()


def tracker_for(site: Site, where: tuple[Path, str] | None = None) -> Tracker:
    """A :class:`Tracker` with git history (when the site is in git and allows it).

    ``where`` is :func:`~sastra.tracking.history.locate`'s answer, when already asked.
    Prefer :func:`open_tracker`, which also closes it.
    """
    from sastra.tracking.history import GitHistory

    config = site.config
    history = None
    if config.tracking.git:
        history = _git(
            config, lambda: GitHistory.load(config.root, config.content_roots, site.cache, where)
        )
        if history is None:
            _say_why_git_is_unusable(config.root)
    return _tracker(config, history, site.cache)


def _git(config: Config, read: Callable[[], T]) -> T | None:
    """``read()`` (a step of reading the git history); ``None`` with one warning when git
    fails (a missing commit object, a corrupt pack): tracking goes on without history."""
    try:
        return read()
    except subprocess.CalledProcessError as exc:
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else ""
        first = err.strip().splitlines()[0] if err.strip() else f"exit status {exc.returncode}"
        log.warning("git history unreadable (%s); tracking without git history", first)
    except OSError as exc:
        log.warning("git history unreadable (%s); tracking without git history", exc)
    return None


def _say_why_git_is_unusable(root: Path) -> None:
    """The site is in a folder with ``.git`` but git gave no history: say why, once
    (git missing, a repository git refuses, a broken ``.git``) instead of leaving every
    translation ``untracked`` without a word."""
    if not any((folder / ".git").exists() for folder in (root, *root.parents)):
        return  # not in a repository: nothing to say
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        log.warning("git is not installed (not on PATH); tracking without git history")
        return
    if proc.returncode == 0:
        return  # a repository without commits: nothing is wrong
    lines = [line for line in proc.stderr.strip().splitlines() if line.strip()]
    reason = lines[0].removeprefix("fatal: ") if lines else f"exit status {proc.returncode}"
    log.warning("git cannot read this repository (%s); tracking without git history", reason)


def _counterparts(
    old: Sequence[tuple[int, frozenset[str]]], translation: Sequence[tuple[int, frozenset[str]]]
) -> tuple[bool, ...]:
    """:func:`sastra.review.align.counterparts`, imported when first needed: the review
    package takes a few tenths of a second to import, and a warm status (alignments
    cached by fingerprint) needs none."""
    from sastra.review.align import counterparts

    return counterparts(old, translation)


def _tracker(config: Config, history: GitHistory | None, cache: BlobCache) -> Tracker:
    from sastra.tracking.status import Tracker
    from sastra.tracking.synced import SyncedStore

    synced = SyncedStore(config.root / config.tracking.synced_dir)
    if history is None:
        log.info("no git history used (%s)", "off" if not config.tracking.git else "not in git")
    else:
        log.info("git history: %d commits reachable from HEAD", len(history.commits))
    return Tracker(config, history, cache, synced, _counterparts)
