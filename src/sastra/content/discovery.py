"""Find the content files of a site (the walk of the content stage; no file is read).

:func:`discover` walks the content folder in the configured layout (or the configured
path patterns) and names every ``.md``/``.mdx`` file with its language and key, in a
stable order, with a warning for each folder or file it leaves out.
:func:`stat_signature` is the cheap question "could anything have changed?" asked
before a warm command reads anything.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sastra.config.model import Config
from sastra.config.validate import LANG_RE
from sastra.layouts import key_of
from sastra.model import Diagnostic, Key, Location, Severity

EXTENSIONS = (".md", ".mdx")


@dataclass(frozen=True)
class FoundFile:
    """A content file found on disk, before parsing."""

    lang: str
    key: Key
    path: str
    """Absolute path."""
    rel: str
    """Path relative to the site root, as shown to users."""


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
