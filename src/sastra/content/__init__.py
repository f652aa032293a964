"""Find and read the articles of a site (the I/O edge of the content stage).

``load_site(config)`` takes the files :func:`~sastra.content.discovery.discover` finds
in the configured layout, reads every one, and returns the parsed articles with every
diagnostic. One bad file never stops the others: it is reported and left out.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sastra.cache import BlobCache
from sastra.config.model import Config
from sastra.content.discovery import FoundFile, discover
from sastra.model import Article, Diagnostic, Key, Location, Severity, lead_heading

if TYPE_CHECKING:
    from sastra.content.parse import ParsedFile

PARSED = "parsed:2"
"""Cache namespace of the frontmatter that needed PyYAML, with its diagnostics: bumped
when what parsing reports changes (2: an unclosed ``[`` is reported on its own line)."""
_PLAIN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SiteContent:
    """Every article that could be read, and every problem met on the way."""

    articles: tuple[Article, ...]
    diagnostics: tuple[Diagnostic, ...]
    unreadable: Mapping[tuple[Key, str], str] = field(default_factory=dict)
    """``(key, language) -> path`` of each file that exists but could not be read or
    parsed."""


def slugify(name: str) -> str:
    """URL form of a file name: letters (any script, marks kept) and digits joined by ``-``.

    ``"Meeting of 8 January (CTC).md"`` → ``"meeting-of-8-january-ctc"``; Khmer names stay Khmer.
    """
    text = unicodedata.normalize("NFC", name).lower()
    out = []
    for char in text:
        cat = unicodedata.category(char)
        out.append(char if cat[0] in "LMN" else "-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    return slug or "index"


def load_site(
    config: Config, cache: BlobCache | None = None, jobs: int | None = None
) -> SiteContent:
    """Discover and parse every article; problems are collected, never raised.

    Files are read, hashed and, when their frontmatter is simple (most is), parsed
    here, far faster than PyYAML would. The rest needs PyYAML: it is cached by blob id,
    and many misses are parsed on every core by workers that inherit the texts (so no
    text is pickled). Articles are assembled in discovery order.
    """
    from sastra.content.parse import ParsedFile, blob_id, decode, parse_simple
    from sastra.parallel import SharedPool

    entries, diags = discover(config)
    # Each file's article and diagnostics, in discovery order; ``None`` holds the place of
    # a file waiting for PyYAML. A text is dropped once its article has its body.
    done: list[tuple[Article | None, list[Diagnostic]] | None] = []
    # Files for PyYAML: their place in ``done``, entry, text and blob; and, by blob, the
    # index in ``waiting`` of the one text of those bytes to parse.
    waiting: list[tuple[int, FoundFile, str, str]] = []
    slow: dict[str, int] = {}
    known: dict[str, ParsedFile] = {}
    unreadable: dict[tuple[Key, str], str] = {}
    read: list[FoundFile] = []  # the entries of ``done``, in its order
    for entry in entries:
        try:
            data = read_bytes(entry.path)
        except OSError as exc:
            diags.append(Diagnostic(Location(entry.rel), f"cannot read file: {exc.strerror}"))
            unreadable[(entry.key, entry.lang)] = entry.rel
            continue
        text, problem = decode(data, entry.rel)
        if text is None:
            assert problem is not None
            diags.append(problem)
            unreadable[(entry.key, entry.lang)] = entry.rel
            continue
        if not text.strip():
            diags.append(
                Diagnostic(Location(entry.rel, 1), "empty file, skipped", Severity.WARNING)
            )
            continue
        blob = blob_id(data)
        parsed = known.get(blob)
        if parsed is None and blob not in slow:
            # Simple frontmatter is parsed again faster than a cached copy is saved and
            # loaded; only what needed PyYAML is cached, so a file found there is not
            # tried with the fast reader first (nested frontmatter, as docs sites have,
            # is read most of the way before the fast reader gives up).
            hit: object = cache.get(PARSED, blob) if cache is not None else None
            if hit is None:
                hit = parse_simple(text, entry.rel)
            if isinstance(hit, ParsedFile):
                parsed = known[blob] = hit
            else:
                slow[blob] = len(waiting)
        read.append(entry)
        if parsed is None:
            waiting.append((len(done), entry, text, blob))
            done.append(None)
        else:
            done.append(_assemble(config, entry, text, blob, parsed))
    if waiting:
        with SharedPool(waiting, jobs) as pool:
            firsts = sorted(set(slow.values()))
            for index, parsed in zip(firsts, pool.map(_parse_file, firsts), strict=True):
                blob = waiting[index][3]
                known[blob] = parsed
                if cache is not None:
                    cache.put(PARSED, blob, parsed)
        for place, entry, text, blob in waiting:
            done[place] = _assemble(config, entry, text, blob, known[blob])
    articles: list[Article] = []
    for entry, result in zip(read, done, strict=True):
        assert result is not None
        article, file_diags = result
        diags.extend(file_diags)
        if article is not None:
            articles.append(article)
        else:
            unreadable[(entry.key, entry.lang)] = entry.rel
    return SiteContent(tuple(articles), tuple(diags), unreadable)


def read_bytes(path: str) -> bytes:
    """A file's bytes with bare ``os`` calls: ``open().read()`` builds a buffered file
    object, which doubles the cost of reading 20,000 small files. Reads until the end
    of the file is seen (a read may return less than asked before the end)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        data = os.read(fd, _READ_SIZE)
        more = os.read(fd, _READ_SIZE) if data else b""
        if not more:
            return data
        parts = [data, more]
        while more := os.read(fd, _READ_SIZE):
            parts.append(more)
        return b"".join(parts)
    finally:
        os.close(fd)


_READ_SIZE = 1 << 16


def _parse_file(read: list[tuple[int, FoundFile, str, str]], index: int) -> ParsedFile:
    """Parse one file that was read (in a worker that inherited ``read``)."""
    from sastra.content.parse import parse_text

    _, entry, text, _ = read[index]
    return parse_text(text, entry.rel)


def _assemble(
    config: Config, entry: FoundFile, text: str, blob: str, parsed: ParsedFile
) -> tuple[Article | None, list[Diagnostic]]:
    """The article of one parsed file, and its diagnostics (``None`` if it failed)."""
    from sastra.content.parse import check_fields, make_article

    rel = entry.rel
    if not parsed.ok:
        return None, [_relocate(d, rel) for d in parsed.diagnostics]
    collection = config.collection(entry.key.collection)
    diags = [_relocate(d, rel) for d in parsed.diagnostics]  # warnings of a readable file
    diags += check_fields(parsed.meta, parsed.field_lines, rel, collection.required)
    article, l10n_diags = make_article(
        entry.key, entry.lang, rel, text, parsed, blob, config.languages
    )
    diags.extend(l10n_diags)
    if not _has_display_title(parsed.meta) and lead_heading(article.body) is None:
        diags.append(_title_problem(parsed.meta, parsed.field_lines, rel))
    name = entry.key.slug.rsplit("/", 1)[-1]
    url_slug = name if _PLAIN_SLUG.match(name) else slugify(name)
    if url_slug != name:
        diags.append(
            Diagnostic(
                Location(rel),
                f"file name has spaces, capitals or punctuation; its URL slug is '{url_slug}'",
                Severity.WARNING,
            )
        )
    return article, diags


def _title_problem(meta: Mapping[str, Any], lines: Mapping[str, int], rel: str) -> Diagnostic:
    """Why no title is shown: no field, or a field that is not text (``title: 2026``)."""
    from sastra.content.parse import kind_of, short_repr

    for name in ("title", "name"):
        value = meta.get(name)
        if name in meta and not isinstance(value, str):
            message = (
                f"'{name}' is {kind_of(value)}, not text ({short_repr(value)}); "
                "the file name is shown instead (put the title in quotes)"
            )
            return Diagnostic(Location(rel, lines.get(name, 1)), message, Severity.WARNING)
    message = "no 'title' or 'name' field; the file name is shown instead"
    return Diagnostic(Location(rel, 1), message, Severity.WARNING)


def _has_display_title(meta: Mapping[str, Any]) -> bool:
    for name in ("title", "name"):
        value = meta.get(name)
        if isinstance(value, str) and value.strip():
            return True
    return False


def _relocate(diag: Diagnostic, rel: str) -> Diagnostic:
    """A cached diagnostic names the path it was parsed under; the same bytes may live elsewhere."""
    if diag.location.path == rel:
        return diag
    loc = Location(rel, diag.location.line, diag.location.column)
    return Diagnostic(loc, diag.message, diag.severity)
