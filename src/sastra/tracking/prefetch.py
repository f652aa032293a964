"""Bulk work for a cold run, on all cores, so that :meth:`Tracker.status` finds it cached:
the fingerprints it will ask for, and the paragraph summary of each stale source.

Versions on disk are fingerprinted first, a translation's together with its newest
committed versions (:mod:`~sastra.tracking.ahead`). Then every translation's baseline walk
(:func:`~sastra.tracking.baseline.find_baseline`) runs on cached fingerprints only:
a walk that needs a committed version not fingerprinted yet stops and names it, the
versions named by all walks are read in one ``cat-file`` round trip and fingerprinted
on every core, and the walks run again, until each has its baseline. Last, each stale
source's version at its baseline is compared with the source now, in one job that
also sends back the paragraph summary. The lazy path asks the same questions one at
a time: a test holds the two to the same status.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from sastra.cache import BlobCache
from sastra.model import Article, Pair
from sastra.parallel import THRESHOLD, SharedPool
from sastra.progress import Progress, ticker
from sastra.tracking import CHANGES, COUNTERPARTS, fp_key
from sastra.tracking.ahead import fingerprint_ahead, plan
from sastra.tracking.baseline import Baseline, Fingerprint, remembered_baseline, source_then
from sastra.tracking.changes import ALIGNED, Aligner, Change, Shape, shapes, summary_of
from sastra.tracking.fingerprint import (
    article_fingerprint,
    article_text,
    bytes_fingerprint,
    bytes_text,
    compare,
)
from sastra.tracking.history import GitHistory
from sastra.tracking.status import Tracker

BATCH = 1024
"""Committed versions read from ``cat-file`` at a time, so the workers start early."""
ROUNDS = 8
"""Walk rounds at most; a walk still asking after that is left to the lazy path."""
ALIGN_PARSES = 1
"""What an alignment of a stale translation with its old source costs, in page reads
(two docs pages of ~100 paragraphs each)."""
Fields = tuple[str, ...]


class DiskJob(NamedTuple):
    """A version on disk to fingerprint."""

    position: int
    """Its position in the articles the workers inherit."""
    fields: Fields
    """The collection's translatable fields."""


class GitJob(NamedTuple):
    """A committed version to fingerprint."""

    data: bytes
    path: str
    fields: Fields


class CompareJob(NamedTuple):
    """A source on disk and the committed versions of it to compare it with (the
    versions at its translations' baselines): the source is read once for all."""

    position: int
    """Position of the source on disk in the articles the workers inherit."""
    fields: Fields
    olds: tuple[tuple[bytes, str], ...]
    """``(bytes, name)`` of each committed version."""


class CompareResult(NamedTuple):
    """The source's fingerprint now, and for each committed version its fingerprint
    (``None`` when unreadable) and what changed since (``None`` when nothing did)."""

    new: str
    olds: list[tuple[str | None, Change | None]]


class AlignJob(NamedTuple):
    """Which old source paragraphs a stale translation has a counterpart for."""

    position: int
    """The translation's position in the articles the workers inherit."""
    old_shapes: tuple[Shape, ...]
    fields: Fields
    aligner: Aligner
    shapes: tuple[Shape, ...] | None
    """The translation's shapes when the first stage sent them back; else the worker
    reads them from the file."""


class WantedVersion(NamedTuple):
    """A committed version a baseline walk asked for."""

    blob: str
    path: str
    """Its name in that commit (which says whether it is MDX)."""
    fields: Fields


Wanted = dict[tuple[str, str], WantedVersion]
"""``(namespace, fingerprint key) -> version`` of committed versions to fingerprint (the
key is :func:`~sastra.tracking.fp_key`)."""


class _Need(Exception):
    """A walk needs a fingerprint that is not cached yet."""


