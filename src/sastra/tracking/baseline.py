"""The git baseline of a translation: the commit that wrote its current text.

The rule (DESIGN.md, "what stale means"): among the commits reachable from HEAD, a
commit *C* wrote the translation's text when its version of the translation has the
current fingerprint while none of *C*'s parents' versions has it (a merge that takes
the text from one parent never wrote it; a merge that resolved a conflict into new
text did). The baseline is the newest such commit: one that is not an ancestor of
another; should several remain (the same text written on two branches), the one with
the latest committer time, then the greatest commit id. Renames are followed (the
file's versions under every name git's rename detection found).

A commit that puts back bytes the translation already had (``git revert`` of a sync,
``git checkout <old> -- file``) did not write them either: the baseline is found among
the ancestors of the version it restored, as if that version were the current one.
The text is as old as its first writing, and so is the source it matched.

A merge whose version is a clean line merge of its parents' versions
(:mod:`~sastra.tracking.merges`: two branches each fixed a typo, say) wrote no text
either: the translation is as synced as the best of its parents' versions, so its
baselines are theirs, each found by the same rule among that parent's ancestors.

Pure: fingerprints come through a callback, so the bulk prefetch can ask the same
question with only cached fingerprints and learn which blobs it still needs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from sastra.cache import BlobCache
from sastra.tracking import FINGERPRINT_VERSION, fp_key
from sastra.tracking.history import GitHistory
from sastra.tracking.merges import combines

Fingerprint = Callable[[str, str], str | None]
"""``(blob, path) -> fingerprint`` of a committed version (``None``: unreadable)."""
Combined = Callable[[int], bool | None]
"""``position -> `` the merge's version of the translation only combines its parents'
(a clean line merge: :func:`~sastra.tracking.merges.combines`); ``None``: a version
could not be read (the merge then counts as writing its text)."""


class Baseline(NamedTuple):
    """Where a translation's text was written."""

    position: int
    """The baseline commit's index in the history."""
    cut: bool
    """The commit is at a shallow clone's boundary (or grafted): its parents are not
    known, so it may only *seem* to have written the text."""


def find_baseline(
    history: GitHistory,
    path: str,
    current: str,
    fingerprint: Fingerprint,
    combined: Combined | None = None,
) -> tuple[Baseline, ...]:
    """The baselines of the translation at ``path`` whose text now has the fingerprint
    ``current``, newest first: one commit, or, when its text came from a clean merge,
    the baselines of the merge's parents' versions; ``()`` when no commit holds that
    text. ``combined`` answers whether a merge's version is a clean line merge of its
    parents' (default: :func:`~sastra.tracking.merges.combines`, reading through the
    history's ``cat-file``)."""
    if combined is None:
        combined = partial(combines, history, path, read=history.read_blob)
    found: list[int] = []
    todo = [(current, -1)]  # (fingerprint, within the ancestors of; -1: of HEAD)
    seen = set(todo)
    origins: set[int] = set()
    while todo:
        text, within = todo.pop()
        origin = _origin(history, path, text, fingerprint, within)
        if origin is None or origin in origins:
            continue
        origins.add(origin)
        parents = _combined_parents(history, path, origin, fingerprint, combined)
        if parents is None:
            restored = _restored(history, path, origin)
            if restored is None:
                found.append(origin)
            elif (text, restored) not in seen:  # the text is as old as the version restored
                seen.add((text, restored))
                todo.append((text, restored))
            continue
        for parent in parents:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return tuple(Baseline(i, i in history.cut) for i in _newest_first(history, found))


def _origin(
    history: GitHistory, path: str, current: str, fingerprint: Fingerprint, within: int
) -> int | None:
    """The newest commit (among the ancestors of ``within``, or of HEAD for ``-1``)
    whose version has the fingerprint ``current`` while none of its parents' has."""
    graph = history.graph()
    found: list[int] = []
    for name, version in history.changes(path):
        blob = version.blob
        if blob is None:
            continue
        position = version.position
        if within >= 0 and not graph.is_ancestor(position, within):
            continue
        if any(graph.is_ancestor(position, newer) for newer in found):
            continue  # older than a commit already found: never the newest
        if fingerprint(blob, name) != current:
            continue
        before = version.before
        if before is not None:
            old_name = history.name_before(name, version)
            # (the same bytes are other text when the rename made the page MDX, or undid it)
            if fp_key(before, old_name) == fp_key(blob, name):
                continue  # the first parent had the text already
            if fingerprint(before, old_name) == current:
                continue
        if any(_has(history, path, p, current, fingerprint) for p in history.parents[position][1:]):
            continue  # another parent had it: the merge brought it in
        found.append(position)
    return history.newest(found)  # (no one an ancestor of another: the latest, then id)


def _combined_parents(
    history: GitHistory, path: str, origin: int, fingerprint: Fingerprint, combined: Combined
) -> list[tuple[str, int]] | None:
    """``(fingerprint, position)`` of each parent's version when the commit ``origin`` is
    a merge whose version only combines its parents' (it wrote no text); else ``None``."""
    parents = history.parents[origin]
    if len(parents) < 2 or not combined(origin):
        return None
    found = []
    for parent in parents:
        at = history.blob_at(path, parent)
        text = fingerprint(at[1], at[0]) if at is not None else None
        if text is None:  # unreadable: the merge counts as writing its text
            return None
        found.append((text, parent))
    return found


