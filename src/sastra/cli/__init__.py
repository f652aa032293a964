"""The ``i18n`` command: a thin click adapter around the pipeline stages.

Each sub-command lives in its own module and is imported only when it runs, so
``i18n status`` never pays for Jinja2, khmer-nltk or the web server. Exit codes:
0 success, 1 ``--check`` found something (or a build/review failed), 2 usage or
configuration error.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys

import click

from sastra import __version__

#: command name -> "module:attribute"; modules are imported lazily.
COMMANDS: dict[str, str] = {
    "status": "sastra.cli.status:status",
    "build": "sastra.cli.build:build",
    "catalog": "sastra.cli.build:catalog",
    "new": "sastra.cli.translate:new",
    "mark": "sastra.cli.translate:mark",
    "names": "sastra.cli.names:names",
    "date": "sastra.cli.date:date",
    "review": "sastra.cli.review:review",
    "serve": "sastra.cli.serve:serve",
    "theme": "sastra.cli.theme:theme",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="i18n")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Sastra: Khmer/English publishing toolkit."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    """Console entry point. A file-system failure (disk full, no permission) is one line."""
    # A run builds a large heap of long-lived, acyclic values (articles, frontmatter,
    # fingerprints) that the default thresholds (700, 10, 10) scan over and over: about
    # 0.5 s of a cold status of 20,000 files. Fewer, larger young collections cost the
    # same memory here (no cycles to free) and none of that time.
    gc.set_threshold(10_000, 10, 10)
    try:
        cli(prog_name="i18n")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"i18n: error: {where}{exc.strerror or exc}", err=True)
        raise SystemExit(1) from None
    except SystemExit as done:
        _exit(done.code)


def _exit(code: object) -> None:
    """Leave without tearing down the heap object by object (a third of a second after a
    status of 20,000 files). Caches are saved, pools and git processes closed by then;
    only the standard streams need flushing."""
    import os

    status = code if isinstance(code, int) else (0 if code is None else 1)
    if code is not None and not isinstance(code, int):
        click.echo(code, err=True)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said
        status = status or 1
    os._exit(status)
