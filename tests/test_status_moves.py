"""Content moved in from outside the content folder keeps its history: a site folder
moved, a content folder moved within the site, a collection folder moved in. ``git
log`` is limited to the content folder, so git sees such a move as files being added;
the history is read again with the folder they came from (sastra.tracking.moves)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import sastra.tracking.history as history_module
import sastra.tracking.site as site_module
from helpers import git, git_spawned, run_cli
from sastra.tracking.moves import Rename, moved_from, renames

KM = "---\ntitle: ការនាំចេញអង្ករ\n---\n\nការនាំចេញអង្ករមានចំនួន ៦៥០,០០០ តោន។\n\nតម្លៃមានស្ថិរភាព។\n"
EN = (
    "---\ntitle: Rice exports\n---\n\nRice exports reached 650,000 tonnes.\n\nPrices were stable.\n"
)
KM_NEW = KM.replace("៦៥០,០០០", "៧០០,០០០")
EN_NEW = EN.replace("650,000", "700,000")
# The same English text, re-wrapped: other bytes, the same fingerprint.
EN_REWRAPPED = EN.replace("reached 650,000", "reached\n650,000")
CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n'


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


def _repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for rel, text in {".gitignore": ".sastra-cache/\n", **files}.items():
        _write(root, rel, text)
    _commit(root, "init")
    return root


def _status(site: Path) -> dict[str, dict[str, object]]:
    """``collection/slug`` → the English version's status, as the JSON report gives it."""
    result = run_cli("status", "--root", str(site), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    return {f"{a['collection']}/{a['slug']}": a["versions"]["en"] for a in doc["articles"]}


def _states(site: Path) -> dict[str, str]:
    return {key: str(version["state"]) for key, version in _status(site).items()}


def _cold(site: Path) -> dict[str, dict[str, object]]:
    shutil.rmtree(site / ".sastra-cache", ignore_errors=True)
    return _status(site)


def _pair(folder: str, slug: str = "rice", km: str = KM, en: str = EN) -> dict[str, str]:
    return {f"{folder}km/news/{slug}.md": km, f"{folder}en/news/{slug}.md": en}


def _moved_site(root: Path) -> Path:
    """A site in ``website/`` with a stale and an up-to-date pair, then moved to ``site/``."""
    repo = _repo(
        root,
        {
            "website/sastra.toml": CONFIG,
            "website/layouts/page.html": "<main>{{ body }}</main>\n",
            **_pair("website/content/"),
            **_pair("website/content/", "synced"),
        },
    )
    _write(repo, "website/content/km/news/rice.md", KM_NEW)
    _write(repo, "website/content/km/news/synced.md", KM_NEW)
    _commit(repo, "km: new figures")
    _write(repo, "website/content/en/news/synced.md", EN_NEW)
    _commit(repo, "en: synced")
    assert _states(repo / "website") == {"news/rice": "stale", "news/synced": "up_to_date"}
    git(repo, "mv", "website", "site")
    _commit(repo, "move the site folder")
    return repo


def test_moving_the_site_folder_keeps_each_baseline_and_what_changed(tmp_path: Path) -> None:
    repo = _moved_site(tmp_path / "repo")
    synced_at = git(repo, "log", "-1", "--format=%H", "HEAD~1").strip()
    found = _cold(repo / "site")
    assert {key: v["state"] for key, v in found.items()} == {
        "news/rice": "stale",
        "news/synced": "up_to_date",
    }
    assert found["news/rice"]["changed_paragraphs"] == [1]  # the old source was found
    assert found["news/synced"]["baseline_commit"] == synced_at  # not the move


def test_moving_only_the_content_folder_within_the_site(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "site", {"sastra.toml": CONFIG, **_pair("content/")})
    _write(repo, "content/km/news/rice.md", KM_NEW)
    _commit(repo, "km: new figure")
    git(repo, "mv", "content", "src")
    _write(repo, "sastra.toml", CONFIG + 'content_dir = "src/content"\n')
    (repo / "src" / "content").mkdir()
    for lang in ("km", "en"):
        git(repo, "mv", f"src/{lang}", f"src/content/{lang}")
    _commit(repo, "content moves under src/")
    assert _states(repo) == {"news/rice": "stale"}


def test_a_collection_folder_moved_into_content_from_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(
        tmp_path / "site",
        {
            "sastra.toml": CONFIG,
            **_pair("content/", "weather"),
            **_pair("archive/", "rice"),  # not content yet: outside the content folder
        },
    )
    _write(repo, "archive/km/news/rice.md", KM_NEW)
    _commit(repo, "km: new figure, still in the archive")
    # A new article in a folder that exists: an addition, not a move.
    _write(repo, "content/km/news/fish.md", KM.replace("អង្ករ", "ត្រី"))
    _write(repo, "content/en/news/fish.md", EN.replace("Rice", "Fish"))
    _commit(repo, "a new article")
    assert _states(repo) == {"news/fish": "up_to_date", "news/weather": "up_to_date"}
    git(repo, "mv", "archive/km/news", "content/km/reports")
    git(repo, "mv", "archive/en/news", "content/en/reports")
    _commit(repo, "the archive's news become reports")
    (repo / ".sastra-cache" / "status.pickle").unlink()
    spawned = _spawned(monkeypatch)
    after = _status(repo)  # the cached history, and the move commit read after it
    assert spawned == ["rev-parse", "merge-base", "log", "diff-tree", "log", "cat-file"]
    assert {key: v["state"] for key, v in after.items()} == {
        "news/fish": "up_to_date",
        "news/weather": "up_to_date",
        "reports/rice": "stale",
    }
    assert after == _cold(repo)


def test_a_move_that_also_rewrapped_the_translation_is_followed(tmp_path: Path) -> None:
    # git pairs the two files by similarity (below 100 %): still a rename, and the
    # re-wrapped text is the same text, so the move wrote nothing.
    repo = _repo(tmp_path / "repo", {"website/sastra.toml": CONFIG, **_pair("website/content/")})
    _write(repo, "website/content/km/news/rice.md", KM_NEW)
    _commit(repo, "km: new figure")
    git(repo, "mv", "website", "site")
    _write(repo, "site/content/en/news/rice.md", EN_REWRAPPED)
    _commit(repo, "move the site folder, and re-wrap a line")
    renamed = git(repo, "show", "-M", "--name-status", "--format=", "HEAD")
    assert "R100\twebsite/content/km/news/rice.md" in renamed
    assert any(
        line.startswith("R0") and line.endswith("site/content/en/news/rice.md")
        for line in renamed.splitlines()
    )
    found = _cold(repo / "site")["news/rice"]
    assert (found["state"], found["changed_paragraphs"]) == ("stale", [1])


def test_a_move_that_also_synced_the_translation_is_a_sync(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo", {"website/sastra.toml": CONFIG, **_pair("website/content/")})
    _write(repo, "website/content/km/news/rice.md", KM_NEW)
    _commit(repo, "km: new figure")
    git(repo, "mv", "website", "site")
    _write(repo, "site/content/en/news/rice.md", EN_NEW)
    _commit(repo, "move the site folder, and sync the translation")
    moved_at = git(repo, "rev-parse", "HEAD").strip()
    found = _cold(repo / "site")["news/rice"]
    assert (found["state"], found["baseline_commit"]) == ("up_to_date", moved_at)


def test_a_copied_site_starts_its_own_history(tmp_path: Path) -> None:
    # A copy is not a rename: the copy's translation was written by the copy commit,
    # as it always read (the original, still there, keeps its reading).
    repo = _repo(tmp_path / "repo", {"website/sastra.toml": CONFIG, **_pair("website/content/")})
    _write(repo, "website/content/km/news/rice.md", KM_NEW)
    _commit(repo, "km: new figure")
    shutil.copytree(repo / "website", repo / "site")
    _commit(repo, "copy the site folder")
    assert _states(repo / "site") == {"news/rice": "up_to_date"}
    assert _states(repo / "website") == {"news/rice": "stale"}


def test_a_site_moved_twice_is_followed_through_both_moves(tmp_path: Path) -> None:
    repo = _moved_site(tmp_path / "repo")
    git(repo, "mv", "site", "www")
    _commit(repo, "move it again")
    assert _states(repo / "www") == {"news/rice": "stale", "news/synced": "up_to_date"}


def test_a_warm_run_and_a_run_after_new_commits_agree_with_a_cold_run(tmp_path: Path) -> None:
    repo = _moved_site(tmp_path / "repo")
    site = repo / "site"
    cold = _cold(site)
    (site / ".sastra-cache" / "status.pickle").unlink()  # the caches, not the memo
    assert _status(site) == cold
    # A branch from before the move syncs the translation under its old name, while
    # main changes the source again; the branch is merged (git's merge follows the move).
    # The translation was synced with the source of before the second change: stale.
    git(repo, "checkout", "-q", "-b", "sync", "HEAD~1")
    _write(repo, "website/content/en/news/rice.md", EN_NEW)
    _commit(repo, "en: synced on a branch from before the move")
    git(repo, "checkout", "-q", "main")
    _write(repo, "site/content/km/news/rice.md", KM_NEW.replace("តម្លៃ", "តម្លៃអង្ករ"))
    _commit(repo, "km: a new sentence")
    git(repo, "merge", "-q", "--no-ff", "sync", "-m", "merge the sync")
    assert "700,000" in (site / "content/en/news/rice.md").read_text("utf-8")
    (site / ".sastra-cache" / "status.pickle").unlink()
    after = _status(site)  # reads the new commits only, under both folders' names
    assert {key: v["state"] for key, v in after.items()} == {
        "news/rice": "stale",
        "news/synced": "up_to_date",
    }
    assert after["news/rice"]["changed_paragraphs"] == [2]
    assert after == _cold(site)


def _spawned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The git commands (``log``, ``cat-file``…) started from now on."""
    return git_spawned(monkeypatch, lambda args: args[3])


def test_a_move_costs_one_diff_tree_and_one_more_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _moved_site(tmp_path / "repo")
    shutil.rmtree(repo / "site" / ".sastra-cache")  # (moved along with the site)
    spawned = _spawned(monkeypatch)
    assert _states(repo / "site") == {"news/rice": "stale", "news/synced": "up_to_date"}
    assert spawned == ["rev-parse", "log", "diff-tree", "log", "cat-file"]
    spawned.clear()
    (repo / "site" / ".sastra-cache" / "status.pickle").unlink()  # the caches, not the memo
    assert _states(repo / "site") == {"news/rice": "stale", "news/synced": "up_to_date"}
    assert spawned == ["rev-parse"]


def test_new_articles_in_existing_folders_start_no_extra_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path / "site", {"sastra.toml": CONFIG, **_pair("content/")})
    _write(repo, "content/km/news/rice.md", KM_NEW)
    _commit(repo, "km: new figure")
    for i in range(3):
        for lang, text in (("km", KM), ("en", EN)):
            _write(repo, f"content/{lang}/news/more{i}.md", text)
        _commit(repo, f"article {i}")
    spawned = _spawned(monkeypatch)
    assert _states(repo)["news/rice"] == "stale"
    assert spawned == ["rev-parse", "log", "cat-file"]


def test_the_bulk_prefetch_gives_the_lazy_answers_after_a_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _moved_site(tmp_path / "repo")
    site = repo / "site"
    with_prefetch = _cold(site)
    monkeypatch.setattr(site_module, "prefetch", lambda *args, **kwargs: 0)
    assert _cold(site) == with_prefetch


def test_a_failing_diff_tree_leaves_the_history_as_the_log_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _moved_site(tmp_path / "repo")
    monkeypatch.setattr(history_module, "DIFF_TREE_ARGS", ["diff-tree", "--no-such-option"])
    # The move reads as the translation being added, as it did before moves were
    # followed; git history is still used (not every translation untracked).
    assert _states(repo / "site") == {"news/rice": "up_to_date", "news/synced": "up_to_date"}


@pytest.mark.parametrize(
    ("old", "new", "specs", "folder"),
    [
        # the site folder moved: the content folder's old place
        ("website/content/en/a.md", "site/content/en/a.md", ["site/content"], "website/content"),
        # a repository moved down a level: the same
        ("content/km/a.md", "site/content/km/a.md", ["site/content"], "content"),
        # the content folder moved within the site
        ("content/km/news/a.md", "src/content/km/news/a.md", ["src/content"], "content"),
        # a collection folder moved in, under another name
        ("archive/news/a.md", "content/en/reports/a.md", ["content"], "archive/news"),
        # a collection folder moved in, under its own name
        ("drafts/news/a.md", "content/en/news/a.md", ["content"], "drafts/news"),
        # from a folder laid out like the content folder: that folder
        ("archive/en/news/a.md", "content/en/news/a.md", ["content"], "archive"),
        # one file moved in and renamed
        ("drafts/rice-draft.md", "content/en/news/rice.md", ["content"], "drafts/rice-draft.md"),
        # one file moved in from the top of the repository
        ("rice.md", "content/en/news/rice.md", ["content"], "rice.md"),
        # the deepest pathspec that holds the new path counts
        ("old/en/a.md", "site/content/en/a.md", ["site", "site/content"], "old"),
    ],
)
def test_the_folder_content_was_moved_in_from(
    old: str, new: str, specs: list[str], folder: str
) -> None:
    assert moved_from(Rename("c0ffee", old, new), specs) == folder


def test_renames_are_read_from_diff_tree_output() -> None:
    blob_a, blob_b = "1" * 40, "2" * 40
    out = (
        f"{'a' * 40}\0:100644 100644 {blob_a} {blob_a} R100\0website/x.md\0site/x.md\0"
        f":100644 100644 {blob_a} {blob_b} R083\0website/a b.md\0site/a b.md\0"
        f"{'b' * 40}\0:100644 100644 {blob_b} {blob_b} R100\0old/y.md\0new/y.md\0"
        f":000000 100644 {'0' * 40} {blob_b} A\0{'c' * 40}\0"  # (a path that looks like an id)
    )
    assert renames(out) == [
        Rename("a" * 40, "website/x.md", "site/x.md"),
        Rename("a" * 40, "website/a b.md", "site/a b.md"),
        Rename("b" * 40, "old/y.md", "new/y.md"),
    ]


def test_the_language_written_first_stays_the_source_after_a_move(tmp_path: Path) -> None:
    # source_language = "auto": the language whose file entered history first, under
    # any of its names (after the move both files are "new" under their new names).
    config = 'languages = ["km", "en"]\nsource_language = "auto"\n'
    repo = _repo(
        tmp_path / "repo",
        {"website/sastra.toml": config, "website/content/en/news/rice.md": EN},
    )
    _write(repo, "website/content/km/news/rice.md", KM)
    _commit(repo, "km: translated")
    git(repo, "mv", "website", "site")
    _commit(repo, "move the site folder")
    result = run_cli("status", "--root", str(repo / "site"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)["articles"][0]
    assert (article["source"], article["versions"]["km"]["state"]) == ("en", "up_to_date")
