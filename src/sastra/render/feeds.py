"""``sitemap.xml`` (with ``xhtml:link`` alternates), one Atom feed per language, ``robots.txt``.

Plain string building with XML escaping: these files have a fixed shape and no
UI strings. Every timestamp comes from the content (article dates), so the
output is the same on every run. Without ``build.base_url`` the addresses are
relative (the sitemap protocol wants absolute ones: set ``base_url`` to publish).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sastra.addresses import url_for
from sastra.config.model import Config
from sastra.model import Key
from sastra.render.pages import ListedArticle, language_name, sort_entries
from sastra.render.urls import Linker

FEED_SIZE = 20
_ATTR_ENTITIES = (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def escape(text: str) -> str:
    """XML character data: ``&``, ``<`` and ``>`` escaped (as :func:`xml.sax.saxutils.escape`,
    whose module would import ``urllib.request`` and ``http.client`` into every build)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """A quoted XML attribute value, as :func:`xml.sax.saxutils.quoteattr` gives it."""
    text = escape(text)
    for char, entity in _ATTR_ENTITIES:
        text = text.replace(char, entity)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def _stamp(day: dt.date | None) -> str:
    return f"{(day or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def atom_feed(config: Config, lang: str, entries: Sequence[ListedArticle]) -> str:
    """The Atom feed of a language: its newest dated articles."""
    out = f"{lang}/feed.xml"
    link = Linker(config, out)
    dated = [e for e in sort_entries(entries) if e.date is not None][:FEED_SIZE]
    updated = _stamp(dated[0].date if dated else None)
    base = config.build.base_url.rstrip("/")
    feed_id = f"{base}/{lang}/" if base else f"urn:sastra:{lang}"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <title>{escape(language_name(lang, lang))}</title>",
        f"  <id>{escape(feed_id)}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" href={quoteattr(link.absolute(out))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(link.absolute(lang + "/"))}/>',
    ]
    for entry in dated:
        article = entry.article
        entry_id = f"{base}/{entry.url}" if base else f"urn:sastra:{lang}:{article.key}"
        description = article.meta.get("description")
        lines += [
            "  <entry>",
            f"    <title>{escape(article.title)}</title>",
            f'    <link rel="alternate" href={quoteattr(link.absolute(entry.url))}/>',
            f"    <id>{escape(entry_id)}</id>",
            f"    <updated>{_stamp(article.date)}</updated>",
        ]
        author = article.meta.get("author")
        if isinstance(author, str) and author.strip():
            lines.append(f"    <author><name>{escape(author.strip())}</name></author>")
        if isinstance(description, str) and description.strip():
            lines.append(f"    <summary>{escape(description.strip())}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def sitemap(
    config: Config,
    pages: Sequence[tuple[str, dt.date | None]],
    versions: Mapping[Key, Sequence[str]],
) -> str:
    """``sitemap.xml``: every page, articles with ``xhtml:link`` to their other languages.

    ``pages`` are ``(url, lastmod)``; ``versions`` maps each article key to the
    languages it exists in (a page of a key is linked to each of them).
    """
    link = Linker(config, "sitemap.xml")
    by_url: dict[str, Key] = {}
    for key, langs in versions.items():
        for lang in langs:
            by_url[url_for(config, lang, key)] = key
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, lastmod in pages:
        lines += ["  <url>", f"    <loc>{escape(link.absolute(url))}</loc>"]
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        found = by_url.get(url)
        langs = versions.get(found, ()) if found is not None else ()
        if len(langs) > 1 and found is not None:
            for lang in langs:
                href = link.absolute(url_for(config, lang, found))
                attrs = f"hreflang={quoteattr(lang)} href={quoteattr(href)}"
                lines.append(f'    <xhtml:link rel="alternate" {attrs}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(config: Config) -> str:
    """``robots.txt``: everything may be crawled; the sitemap named when its URL is known."""
    lines = ["User-agent: *", "Allow: /"]
    base = config.build.base_url.rstrip("/")
    if base:
        lines.append(f"Sitemap: {base}/sitemap.xml")
    return "\n".join(lines) + "\n"
