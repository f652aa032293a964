"""The text fingerprint: one function, used everywhere a "did the text change?" is asked.

What counts is the *reader-visible* text: the translatable frontmatter fields
and the Markdown body with markup removed, Unicode NFC, zero-width characters
removed, whitespace next to a Khmer character removed (a Khmer space is an
optional phrase break, not a change of meaning) and other whitespace runs
folded to one space. Paragraph boundaries do not count either, so re-wrapping,
a formatter run, a heading level or a moved blank line leave it unchanged.
Image paths, link targets, the arguments of Hugo shortcodes and shared fields
(``date``, ``image``, ``tags``) are not part of it; ``review`` compares those.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from markdown_it.token import Token

from sastra.content.markdown import commonmark, parse
from sastra.content.parse import decode, get_path, parse_text
from sastra.content.shortcodes import without_shortcodes
from sastra.model import Article, Paragraph, is_mdx, without_mdx_statements
from sastra.tracking.blocks import segment_blocks, segments, strip_tags
from sastra.tracking.prose import prose_text
from sastra.tracking.rsparse import rs_blocks

KHMER = "\u1780-\u17ff\u19e0-\u19ff"
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")
# A space between two non-Khmer characters (in text whose whitespace is single spaces);
# it starts with a literal, which the regex engine finds fast.
_KEPT_SPACE = re.compile(f" (?<=[^{KHMER}] )(?=[^{KHMER}])")
_HAS_KHMER = re.compile(f"[{KHMER}]").search


def _has_zero_width(text: str) -> bool:
    return "\u200b" in text or "\u200c" in text or "\u200d" in text or "\ufeff" in text


def display_text(text: str) -> str:
    """Visible text as shown to people: NFC, zero-width removed, whitespace runs folded."""
    if _has_zero_width(text):  # first: a removed joiner may let two characters compose
        text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())  # str.split() and re's \s agree on what whitespace is


def normalize_visible(text: str) -> str:
    """The normal form the fingerprint hashes; also used to compare paragraphs.

    Paragraph texts are kept in :func:`display_text` form; this folds them further:
    whitespace next to a Khmer character goes, other whitespace runs become one space.
    """
    return _fold_khmer(display_text(text))


def _fold_khmer(shown: str) -> str:
    """:func:`normalize_visible` of text already in :func:`display_text` form."""
    # (``isascii`` reads a flag of the string; the regex would scan all of it.)
    if " " not in shown or shown.isascii() or not _HAS_KHMER(shown):
        return shown
    # Drop each space that has a Khmer character on either side: split at the spaces
    # that stay (few, in Khmer text) and remove the rest with str.replace.
    folded = " ".join(part.replace(" ", "") for part in _KEPT_SPACE.split(shown))
    # A space taken out from before a combining mark (a stray space before a coeng) can
    # leave two marks out of canonical order: order them as the unspaced text has them.
    if unicodedata.is_normalized("NFC", folded):
        return folded
    return unicodedata.normalize("NFC", folded)


@dataclass(frozen=True)
class VisibleText:
    """The reader-visible text of one article version."""

    fields: tuple[Paragraph, ...]
    """Translatable frontmatter values, labelled by their concrete path (``title``…)."""
    body: tuple[Paragraph, ...]
    """Body blocks in order, numbered from 1."""

    @cached_property
    def fingerprint(self) -> str:
        """16 hex digits of SHA-256 over the normalised text; equal text, equal fingerprint."""
        return fingerprint(self)


def fingerprint(text: VisibleText) -> str:
    """The text fingerprint (see the module docstring)."""
    return _digest([(p.label, p.text) for p in text.fields], [p.text for p in text.body])


def _digest(fields: list[tuple[str, str]], body: list[str]) -> str:
    # Paragraph texts are display text, and so is their join: fold the Khmer spaces only.
    parts = [f"{label}\x1f{_fold_khmer(shown)}" for label, shown in fields]
    parts.append(_fold_khmer(" ".join(body)))
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


def text_fingerprint(
    meta: Mapping[str, Any],
    body: str,
    translatable: Iterable[str],
    *,
    mdx: bool = False,
) -> str:
    """``visible_text(...).fingerprint`` without building the paragraphs (a cold status
    fingerprints thousands of versions and compares paragraphs of only a few)."""
    shown = [text for _, text in _shown_blocks(body, mdx)]
    return _digest(_field_texts(meta, translatable), shown)


def visible_text(
    meta: Mapping[str, Any],
    body: str,
    body_line: int,
    translatable: Iterable[str],
    *,
    mdx: bool = False,
) -> VisibleText:
    """Extract the reader-visible text of an article's fields and body."""
    fields = [Paragraph(0, label, shown, 0) for label, shown in _field_texts(meta, translatable)]
    paragraphs = [
        Paragraph(number, "body", shown, body_line + offset)
        for number, (offset, shown) in enumerate(_shown_blocks(body, mdx), 1)
    ]
    return VisibleText(tuple(fields), tuple(paragraphs))


