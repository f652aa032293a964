"""Find and read the articles of a site (the I/O edge of the content stage).

``load_site(config)`` walks the content folder in the configured layout, reads
every ``.md``/``.mdx`` file, and returns the parsed articles with every
diagnostic. One bad file never stops the others: it is reported and left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sastra.cache import BlobCache
from sastra.config import Config
from sastra.content.parse import ParsedFile, blob_id, check_fields, decode, make_article, parse_text
from sastra.model import Article, Diagnostic, Key, Location, Severity

EXTENSIONS = (".md", ".mdx")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class SiteContent:
    """Every article that could be read, and every problem met on the way."""

    articles: tuple[Article, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Entry:
    """A content file found on disk, before parsing."""

    lang: str
    key: Key
    path: Path


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


def discover(config: Config) -> tuple[list[Entry], list[Diagnostic]]:
    """Every content file of the site with its language and key, in a stable order."""
    entries: list[Entry] = []
    diags: list[Diagnostic] = []
    base = config.content_dir
    if not base.is_dir():
        diags.append(Diagnostic(Location(config.rel(base)), "content folder not found"))
        return entries, diags
    languages = set(config.languages)
    if config.layout == "astro":
        for coll in sorted(p for p in base.iterdir() if p.is_dir()):
            for lang_dir in sorted(p for p in coll.iterdir() if p.is_dir()):
                for path in _files(lang_dir):
                    entry = _entry(
                        config, lang_dir.name, coll.name, path, lang_dir, languages, diags
                    )
                    if entry:
                        entries.append(entry)
    else:
        for lang_dir in sorted(p for p in base.iterdir() if p.is_dir()):
            if not _LANG_RE.match(lang_dir.name) and lang_dir.name not in languages:
                diags.append(
                    Diagnostic(
                        Location(config.rel(lang_dir)),
                        f"folder '{lang_dir.name}' is not a language folder; ignored",
                        Severity.WARNING,
                    )
                )
                continue
            for path in _files(lang_dir):
                collection = path.parent.relative_to(lang_dir).as_posix()
                entry = _entry(config, lang_dir.name, collection, path, lang_dir, languages, diags)
                if entry:
                    entries.append(entry)
        for path in sorted(base.iterdir()):
            if path.is_file() and path.suffix in EXTENSIONS:
                diags.append(
                    Diagnostic(
                        Location(config.rel(path), 1),
                        "not inside a language folder (content/<lang>/…); ignored",
                        Severity.WARNING,
                    )
                )
    return entries, diags


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.suffix in EXTENSIONS and path.is_file() and not path.name.startswith("."):
            yield path


def _entry(
    config: Config,
    lang: str,
    collection: str,
    path: Path,
    lang_dir: Path,
    languages: set[str],
    diags: list[Diagnostic],
) -> Entry | None:
    rel = config.rel(path)
    if lang not in languages:
        known = ", ".join(config.languages)
        diags.append(
            Diagnostic(Location(rel, 1), f"unknown language '{lang}' (languages: {known})")
        )
        return None
    if config.layout == "astro":
        slug = path.relative_to(lang_dir).with_suffix("").as_posix()
    else:
        slug = path.stem
        collection = "" if collection == "." else collection
    return Entry(lang, Key(collection, slug), path)


def load_site(config: Config, cache: BlobCache | None = None) -> SiteContent:
    """Discover and parse every article; problems are collected, never raised."""
    entries, diags = discover(config)
    articles: list[Article] = []
    for entry in entries:
        article, file_diags = load_article(config, entry, cache)
        diags.extend(file_diags)
        if article is not None:
            articles.append(article)
    return SiteContent(tuple(articles), tuple(diags))


def load_article(
    config: Config, entry: Entry, cache: BlobCache | None = None
) -> tuple[Article | None, list[Diagnostic]]:
    """Read and parse one file; ``None`` and its diagnostics when it cannot be read."""
    rel = config.rel(entry.path)
    try:
        data = entry.path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(Location(rel), f"cannot read file: {exc.strerror}")]
    blob = blob_id(data)
    text, problem = decode(data, rel)
    if text is None:
        assert problem is not None
        return None, [problem]
    parsed = cache.get("parsed", blob) if cache is not None else None
    if not isinstance(parsed, ParsedFile):
        parsed = parse_text(text, rel)
        if cache is not None:
            cache.put("parsed", blob, parsed)
    if not parsed.ok:
        return None, [_relocate(d, rel) for d in parsed.diagnostics]
    collection = config.collection(entry.key.collection)
    diags = check_fields(parsed.meta, parsed.field_lines, rel, collection.required)
    article, l10n_diags = make_article(
        entry.key, entry.lang, rel, text, parsed, blob, config.languages
    )
    diags.extend(l10n_diags)
    if not any(
        isinstance(parsed.meta.get(f), str) and parsed.meta[f].strip() for f in ("title", "name")
    ):
        diags.append(
            Diagnostic(
                Location(rel, 1),
                "no 'title' or 'name' field; the file name is shown instead",
                Severity.WARNING,
            )
        )
    url_slug = slugify(entry.key.slug.rsplit("/", 1)[-1])
    if url_slug != entry.key.slug.rsplit("/", 1)[-1]:
        diags.append(
            Diagnostic(
                Location(rel),
                f"file name has spaces, capitals or punctuation; its URL slug is '{url_slug}'",
                Severity.WARNING,
            )
        )
    return article, diags


def _relocate(diag: Diagnostic, rel: str) -> Diagnostic:
    """A cached diagnostic names the path it was parsed under; the same bytes may live elsewhere."""
    if diag.location.path == rel:
        return diag
    loc = Location(rel, diag.location.line, diag.location.column)
    return Diagnostic(loc, diag.message, diag.severity)
