"""The status of a whole site: every pair, with the bulk work of a cold run done first.

:func:`site_status` runs :func:`~sastra.tracking.prefetch.prefetch` (fingerprints and
stale comparisons on every core) and then asks :class:`~sastra.tracking.status.Tracker`
for each pair, which finds the answers cached. It sits above both, so neither imports
the other's caller.
"""

from __future__ import annotations

from collections.abc import Iterable

from sastra.config.model import Config
from sastra.model import ArticleStatus, Pair, SiteStatus, State
from sastra.progress import Progress, counted
from sastra.tracking.prefetch import prefetch
from sastra.tracking.status import Tracker


def site_status(
    tracker: Tracker,
    pairs: Iterable[Pair],
    *,
    diff: bool = False,
    progress: Progress | None = None,
) -> SiteStatus:
    """Status of every pair, in key order (``progress``: see :mod:`sastra.progress`)."""
    pairs = tuple(pairs)
    prefetch(tracker, pairs, progress=progress)
    checked = counted(pairs, len(pairs), "checking translations", progress)
    articles = tuple(tracker.status(pair, diff=diff) for pair in checked)
    return SiteStatus(articles, tracker.config.languages, history_notes(tracker, articles))


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


def source_words(
    config: Config, pairs: Iterable[Pair], result: SiteStatus, *, progress: Progress | None = None
) -> dict[str, int]:
    """Words of each article's source (reader-visible text), by key: the translation
    effort ``i18n status --words`` shows. Loads the Khmer segmenter."""
    from sastra.khmer.segment import SegmentCache, count_words
    from sastra.tracking.fingerprint import article_text

    cache = SegmentCache(config.cache_dir)
    counts: dict[str, int] = {}
    by_key = {pair.key: pair for pair in pairs}
    for article in counted(result.articles, len(result.articles), "counting words", progress):
        pair = by_key[article.key]
        if article.source is None or article.source not in pair.versions:
            continue
        source = pair.versions[article.source]
        translatable = config.collection(article.key.collection).translatable
        text = article_text(source, translatable)
        paragraphs = [p.text for p in (*text.fields, *text.body)]
        words = sum(count_words(p, source.lang, cache=cache) for p in paragraphs)
        counts[str(article.key)] = words
    return counts
