"""The visible text of a paragraph whose only markup is plain emphasis and plain links.

News paragraphs are mostly prose with a **bold** phrase or a [link](/url) in them.
This reads such a paragraph far faster than markdown-it-py does, and only when the
answer cannot differ from markdown-it's (a property test compares the two):

- the chunk is one paragraph: its first line is not indented, no line is blank, no
  line starts a block (heading, quote, list, rule, setext underline, table, HTML) and
  no other character Markdown treats specially appears (``\\ ` & < _ ~ |``);
- each ``*x*`` or ``**x**`` has exactly that many asterisks on each side, and ``x``
  has no asterisk or bracket and starts and ends with a letter, digit or mark (so
  each delimiter run can open, and close, exactly as CommonMark's flanking rules
  pair them, whatever surrounds it);
- each ``[label](destination)`` or ``![alt](source)`` has a label without brackets or
  asterisks and a destination without spaces, brackets, parentheses or code spans (the
  visible text is the label, whatever markdown-it makes of the destination);
- each run of backticks is closed by the next run of the same length (a code span,
  read first as CommonMark does: its content is literal, and it stands in the rest of
  the checks as one character that is neither a word character nor markup), and no
  line starts a fence.

Anything else returns ``None``, and the caller asks markdown-it.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_PROSE = re.compile(r"[\\`&<~|\x00]")
# A line that starts a block, or a blank line (which would make two chunks); also a
# line that may be a table's delimiter row or start an HTML block, which code spans
# could otherwise hide from the checks on the rest.
_BLOCK_LINE = re.compile(
    r"\n[ \t]*(?:[#>+=\-|:<]|[0-9]{1,9}[.)]|\*(?:[ \t]|$)|\*[ \t*]*$|_[ \t]*_[ \t]*_|$)",
    re.MULTILINE,
)
_EMPHASIS = re.compile(r"(?<!\*)(\*{1,2})(?!\*)([^*_\[\]]+?)(?<!\*)\1(?!\*)")
# ``_x_`` and ``__x__`` open only after a space or the start of the chunk, and close
# only before a space, the end or common punctuation: no intraword underscores.
_UNDERSCORE = re.compile(r"(?<![^ \n])(_{1,2})(?!_)([^*_\[\]]+?)(?<!_)\1(?![^ \n.,:;!?)])")
_LINK = re.compile(r"!?\[([^\[\]*]*)\]\(([^\s()<>\[\]\ue000-\uf8ff]+)\)")
_BACKTICKS = re.compile(r"`+")
_FENCE_LINE = re.compile(r"\n[ \t]*(?:```|~~~)")
_CODE = 0xE000
"""Code spans stand in the text as private-use characters from here on (one each)."""


def prose_text(chunk: str) -> str | None:
    """The visible text of one paragraph chunk (blank-line separated), or ``None`` when
    it needs markdown-it. The text keeps its line breaks; callers fold whitespace."""
    if chunk[0] in " \t" or _BLOCK_LINE.search("\n" + chunk):
        return None
    codes: list[str] = []
    if "`" in chunk:
        if _FENCE_LINE.search("\n" + chunk) or _PRIVATE.search(chunk):
            return None
        taken = _take_code_spans(chunk, codes)
        if taken is None:
            return None
        chunk = taken
    if _NOT_PROSE.search(chunk):
        return None
    for mark, pattern in (("*", _EMPHASIS), ("_", _UNDERSCORE)):
        if mark in chunk:
            # Only from the first mark to the last (with the characters either side,
            # which the look-arounds read): both patterns start with a look-around,
            # which the regex engine tries at every character of the chunk.
            start, end = max(chunk.find(mark) - 1, 0), chunk.rfind(mark) + 2
            chunk = chunk[:start] + _replace(pattern, chunk[start:end]) + chunk[end:]
            if mark in chunk:  # a run that is not plain emphasis
                return None
    if "[" in chunk or "]" in chunk:
        start, end = max(chunk.find("[") - 1, 0), chunk.rfind(")") + 1  # "-1": an image's "!"
        if end > start:
            chunk = chunk[:start] + _LINK.sub(r"\1", chunk[start:end]) + chunk[end:]
        if "[" in chunk or "]" in chunk:
            return None
    if codes:
        chunk = _PRIVATE.sub(lambda m: codes[ord(m.group()) - _CODE], chunk)
    return chunk


_PRIVATE = re.compile("[\ue000-\uf8ff]")


def _take_code_spans(chunk: str, codes: list[str]) -> str | None:
    """``chunk`` with each code span replaced by one private-use character (its content
    appended to ``codes``), as markdown-it's backtick rule pairs runs; ``None`` when a
    run is left unpaired or there are too many spans."""
    runs = list(_BACKTICKS.finditer(chunk))
    out: list[str] = []
    done = 0
    i = 0
    while i < len(runs):
        opener = runs[i]
        width = opener.end() - opener.start()
        j = i + 1
        while j < len(runs) and runs[j].end() - runs[j].start() != width:
            j += 1
        if j == len(runs) or len(codes) >= 0x1800:
            return None  # an unpaired run is literal text: left to markdown-it
        content = chunk[opener.end() : runs[j].start()].replace("\n", " ")
        if content[:1] == " " and content[-1:] == " " and content.strip(" "):
            content = content[1:-1]
        out += [chunk[done : opener.start()], chr(_CODE + len(codes))]
        codes.append(content)
        done = runs[j].end()
        i = j + 1
    out.append(chunk[done:])
    return "".join(out)


def _replace(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(_emphasised, text)


def _emphasised(match: re.Match[str]) -> str:
    inner = match.group(2)
    if _word_char(inner[0]) and _word_char(inner[-1]):
        return inner
    return match.group(0)  # left as is: the asterisks remain and the caller gives up


def _word_char(char: str) -> bool:
    """A letter, digit or mark: next to it a delimiter run is flanking on that side."""
    return unicodedata.category(char)[0] in "LNM"
