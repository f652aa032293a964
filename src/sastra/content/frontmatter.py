"""Where a Markdown file's frontmatter is: the one definition of its boundary lines.

Frontmatter opens on the file's first line with ``---`` (YAML) or ``+++`` (TOML, Hugo's)
and closes on the next line that holds the same mark. Either boundary line may end in
spaces or tabs, and in a carriage return: the parser reads decoded text (``\\n`` only),
while the names check and ``i18n mark`` edit files with their own line endings. A line
such as ``----`` or ``--- note`` is not a boundary; it belongs to the frontmatter.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

_BOUNDARY = {
    "---": re.compile(r"^---[ \t]*\r?$", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE),
}


class Bounds(NamedTuple):
    """Offsets of a frontmatter in its file's text."""

    mark: str
    """``---`` or ``+++``."""
    start: int
    """First character of the frontmatter text (after the opening line)."""
    end: int
    """First character of the closing line (the frontmatter text ends here)."""
    close_end: int
    """End of the closing line, before its newline."""
    body: int
    """First character of the body (after the closing line's newline)."""


def opening_mark(text: str) -> str | None:
    """The mark of the boundary line the text opens with, else ``None``."""
    mark = text[:3]
    if mark in _BOUNDARY and _BOUNDARY[mark].match(text):
        return mark
    return None


def frontmatter_bounds(text: str) -> Bounds | None:
    """Where the frontmatter of ``text`` is; ``None`` when the text does not open with a
    boundary line or the frontmatter is never closed."""
    mark = text[:3]
    if mark not in _BOUNDARY:
        return None
    if text.startswith(mark + "\n"):  # the usual case, without the regex
        close = text.find("\n" + mark, 3)
        if close >= 0:
            end = text.find("\n", close + 4)
            line_end = end if end >= 0 else len(text)
            if not text[close + 4 : line_end].strip(" \t"):
                return Bounds(mark, 4, close + 1, line_end, end + 1 if end >= 0 else len(text))
    found = list(itertools.islice(_BOUNDARY[mark].finditer(text, 0), 2))
    if len(found) < 2 or found[0].start() != 0:
        return None
    opening, closing = found
    body = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return Bounds(mark, opening.end() + 1, closing.start(), closing.end(), body)
