"""A progress line on stderr for long work (a cold ``status``, ``status --words``,
``review --all``): shown only when stderr is a terminal and the work has already taken
``DELAY`` seconds, and cleared when it ends. Redirected or piped, nothing is written.

The line is redrawn from the calls themselves (no refresh thread): the cold status
forks workers and background writers, which a live thread would make unsafe.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

    from sastra.progress import Progress

DELAY = 2.0
"""Seconds of work before the line appears (shorter work shows nothing)."""
REDRAW = 0.1
"""Seconds between two redraws."""


def is_terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal (a person watching), not a file or a pipe."""
    return stream.isatty()


@contextmanager
def progress_line(stream: IO[str] | None = None, delay: float | None = None) -> Iterator[Progress]:
    """``with progress_line() as progress:`` pass ``progress`` to the library call."""
    out = stream if stream is not None else sys.stderr
    wait = DELAY if delay is None else delay
    terminal = is_terminal(out)
    start = time.monotonic()
    shown: list[tuple[RichProgress, dict[str, TaskID]]] = []
    last = [0.0]

    def report(label: str, done: int, total: int) -> None:
        if not terminal:
            return
        now = time.monotonic()
        if now - start < wait or (now - last[0] < REDRAW and done < total):
            return
        last[0] = now
        if not shown:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            bar = Progress(
                TextColumn("i18n: {task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(file=out, force_terminal=True),
                transient=True,
                auto_refresh=False,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            bar.start()
            shown.append((bar, {}))
        bar, tasks = shown[0]
        if label not in tasks:
            tasks[label] = bar.add_task(label, total=total)
        bar.update(tasks[label], completed=done, total=total)
        bar.refresh()

    try:
        yield report
    finally:
        if shown:
            shown[0][0].stop()
