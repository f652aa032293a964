"""The first stage of a cold run's prefetch, for translations whose history is walked:
the file on disk goes to a worker in one job with the committed versions its baseline
walk will most likely ask for first, so they are parsed together.

A walk usually ends within a translation's newest few changes, and those versions share
most paragraphs with the file: parsed in the same worker, one after the other, the
paragraph memo of :mod:`~sastra.tracking.fingerprint` (per process) reads each shared
paragraph once. Walked a version a round, each version was parsed in a worker whose
memo held other pages. The versions are read from ``cat-file`` a batch at a time, the
next batch while the workers parse the last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from sastra.cache import BlobCache
from sastra.model import Article
from sastra.parallel import SharedPool
from sastra.tracking import fp_key
from sastra.tracking.changes import Shape, shapes
from sastra.tracking.fingerprint import article_text, bytes_fingerprint
from sastra.tracking.history import GitHistory

AHEAD = 3
"""Changes of a translation's history fingerprinted with its file on disk."""
BATCH = 256
"""Translations whose versions are read from ``cat-file`` at a time."""
Fields = tuple[str, ...]
Walker = tuple[int, Article, str, Fields]
"""A translation whose history is walked: its position in the articles the workers
inherit, the article, its fingerprints' namespace and translatable fields."""


class Ahead(NamedTuple):
    """Committed versions of one translation to fingerprint with its file on disk."""

    namespace: str
    fields: Fields
    versions: list[tuple[str, str]]
    """``(blob, name)``, newest first."""


class AheadJob(NamedTuple):
    """A translation's file (``position`` -1: fingerprinted already) and its versions."""

    position: int
    fields: Fields
    versions: tuple[tuple[bytes, str], ...]
    """``(bytes, name)`` of each committed version."""
    keys: tuple[str, ...]
    """The fingerprint key of each version (:func:`~sastra.tracking.fingerprint.fp_key`)."""


class AheadResult(NamedTuple):
    on_disk: str | None
    on_disk_shapes: tuple[Shape, ...]
    """The paragraph shapes of the file on disk (for the alignment of a stale
    translation, which would otherwise parse the file again); empty with no file."""
    found: list[tuple[str, str | None]]
    """``(fingerprint key, fingerprint)``; ``None`` for a version that cannot be read."""


def plan(history: GitHistory, cache: BlobCache, walkers: list[Walker]) -> dict[int, Ahead]:
    """For each translation (by position), the versions not cached that its walk will most
    likely ask for first: its version at HEAD and both sides of its :data:`AHEAD` newest
    changes, under the names the walk gives them."""
    found: dict[int, Ahead] = {}
    seen: set[tuple[str, str]] = set()
    for position, article, namespace, fields in walkers:
        versions: dict[str, tuple[str, str]] = {}  # fingerprint key -> (blob, name)
        head = history.at_head(article.path)
        if head is not None and head.blob is not None:
            versions[fp_key(head.blob, article.path)] = (head.blob, article.path)
        for n, (name, version) in enumerate(history.changes(article.path)):
            if n == AHEAD:
                break
            old_name = history.name_before(name, version)
            for blob, at in ((version.blob, name), (version.before, old_name)):
                if blob is not None:
                    versions.setdefault(fp_key(blob, at), (blob, at))
        # The walk takes the file's own fingerprint.
        versions.pop(fp_key(article.blob, article.path), None)
        wanted = [
            version
            for key, version in versions.items()
            if (namespace, key) not in seen and cache.get(namespace, key) is None
        ]
        seen.update((namespace, fp_key(blob, name)) for blob, name in wanted)
        if wanted:
            found[position] = Ahead(namespace, fields, wanted)
    return found


def fingerprint_ahead(
    history: GitHistory,
    cache: BlobCache,
    pool: SharedPool[list[Article]],
    disk: Mapping[tuple[str, str], tuple[int, Fields]],
    ahead: dict[int, Ahead],
    threshold: int,
    tick: Callable[[], None],
    shaped: dict[int, tuple[Shape, ...]],
) -> int:
    """Fingerprint each planned translation's file (when in ``disk``) with its versions;
    returns how many committed versions were fingerprinted. The paragraph shapes of
    each file fingerprinted go to ``shaped``, by position."""
    own = {position: key for key, (position, _) in disk.items() if position in ahead}
    order = list(ahead)
    done = 0
    running: tuple[list[int], Iterator[AheadResult]] | None = None
    for start in range(0, len(order) + BATCH, BATCH):
        batch = order[start : start + BATCH]
        submitted = None
        if batch:
            data = history.read_blobs([b for i in batch for b, _ in ahead[i].versions])
            jobs = [
                AheadJob(
                    i if i in own else -1,
                    ahead[i].fields,
                    tuple((data[b], name) for b, name in ahead[i].versions if b in data),
                    tuple(fp_key(b, name) for b, name in ahead[i].versions if b in data),
                )
                for i in batch
            ]
            submitted = (batch, pool.map(_job, jobs, threshold))
        if running is not None:  # the previous batch's answers, while this one runs
            for position, result in zip(*running, strict=True):
                if position in own:
                    cache.put(*own[position], result.on_disk)
                    shaped[position] = result.on_disk_shapes
                    tick()
                for key, fingerprint in result.found:
                    if fingerprint is not None:  # (else the walk asks, and learns why)
                        cache.put(ahead[position].namespace, key, fingerprint)
                        done += 1
        running = submitted
    return done


def _job(articles: list[Article], job: AheadJob) -> AheadResult:
    """The fingerprint and shapes of a file on disk (unless its position is -1), then
    the fingerprints of its committed versions, in one worker."""
    on_disk: str | None = None
    on_disk_shapes: tuple[Shape, ...] = ()
    if job.position >= 0:
        text = article_text(articles[job.position], job.fields)
        on_disk, on_disk_shapes = text.fingerprint, shapes(text)
    found = [bytes_fingerprint(data, name, job.fields) for data, name in job.versions]
    return AheadResult(on_disk, on_disk_shapes, list(zip(job.keys, found, strict=True)))
