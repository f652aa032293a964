"""The status of a whole site: every pair, with the bulk work of a cold run done first.

:func:`site_status` runs :func:`~sastra.tracking.prefetch.prefetch` (fingerprints and
stale comparisons on every core) and then asks :class:`~sastra.tracking.status.Tracker`
for each pair, which finds the answers cached. It sits above both, so neither imports
the other's caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from sastra.config.model import Config
from sastra.model import ArticleStatus, Key, Pair, SiteStatus, State, VersionStatus
from sastra.pairing import counterpart_file
from sastra.progress import Progress, counted
from sastra.tracking.prefetch import prefetch
from sastra.tracking.status import Tracker


def site_status(
    tracker: Tracker,
    pairs: Iterable[Pair],
    *,
    diff: bool = False,
    progress: Progress | None = None,
    known: Mapping[Key, ArticleStatus] | None = None,
) -> SiteStatus:
    """Status of every pair, in key order (``progress``: see :mod:`sastra.progress`).
    ``known``: statuses already known by key (a remembered run's, for pairs whose files
    did not change: :meth:`~sastra.tracking.remembered.StatusMemory.reusable`), taken
    as they are; only the other pairs are worked out."""
    pairs = tuple(pairs)
    known = known or {}
    todo = tuple(pair for pair in pairs if pair.key not in known)
    prefetch(tracker, todo, progress=progress)
    checked = counted(todo, len(todo), "checking translations", progress)
    found = {pair.key: tracker.status(pair, diff=diff) for pair in checked}
    articles = tuple(known.get(pair.key) or found[pair.key] for pair in pairs)
    notes = renamed_sources(tracker, pairs) + history_notes(tracker, articles)
    return SiteStatus(articles, tracker.config.languages, notes)


def renamed_sources(tracker: Tracker, pairs: Iterable[Pair]) -> tuple[str, ...]:
    """A line for each translation left at the old name of its renamed source: git
    recorded the rename (``git mv``), the translation has not followed. Without it the
    two names read as two articles, each missing a version."""
    history = tracker.history
    if history is None or not history.renames:
        return ()
    every: dict[str, dict[int, str]] = {}  # old name -> position -> new name
    for new, olds in history.renames.items():
        for position, old in olds:
            every.setdefault(old, {})[position] = new
    moved: dict[str, tuple[int, str]] = {}  # old name -> (position, new name), the newest
    for old, renames in every.items():
        newest = history.newest(renames)
        assert newest is not None
        moved[old] = (newest, renames[newest])
    config = tracker.config
    pairs = tuple(pairs)
    on_disk = {a.path: a for pair in pairs for a in pair.versions.values()}
    notes = []
    for pair in pairs:
        for article in pair.versions.values():
            wanted: str | None = article.l10n.source
            wanted = wanted or config.source_language_of(pair.key.collection)
            if wanted not in config.languages or wanted == article.lang or wanted in pair.versions:
                continue
            was = counterpart_file(config, article, wanted)
            if was is None or was not in moved:
                continue
            position, name = moved[was]
            seen = {was}
            while name in moved and name not in seen:  # renamed again since
                seen.add(name)
                position, name = moved[name]
            source = on_disk.get(name)
            target = counterpart_file(config, source, article.lang) if source else None
            if source is None or target is None or target in on_disk:
                continue
            commit = history.commits[position][0][:7]
            notes.append(
                f"{article.path}: its source {was} was renamed to {name} in {commit}; "
                f"move the translation with it: git mv {article.path} {target}"
            )
    return tuple(notes)


def history_notes(tracker: Tracker, articles: Iterable[ArticleStatus]) -> tuple[str, ...]:
    """The one line that says git history is too short to tell, when it is."""
    unknown = sum(v.state is State.UNKNOWN for a in articles for v in a.versions.values())
    if not unknown or tracker.history is None:
        return ()
    reason = tracker.history.cut_reason
    what = {
        "shallow": "shallow (a clone made with --depth)",
        "grafts": "cut by .git/info/grafts",
    }.get(reason, f"incomplete ({reason or 'objects are missing'})")
    count = f"{unknown} translation{'s' if unknown != 1 else ''}"
    return (
        f"git history is {what}: {count} whose baseline git cannot show "
        f"{'are' if unknown != 1 else 'is'} 'unknown'; run `git fetch --unshallow` "
        "to fetch the whole history",
    )


class SourceWords(NamedTuple):
    """The words of an article's source (reader-visible text), whole and by paragraph:
    what ``i18n status --words`` shows as work."""

    fields: Mapping[str, int]
    """Words of each translatable field (``title``…)."""
    body: tuple[int, ...]
    """Words of each body paragraph, in order."""

    @property
    def total(self) -> int:
        """Every word: what a missing translation has to translate."""
        return sum(self.fields.values()) + sum(self.body)

    def to_update(self, version: VersionStatus) -> int:
        """What a stale translation has to look at again: the words of the source's
        changed paragraphs and fields as they are now (a removed paragraph has none left
        to translate); every word when the change is not known."""
        if version.changed_paragraphs is None:
            return self.total
        body = sum(self.body[i - 1] for i in version.changed_paragraphs if 0 < i <= len(self.body))
        return body + sum(self.fields.get(name, 0) for name in version.changed_fields)


def source_words(
    config: Config, pairs: Iterable[Pair], result: SiteStatus, *, progress: Progress | None = None
) -> dict[str, SourceWords]:
    """Words of each article's source (reader-visible text), by key: the translation
    effort ``i18n status --words`` shows. Loads the Khmer segmenter."""
    from sastra.khmer.segment import SegmentCache, count_words
    from sastra.tracking.fingerprint import article_text

    cache = SegmentCache(config.cache_dir)
    counts: dict[str, SourceWords] = {}
    by_key = {pair.key: pair for pair in pairs}
    for article in counted(result.articles, len(result.articles), "counting words", progress):
        pair = by_key[article.key]
        if article.source is None or article.source not in pair.versions:
            continue
        source = pair.versions[article.source]
        translatable = config.collection(article.key.collection).translatable
        text = article_text(source, translatable)
        fields = {p.label: count_words(p.text, source.lang, cache=cache) for p in text.fields}
        body = tuple(count_words(p.text, source.lang, cache=cache) for p in text.body)
        counts[str(article.key)] = SourceWords(fields, body)
    return counts