def _restored(history: GitHistory, path: str, origin: int) -> int | None:
    """The older version whose bytes the commit ``origin`` put back, when it did (``git
    revert`` of a sync, ``git checkout <old> -- file``): the newest
    (:meth:`~sastra.tracking.history.GitHistory.newest`) among its proper ancestors'
    versions with the same bytes; ``None`` when it wrote them anew. Restored
    bytes are the text of the day they were first written, not a sync with the source
    of the day they came back."""
    at = history.blob_at(path, origin)
    if at is None:
        return None
    here = fp_key(at[1], at[0])
    graph = history.graph()
    return history.newest(
        version.position
        for name, version in history.changes(path)
        if version.position != origin
        and version.blob is not None
        and fp_key(version.blob, name) == here
        and graph.is_ancestor(version.position, origin)
    )


def _newest_first(history: GitHistory, positions: list[int]) -> list[int]:
    """Commits ordered newest first: a commit before its ancestors; of commits neither
    of which is the other's ancestor, the later committer time, then the greater id
    (stable whatever order git lists them in): :meth:`GitHistory.newest`, again and
    again."""
    left = list(dict.fromkeys(positions))
    ordered: list[int] = []
    while left:
        best = history.newest(left)
        assert best is not None
        ordered.append(best)
        left.remove(best)
    return ordered


def _has(history: GitHistory, path: str, position: int, current: str, fp: Fingerprint) -> bool:
    """The translation's version at commit ``position`` has the fingerprint ``current``."""
    at = history.blob_at(path, position)
    return at is not None and fp(at[1], at[0]) == current


def source_then(history: GitHistory, path: str, position: int) -> tuple[str, str] | None:
    """``(name, blob)`` of the source at ``path`` as the translation's baseline commit
    ``position`` knew it: its version there; when the source came later than the
    translation's text (committed after it), its first committed version, the text the
    translation was made from; ``None`` when neither is known."""
    at = history.blob_at(path, position)
    if at is not None:
        return at
    versions = [(name, v.blob, v.position) for name, v in history.changes(path) if v.blob]
    first = history.oldest(p for _, _, p in versions)
    if first is None or not history.graph().is_ancestor(position, first):
        return None
    return next((name, blob) for name, blob, p in versions if p == first)


BASELINES = f"baselines:3:{FINGERPRINT_VERSION}"
"""Cache namespace of remembered baselines (see :func:`remembered_baseline`)."""
RETIRED = (f"baselines:2:{FINGERPRINT_VERSION}",)
"""Namespaces of baselines an older release remembered (keyed by HEAD, one entry a
translation a commit): dropped from a cache the first time this release uses it."""


def remembered_baseline(
    history: GitHistory,
    path: str,
    current: str,
    fingerprint: Fingerprint,
    cache: BlobCache | None,
    namespace: str,
) -> tuple[Baseline, ...]:
    """:func:`find_baseline`, remembered in ``cache`` by everything its answer depends on:
    the history (the content folders and those content moved in from, the cut, the
    history's version), the path, the text's fingerprint and the fingerprints'
    namespace; and the HEAD it was found at. A warm run, and a run after a source was
    edited, then walk no translation's history again. Neither does a run after commits
    that did not change the translation's file under any of its names
    (:meth:`~sastra.tracking.history.GitHistory.unchanged_since`): its versions are the
    same, at the same commits, and so is the answer (commit ids); it is kept with the
    new HEAD. So one entry stands for a translation's text, not one a commit (a cache a
    CI job keeps grew by every translation on every push). An answer that met an
    unreadable version is not remembered (the blob may be fetched later, HEAD
    unchanged). Whether a merge combined its parents' versions is kept too, by the
    blobs it read: a run after the file changed walks again, but merges no text again."""
    if cache is None or not history.commits:
        return find_baseline(history, path, current, fingerprint)
    key = hashlib.blake2b(
        "\0".join(
            (namespace, history.content, ",".join(map(str, sorted(history.cut))),
             path, current, f"{history.version}", "\n".join(history.moved))
        ).encode("utf-8", "surrogateescape"),
        digest_size=16,
    ).hexdigest()  # fmt: skip
    known = cache.get(BASELINES, key)
    if isinstance(known, tuple) and len(known) == 2 and isinstance(known[0], str):
        head, commits = known
        if head == history.head or history.unchanged_since(head, path):
            positions = [history.position(str(commit)) for commit in commits]
            if None not in positions:
                if head != history.head:
                    cache.put(BASELINES, key, (history.head, commits))
                return tuple(Baseline(i, i in history.cut) for i in positions if i is not None)
    unreadable = False

    def watched(blob: str, name: str) -> str | None:
        nonlocal unreadable
        found = fingerprint(blob, name)
        unreadable = unreadable or found is None
        return found

    def combined(position: int) -> bool | None:
        nonlocal unreadable
        found = combines(history, path, position, history.read_blob, cache)
        unreadable = unreadable or found is None
        return found

    found = find_baseline(history, path, current, watched, combined)
    if not unreadable:
        commits = tuple(history.commits[b.position][0] for b in found)
        cache.put(BASELINES, key, (history.head, commits))
    return found
