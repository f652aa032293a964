"""The visible text of a paragraph whose only markup is plain emphasis and plain links.

News paragraphs are mostly prose with a **bold** phrase or a [link](/url) in them.
markdown-it-py reads such a paragraph in ~0.1 ms; this reads it in a few µs, and only
when the answer cannot differ from markdown-it's (a property test compares the two):

- the chunk is one paragraph: its first line is not indented, no line is blank, no
  line starts a block (heading, quote, list, rule, setext underline, table, HTML) and
  no other character Markdown treats specially appears (``\\ ` & < _ ~ |``);
- each ``*x*`` or ``**x**`` has exactly that many asterisks on each side, and ``x``
  has no asterisk or bracket and starts and ends with a letter, digit or mark (so
  each delimiter run can open, and close, exactly as CommonMark's flanking rules
  pair them, whatever surrounds it);
- each ``[label](destination)`` or ``![alt](source)`` has a label without brackets or
  asterisks and a destination without spaces, brackets or parentheses (the visible
  text is the label, whatever markdown-it makes of the destination).

Anything else returns ``None``, and the caller asks markdown-it.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_PROSE = re.compile(r"[\\`&<_~|\x00]")
# A line that starts a block, or a blank line (which would make two chunks).
_BLOCK_LINE = re.compile(
    r"\n[ \t]*(?:[#>+=\-]|[0-9]{1,9}[.)]|\*(?:[ \t]|$)|\*[ \t*]*$|$)", re.MULTILINE
)
_EMPHASIS = re.compile(r"(?<!\*)(\*{1,2})(?!\*)([^*\[\]]+?)(?<!\*)\1(?!\*)")
_LINK = re.compile(r"!?\[([^\[\]*]*)\]\(([^\s()<>\[\]]+)\)")


def prose_text(chunk: str) -> str | None:
    """The visible text of one paragraph chunk (blank-line separated), or ``None`` when
    it needs markdown-it. The text keeps its line breaks; callers fold whitespace."""
    if chunk[0] in " \t" or _NOT_PROSE.search(chunk) or _BLOCK_LINE.search("\n" + chunk):
        return None
    if "*" in chunk:
        # Only from the first asterisk to the last: both patterns start with a look-
        # around, which the regex engine tries at every character of the chunk.
        start, end = chunk.find("*"), chunk.rfind("*") + 1
        chunk = chunk[:start] + _EMPHASIS.sub(_emphasised, chunk[start:end]) + chunk[end:]
        if "*" in chunk:  # a run that is not plain emphasis
            return None
    if "[" in chunk or "]" in chunk:
        start, end = max(chunk.find("[") - 1, 0), chunk.rfind(")") + 1  # "-1": an image's "!"
        if end > start:
            chunk = chunk[:start] + _LINK.sub(r"\1", chunk[start:end]) + chunk[end:]
        if "[" in chunk or "]" in chunk:
            return None
    return chunk


def _emphasised(match: re.Match[str]) -> str:
    inner = match.group(2)
    if _word_char(inner[0]) and _word_char(inner[-1]):
        return inner
    return match.group(0)  # left as is: the asterisks remain and the caller gives up


def _word_char(char: str) -> bool:
    """A letter, digit or mark: next to it a delimiter run is flanking on that side."""
    return unicodedata.category(char)[0] in "LNM"
