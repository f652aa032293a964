"""Bulk work for a cold run, on all cores, so that :meth:`Tracker.status` finds it cached:
the fingerprints it will ask for, and the paragraph summary of each stale source.

Committed versions come from one ``cat-file`` round trip; versions on disk are
already parsed, and the forked workers inherit them, so only committed bytes and
small results cross between processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING

from sastra.model import Article, Pair
from sastra.parallel import THRESHOLD, SharedPool
from sastra.progress import Progress, ticker
from sastra.tracking.fingerprint import (
    article_fingerprint,
    article_text,
    bytes_fingerprint,
    bytes_text,
    compare,
)

if TYPE_CHECKING:
    from sastra.tracking.status import Change, Tracker

BATCH = 1024
"""Committed versions read from ``cat-file`` at a time, so the workers start early."""
Fields = tuple[str, ...]
Job = tuple[bytes, str, Fields]
"""A committed version: its bytes, its path, the collection's translatable fields."""
CompareJob = tuple[bytes, str, int, Fields, bool]
"""A committed version, the index of the version on disk it is compared with, and
whether to summarise what changed (for a source; a translation needs the fingerprints)."""
CompareResult = tuple[str | None, str, "Change | None"]


def prefetch(
    tracker: Tracker,
    pairs: Iterable[Pair],
    jobs: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Compute, in bulk, what ``tracker.status`` will likely ask for; returns how many
    versions it read (``progress`` hears of each as it is done)."""
    if tracker.cache is None:
        return 0
    cache = tracker.cache
    history = tracker.history if tracker.config.tracking.git else None
    from_git: dict[tuple[str, str], tuple[str, Fields]] = {}
    from_disk: dict[tuple[str, str], tuple[Article, Fields]] = {}
    # A committed version and the version on disk it is compared with, and whether to
    # summarise what changed: a stale source's summary is shown, a translation's is not.
    compared: dict[tuple[str, str], tuple[str, str, Article, Fields, bool]] = {}

    def cached(namespace: str, blob: str | None) -> bool:
        return not blob or cache.get(namespace, blob) is not None

    for pair in pairs:
        source = pair.versions[tracker.source_language(pair)]
        coll = pair.key.collection
        namespace = tracker.fp_namespace(coll)
        fields = tuple(tracker.config.collection(coll).translatable)
        for article in pair.versions.values():
            if article is source:
                continue
            if article.l10n.source_hash:
                if not cached(namespace, source.blob):
                    from_disk[(namespace, source.blob)] = (source, fields)
                continue
            if history is None:
                continue
            versions = history.versions(article.path)[:2]
            if not versions:
                continue
            wanted = []
            if versions[0].blob != article.blob:  # being edited: did the text change?
                wanted.append(versions[0].blob)
                if not cached(namespace, article.blob):
                    from_disk[(namespace, article.blob)] = (article, fields)
            if len(versions) > 1:  # is the newest commit the one that changed the text?
                older = versions[1].blob
                if versions[0].blob != article.blob:
                    wanted += [versions[0].blob, older]
                elif older and not (cached(namespace, older) and cached(namespace, article.blob)):
                    # The newest commit is the file on disk: one job reads both versions.
                    # (``setdefault``: a source with these very bytes wants its summary.)
                    compared.setdefault(
                        (older, article.blob), (namespace, article.path, article, fields, False)
                    )
            for blob in wanted:
                if blob and not cached(namespace, blob):
                    from_git[(namespace, blob)] = (article.path, fields)
            then = history.at(source.path, versions[0].position)
            if (
                then is not None
                and then.blob
                and then.blob != source.blob
                and not (cached(namespace, then.blob) and cached(namespace, source.blob))
            ):
                compared[(then.blob, source.blob)] = (namespace, source.path, source, fields, True)
    for namespace, blob in {(ns, old) for (old, _), (ns, *_) in compared.items()}:
        from_git.pop((namespace, blob), None)  # fingerprinted by its comparison
    for (_, new), (namespace, *_) in compared.items():
        from_disk.pop((namespace, new), None)

    # The workers inherit these articles and fingerprint them by index, while this
    # process reads the committed versions from ``cat-file``.
    articles = [article for article, _ in from_disk.values()]
    articles += [version for _, _, version, _, _ in compared.values()]
    disk_jobs = [(i, fields) for i, (_, fields) in enumerate(from_disk.values())]
    # By path: the versions of one article go to one worker together, where the
    # paragraphs they share are parsed once (see fingerprint._run_markdown).
    path_of = {blob: path for (_, blob), (path, _) in from_git.items()}
    path_of.update((old, path) for (old, _), (_, path, *_) in compared.items())
    blobs = sorted(path_of, key=lambda blob: (path_of[blob], blob))
    git_by_blob: dict[str, list[tuple[str, str]]] = {}
    for namespace, blob in from_git:
        git_by_blob.setdefault(blob, []).append((namespace, blob))
    compared_by_blob: dict[str, list[tuple[str, str]]] = {}
    for old, new in compared:
        compared_by_blob.setdefault(old, []).append((old, new))
    index_of = {key: len(from_disk) + i for i, key in enumerate(compared)}
    total = len(disk_jobs) + len(blobs)
    threshold = 0 if total >= THRESHOLD else total + 1  # one decision for every batch
    git_keys: list[tuple[str, str]] = []
    compare_keys: list[tuple[str, str]] = []
    git_results: list[Iterator[str | None]] = []
    compare_results: list[Iterator[CompareResult]] = []
    with SharedPool(articles, jobs) as pool:
        disk_results = pool.map(_disk_job, disk_jobs, threshold)
        # Committed versions are read a batch at a time and fingerprinted as they arrive.
        for start in range(0, len(blobs) if history is not None else 0, BATCH):
            assert history is not None
            data = history.read_blobs(blobs[start : start + BATCH])
            batch = [blob for blob in blobs[start : start + BATCH] if blob in data]
            keys = [key for blob in batch for key in git_by_blob.get(blob, ())]
            git_keys += keys
            git_jobs = [(data[blob], *from_git[(ns, blob)]) for ns, blob in keys]
            git_results.append(pool.map(_git_job, git_jobs, threshold))
            pairs_ = [key for blob in batch for key in compared_by_blob.get(blob, ())]
            compare_keys += pairs_
            compare_jobs: list[CompareJob] = []
            for key in pairs_:
                _, path, _, fields, summarise = compared[key]
                compare_jobs.append((data[key[0]], path, index_of[key], fields, summarise))
            compare_results.append(pool.map(_compare_job, compare_jobs, threshold))
        tick = ticker(
            len(disk_jobs) + len(git_keys) + len(compare_keys), "fingerprinting", progress
        )
        for (namespace, blob), fingerprint in zip(from_disk, disk_results, strict=True):
            cache.put(namespace, blob, fingerprint)
            tick()
        for (namespace, blob), maybe in zip(git_keys, chain(*git_results), strict=True):
            if maybe is not None:
                cache.put(namespace, blob, maybe)
            tick()
        for (old, new), (old_fp, new_fp, change) in zip(
            compare_keys, chain(*compare_results), strict=True
        ):
            tick()
            namespace = compared[(old, new)][0]
            cache.put(namespace, new, new_fp)
            if old_fp is not None:
                cache.put(namespace, old, old_fp)
                if change is not None:
                    tracker.remember_change(old_fp, new_fp, change)
    return len(disk_jobs) + len(git_keys) + len(compare_keys)


def _disk_job(articles: list[Article], job: tuple[int, Fields]) -> str:
    """Fingerprint of a version on disk (in a worker that inherited ``articles``)."""
    index, translatable = job
    return article_fingerprint(articles[index], translatable)


def _git_job(_: object, job: Job) -> str | None:
    """Fingerprint of a committed version (``None`` if it cannot be read)."""
    data, path, translatable = job
    return bytes_fingerprint(data, path, translatable)


def _compare_job(articles: list[Article], job: CompareJob) -> CompareResult:
    """Fingerprints of a committed version and of the version on disk, and what changed
    between them when they differ and it is asked for."""
    data, path, index, translatable, summarise = job
    article = articles[index]
    if not summarise:  # the fingerprints only: no paragraph objects
        new_fp = article_fingerprint(article, translatable)
        return bytes_fingerprint(data, path, translatable), new_fp, None
    new = article_text(article, translatable)
    old = bytes_text(data, path, translatable)
    if old is None:
        return None, new.fingerprint, None
    if old.fingerprint == new.fingerprint:
        return old.fingerprint, new.fingerprint, None
    change = compare(old, new, path, path)
    summary = (change.changed_fields, change.changed_paragraphs, change.removed_paragraphs)
    return old.fingerprint, new.fingerprint, summary
