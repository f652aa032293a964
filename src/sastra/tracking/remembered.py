"""The remembered status: ``i18n status`` shows the previous result again when nothing
it depends on changed.

What it depends on is summed up by :func:`status_signature` (every content file's
path, size and mtime, HEAD, the config, the synced store), with git's racy-timestamp
guard: a file modified within :data:`RACY_NS` of the remembered run may have changed
again without changing its mtime, so such a result is not trusted. When some of it
changed, the pairs whose files and history did not are taken as remembered
(:meth:`StatusMemory.reusable`): after one edit, and in a CI job one pull request
ahead of the run whose cache it restored. The result is kept
in ``status.pickle`` (:data:`sastra.cache.STATUS`) by a :class:`~sastra.cache.Memo`,
written by a forked child while the command prints; a file of another version, or
sealed elsewhere, is set aside with one log line.

A warm ``i18n status`` loads this module, :mod:`sastra.model` and the memo, and no
parser: the status is stored as plain tuples (rows made from the fields of the
:mod:`sastra.model` classes), which load much faster than dataclasses (bench.status).
"""

from __future__ import annotations

import hashlib
import os
import time
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sastra import __version__
from sastra.cache import STATUS, Memo
from sastra.config.model import Config
from sastra.content.discovery import stat_signature
from sastra.model import (
    ArticleStatus,
    Diagnostic,
    Key,
    Pair,
    ParagraphChange,
    SiteStatus,
    VersionStatus,
)
from sastra.tracking import FINGERPRINT_VERSION
from sastra.tracking.gitio import cut_commits

if TYPE_CHECKING:
    from sastra.tracking.history import GitHistory

_LATEST = "latest"
"""The memo's one key: the entry holds the signature it was computed for."""
RACY_NS = 2_000_000_000
"""A file modified less than this before a status was remembered may change again unseen."""


class Signature(NamedTuple):
    """What a status depends on, as a digest, and the newest file time it saw."""

    digest: str
    """Equal digests: nothing a status reads changed (see :func:`status_signature`)."""
    newest_ns: int
    """The newest mtime of a content file (ns)."""
    context: str = ""
    """:func:`status_context`: the part of the digest that is not the files or HEAD."""
    head: str = ""
    """HEAD (``""`` without git tracking)."""


def status_signature(config: Config, where: tuple[Path, str] | None) -> Signature:
    """Everything a status depends on, as a digest: the config, the version of Sastra's
    fingerprint, HEAD and the commits a shallow clone cuts at, the synced store, and every
    content file's size and mtime; and the newest mtime (ns). Equal signatures mean a
    previous status can be shown again without reading a file, provided no file changed
    too close to when it was computed (a file rewritten within the file system's
    timestamp granularity keeps its mtime)."""
    context = status_context(config, where)
    head = where[1] if where is not None and config.tracking.git else ""
    files, newest = stat_signature(config)
    digest = hashlib.blake2b(f"{context}\0{head}\0{files}".encode(), digest_size=16)
    return Signature(digest.hexdigest(), newest, context, head)


def status_context(config: Config, where: tuple[Path, str] | None) -> str:
    """What every article's status depends on besides its own files and HEAD, as a
    digest: the config, the version of Sastra's fingerprint, where the site is in its
    repository and the commits a shallow clone cuts at, the synced store. Not where the
    site is on disk: a CI job restores the cache into a fresh clone, often in a folder
    of its own, and the status names files relative to the site."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{FINGERPRINT_VERSION}\0{config.settings()}\0".encode())
    if where is not None and config.tracking.git:
        site = Path(os.path.relpath(config.root.resolve(), where[0])).as_posix()
        digest.update(f"{site}\0".encode())  # (the site's folder in the repository)
        # (`git fetch --unshallow` gives the history its older commits, HEAD unchanged)
        digest.update(",".join(sorted(cut_commits(where[0])[0])).encode())
    synced = config.root / config.tracking.synced_dir
    if synced.is_dir():
        digest.update("\0".join(sorted(os.listdir(synced))).encode())
    return digest.hexdigest()


def pair_signature(pair: Pair) -> str:
    """What one article's status depends on among the files: each version's language,
    path and blob id (its content), and the files that could not be read."""
    parts = [f"{lang}\0{a.path}\0{a.blob}" for lang, a in sorted(pair.versions.items())]
    parts += [f"{lang}\0{path}\0!" for lang, path in sorted(pair.unreadable.items())]
    return hashlib.blake2b(
        "\n".join(parts).encode("utf-8", "surrogateescape"), digest_size=12
    ).hexdigest()


class _Entry(NamedTuple):
    """What ``status.pickle`` keeps (stored as a plain tuple: it loads faster)."""

    digest: str
    """The :class:`Signature` digest of the site it was computed for."""
    rows: tuple[ArticleRow, ...]
    languages: tuple[str, ...]
    notes: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    taken_ns: int
    """When it was computed (for the racy-timestamp guard)."""
    context: str
    """:func:`status_context` then."""
    head: str
    """HEAD then (``""`` without git tracking)."""
    moved: tuple[str, ...]
    """The folders the history followed content in from then
    (:attr:`~sastra.tracking.history.GitHistory.moved`)."""
    signatures: tuple[str, ...]
    """:func:`pair_signature` of each row's pair."""


