"""Body blocks through markdown-it-pyrs (markdown-it.rs, a Rust port of markdown-it by
the markdown-it-py maintainers): what :func:`sastra.tracking.fingerprint.markdown_blocks`
gives, several times faster, or ``None`` where the two parsers could disagree.

markdown-it-py stays the reference: property tests (tests/test_tracking_rsparse.py)
hold the two equal, block by block and line by line, on generated documentation pages
and on every Markdown file of the fixtures and the sample site. The tree maps onto
markdown-it-py's tokens as ``fingerprint._block_text`` reads them: a paragraph, heading
or table cell is one block (its text, code spans, line breaks as spaces and image
descriptions; raw inline HTML left out), a fence or indented code block is its
content, an HTML block its content with the tags taken out. A tight list item holds
its paragraph's inline nodes directly; a run of them is one block. Line numbers come
from the nodes' byte offsets.

Where the two differ (each has a test), and what is done about it:

- **Tables.** markdown-it.rs wants a pipe in the delimiter row, markdown-it-py in the
  header row; markdown-it.rs trims only spaces and tabs from a cell, markdown-it-py
  Unicode whitespace too; after an escaped pipe (``\\||``) markdown-it.rs does not
  split at the next pipe; and a table may end a block quote's lazy lines in
  markdown-it.rs only. A body where some line could start a table in either parser is
  read here only if each such table is plain: header and delimiter rows start with a
  pipe in column 0 after a blank line, both parsers count the same cells in them, and
  every row down to the next blank line starts with a pipe, with no ``\\||``, tab or
  other whitespace than spaces at a cell's edge. Anything else: markdown-it-py.
- **A list marker after a block quote line** (``> a`` then ``0.``, or an empty ``-``;
  ``> > a`` then ``> 0.``): markdown-it-py ends the quote, markdown-it.rs may read a
  lazy line. A body where a line that starts a list item (after any ``>``) follows a
  quote line without a blank line between: markdown-it-py.
- **Strikethrough**: ``~~s~~~~s~~`` is struck twice by markdown-it-py, not at all by
  markdown-it.rs. A body with a struck span or ``~~`` left in text: markdown-it-py.
- **A code span over a line end** whose next line starts with a space (a lazy line of a
  quote): markdown-it.rs drops the indentation from the code, markdown-it-py keeps it
  (``> <`` then `` < ``` shows ``< <`` in one, ``<<`` in the other). Such a body:
  markdown-it-py.
- **Autolinks**: markdown-it-py shows the address decoded (``%20`` as a space,
  punycode as Unicode); it is decoded here with markdown-it-py's own function.
- **Emphasis offsets**: the offsets of an emphasis node can be wrong (``*a**`` in a
  tight list item); a tight item's paragraph starts where its first leaf does.
- **A panic**: markdown-it.rs 0.6 indexes past the end of its backtick cache when a
  link label (``[`` … up to its ``]``, or the end of the text) holds a backtick run that
  is never closed (``[`x``). A body where some label holds a backtick and its runs do
  not pair up inside it, or holds an ``<`` or a backslash: markdown-it-py. (A panic
  that got past this check would still fall back, but Rust prints it on stderr.)
- **Raw HTML**: markdown-it-py reads comments and declarations as the newer CommonMark
  does (``<!-->``, ``<!-- a -- b -->``, ``<!doctype html>`` are raw HTML, and a line
  starting ``<!`` and a small letter starts an HTML block), markdown-it.rs as the older
  one (text). A body with a ``<!`` that the older reading does not take as raw HTML,
  where the newer might: markdown-it-py.
- **Code spans after a backtick run left open**: markdown-it.rs's cache of backtick
  runs can then miss a later closing run (three backticks left open, then a code span
  in double backticks holding a single one, then one in single backticks). A body
  where markdown-it.rs leaves a backtick in text (no docs page's code spans do):
  markdown-it-py.
- **Emphasis next to a symbol**: markdown-it-py counts a Unicode symbol (``៛``,
  ``😀``) as punctuation when it decides whether ``*`` or ``_`` opens or closes
  emphasis (the newer CommonMark), markdown-it.rs does not (``*ក្រសួង**៛``). A body
  with ``*`` or ``_`` next to a non-ASCII symbol: markdown-it-py.
- **A link reference definition with Unicode whitespace** (``[x]:`` then an em space):
  markdown-it-py takes it as a definition, markdown-it.rs as text. A body with ``]:``
  and whitespace other than spaces, tabs and line ends: markdown-it-py.
- **A link reference definition whose destination ends in a backslash at a line end**
  (``[a]: /u\\``): markdown-it-py takes it as a definition, markdown-it.rs as text. A
  body with ``]:`` and a backslash before a line end (spaces and tabs between):
  markdown-it-py.
- **A backslash line break before a line of Unicode whitespace only** (``a\\`` then a
  no-break space): markdown-it-py trims the paragraph's end with Python's ``strip`` and
  shows the backslash, markdown-it.rs breaks the line. A body with a backslash at a line
  end and whitespace other than spaces, tabs and line ends: markdown-it-py.
- **Tabs in lists and block quotes**: the two count a tab's columns differently after
  container markers (``> > - \\t #`` is code in one, a heading in the other; ``-  ``
  then ``\\tx`` puts the paragraph a line lower in markdown-it.rs). A body with a tab
  and a line that starts a list item or a block quote: markdown-it-py.
- **A definition whose label ends its line** (``[a]:`` then ``- ``): markdown-it.rs
  reads the next line as the destination even where it starts a block, markdown-it-py
  keeps a paragraph. A body with ``]:`` at a line end: markdown-it-py.
- Carriage returns and NUL characters (markdown-it-py rewrites them before parsing):
  markdown-it-py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from markdown_it.common.normalize_url import normalizeLinkText
from markdown_it_pyrs import MarkdownIt, Node

from sastra.tracking.blocks import Blocks, strip_tags

# Nodes that hold blocks, nodes that are one block of inline text, blocks without text.
_CONTAINERS = frozenset(["root", "blockquote", "bullet_list", "ordered_list", "list_item"])
_CONTAINERS |= {"table", "thead", "tbody", "trow"}
_TEXT_BLOCKS = frozenset(["paragraph", "heading", "lheading", "tcell"])
_SILENT = frozenset(["hr", "definition"])
# Inline nodes: those with text, those whose children have it, those without any.
_CONTENT = frozenset(["text", "text_special"])
_NESTED = frozenset(["em", "strong", "link", "image"])
_BREAKS = frozenset(["softbreak", "hardbreak"])
_INLINE = _CONTENT | _NESTED | _BREAKS | {"code_inline", "autolink", "html_inline"}
_INLINE |= {"strikethrough"}  # read by markdown-it-py (see the module docstring)


class _Unsure(Exception):
    """A node this module does not map: markdown-it-py reads the body."""


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable_many(["table", "strikethrough"])


def rs_blocks(body: str) -> Blocks | None:
    """``(line offset, raw text)`` of each text block, as markdown-it-py gives them;
    ``None`` when markdown-it-py must read this body."""
    if "\r" in body or "\x00" in body or not _agree(body):
        return None
    found: list[tuple[int, str]] = []  # (byte offset, raw text)
    spans: list[tuple[int, int]] = []  # code spans that reach over a line end
    try:
        _read(_markdown().tree(body), found, spans)
    except _Unsure:
        return None
    except BaseException as exc:  # a Rust panic: pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        return None
    data: str | bytes = body if body.isascii() else body.encode("utf-8")
    if any(_indented_continuation(data[start:end]) for start, end in spans):
        return None
    blocks: Blocks = []
    line = pos = 0
    for start, raw in found:
        if isinstance(data, str):
            line += data.count("\n", pos, start)
        else:
            line += data.count(b"\n", pos, start)
        pos = start
        blocks.append((line, raw))
    return blocks


def _agree(body: str) -> bool:
    """Whether the two parsers read ``body`` alike: none of the differences in the
    module docstring can arise in it."""
    return (
        _plain_tables(body)
        and not _quote_then_item(body)
        and not ("\t" in body and _CONTAINER_LINE.search(body))
        and not _label_panics(body)
        and not _markup_declarations(body)
        and not _symbol_flanked(body)
        and not ("]:" in body and _WIDE_SPACE.search(body))
        and not ("]:" in body and _LABEL_AT_LINE_END.search(body))
        and not ("\\" in body and _backslash_differs(body))
    )


# -- reading the tree ---------------------------------------------------------------------
def _read(node: Node, out: list[tuple[int, str]], spans: list[tuple[int, int]]) -> None:
    run: list[Node] = []  # inline nodes of a tight list item's paragraph
    for child in node.children:
        name = child.name
        if name in _INLINE:
            run.append(child)
            continue
        if run:
            out.append((_first_leaf(run), _text(run, spans)))
            run = []
        if name in _TEXT_BLOCKS:
            out.append((_start(child), _text(child.children, spans)))
        elif name in _CONTAINERS:
            _read(child, out, spans)
        elif name == "fence" or name == "code_block":
            out.append((_start(child), str(child.meta["content"])))
        elif name == "html_block":
            out.append((_start(child), strip_tags(str(child.meta["content"]))))
        elif name not in _SILENT:
            raise _Unsure(name)
    if run:
        out.append((_first_leaf(run), _text(run, spans)))


def _start(node: Node) -> int:
    if node.srcmap is None:
        raise _Unsure(node.name)
    return node.srcmap[0]


def _indented_continuation(span: str | bytes) -> bool:
    """Whether a code span's source has a line that starts with a space or tab."""
    if isinstance(span, str):
        return "\n " in span or "\n\t" in span
    return b"\n " in span or b"\n\t" in span


