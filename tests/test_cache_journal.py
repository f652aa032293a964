"""The blob cache's journal: a run that adds a little to a cache it read appends one
sealed record instead of writing the whole cache again; what is read back is what was
put, whatever was cut short, altered or planted."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest

from sastra import cache as cache_module
from sastra.cache import BlobCache


def _journalled(path: Path, key: str, value: str) -> BlobCache:
    """Put one entry into the cache at ``path`` in a run of its own (journalled)."""
    cache = BlobCache(path)
    cache.put("fp", key, value)
    cache.save()
    return cache


def _big(path: Path) -> BlobCache:
    """A cache file of ~200 KB, as a first (cold) run leaves it."""
    cache = BlobCache(path)
    for i in range(2000):
        cache.put("fp", f"blob{i:04d}", "x" * 64)
    cache.save()
    return cache


def test_additions_go_to_the_journal_and_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "blobs.pickle"
    _big(path)
    before = path.read_bytes()
    second = BlobCache(path)
    second.put("fp", "new", "fingerprint")
    second.put("fp", "blob0001", "changed")
    second.save()
    assert path.read_bytes() == before  # the cache file is not written again
    assert second.journal is not None and second.journal.is_file()
    third = BlobCache(path)
    assert third.get("fp", "new") == "fingerprint"
    assert third.get("fp", "blob0001") == "changed"
    assert third.get("fp", "blob1999") == "x" * 64
    third.put("other", "k", (1, 2))
    third.save()
    assert BlobCache(path).get("other", "k") == (1, 2)
    assert BlobCache(path).get("fp", "new") == "fingerprint"


def test_the_journal_is_folded_in_once_it_is_a_quarter_of_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "blobs.pickle"
    _big(path)
    cache = BlobCache(path)
    for i in range(1000):  # ~100 KB of additions: more than a quarter of ~200 KB
        cache.put("fp", f"more{i:04d}", "y" * 64)
    cache.save()
    assert cache.journal is not None and not cache.journal.exists()
    again = BlobCache(path)
    assert again.get("fp", "more0999") == "y" * 64
    assert again.get("fp", "blob0000") == "x" * 64


def test_a_cleared_namespace_writes_the_whole_cache(tmp_path: Path) -> None:
    path = tmp_path / "blobs.pickle"
    _big(path)
    cache = BlobCache(path)
    cache.put("memo", "a", 1)
    cache.save()  # journalled
    cache = BlobCache(path)
    cache.clear("memo")
    cache.save()
    assert cache.journal is not None and not cache.journal.exists()
    assert BlobCache(path).get("memo", "a") is None


def test_a_record_cut_short_is_ignored_and_the_next_save_writes_anew(tmp_path: Path) -> None:
    path = tmp_path / "blobs.pickle"
    _big(path)
    _journalled(path, "kept", "1")
    second = _journalled(path, "cut", "2")
    assert second.journal is not None
    data = second.journal.read_bytes()
    second.journal.write_bytes(data[:-3])  # a crash while appending
    third = BlobCache(path)
    assert third.get("fp", "kept") == "1"
    assert third.get("fp", "cut") is None
    third.put("fp", "after", "3")
    third.save()
    assert third.journal is not None and not third.journal.exists()  # written whole
    assert BlobCache(path).get("fp", "after") == "3"


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, ("raise SystemExit('planted code ran')",))


def test_a_planted_or_altered_journal_record_is_never_unpickled(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "blobs.pickle"
    _big(path)
    cache = _journalled(path, "good", "1")
    assert cache.journal is not None
    payload = pickle.dumps((cache_module.BLOBS.version, {"fp": {"bad": _Planted()}}))
    with cache.journal.open("ab") as fh:  # a record sealed with another key
        fh.write(len(payload).to_bytes(8, "little") + b"\0" * 32 + payload)
    with caplog.at_level(logging.INFO, logger="sastra.cache"):
        loaded = BlobCache(path)
    assert loaded.get("fp", "good") == "1"
    assert loaded.get("fp", "bad") is None
    assert [r.getMessage() for r in caplog.records] == [
        f"ignoring journal {cache.journal}: its seal does not match"
    ]


def test_a_journal_without_its_cache_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "blobs.pickle"
    _big(path)
    _journalled(path, "orphan", "1")
    path.unlink()
    alone = BlobCache(path)
    assert alone.get("fp", "orphan") is None
    alone.put("fp", "fresh", "2")
    alone.save()
    assert alone.journal is not None and not alone.journal.exists()
    assert BlobCache(path).get("fp", "fresh") == "2"


def test_a_packed_value_is_unpickled_only_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``put(..., packed=True)``: the value comes back equal, from the cache file and from
    the journal, and loading the cache unpickles none of it."""
    path = tmp_path / "blobs.pickle"
    _big(path)
    first = BlobCache(path)
    value = (("title",), (2, 3), ("old text",), ({"kind": "edited"},))
    first.put("change", "a>b", value, packed=True)
    assert first.get("change", "a>b") == value
    first.save()
    assert first.journal is not None and first.journal.is_file()  # (journalled)
    opened: list[bytes] = []
    real = cache_module.Packed.open

    def spy(self: cache_module.Packed) -> object:
        opened.append(self.data)
        return real(self)

    monkeypatch.setattr(cache_module.Packed, "open", spy)
    second = BlobCache(path)
    assert opened == []
    assert second.get("change", "a>b") == value
    assert second.get("change", "a>b") == value
    assert len(opened) == 1  # once a run
    second.put("change", "c>d", ("new",), packed=True)
    for i in range(1000):  # enough to fold the journal into the cache file
        second.put("fp", f"more{i:04d}", "y" * 64)
    second.save()
    third = BlobCache(path)
    assert third.journal is not None and not third.journal.is_file()
    assert third.get("change", "a>b") == value and third.get("change", "c>d") == ("new",)
    assert third.get("change", "e>f") is None


def test_a_packed_value_that_no_longer_unpickles_reads_as_missing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "blobs.pickle"
    cache = BlobCache(path)
    cache.put("change", "a>b", ("x",), packed=True)
    cache.put("change", "c>d", ("y",), packed=True)
    cache.save()
    again = BlobCache(path)
    again._data["change"]["a>b"] = cache_module.Packed(b"not a pickle")
    with caplog.at_level(logging.INFO, logger="sastra.cache"):
        assert again.get("change", "a>b") is None
    assert "ignoring cached change a>b" in caplog.text
    assert again.get("change", "c>d") == ("y",)
