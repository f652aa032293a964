"""The data fields of an entry (``[collections.NAME] fields``), ready for the theme.

A directory of schools or a board of members keeps its data in frontmatter: an
address, a phone number, a map link, a list of staff, a role, a photo. Each configured
field becomes ``{"label", "path", "kind", "value", "href", "rows"}`` for ``article.html``; the
kind says how to show it:

``text``   plain text (Khmer digits on Khmer pages)
``number`` a number (``number`` filter: ``១.២៥០`` / ``1,250``)
``date``   a date (``date`` filter)
``phone``  a ``tel:`` link (a field whose name says phone, tel or fax)
``email``  a ``mailto:`` link
``url``    a link (``http(s)://``)
``image``  an image (copied into the site like the ``image`` field)
``list``   ``rows``: one entry per list element, each a list of fields (staff: name, role…)

Pure: the images were resolved by the plan (``images`` maps (article path, value) to the
image's site-relative URL). Labels are English UI strings the theme translates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from sastra.khmer.digits import localize_digits, to_latin_digits
from sastra.model import Article

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_NAME = re.compile(r"phone|tel|fax|mobile", re.IGNORECASE)

Field = dict[str, Any]

META_FIELDS = frozenset(
    {
        "title", "name", "description", "summary", "date", "pubDate", "publishDate",
        "updated", "updatedDate", "lastmod", "modified", "image", "heroImage", "cover",
        "tags", "categories", "draft", "l10n", "layout", "slug", "lang", "locale", "weight",
        "order", "aliases", "translationKey", "id", "type", "sidebar_position",
        "sidebar_label", "author", "authors",
    }
)  # fmt: skip
"""Frontmatter keys that are the page itself (title, date, lead image…), not its data."""


def shown_fields(configured: tuple[str, ...], article: Article) -> tuple[str, ...]:
    """The fields an entry's page shows: the collection's ``fields``; with none configured,
    an entry whose content is all frontmatter (no body) shows its own data fields."""
    if configured:
        return configured
    if article.body.strip():
        return ()
    return tuple(k for k in article.meta if k not in META_FIELDS and not k.startswith("_"))


def humanize(name: str) -> str:
    """``phoneNumber`` → ``Phone number``; ``national-board-member`` → ``National board member``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|[-_\s]+", " ", name).split()
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return text[:1].upper() + text[1:]


def field_value(meta: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path of the frontmatter (``contact.mapUrl``), else ``None``."""
    value: Any = meta
    for part in path.replace("[]", "").split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def is_image_path(value: object) -> bool:
    """A string that names an image file (by its suffix)."""
    return isinstance(value, str) and value.strip().lower().endswith(IMAGE_SUFFIXES)


def image_values(article: Article, paths: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(field path, image path)`` of every image named in the configured fields of an
    article (lists and mappings walked)."""
    found: list[tuple[str, str]] = []

    def walk(path: str, value: Any) -> None:
        if is_image_path(value):
            found.append((path, str(value).strip()))
        elif isinstance(value, list):
            for item in value:
                walk(path, item)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(path, item)

    for path in paths:
        walk(path, field_value(article.meta, path))
    return found


def data_fields(
    article: Article,
    lang: str,
    paths: tuple[str, ...],
    labels: Mapping[str, str],
    image_href: Callable[[str], str | None],
) -> list[Field]:
    """The configured fields of ``article`` that it has, in the configured order."""
    shown = []
    for path in paths:
        label = labels.get(path) or humanize(path.replace("[]", "").rsplit(".", 1)[-1])
        item = _field(path, label, field_value(article.meta, path), lang, image_href)
        if item is not None:
            shown.append(item)
    return shown


def _field(
    name: str, label: str, value: Any, lang: str, image_href: Callable[[str], str | None]
) -> Field | None:
    base: Field = {"label": label, "path": name, "value": None, "href": None, "rows": []}
    if value is None or value == "" or value == [] or isinstance(value, bool):
        return None
    if isinstance(value, dt.date):
        return {**base, "kind": "date", "value": value}
    if isinstance(value, int | float):
        return {**base, "kind": "number", "value": value}
    if isinstance(value, list | Mapping):
        elements = value if isinstance(value, list) else [value]
        items = []
        for element in elements:
            if isinstance(element, Mapping):
                parts = [
                    _field(str(k), humanize(str(k)), v, lang, image_href)
                    for k, v in element.items()
                ]
            else:
                parts = [_field(name, label, element, lang, image_href)]
            items.append([p for p in parts if p is not None])
        return {**base, "kind": "list", "rows": [i for i in items if i]}
    text = str(value).strip()
    if is_image_path(text):
        href = image_href(text)
        return {**base, "kind": "image", "value": text, "href": href} if href else None
    if text.startswith(("http://", "https://")):
        return {**base, "kind": "url", "value": text, "href": text}
    if _EMAIL.match(text):
        return {**base, "kind": "email", "value": text, "href": f"mailto:{text}"}
    if _PHONE_NAME.search(name):
        tel = "tel:" + re.sub(r"[^0-9+]", "", to_latin_digits(text))
        return {**base, "kind": "phone", "value": localize_digits(text, lang), "href": tel}
    return {**base, "kind": "text", "value": localize_digits(text, lang)}
