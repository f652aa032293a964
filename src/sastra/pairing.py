"""Pair the language versions of each article by ``(collection, slug)``.

One function, like Pelican's: it returns the pairs and reports every key that
has two files in one language (``x.md`` and ``x.mdx``) with both paths.
"""

from __future__ import annotations

from collections.abc import Iterable

from sastra.config.model import Config
from sastra.layouts import counterpart_path
from sastra.model import Article, Diagnostic, Key, Location, Pair


def pair_articles(articles: Iterable[Article]) -> tuple[tuple[Pair, ...], tuple[Diagnostic, ...]]:
    """Group articles by key; sorted by key. A duplicate keeps the first path in sort order."""
    by_key: dict[Key, dict[str, Article]] = {}
    diags: list[Diagnostic] = []
    # Sort keys are plain tuples: comparing ``Key`` dataclasses runs Python code per
    # comparison (a quarter of a second for 20,000 files); the order is the same.
    ordered = sorted(
        articles,
        key=lambda a: (a.key.collection, a.key.slug, a.lang, _ext_rank(a.path), a.path),
    )
    for article in ordered:
        versions = by_key.setdefault(article.key, {})
        kept = versions.get(article.lang)
        if kept is not None:
            diags.append(
                Diagnostic(
                    Location(article.path, 1),
                    f"two files for '{article.key}' in '{article.lang}': {kept.path} and "
                    f"{article.path}; using {kept.path}",
                )
            )
            continue
        versions[article.lang] = article
    # ``by_key`` was filled in key order already.
    pairs = tuple(Pair(key, versions) for key, versions in by_key.items())
    return pairs, tuple(diags)


def _ext_rank(path: str) -> int:
    return 0 if path.endswith(".md") else 1


def find_pair(pairs: Iterable[Pair], key: str) -> Pair | None:
    """The pair whose key reads ``key`` (``news/28-post`` or ``28-post``); ``None`` if absent."""
    wanted = key.strip().strip("/")
    for ext in (".mdx", ".md"):
        wanted = wanted.removesuffix(ext)
    for pair in pairs:
        if str(pair.key) == wanted:
            return pair
    return None


def find_pair_by_path(pairs: Iterable[Pair], path: str) -> Pair | None:
    """The pair one of whose files is at ``path`` (relative to the site root, with ``/``),
    read or not; ``None`` if no pair has it."""
    for pair in pairs:
        if any(a.path == path for a in pair.versions.values()) or path in pair.unreadable.values():
            return pair
    return None


def counterpart_file(config: Config, article: Article, lang: str) -> str | None:
    """Where the ``lang`` version of ``article`` belongs (site-relative, with ``/``), in
    the site's layout; ``None`` when no ``[[content]]`` pattern places one."""
    ext = article.path[len(article.path.rsplit(".", 1)[0]) :]
    if config.patterns:
        return counterpart_path(config.patterns, config.languages, article.path, lang)
    key = article.key
    root = config.root
    inside = config.content_dir.is_relative_to(root)
    folder = (config.content_dir.relative_to(root) if inside else config.content_dir).as_posix()
    if config.layout == "astro":
        parts = [folder, key.collection, lang, f"{key.slug}{ext}"]
    else:
        parts = [folder, lang, key.collection, f"{key.slug}{ext}"]
    return "/".join(p for p in parts if p and p != ".")
