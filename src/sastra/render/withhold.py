"""Which article versions the build leaves out of the site: the one place that decides.

A version is *withheld* when it is not ready for readers: a draft (``draft: true`` in
its frontmatter) or a translation still in progress (``TRANSLATE:`` markers left by
``i18n new``), unless the build was asked for drafts (``i18n build --drafts``).
Translation tracking still sees every version (``i18n status`` lists drafts like any
other file); only the site leaves them out: no page, no entry in
the indexes, feeds or sitemap, no hreflang pointing at them, and the language switcher
treats them as not translated yet.

Another reason to withhold a version is added by extending :func:`withheld_reason`
(it gets the version's translation status too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sastra.model import Article, ArticleStatus, Key, Pair, State, VersionStatus
from sastra.tracking.edit import in_progress, marker_line


@dataclass(frozen=True)
class Withheld:
    """One version the build left out, and why."""

    path: str
    """The file, relative to the site root."""
    reason: str
    """``draft`` or ``in progress``."""
    line: int = 0
    """Where the reason is written: the ``draft`` field, or the first ``TRANSLATE:``
    marker (0: not known)."""


def is_draft(article: Article) -> bool:
    """``draft: true`` in the frontmatter (YAML ``yes``/``true``, or the text ``"true"``)."""
    value = article.meta.get("draft")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def withheld_reason(article: Article, status: VersionStatus | None, *, drafts: bool) -> str | None:
    """Why ``article`` stays out of the site, or ``None`` when it is published."""
    if drafts:
        return None
    if is_draft(article):
        return "draft"
    if in_progress(article) and (status is None or status.state is not State.SOURCE):
        return "in progress"
    return None


def withhold(
    pairs: tuple[Pair, ...], statuses: Mapping[Key, ArticleStatus], *, drafts: bool = False
) -> tuple[tuple[Pair, ...], tuple[Withheld, ...]]:
    """The pairs as the site shows them (withheld versions removed, pairs left with no
    version dropped) and the versions left out, in pair order."""
    shown: list[Pair] = []
    left_out: list[Withheld] = []
    for pair in pairs:
        status = statuses.get(pair.key)
        kept = {}
        for lang, article in pair.versions.items():
            version = status.versions.get(lang) if status is not None else None
            reason = withheld_reason(article, version, drafts=drafts)
            if reason is None:
                kept[lang] = article
            else:
                left_out.append(Withheld(article.path, reason, _line(article, reason)))
        if len(kept) == len(pair.versions):
            shown.append(pair)
        elif kept:
            shown.append(Pair(pair.key, kept))
    return tuple(shown), tuple(left_out)


def _line(article: Article, reason: str) -> int:
    if reason == "draft":
        return article.field_lines.get("draft", 0)
    return marker_line(article)
