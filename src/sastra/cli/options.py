"""What every sub-command shares: ``--root``/``--strict``, loading, printing diagnostics."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from sastra.config.model import Config
from sastra.model import Diagnostic, Location, Pair, Severity
from sastra.workspace import Site, open_config, open_site

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def site_options(func: F) -> F:
    """Add ``--root`` and ``--strict`` to a command."""
    func = click.option(
        "--strict",
        is_flag=True,
        help="Treat warnings (unknown config keys, odd file names) as errors.",
    )(func)
    func = click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Site folder (default: the nearest folder with a sastra.toml, else the current one).",
    )(func)
    return func


QUIET = {"on": False}
"""``-q``: notes and warnings are not printed (set by the option on every command)."""


def note(message: str, *, err: bool = True) -> None:
    """A line about what a command did (not its result): on stderr, or on stdout for the
    one-line summary of a command that has no other output; silent under ``-q``."""
    if not QUIET["on"]:
        click.echo(message, err=err)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One error line on stderr, then exit."""
    click.echo(f"i18n: error: {message}", err=True)
    sys.exit(code)


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    """Each diagnostic on its own line on stderr: ``path:line: message`` (errors only
    under ``-q``)."""
    for diag in diagnostics:
        if diag.severity is Severity.ERROR or not QUIET["on"]:
            click.echo(str(diag), err=True)


def load_config_or_exit(
    root: Path | None, strict: bool, *, force: bool = False, need_site: bool = True
) -> Config:
    """The site's config, its warnings printed; exit 2 on any configuration problem
    (:class:`~sastra.errors.ConfigError`; a cache or synced folder outside the site is
    one, unless ``force``), 1 when
    ``need_site`` and the folder is no site at all."""
    config = open_config(root)  # a ConfigError is printed by the command group
    if need_site and not is_site(config):
        fail(
            f"no site here: no sastra.toml and no content folder in {config.root} "
            "(run `i18n init`)",
            EXIT_FOUND,
        )
    outside = [] if force else outside_folders(config)
    if outside:
        print_diagnostics(outside)
        sys.exit(EXIT_USAGE)
    print_diagnostics(config.warnings)
    if strict and config.warnings:
        fail("configuration warnings are errors under --strict")
    if config.layout_detected and config.layout == "astro":
        note("i18n: detected an Astro site: src/content/<collection>/<lang>/<slug>.md")
    elif config.detected:
        note(f"i18n: detected a {config.detected}")
    return config


def is_site(config: Config) -> bool:
    """A folder is a site when it has a config, a site generator's layout, or content."""
    if config.config_path is not None or config.detected:
        return True
    return any(folder.is_dir() for folder in config.content_roots)


def outside_folders(config: Config) -> list[Diagnostic]:
    """The cache and synced folders must lie inside the site (a cache is written and its
    files trusted; a config from elsewhere must not point them at another folder)."""
    root = config.root.resolve()
    where = Location(config.rel(config.config_path) if config.config_path else ".")
    found = []
    for key, folder in (
        ("cache_dir", config.cache_dir),
        ("tracking.synced_dir", config.root / config.tracking.synced_dir),
    ):
        real = folder.resolve()
        if real != root and root not in real.parents:
            message = f"{key} '{folder}' lies outside the site; refusing (--force allows it)"
            found.append(Diagnostic(where, message))
    return found


def print_content_diagnostics(
    diagnostics: Iterable[Diagnostic], *, quiet_warnings: bool = False, show_errors: bool = True
) -> None:
    """Content problems: errors unless ``show_errors`` is false (for commands that report
    them with their own), warnings unless ``quiet_warnings``."""
    print_diagnostics(
        d
        for d in diagnostics
        if (show_errors if d.severity is Severity.ERROR else not quiet_warnings)
    )


def load(
    root: Path | None,
    strict: bool,
    *,
    quiet_warnings: bool = False,
    show_errors: bool = True,
    force: bool = False,
) -> Site:
    """Open the site (config, content, pairs) or exit 2 on a configuration problem."""
    config = load_config_or_exit(root, strict, force=force)
    site = open_site(config=config)
    print_content_diagnostics(
        site.diagnostics, quiet_warnings=quiet_warnings, show_errors=show_errors
    )
    return site


def content_failed(diagnostics: Iterable[Diagnostic], strict: bool) -> bool:
    """True when these problems must make the command exit non-zero: any error, or
    anything at all under ``--strict``."""
    found = tuple(diagnostics)
    return any(d.severity is Severity.ERROR for d in found) or (strict and bool(found))


def no_articles(config: Config) -> str:
    """The line that says a site has no article at all (a wrong ``--root``, say)."""
    folder = config.rel(config.content_dir)
    return f"no articles found in {folder}/ (languages: {', '.join(config.languages)})"


def find_article(site: Site, given: str) -> Pair | None:
    """The pair ``given`` names: a key (``news/28-post``), or the path of one of its files
    as a shell completes it (``content/km/news/28-post.md``, from the current folder)."""
    from sastra.pairing import find_pair, find_pair_by_path

    pair = find_pair(site.pairs, given)
    if pair is not None:
        return pair
    path = Path(given)
    if not path.is_file():
        return None
    try:
        rel = path.resolve().relative_to(site.config.root.resolve())
    except ValueError:  # a file outside the site
        return None
    return find_pair_by_path(site.pairs, rel.as_posix())
