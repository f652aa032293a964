"""The on-disk cache of :mod:`sastra.khmer.segment`: one SQLite file of per-paragraph results.

A paragraph's tokens are stored as the list of their lengths (they are cut again
from the paragraph on reading, and checked to add up), keyed by sha256 of the
paragraph and the segmenter's name and version. SQLite's locking makes the file
safe when two processes build at once (writers wait up to a minute for each
other); a cache that cannot be opened, read or written is logged and ignored,
never fatal.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path

__all__ = ["SegmentCache"]

log = logging.getLogger(__name__)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class SegmentCache:
    """Per-paragraph segmentation results in one SQLite file under ``cache_dir``.

    Keyed by sha256 of the paragraph and the segmenter's name and version. SQLite's
    locking makes it safe for two processes building at once; a cache that cannot be
    opened or written is logged and ignored, never fatal. Use as a context manager or
    call :meth:`close`.
    """

    FILENAME = "khmer-segment.sqlite3"

    def __init__(self, cache_dir: Path) -> None:
        self.path = Path(cache_dir) / self.FILENAME
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
                db.execute(
                    "CREATE TABLE IF NOT EXISTS segments (segmenter TEXT NOT NULL, "
                    "digest TEXT NOT NULL, lengths TEXT NOT NULL, "
                    "PRIMARY KEY (segmenter, digest)) WITHOUT ROWID"
                )
                self._db = db
            except (sqlite3.Error, OSError) as exc:
                log.warning("segmentation cache %s unusable: %s", self.path, exc)
                self._broken = True
        return self._db

    def get_many(self, key: str, texts: Sequence[str]) -> dict[str, list[str]]:
        """Cached tokens of those ``texts`` that were segmented before under ``key``."""
        db = self._connect()
        if db is None or not texts:
            return {}
        by_digest = {_digest(t): t for t in texts}
        found: dict[str, list[str]] = {}
        digests = list(by_digest)
        try:
            for i in range(0, len(digests), 500):
                chunk = digests[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT digest, lengths FROM segments WHERE segmenter = ? "
                    f"AND digest IN ({marks})",
                    [key, *chunk],
                ).fetchall()
                for digest, lengths in rows:
                    text = by_digest[digest]
                    toks = _cut(text, json.loads(lengths))
                    if toks is not None:
                        found[text] = toks
        except (sqlite3.Error, ValueError) as exc:
            log.warning("segmentation cache %s unreadable: %s", self.path, exc)
        return found

    def put_many(self, key: str, results: dict[str, list[str]]) -> None:
        """Store ``text -> tokens`` under ``key`` in one transaction."""
        db = self._connect()
        if db is None or not results:
            return
        rows = [
            (key, _digest(text), json.dumps([len(t) for t in toks]))
            for text, toks in results.items()
        ]
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO segments VALUES (?, ?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            log.warning("could not write segmentation cache %s: %s", self.path, exc)
            if db.in_transaction:
                db.execute("ROLLBACK")

    def close(self) -> None:
        """Close the database (it is reopened on next use)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> SegmentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cut(text: str, lengths: object) -> list[str] | None:
    if not isinstance(lengths, list) or not all(isinstance(n, int) and n > 0 for n in lengths):
        return None
    if sum(lengths) != len(text):
        return None
    out, pos = [], 0
    for n in lengths:
        out.append(text[pos : pos + n])
        pos += n
    return out
