"""The terminal every report is printed on: a rich console that cannot be driven by the
text it prints.

A file name, a title or a paragraph may hold an escape sequence (``\\x1b]0;…`` retitles
the terminal, ``\\x1b[2J`` clears it) or a bidi override; printed raw, a content file
would control the reader's terminal. Every segment of text is escaped the way
diagnostics are (:func:`sastra.model.printable`); rich's own styling is added after
and is not touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from sastra.model import printable


class SafeConsole(Console):
    """A :class:`rich.console.Console` whose printed text has its control characters escaped."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and segment.text:
                text = printable(segment.text, lines=True)
                if text is not segment.text:
                    segment = Segment(text, segment.style)
            yield segment


_RUNS = re.compile(r"\s+|\S+")
"""Runs of whitespace and of other characters."""


def fold_at_clusters(text: str, width: int) -> str:
    """``text`` with a line break at each of its :func:`cluster_breaks`."""
    breaks = cluster_breaks(text, width)
    if not breaks:
        return text
    ends = [0, *breaks, len(text)]
    return "\n".join(text[a:b] for a, b in pairwise(ends))


def cluster_breaks(text: str, width: int) -> list[int]:
    """Offsets at which to break each word of ``text`` wider than ``width`` cells: after
    the last piece (:func:`~sastra.khmer.unicode.text_pieces`) that fits. Rich folds such
    a word at any cell, which splits a Khmer subscript or vowel sign from its letter
    (``…សញ្ញាបត្`` / ``រ…``); a word that fits is left to rich's own wrapping."""
    from rich.cells import cell_len

    from sastra.khmer.unicode import text_pieces

    if width < 1 or cell_len(text) <= width:
        return []
    breaks: list[int] = []
    for run in _RUNS.finditer(text):
        word = run.group()
        if word.isspace() or cell_len(word) <= width:
            continue
        at, line = run.start(), 0
        for piece in text_pieces(word):
            size = cell_len(piece)
            if line and line + size > width:
                breaks.append(at)
                line = 0
            at += len(piece)
            line += size
    return breaks
