"""A small on-disk cache of values keyed by content hash (git blob ids).

Parsed frontmatter and text fingerprints depend only on a file's bytes (and on
the few settings folded into the namespace), so they are cached by blob id:
a warm ``i18n status`` re-parses nothing that did not change. The file is a
pickle written through a temp file and ``os.replace``; a corrupt or foreign
cache is ignored, never fatal.

A pickle runs code when it is loaded, and the cache folder lies inside the site
(anyone who can commit to it, or unpack an archive of it, can plant a file). So
every cache file is *sealed*: an HMAC-SHA256 of its bytes, keyed by a secret kept
outside the site (``$XDG_CACHE_HOME/sastra/key``, made ``0600`` on first use), is
checked before a byte is unpickled. A file with a wrong seal or of the wrong shape
is discarded with one log line. Where the key cannot be kept (a read-only home),
a key for this process only is used: caches then work within one run, never across.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, NamedTuple

log = logging.getLogger(__name__)


class CacheFile(NamedTuple):
    """A file of the cache folder and the version of its layout."""

    name: str
    """File name inside ``cache_dir``."""
    version: int
    """Bumped when what the file holds changes shape (or what parsing reports changes):
    a file of another version is set aside with one log line and rebuilt."""


# Every pickled cache file, with its version: the one place to bump.
BLOBS = CacheFile("blobs.pickle", 9)
""":class:`BlobCache`: fingerprints, parsed frontmatter, paragraph summaries, git history."""
STATUS = CacheFile("status.pickle", 13)
"""The remembered ``i18n status`` (:mod:`sastra.tracking.remembered`)."""
BUILD = CacheFile("build.pickle", 4)
"""What the last build wrote (:class:`sastra.render.state.BuildState`)."""
CACHE_FILES = (BLOBS, STATUS, BUILD)

MAGIC = b"sastra-sealed-1\n"
"""The first bytes of a sealed cache file; the HMAC of the rest follows."""
_MAC_SIZE = hashlib.sha256().digest_size
_KEYS: dict[str, bytes] = {}


class BlobCache:
    """``namespace -> key -> value`` loaded once, saved once when changed.

    What a run adds to a cache it read is appended to a journal beside it
    (``<name>.journal``), one sealed record a save; a run after one edit then writes
    kilobytes, not the whole cache (tens of megabytes: a docs repo's history alone
    is 12 MB). The journal is folded into the cache file once it reaches a quarter
    of its size, or when a namespace was cleared. A record whose seal does not match
    ends the journal's reading (one log line); a record cut short (a crash while
    appending) is ignored. Every value is a function of its key (a blob id, a pair
    of fingerprints, a history's HEAD), so records from runs that overlapped agree.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, dict[str, object]] = {}
        self._added: dict[str, dict[str, object]] = {}
        self._dirty = False
        self._whole = True  # the next save writes the whole cache (nothing read, or a clear)
        self._journal_size = 0
        self._opened: dict[tuple[str, str], object] = {}  # Packed values unpickled
        if path is not None and path.is_file():
            loaded = load_sealed(path)
            data = _cache_data(loaded)
            if data is not None:
                self._data = data
                self._whole = False
                self._read_journal()
            elif loaded is not None:
                log.info("ignoring cache %s: not this version's shape", path)

    @property
    def journal(self) -> Path | None:
        """The journal of additions beside the cache file."""
        return self.path.with_name(self.path.name + ".journal") if self.path else None

    def get(self, namespace: str, key: str) -> object:
        found = self._data.get(namespace, {}).get(key)
        if type(found) is Packed:
            opened = self._opened.get((namespace, key))
            if opened is None:
                try:
                    opened = self._opened[(namespace, key)] = found.open()
                except Exception as exc:  # sealed by us, yet unreadable now: compute afresh
                    log.info("ignoring cached %s %s: %s", namespace, key, exc)
                    return None
            return opened
        return found

    def put(self, namespace: str, key: str, value: object, *, packed: bool = False) -> None:
        """Keep ``value`` under ``namespace`` and ``key``. ``packed``: kept pickled on its
        own, and unpickled only when a run asks for it (see :class:`Packed`)."""
        if packed:
            self._opened[(namespace, key)] = value
            value = Packed.of(value)
        self._data.setdefault(namespace, {})[key] = value
        self._added.setdefault(namespace, {})[key] = value
        self._dirty = True

    def clear(self, namespace: str) -> None:
        """Forget a namespace (a memo keeps only its latest entry)."""
        if self._data.pop(namespace, None) is not None:
            self._dirty = self._whole = True

    def save(self) -> None:
        """Write what changed: a journal record, or the whole cache atomically (see the
        class); a write failure is only logged."""
        if self.path is None or not self._dirty:
            return
        try:
            if not self._whole:
                record = pickle.dumps((BLOBS.version, self._added), pickle.HIGHEST_PROTOCOL)
                size = self.path.stat().st_size if self.path.is_file() else 0
                if (self._journal_size + len(record)) * JOURNAL_SHARE < size:
                    _append_sealed(self.journal, record)
                    self._journal_size += len(record) + _RECORD_HEAD
                    self._added, self._dirty = {}, False
                    return
            state = {"format": BLOBS.version, "data": self._data}
            # pickled straight into the file: the cache can be tens of megabytes
            save_sealed(self.path, state)
            if self.journal is not None:
                self.journal.unlink(missing_ok=True)
            self._added, self._dirty, self._whole, self._journal_size = {}, False, False, 0
        except OSError as exc:
            log.warning("could not write cache %s: %s", self.path, exc)

    def _read_journal(self) -> None:
        assert self.journal is not None
        try:
            data = self.journal.read_bytes()
        except OSError:
            return
        self._journal_size = len(data)
        records, whole = _sealed_records(data, self.journal)
        if not whole:  # what follows a bad record would never be read: write anew
            self._whole = True
        for payload in records:
            try:
                found = pickle.loads(payload)
            except Exception as exc:  # sealed by us, yet unreadable (another Python)
                log.info("ignoring journal %s: %s", self.journal, exc)
                self._whole = True
                return
            if not (
                isinstance(found, tuple)
                and len(found) == 2
                and found[0] == BLOBS.version
                and isinstance(found[1], dict)
                and all(isinstance(v, dict) for v in found[1].values())
            ):
                log.info("ignoring journal %s: not this version's shape", self.journal)
                self._whole = True
                return
            for namespace, entries in found[1].items():
                self._data.setdefault(namespace, {}).update(entries)


class Packed:
    """A cache value pickled on its own (:meth:`BlobCache.put` with ``packed``): loading the
    cache file makes one bytes object of it, and only a run that asks for the value
    unpickles it. For namespaces of many large values of which a run reads few: what
    changed in each stale source (``change:``) is thousands of small objects a value, and
    unpickling all of them was a seventh of a status after one edit (bench.status). The
    bytes are inside the sealed cache file, so they were checked with it; a value that no
    longer unpickles (its class changed without a version bump) reads as missing."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def of(cls, value: object) -> Packed:
        return cls(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def open(self) -> object:
        """The value."""
        return pickle.loads(self.data)

    def __reduce__(self) -> tuple[type[Packed], tuple[bytes]]:
        return (Packed, (self.data,))


JOURNAL_SHARE = 4
"""The journal is folded into the cache file once it is 1/JOURNAL_SHARE of its size."""
_RECORD_HEAD = 8 + hashlib.sha256().digest_size
"""A journal record: its payload's length (8 bytes), the payload's HMAC, the payload."""


def _cache_data(loaded: object) -> dict[str, dict[str, object]] | None:
    """The entries of a loaded cache file, when it is of this version's shape."""
    if not isinstance(loaded, dict) or loaded.get("format") != BLOBS.version:
        return None
    data = loaded.get("data")
    if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        return data
    return None


def _append_sealed(path: Path | None, payload: bytes) -> None:
    """Append one sealed record to the journal ``path`` (made ``0600``)."""
    assert path is not None
    seal = hmac.digest(secret_key(), payload, "sha256")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "ab") as fh:  # one write: a record is whole or cut short, never mixed
        fh.write(len(payload).to_bytes(8, "little") + seal + payload)


