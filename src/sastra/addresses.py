"""Where the build publishes a page, and where a link written in a page leads (pure).

Two stages read these answers: ``render`` (each page's URL; the warning about links to
pages it does not build) and ``review`` (a link in one version compared with the other
version's links, which may take another route to the same page). They sit here, below
both, so that the two cannot disagree.

Addresses are site-relative and end with ``/``: ``km/news/mobile-signal-survey-2025/``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache

from sastra.config.model import Config
from sastra.content import slugify
from sastra.layouts import HOME_SLUG, INDEX_NAMES, key_of, strip_extension
from sastra.model import Key


def url_for(config: Config, lang: str, key: Key) -> str:
    """Site-relative URL of an article's page in ``lang``: ``km/news/my-post/``.

    In a pattern layout the home page (a top ``index.md``/``_index.md``, keyed ``index``)
    is the language's index, ``km/``; a section page already has its collection's URL."""
    if config.patterns and key.slug == HOME_SLUG and not key.collection:
        return f"{lang}/"
    return f"{lang}/{_key_path(key.collection, key.slug)}/"


@lru_cache(maxsize=65536)
def _key_path(collection: str, slug: str) -> str:
    parts = [slugify(p) for p in collection.split("/")] if collection else []
    parts += [slugify(p) for p in slug.split("/")]
    return "/".join(parts)


def leaves_site(href: str) -> bool:
    """True for a link that names another site or protocol, not a path of this one:
    ``https:``, ``mailto:``, ``tel:`` … and protocol-relative ``//host/…``."""
    return href.startswith("//") or ":" in href.split("/", 1)[0]


def is_relative(href: str) -> bool:
    """True for a link read from the page's own folder (``../x/``, ``x.pdf``): not empty,
    not another site, not site-absolute (``/…``), not only a fragment or query."""
    return bool(href) and not leaves_site(href) and not href.startswith(("/", "#", "?"))


def from_page(folder: str, href: str) -> str:
    """A relative link resolved against the page's folder, ``..`` and ``.`` collapsed:
    ``../welcome/`` from ``en/news/reg`` is ``en/news/welcome``."""
    return posixpath.normpath(posixpath.join(folder, href))


def ref_page(
    page: Key, page_path: str, ref: str, exists: Callable[[Key], bool]
) -> tuple[Key, str] | None:
    """The page a Hugo ``ref``/``relref`` names, read from the page ``page`` (its file at
    ``page_path``), and the anchor (``"#top"`` or ``""``); ``None`` when no page of the
    site has that path (``exists`` says which keys the site has).

    As Hugo reads it: a content path with or without its extension and anchor; a path
    without a leading ``/`` is read from the page's own folder first, then from the
    content root; a folder names its ``_index.md``/``index.md``; ``#anchor`` alone is
    the page itself."""
    path, hash_, anchor = ref.strip().partition("#")
    anchor = hash_ + anchor
    if not path:
        return page, anchor
    absolute = path.startswith("/")
    path = strip_extension(path.strip("/")) or HOME_SLUG
    folder = page.collection
    if posixpath.basename(page_path).split(".")[0] in INDEX_NAMES:  # index.en.md too
        folder = posixpath.join(page.collection, page.slug) if page.slug != HOME_SLUG else ""
    tries = [path] if absolute else [posixpath.normpath(posixpath.join(folder, path)), path]
    for tried in tries:
        if tried.startswith("..") or not tried or tried == ".":
            continue
        key = key_of("", tried)
        if exists(key):
            return key, anchor
    return None
