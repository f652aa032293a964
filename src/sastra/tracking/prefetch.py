"""Bulk fingerprints for a cold run: every likely blob in one ``cat-file`` round trip,
fingerprinted on all cores, so that :meth:`Tracker.status` finds them cached."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING

from sastra.model import Article, Pair
from sastra.parallel import SharedPool
from sastra.tracking.fingerprint import VisibleText, article_text, bytes_text

if TYPE_CHECKING:
    from sastra.tracking.status import Tracker

Job = tuple[bytes, str, tuple[str, ...], bool]
JobResult = tuple[str | None, VisibleText | None]


def fingerprint_job(job: Job) -> JobResult:
    """``(data, path, translatable, keep)`` → fingerprint, and the text when ``keep``.

    A plain top-level function, so a process pool can run it.
    """
    data, path, translatable, keep = job
    text = bytes_text(data, path, translatable)
    if text is None:
        return None, None
    return text.fingerprint, (text if keep else None)


def prefetch(tracker: Tracker, pairs: Iterable[Pair], jobs: int | None = None) -> int:
    """Compute, in bulk, the fingerprints that ``tracker.status`` will likely ask for.

    A cold run would otherwise read blobs one request at a time and parse every file
    on one core: this reads the likely blobs in one ``cat-file`` round trip and
    fingerprints them, and the files on disk that will be compared, on all cores.
    Returns how many fingerprints it computed.
    """
    if tracker.cache is None:
        return 0
    cache = tracker.cache
    history = tracker.history if tracker.config.tracking.git else None
    Wanted = dict[tuple[str, str], tuple[str, tuple[str, ...], bool]]
    from_git: Wanted = {}
    from_disk: Wanted = {}

    def need(into: Wanted, blob: str | None, path: str, coll: str, keep: bool) -> None:
        """Fingerprint this blob; ``keep`` its text too (a source a stale check compares;
        once its fingerprint is cached, so is the comparison's summary)."""
        namespace = tracker.fp_namespace(coll)
        if not blob or cache.get(namespace, blob) is not None:
            return
        fields = tuple(tracker.config.collection(coll).translatable)
        old = into.get((namespace, blob))
        into[(namespace, blob)] = (path, fields, keep or (old is not None and old[2]))

    by_path: dict[str, Article] = {}
    for pair in pairs:
        by_path.update((a.path, a) for a in pair.versions.values())
        source = pair.versions[tracker.source_language(pair)]
        coll = pair.key.collection
        for article in pair.versions.values():
            if article is source:
                continue
            if article.l10n.source_hash:
                need(from_disk, source.blob, source.path, coll, False)
                continue
            if history is None:
                continue
            versions = history.versions(article.path)[:2]
            if not versions:
                continue
            if versions[0].blob != article.blob:
                need(from_disk, article.blob, article.path, coll, False)
                need(from_git, versions[0].blob, article.path, coll, False)
            if len(versions) > 1:  # is the newest commit the one that changed the text?
                need(from_git, versions[0].blob, article.path, coll, False)
                need(from_git, versions[1].blob, article.path, coll, False)
            then = history.at(source.path, versions[0].index)
            if then is not None and then.blob != source.blob:
                need(from_git, then.blob, source.path, coll, True)
                need(from_disk, source.blob, source.path, coll, True)
    for key, (path, fields, keep) in list(from_disk.items()):  # on disk and committed
        if key in from_git:
            from_disk[key] = (path, fields, keep or from_git.pop(key)[2])
    # Versions on disk are already parsed: the workers inherit them and fingerprint by
    # index, while this process reads the committed versions from ``cat-file``.
    disk_keys = list(from_disk)
    articles = [by_path[path] for path, _, _ in from_disk.values()]
    disk_jobs = [(i, fields, keep) for i, (_, fields, keep) in enumerate(from_disk.values())]
    with SharedPool(articles, jobs) as pool:
        disk_results = pool.map(_disk_job, disk_jobs)
        data: dict[str, bytes] = {}
        if from_git and history is not None:
            data = history.read_blobs(sorted({blob for _, blob in from_git}))
        git_keys = [key for key in from_git if key[1] in data]
        git_jobs = [(data[blob], *from_git[(ns, blob)]) for ns, blob in git_keys]
        git_results = pool.map(_git_job, git_jobs)
        for key, (fingerprint, text) in chain(
            zip(disk_keys, disk_results, strict=True), zip(git_keys, git_results, strict=True)
        ):
            if fingerprint is not None:
                cache.put(key[0], key[1], fingerprint)
            if text is not None:
                tracker.keep_text(key[0], key[1], text)
    return len(disk_jobs) + len(git_jobs)


def _disk_job(articles: list[Article], job: tuple[int, tuple[str, ...], bool]) -> JobResult:
    """Fingerprint of a version on disk (run in a worker that inherited ``articles``)."""
    index, translatable, keep = job
    text = article_text(articles[index], translatable)
    return text.fingerprint, (text if keep else None)


def _git_job(_: object, job: Job) -> JobResult:
    return fingerprint_job(job)
