"""``i18n serve``: build, serve (127.0.0.1 unless ``--bind``), rebuild on change, reload."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sastra.cli.options import fail, print_diagnostics

if TYPE_CHECKING:
    from sastra.serve.outcome import BuildOutcome


@click.command()
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Site folder (default: the nearest folder with a sastra.toml, else the current one).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0: any free port).",
)
@click.option(
    "--bind",
    "address",
    default="127.0.0.1",
    show_default=True,
    metavar="ADDR",
    help="Address to listen on; another than 127.0.0.1/::1 makes the site, its status and "
    "review pages readable from other machines.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the web browser.")
@click.option("--no-watch", is_flag=True, help="Build once and serve; do not rebuild on change.")
def serve(root: Path | None, port: int, address: str, open_browser: bool, no_watch: bool) -> None:
    """Serve the built site on 127.0.0.1, rebuilding and reloading on change (Ctrl-C stops).

    The translation status is at /__sastra/status and the review of every pair
    at /__sastra/review/.
    """
    from sastra.serve.server import DevServer

    # a ConfigError is printed by the command group
    server = DevServer(root, port=port, host=address, watch=not no_watch, on_build=_report)
    try:
        server.bind()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            fail(f"port {port} on {address} is in use; choose another with --port (0: any)")
        fail(f"cannot listen on {address}:{port}: {exc.strerror or exc}")
    if not _loopback(address):
        click.echo(
            f"i18n: warning: listening on {address}: any machine that can reach this one can "
            "read the site and its /__sastra/ status and review pages",
            err=True,
        )
    try:
        server.start()
        click.echo(f"Serving {server.config.rel(server.out_dir)} at {server.url}")
        click.echo(f"  status: {server.url}__sastra/status   review: {server.url}__sastra/review/")
        click.echo("  watching for changes; Ctrl-C stops" if not no_watch else "  Ctrl-C stops")
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)
        server.wait()
    except KeyboardInterrupt:
        click.echo("\nstopped", err=True)
    finally:
        server.stop()


def _loopback(address: str) -> bool:
    import ipaddress

    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _report(outcome: BuildOutcome) -> None:
    """One line per build; the errors of a failed build, one per line."""
    cause = ""
    if outcome.changes:
        shown = ", ".join(outcome.changes[:3])
        more = len(outcome.changes) - 3
        cause = f" after a change to {shown}" + (f" and {more} more" if more > 0 else "")
    if outcome.ok:
        click.echo(
            f"built in {outcome.seconds:.2f} s{cause}: {outcome.pages_written} "
            f"page{'s' * (outcome.pages_written != 1)} written, {outcome.pages_reused} unchanged"
        )
        print_diagnostics(outcome.diagnostics)
    else:
        click.echo(f"build failed{cause}; still serving the previous site:", err=True)
        print_diagnostics(outcome.diagnostics)