@dataclass(frozen=True)
class Remembered:
    """A status shown again."""

    status: SiteStatus
    """The whole site's status, as computed then."""
    diagnostics: tuple[Diagnostic, ...]
    """The content problems found then (printed again)."""


class StatusMemory:
    """The remembered status of one site: :meth:`recall` it, or read the site (calling
    :meth:`take_signature` before the first file is read) and :meth:`remember` the
    result."""

    def __init__(self, config: Config, where: tuple[Path, str] | None) -> None:
        self.config = config
        self.where = where
        self.memo = Memo(config.cache_dir / STATUS.name, STATUS.version)
        self.signature: Signature | None = None
        self._entry: _Entry | None = None
        self._read = False
        self._pair_signatures: dict[Key, str] = {}

    def take_signature(self) -> None:
        """The signature of the site as it is now (once: before any file is read)."""
        if self.signature is None:
            self.signature = status_signature(self.config, self.where)

    def recall(self) -> Remembered | None:
        """The status remembered for the site as it is now, when there is one and no file
        changed too close to when it was computed."""
        if not self.memo.path.is_file():  # a first run: nothing to compare with yet
            return None
        self.take_signature()
        assert self.signature is not None
        found = self._stored()
        if found is None or found.digest != self.signature.digest:
            return None
        if not self.signature.newest_ns < found.taken_ns - RACY_NS:  # see status_signature
            return None
        status = decode_status(found.rows, found.languages, found.notes)
        return Remembered(status, found.diagnostics)

    def _stored(self) -> _Entry | None:
        """The remembered entry; ``None`` when there is none (or of another shape)."""
        if not self._read:  # (read once: recall and reusable both ask)
            found = self.memo.get(_LATEST)
            if isinstance(found, tuple) and len(found) == len(_Entry._fields):
                self._entry = _Entry(*found)
            self._read = True
        return self._entry

    def reusable(
        self, pairs: Iterable[Pair], history: GitHistory | None = None
    ) -> dict[Key, ArticleStatus]:
        """The remembered status of each pair whose files are as they were (same blobs,
        same paths) when nothing else it depends on changed (:func:`status_context`):
        after one file is edited, only its pair is worked out again. Blob ids are
        content hashes, so no timestamp guard is needed here.

        When HEAD moved, ``history`` (at the new HEAD) says which files the commits
        since changed (:meth:`~sastra.tracking.history.GitHistory.changed_since`); a
        pair none of whose files changed under any of their names has the same versions
        at the same commits, so the same baseline and the same status."""
        self.take_signature()
        assert self.signature is not None
        found = self._stored()
        if found is None or found.context != self.signature.context:
            return {}
        if history is not None and history.moved != found.moved:
            # Content moved in from a new folder: the history now follows it, which can
            # give old commits renames, and files their commits did not touch other versions.
            return {}
        changed: frozenset[str] = frozenset()
        if found.head != self.signature.head:
            since = history.changed_since(found.head) if history is not None else None
            if since is None:  # not an ancestor (another branch, a rewritten history)
                return {}
            changed = since
        remembered = {
            (row[0], row[1]): (row, sig)
            for row, sig in zip(found.rows, found.signatures, strict=True)
        }
        known: dict[Key, ArticleStatus] = {}
        for pair in pairs:
            hit = remembered.get((pair.key.collection, pair.key.slug))
            if hit is None or hit[1] != self._signature_of(pair):
                continue
            if changed and history is not None and _touched(pair, history, changed):
                continue
            known[pair.key] = decode_article(hit[0])
        return known

    def _signature_of(self, pair: Pair) -> str:
        """:func:`pair_signature`, once a run (:meth:`reusable` and :meth:`remember`)."""
        found = self._pair_signatures.get(pair.key)
        if found is None:
            found = self._pair_signatures[pair.key] = pair_signature(pair)
        return found

    def remember(
        self,
        status: SiteStatus,
        diagnostics: tuple[Diagnostic, ...],
        pairs: Iterable[Pair] = (),
        history: GitHistory | None = None,
    ) -> None:
        """Keep ``status`` for the signature taken before reading, with each of ``pairs``'
        signature (:meth:`reusable`), written by a forked child
        (:func:`sastra.parallel.in_background`: wait with ``wait_background``)."""
        from sastra.parallel import in_background

        assert self.signature is not None, "take_signature before reading the site"
        signature = self.signature
        by_key = {pair.key: self._signature_of(pair) for pair in pairs}
        taken = time.time_ns()

        def keep() -> None:  # (encoded in the child: the parent prints meanwhile)
            signatures = tuple(by_key.get(a.key, "") for a in status.articles)
            rows = (
                *encode_status(status),
                diagnostics,
                taken,
                signature.context,
                signature.head,
                history.moved if history is not None else (),
                signatures,
            )
            self.memo.put(_LATEST, (signature.digest, *rows))

        in_background(keep)


