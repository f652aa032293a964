"""markdown-it-py, read the same way everywhere.

:func:`commonmark` is the parser the fingerprint and the review read bodies with
(CommonMark, GFM tables and strikethrough); :func:`parse` is the one way any
markdown-it-py parser (the renderer's too) is run on a body.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType


@cache
def commonmark() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough (the fingerprint's and the review's)."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse(md: MarkdownIt, body: str, env: EnvType | None = None) -> list[Token]:
    """``md.parse(body, env)``, without markdown-it-py's crashes at the end of a body.

    A few of its block rules index one past the end of the text when a body ends inside
    a block quote with no line end (``> - <!--`` then a last line ``>``: IndexError, the
    family of markdown-it-py issues 185, 204 and 415). A line end there changes nothing
    else (CommonMark ends the last line either way), so such a body is parsed again with
    one; a body that does not crash is parsed as it is.
    """
    try:
        return md.parse(body, env)
    except IndexError:
        if body.endswith("\n"):
            raise
        return md.parse(body + "\n", env)
