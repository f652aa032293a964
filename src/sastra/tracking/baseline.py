"""The git baseline of a translation: the commit that wrote its current text.

The rule (DESIGN.md, "what stale means"): among the commits reachable from HEAD, a
commit *C* wrote the translation's text when its version of the translation has the
current fingerprint while none of *C*'s parents' versions has it (a merge that takes
the text from one parent never wrote it; a merge that resolved a conflict into new
text did). The baseline is the newest such commit: one that is not an ancestor of
another; should several remain (the same text written on two branches), the one with
the latest committer time, then the greatest commit id. Renames are followed (the
file's versions under every name git's rename detection found).

Pure: fingerprints come through a callback, so the bulk prefetch can ask the same
question with only cached fingerprints and learn which blobs it still needs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import NamedTuple

from sastra.cache import BlobCache
from sastra.tracking import FINGERPRINT_VERSION, fp_key
from sastra.tracking.history import GitHistory

Fingerprint = Callable[[str, str], str | None]
"""``(blob, path) -> fingerprint`` of a committed version (``None``: unreadable)."""


class Baseline(NamedTuple):
    """Where a translation's text was written."""

    position: int
    """The baseline commit's index in the history."""
    cut: bool
    """The commit is at a shallow clone's boundary (or grafted): its parents are not
    known, so it may only *seem* to have written the text."""


def find_baseline(
    history: GitHistory, path: str, current: str, fingerprint: Fingerprint
) -> Baseline | None:
    """The baseline commit of the translation at ``path`` whose text now has the
    fingerprint ``current``; ``None`` when no commit holds that text."""
    graph = history.graph()
    found: list[int] = []
    for name, version in history.changes(path):
        blob = version.blob
        if blob is None:
            continue
        position = version.position
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
    if not found:
        return None
    best = max(found, key=lambda i: history.commits[i][::-1])  # (time, id)
    return Baseline(best, best in history.cut)


def _has(history: GitHistory, path: str, position: int, current: str, fp: Fingerprint) -> bool:
    """The translation's version at commit ``position`` has the fingerprint ``current``."""
    at = history.blob_at(path, position)
    return at is not None and fp(at[1], at[0]) == current


BASELINES = f"baseline:{FINGERPRINT_VERSION}"
"""Cache namespace of remembered baselines (see :func:`remembered_baseline`)."""


def remembered_baseline(
    history: GitHistory,
    path: str,
    current: str,
    fingerprint: Fingerprint,
    cache: BlobCache | None,
    namespace: str,
) -> Baseline | None:
    """:func:`find_baseline`, remembered in ``cache`` by everything its answer depends on:
    the history (HEAD, the content folders and those content moved in from, the cut, the
    history's version), the path, the text's fingerprint
    and the fingerprints' namespace. A warm run, and a run after a source was edited,
    then walk no translation's history again. An answer that met an unreadable version
    is not remembered (the blob may be fetched later, HEAD unchanged)."""
    if cache is None or not history.commits:
        return find_baseline(history, path, current, fingerprint)
    key = hashlib.blake2b(
        "\0".join(
            (namespace, history.head, history.content, ",".join(map(str, sorted(history.cut))),
             path, current, f"{history.version}", "\n".join(history.moved))
        ).encode("utf-8", "surrogateescape"),
        digest_size=16,
    ).hexdigest()  # fmt: skip
    known = cache.get(BASELINES, key)
    if isinstance(known, tuple):
        if not known:
            return None
        position = history.position(known[0])
        if position is not None:
            return Baseline(position, position in history.cut)
    unreadable = False

    def watched(blob: str, name: str) -> str | None:
        nonlocal unreadable
        found = fingerprint(blob, name)
        unreadable = unreadable or found is None
        return found

    found = find_baseline(history, path, current, watched)
    if not unreadable:
        cache.put(BASELINES, key, (history.commits[found.position][0],) if found else ())
    return found
