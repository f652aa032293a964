"""The pages ``i18n serve`` computes on request: the status view and the review views.

Each request reloads the site from disk (so the page is current without a
rebuild) under the server's work lock (so it never races a build for the caches).
A configuration error becomes an HTML page listing the problems.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote

from sastra.errors import ConfigError
from sastra.model import Diagnostic, Key
from sastra.report.html import FONT_PATH

if TYPE_CHECKING:
    from sastra.model import Pair
    from sastra.review.model import PairReview
    from sastra.workspace import Site


class SiteHost(Protocol):
    """What the views need from the server (:class:`sastra.serve.server.DevServer`)."""

    @property
    def root(self) -> Path:
        """The site root, read afresh on every request."""
        ...

    def locked(self) -> AbstractContextManager[object]:
        """The lock that serialises builds with other whole-site work."""
        ...


class PageNotFound(LookupError):
    """The ``/__sastra/`` path names nothing (an unknown article key)."""


@dataclass(frozen=True)
class Page:
    """An HTML page and its HTTP status."""

    html: str
    status: int = 200


def review_href(prefix: str, key: Key) -> str:
    """URL of the review page of one pair: ``<prefix><collection>/<slug>``, percent-encoded."""
    return prefix + quote(str(key), safe="/")


def status_page(dev: SiteHost, *, review_prefix: str) -> Page:
    """The HTML view of ``i18n status`` (with diffs), keys linked to their review pages."""
    from sastra.report.status_html import status_html
    from sastra.tracking.site import site_status
    from sastra.workspace import open_site, open_tracker

    with dev.locked():
        try:
            site = open_site(dev.root)
        except ConfigError as exc:
            return _error_page("Translation status", exc.diagnostics)
        with open_tracker(site) as tracker:
            result = site_status(tracker, site.pairs, diff=True)
    href = partial(review_href, review_prefix)
    return Page(
        status_html(result, root=str(site.config.root), review_href=href, font_url=FONT_PATH)
    )


def review_index_page(dev: SiteHost, *, review_prefix: str) -> Page:
    """The review of every pair: one row per pair with its finding counts, linked to its page."""
    from sastra.report.review_html import review_index_html

    with dev.locked():
        try:
            site = open_site_for(dev)
        except ConfigError as exc:
            return _error_page("Review", exc.diagnostics)
        reviews = _reviews(site, None)
    href = partial(review_href, review_prefix)
    return Page(
        review_index_html(reviews, href=href, root=str(site.config.root), font_url=FONT_PATH)
    )


def review_page(dev: SiteHost, key_text: str, *, review_prefix: str) -> Page:
    """The side-by-side review of the pair whose key is ``key_text`` (``collection/slug``)."""
    from sastra.pairing import find_pair
    from sastra.report.review_html import review_html

    with dev.locked():
        try:
            site = open_site_for(dev)
        except ConfigError as exc:
            return _error_page("Review", exc.diagnostics)
        pair = find_pair(site.pairs, key_text) if key_text.strip("/") else None
        if pair is None:
            raise PageNotFound(f"no article with the key '{key_text}'")
        reviews = _reviews(site, pair)
    return Page(review_html(reviews[0], index_href=review_prefix, font_url=FONT_PATH))


def open_site_for(dev: SiteHost) -> Site:
    """The site of the server, freshly loaded from disk."""
    from sastra.workspace import open_site

    return open_site(dev.root)


def _reviews(site: Site, pair: Pair | None) -> tuple[PairReview, ...]:
    """Review one pair (against the whole site) or every pair, as ``i18n review`` does."""
    from sastra.names import read_glossary
    from sastra.review import review_all
    from sastra.workspace import open_tracker

    config = site.config
    glossary, _ = read_glossary(config.glossary_path, config.rel(config.glossary_path))
    with open_tracker(site) as tracker:
        only = None if pair is None else [pair]
        return review_all(tracker, site.pairs, only=only, glossary=glossary)


def _error_page(title: str, diagnostics: tuple[Diagnostic, ...]) -> Page:
    items = "".join(f"<li><code>{escape(str(d))}</code></li>" for d in diagnostics)
    body = f"<p>The site could not be loaded:</p><ul>{items}</ul>"
    return Page(_document(title, body), 500)


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
        f"{body}\n</body>\n</html>\n"
    )
