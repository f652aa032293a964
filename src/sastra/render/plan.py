"""The whole site as a plan: every page spec, the feeds, the sitemap, and the field images.

``plan_site`` is pure apart from checking that images exist: it turns the loaded
site and the translation states into :class:`~sastra.render.pages.PageSpec`
values, in a stable order, and collects the problems it finds (missing
``image`` files, two articles wanting the same URL).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sastra.addresses import url_for
from sastra.catalogs import UI_LANGUAGE
from sastra.config.model import Config
from sastra.content import slugify
from sastra.khmer.digits import localize_digits
from sastra.layouts import HOME_SLUG
from sastra.model import (
    Article,
    ArticleStatus,
    Diagnostic,
    Key,
    Location,
    Pair,
    Severity,
    State,
)
from sastra.render.assets import (
    asset_refusal,
    image_output,
    image_source,
    is_external,
    not_in_static,
    static_address,
    static_file,
    url_path,
)
from sastra.render.feeds import atom_feed, robots, sitemap
from sastra.render.fields import image_values, shown_fields
from sastra.render.hugo import hugo_article, shortcodes_warning
from sastra.render.pages import (
    ListedArticle,
    PageSpec,
    article_page,
    collection_title,
    language_name,
    list_pages,
    special_page,
)
from sastra.render.urls import Linker, collection_url, page_url, tag_url

LEAD_IMAGE_FIELDS = ("image", "heroImage", "cover")
"""Frontmatter fields read as an article's lead image, first found wins."""


@dataclass(frozen=True)
class Plan:
    """Everything the build writes, before rendering."""

    pages: tuple[PageSpec, ...]
    """Pages rendered through the theme."""
    files: Mapping[str, str]
    """Other generated files (feeds, sitemap, robots.txt): output path → text."""
    images: Mapping[str, str]
    """Output path → source path of the images named by ``image`` fields."""
    problems: tuple[Diagnostic, ...]
    """Errors found while planning."""
    warnings: tuple[Diagnostic, ...] = ()
    """Non-fatal problems (a collection with no title in a language)."""