def _sealed_records(data: bytes, path: Path) -> tuple[list[bytes], bool]:
    """The payloads of a journal's records whose seals match, up to the first that does
    not (logged) or is cut short; and whether every byte was read."""
    records = []
    view = memoryview(data)
    at = 0
    while at + _RECORD_HEAD <= len(data):
        size = int.from_bytes(view[at : at + 8], "little")
        start = at + _RECORD_HEAD
        if start + size > len(data):
            break  # cut short while being written
        payload = view[start : start + size]
        if not hmac.compare_digest(
            view[at + 8 : start], hmac.digest(secret_key(), payload, "sha256")
        ):
            log.info("ignoring journal %s: its seal does not match", path)
            break
        records.append(bytes(payload))
        at = start + size
    return records, at == len(data)


class Memo:
    """One remembered value and the key it was computed for, in one file.

    The version and key are pickled first and read first: when they do not match
    (something changed), the value (a whole site's status, megabytes) is never unpickled.
    """

    def __init__(self, path: Path, version: int) -> None:
        self.path = path
        self.version = version

    def get(self, key: object) -> object:
        """The value remembered for ``key``, else ``None`` (also for a missing or broken
        file, and, with one log line, a file of another version)."""
        payload = read_sealed(self.path)
        if payload is None:
            return None
        try:
            view = memoryview(payload)
            size = int.from_bytes(view[:8], "little")
            head = pickle.loads(view[8 : 8 + size])
            if not (isinstance(head, tuple) and len(head) == 2 and head[0] == self.version):
                log.info("ignoring memo %s: written by another version", self.path)
                return None
            if head[1] != key:
                return None
            return pickle.loads(view[8 + size :])
        except Exception as exc:  # a sealed file of another version: compute afresh
            log.info("ignoring memo %s: %s", self.path, exc)
            return None

    def put(self, key: object, value: object) -> None:
        """Remember ``value`` for ``key`` (atomically); a write failure is only logged."""
        head = pickle.dumps((self.version, key), pickle.HIGHEST_PROTOCOL)
        body = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        try:
            _replace(
                self.path,
                _sealing(lambda fh: fh.write(len(head).to_bytes(8, "little") + head + body)),
            )
        except OSError as exc:
            log.warning("could not write %s: %s", self.path, exc)


