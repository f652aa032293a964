"""Bulk work for a cold run, on all cores, so that :meth:`Tracker.status` finds it cached:
the fingerprints it will ask for, and the paragraph summary of each stale source.

Committed versions come from one ``cat-file`` round trip; versions on disk are
already parsed, and the forked workers inherit them, so only committed bytes and
small results cross between processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sastra.model import Article, Pair
from sastra.parallel import SharedPool
from sastra.tracking.fingerprint import article_text, bytes_text, compare

if TYPE_CHECKING:
    from sastra.tracking.status import Change, Tracker

Fields = tuple[str, ...]
Job = tuple[bytes, str, Fields]
"""A committed version: its bytes, its path, the collection's translatable fields."""
CompareJob = tuple[bytes, str, int, Fields]
"""A committed source version and the index of the source on disk it is compared with."""
CompareResult = tuple[str | None, str, "Change | None"]


def fingerprint_job(job: Job) -> str | None:
    """Fingerprint of a committed version (``None`` if it cannot be read)."""
    data, path, translatable = job
    text = bytes_text(data, path, translatable)
    return text.fingerprint if text is not None else None


def prefetch(tracker: Tracker, pairs: Iterable[Pair], jobs: int | None = None) -> int:
    """Compute, in bulk, what ``tracker.status`` will likely ask for; returns how many
    versions it read."""
    if tracker.cache is None:
        return 0
    cache = tracker.cache
    history = tracker.history if tracker.config.tracking.git else None
    from_git: dict[tuple[str, str], tuple[str, Fields]] = {}
    from_disk: dict[tuple[str, str], tuple[Article, Fields]] = {}
    compared: dict[tuple[str, str], tuple[str, str, Article, Fields]] = {}

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
                wanted += [versions[0].blob, versions[1].blob]
            for blob in wanted:
                if blob and not cached(namespace, blob):
                    from_git[(namespace, blob)] = (article.path, fields)
            then = history.at(source.path, versions[0].index)
            if (
                then is not None
                and then.blob
                and then.blob != source.blob
                and not (cached(namespace, then.blob) and cached(namespace, source.blob))
            ):
                compared[(then.blob, source.blob)] = (namespace, source.path, source, fields)
    for namespace, blob in {(ns, old) for (old, _), (ns, *_) in compared.items()}:
        from_git.pop((namespace, blob), None)  # fingerprinted by its comparison
    for (_, new), (namespace, *_) in compared.items():
        from_disk.pop((namespace, new), None)

    # The workers inherit these articles and fingerprint them by index, while this
    # process reads the committed versions from ``cat-file``.
    articles = [article for article, _ in from_disk.values()]
    articles += [source for *_, source, _ in compared.values()]
    disk_jobs = [(i, fields) for i, (_, fields) in enumerate(from_disk.values())]
    with SharedPool(articles, jobs) as pool:
        disk_results = pool.map(_disk_job, disk_jobs)
        blobs = {blob for _, blob in from_git} | {old for old, _ in compared}
        data = history.read_blobs(sorted(blobs)) if blobs and history is not None else {}
        git_keys = [key for key in from_git if key[1] in data]
        git_results = pool.map(
            _git_job, [(data[blob], *from_git[(ns, blob)]) for ns, blob in git_keys]
        )
        compare_jobs: list[CompareJob] = []
        compare_keys: list[tuple[str, str]] = []
        for i, ((old, new), (_, path, _, fields)) in enumerate(compared.items()):
            if old in data:
                compare_keys.append((old, new))
                compare_jobs.append((data[old], path, len(from_disk) + i, fields))
        compare_results = pool.map(_compare_job, compare_jobs)
        for (namespace, blob), fingerprint in zip(from_disk, disk_results, strict=True):
            cache.put(namespace, blob, fingerprint)
        for (namespace, blob), maybe in zip(git_keys, git_results, strict=True):
            if maybe is not None:
                cache.put(namespace, blob, maybe)
        for (old, new), (old_fp, new_fp, change) in zip(compare_keys, compare_results, strict=True):
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
    return article_text(articles[index], translatable).fingerprint


def _git_job(_: object, job: Job) -> str | None:
    return fingerprint_job(job)


def _compare_job(articles: list[Article], job: CompareJob) -> CompareResult:
    """Fingerprints of a committed source version and of the source now, and what
    changed between them when they differ."""
    data, path, index, translatable = job
    new = article_text(articles[index], translatable)
    old = bytes_text(data, path, translatable)
    if old is None:
        return None, new.fingerprint, None
    if old.fingerprint == new.fingerprint:
        return old.fingerprint, new.fingerprint, None
    change = compare(old, new, path, path)
    summary = (change.changed_fields, change.changed_paragraphs, change.removed_paragraphs)
    return old.fingerprint, new.fingerprint, summary