def _touched(pair: Pair, history: GitHistory, changed: frozenset[str]) -> bool:
    """A file of ``pair``, under any name it had, is among ``changed``."""
    return any(
        name in changed
        for article in pair.versions.values()
        for name in history.names(article.path)
    )


# -- the rows: made from the fields of VersionStatus and ParagraphChange -------------

Row = tuple[object, ...]
"""One :class:`VersionStatus` (its fields in order; enums by value, changes as rows)."""
ArticleRow = tuple[str, str, str | None, tuple[Row, ...]]
"""One :class:`ArticleStatus`: the key's collection and slug, the source, its versions."""

_VERSION_FIELDS = tuple(f.name for f in fields(VersionStatus))
_CHANGE_FIELDS = tuple(f.name for f in fields(ParagraphChange))
_CHANGES_AT = _VERSION_FIELDS.index("changes")
"""The one nested field (a tuple of :class:`ParagraphChange`, or ``None``)."""


def _enum_fields(cls: type) -> tuple[tuple[int, dict[object, Enum]], ...]:
    """``(position, value -> member)`` of every enum field of a dataclass."""
    hints = typing.get_type_hints(cls)
    found = []
    for index, field in enumerate(fields(cls)):
        hint = hints[field.name]
        if isinstance(hint, type) and issubclass(hint, Enum):
            found.append((index, {member.value: member for member in hint}))
    return tuple(found)


_VERSION_ENUMS = _enum_fields(VersionStatus)


def encode_status(
    status: SiteStatus,
) -> tuple[tuple[ArticleRow, ...], tuple[str, ...], tuple[str, ...]]:
    """``status`` as plain tuples, strings and numbers (enums by value)."""
    rows = tuple(
        (
            a.key.collection,
            a.key.slug,
            a.source,
            tuple(_version_row(v) for v in a.versions.values()),
        )
        for a in status.articles
    )
    return rows, status.languages, status.notes


def _version_row(version: VersionStatus) -> Row:
    row = [getattr(version, name) for name in _VERSION_FIELDS]
    for index, _ in _VERSION_ENUMS:
        row[index] = row[index].value
    changes = version.changes
    if changes is not None:
        row[_CHANGES_AT] = tuple(
            tuple(getattr(c, name) for name in _CHANGE_FIELDS) for c in changes
        )
    return tuple(row)


def decode_article(row: ArticleRow) -> ArticleStatus:
    """The :class:`ArticleStatus` of one row of :func:`encode_status`."""
    collection, slug, source, versions = row
    return ArticleStatus(
        Key(collection, slug), source, {v.lang: v for v in map(_version, versions)}
    )


def decode_status(
    rows: tuple[ArticleRow, ...], languages: tuple[str, ...], notes: tuple[str, ...]
) -> SiteStatus:
    """The :class:`SiteStatus` that :func:`encode_status` made ``rows`` of."""
    version = _version
    articles = tuple(
        ArticleStatus(Key(collection, slug), source, {v.lang: v for v in map(version, versions)})
        for collection, slug, source, versions in rows
    )
    return SiteStatus(articles, languages, notes)


def _decoder() -> Callable[[Row], VersionStatus]:
    """``row -> VersionStatus``, written out from the fields the way :mod:`dataclasses`
    writes ``__init__``: one call per version and no loop (a warm status decodes tens of
    thousands of them). The source is made of field positions only."""
    names: dict[str, object] = {"VersionStatus": VersionStatus, "ParagraphChange": ParagraphChange}
    args = [f"row[{index}]" for index in range(len(_VERSION_FIELDS))]
    for index, members in _VERSION_ENUMS:
        names[f"members_{index}"] = members
        args[index] = f"members_{index}[row[{index}]]"
    at = _CHANGES_AT
    args[at] = f"None if row[{at}] is None else tuple([ParagraphChange(*c) for c in row[{at}]])"
    source = f"lambda row: VersionStatus({', '.join(args)})"  # positions and names only
    decode: Callable[[Row], VersionStatus] = eval(source, names)
    return decode


_version = _decoder()
