"""``i18n build`` (the static site) and ``i18n catalog extract|update|compile`` (UI strings)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sastra.cli.options import (
    EXIT_FOUND,
    content_failed,
    fail,
    load,
    note,
    print_diagnostics,
    site_options,
)
from sastra.model import Diagnostic, Location, Severity

if TYPE_CHECKING:
    from sastra.config.model import Config


@click.command()
@site_options
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: output_dir of the config, _site).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Allow an output folder outside the site or holding files no build wrote, "
    "and a cache folder outside the site.",
)
@click.option(
    "--jobs", type=int, default=None, help="Processes rendering the pages (default: every core)."
)
@click.option(
    "--drafts",
    is_flag=True,
    help="Publish drafts (draft: true) and translations still in progress "
    "(TRANSLATE: markers from `i18n new`) too.",
)
def build(
    root: Path | None,
    strict: bool,
    out_dir: Path | None,
    force: bool,
    jobs: int | None,
    drafts: bool,
) -> None:
    """Build the bilingual static site; the previous site stays when anything fails."""
    from sastra.render.build import build as run_build
    from sastra.render.output import wait_for_removals

    started = time.perf_counter()
    # Content errors are reported once, by the build (which collects them with its own).
    site = load(root, strict, show_errors=False, force=force)
    config = site.config
    if strict and any(d.severity is not Severity.ERROR for d in site.diagnostics):
        fail("warnings are errors under --strict", EXIT_FOUND)
    try:  # a BuildError (every problem found) is printed by the command group
        result = run_build(site, out_dir=out_dir, force=force, jobs=jobs, drafts=drafts)
    except OSError as exc:  # a full disk, a read-only folder: one line, old site kept
        where = f" {config.rel(Path(exc.filename))}" if isinstance(exc.filename, str) else ""
        fail(
            f"could not write the site{where}: {exc.strerror}; "
            "the previous site was left as it was",
            EXIT_FOUND,
        )
    finally:
        site.cache.save()
        wait_for_removals()  # the replaced tree is gone before the command ends
    print_diagnostics(result.warnings)
    print_diagnostics(  # (a warning like the others: silent under -q)
        Diagnostic(
            Location(left.path, left.line),
            "not published: a translation in progress (TRANSLATE: markers from `i18n new`); "
            "`i18n build --drafts` publishes it",
            Severity.WARNING,
        )
        for left in result.withheld
        if left.reason == "in progress"
    )
    drafts_left = sum(1 for w in result.withheld if w.reason == "draft")
    if drafts_left:
        note(
            f"left out {drafts_left} draft{'s' * (drafts_left != 1)} (draft: true); "
            "--drafts builds them"
        )
    if not config.build.base_url:
        note(
            "no base_url in [site]: the sitemap and feeds use relative addresses "
            "(set base_url to the published address to make them absolute)"
        )
    elapsed = time.perf_counter() - started
    total = result.pages_written + result.pages_reused
    note(
        f"built {total} page{'s' * (total != 1)} "
        f"({result.pages_written} rendered, {result.pages_reused} unchanged) into"
        f" {config.rel(result.out_dir)}/ in {elapsed:.2f} s",
        err=False,
    )
    if strict and result.warnings:
        sys.exit(EXIT_FOUND)


@click.group()
def catalog() -> None:
    """UI strings of the theme: extract them, update the catalogs, compile them."""


@catalog.command()
@site_options
def extract(root: Path | None, strict: bool) -> None:
    """Extract the templates' UI strings into i18n/messages.pot."""
    from sastra.catalogs import extract as run_extract

    config = _config(root)
    path, count = run_extract(config)
    click.echo(f"{config.rel(path)}: {count} UI strings")


@catalog.command()
@site_options
def update(root: Path | None, strict: bool) -> None:
    """Merge messages.pot into each language's messages.po (creating missing ones)."""
    from sastra.catalogs import catalog_stats
    from sastra.catalogs import update as run_update

    config = _config(root)
    results = run_update(config)
    stats = catalog_stats(config)
    for lang, path, created in results:
        done, fuzzy, todo = stats[lang]
        verb = "created" if created else "updated"
        click.echo(
            f"{config.rel(path)}: {verb}; {done} translated, {fuzzy} fuzzy, {todo} untranslated"
        )


@catalog.command(name="compile")
@site_options
def compile_(root: Path | None, strict: bool) -> None:
    """Compile each messages.po into messages.mo (checks the catalogs on the way)."""
    from sastra.catalogs import compile_catalogs

    config = _config(root)
    written, diags = compile_catalogs(config)
    print_diagnostics(diags)
    for path in written:
        click.echo(f"{config.rel(path)}: written")
    if content_failed(diags, strict):
        sys.exit(EXIT_FOUND)


def _config(root: Path | None) -> Config:
    from sastra.config.load import find_root, load_config

    return load_config(find_root(Path.cwd()) if root is None else root)
