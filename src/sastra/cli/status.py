"""``i18n status``: which articles need a translator, and what changed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sastra.cli._common import EXIT_FOUND, content_failed, fail, load, site_options

if TYPE_CHECKING:
    from sastra.tracking.status import SiteStatus
    from sastra.workspace import Site


@click.command()
@site_options
@click.option("--lang", "lang", default=None, help="Only this language.")
@click.option(
    "--collection", default=None, help="Only this collection (folder below the language)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--check", is_flag=True, help="Exit 1 when anything is missing or stale.")
@click.option(
    "--diff", "show_diff", is_flag=True, help="Show the source diff since each stale baseline."
)
@click.option(
    "--words", is_flag=True, help="Count the source words to translate (loads the segmenter)."
)
def status(
    root: Path | None,
    strict: bool,
    lang: str | None,
    collection: str | None,
    fmt: str,
    check: bool,
    show_diff: bool,
    words: bool,
) -> None:
    """Translation status of every article: up to date, stale, missing, untracked."""
    from sastra.tracking.status import filter_status, site_status
    from sastra.workspace import tracker_for

    site = load(root, strict, quiet_warnings=fmt == "json")
    config = site.config
    if lang is not None and lang not in config.languages:
        fail(f"unknown language '{lang}' (languages: {', '.join(config.languages)})")
    tracker = tracker_for(site)
    try:
        result = site_status(tracker, site.pairs, diff=show_diff)
    finally:
        if tracker.history is not None:
            tracker.history.close()
    site.cache.save()
    result = filter_status(result, lang=lang, collection=collection)
    word_counts = _word_counts(site, result) if words else None
    ui = _ui_strings(site, lang)
    if fmt == "json":
        from sastra.report.status import to_json

        doc = to_json(result, str(config.root), word_counts)
        if ui:
            doc["ui_strings"] = {
                code: {"translated": t, "fuzzy": f, "untranslated": u}
                for code, (t, f, u) in ui.items()
            }
        # Indented for a person at a terminal; compact (and fast) for a pipe.
        indent = 2 if sys.stdout.isatty() else None
        click.echo(json.dumps(doc, ensure_ascii=False, indent=indent))
    else:
        from rich.console import Console

        from sastra.report.status import render_table

        render_table(
            result,
            Console(highlight=False),
            root=str(config.root),
            show_diff=show_diff,
            words=word_counts,
            extra=[
                f"{code} UI strings: {t} translated · {f} fuzzy · {u} untranslated"
                for code, (t, f, u) in ui.items()
            ],
        )
    if content_failed(site, strict) or (check and result.needs_work()):
        sys.exit(EXIT_FOUND)


def _ui_strings(site: Site, lang: str | None) -> dict[str, tuple[int, int, int]]:
    """Template UI strings per language, from the gettext catalogs (none: no catalogs)."""
    folder = site.config.i18n_dir
    if not any(folder.glob("*/LC_MESSAGES/messages.po")):
        return {}
    from sastra.catalogs import catalog_stats

    stats = catalog_stats(site.config)
    return {code: v for code, v in stats.items() if lang is None or code == lang}


def _word_counts(site: Site, result: SiteStatus) -> dict[str, int]:
    """Words of each article's source (reader-visible text): the translation effort."""
    from sastra.khmer.segment import SegmentCache, count_words
    from sastra.tracking.fingerprint import article_text

    cache = SegmentCache(site.config.cache_dir)
    counts: dict[str, int] = {}
    pairs = {pair.key: pair for pair in site.pairs}
    for article in result.articles:
        pair = pairs[article.key]
        if article.source is None or article.source not in pair.versions:
            continue
        source = pair.versions[article.source]
        translatable = site.config.collection(article.key.collection).translatable
        text = article_text(source, translatable)
        paragraphs = [p.text for p in (*text.fields, *text.body)]
        counts[str(article.key)] = sum(count_words(p, source.lang, cache=cache) for p in paragraphs)
    return counts
