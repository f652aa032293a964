"""Where each page lives and how one page links to another (pure; no I/O).

URLs (:func:`sastra.addresses.url_for`) are relative to the site root and end with ``/``:
``km/news/mobile-signal-survey-2025/``. Links inside a page (:class:`Linker`) are
relative to that page (``../../../en/…``); ``build.base_url`` makes canonical links,
alternates, feeds and the sitemap absolute, and nothing else.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import urlsplit

from sastra.config.model import Config
from sastra.content import slugify


def relative(folder: str, url: str) -> str:
    """Relative link from a page in ``folder`` (``km/news/x``) to a site-relative ``url``.

    Both are normalised site-relative paths (no ``..``), which keeps this a prefix
    comparison instead of :func:`posixpath.relpath`'s absolute-path work.
    """
    return _relative(folder.split("/") if folder not in ("", ".") else [], url)


def _relative(here: list[str], url: str) -> str:
    """:func:`relative` with the folder already split (a page makes dozens of links)."""
    stripped = url.rstrip("/")
    there = stripped.split("/") if stripped else []
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    if not rel:
        return "./"
    if url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def collection_url(config: Config, lang: str, collection: str) -> str:
    """Site-relative URL of a collection's index (``km/news/``; ``km/`` for the root)."""
    parts = [lang, *(slugify(p) for p in collection.split("/") if p)]
    return "/".join(parts) + "/"


@lru_cache(maxsize=4096)
def tag_url(lang: str, tag: str) -> str:
    """Site-relative URL of a tag's page: ``km/tags/<slug>/``."""
    return f"{lang}/tags/{slugify(tag)}/"


def page_url(base: str, number: int) -> str:
    """URL of page ``number`` of a paginated list at ``base``."""
    return base if number == 1 else f"{base}page/{number}/"


def root_of(out: str) -> str:
    """Relative prefix from a page at ``out`` to the output root (``../../``)."""
    return "../" * out.count("/")


class Linker:
    """Makes hrefs for one page: relative to it (so a preview, ``i18n serve`` and
    ``file://`` stay on the copy at hand), and absolute only where the published address
    is the point (:meth:`absolute`: canonical links, alternates, feeds, the sitemap) when
    ``base_url`` is set. A 404 page, which a server shows at any address, links from the
    site's root path instead (``/``, or ``base_url``'s path)."""

    def __init__(self, config: Config, out: str, *, site_absolute: bool = False) -> None:
        base = config.build.base_url.rstrip("/")
        self.base = base + "/" if base else ""
        self.root = site_path(self.base) if site_absolute else root_of(out)
        self.folder = posixpath.dirname(out) or "."
        self._here = self.folder.split("/") if self.folder != "." else []

    def href(self, url: str) -> str:
        """Link from this page to a site-relative URL (the shortest relative path)."""
        if self.root.startswith("/"):
            return self.root + url
        return _relative(self._here, url)

    def absolute(self, url: str) -> str:
        """Canonical form: absolute with ``base_url``, else as :meth:`href`."""
        return self.base + url if self.base else self.href(url)


def site_path(base_url: str) -> str:
    """The path the site is published under, from its base URL: ``/`` for none or a
    domain, ``/docs/`` for ``https://example.gov.kh/docs/``."""
    path = urlsplit(base_url).path.strip("/")
    return f"/{path}/" if path else "/"
