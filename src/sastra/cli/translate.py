"""``i18n new`` and ``i18n mark``: start a translation; record "synced with this source"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from sastra.cli.options import EXIT_FOUND, fail, load, site_options
from sastra.model import Article, Pair, State
from sastra.workspace import Site

if TYPE_CHECKING:
    from sastra.tracking.status import Tracker


def _pair_or_fail(site: Site, key: str) -> Pair:
    from sastra.cli.options import find_article

    pair = find_article(site, key)
    if pair is None:
        fail(f"no article '{key}' ({_key_hint(site, key)})")
    return pair


def _frontmatter_mark(path: Path) -> str:
    """``+++`` when the file's frontmatter is TOML (a Hugo site's), else ``---``."""
    from sastra.content.frontmatter import opening_mark

    with path.open("rb") as file:
        start = file.read(8).decode("utf-8", "replace").lstrip("\ufeff")  # (a BOM is 3 bytes)
    return "+++" if opening_mark(start + "\n") == "+++" else "---"


def _key_hint(site: Site, key: str) -> str:
    """The site's key closest to ``key``, else an example of its keys."""
    import difflib

    keys = [str(pair.key) for pair in site.pairs]
    if not keys:
        return "the site has no articles yet"
    close = difflib.get_close_matches(key.strip().strip("/"), keys, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"keys look like '{keys[0]}'; see `i18n status`"


def _lang_or_fail(site: Site, lang: str) -> None:
    if lang not in site.config.languages:
        fail(f"unknown language '{lang}' (languages: {', '.join(site.config.languages)})")


def target_path(site: Site, source: Article, lang: str) -> Path:
    """Where the ``lang`` version of ``source`` lives in the site's layout."""
    from sastra.pairing import counterpart_file

    rel = counterpart_file(site.config, source, lang)
    if rel is None:
        fail(f"no [[content]] pattern places a '{lang}' version of {source.path}")
    return site.config.root / rel


@click.command()
@site_options
@click.argument("lang")
@click.argument("key")
def new(root: Path | None, strict: bool, lang: str, key: str) -> None:
    """Start the LANG translation of article KEY from its source.

    KEY is the article's key (news/28-post) or the path of one of its files.

    Shared fields are copied; translatable text is kept behind a TRANSLATE: marker
    for the translator; l10n.source and l10n.source_hash are recorded.
    """
    from sastra.cache import atomic_write
    from sastra.model import is_mdx
    from sastra.tracking.edit import scaffold
    from sastra.workspace import open_tracker

    site = load(root, strict, quiet_warnings=True)
    _lang_or_fail(site, lang)
    pair = _pair_or_fail(site, key)
    with open_tracker(site) as tracker:
        source_lang = tracker.source_language(pair)
        source = pair.versions[source_lang]
        if lang in pair.versions:
            fail(f"{pair.versions[lang].path} already exists; not overwritten", EXIT_FOUND)
        text = tracker.text(source)
        path = target_path(site, source, lang)
        if path.exists():
            fail(f"{site.config.rel(path)} already exists; not overwritten", EXIT_FOUND)
        content = scaffold(
            source.meta,
            source.body,
            source_lang=source_lang,
            source_hash=text.fingerprint,
            source_commit=_source_commit(tracker, source),
            translatable=site.config.collection(source.key.collection).translatable,
            target_lang=lang,
            key=str(pair.key),
            mdx=is_mdx(str(path)),
            mark=_frontmatter_mark(site.config.root / source.path),
        )
        atomic_write(path, content)
        if tracker.synced is not None:
            tracker.synced.put(text)
        click.echo(f"created {site.config.rel(path)} from {source.path} ({source_lang} → {lang})")


@click.command()
@site_options
@click.argument("lang", required=False)
@click.argument("key", required=False)
@click.option("--all", "mark_all", is_flag=True, help="Mark every stale or untracked translation.")
def mark(
    root: Path | None, strict: bool, lang: str | None, key: str | None, mark_all: bool
) -> None:
    """Record that the LANG translation of KEY is synced with its source as it is now.

    KEY is the article's key (news/28-post) or the path of one of its files.

    Writes l10n.source, l10n.source_hash (and l10n.source_commit in git) into the
    translation's frontmatter; every other byte of the file stays as it was.
    """
    from sastra.tracking.site import site_status
    from sastra.workspace import open_tracker

    if mark_all == bool(key):
        fail("give LANG KEY, or --all (optionally with LANG)")
    site = load(root, strict, quiet_warnings=True)
    if lang is not None:
        _lang_or_fail(site, lang)
    pairs = site.pairs if mark_all else (_pair_or_fail(site, str(key)),)
    marked = 0
    with open_tracker(site) as tracker:
        for pair, status in zip(pairs, site_status(tracker, pairs).articles, strict=True):
            for version_lang, version in status.versions.items():
                if lang is not None and version_lang != lang:
                    continue
                if mark_all:
                    if version.state not in (State.STALE, State.UNTRACKED):
                        continue
                elif version.state is State.SOURCE:
                    fail(f"{version.path} is the source of '{pair.key}'; mark its translations")
                elif version.state is State.MISSING:
                    fail(f"'{pair.key}' has no {version_lang} version; start one with `i18n new`")
                elif version.state is State.UNREADABLE:
                    fail(f"{version.path} cannot be read; fix the error above, then mark it")
                assert status.source is not None
                click.echo(_mark_one(site, tracker, pair, status.source, version_lang))
                marked += 1
    if marked == 0:
        click.echo("nothing to mark" + ("" if mark_all else f" for '{key}'"))


def _mark_one(site: Site, tracker: Tracker, pair: Pair, source_lang: str, lang: str) -> str:
    """Record the source's current fingerprint in one translation; the line to print."""
    from sastra.cache import atomic_write
    from sastra.tracking.edit import set_l10n

    source = pair.versions[source_lang]
    article = pair.versions[lang]
    text = tracker.text(source)
    path = site.config.root / article.path
    raw = path.read_bytes().decode("utf-8")
    updated = set_l10n(
        raw,
        {
            "source": source_lang,
            "source_hash": text.fingerprint,
            "source_commit": _source_commit(tracker, source),
        },
        path=article.path,
    )
    if updated != raw:
        atomic_write(path, updated.encode("utf-8"))
    if tracker.synced is not None:
        tracker.synced.put(text)
    return f"marked {article.path} as synced with {source.path} ({text.fingerprint})"


def _source_commit(tracker: Tracker, source: Article) -> str | None:
    """The commit holding the source exactly as it is on disk, when in git."""
    history = tracker.history
    if history is None:
        return None
    at_head = history.at_head(source.path)
    if at_head is not None and at_head.blob == source.blob:
        return at_head.commit[:12]
    return None
