"""``i18n review``: the language versions of an article side by side, with what differs."""

from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path

import click

from sastra.cli.options import (
    EXIT_FOUND,
    content_failed,
    fail,
    load,
    no_articles,
    note,
    print_diagnostics,
    site_options,
)


@click.command()
@site_options
@click.argument("key", required=False)
@click.option("--all", "review_every", is_flag=True, help="Review every pair of the site.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1 when an error-level finding remains (with --strict: any warning too).",
)
@click.option(
    "--ignore",
    "ignore",
    multiple=True,
    metavar="CODE",
    help="Leave out findings with this code (repeatable, comma-separated, patterns: km-*).",
)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the side-by-side view of KEY as a standalone HTML page.",
)
def review(
    root: Path | None,
    strict: bool,
    key: str | None,
    review_every: bool,
    fmt: str,
    check: bool,
    ignore: tuple[str, ...],
    html_file: Path | None,
) -> None:
    """Compare the language versions of KEY (or of every pair with --all).

    KEY is the article's key (news/28-post) or the path of one of its files.

    Finds numbers, dates, names, images, links and shared fields that differ, text in
    the wrong language or left untranslated, duplicated titles, odd lengths, Khmer
    Unicode problems and changes to the source since the translation was synced.
    """
    from sastra.cli._progress import progress_line
    from sastra.cli.options import find_article
    from sastra.names import read_glossary
    from sastra.review import CODES, review_all
    from sastra.workspace import open_tracker

    if review_every == (key is not None):
        fail("give an article KEY or --all (not both)")
    if html_file is not None and key is None:
        fail("--html writes the page of one article: give its KEY")
    codes = tuple(c.strip() for item in ignore for c in item.split(",") if c.strip())
    for code in codes:
        if not any(fnmatch.fnmatchcase(known, code) for known in CODES):
            note(f"i18n: warning: --ignore {code}: no finding has this code")
    site = load(root, strict, quiet_warnings=fmt == "json")
    config = site.config
    only = None
    if key is not None:
        pair = find_article(site, key)
        if pair is None:
            fail(f"no article '{key}' (see `i18n status` for the keys)")
        for path in pair.unreadable.values():  # (its error is printed above)
            fail(f"{path} cannot be read; fix the error above, then review '{pair.key}'")
        only = [pair]
    glossary_path = config.glossary_path
    glossary, diags = read_glossary(glossary_path, config.rel(glossary_path))
    print_diagnostics(diags)
    with open_tracker(site) as tracker, progress_line() as progress:
        reviews = review_all(
            tracker, site.pairs, only=only, glossary=glossary, ignore=codes, progress=progress
        )
    if fmt == "json":
        from sastra.report.review import to_json

        doc = to_json(reviews, str(config.root))
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        from sastra.report.review import render_all, render_pair
        from sastra.report.terminal import SafeConsole

        console = SafeConsole(highlight=False)
        if key is not None:
            render_pair(reviews[0], console)
        else:
            render_all(reviews, console, root=str(config.root))
    if html_file is not None:
        from sastra.cache import atomic_write
        from sastra.report.review_html import review_html

        atomic_write(html_file, review_html(reviews[0]))
        note(f"i18n: wrote {html_file}")
    from sastra.model import Severity

    failing = any(
        f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)
        for r in reviews
        for f in r.findings
    )
    if not site.pairs:
        click.echo(f"i18n: {no_articles(config)}", err=True)
    if content_failed(site.diagnostics, strict) or (check and (failing or not site.pairs)):
        sys.exit(EXIT_FOUND)