def _shown_blocks(body: str, mdx: bool, shortcodes: bool = True) -> list[tuple[int, str]]:
    """``(line offset, display text)`` of each body block with visible text
    (``shortcodes=False``: Hugo shortcodes read as text, as before Sastra knew them)."""
    if mdx:
        body = without_mdx_statements(body)
    if shortcodes and "{{" in body:  # a shortcode's arguments are not text (none: as is)
        body = without_shortcodes(body)
    return [(offset, shown) for offset, raw in body_blocks(body) if (shown := _display_block(raw))]


def _field_texts(meta: Mapping[str, Any], translatable: Iterable[str]) -> list[tuple[str, str]]:
    """``(label, display text)`` of each non-empty translatable field value."""
    fields = []
    for name in translatable:
        for concrete, value in get_path(meta, name):
            for i, text in enumerate(_strings(value)):
                shown = display_text(text)
                if shown:
                    fields.append((concrete if i == 0 else f"{concrete}[{i}]", shown))
    return fields


# -- body blocks ----------------------------------------------------------------------------
# markdown-it-py is most of a cold status's time (bench.status). Paragraphs of
# plain prose (no character Markdown treats specially) are their own visible text, and
# prose with only plain emphasis and links is read by :mod:`sastra.tracking.prose`, so
# they skip it; the rest goes through :func:`parsed_blocks` (markdown-it.rs where it is
# known to agree with markdown-it-py, else markdown-it-py), a run of blank-line-separated
# chunks at a time. (Measured on 200 bench docs pages: markdown-it.rs on every whole body
# would not pay: its tree alone is 0.5 ms for a 13 KB page and reading it 1.3 ms, against
# 1.1 ms for the hand readers cold and 0.29 ms a version over a page's history, where the
# per-part memo hits. Where the hand readers give up it is ≈4× faster than markdown-it-py:
# a page with a link reference definition, not cut into parts, 4.8 → 1.3 ms.) A chunk
# is cut off from its neighbours by blank lines unless a fence, an HTML block or a link
# reference definition spans or reaches across them: a body with any of those is parsed
# whole. A property test checks both paths give the same blocks.
# (Substring tests and patterns that start with a literal "\n" are the fast ones in CPython.)
_SPANS_CHUNKS = ("```", "~~~", "]:")
_HTML_LINE = re.compile(r"\n[ \t]*<")
# Any special character; a line starting with indentation or a block marker.
_MARKUP_CHAR = re.compile(r"[\\`*_\[\]<&|~\x00]")
_MARKUP_LINE = re.compile(r"\n(?:[ \t]|[#>+=\-]|[0-9]{1,9}[.)])")


def body_blocks(body: str) -> list[tuple[int, str]]:
    """``(line offset, raw text)`` of each text block of a Markdown body, in order."""
    if not _MARKUP_CHAR.search(body) and not _MARKUP_LINE.search("\n" + body):
        # Plain prose throughout: no chunk needs a closer look.
        return _plain_blocks(body)
    if any(mark in body for mark in _SPANS_CHUNKS) or _HTML_LINE.search("\n" + body):
        return _segmented_blocks(body)
    lines = body.split("\n")
    blocks: list[tuple[int, str]] = []
    run: int | None = None  # first line of pending chunks that need markdown-it
    i, count = 0, len(lines)
    while i < count:
        if not lines[i] or _is_blank(lines[i]):
            i += 1
            continue
        end = i + 1
        while end < count and lines[end] and not _is_blank(lines[end]):
            end += 1
        chunk = "\n".join(lines[i:end])
        text = prose_text(chunk)  # plain prose comes back as it is
        if text is not None:
            if run is not None:
                blocks.extend(_run_blocks("\n".join(lines[run:i]), run))
                run = None
            blocks.append((i, text))
        elif run is None:
            run = i
        i = end
    if run is not None:
        blocks.extend(_run_blocks("\n".join(lines[run:]), run))
    return blocks