@dataclass
class _Walk:
    """One translation's baseline walk, run again as fingerprints arrive."""

    article: Article
    source: Article
    source_index: int
    """Index of the source in the articles the workers inherit."""
    namespace: str
    fields: Fields
    index: int = 0
    """Index of the translation in the articles the workers inherit."""
    then: str | None = None
    """Fingerprint key of the source at the (newest) baseline, when it differs from the
    source now."""
    compare: tuple[str, str] | None = None
    """``(name, blob)`` of the source at the (newest) baseline, to compare with the source
    now."""

    def step(
        self, history: GitHistory, cache: BlobCache, wanted: Wanted, unreadable: set[str]
    ) -> bool:
        """Walk with what is cached; ``False`` (and ``wanted`` filled) when it needs more."""
        article, namespace = self.article, self.namespace
        own = fp_key(article.blob, article.path)
        current = cache.get(namespace, own)

        def fingerprint(blob: str, path: str) -> str | None:
            key = fp_key(blob, path)
            if key == own:
                return str(current)
            found = cache.get(namespace, key)
            if isinstance(found, str):
                return found
            if blob in unreadable:
                return None
            wanted[(namespace, key)] = WantedVersion(blob, path, self.fields)
            raise _Need

        try:
            head = history.at_head(article.path)
            if not isinstance(current, str) or head is None or head.blob is None:
                return True
            if head.blob != article.blob and fingerprint(head.blob, article.path) != current:
                return True  # being edited: a sync
            found = remembered_baseline(
                history, article.path, current, fingerprint, cache, namespace
            )
            if len(found) > 1 and self._synced(history, cache, found, fingerprint):
                return True  # (as the lazy path: the source at one of them is the source now)
        except _Need:
            return False
        if not found or any(b.cut for b in found):
            return True
        then = source_then(history, self.source.path, found[0].position)
        now = fp_key(self.source.blob, self.source.path)
        if then is not None and fp_key(then[1], then[0]) != now:
            self.then = fp_key(then[1], then[0])
            old = cache.get(namespace, self.then)
            new = cache.get(namespace, now)
            if old is None or (old != new and cache.get(CHANGES, f"{old}>{new}") is None):
                self.compare = then
        return True

    def _synced(
        self,
        history: GitHistory,
        cache: BlobCache,
        found: tuple[Baseline, ...],
        fingerprint: Fingerprint,
    ) -> bool:
        """The source at one of several baselines (a clean merge's parents') has the text
        it has now: its versions there are fingerprinted like the walk's (``_Need``)."""
        now = fp_key(self.source.blob, self.source.path)
        text = cache.get(self.namespace, now)
        for baseline in found:
            then = source_then(history, self.source.path, baseline.position)
            if then is None or baseline.cut:
                continue
            if fp_key(then[1], then[0]) == now:
                return True
            if text is not None and fingerprint(then[1], then[0]) == text:
                return True
        return False


def prefetch(
    tracker: Tracker,
    pairs: Iterable[Pair],
    jobs: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Compute, in bulk, what ``tracker.status`` will ask for; returns how many
    versions it fingerprinted (``progress`` hears of the files fingerprinted and of
    the baseline walks done)."""
    if tracker.cache is None:
        return 0
    cache = tracker.cache
    history = tracker.history if tracker.config.tracking.git else None
    articles: list[Article] = []
    disk: dict[tuple[str, str], DiskJob] = {}
    walks: list[_Walk] = []
    for pair in pairs:
        source = pair.versions[tracker.source_language(pair)]
        coll = pair.key.collection
        namespace = tracker.fp_namespace(coll)
        fields = tuple(tracker.config.collection(coll).translatable)
        source_index = len(articles)
        for article in (source, *(a for a in pair.versions.values() if a is not source)):
            own = fp_key(article.blob, article.path)
            if cache.get(namespace, own) is None:
                disk.setdefault((namespace, own), DiskJob(len(articles), fields))
            articles.append(article)
            if article is source or article.l10n.source_hash or history is None:
                continue
            walks.append(_Walk(article, source, source_index, namespace, fields, len(articles) - 1))
    # The workers inherit ``articles`` and fingerprint the versions on disk by index; a
    # translation's file goes with its newest committed versions (see tracking.ahead).
    ahead = (
        plan(history, cache, [(w.index, w.article, w.namespace, w.fields) for w in walks])
        if history is not None
        else {}
    )
    with SharedPool(articles, jobs) as pool:
        alone = [key for key, (index, _) in disk.items() if index not in ahead]
        results = pool.map(_disk_job, [disk[key] for key in alone], _threshold(len(alone)))
        tick = ticker(len(disk), "fingerprinting files", progress)
        done = len(disk)
        shaped: dict[int, tuple[Shape, ...]] = {}
        if history is not None:  # read from cat-file while the workers start on those
            parses = sum(1 + len(planned.versions) for planned in ahead.values())
            done += fingerprint_ahead(
                history, cache, pool, disk, ahead, _threshold(parses), tick, shaped
            )
        for key, fingerprint in zip(alone, results, strict=True):
            cache.put(*key, fingerprint)
            tick()
        if history is None:
            return done
        unreadable: set[str] = set()
        pending = walks
        for _ in range(ROUNDS):
            wanted: Wanted = {}
            pending = [w for w in pending if not w.step(history, cache, wanted, unreadable)]
            if progress is not None:
                progress("finding baselines", len(walks) - len(pending), len(walks))
            if not wanted:
                break
            done += _fingerprint(history, cache, pool, wanted, unreadable)
        done += _compare(tracker, history, pool, walks, progress)
        done += _align(tracker, pool, walks, shaped, progress)
    return done


PARSE_WEIGHT = 20
"""What reading one page's visible text costs next to the cheapest pool job (a
frontmatter parse, weight 1 in :meth:`~sastra.parallel.SharedPool.map`): about 20 for
the docs benchmark's 14 KB MDX pages."""


