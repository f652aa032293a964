"""Bulk fingerprints for a cold run: every likely blob in one ``cat-file`` round trip,
parsed on all cores, so that :meth:`Tracker.status` finds them cached."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sastra.model import Pair
from sastra.parallel import pmap
from sastra.tracking.fingerprint import VisibleText, bytes_text

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

    for pair in pairs:
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
    data: dict[str, bytes] = {}
    if from_git and history is not None:
        data = history.read_blobs(sorted({blob for _, blob in from_git}))
    for (_, blob), (path, _, _) in from_disk.items():
        try:
            data[blob] = (tracker.config.root / path).read_bytes()
        except OSError:
            continue
    wanted = {**from_git, **from_disk}
    keys = [key for key in wanted if key[1] in data]
    work = [(data[blob], *wanted[(ns, blob)]) for ns, blob in keys]
    for key, (fingerprint, text) in zip(keys, pmap(fingerprint_job, work, jobs), strict=True):
        if fingerprint is not None:
            cache.put(key[0], key[1], fingerprint)
        if text is not None:
            tracker.keep_text(key[0], key[1], text)
    return len(work)