# The versions of one article share most of their paragraphs, and a cold status reads
# thousands of versions: the blocks of a run and the display text of a block are
# remembered (bounded) by their text, so an unchanged paragraph is parsed once. Prefetch
# hands an article's versions to a worker together, so a small memo is enough (and a
# long-running `i18n serve` keeps at most a few MB in it).
@lru_cache(maxsize=2048)
def _run_markdown(run: str) -> tuple[tuple[int, str], ...]:
    return tuple(parsed_blocks(run))


def _run_blocks(run: str, first_line: int) -> list[tuple[int, str]]:
    return [(first_line + offset, raw) for offset, raw in _run_markdown(run)]


def _segmented_blocks(body: str) -> list[tuple[int, str]]:
    """:func:`body_blocks` of a body with fences or HTML: by the parts that
    :func:`~sastra.tracking.blocks.segments` cuts it into, each read by the fast reader
    or markdown-it and remembered by its text; the whole body through markdown-it when
    it is not to be cut."""
    parts = segments(body)
    if parts is None:
        return parsed_blocks(body)
    blocks: list[tuple[int, str]] = []
    for first_line, text in parts:
        blocks.extend((first_line + offset, raw) for offset, raw in _part_blocks(text))
    return blocks


@lru_cache(maxsize=4096)
def _part_blocks(text: str) -> tuple[tuple[int, str], ...]:
    fast = segment_blocks(text)
    return tuple(fast if fast is not None else parsed_blocks(text))


@lru_cache(maxsize=4096)
def _display_block(raw: str) -> str:
    return display_text(raw)


def _plain_blocks(body: str) -> list[tuple[int, str]]:
    """Blocks of a body with no markup and no indented line: runs of non-empty lines."""
    blocks: list[tuple[int, str]] = []
    lines = body.split("\n")
    start = -1
    for i, line in enumerate(lines):
        if line:
            if start < 0:
                start = i
        elif start >= 0:
            blocks.append((start, "\n".join(lines[start:i])))
            start = -1
    if start >= 0:
        blocks.append((start, "\n".join(lines[start:])))
    return blocks


def parsed_blocks(body: str) -> list[tuple[int, str]]:
    """:func:`markdown_blocks`, through markdown-it.rs where
    :func:`~sastra.tracking.rsparse.rs_blocks` knows the two parsers agree on ``body``
    (≈4× faster: 40 µs against 160 µs for a 400-character part of a docs page, 1.3 ms
    against 5.7 ms for a whole 13 KB page, ``bench`` pages)."""
    fast = rs_blocks(body)
    return fast if fast is not None else markdown_blocks(body)


def markdown_blocks(body: str, first_line: int = 0) -> list[tuple[int, str]]:
    """:func:`body_blocks` through markdown-it alone (lines counted from ``first_line``)."""
    blocks = []
    for token in parse(commonmark(), body):
        raw = _block_text(token)
        if raw is not None:
            blocks.append((first_line + (token.map[0] if token.map else 0), raw))
    return blocks


def _is_blank(line: str) -> bool:
    return not line.strip(" \t")


def bytes_text(data: bytes, path: str, translatable: Iterable[str]) -> VisibleText | None:
    """Visible text of a file's bytes (a committed blob); ``None`` if it cannot be read."""
    read = _read_blob(data, path)
    if read is None:
        return None
    meta, body, body_line = read
    return visible_text(meta, body, body_line, translatable, mdx=is_mdx(path))


def bytes_fingerprint(data: bytes, path: str, translatable: Iterable[str]) -> str | None:
    """:func:`text_fingerprint` of a file's bytes; ``None`` if they cannot be read."""
    read = _read_blob(data, path)
    if read is None:
        return None
    meta, body, _ = read
    return text_fingerprint(meta, body, translatable, mdx=is_mdx(path))


