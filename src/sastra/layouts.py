"""Content path patterns: where each language version of an article lives.

Pure (no I/O). A pattern is a path relative to the site root with two
placeholders, as Lunaria writes them:

- ``@lang``: a language code (one path segment, or a file-name suffix);
- ``@path``: the article's path, folders included, without the extension.

``content/@lang/@path`` is Hugo's (and Sastra's default) folder layout,
``content/@path.@lang`` Hugo's and mkdocs-static-i18n's file-name suffix,
``i18n/@lang/docusaurus-plugin-content-docs/current/@path`` Docusaurus's
translated docs. A trailing ``.md``/``.mdx`` is allowed and means the same:
content files are Markdown (``.md``, ``.mdx``) either way.

A :class:`ContentPattern` either carries ``@lang`` or names its language (the
``source`` pattern of a pair is the site's default language). A file's key is
``collection/@path``; a file named ``index`` or ``_index`` is the page of its
folder (``news/_index.md`` is the article ``news``, a leaf bundle
``posts/trip/index.md`` is ``posts/trip``), and the one at the top is the home
page, keyed ``index``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sastra.model import Key

LANG_TOKEN = "@lang"
PATH_TOKEN = "@path"
INDEX_NAMES = ("index", "_index")
HOME_SLUG = "index"
_EXTENSIONS = (".mdx", ".md")


@dataclass(frozen=True)
class ContentPattern:
    """One compiled path pattern."""

    text: str
    """The pattern as written (extension removed)."""
    lang: str | None
    """The language of every file it matches; ``None`` when the pattern has ``@lang``."""
    collection: str
    """Folder prefix of the keys of the files it matches (``""`` for none)."""
    regex: re.Pattern[str]
    """Matches a site-relative path without its extension."""
    group: int = 0
    """The ``[[content]]`` entry it came from (a source and its translation pattern share one)."""

    @property
    def root(self) -> str:
        """The fixed folder the pattern lives under (``""`` for the site root)."""
        head = self.text.split("@", 1)[0]
        return head.rsplit("/", 1)[0] if "/" in head else ""

    def match(self, rel_stem: str) -> tuple[str, str] | None:
        """``(lang or "", @path)`` of a site-relative path without extension, or ``None``."""
        found = self.regex.fullmatch(rel_stem)
        if found is None:
            return None
        return (found.group("lang") if self.lang is None else self.lang), found.group("path")

    def path_for(self, lang: str, path: str) -> str:
        """The site-relative path (without extension) of ``path`` in ``lang``."""
        return self.text.replace(LANG_TOKEN, lang).replace(PATH_TOKEN, path)


def pattern_problem(text: str, *, needs_lang: bool) -> str | None:
    """What is wrong with a pattern as written (``None`` when it is usable)."""
    stem = strip_extension(text)
    if not stem or stem.startswith("/") or "\\" in stem:
        return f"'{text}' must be a path relative to the site root, with '/' between folders"
    if any(part in ("", ".", "..") for part in stem.split("/")):
        return f"'{text}' has an empty, '.' or '..' folder"
    if stem.count(PATH_TOKEN) != 1:
        return f"'{text}' must contain {PATH_TOKEN} exactly once"
    langs = stem.count(LANG_TOKEN)
    if needs_lang and langs != 1:
        hint = "" if langs else " (or give its 'lang')"
        return f"'{text}' must contain {LANG_TOKEN} exactly once{hint}"
    if not needs_lang and langs:
        return f"'{text}' must not contain {LANG_TOKEN} (its language is given)"
    rest = stem.replace(LANG_TOKEN, "").replace(PATH_TOKEN, "")
    if "@" in rest:
        return f"'{text}' has an unknown placeholder (only {LANG_TOKEN} and {PATH_TOKEN})"
    if not stem.endswith(PATH_TOKEN) and not re.search(r"@path\.@lang$", stem):
        return f"'{text}' must end with {PATH_TOKEN} or {PATH_TOKEN}.{LANG_TOKEN}"
    return None


def compile_pattern(
    text: str, lang: str | None, collection: str = "", group: int = 0
) -> ContentPattern:
    """Compile a pattern :func:`pattern_problem` accepted."""
    stem = strip_extension(text)
    out = []
    for piece in re.split(f"({LANG_TOKEN}|{PATH_TOKEN})", stem):
        if piece == LANG_TOKEN:
            out.append(r"(?P<lang>[^/.]+)")
        elif piece == PATH_TOKEN:
            out.append(r"(?P<path>[^/].*?)")
        else:
            out.append(re.escape(piece))
    return ContentPattern(stem, lang, collection.strip("/"), re.compile("".join(out)), group)


def strip_extension(path: str) -> str:
    """``path`` without a trailing ``.md``/``.mdx``."""
    for ext in _EXTENSIONS:
        if path.endswith(ext):
            return path[: -len(ext)]
    return path


def key_of(collection: str, path: str) -> Key:
    """The key of the file at ``@path`` (collection prefix added); an ``index``/``_index``
    file is the page of its folder, the one at the top the home page ``index``."""
    full = f"{collection}/{path}" if collection else path
    folder, _, name = full.rpartition("/")
    if name in INDEX_NAMES:
        if not folder:
            return Key("", HOME_SLUG)
        folder, _, name = folder.rpartition("/")
    return Key(folder, name)


def counterpart_path(
    patterns: Iterable[ContentPattern], languages: Collection[str], rel: str, lang: str
) -> str | None:
    """Where the ``lang`` version of the file at ``rel`` (site-relative) belongs: the
    pattern that matched it (as discovery matched it: an ``@lang`` that is not one of
    ``languages`` is no match) gives ``@path``, a pattern of ``lang`` from the same entry
    (else any entry of the same collection) places it. ``None`` when none fits."""
    ordered = list(patterns)
    stem, ext = strip_extension(rel), rel[len(strip_extension(rel)) :]
    for pattern in ordered:
        hit = pattern.match(stem)
        if hit is None or hit[0] not in languages:
            continue
        path = hit[1]
        fits = [p for p in ordered if p.lang in (lang, None) and p.collection == pattern.collection]
        fits.sort(key=lambda p: (p.group != pattern.group, p.lang is None))
        return fits[0].path_for(lang, path) + ext if fits else None
    return None


def roots(patterns: Iterable[ContentPattern]) -> tuple[str, ...]:
    """The folders to walk for these patterns, none inside another, sorted."""
    found = sorted({p.root for p in patterns})
    kept: list[str] = []
    for root in found:
        if not any(root == k or root.startswith(k + "/") or k == "" for k in kept):
            kept.append(root)
    return tuple(kept)
