"""Site-wide facts some checks need: who else has this title, what length ratio is usual.

:func:`collect` analyses every version of every pair once (:func:`version_facts`,
cached by blob id in the tracker's cache) and indexes titles and descriptions by
language, and the median length ratio of each language pair.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sastra.model import Article, Key, Location, Pair
from sastra.review.facts import FACTS_VERSION, VersionFacts, version_facts
from sastra.tracking.fingerprint import normalize_visible
from sastra.tracking.status import Tracker

DEFAULT_RATIO = 1.0
"""Length ratio assumed when the site has too few pairs to measure its own."""
MIN_PAIRS_FOR_RATIO = 5
"""Pairs with both versions needed before the site's median ratio is trusted."""
MIN_LENGTH_FOR_RATIO = 40
"""Visible characters a version needs before its length is compared."""
COMMON_SHINGLE = 24
"""A paragraph-sketch hash found in more paragraphs than this is boilerplate (a sign-off the
whole site repeats) and tells no copy apart: it is left out of the index."""


@dataclass(frozen=True)
class Owner:
    """An article that holds a given title or description."""

    key: Key
    """Its pairing key."""
    location: Location
    """The field's place (``path:line``)."""


@dataclass(frozen=True)
class SiteFacts:
    """What checks need to know about the rest of the site."""

    versions: Mapping[str, VersionFacts]
    """Facts of every version, by file path."""
    fields: Mapping[tuple[str, str, str], tuple[Owner, ...]]
    """``(lang, field, normalised text) -> articles`` for ``title`` and ``description``."""
    ratios: Mapping[tuple[str, str], float] = field(default_factory=dict)
    """Median length ratio ``len(b) / len(a)`` per language pair ``(a, b)``, config order."""
    sketches: Mapping[tuple[str, int], tuple[tuple[str, int], ...]] = field(default_factory=dict)
    """``(lang, sketch hash) -> ((path, paragraph), …)``: where each paragraph sketch hash
    occurs, for the hashes found in 2 to :data:`COMMON_SHINGLE` paragraphs of different
    articles (to find a paragraph copied from another article)."""
    versions_of: Mapping[Key, Mapping[str, str]] = field(default_factory=dict)
    """The file of each language version of each pair."""
    key_of: Mapping[str, Key] = field(default_factory=dict)
    """The pair each file belongs to."""
    dated: Mapping[Key, dt.date] = field(default_factory=dict)
    """The frontmatter date of each pair (of its first version that has one)."""

    def ratio(self, a: str, b: str) -> float:
        """Usual length ratio of language ``b`` to language ``a`` on this site."""
        if (a, b) in self.ratios:
            return self.ratios[(a, b)]
        if (b, a) in self.ratios:
            return 1.0 / self.ratios[(b, a)]
        return DEFAULT_RATIO

    def pair_ratio(self, a: VersionFacts, b: VersionFacts) -> float:
        """The length ratio to align two versions with: the site's usual one once measured,
        else the pair's own (whole text), else :data:`DEFAULT_RATIO`."""
        if (a.lang, b.lang) in self.ratios or (b.lang, a.lang) in self.ratios:
            return self.ratio(a.lang, b.lang)
        if min(a.length, b.length) >= MIN_LENGTH_FOR_RATIO:
            return b.length / a.length
        return DEFAULT_RATIO


def facts_for(tracker: Tracker, article: Article) -> VersionFacts:
    """Facts of one version, from the tracker's blob cache when present."""
    cache = tracker.cache
    translatable = ",".join(tracker.config.collection(article.key.collection).translatable)
    namespace = f"review:{FACTS_VERSION}:{article.lang}:{translatable}"
    if cache is not None and article.blob:
        cached = cache.get(namespace, article.blob)
        if isinstance(cached, VersionFacts) and cached.path == article.path:
            return cached
    facts = version_facts(article, tracker.text(article))
    if cache is not None and article.blob:
        cache.put(namespace, article.blob, facts)
    return facts


def title_key(text: str) -> str:
    """How titles and descriptions are compared: visible-text normal form, case-folded."""
    return normalize_visible(text).casefold().rstrip(".។ ")


def collect(tracker: Tracker, pairs: Iterable[Pair]) -> SiteFacts:
    """Analyse every version of every pair and index the site."""
    languages = tracker.config.languages
    versions: dict[str, VersionFacts] = {}
    index: dict[tuple[str, str, str], list[Owner]] = {}
    lengths: dict[tuple[str, str], list[float]] = {}
    sketches: dict[tuple[str, int], list[tuple[str, int]]] = {}
    versions_of: dict[Key, dict[str, str]] = {}
    key_of: dict[str, Key] = {}
    dated: dict[Key, dt.date] = {}
    for pair in pairs:
        present = [lang for lang in languages if lang in pair.versions]
        for lang in present:
            article = pair.versions[lang]
            facts = facts_for(tracker, article)
            versions[article.path] = facts
            versions_of.setdefault(pair.key, {})[lang] = article.path
            if article.date is not None:
                dated.setdefault(pair.key, article.date)
            key_of[article.path] = pair.key
            for number, hashes in enumerate(facts.sketches, 1):
                for h in hashes:
                    sketches.setdefault((lang, h), []).append((article.path, number))
            for name in ("title", "description"):
                value = article.meta.get(name)
                if isinstance(value, str) and (text := title_key(value)):
                    where = Location(article.path, article.line_of(name))
                    index.setdefault((lang, name, text), []).append(Owner(pair.key, where))
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                len_a = versions[pair.versions[a].path].length
                len_b = versions[pair.versions[b].path].length
                if len_a >= MIN_LENGTH_FOR_RATIO and len_b >= MIN_LENGTH_FOR_RATIO:
                    lengths.setdefault((a, b), []).append(len_b / len_a)
    ratios = {
        langs: statistics.median(values)
        for langs, values in lengths.items()
        if len(values) >= MIN_PAIRS_FOR_RATIO
    }
    fields = {k: tuple(v) for k, v in index.items() if len({o.key for o in v}) > 1}
    shared = {
        k: tuple(v)
        for k, v in sketches.items()
        if 1 < len(v) <= COMMON_SHINGLE and len({p for p, _ in v}) > 1
    }
    return SiteFacts(versions, fields, ratios, shared, versions_of, key_of, dated)