def _threshold(parses: int) -> int:
    """The ``threshold`` of a stage's maps: every batch of the stage goes to the pool
    when its work (``parses`` page reads in all) is worth forking the workers for, none
    when it is not. A run after one edit reads a file or two and compares a source with
    its translations' baselines; it must not fork a pool of the whole site for that
    (it did, whenever the site was large: the decision was taken on the site's size)."""
    work = parses * PARSE_WEIGHT
    return 0 if work >= THRESHOLD else work + 1


def _align(
    tracker: Tracker,
    pool: SharedPool[list[Article]],
    walks: list[_Walk],
    shaped: dict[int, tuple[Shape, ...]],
    progress: Progress | None,
) -> int:
    """Align each stale translation with its old source (which paragraphs it has a
    counterpart for), on every core; :meth:`Tracker.counterparts` finds them cached.
    ``shaped`` has the shapes of the translations the first stage read."""
    cache, aligner = tracker.cache, tracker.aligner
    if cache is None or aligner is None:
        return 0
    keys: list[str] = []
    jobs: list[AlignJob] = []
    for walk in walks:
        old = cache.get(walk.namespace, walk.then) if walk.then else None
        new = cache.get(walk.namespace, fp_key(walk.source.blob, walk.source.path))
        summary = cache.get(CHANGES, f"{old}>{new}") if old and old != new else None
        if not isinstance(summary, tuple) or len(summary) != len(Change._fields):
            continue
        summary = Change(*summary)
        if not any(c.kind in ALIGNED for c in summary.kinds):
            continue
        key = f"{old}>{cache.get(walk.namespace, fp_key(walk.article.blob, walk.article.path))}"
        if cache.get(COUNTERPARTS, key) is None and key not in keys:
            keys.append(key)
            jobs.append(
                AlignJob(
                    walk.index,
                    summary.old_shapes,
                    walk.fields,
                    aligner,
                    shaped.get(walk.index),
                )
            )
    tick = ticker(len(jobs), "aligning stale translations", progress)
    # (an alignment of two docs pages costs about as much as reading one: ALIGN_PARSES)
    threshold = _threshold(len(jobs) * ALIGN_PARSES)
    for key, found in zip(keys, pool.map(_align_job, jobs, threshold), strict=True):
        cache.put(COUNTERPARTS, key, found)
        tick()
    return len(jobs)


def _align_job(articles: list[Article], job: AlignJob) -> tuple[bool, ...]:
    """Which old source paragraphs a translation (inherited, by index) has a counterpart for."""
    if job.shapes is not None:
        return job.aligner(job.old_shapes, job.shapes)
    translation = article_text(articles[job.position], job.fields)
    return job.aligner(job.old_shapes, shapes(translation))