def plan_site(
    config: Config,
    pairs: tuple[Pair, ...],
    statuses: Mapping[Key, ArticleStatus],
    updated: Mapping[str, dt.date],
    ui: Callable[[str, str], str | None] | None = None,
) -> Plan:
    """Plan every page. ``updated`` maps a source file's path to the date it last changed;
    ``ui(lang, text)`` is a UI string's translation in the catalogs, if any (collection
    titles the config does not give: "News" is "ព័ត៌មាន" in the shipped Khmer catalog)."""
    problems: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    field_images, image_urls = _field_images(config, pairs, problems, warnings)
    data_images = _data_images(config, pairs, field_images, problems, warnings)
    sections = _section_pages(config, pairs)
    _check_clashes(config, [p for p in pairs if p.key not in sections], problems)
    pages: list[PageSpec] = []
    entries: dict[str, list[ListedArticle]] = defaultdict(list)
    intros: dict[tuple[str, str], Article] = {}
    shown = _Shortcodes(config, frozenset(p.key for p in pairs), warnings)
    for pair in pairs:
        if pair.key in sections:
            for lang, version in pair.versions.items():
                intros[lang, sections[pair.key]] = shown(lang, version)
            continue
        status = statuses.get(pair.key)
        for lang in config.languages:
            article = pair.versions.get(lang)
            if article is not None:
                notice = _stale_notice(config, lang, pair, status, updated)
                page = shown(lang, article)
                pages.append(
                    article_page(config, lang, pair, page, notice, image_urls, data_images)
                )
                entries[lang].append(ListedArticle(article, url_for(config, lang, pair.key)))
            elif config.build.untranslated == "render-source":
                source = _source_of(config, pair, status)
                link = Linker(config, url_for(config, lang, pair.key) + "index.html")
                notice = {
                    "kind": "untranslated",
                    "source_lang": source.lang,
                    "source_name": language_name(source.lang, lang),
                    "href": link.href(url_for(config, source.lang, pair.key)),
                    "date": None,
                }
                page = shown(lang, source)
                pages.append(
                    article_page(config, lang, pair, page, notice, image_urls, data_images)
                )
    sitemap_pages: list[tuple[str, dt.date | None]] = []
    files: dict[str, str] = {}
    for lang in config.languages:
        mine = entries[lang]
        pages += list_pages(
            config, lang, f"{lang}/", "index", mine, image_urls, intro=intros.get((lang, ""))
        )
        by_collection: dict[str, list[ListedArticle]] = defaultdict(list)
        for held_lang, collection in intros:
            if held_lang == lang and collection:
                by_collection[collection] = []  # a section page with no articles yet
        by_tag: dict[str, list[ListedArticle]] = defaultdict(list)
        tag_names: dict[str, str] = {}
        for entry in mine:
            if entry.article.key.collection:
                by_collection[entry.article.key.collection].append(entry)
            for tag in entry.article.tags:
                slug = _tag_slug(tag)
                tag_names.setdefault(slug, tag)
                by_tag[slug].append(entry)
        _add_parent_indexes(config, lang, by_collection, {e.url for e in mine})
        for collection in sorted(by_collection):
            base = collection_url(config, lang, collection)
            title, configured = collection_title(config, collection, lang)
            intro = intros.get((lang, collection))
            if not configured:
                found = ui(lang, title) if ui is not None else None
                if found:
                    title = found
                elif title.isdigit():  # a year folder (news/2026) is its number: ២០២៦
                    title = localize_digits(title, lang)
                elif lang != UI_LANGUAGE and (intro is None or intro.title == intro.key.slug):
                    warnings.append(_untitled(config, collection, lang, title))
            pages += list_pages(
                config, lang, base, "collection", by_collection[collection], image_urls,
                name=title, collection=collection, intro=intro,
            )  # fmt: skip
        for slug in sorted(by_tag):
            name = tag_names[slug]
            pages += list_pages(
                config, lang, tag_url(lang, name), "tag", by_tag[slug], image_urls, name=name
            )
        pages.append(special_page(config, lang, f"{lang}/404.html", "404.html", "404"))
        files[f"{lang}/feed.xml"] = atom_feed(config, lang, mine)
        newest = max((e.date for e in mine if e.date), default=None)
        sitemap_pages.append((f"{lang}/", newest))
        sitemap_pages += [(e.url, e.date) for e in mine]
    default = config.default_language
    pages.append(special_page(config, default, "index.html", "root.html", "root"))
    pages.append(special_page(config, default, "404.html", "404.html", "404"))
    versions = {p.key: [c for c in config.languages if c in p.versions] for p in pairs}
    files["sitemap.xml"] = sitemap(config, sitemap_pages, versions)
    files["robots.txt"] = robots(config)
    pages = _without_clashes(pages, problems)
    if shown.dropped:
        warnings.append(shortcodes_warning(shown.dropped))
    return Plan(tuple(pages), files, field_images, tuple(problems), tuple(warnings))


def _add_parent_indexes(
    config: Config, lang: str, by_collection: dict[str, list[ListedArticle]], taken: set[str]
) -> None:
    """A folder whose articles are all in sub-folders (Hugo's ``news/2026/``) has an
    index too, as Hugo builds a section's list: it lists the articles of its sub-folders.
    Not where an article of its own lives (``content/km/news.md``)."""
    own = {c: list(entries) for c, entries in by_collection.items()}
    for collection, entries in own.items():
        parts = collection.split("/")
        for n in range(1, len(parts)):
            parent = "/".join(parts[:n])
            if own.get(parent) or collection_url(config, lang, parent) in taken:
                continue
            by_collection.setdefault(parent, []).extend(entries)


class _Shortcodes:
    """A version as its page shows it: on a Hugo site, its shortcodes made into links or
    left out (:func:`~sastra.render.hugo.hugo_article`); a version's warnings are kept
    once, from its page in its own language."""

    def __init__(self, config: Config, keys: frozenset[Key], warnings: list[Diagnostic]):
        self.config = config
        self.keys = keys
        self.warnings = warnings
        self.dropped: list[tuple[str, dict[str, int]]] = []

    def __call__(self, lang: str, article: Article) -> Article:
        if self.config.layout != "hugo":
            return article
        shown, problems, dropped = hugo_article(self.config, lang, article, self.keys.__contains__)
        if lang == article.lang:
            self.warnings.extend(problems)
            if dropped:
                self.dropped.append((article.path, dropped))
        return shown


