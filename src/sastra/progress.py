"""How long-running library work reports how far it is: a callback, never a print.

``progress(label, done, total)`` is called as work advances (``label`` says what is
being done, e.g. ``"fingerprinting"``); the CLI turns the calls into a line on a
terminal (:mod:`sastra.cli._progress`), everything else passes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Progress = Callable[[str, int, int], None]
"""``(label, done, total)``."""

T = TypeVar("T")


def ticker(total: int, label: str, progress: Progress | None) -> Callable[[], None]:
    """A function to call once per item done, reporting to ``progress``."""
    if progress is None:
        return lambda: None
    done = [0]
    progress(label, 0, total)

    def tick() -> None:
        done[0] += 1
        progress(label, done[0], total)

    return tick


def counted(items: Iterable[T], total: int, label: str, progress: Progress | None) -> Iterator[T]:
    """``items``, reporting each one done to ``progress`` (when there is one)."""
    if progress is None:
        yield from items
        return
    progress(label, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        progress(label, done, total)
