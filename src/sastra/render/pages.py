"""The page plan: every page of the site as a picklable :class:`PageSpec`, no I/O, no Jinja.

A spec holds the output path, the templates to try and the whole template
context (plain dicts, strings, dates), so it can be hashed for the build cache
and sent to a worker process. Article bodies stay Markdown here; the worker
renders them (see :mod:`sastra.render.build`).

Where each page lives and how pages link to each other is :mod:`sastra.render.urls`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError

from sastra.addresses import url_for
from sastra.config.model import Config
from sastra.model import Article, Pair
from sastra.render.fields import data_fields, humanize, shown_fields
from sastra.render.urls import Linker, page_url, tag_url

_OG_LOCALES = {"km": "km_KH", "en": "en_US"}


@dataclass(frozen=True)
class PageSpec:
    """One page to render."""

    out: str
    """Output path relative to the output folder (``km/news/x/index.html``)."""
    lang: str
    """Language of the page (of its UI strings, dates and digits)."""
    templates: tuple[str, ...]
    """Templates to try, most specific first."""
    context: dict[str, Any]
    """The template context (the body still Markdown under ``article.body``)."""
    article: Article | None = None
    """The article whose body is rendered into ``article.content``, if any."""


@dataclass(frozen=True)
class ListedArticle:
    """One article as listed on index, tag and feed pages."""

    article: Article
    url: str
    tags: tuple[str, ...] = field(default=())
    date: dt.date | None = field(init=False, repr=False, compare=False)
    """``article.date``, worked out once (lists sort and show it many times)."""
    title: str = field(init=False, repr=False, compare=False)
    """``article.title``, worked out once."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", self.article.date)
        object.__setattr__(self, "title", self.article.title)


@lru_cache(maxsize=64)
def language_name(code: str, in_lang: str) -> str:
    """``language_name("km", "km")`` → ``ខ្មែរ``; ``("km", "en")`` → ``Khmer``."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(in_lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def og_locale(lang: str) -> str:
    """Open Graph locale: ``km_KH``, ``en_US``, else the language's likely territory."""
    if lang in _OG_LOCALES:
        return _OG_LOCALES[lang]
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return lang
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def sort_entries(entries: Sequence[ListedArticle]) -> list[ListedArticle]:
    """Newest first; undated entries after them, by title."""
    dated = sorted(
        (e for e in entries if e.date is not None),
        key=lambda e: (e.date, e.title),
        reverse=True,
    )
    undated = sorted((e for e in entries if e.date is None), key=lambda e: e.title)
    return dated + undated


def site_context(config: Config, lang: str, link: Linker) -> dict[str, Any]:
    """What every page knows about the site."""
    return {
        "languages": [
            {"code": code, "name": language_name(code, code), "href": link.href(f"{code}/")}
            for code in config.languages
        ],
        "default_language": config.default_language,
        "title": config.site.title_in(lang, config.default_language),
        "home": link.href(f"{lang}/"),
        "feed": link.href(f"{lang}/feed.xml"),
        "assets": link.href("assets/"),
        "base_url": config.build.base_url,
        "lunar_dates": config.build.lunar_dates,
    }


def entry_context(entry: ListedArticle, link: Linker, images: Mapping[str, str]) -> dict[str, Any]:
    """An article as a list item."""
    article = entry.article
    description = article.meta.get("description")
    image = images.get(article.path)
    return {
        "title": entry.title,
        "href": link.href(entry.url),
        "date": entry.date,
        "description": description if isinstance(description, str) else "",
        "image": link.href(image) if image else None,
        "lang": article.lang,
    }


def article_page(
    config: Config,
    lang: str,
    pair: Pair,
    article: Article,
    notice: dict[str, Any] | None,
    images: Mapping[str, str],
    data_images: Mapping[tuple[str, str], str] | None = None,
) -> PageSpec:
    """The page of one version (``article.lang == lang``) or of the source shown in ``lang``.

    ``images`` maps an article's path to its ``image`` field's URL, ``data_images`` (article
    path, value) to the URL of an image named in a data field."""

    url = url_for(config, lang, pair.key)
    out = url + "index.html"
    link = Linker(config, out)
    alternates = [
        {"lang": code, "href": link.absolute(url_for(config, code, pair.key))}
        for code in config.languages
        if code in pair.versions
    ]
    default = config.default_language
    x_lang = default if default in pair.versions else article.lang
    switcher = []
    for code in config.languages:
        if code == lang:
            continue
        if code in pair.versions:
            switcher.append(
                {
                    "lang": code,
                    "state": "available",
                    "href": link.href(url_for(config, code, pair.key)),
                }
            )
        elif config.build.untranslated == "render-source":
            switcher.append(
                {
                    "lang": code,
                    "state": "source",
                    "href": link.href(url_for(config, code, pair.key)),
                }
            )
        else:
            switcher.append({"lang": code, "state": "missing", "href": link.href(f"{code}/")})
    for item in switcher:
        item["name"] = language_name(str(item["lang"]), str(item["lang"]))
    meta = {k: v for k, v in article.meta.items() if k != "l10n"}
    display = config.collection(pair.key.collection).display
    found = data_images or {}

    def image_href(value: str) -> str | None:
        url = found.get((article.path, value))
        return link.href(url) if url else None

    tags = article.tags
    image = images.get(article.path)
    description = meta.get("description")
    context = {
        "lang": lang,
        "root": link.root,
        "site": site_context(config, lang, link),
        "page": {
            "kind": "article",
            "title": article.title,
            "description": description if isinstance(description, str) else "",
            "canonical": link.absolute(url),
            "og_locale": og_locale(lang),
            "og_alternates": [og_locale(a["lang"]) for a in alternates if a["lang"] != lang],
            "alternates": alternates if len(alternates) > 1 else [],
            "x_default": link.absolute(url_for(config, x_lang, pair.key))
            if len(alternates) > 1
            else None,
            "image": link.absolute(image) if image else None,
        },
        "switcher": switcher,
        "notice": notice,
        "article": {
            "key": str(pair.key),
            "collection": pair.key.collection,
            "slug": pair.key.slug,
            "lang": article.lang,
            "path": article.path,
            "title": article.title,
            "description": description if isinstance(description, str) else "",
            "date": article.date,
            "meta": meta,
            "image": link.href(image) if image else None,
            "tags": [{"name": t, "href": link.href(tag_url(lang, t))} for t in tags],
            "body": article.body,
            "fields": data_fields(
                article, lang, shown_fields(display.fields, article), display.labels, image_href
            ),
        },
    }
    templates = _templates_for(pair.key.collection, "article.html")
    return PageSpec(out, lang, templates, context, article)