def load_sealed(path: Path) -> object:
    """The object pickled in the sealed file ``path``; ``None`` when it is absent, its seal
    is wrong (one log line) or it does not unpickle."""
    payload = read_sealed(path)
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception as exc:  # sealed by us, yet unreadable (another Python, a bug)
        log.info("ignoring cache %s: %s", path, exc)
        return None


def save_sealed(path: Path, value: object) -> None:
    """Pickle ``value`` into ``path`` (temp file + rename), sealed."""
    _replace(path, _sealing(lambda fh: pickle.dump(value, fh, pickle.HIGHEST_PROTOCOL)))


def write_sealed(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` (temp file + rename), sealed."""
    _replace(path, _sealing(lambda fh: fh.write(payload)))


def read_sealed(path: Path) -> bytes | None:
    """The payload of the sealed file ``path`` once its HMAC is checked; ``None`` when the
    file is absent or unreadable, or (logged) not sealed with this machine's key."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    if data[:head] != MAGIC or len(data) < head + _MAC_SIZE:
        log.info("ignoring cache %s: not a sealed cache file", path)
        return None
    mac, payload = data[head : head + _MAC_SIZE], memoryview(data)[head + _MAC_SIZE :]
    if not hmac.compare_digest(mac, hmac.digest(secret_key(), payload, "sha256")):
        log.info("ignoring cache %s: its seal does not match (written elsewhere, or altered)", path)
        return None
    return bytes(payload)


class _MacWriter:
    """A file object that feeds what is written to an HMAC too."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.mac = hmac.new(secret_key(), digestmod="sha256")

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.fh.write(data)


def _sealing(write: Callable[[Any], object]) -> Callable[[IO[bytes]], object]:
    """A writer for :func:`_replace` that puts the seal before what ``write`` writes."""

    def sealed(fh: IO[bytes]) -> None:
        fh.write(MAGIC + bytes(_MAC_SIZE))
        writer = _MacWriter(fh)
        write(writer)
        fh.seek(len(MAGIC))
        fh.write(writer.mac.digest())

    return sealed


def secret_key() -> bytes:
    """This user's key for sealing caches: ``$XDG_CACHE_HOME/sastra/key`` (else
    ``~/.cache/sastra/key``), created ``0600`` on first use; a key for this process
    only when it cannot be read or made (logged once)."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sastra"
    path = folder / "key"
    found = _KEYS.get(str(path))
    if found is None:
        found = _KEYS[str(path)] = _read_or_make_key(path)
    return found


def _read_or_make_key(path: Path) -> bytes:
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return key
    except FileExistsError:  # another process made it first (or it was short): use theirs
        try:
            existing = path.read_bytes()
            if len(existing) >= 32:
                return existing
        except OSError:
            pass
    except OSError as exc:
        log.warning(
            "cannot keep the cache key %s (%s): caches last for this run only", path, exc.strerror
        )
    return key


GITIGNORE = "# Sastra's cache: made again when missing, never to be committed.\n*\n"
"""The ``.gitignore`` of the cache folder: everything in it, itself included."""


def keep_out_of_git(folder: Path, root: Path) -> None:
    """Give the cache ``folder`` a ``.gitignore`` that ignores all of it, as pytest, mypy
    and ruff do for theirs: a team's ``git add -A`` then never commits the cache (whose
    files change on every run and would block a later ``git revert`` or ``merge``).
    Only for a folder strictly inside the site ``root``; an existing ``.gitignore`` is
    kept; a failure is ignored (the cache works without it)."""
    gitignore = folder / ".gitignore"
    if gitignore.exists():
        return
    try:
        inside = folder.resolve().relative_to(root.resolve()).parts != ()
    except ValueError:
        inside = False
    if not inside:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(gitignore, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(GITIGNORE)
    except OSError:
        pass


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename;
    the file keeps its mode (a new one is readable by all, ``0o644``). A symlink is
    written through: its target gets the new text and the link stays. An error names
    ``path`` (never the temp file)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o644
        _replace(target, lambda fh: fh.write(payload), mode)
    except OSError as exc:
        raise _naming(exc, path) from None


def _naming(exc: OSError, path: Path) -> OSError:
    """``exc`` as the same error about ``path`` (the user's file, not a temp file)."""
    if exc.filename == str(path):
        return exc
    return OSError(exc.errno, exc.strerror or str(exc), str(path))


def _replace(path: Path, write: Callable[[IO[bytes]], object], mode: int | None = None) -> None:
    """Write ``path`` anew through ``write`` on a temp file in the same folder and a
    rename (with ``mode``, else the temp file's own ``0o600``). Whatever happens, no
    temp file is left behind and the old file stays whole until the rename. The temp
    name is short: a file name near the 255-byte limit (Khmer takes 3 bytes a letter)
    still gets one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path.name), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


TEMP_MARK = ".tmp"
"""Every temp file of :func:`_replace` ends with this, and starts with ``.``."""


def _temp_prefix(name: str) -> str:
    """``.<name>.`` cut to leave room for mkstemp's 8 letters and ``.tmp`` in 255 bytes."""
    room = 255 - 8 - len(TEMP_MARK) - 2
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) > room:
        name = raw[:room].decode("utf-8", "ignore")
    return f".{name}."