def _fingerprint(
    history: GitHistory,
    cache: BlobCache,
    pool: SharedPool[list[Article]],
    wanted: Wanted,
    unreadable: set[str],
) -> int:
    """Fingerprint committed versions, read a batch at a time (ordered by path: the
    versions of one article go to one worker together, which parses their shared
    paragraphs once)."""
    keys = sorted(wanted, key=lambda key: (wanted[key].path, key[1]))
    threshold = _threshold(len(keys))
    done = 0
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        data = history.read_blobs(list(dict.fromkeys(wanted[key].blob for key in batch)))
        unreadable.update(wanted[key].blob for key in batch if wanted[key].blob not in data)
        batch = [key for key in batch if wanted[key].blob in data]
        jobs = [GitJob(data[v.blob], v.path, v.fields) for v in map(wanted.__getitem__, batch)]
        for key, fingerprint in zip(batch, pool.map(_git_job, jobs, threshold), strict=True):
            if fingerprint is None:
                unreadable.add(wanted[key].blob)
            else:
                cache.put(*key, fingerprint)
        done += len(batch)
    return done


class _Old(NamedTuple):
    """A source's version at a translation's baseline, to compare with the source now."""

    key: str
    """Its fingerprint key."""
    blob: str
    name: str
    walk: _Walk
    """The first walk that asked for it."""


def _compare(
    tracker: Tracker,
    history: GitHistory,
    pool: SharedPool[list[Article]],
    walks: list[_Walk],
    progress: Progress | None,
) -> int:
    """Compare each stale source's version at its baseline with the source now."""
    assert tracker.cache is not None
    cache = tracker.cache
    # One comparison per (namespace, old version, source now), each named by its
    # fingerprint key: the same bytes are another text as .md and as .mdx.
    compared: dict[tuple[str, str, str], _Old] = {}
    for walk in walks:
        if walk.compare is not None:
            name, old = walk.compare
            key = (
                walk.namespace,
                fp_key(old, name),
                fp_key(walk.source.blob, walk.source.path),
            )
            compared.setdefault(key, _Old(key[1], old, name, walk))
    # The versions to compare with one source now go to a worker together.
    groups: dict[tuple[str, str], list[_Old]] = {}
    for (namespace, _, new_key), version in compared.items():
        groups.setdefault((namespace, new_key), []).append(version)
    order = sorted(groups, key=lambda group: (groups[group][0].walk.source.path, group))
    tick = ticker(len(compared), "comparing sources", progress)
    threshold = _threshold(len(compared) + len(groups))  # each text read once
    start = 0
    while start < len(order):  # batches of about BATCH versions
        batch, size = [], 0
        while start < len(order) and size < BATCH:
            batch.append(order[start])
            size += len(groups[order[start]])
            start += 1
        data = history.read_blobs(list(dict.fromkeys(v.blob for g in batch for v in groups[g])))
        jobs: list[CompareJob] = []
        for group in batch:
            groups[group] = readable = [v for v in groups[group] if v.blob in data]
            if readable:
                walk = readable[0].walk
                texts = tuple((data[v.blob], v.name) for v in readable)
                jobs.append(CompareJob(walk.source_index, walk.fields, texts))
        batch = [group for group in batch if groups[group]]
        results: Iterator[CompareResult] = pool.map(_compare_job, jobs, threshold)
        for (namespace, new_key), (new_fp, found) in zip(batch, results, strict=True):
            cache.put(namespace, new_key, new_fp)
            for version, (old_fp, change) in zip(groups[namespace, new_key], found, strict=True):
                if old_fp is not None:
                    cache.put(namespace, version.key, old_fp)
                    if change is not None:
                        tracker.remember_change(old_fp, new_fp, change)
                tick()
    return len(compared)


def _disk_job(articles: list[Article], job: DiskJob) -> str:
    """Fingerprint of a version on disk (in a worker that inherited ``articles``)."""
    return article_fingerprint(articles[job.position], job.fields)


def _git_job(_: object, job: GitJob) -> str | None:
    """Fingerprint of a committed version (``None`` if it cannot be read)."""
    return bytes_fingerprint(job.data, job.path, job.fields)


def _compare_job(articles: list[Article], job: CompareJob) -> CompareResult:
    """A source on disk (read once) compared with each committed version of it."""
    new = article_text(articles[job.position], job.fields)
    found: list[tuple[str | None, Change | None]] = []
    for data, path in job.olds:
        old = bytes_text(data, path, job.fields)
        if old is None:
            found.append((None, None))
        elif old.fingerprint == new.fingerprint:
            found.append((old.fingerprint, None))
        else:
            found.append((old.fingerprint, summary_of(old, new, compare(old, new, path, path))))
    return CompareResult(new.fingerprint, found)
