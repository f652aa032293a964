"""Did a merge commit write a translation's text, or only combine its parents' edits?

A merge whose version of a file is what a three-way line merge of its parents'
versions over their merge base gives (each side's edits taken where the other side
left those lines alone, or made the same edit) wrote no text: git made it. A merge
whose version differs (a conflict resolved into new words, an edit made while
merging) wrote it. :func:`combines` answers for one merge, in Python: the versions
come through the one ``cat-file --batch`` process, never one process per file.

The line merge is a little more willing than git's: edits of two adjacent lines (no
unchanged line between them) merge here where git stops on a conflict. A translator
who resolved such a conflict into exactly both edits wrote nothing new either.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher

from sastra.cache import BlobCache
from sastra.tracking.history import GitHistory

Read = Callable[[str], bytes | None]
"""``blob -> bytes`` of a committed version (``None``: git cannot give it)."""
MERGES = "merged:1"
"""Cache namespace of :func:`combines` answers, keyed by the blob ids they read."""
_ONE, _TWO, _STALE = 1, 2, 4


def merge_bases(
    parents: Sequence[tuple[int, ...]], ones: Iterable[int], twos: Iterable[int]
) -> list[int]:
    """The best common ancestors of the commits ``ones`` (together) and ``twos``: those
    that are no ancestor of another common ancestor (``git merge-base --all``; for an
    octopus, ``ones`` are the heads merged so far). Positions are topological (a commit
    before its parents), so a commit is taken from the queue after all its children."""
    flags: dict[int, int] = {}
    for node in ones:
        flags[node] = flags.get(node, 0) | _ONE
    for node in twos:
        flags[node] = flags.get(node, 0) | _TWO
    queue = list(flags)
    heapq.heapify(queue)
    live = len(queue)  # queued commits not known to be below a base
    bases: list[int] = []
    while live:
        node = heapq.heappop(queue)
        flag = flags[node]
        if not flag & _STALE:  # (a stale commit still marks its parents stale)
            live -= 1
            if flag & (_ONE | _TWO) == _ONE | _TWO:
                bases.append(node)
                flag |= _STALE
        for parent in parents[node]:
            old = flags.get(parent)
            new = (old or 0) | flag
            if old is None:
                flags[parent] = new
                heapq.heappush(queue, parent)
                live += not new & _STALE
            elif new != old:
                flags[parent] = new
                live -= bool(new & _STALE and not old & _STALE)
    return bases


def combines(
    history: GitHistory,
    path: str,
    position: int,
    read: Read,
    cache: BlobCache | None = None,
) -> bool | None:
    """The file's version at the merge ``position`` is a clean line merge of its
    parents' versions (an octopus: merged one parent at a time, as git does); ``None``
    when a version could not be read. A parent without the file never combines (git
    stops on a deleted or added file). With several merge bases (criss-cross merges),
    a clean merge over any of them counts."""
    parents = history.parents[position]
    mine = history.blob_at(path, position)
    sides = [history.blob_at(path, parent) for parent in parents]
    if len(parents) < 2 or mine is None:
        return False
    blobs = [mine[1]]
    for side in sides:
        if side is None:
            return False
        blobs.append(side[1])
    steps: list[list[str]] = []  # the merge bases' blobs of each further parent ("": none)
    for n in range(1, len(parents)):
        bases = merge_bases(history.parents, parents[:n], parents[n : n + 1])
        found = [history.blob_at(path, base) for base in bases]
        steps.append(sorted({at[1] if at else "" for at in found}) or [""])
    key = f"{','.join(blobs)};{'/'.join(','.join(step) for step in steps)}"
    known = cache.get(MERGES, key) if cache is not None else None
    if isinstance(known, bool):
        return known
    data: dict[str, bytes] = {"": b""}
    for blob in {*blobs, *(b for step in steps for b in step)} - {""}:
        got = read(blob)
        if got is None:
            return None
        data[blob] = got
    results = {data[blobs[1]]}
    for theirs, step in zip(blobs[2:], steps, strict=True):
        merged = (merge3(data[base], ours, data[theirs]) for ours in results for base in step)
        results = {text for text in merged if text is not None}
        if not results:
            break
    answer = data[blobs[0]] in results
    if cache is not None:
        cache.put(MERGES, key, answer)
    return answer


Hunk = tuple[int, int, int, list[bytes]]
"""``(start, end, side, lines)``: a side replaced the base's lines ``start:end``."""


def merge3(base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
    """The three-way line merge of ``ours`` and ``theirs`` over ``base``; ``None`` on a
    conflict: both sides edited the same base lines (or inserted at one place)
    differently."""
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    lines = _lines(base)
    hunks = sorted(
        [*_hunks(lines, _lines(ours), 0), *_hunks(lines, _lines(theirs), 1)],
        key=lambda hunk: hunk[:3],
    )
    out: list[bytes] = []
    at = k = 0
    while k < len(hunks):
        start, end = hunks[k][0], hunks[k][1]
        group = [hunks[k]]
        k += 1
        while k < len(hunks) and _touches(start, end, hunks[k]):
            end = max(end, hunks[k][1])
            group.append(hunks[k])
            k += 1
        sides = {hunk[2] for hunk in group}
        texts = {tuple(_side_text(lines, start, end, group, side)) for side in sides}
        if len(texts) > 1:
            return None
        out.extend(lines[at:start])
        out.extend(texts.pop())
        at = end
    out.extend(lines[at:])
    return b"".join(out)


def _touches(start: int, end: int, hunk: Hunk) -> bool:
    """``hunk`` (sorted after the span ``start:end``) edits lines of the span, or inserts
    inside it, or inserts where the (empty) span inserts."""
    if start == end:
        return hunk[0] == hunk[1] == start
    return hunk[0] < end if hunk[0] < hunk[1] else start < hunk[0] < end


def _side_text(
    lines: list[bytes], start: int, end: int, group: list[Hunk], side: int
) -> list[bytes]:
    """The base's lines ``start:end`` with one side's hunks of ``group`` applied."""
    text: list[bytes] = []
    at = start
    for first, last, which, new in group:
        if which == side:
            text.extend(lines[at:first])
            text.extend(new)
            at = last
    text.extend(lines[at:end])
    return text


def _lines(data: bytes) -> list[bytes]:
    """Lines as git sees them: split after each ``\\n`` (the last may lack one)."""
    parts = data.split(b"\n")
    last = parts.pop()
    lines = [part + b"\n" for part in parts]
    if last:
        lines.append(last)
    return lines


def _hunks(base: list[bytes], side: list[bytes], which: int) -> list[Hunk]:
    """The side's edits of the base (a common head and tail are skipped first)."""
    head = 0
    limit = min(len(base), len(side))
    while head < limit and base[head] == side[head]:
        head += 1
    tail = 0
    while tail < limit - head and base[-1 - tail] == side[-1 - tail]:
        tail += 1
    old, new = base[head : len(base) - tail], side[head : len(side) - tail]
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        (head + i1, head + i2, which, new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