def _untitled(config: Config, collection: str, lang: str, shown: str) -> Diagnostic:
    """The warning that a collection has no title in ``lang``: at the config file, else
    where the title may go (a pattern layout's section page: ``content/km/news/_index.md``;
    else the collection's folder)."""
    name = collection if re.fullmatch(r"[A-Za-z0-9_-]+", collection) else f'"{collection}"'
    table = f"[collections.{name}]"
    if config.config_path is not None:
        where, hint = Location(config.rel(config.config_path)), f"set title.{lang} in {table}"
    else:
        section = _section_file(config, collection, lang)
        if section is not None:
            hint = (
                f"give this section page a title, or set title.{lang} in {table} of a sastra.toml"
            )
            where = Location(section)
        else:
            folder = config.content_dir / collection
            if config.layout != "astro":
                folder = config.content_dir / lang / collection
            where, hint = (
                Location(config.rel(folder)),
                f"set title.{lang} in {table} of a sastra.toml",
            )
    message = (
        f"collection '{collection}' has no {lang} title; its {lang} index is titled "
        f"'{shown}' ({hint})"
    )
    return Diagnostic(where, message, Severity.WARNING)


def _section_file(config: Config, collection: str, lang: str) -> str | None:
    """Where the section page (``_index.md``) of ``collection`` in ``lang`` goes in a
    pattern layout: ``content/km/news/_index.md``, ``content/posts/_index.en.md``."""
    for pattern in sorted(config.patterns, key=lambda p: p.lang is None):
        if pattern.lang not in (lang, None):
            continue
        top = pattern.collection
        if top and collection != top and not collection.startswith(f"{top}/"):
            continue
        below = collection[len(top) :].strip("/")
        return pattern.path_for(lang, f"{below}/_index" if below else "_index") + ".md"
    return None


def _without_clashes(pages: list[PageSpec], problems: list[Diagnostic]) -> list[PageSpec]:
    """An article whose page lands where the build writes an index, tag or list page
    (``content/km/tags/telecom.md``, ``content/km/page/2.md``) is an error, not one page
    silently written over the other."""
    generated = {spec.out: spec for spec in pages if spec.article is None}
    kept = []
    for spec in pages:
        other = generated.get(spec.out) if spec.article is not None else None
        if other is None or spec.article is None:
            kept.append(spec)
            continue
        kind = other.templates[-1].rsplit("/", 1)[-1].removesuffix(".html")
        url = spec.out.removesuffix("index.html")
        message = (
            f"same URL /{url} as the generated {kind} page there; rename the file or its folder"
        )
        problems.append(Diagnostic(Location(spec.article.path, 1), message))
    return kept


# A site has a few dozen tags, each on hundreds of articles.
_tag_slug = lru_cache(maxsize=4096)(slugify)


def _source_of(config: Config, pair: Pair, status: ArticleStatus | None) -> Article:
    if status is not None and status.source is not None and status.source in pair.versions:
        return pair.versions[status.source]
    return next(pair.versions[c] for c in config.languages if c in pair.versions)


def _stale_notice(
    config: Config,
    lang: str,
    pair: Pair,
    status: ArticleStatus | None,
    updated: Mapping[str, dt.date],
) -> dict[str, Any] | None:
    if not config.build.stale_notice or status is None or status.source is None:
        return None
    version = status.versions.get(lang)
    if version is None or version.state is not State.STALE:
        return None
    source = pair.versions[status.source]
    link = Linker(config, url_for(config, lang, pair.key) + "index.html")
    return {
        "kind": "stale",
        "source_lang": source.lang,
        "source_name": language_name(source.lang, lang),
        "href": link.href(url_for(config, source.lang, pair.key)),
        "date": updated.get(source.path),
    }