def _first_leaf(nodes: Sequence[Node]) -> int:
    """Where the first leaf of these inline nodes starts."""
    for node in nodes:
        # (A code span or an autolink counts from its own start: a code span's text node
        # starts after what the span trims, a line lower when it opens at a line end.)
        if node.name in _NESTED:
            if node.children:
                return _first_leaf(node.children)
            continue
        return _start(node)
    raise _Unsure("no leaf")


def _text(nodes: Sequence[Node], spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    _collect(nodes, parts, spans)
    return "".join(parts)


def _collect(nodes: Sequence[Node], parts: list[str], spans: list[tuple[int, int]]) -> None:
    for node in nodes:
        name = node.name
        if name == "text":
            text = str(node.meta["content"])
            if "`" in text or "~~" in text:
                raise _Unsure("a backtick run left open, or tildes")
            parts.append(text)
        elif name == "code_inline":
            parts.extend(str(child.meta["content"]) for child in node.children)
            if node.srcmap is None:
                raise _Unsure(name)
            spans.append(node.srcmap)
        elif name == "text_special":
            parts.append(str(node.meta["content"]))
        elif name in _BREAKS:
            parts.append(" ")
        elif name in _NESTED:
            _collect(node.children, parts, spans)
        elif name == "autolink":
            parts.append(normalizeLinkText(_text(node.children, spans)))
        elif name != "html_inline":
            raise _Unsure(name)


# -- tables -------------------------------------------------------------------------------
# A line either parser may take for a table's delimiter row (after any container prefix).
_DELIMITER = re.compile(r"^[ \t>]*[|:-][-:| \t]*$", re.MULTILINE)
_ALIGN = re.compile(r":?-+:?")


# Whitespace markdown-it-py trims from a cell and markdown-it.rs does not.
_WIDE_SPACE = re.compile("[\x0b\x0c\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _plain_tables(body: str) -> bool:
    """Whether every place where either parser may start a table holds a plain table
    (see the module docstring), so both read the same rows and cells."""
    found = _DELIMITER.search(body)
    if found is None:
        return True
    lines = body.split("\n")
    i = pos = 0
    while found is not None:
        i += body.count("\n", pos, found.start())
        pos = found.start()
        rule, head = lines[i], lines[i - 1] if i else ""
        if ("|" in head or "|" in rule or ":" in rule) and not _plain_table(lines, i):
            return False
        found = _DELIMITER.search(body, found.end() + 1)
    return True


def _plain_table(lines: list[str], rule: int) -> bool:
    head, delimiter = lines[rule - 1], lines[rule]
    if not rule or (rule >= 2 and lines[rule - 2].strip(" \t")):
        return False  # not after a blank line
    if not (head.startswith("|") and delimiter.startswith("|")) or "\t" in head + delimiter:
        return False
    aligns = [cell.strip(" ") for cell in delimiter.split("|")]
    if aligns[-1] == "":
        aligns.pop()
    aligns.pop(0)
    if not aligns or not all(_ALIGN.fullmatch(cell) for cell in aligns):
        return False
    rows = [head]
    for line in lines[rule + 1 :]:
        if not line.strip(" \t"):
            break
        if not line.startswith("|"):
            return False
        rows.append(line)
    if len(rows) * len(aligns) > 0x10000:  # markdown-it-py stops filling in cells
        return False
    for row in [*rows, delimiter]:
        if "\\||" in row or _WIDE_SPACE.search(row):
            return False
    return _py_cells(head) == _rs_cells(head) == len(aligns)


def _py_cells(row: str) -> int:
    """Header cells as markdown-it-py counts them (``escapedSplit``)."""
    cells = re.split(r"(?<!\\)\|", row.strip(" \t"))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return len(cells)


def _rs_cells(row: str) -> int:
    """Header cells as markdown-it.rs counts them (``scan_row``, no ``\\||`` here)."""
    cells = [cell.strip(" \t") for cell in re.split(r"(?<!\\)\|", row)]
    if cells and cells[-1] == "":
        cells.pop()
    if cells and cells[0] == "":
        cells.pop(0)
    return len(cells)


# -- a list item after a block quote --------------------------------------------------------
_QUOTE_LINE = re.compile(r"[ \t]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)*>")
_ITEM_LINE = re.compile(r"[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)")


def _quote_then_item(body: str) -> bool:
    """Whether a line that starts a list item follows a block quote line with no blank
    line between (the quote's lazy lines end differently)."""
    if ">" not in body:
        return False
    quoted = False
    for line in body.split("\n"):
        if not line.strip(" \t"):
            quoted = False
        elif quoted and _ITEM_LINE.match(line.lstrip(" \t>")):
            return True  # (in a quote, or in a quote less deep)
        elif _QUOTE_LINE.match(line):
            quoted = True
    return False


# A line that starts a block quote or a list item (after any others).
_CONTAINER_LINE = re.compile(r"(?:^|\n)[ \t]*(?:>|(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|\n|$))")


# -- definitions and backslashes at a line end ---------------------------------------------
_LABEL_AT_LINE_END = re.compile(r"\]:[ \t]*(?:\n|\Z)")
_BACKSLASH_AT_LINE_END = re.compile(r"\\[ \t]*(?:\n|\Z)")


def _backslash_differs(body: str) -> bool:
    """Whether a backslash at a line end may be read differently: ending a definition's
    destination, or a line break before a line of Unicode whitespace only."""
    return bool(_BACKSLASH_AT_LINE_END.search(body) and ("]:" in body or _WIDE_SPACE.search(body)))


# -- comments and declarations --------------------------------------------------------
# Raw HTML that both read alike: a comment as the older CommonMark has it (not starting
# with ``>`` or ``->``, no ``--`` inside) and a declaration in capitals followed by a space.
_OLD_COMMENT = re.compile(r"<!--(?!-?>)(?:[^-]|-(?!-))*-->")
_OLD_DECLARATION = re.compile(r"<![A-Z]+\s[^>]*>")


def _markup_declarations(body: str) -> bool:
    """Whether a ``<!`` may be read as raw HTML by one parser and text by the other."""
    start = body.find("<!")
    while start >= 0:
        if body.startswith("<!--", start):
            known = _OLD_COMMENT.match(body, start) or body.find("-->", start + 2) < 0
        elif body[start + 2 : start + 3].isalpha():
            # (markdown-it-py starts an HTML block at ``<!`` and any letter, closed or not;
            # markdown-it.rs only at a capital: ``<!a\<`` is a paragraph there.)
            capital = "A" <= body[start + 2] <= "Z"
            known = _OLD_DECLARATION.match(body, start) or (capital and body.find(">", start) < 0)
        else:
            known = True
        if not known:
            return True
        start = body.find("<!", start + 2)
    return False


# -- emphasis next to a symbol ---------------------------------------------------------------
_DELIMITER_RUN = re.compile(r"[*_]+")


def _symbol_flanked(body: str) -> bool:
    """Whether a ``*`` or ``_`` stands next to a non-ASCII symbol (``៛``, ``😀``): the
    newer CommonMark counts symbols as punctuation when it pairs emphasis, the older not."""
    if body.isascii():
        return False
    for found in _DELIMITER_RUN.finditer(body):
        start, end = found.span()
        for char in (body[start - 1 : start], body[end : end + 1]):
            if char and not char.isascii() and unicodedata.category(char)[0] == "S":
                return True
    return False


# -- link labels that make markdown-it.rs panic ------------------------------------------
_BACKTICKS = re.compile(r"`+")
_PIECES = re.compile(r"[\n|]")


def _label_panics(body: str) -> bool:
    """Whether some link label may hold a backtick run that is never closed (or an
    escape or ``<``, which may hide a bracket or a backtick from this reading)."""
    if "`" not in body or "[" not in body:
        return False
    for chunk in body.split("\n\n"):  # a label does not reach across a blank line
        if "`" not in chunk or "[" not in chunk:
            continue
        start = chunk.find("[")
        while start >= 0:
            label = _label(chunk, start)
            if "<" in label or "\\" in label:
                label = chunk[start:]  # the label may reach further
                if "`" in label:
                    return True
            # A label's text may be cut at a line end (the paragraph ends) or a pipe
            # (a table cell ends): each piece's runs must pair up on their own.
            if "`" in label and not all(map(_paired, _PIECES.split(label))):
                return True
            start = chunk.find("[", start + 1)
    return False


def _label(chunk: str, start: int) -> str:
    """From ``[`` to its ``]`` (brackets counted as they come), or to the end."""
    depth = 0
    for pos in range(start, len(chunk)):
        char = chunk[pos]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if not depth:
                return chunk[start:pos]
    return chunk[start:]


def _paired(text: str) -> bool:
    """Whether each backtick run opens a code span that a later run of the same length
    closes (as CommonMark pairs them, left to right)."""
    runs = [len(run) for run in _BACKTICKS.findall(text)]
    i = 0
    while i < len(runs):
        try:
            i = runs.index(runs[i], i + 1) + 1
        except ValueError:
            return False
    return True
