"""The ``i18n`` command: a thin click adapter around the pipeline stages.

Each sub-command lives in its own module and is imported only when it runs, so
``i18n status`` never pays for Jinja2, khmer-nltk or the web server. Exit codes:
0 success, 1 ``--check`` found something (or a build/review failed), 2 usage or
configuration error.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import TYPE_CHECKING

import click

from sastra import __version__

if TYPE_CHECKING:
    from sastra.errors import SastraError

#: command name -> "module:attribute"; modules are imported lazily.
COMMANDS: dict[str, str] = {
    "status": "sastra.cli.status:status",
    "build": "sastra.cli.build:build",
    "catalog": "sastra.cli.build:catalog",
    "new": "sastra.cli.translate:new",
    "mark": "sastra.cli.translate:mark",
    "names": "sastra.cli.names:names",
    "date": "sastra.cli.date:date",
    "init": "sastra.cli.init:init",
    "review": "sastra.cli.review:review",
    "serve": "sastra.cli.serve:serve",
    "theme": "sastra.cli.theme:theme",
}


def _set_quiet(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    from sastra.cli.options import QUIET

    # the group's option resets it for this run; a command's option can only turn it on
    QUIET["on"] = bool(value) or (ctx.parent is not None and QUIET["on"])
    _configure_logging(ctx)


def _add_verbose(ctx: click.Context, param: click.Parameter, value: int) -> None:
    root = ctx.find_root()
    root.meta["sastra.verbose"] = root.meta.get("sastra.verbose", 0) + value
    _configure_logging(ctx)


def _configure_logging(ctx: click.Context) -> None:
    """Sastra's own loggers at INFO (``-v``) or DEBUG (``-vv``); other libraries' stay at
    WARNING whatever the verbosity, so ``-vv`` shows Sastra's steps, not their internals.
    Under ``-q`` only errors are logged."""
    from sastra.cli.options import QUIET

    verbose = ctx.find_root().meta.get("sastra.verbose", 0)
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="i18n: %(levelname)s: %(name)s: %(message)s")
    root.setLevel(logging.ERROR if QUIET["on"] else logging.WARNING)
    own = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.getLogger("sastra").setLevel(logging.ERROR if QUIET["on"] else own)


QUIET_HELP = "Print only results and errors (no notes, warnings or summaries)."
VERBOSE_HELP = "Show Sastra's steps (-vv: and its debug lines)."


def _common_options() -> list[click.Option]:
    return [
        click.Option(
            ["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_quiet,
            help=QUIET_HELP,
        ),
        click.Option(
            ["-v", "--verbose"], count=True, expose_value=False, callback=_add_verbose,
            help=VERBOSE_HELP,
        ),
    ]  # fmt: skip


def with_common_options(command: click.Command) -> click.Command:
    """Give a command (and every sub-command of a group) ``-q/--quiet`` and ``-v``."""
    names = {name for param in command.params for name in param.opts}
    command.params.extend(o for o in _common_options() if not names.intersection(o.opts))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            with_common_options(sub)
    return command


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
        return with_common_options(command)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a :class:`~sastra.errors.SastraError` it raises is printed
        here, the one place (its diagnostics, one a line), and ends it."""
        from sastra.errors import SastraError

        try:
            return super().invoke(ctx)
        except SastraError as exc:
            sys.exit(_report(exc))


def _report(error: SastraError) -> int:
    """Print ``error`` as the user sees it; its exit status."""
    from sastra.cli.options import print_diagnostics
    from sastra.errors import BuildError, EditError

    if isinstance(error, EditError):  # a command-level error: one line, the usual prefix
        for diag in error.diagnostics:
            click.echo(f"i18n: error: {diag}", err=True)
        return error.exit_code
    print_diagnostics(error.diagnostics)
    if isinstance(error, BuildError):
        count = len(error.diagnostics)
        click.echo(
            f"i18n: build failed ({count} problem{'s' * (count != 1)}); "
            "the previous site was left as it was",
            err=True,
        )
    return error.exit_code


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="i18n")
def cli() -> None:
    """Sastra: Khmer/English publishing toolkit.

    Every command takes -q/--quiet and -v/--verbose; errors are printed as
    "i18n: error: …" or "path:line: …".
    """


with_common_options(cli)  # also before the command: ``i18n -q build``


def main() -> None:
    """Console entry point. A file-system failure (disk full, no permission) is one line."""
    from sastra.parallel import collect_rarely

    collect_rarely()
    try:
        code = cli.main(prog_name="i18n", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("i18n: error: aborted", err=True)
        _exit(1)
    except click.ClickException as exc:  # a usage error: the same prefix as every other
        click.echo(f"i18n: error: {exc.format_message()}", err=True)
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
        _exit(exc.exit_code)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"i18n: error: {where}{exc.strerror or exc}", err=True)
        raise SystemExit(1) from None
    except SystemExit as done:
        _exit(done.code)
    _exit(code if isinstance(code, int) else 0)


def _exit(code: object) -> None:
    """Leave without tearing down the heap object by object (after a large status that
    takes longer than printing it). Caches are saved, pools and git processes closed by
    then; only the standard streams need flushing."""
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
