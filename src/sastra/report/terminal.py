"""The terminal every report is printed on: a rich console that cannot be driven by the
text it prints.

A file name, a title or a paragraph may hold an escape sequence (``\\x1b]0;…`` retitles
the terminal, ``\\x1b[2J`` clears it) or a bidi override; printed raw, a content file
would control the reader's terminal. Every segment of text is escaped the way
diagnostics are (:func:`sastra.model.printable`); rich's own styling is added after
and is not touched.
"""

from __future__ import annotations

from collections.abc import Iterable

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
