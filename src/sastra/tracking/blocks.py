"""Body blocks of documentation-shaped Markdown without markdown-it, where the answer
cannot differ from markdown-it's (property tests compare the two).

A docs page is mostly top-level blocks: headings, paragraphs, lists, code fences,
tables and JSX components, with ``import`` lines. markdown-it-py is slow on such a
page, and a cold ``i18n status`` reads thousands of them (``bench.status --profile
docs``). Two things make it cheap:

- :func:`segments` cuts a body where no Markdown construct reaches across: at a line
  that starts in column 0 after a blank line, outside a fence that starts in column 0.
  There every container (list, quote) has ended, so the parts parse the same alone as
  together. A body where that cannot be known for sure is not cut: one with a link
  reference definition (``]:``, which reaches the whole document), an HTML block that
  may span blank lines (``<!--``, ``<?``, ``<!X``, ``<pre``, ``<script``, ``<style``,
  ``<textarea``), a tab, a carriage return, or a fence line indented by 1–3 spaces
  that is not plainly inside a list item (it might be a top-level fence).
- :func:`segment_blocks` reads a part made only of ATX headings, thematic breaks,
  fences in column 0, HTML blocks that end at a blank line (JSX components), tight
  lists and paragraphs whose text :func:`~sastra.tracking.prose.prose_text` reads;
  anything else (a table, a quote, indented code, a setext heading…) returns ``None``
  and the caller gives that part to markdown-it.
"""

from __future__ import annotations

import itertools
import re

from markdown_it.rules_block.html_block import HTML_SEQUENCES

from sastra.tracking.prose import prose_text

Blocks = list[tuple[int, str]]
"""``(line offset, raw text)`` of each block with text, as ``fingerprint.body_blocks``."""

_NOT_CUT = ("]:", "\t", "\r", "\x00", "<!", "<?")
_RAW_HTML = re.compile(r"<(?i:script|pre|style|textarea)(?:[\s>]|$)")
_INDENTED_FENCE = re.compile(r"\n {1,3}(?:```|~~~)")
_FENCE_CHARS = frozenset("`~")
_FENCE = re.compile(r"( {0,3})(`{3,}|~{3,})(.*)")
_LIST_ITEM = re.compile(r"( {0,3})([-*+]|[0-9]{1,9}[.)])( {1,4})(?=\S)")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ ]|$)")
_RULE = re.compile(r" {0,3}([-*_])(?:[ ]*\1){2,}[ ]*")


def segments(body: str) -> Blocks | None:
    """``(first line, text)`` of the parts of ``body`` that markdown-it reads alone as
    it reads them together; ``None`` when the body is not to be cut."""
    # (Substring tests and patterns that start with a literal are the fast ones.)
    if any(mark in body for mark in _NOT_CUT) or _RAW_HTML.search(body):
        return None
    # Only an indented fence line needs to know whether it is inside a list item.
    items = _INDENTED_FENCE.search("\n" + body) is not None
    lines = body.split("\n")
    cuts = [0]
    fence: tuple[str, int] | None = None  # an open column-0 fence: its character, length
    item_offset = -1  # content offset of the list item opened by the last column-0 line
    blank = True
    # Since the last blank line, a line that may start an HTML block or a table, which
    # would take a fence line that follows as its own text.
    absorbing = False
    for i, line in enumerate(lines):
        start = line[:4].lstrip(" ")[:1]  # (a fence or HTML line has at most 3 spaces)
        if fence is not None:
            if start in _FENCE_CHARS:
                found = _FENCE.fullmatch(line)
                if found and _closes(found, fence):
                    fence = None
            blank = False
            continue
        if not line.strip(" "):
            blank, absorbing = True, False
            continue
        found = _FENCE.fullmatch(line) if start in _FENCE_CHARS else None
        opens = found is not None and _opens(found)
        if opens and (absorbing or "|" in line):
            return None  # a fence, or text of the HTML block or table above; or a table
        if line[0] != " ":
            if blank and i:
                cuts.append(i)
            # The content offset of a list item this line starts: not a thematic break,
            # and an ordered item after text only when it starts at 1 (else the line
            # continues the paragraph).
            item = None if not items or _RULE.fullmatch(line) else _LIST_ITEM.match(line)
            if item is not None and not blank and item.group(2)[:-1] not in ("", "1"):
                item = None
            item_offset = item.end() if item else -1
            if found is not None and opens:
                fence = (found.group(2)[0], len(found.group(2)))
                item_offset = -1
        elif items:
            indent = len(line) - len(line.lstrip(" "))
            if indent < item_offset:
                item_offset = -1  # the item has ended (or this line is lazy: unsure)
            if opens and indent < 4 and item_offset < 0:
                return None  # a fence that may be at the top level, indented
        absorbing = absorbing or "|" in line or start == "<"
        blank = False
    cuts.append(len(lines))
    return [(a, "\n".join(lines[a:b])) for a, b in itertools.pairwise(cuts) if a < b]


