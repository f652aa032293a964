"""The git history as the cache keeps it: each file's changes stay pickled until a run
asks for them (:class:`sastra.tracking.history.FileIndex`), and what comes back is what
git gave, whether the history was read whole, from the cache, or from the cache and the
commits made since."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from githist import Repo
from sastra.cache import BlobCache
from sastra.tracking.history import FileIndex, FileVersion, GitHistory


def _team_history(root: Path) -> Repo:
    """A history with what a file's changes can be: added, edited on a branch merged with
    --no-ff, renamed with git mv, deleted, and added again."""
    r = Repo(root, "km")
    r.start()
    r.branch("dev")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("main")
    r.merge("dev")
    r.put("translation", "v2")
    r.commit("translation follows")
    r.move("source", slug="kampot-water-plant")
    r.commit("source renamed")
    r.put("source", "v1", path="content/km/news/flood.md")
    r.commit("a second article")
    (root / "content/km/news/flood.md").unlink()
    r.commit("the second article withdrawn")
    r.put("source", "v3", path="content/km/news/flood.md")
    r.commit("and published again")
    return r


def _read(root: Path, cache: BlobCache | None = None) -> GitHistory:
    history = GitHistory.load(root, [root / "content"], cache)
    assert history is not None
    return history


def _all_versions(history: GitHistory) -> dict[str, list[FileVersion]]:
    return {path: list(history.files[path]) for path in sorted(history.files)}


def test_a_pickled_history_gives_back_every_change(tmp_path: Path) -> None:
    r = _team_history(tmp_path / "site")
    read = _read(r.root)
    expected = _all_versions(read)
    assert "content/km/news/kampot-water-plant.md" in expected
    assert any(v.blob is None for v in expected["content/km/news/flood.md"])  # the deletion
    again = pickle.loads(pickle.dumps(read))
    assert isinstance(again.files, FileIndex)
    assert _all_versions(again) == expected
    assert again.renames == read.renames and again.commits == read.commits
    # a history loaded and saved again without opening a path gives the same bytes back
    assert pickle.loads(pickle.dumps(again)).files.keys() == expected.keys()
    assert _all_versions(pickle.loads(pickle.dumps(again))) == expected


def test_the_cache_opens_only_the_paths_asked_for(tmp_path: Path) -> None:
    r = _team_history(tmp_path / "site")
    path = tmp_path / "blobs.pickle"
    cache = BlobCache(path)
    read = _read(r.root, cache)
    expected = _all_versions(read)
    cache.save()
    cached = _read(r.root, BlobCache(path))
    assert cached.head == read.head
    files = cached.files
    assert isinstance(files, FileIndex)
    one = "content/en/news/kampot-water.md"
    assert cached.versions(one) == expected[one]
    assert len(files) == len(expected)
    assert sorted(files) == sorted(expected)
    assert _all_versions(cached) == expected


def test_a_history_cached_by_an_older_release_is_replaced_not_kept_beside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache written by the previous release keeps its history under a key with the
    repository's folder in it, each path's changes as plain tuples: the history is read
    again, and the old one is dropped from the cache file rather than loaded on every run."""
    r = _team_history(tmp_path / "site")
    path = tmp_path / "blobs.pickle"
    read = _read(r.root)

    def old_state(self: GitHistory) -> dict[str, object]:  # as ae2ca1c pickled a history
        state = dict(self.__dict__)
        state.update(_reader=None, _graph=None, _positions=None, version=2)
        state["files"] = {path: [tuple(v) for v in vs] for path, vs in self.files.items()}
        return state

    old_key = f"{r.root}|content|"
    with monkeypatch.context() as m:
        m.setattr(GitHistory, "__getstate__", old_state)
        cache = BlobCache(path)
        cache.put("git-history", old_key, read)
        cache.save()
    assert isinstance(BlobCache(path).get("git-history", old_key), GitHistory)
    cache = BlobCache(path)
    again = _read(r.root, cache)
    cache.save()
    assert _all_versions(again) == _all_versions(read)
    assert BlobCache(path).get("git-history", old_key) is None


def test_the_history_read_on_from_a_cached_head_is_the_history_read_whole(
    tmp_path: Path,
) -> None:
    r = _team_history(tmp_path / "site")
    path = tmp_path / "blobs.pickle"
    cache = BlobCache(path)
    first = _read(r.root, cache)
    cache.save()
    stored = FileIndex(dict(first.files)).pack(first.commits)
    r.put("translation", "v3")
    r.commit("translation: the third version")
    r.move("translation", slug="kampot-water-plant")
    r.commit("translation renamed too")
    on = _read(r.root, BlobCache(path))  # the cached history below the two new commits
    whole = _read(r.root)
    assert on.commits == whole.commits and on.parents == whole.parents
    assert _all_versions(on) == _all_versions(whole)
    assert on.renames == whole.renames
    # a file the new commits did not touch is stored as it was: nothing to unpickle or
    # pickle again for it
    assert isinstance(on.files, FileIndex)
    again = on.files.pack(on.commits)
    untouched = "content/km/news/kampot-water-plant.md"
    assert stored[untouched] == again[untouched]
    assert stored["content/en/news/kampot-water.md"] != again["content/en/news/kampot-water.md"]


