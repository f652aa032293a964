"""``i18n status``: which articles need a translator, and what changed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sastra.cli.options import EXIT_FOUND, content_failed, fail, no_articles, note, site_options

if TYPE_CHECKING:
    from sastra.catalogs import CatalogStats
    from sastra.config.model import Config
    from sastra.workspace import Site


@click.command()
@site_options
@click.option("--lang", "lang", default=None, help="Only this language.")
@click.option(
    "--collection", default=None, help="Only this collection (folder below the language)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "html"]),
    default="table",
    show_default=True,
    help="html: one self-contained page (progress, stale with diffs, missing) to publish.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the json or html document to this file (atomically) instead of stdout.",
)
@click.option(
    "--check",
    type=click.Choice(["all", "major"]),
    is_flag=False,
    flag_value="all",
    default=None,
    help="Exit 1 when anything is missing, stale, in progress or unknown; "
    "--check=major does not count a stale translation whose change is minor.",
)
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
    output: Path | None,
    check: str | None,
    show_diff: bool,
    words: bool,
) -> None:
    """Translation status of every article: up to date, stale, missing, untracked."""
    from sastra.cli._progress import progress_line
    from sastra.cli.options import load_config_or_exit, print_content_diagnostics
    from sastra.parallel import wait_background
    from sastra.tracking.gitio import locate
    from sastra.tracking.remembered import StatusMemory
    from sastra.workspace import open_tracked_site

    config = load_config_or_exit(root, strict)
    if output is not None and fmt == "table":
        fail("-o/--output writes a document: use it with --format json or html")
    show_diff = show_diff or fmt == "html"  # the page shows each stale source's diff
    if lang is not None and lang not in config.languages:
        fail(f"unknown language '{lang}' (languages: {', '.join(config.languages)})")
    where = locate(config.root) if config.tracking.git else None
    # Nothing changed since the last status (same files, HEAD, config): show it again.
    memory = StatusMemory(config, where)
    remembered = memory.recall() if not (show_diff or words) else None
    site: Site | None = None
    if remembered is not None:
        result, diagnostics = remembered.status, remembered.diagnostics
    else:
        # The cache and the memo are written by forked children while this process
        # prints (saving them is a visible part of a cold status); the command ends once
        # they have.
        opened = open_tracked_site(
            config, where, before_reading=memory.take_signature, save_in_background=True
        )
        with opened as (site, tracker), progress_line() as progress:
            # The parsers, imported only when reading, and once ``git log`` has started.
            from sastra.tracking.site import site_status

            # After an edit, or commits since, the pairs whose files did not change are
            # shown as remembered.
            unchanged = memory.reusable(site.pairs, tracker.history) if not show_diff else {}
            result = site_status(
                tracker, site.pairs, diff=show_diff, progress=progress, known=unchanged
            )
        diagnostics = site.diagnostics
        if not show_diff:
            memory.remember(result, diagnostics, site.pairs, tracker.history)
    try:
        print_content_diagnostics(diagnostics, quiet_warnings=fmt == "json")
        for line in result.notes:
            click.echo(f"warning: {line}", err=True)
        empty = not result.articles
        if empty:
            click.echo(f"i18n: {no_articles(config)}", err=True)
        if collection is not None and not empty and not result.has_collection(collection):
            known = sorted({a.key.collection for a in result.articles if a.key.collection})
            fail(f"unknown collection '{collection}' (collections: {', '.join(known)})")
        result = result.only(lang=lang, collection=collection)
        word_counts = None
        if words and site is not None:
            from sastra.tracking.site import source_words

            with progress_line() as progress:
                word_counts = source_words(site.config, site.pairs, result, progress=progress)
        ui = _ui_strings(config, lang)
        if fmt == "json":
            from sastra.report.status import to_json

            doc = to_json(result, str(config.root), word_counts)
            if ui:
                doc["ui_strings"] = {
                    code: {"translated": t, "fuzzy": f, "untranslated": u}
                    for code, (t, f, u) in ui.items()
                }
            # Indented for a person at a terminal; compact (and fast) for a pipe.
            indent = 2 if sys.stdout.isatty() and output is None else None
            _emit(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n", output)
        elif fmt == "html":
            from sastra.report.status_html import status_html

            _emit(status_html(result, root=str(config.root)), output)  # the font embedded
        else:
            from sastra.report.status import render_table
            from sastra.report.terminal import SafeConsole

            render_table(
                result,
                SafeConsole(highlight=False),
                root=str(config.root),
                show_diff=show_diff,
                words=word_counts,
                extra=[
                    f"{code} UI strings: {t} translated · {f} fuzzy · {u} untranslated"
                    for code, (t, f, u) in ui.items()
                ],
            )
        if content_failed(diagnostics, strict) or (
            check is not None and (empty or result.needs_work(major=check == "major"))
        ):
            sys.exit(EXIT_FOUND)
    finally:
        wait_background()  # the cache and the memo are written


def _emit(text: str, output: Path | None) -> None:
    """The document on stdout, or into ``output`` through a temp file and a rename."""
    if output is None:
        click.echo(text, nl=False)
        return
    from sastra.cache import atomic_write

    atomic_write(output, text)
    note(f"i18n: wrote {output}")


def _ui_strings(config: Config, lang: str | None) -> dict[str, CatalogStats]:
    """Template UI strings per language, from the gettext catalogs (none: no catalogs)."""
    folder = config.i18n_dir
    if not any(folder.glob("*/LC_MESSAGES/messages.po")):
        return {}
    from sastra.catalogs import catalog_stats

    stats = catalog_stats(config)
    return {code: v for code, v in stats.items() if lang is None or code == lang}
