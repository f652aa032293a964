"""The text fingerprint: one function, used everywhere a "did the text change?" is asked.

What counts is the *reader-visible* text: the translatable frontmatter fields
and the Markdown body with markup removed, Unicode NFC, zero-width characters
removed, whitespace next to a Khmer character removed (a Khmer space is an
optional phrase break, not a change of meaning) and other whitespace runs
folded to one space. Paragraph boundaries do not count either, so re-wrapping,
a formatter run, a heading level or a moved blank line leave it unchanged.
Image paths, link targets and shared fields (``date``, ``image``, ``tags``)
are not part of it; ``review`` compares those.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sastra.content.parse import decode, get_path, parse_text
from sastra.model import Article, Paragraph

KHMER = "\u1780-\u17ff\u19e0-\u19ff"
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_KHMER = re.compile(f" (?=[{KHMER}])")
_HAS_KHMER = re.compile(f"[{KHMER}]").search
_HAS_ZERO_WIDTH = _ZERO_WIDTH.search
_TAG = re.compile(r"<[^>]*>")
_MDX_STATEMENT = re.compile(r"^(?:import|export)\s[^\n]*$", re.MULTILINE)


def display_text(text: str) -> str:
    """Visible text as shown to people: NFC, zero-width removed, whitespace runs folded."""
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


def normalize_visible(text: str) -> str:
    """The normal form the fingerprint hashes; also used to compare paragraphs.

    Paragraph texts are kept in :func:`display_text` form; this folds them further:
    whitespace next to a Khmer character goes, other whitespace runs become one space.
    """
    text = unicodedata.normalize("NFC", text)
    if _HAS_ZERO_WIDTH(text):
        text = _ZERO_WIDTH.sub("", text)
    folded = " ".join(text.split())
    if " " not in folded or not _HAS_KHMER(folded):
        return folded
    # A space before a Khmer character, then (on the reversed string, where the regex
    # engine's fast literal scan still applies) a space after one.
    folded = _SPACE_BEFORE_KHMER.sub("", folded)
    return _SPACE_BEFORE_KHMER.sub("", folded[::-1])[::-1]


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
    parts = [f"{p.label}\x1f{normalize_visible(p.text)}" for p in text.fields]
    parts.append(normalize_visible(" ".join(p.text for p in text.body)))
    digest = hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def visible_text(
    meta: Mapping[str, Any],
    body: str,
    body_line: int,
    translatable: Iterable[str],
    *,
    mdx: bool = False,
) -> VisibleText:
    """Extract the reader-visible text of an article's fields and body."""
    fields: list[Paragraph] = []
    for name in translatable:
        for concrete, value in get_path(meta, name):
            for i, text in enumerate(_strings(value)):
                label = concrete if i == 0 else f"{concrete}[{i}]"
                shown = display_text(text)
                if shown:
                    fields.append(Paragraph(0, label, shown, 0))
    if mdx:
        body = _MDX_STATEMENT.sub("", body)
    paragraphs: list[Paragraph] = []
    for token in _markdown().parse(body):
        raw = _block_text(token)
        if raw is None:
            continue
        shown = display_text(raw)
        if shown:
            line = body_line + token.map[0] if token.map else 0
            paragraphs.append(Paragraph(len(paragraphs) + 1, "body", shown, line))
    return VisibleText(tuple(fields), tuple(paragraphs))


def bytes_text(data: bytes, path: str, translatable: Iterable[str]) -> VisibleText | None:
    """Visible text of a file's bytes (a committed blob); ``None`` if it cannot be read."""
    text, _ = decode(data, path)
    if text is None:
        return None
    parsed = parse_text(text, path)
    if not parsed.ok:
        return None
    return visible_text(
        parsed.meta,
        text[parsed.body_start :],
        parsed.body_line,
        translatable,
        mdx=path.endswith(".mdx"),
    )


def article_text(article: Article, translatable: Iterable[str]) -> VisibleText:
    """:func:`visible_text` of an :class:`Article`."""
    return visible_text(
        article.meta,
        article.body,
        article.body_line,
        translatable,
        mdx=article.path.endswith(".mdx"),
    )


def _strings(value: Any) -> list[str]:
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
        return _TAG.sub(" ", token.content)
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
    diff: str
    """Unified diff, one paragraph a line."""


def compare(old: VisibleText, new: VisibleText, old_name: str, new_name: str) -> TextChange:
    """Paragraph-level comparison of two versions of one source."""
    old_fields = {p.label: normalize_visible(p.text) for p in old.fields}
    new_fields = {p.label: normalize_visible(p.text) for p in new.fields}
    changed_fields = tuple(
        label
        for label in dict.fromkeys([*new_fields, *old_fields])
        if old_fields.get(label) != new_fields.get(label)
    )
    old_body = [p.text for p in old.body]
    new_body = [p.text for p in new.body]
    changed: list[int] = []
    removed: list[str] = []
    matcher = difflib.SequenceMatcher(
        a=[normalize_visible(t) for t in old_body],
        b=[normalize_visible(t) for t in new_body],
        autojunk=False,
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            changed.extend(range(j1 + 1, j2 + 1))
        if tag == "delete":
            removed.extend(old_body[i1:i2])
    diff = "".join(
        difflib.unified_diff(
            _diff_lines(old.fields, old_body),
            _diff_lines(new.fields, new_body),
            old_name,
            new_name,
            n=1,
        )
    )
    return TextChange(changed_fields, tuple(changed), tuple(removed), diff)


def _diff_lines(fields: Sequence[Paragraph], body: Sequence[str]) -> list[str]:
    return [f"{p.label}: {p.text}\n" for p in fields] + [f"{text}\n" for text in body]