def test_a_change_is_stored_without_its_commit_id_unless_another_commit_is_at_its_place() -> None:
    versions = [FileVersion(1, "c" * 40, "b" * 40), FileVersion(0, "e" * 40, None, "b" * 40)]
    commits = [("e" * 40, 2), ("d" * 40, 1)]  # the first change does not name commits[1]
    packed = FileIndex({"a.md": versions}).pack(commits)
    assert FileIndex(packed=packed, commits=commits)["a.md"] == versions
    plain = FileIndex({"a.md": versions[1:]}).pack(commits)
    assert len(plain["a.md"]) < len(packed["a.md"]) - 40


def test_opening_paths_while_iterating_neither_skips_nor_repeats_one() -> None:
    versions = {f"p{i}.md": [FileVersion(i, f"{i:040x}", "b" * 40)] for i in range(6)}
    commits = [(f"{i:040x}", i) for i in range(6)]
    index = FileIndex(packed=FileIndex(dict(versions)).pack(commits), commits=commits)
    assert index["p3.md"] == versions["p3.md"]  # one opened before
    seen = []
    for path in index:
        seen.append(path)
        index.get(f"p{5 - len(seen) + 1}.md")  # and others opened along the way
    assert sorted(seen) == sorted(versions)
    assert dict(index.items()) == versions


def test_what_changed_since_a_cached_head_is_what_the_graph_says(tmp_path: Path) -> None:
    """:meth:`GitHistory.changed_since` of the cached HEAD is known from the commits read
    since (a shortcut); it equals the walk over the graph that any older commit gets,
    through a merged branch, a rename and a commit that touches no content file."""
    r = _team_history(tmp_path / "site")
    path = tmp_path / "blobs.pickle"
    cache = BlobCache(path)
    old = _read(r.root, cache)
    cache.save()
    older = old.head
    r.branch("fix")
    r.put("translation", "v1b")
    r.commit("translation: a better quote")
    r.checkout("main")
    (r.root / "README.md").write_text("Kampot news\n", "utf-8")
    r.commit("readme, outside the content")
    assert r.merge("fix")
    r.move("translation", slug="kampot-water-plant")
    r.commit("translation follows the source's name")
    on = _read(r.root, BlobCache(path))  # the cached history and the four commits since
    whole = _read(r.root)
    assert on._since is not None and on._since[0] == older
    expected = {"content/en/news/kampot-water.md", "content/en/news/kampot-water-plant.md"}
    assert on.changed_since(older) == expected
    assert whole._since is None and whole.changed_since(older) == expected
    assert whole.changed_since(whole.head) == frozenset()
    # commits further back: the walk, in both histories alike
    start = r.labels["start"]
    assert on.changed_since(start) == whole.changed_since(start)
    assert "content/km/news/flood.md" in whole.changed_since(start)  # type: ignore[operator]
    assert whole.changed_since("0" * 40) is None  # not a commit of this history
    # the shortcut is not stored: a history loaded from the cache walks
    assert pickle.loads(pickle.dumps(on))._since is None


def test_which_commit_is_older_does_not_depend_on_the_order_git_lists_them(
    tmp_path: Path,
) -> None:
    """Two lines of history merged, then an old line updated with main: read whole, git
    lists the old commits of the two lines in another order than the cached history
    keeps them. Which of two commits is the oldest or the newest, and when a file was
    first seen, are the same in both."""
    r = Repo(tmp_path / "site", "km")
    r.start()
    r.branch("dev")
    r.put("translation", "v1b")
    r.commit("translation: a better quote", "dev")
    r.put("source", "v2", path="content/km/news/flood.md")
    r.commit("a second story, on the branch")
    r.checkout("main")
    r.put("source", "v3")
    r.commit("source: the plan")
    r.put("translation", "v1c", path="content/en/news/flood.md")
    r.commit("a translation first")
    assert r.merge("dev")
    path = tmp_path / "blobs.pickle"
    cache = BlobCache(path)
    _read(r.root, cache)
    cache.save()
    r.git("checkout", "-q", "-b", "update", r.labels["dev"])
    (r.root / "README.md").write_text("More.\n", "utf-8")
    r.commit("readme")
    assert r.merge("main")
    on = _read(r.root, BlobCache(path))
    whole = _read(r.root)
    assert [c for c, _ in on.commits] != [c for c, _ in whole.commits]  # (the point)
    assert sorted(on.commits) == sorted(whole.commits)
    ids = [c for c, _ in whole.commits]

    def named(history: GitHistory, found: int | None) -> str | None:
        return None if found is None else history.commits[found][0]

    for a in ids:
        for b in ids:
            for ask in ("oldest", "newest"):
                mine = getattr(on, ask)([on.position(a), on.position(b)])
                theirs = getattr(whole, ask)([whole.position(a), whole.position(b)])
                assert named(on, mine) == named(whole, theirs), (ask, a, b)
    for file in whole.files:
        assert named(on, on.first_seen(file)) == named(whole, whole.first_seen(file)), file
