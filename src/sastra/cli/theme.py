"""``i18n theme copy``: the shipped default theme and catalogs, copied into the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sastra.cli.options import EXIT_USAGE, load_config_or_exit, site_options


@click.group()
def theme() -> None:
    """The default theme shipped with Sastra."""


@theme.command(name="copy")
@site_options
@click.option("--force", is_flag=True, help="Overwrite files of the site that differ.")
def copy_theme(root: Path | None, strict: bool, force: bool) -> None:
    """Copy the default theme into templates/ and its catalogs into i18n/, for customising.

    The site's copies then win over the shipped ones (a template file by file, a catalog
    string by string). Files that already exist and differ are left alone without --force.
    """
    from sastra.cache import atomic_write
    from sastra.theme import CATALOGS, TEMPLATES, theme_files

    config = load_config_or_exit(root, strict, need_site=False)
    plan: list[tuple[Path, Path]] = [
        (source, config.templates_dir / name) for name, source in theme_files(TEMPLATES).items()
    ]
    for lang in config.languages:
        name = f"{lang}/LC_MESSAGES/messages.po"
        if (CATALOGS / name).is_file():
            plan.append((CATALOGS / name, config.i18n_dir / name))
    plan.append((CATALOGS / "messages.pot", config.i18n_dir / "messages.pot"))
    clashes = [
        target
        for source, target in plan
        if target.exists() and target.read_bytes() != source.read_bytes()
    ]
    if clashes and not force:
        for target in clashes:
            click.echo(f"{config.rel(target)}: exists and differs from the default theme", err=True)
        click.echo(
            f"i18n: error: {len(clashes)} file{'s' * (len(clashes) != 1)} of the site would be "
            "overwritten; nothing was copied (--force overwrites them)",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    copied = 0
    for source, target in plan:
        data = source.read_bytes()
        if target.exists() and target.read_bytes() == data:
            continue
        atomic_write(target, data)
        copied += 1
        click.echo(f"{config.rel(target)}: copied")
    click.echo(
        f"copied {copied} file{'s' * (copied != 1)} of the default theme"
        + (" (the rest were already there)" if copied < len(plan) else "")
    )