def _opens(found: re.Match[str]) -> bool:
    marker, info = found.group(2), found.group(3)
    return not (marker[0] == "`" and "`" in info)


def _closes(found: re.Match[str], fence: tuple[str, int]) -> bool:
    marker, rest = found.group(2), found.group(3)
    return marker[0] == fence[0] and len(marker) >= fence[1] and not rest.strip(" ")


def segment_blocks(text: str) -> Blocks | None:
    """The blocks of one part from :func:`segments`; ``None`` when markdown-it must read it."""
    lines = text.split("\n")
    blocks: Blocks = []
    i, count = 0, len(lines)
    while i < count:
        line = lines[i]
        if not line.strip(" "):
            i += 1
            continue
        if line.startswith("    "):
            return None  # indented code
        stripped = line.lstrip(" ")
        if "|" in line and i + 1 < count:  # markdown-it tries a table first
            table = _table(lines, i)
            if table is None:
                return None
            if table:
                end, cells = table
                blocks += cells
                i = end
                continue
        if stripped[0] in "`~":
            found = _FENCE.fullmatch(line)
            if found is not None and _opens(found):
                if found.group(1) or "|" in line:
                    return None  # an indented fence: its content lines lose indentation
                closer = _fence_end(lines, i, found)
                if closer is None:
                    return None
                content = lines[i + 1 : closer]
                blocks.append((i, "\n".join(content) + "\n" if content else ""))
                i = closer + 1
                continue
        if _HEADING.match(line):
            shown = _heading_text(stripped)
            if shown is None:
                return None
            blocks.append((i, shown))
            i += 1
            continue
        if _RULE.fullmatch(line):
            i += 1
            continue
        if stripped[0] == "<":
            html_end = _html_end(lines, i, stripped)
            if html_end is None:
                return None
            if html_end > i:
                blocks.append((i, strip_tags("\n".join(lines[i:html_end]) + "\n")))
                i = html_end
                continue
        if _LIST_ITEM.match(line):
            listed = _tight_list(lines, i)
            if listed is None:
                return None
            blocks += listed
            return blocks  # a tight list runs to the end of the part
        end = i + 1
        while end < count and lines[end].strip(" "):
            end += 1
        shown = prose_text("\n".join(lines[i:end]))
        if shown is None:
            return None
        blocks.append((i, shown))
        i = end
    return blocks


def _fence_end(lines: list[str], start: int, opener: re.Match[str]) -> int | None:
    fence = (opener.group(2)[0], len(opener.group(2)))
    for j in range(start + 1, len(lines)):
        found = _FENCE.fullmatch(lines[j])
        if found is not None and _closes(found, fence):
            return j
    return None  # runs to the end of the document: left to markdown-it


def _heading_text(stripped: str) -> str | None:
    """Visible text of an ATX heading line (indentation removed)."""
    content = stripped.lstrip("#").strip(" ")
    if content.rstrip("#") != content:  # a closing sequence, or a heading of "#"s
        return None
    if not content:
        return ""
    return prose_text(content)


def strip_tags(html: str) -> str:
    """``re.sub(r"<[^>]*>", " ", html)`` in linear time: each ``<`` up to the next ``>``
    becomes a space. The pattern tried every later ``<`` once no ``>`` was left (``<!--``
    × 50,000 took minutes); nothing after the last ``>`` can close a tag."""
    parts = []
    pos = 0
    while (start := html.find("<", pos)) >= 0:
        end = html.find(">", start + 1)
        if end < 0:
            break
        parts += [html[pos:start], " "]
        pos = end + 1
    parts.append(html[pos:])
    return "".join(parts)