def _field_images(
    config: Config, pairs: tuple[Pair, ...], problems: list[Diagnostic], warnings: list[Diagnostic]
) -> tuple[dict[str, str], dict[str, str]]:
    """Resolve every lead image (``image``, else Astro's ``heroImage``, else ``cover``):
    (output → source, article path → output)."""
    files: dict[str, str] = {}
    urls: dict[str, str] = {}
    for pair in pairs:
        for article in pair.versions.values():
            name = next((n for n in LEAD_IMAGE_FIELDS if article.meta.get(n)), "image")
            value = article.meta.get(name)
            if not isinstance(value, str) or not value.strip():
                continue
            out = _static_image(config, article, name, value.strip(), files, warnings)
            if out is None and not is_external(value.strip()):
                out = _publish_image(config, article, name, value.strip(), files, problems)
            if out is not None:
                urls[article.path] = url_path(out)
    return files, urls


def _data_images(
    config: Config,
    pairs: tuple[Pair, ...],
    files: dict[str, str],
    problems: list[Diagnostic],
    warnings: list[Diagnostic],
) -> dict[tuple[str, str], str]:
    """Resolve the images named in data fields (a photo, a staff member's portrait):
    (article path, value) → URL; each file published is added to ``files``."""
    urls: dict[tuple[str, str], str] = {}
    for pair in pairs:
        configured = config.collection(pair.key.collection).display.fields
        for article in pair.versions.values():
            for path, value in image_values(article, shown_fields(configured, article)):
                out = _static_image(config, article, path, value, files, warnings)
                if out is None and not is_external(value):
                    out = _publish_image(config, article, path, value, files, problems)
                if out is not None:
                    urls[(article.path, value)] = url_path(out)
    return urls


def _static_image(
    config: Config,
    article: Article,
    field: str,
    value: str,
    files: dict[str, str],
    warnings: list[Diagnostic],
) -> str | None:
    """The output path a site-absolute image names on a site with a static folder (Hugo's
    ``image = "/images/x.png"``: ``static/images/x.png``, recorded in ``files``); kept,
    with a warning, when no static folder holds it. ``None`` for any other address."""
    out = static_address(config, value)
    if out is None:
        return None
    source = static_file(config, out)
    if source is None:
        where = Location(article.path, article.line_of(field))
        warnings.append(Diagnostic(where, not_in_static(config, value), Severity.WARNING))
    else:
        files[out] = str(source)
    return out


def _publish_image(
    config: Config,
    article: Article,
    field: str,
    value: str,
    files: dict[str, str],
    problems: list[Diagnostic],
) -> str | None:
    """The output path of an image a field of ``article`` names (recorded in ``files``),
    or ``None`` with the problem recorded (not found, or not to be published)."""
    source = image_source(config, article.path, value)
    refused = asset_refusal(config, source) if source.is_file() else None
    out = image_output(config, source) if source.is_file() and not refused else None
    if out is None:
        where = Location(article.path, article.line_of(field))
        if not source.is_file():
            message = f"image not found: {value}"
        else:
            message = f"image not published: {value}: {refused or 'outside the site'}"
        problems.append(Diagnostic(where, message))
        return None
    files[out] = str(source)
    return out


def _section_pages(config: Config, pairs: tuple[Pair, ...]) -> dict[Key, str]:
    """Section and home pages (``news/_index.md``, a top ``index.md``) of a pattern
    layout, and the collection whose index page each introduces (``""``: the home).

    :mod:`sastra.layouts` keys such a file by its folder (``news``), which is where the
    collection's index lives: rendered as its own page it would overwrite that index.
    """
    if not config.patterns:
        return {}
    collections = {p.key.collection for p in pairs if p.key.collection}
    found: dict[Key, str] = {}
    for pair in pairs:
        key = pair.key
        if key == Key("", HOME_SLUG):
            found[key] = ""
        elif str(key) in collections:
            found[key] = str(key)
    return found


def _check_clashes(config: Config, pairs: list[Pair], problems: list[Diagnostic]) -> None:
    """Two files whose names slugify alike would overwrite each other's page."""
    seen: dict[str, Article] = {}
    for pair in pairs:
        for lang, article in pair.versions.items():
            url = url_for(config, lang, pair.key)
            other = seen.get(url)
            if other is not None:
                message = f"same URL /{url} as {other.path}; rename one of the files"
                problems.append(Diagnostic(Location(article.path, 1), message))
            else:
                seen[url] = article


__all__ = ["Plan", "page_url", "plan_site"]
