"""Find and read the articles of a site (the I/O edge of the content stage).

``load_site(config)`` walks the content folder in the configured layout, reads
every ``.md``/``.mdx`` file, and returns the parsed articles with every
diagnostic. One bad file never stops the others: it is reported and left out.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sastra.cache import BlobCache
from sastra.config.model import Config
from sastra.config.validate import LANG_RE
from sastra.layouts import key_of
from sastra.model import Article, Diagnostic, Key, Location, Severity, lead_heading

if TYPE_CHECKING:
    from sastra.content.parse import ParsedFile

EXTENSIONS = (".md", ".mdx")
_PLAIN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SiteContent:
    """Every article that could be read, and every problem met on the way."""

    articles: tuple[Article, ...]
    diagnostics: tuple[Diagnostic, ...]
    unreadable: frozenset[tuple[Key, str]] = frozenset()
    """``(key, language)`` of each file that exists but could not be read or parsed."""


@dataclass(frozen=True)
class FoundFile:
    """A content file found on disk, before parsing."""

    lang: str
    key: Key
    path: str
    """Absolute path."""
    rel: str
    """Path relative to the site root, as shown to users."""


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


def _utf8(name: str) -> bool:
    """Was this file name valid UTF-8 (``os`` decodes other bytes as lone surrogates)?"""
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def discover(config: Config) -> tuple[list[FoundFile], list[Diagnostic]]:
    """Every content file of the site with its language and key, in a stable order.

    Walks with ``os.scandir`` on plain strings: on a site of 20,000 files the walk
    is a noticeable part of a warm ``i18n status``.
    """
    if config.patterns:
        return _discover_patterns(config)
    entries: list[FoundFile] = []
    diags: list[Diagnostic] = []
    base = config.content_dir
    if not base.is_dir():
        diags.append(Diagnostic(Location(config.rel(base)), "content folder not found"))
        return entries, diags
    languages = set(config.languages)
    base_rel = config.rel(base)
    walk = _Walk(config, diags)
    for top in walk.subdirs(str(base)):
        top_name = os.path.basename(top)
        if config.layout == "astro":
            for lang_dir in walk.subdirs(top):
                lang = os.path.basename(lang_dir)
                for rel_file in walk.files(lang_dir):
                    slug = rel_file.rsplit(".", 1)[0]
                    rel = f"{base_rel}/{top_name}/{lang}/{rel_file}"
                    entry = _entry(config, lang, top_name, slug, lang_dir, rel_file, rel, diags)
                    if entry:
                        entries.append(entry)
            continue
        if not LANG_RE.match(top_name) and top_name not in languages:
            diags.append(
                Diagnostic(
                    Location(f"{base_rel}/{top_name}"),
                    f"folder '{top_name}' is not a language folder; ignored",
                    Severity.WARNING,
                )
            )
            continue
        for rel_file in walk.files(top):
            collection, _, name = rel_file.rpartition("/")
            slug = name.rsplit(".", 1)[0]
            rel = f"{base_rel}/{top_name}/{rel_file}"
            entry = _entry(config, top_name, collection, slug, top, rel_file, rel, diags)
            if entry:
                entries.append(entry)
    if config.layout != "astro":
        for item in sorted(os.scandir(base), key=lambda e: e.name):
            if item.is_file() and item.name.endswith(EXTENSIONS):
                diags.append(
                    Diagnostic(
                        Location(f"{base_rel}/{item.name}", 1),
                        "not inside a language folder (content/<lang>/…); ignored",
                        Severity.WARNING,
                    )
                )
    return entries, diags


def _discover_patterns(config: Config) -> tuple[list[FoundFile], list[Diagnostic]]:
    """Every content file matched by the configured path patterns (see :mod:`sastra.layouts`).

    The first pattern that matches a file decides its language and key; files no
    pattern matches are not content. A ``@path.@lang`` suffix that looks like a
    language code but is not one of the site's is reported.
    """
    entries: list[FoundFile] = []
    diags: list[Diagnostic] = []
    root = str(config.root)
    walk = _Walk(config, diags, _not_content(config))
    languages = set(config.languages)
    found_any = False
    for base in config.content_roots:
        if not base.is_dir():
            continue
        found_any = True
        prefix = config.rel(base)
        prefix = "" if prefix == "." else prefix + "/"
        for rel_file in walk.files(str(base)):
            rel = prefix + rel_file
            stem = rel.rsplit(".", 1)[0]
            for pattern in config.patterns:
                hit = pattern.match(stem)
                if hit is None:
                    continue
                lang, path = hit
                if lang not in languages:
                    suffix = pattern.lang is None and pattern.text.endswith(".@lang")
                    if suffix and not LANG_RE.match(lang):
                        continue  # a dot in a file name, not a language suffix
                    known = ", ".join(config.languages)
                    message = f"unknown language '{lang}' (languages: {known})"
                    diags.append(Diagnostic(Location(rel, 1), message))
                    break
                key = key_of(pattern.collection, path)
                entries.append(FoundFile(lang, key, os.path.join(root, rel), rel))
                break
    if not found_any:
        where = ", ".join(config.rel(b) for b in config.content_roots)
        diags.append(Diagnostic(Location(where), "content folder not found"))
    return entries, diags


def _not_content(config: Config) -> set[str]:
    """Folders a pattern walk never enters (a pattern may start at the site root):
    build outputs (Sastra's, Hugo's ``public``, MkDocs's ``site``), the cache, and
    ``node_modules``. (Hidden folders are never entered.)"""
    root = str(config.root)
    skip = {os.path.join(root, name) for name in ("node_modules", "public", "site")}
    skip |= {str(config.output_dir), str(config.cache_dir)}
    return skip - {os.path.join(root, p.root) for p in config.patterns}  # a pattern's is read


class _Walk:
    """What a walk of the content folder needs besides the folder: the site's real path
    (a symlink leading out of it is not followed), the folders seen (a symlink loop is
    walked once), the folders not to enter (``skip``, absolute) and the warnings met."""

    def __init__(
        self, config: Config, diags: list[Diagnostic], skip: set[str] | None = None
    ) -> None:
        self.config = config
        self.root = os.path.realpath(config.root)
        self.diags = diags
        self.seen: set[str] = set()
        self.skip = skip or set()

    def allowed(self, item: os.DirEntry[str]) -> bool:
        """False (with one warning) for a symlink that leads outside the site or nowhere."""
        if not item.is_symlink():
            return True
        real = os.path.realpath(item.path)
        if os.path.commonpath((real, self.root)) == self.root and os.path.exists(real):
            return True
        rel = self.config.rel(Path(item.path))
        message = "symlink to a file outside the site (or to nothing); not read"
        self.diags.append(Diagnostic(Location(rel), message, Severity.WARNING))
        return False

    def first_visit(self, folder: str) -> bool:
        real = os.path.realpath(folder)
        if real in self.seen:
            return False
        self.seen.add(real)
        return True

    def entries(self, folder: str) -> list[os.DirEntry[str]]:
        try:
            return sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            rel = self.config.rel(Path(folder))
            message = f"cannot read folder: {exc.strerror}"
            self.diags.append(Diagnostic(Location(rel), message, Severity.WARNING))
            return []

    def subdirs(self, folder: str) -> list[str]:
        return [
            e.path
            for e in self.entries(folder)
            if not e.name.startswith(".") and e.is_dir() and self.allowed(e)
        ]

    def files(self, folder: str, prefix: str = "") -> Iterator[str]:
        """Content files below ``folder`` as POSIX paths relative to it, sorted."""
        if not self.first_visit(folder) or folder in self.skip:
            return
        for item in self.entries(folder):
            if item.name.startswith("."):
                continue
            if item.is_dir():
                if self.allowed(item):
                    yield from self.files(item.path, f"{prefix}{item.name}/")
            elif item.name.endswith(EXTENSIONS) and item.is_file() and self.allowed(item):
                if not _utf8(prefix + item.name):
                    rel = self.config.rel(Path(item.path))
                    message = "file name is not UTF-8; rename the file (ignored)"
                    self.diags.append(Diagnostic(Location(rel), message, Severity.WARNING))
                    continue
                yield prefix + item.name


def _entry(
    config: Config,
    lang: str,
    collection: str,
    slug: str,
    folder: str,
    rel_file: str,
    rel: str,
    diags: list[Diagnostic],
) -> FoundFile | None:
    if lang not in config.languages:
        known = ", ".join(config.languages)
        diags.append(
            Diagnostic(Location(rel, 1), f"unknown language '{lang}' (languages: {known})")
        )
        return None
    return FoundFile(lang, Key(collection, slug), os.path.join(folder, rel_file), rel)


def stat_signature(config: Config) -> tuple[str, int]:
    """A digest of every file below the content folder (path, size, modification time),
    and the newest modification time seen (ns).

    Cheap (no file is read): it tells a command whether anything could have changed
    since it last looked, the way ``make`` and git's index do.
    """
    digest = hashlib.blake2b(digest_size=16)
    newest = 0
    skip = _not_content(config) if config.patterns else set()

    def walk(folder: str) -> None:
        nonlocal newest
        try:
            items = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for item in items:
            if item.is_dir(follow_symlinks=False):
                if item.path not in skip and not (skip and item.name.startswith(".")):
                    walk(item.path)
            else:
                try:
                    st = item.stat()
                except OSError:
                    continue
                line = f"{item.path}\0{st.st_size}\0{st.st_mtime_ns}\n"
                digest.update(line.encode("utf-8", "surrogateescape"))
                newest = max(newest, st.st_mtime_ns)

    for base in config.content_roots:
        walk(str(base))
    return digest.hexdigest(), newest


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
    unreadable: set[tuple[Key, str]] = set()
    read: list[FoundFile] = []  # the entries of ``done``, in its order
    for entry in entries:
        try:
            data = read_bytes(entry.path)
        except OSError as exc:
            diags.append(Diagnostic(Location(entry.rel), f"cannot read file: {exc.strerror}"))
            unreadable.add((entry.key, entry.lang))
            continue
        text, problem = decode(data, entry.rel)
        if text is None:
            assert problem is not None
            diags.append(problem)
            unreadable.add((entry.key, entry.lang))
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
            # loaded; only what needed PyYAML is cached.
            hit: object = parse_simple(text, entry.rel)
            if hit is None and cache is not None:
                hit = cache.get("parsed", blob)
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
                    cache.put("parsed", blob, parsed)
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
            unreadable.add((entry.key, entry.lang))
    return SiteContent(tuple(articles), tuple(diags), frozenset(unreadable))


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
