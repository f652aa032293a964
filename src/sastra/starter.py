"""What ``i18n init`` writes: a ``sastra.toml`` that fits the site, and the sample pair
of a new site. Pure: values in, file texts out (the CLI decides and writes).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence

from sastra.config.detect import OWN_I18N_DIR, Detected
from sastra.tracking.edit import set_l10n
from sastra.tracking.fingerprint import bytes_fingerprint

#: The sample article of a new site, in the two languages the toolkit is for
#: (any other language gets the English text to translate).
SAMPLE_SLUG = "news/welcome"
#: The sample's collection's name in each language (its index page's title).
_SAMPLE_COLLECTION: Mapping[str, str] = {"km": "ព័ត៌មាន", "en": "News"}
_SAMPLE: Mapping[str, tuple[str, str, str]] = {
    "km": (
        "សូមស្វាគមន៍មកកាន់គេហទំព័ររបស់យើង",
        "គេហទំព័រនេះចុះផ្សាយព័ត៌មានជាភាសាខ្មែរ និងភាសាអង់គ្លេស។ "
        "អត្ថបទនីមួយៗសរសេរជាភាសាខ្មែរជាមុន រួចទើបបកប្រែជាភាសាអង់គ្លេស។",
        "ដើម្បីបន្ថែមអត្ថបទថ្មី សូមបង្កើតឯកសារមួយក្នុងថត `content/km/news/` "
        "រួចដំណើរការពាក្យបញ្ជា `i18n status` ដើម្បីដឹងថាអត្ថបទណាខ្លះត្រូវការបកប្រែ។",
    ),
    "en": (
        "Welcome to our website",
        "This website publishes its news in Khmer and in English. "
        "Every article is written in Khmer first, then translated into English.",
        "To add an article, create a file in `content/km/news/` and run `i18n status` "
        "to see which articles still need a translation.",
    ),
}


def config_text(
    languages: Sequence[str],
    source: str,
    layout: str,
    detected: Detected | None,
    *,
    sample: bool = False,
) -> str:
    """The ``sastra.toml`` of a site, commented for the person who will edit it; with
    ``sample``, the title in each language of the sample article's collection."""
    lines = ["# Sastra configuration, written by `i18n init` (every key: docs/config.md)."]
    if detected is not None:
        lines.append(f"# Detected: {detected.describe()}")
    lines += [
        f"languages = {_list(languages)}  # the first is the site's default language",
        f"source_language = {_str(source)}  # translations are made from this language",
        f"layout = {_str(layout)}",
    ]
    if detected is not None:
        for key, value in detected.settings.items():
            note = (
                f"  # {detected.layout} keeps its own files in i18n/"
                if value == OWN_I18N_DIR
                else ""
            )
            lines.append(f"{key} = {_str(value)}{note}")
        for entry in detected.content:
            lines += ["", "[[content]]"]
            lines += [f"{k} = {_str(v)}" for k, v in entry.items()]
    if sample:
        collection = SAMPLE_SLUG.split("/")[0]
        lines += ["", f"[collections.{collection}]  # a collection's name in each language"]
        lines += [
            f"title.{code} = {_str(_SAMPLE_COLLECTION.get(code, _SAMPLE_COLLECTION['en']))}"
            for code in languages
        ]
    return "\n".join(lines) + "\n"


def sample_pair(languages: Sequence[str], source: str, today: dt.date) -> dict[str, str]:
    """One article in the source language and its translation (already synced), in the
    default layout: site-relative path → text."""
    target = next(code for code in languages if code != source)
    files: dict[str, str] = {}
    source_path = f"content/{source}/{SAMPLE_SLUG}.md"
    source_text = _article(source, today)
    files[source_path] = source_text
    translatable = ("title", "description")
    fingerprint = bytes_fingerprint(source_text.encode(), source_path, translatable)
    target_path = f"content/{target}/{SAMPLE_SLUG}.md"
    values = {"source": source, "source_hash": fingerprint}
    files[target_path] = set_l10n(_article(target, today), values, path=target_path)
    return files


def gitignore_text() -> str:
    """Build output and caches are not part of the site's history."""
    return "_site/\n.sastra-cache/\n"


def _article(lang: str, today: dt.date) -> str:
    title, first, second = _SAMPLE.get(lang, _SAMPLE["en"])
    return f"---\ntitle: {_str(title)}\ndate: {today.isoformat()}\n---\n\n{first}\n\n{second}\n"


def _str(value: str) -> str:
    """A TOML (and YAML) double-quoted string."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: Sequence[str]) -> str:
    return "[" + ", ".join(_str(v) for v in values) + "]"
