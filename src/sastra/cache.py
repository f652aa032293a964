"""A small on-disk cache of values keyed by content hash (git blob ids).

Parsed frontmatter and text fingerprints depend only on a file's bytes (and on
the few settings folded into the namespace), so they are cached by blob id:
a warm ``i18n status`` re-parses nothing that did not change. The file is a
pickle written through a temp file and ``os.replace``; a corrupt or foreign
cache is ignored, never fatal.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)
FORMAT = 7  # bump when a cached value's shape changes


class BlobCache:
    """``namespace -> key -> value`` loaded once, saved once when changed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: dict[str, dict[str, Any]] = {}
        self._dirty = False
        if path is not None and path.is_file():
            try:
                with path.open("rb") as fh:
                    loaded = pickle.load(fh)
                if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
                    self._data = loaded["data"]
            except Exception as exc:  # a broken cache is rebuilt, not reported as an error
                log.info("ignoring unreadable cache %s: %s", path, exc)

    def get(self, namespace: str, key: str) -> Any:
        return self._data.get(namespace, {}).get(key)

    def put(self, namespace: str, key: str, value: Any) -> None:
        self._data.setdefault(namespace, {})[key] = value
        self._dirty = True

    def clear(self, namespace: str) -> None:
        """Forget a namespace (a memo keeps only its latest entry)."""
        if self._data.pop(namespace, None) is not None:
            self._dirty = True

    def save(self) -> None:
        """Write the cache atomically if anything changed; a write failure is only logged."""
        if self.path is None or not self._dirty:
            return
        state = {"format": FORMAT, "data": self._data}
        try:  # pickled straight into the file: the cache can be tens of megabytes
            _replace(self.path, lambda fh: pickle.dump(state, fh, pickle.HIGHEST_PROTOCOL))
            self._dirty = False
        except OSError as exc:
            log.warning("could not write cache %s: %s", self.path, exc)


class Memo:
    """One remembered value and the key it was computed for, in one file.

    The key is pickled first and read first: when it does not match (something
    changed), the value (a whole site's status, megabytes) is never unpickled.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, key: object) -> Any:
        """The value remembered for ``key``, else ``None`` (also for a missing or broken file)."""
        try:
            with self.path.open("rb") as fh:
                if pickle.load(fh) != (FORMAT, key):
                    return None
                return pickle.load(fh)
        except Exception as exc:  # no memo yet, or an unreadable one: compute afresh
            log.debug("no usable memo %s: %s", self.path, exc)
            return None

    def put(self, key: object, value: object) -> None:
        """Remember ``value`` for ``key`` (atomically); a write failure is only logged."""
        try:
            atomic_write(
                self.path,
                pickle.dumps((FORMAT, key), pickle.HIGHEST_PROTOCOL)
                + pickle.dumps(value, pickle.HIGHEST_PROTOCOL),
            )
        except OSError as exc:
            log.warning("could not write %s: %s", self.path, exc)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename;
    the file keeps its mode (a new one is readable by all, ``0o644``)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    _replace(path, lambda fh: fh.write(payload), mode)


def _replace(path: Path, write: Callable[[IO[bytes]], object], mode: int | None = None) -> None:
    """Write ``path`` anew through ``write`` on a temp file in the same folder and a
    rename (with ``mode``, else the temp file's own ``0o600``). Whatever happens, no
    temp file is left behind and the old file stays whole until the rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
