"""The site's identity in ``sastra.toml``: ``[site]`` (title per language, base URL), and
what a collection shows of itself (``title`` per language, the data ``fields`` of its
entries and their ``labels``).

A text per language is written either once for every language (``title = "…"``) or per
language (``title.km = "…"``, ``title.en = "…"``, a TOML table).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sastra.config.validate import Validator, field_list

SITE_KEYS = {"title", "base_url"}
"""Keys of ``[site]``."""
COLLECTION_DISPLAY_KEYS = {"title", "fields", "labels"}
"""Keys of ``[collections.NAME]`` read here."""


@dataclass(frozen=True)
class SiteConfig:
    """``[site]``: who the site is."""

    title: Mapping[str, str] = field(default_factory=dict)
    """Site title per language code (a language may be missing)."""
    base_url: str = ""
    """Absolute URL the site is published at (``""``: relative addresses)."""

    def title_in(self, lang: str, default_language: str) -> str:
        """The title in ``lang``, else in the default language, else ``""``."""
        return self.title.get(lang) or self.title.get(default_language, "")


@dataclass(frozen=True)
class CollectionDisplay:
    """How a collection shows itself: its index title and its entries' data fields."""

    title: Mapping[str, str] = field(default_factory=dict)
    """Index title per language code."""
    fields: tuple[str, ...] = ()
    """Frontmatter fields shown on each entry's page, in order (dotted paths)."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """English label (a UI string, translated through the catalogs) per field path."""


def read_site(v: Validator, data: Mapping[str, Any], languages: list[str]) -> SiteConfig:
    """``[site]`` of the parsed config."""
    section = v.take("", data, "site", dict, {})
    v.unknown("site", section, SITE_KEYS)
    return SiteConfig(
        title=per_language(v, "site", section, "title", languages),
        base_url=v.take("site", section, "base_url", str, ""),
    )


def read_display(
    v: Validator, table: str, data: Mapping[str, Any], languages: list[str]
) -> CollectionDisplay:
    """The display keys of one ``[collections.NAME]`` table."""
    labels = v.take(table, data, "labels", dict, {})
    if not all(isinstance(x, str) for x in labels.values()):
        v.error(table, "labels", "'labels': expected field = \"English label\" pairs")
        labels = {}
    return CollectionDisplay(
        title=per_language(v, table, data, "title", languages),
        fields=tuple(v.take(table, data, "fields", list, [], field_list)),
        labels=dict(labels),
    )


def per_language(
    v: Validator, table: str, data: Mapping[str, Any], key: str, languages: list[str]
) -> dict[str, str]:
    """A text given once (every language) or per language (``key.km = "…"``)."""
    value: str | dict[str, object] | None = v.take(table, data, key, (str, dict), None)
    if value is None:
        return {}
    if isinstance(value, str):
        return dict.fromkeys(languages, value)
    texts: dict[str, str] = {}
    for lang, text in value.items():
        if lang not in languages:
            v.error(table, key, f"'{key}.{lang}': '{lang}' is not one of the languages")
        elif not isinstance(text, str):
            v.error(table, key, f"'{key}.{lang}' must be a string")
        else:
            texts[lang] = text
    return texts