def list_pages(
    config: Config,
    lang: str,
    base: str,
    kind: str,
    entries: Sequence[ListedArticle],
    images: Mapping[str, str],
    *,
    name: str = "",
    collection: str = "",
    intro: Article | None = None,
) -> list[PageSpec]:
    """An index (``kind`` ``index``/``collection``) or a tag page, paginated.

    ``intro``: the section (or home) page whose title heads the index and whose body
    is rendered above the list on its first page (``article.content``)."""
    size = config.build.page_size
    ordered = sort_entries(entries)
    chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)] or [[]]
    template = "tag.html" if kind == "tag" else "list.html"
    pages = []
    for number, chunk in enumerate(chunks, 1):
        url = page_url(base, number)
        out = url + "index.html"
        link = Linker(config, out)
        context = {
            "lang": lang,
            "root": link.root,
            "site": site_context(config, lang, link),
            "page": {
                "kind": kind,
                "title": name,
                "description": "",
                "canonical": link.absolute(url),
                "og_locale": og_locale(lang),
                "og_alternates": [og_locale(c) for c in config.languages if c != lang],
                "alternates": [],
                "x_default": None,
                "image": None,
            },
            "switcher": _index_switcher(config, lang, link),
            "notice": None,
            "list": {
                "name": name,
                "collection": collection,
                "entries": [entry_context(e, link, images) for e in chunk],
                "number": number,
                "count": len(chunks),
                "total": len(ordered),
                "prev": link.href(page_url(base, number - 1)) if number > 1 else None,
                "next": link.href(page_url(base, number + 1)) if number < len(chunks) else None,
            },
        }
        templates = _templates_for(collection, template) if kind == "collection" else (template,)
        shown = intro if number == 1 else None
        if intro is not None and intro.title != intro.key.slug:  # it has a title field
            description = intro.meta.get("description")
            context["page"] = {
                **context["page"],  # type: ignore[dict-item]
                "title": intro.title,
                "description": description if isinstance(description, str) else "",
            }
        if shown is not None:
            context["article"] = {"title": shown.title, "path": shown.path, "body": shown.body}
        pages.append(PageSpec(out, lang, templates, context, shown))
    return pages


def special_page(config: Config, lang: str, out: str, template: str, kind: str) -> PageSpec:
    """The 404 page (links from the site root) and the root ``index.html``."""
    link = Linker(config, out, site_absolute=kind == "404")
    context: dict[str, Any] = {
        "lang": lang,
        "root": link.root,
        "site": site_context(config, lang, link),
        "page": {
            "kind": kind,
            "title": "",
            "description": "",
            "canonical": link.absolute("" if kind == "root" else out),
            "og_locale": og_locale(lang),
            "og_alternates": [],
            "alternates": [],
            "x_default": None,
            "image": None,
        },
        "switcher": _index_switcher(config, lang, link),
        "notice": None,
    }
    return PageSpec(out, lang, (template,), context)


def collection_title(config: Config, collection: str, lang: str) -> tuple[str, bool]:
    """The index title of a collection in ``lang`` and whether the config gave it: its
    ``title.<lang>`` (or ``title``), else the folder's name in words (``national-board-member``
    → ``National board member``)."""
    own = config.collections.get(collection)
    if own is not None and lang in own.display.title:
        return own.display.title[lang], True
    return humanize(collection.rsplit("/", 1)[-1]), False


def _index_switcher(config: Config, lang: str, link: Linker) -> list[dict[str, Any]]:
    """The language switcher of a page that is not an article: each other language's index."""
    return [
        {
            "lang": code,
            "name": language_name(code, code),
            "state": "available",
            "href": link.href(f"{code}/"),
        }
        for code in config.languages
        if code != lang
    ]


def _templates_for(collection: str, name: str) -> tuple[str, ...]:
    parts = collection.split("/") if collection else []
    found = [f"{'/'.join(parts[:n])}/{name}" for n in range(len(parts), 0, -1)]
    return (*found, name)