def _html_end(lines: list[str], start: int, stripped: str) -> int | None:
    """End (exclusive) of an HTML block of kind 6 or 7 starting at ``start``; ``start``
    when the line starts no HTML block; ``None`` for the kinds that may span blank lines."""
    for number, (opener, _, _) in enumerate(HTML_SEQUENCES):
        if opener.search(stripped):
            if number < 5:
                return None
            end = start + 1
            while end < len(lines) and lines[end].strip(" "):
                end += 1
            return end
    return start


_DELIMITER = re.compile(r" {0,3}[-:|][-:| ]*")
_DELIMITER_CELL = re.compile(r":?-+:?")
_ROW_STOP = re.compile(r" *[-*+_`~>#<0-9]")


def _table(lines: list[str], start: int) -> tuple[int, Blocks] | tuple[()] | None:
    """``(end, cells)`` of the table starting at ``start``; ``()`` when there is none;
    ``None`` when markdown-it must read it (a backslash, a row that may start a block)."""
    rule = lines[start + 1]
    if not _DELIMITER.fullmatch(rule) or rule.lstrip(" ")[:2] in ("- ", "-"):
        return ()
    parts = rule.lstrip(" ").split("|")
    aligned = 0
    for n, part in enumerate(parts):
        cell = part.strip(" ")
        if not cell:
            if n in (0, len(parts) - 1):
                continue
            return ()
        if not _DELIMITER_CELL.fullmatch(cell):
            return ()
        aligned += 1
    if "\\" in lines[start] or lines[start].startswith("    "):
        return None
    head = _cells(lines[start])
    if len(head) != aligned:
        return ()
    blocks: Blocks = []
    for cell in head:
        shown = prose_text(cell) if cell else ""
        if shown is None:
            return None
        blocks.append((start, shown))
    end = start + 2
    while end < len(lines) and lines[end].strip(" "):
        row = lines[end]
        if "\\" in row or row.startswith("    ") or _ROW_STOP.match(row) or end - start > 1000:
            return None
        cells = _cells(row)
        for n in range(len(head)):
            cell = cells[n] if n < len(cells) else ""
            shown = prose_text(cell) if cell else ""
            if shown is None:
                return None
            blocks.append((end, shown))
        end += 1
    return end, blocks


def _cells(line: str) -> list[str]:
    """The cells of a table row, trimmed, without the empty ends of enclosing pipes."""
    cells = line.strip().split("|")
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return [cell.strip() for cell in cells]


def _tight_list(lines: list[str], start: int) -> Blocks | None:
    """Items of a list with no blank line that runs to the end of ``lines`` (trailing
    blank lines aside): each item is one paragraph, nested lists start with a bullet or
    with 1."""
    end = len(lines)
    while end > start and not lines[end - 1].strip(" "):
        end -= 1
    # Open items, outermost first: (marker indentation, content offset).
    levels: list[tuple[int, int]] = []
    items: list[tuple[int, list[str]]] = []
    for i in range(start, end):
        line = lines[i]
        if not line.strip(" "):
            return None  # a blank line inside: a loose list, or more than a list
        indent = len(line) - len(line.lstrip(" "))
        item = _LIST_ITEM.match(line)
        if item is not None:
            marker = item.group(2)
            if not levels:
                levels.append((indent, item.end()))
            elif indent >= levels[-1][1]:
                if indent >= levels[-1][1] + 4:
                    return None  # paragraph text that looks like an item
                if marker[0].isdigit() and int(marker[:-1]) != 1:
                    return None  # cannot interrupt the paragraph: it continues it
                levels.append((indent, item.end()))
            else:
                while levels and levels[-1][0] > indent:
                    levels.pop()
                if not levels or levels[-1][0] != indent:
                    return None
                levels[-1] = (indent, item.end())
            items.append((i, [line[item.end() :]]))
        elif not items:
            return None
        else:
            items[-1][1].append(line.lstrip(" "))  # continuation, or lazy continuation
    blocks: Blocks = []
    for line_no, text in items:
        shown = prose_text("\n".join(text))
        if shown is None:
            return None
        blocks.append((line_no, shown))
    return blocks