def _read_blob(data: bytes, path: str) -> tuple[Mapping[str, Any], str, int] | None:
    """Frontmatter, body and the body's first line of a file's bytes; ``None`` if they
    cannot be read."""
    text, _ = decode(data, path)
    if text is None:
        return None
    parsed = parse_text(text, path, shared=True)  # meta is only read, then dropped
    if not parsed.ok:
        return None
    return parsed.meta, text[parsed.body_start :], parsed.body_line


def article_fingerprint(article: Article, translatable: Iterable[str]) -> str:
    """:func:`text_fingerprint` of an :class:`Article`."""
    mdx = is_mdx(article.path)
    return text_fingerprint(article.meta, article.body, translatable, mdx=mdx)


def legacy_fingerprint(article: Article, translatable: Iterable[str]) -> str | None:
    """The fingerprint of ``article`` as Sastra gave it before it read Hugo shortcodes
    (fingerprint version 1: their arguments counted as text), so that an
    ``l10n.source_hash`` stored then stays valid; ``None`` when the body has no
    shortcode (the two agree)."""
    if "{{" not in article.body:
        return None
    mdx = is_mdx(article.path)
    shown = [text for _, text in _shown_blocks(article.body, mdx, shortcodes=False)]
    return _digest(_field_texts(article.meta, translatable), shown)


def article_text(article: Article, translatable: Iterable[str]) -> VisibleText:
    """:func:`visible_text` of an :class:`Article`."""
    return visible_text(
        article.meta,
        article.body,
        article.body_line,
        translatable,
        mdx=is_mdx(article.path),
    )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _block_text(token: Token) -> str | None:
    if token.type == "inline":
        return "".join(_inline_text(child) for child in token.children or ())
    if token.type in ("fence", "code_block"):
        return token.content
    if token.type == "html_block":
        return strip_tags(token.content)
    return None


def _inline_text(token: Token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    if token.type == "image":
        return "".join(_inline_text(child) for child in token.children or ())
    return ""


@dataclass(frozen=True)
class TextChange:
    """What changed in a source's visible text between two versions."""

    changed_fields: tuple[str, ...]
    """Translatable fields whose text differs (or appeared, or went)."""
    changed_paragraphs: tuple[int, ...]
    """Body paragraphs of the *new* version (1-based) that are new or changed."""
    removed_paragraphs: tuple[str, ...]
    """Old paragraphs with no counterpart in the new version (deleted outright)."""
    old: VisibleText
    new: VisibleText
    old_name: str
    new_name: str

    @cached_property
    def diff(self) -> str:
        """Unified diff, one paragraph a line (made when asked for: most runs never show it)."""
        return "".join(
            difflib.unified_diff(
                _diff_lines(self.old.fields, [p.text for p in self.old.body]),
                _diff_lines(self.new.fields, [p.text for p in self.new.body]),
                self.old_name,
                self.new_name,
                n=1,
            )
        )


def compare(old: VisibleText, new: VisibleText, old_name: str, new_name: str) -> TextChange:
    """Paragraph-level comparison of two versions of one source."""
    old_fields = {p.label: _fold_khmer(p.text) for p in old.fields}
    new_fields = {p.label: _fold_khmer(p.text) for p in new.fields}
    changed_fields = tuple(
        label
        for label in dict.fromkeys([*new_fields, *old_fields])
        if old_fields.get(label) != new_fields.get(label)
    )
    changed: list[int] = []
    removed: list[str] = []
    matcher = difflib.SequenceMatcher(
        a=[_fold_khmer(p.text) for p in old.body],
        b=[_fold_khmer(p.text) for p in new.body],
        autojunk=False,
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1 + 1, j2 + 1))
        if tag == "delete":
            removed.extend(p.text for p in old.body[i1:i2])
    return TextChange(changed_fields, tuple(changed), tuple(removed), old, new, old_name, new_name)


def _diff_lines(fields: Sequence[Paragraph], body: Sequence[str]) -> list[str]:
    return [f"{p.label}: {p.text}\n" for p in fields] + [f"{text}\n" for text in body]
