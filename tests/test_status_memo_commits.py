"""After commits, a status works out only the pairs whose files or history changed.

The remembered status (:mod:`sastra.tracking.remembered`) was thrown away whenever HEAD
moved, so a CI job that restored the cache of the last run into a clone one pull request
ahead worked out every pair again. Now a pair is taken as remembered when none of its
files changed, under any name, in the commits since (the history says which); every step
here checks that the status is the one a run without a cache gives.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from githist import Repo, text
from helpers import run_cli
from sastra.model import ArticleStatus, Pair
from sastra.tracking.status import Tracker

SLUGS = ("kampot-water", "rice", "roads", "schools")


def _put(r: Repo, role: str, slug: str, version: str) -> None:
    lang = r.source if role == "source" else r.translation
    file = r.root / r.path(role, slug=slug)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text(lang, version, tag=slug), "utf-8")


def _doc(root: Path) -> dict[str, object]:
    result = run_cli("status", "--root", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc: dict[str, object] = json.loads(result.stdout)
    doc.pop("root")
    return doc


def _cold(root: Path, tmp_path: Path) -> dict[str, object]:
    """The status of a copy of the site with no cache: what the slow path says."""
    copy = tmp_path / f"cold-{len(list(tmp_path.glob('cold-*')))}"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".sastra-cache"))
    return _doc(copy)


def _states(doc: dict[str, object]) -> dict[str, tuple[str, str | None]]:
    articles = doc["articles"]
    assert isinstance(articles, list)
    return {
        a["slug"]: (a["versions"]["en"]["state"], a["versions"]["en"].get("baseline_commit"))
        for a in articles
    }


def _four_stories(tmp_path: Path) -> Repo:
    """A site with :data:`SLUGS` in both languages, not committed yet."""
    r = Repo(tmp_path / "site", "km")
    for slug in SLUGS:
        _put(r, "source", slug, "v1")
        _put(r, "translation", slug, "v1")
    return r


@pytest.fixture
def worked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the pairs a run works out (in the order it does)."""
    found: list[str] = []
    real = Tracker.status

    def counted(self: Tracker, pair: Pair, *, diff: bool = False) -> ArticleStatus:
        found.append(pair.key.slug)
        return real(self, pair, diff=diff)

    monkeypatch.setattr(Tracker, "status", counted)
    return found


def test_commits_since_the_last_status_rework_only_the_pairs_they_touched(
    tmp_path: Path, worked: list[str]
) -> None:
    r = _four_stories(tmp_path)
    r.commit("four stories, in both languages", "start")
    (r.root / ".gitignore").write_text(".sastra-cache/\n", "utf-8")
    r.commit("ignore the cache")

    def step(change: Callable[[], object]) -> list[str]:
        change()
        worked.clear()
        doc = _doc(r.root)
        mine = sorted(worked)
        assert doc == _cold(r.root, tmp_path)
        return mine

    assert step(lambda: None) == sorted(SLUGS)  # the first run works out every pair

    def edit_rice() -> None:
        _put(r, "source", "rice", "v2")
        r.commit("rice: 15,000 households")

    assert step(edit_rice) == ["rice"]

    def outside() -> None:
        (r.root / "README.md").write_text("The Kampot desk's site.\n", "utf-8")
        r.commit("readme")

    assert step(outside) == []  # no content file changed: every pair as remembered

    def merged_fix() -> None:  # a translator's branch, merged with --no-ff
        r.branch("roads-quote")
        _put(r, "translation", "roads", "v1b")
        r.commit("roads: a better quote")
        r.checkout("main")
        (r.root / "README.md").write_text("The Kampot desk's bilingual site.\n", "utf-8")
        r.commit("readme again")
        assert r.merge("roads-quote")

    assert step(merged_fix) == ["roads"]

    def round_trip() -> None:  # renamed away and back: same path, same bytes, new history
        here, away = r.path("translation", slug="schools"), r.path("translation", slug="old")
        r.git("mv", here, away)
        r.commit("schools: renamed")
        r.git("mv", away, here)
        r.commit("schools: the name back")

    assert step(round_trip) == ["schools"]
    assert step(lambda: None) == []


def _stale_then_synced_on_a_branch(tmp_path: Path) -> tuple[Repo, dict[str, object]]:
    """A pair stale at HEAD (its status remembered), and a branch from before that wrote
    the same translation bytes against the new source, not merged yet."""
    r = Repo(tmp_path / "site", "km")
    _put(r, "source", "roads", "v1")
    _put(r, "translation", "roads", "v1b")
    _put(r, "source", "rice", "v1")
    _put(r, "translation", "rice", "v1")
    r.commit("two stories", "start")
    r.branch("sync")
    r.checkout("main")
    _put(r, "translation", "roads", "v1")  # a first translation of the lead
    r.commit("roads: translated")
    _put(r, "source", "roads", "v2")
    r.commit("roads: 15,000 households")
    first = _doc(r.root)
    assert first == _cold(r.root, tmp_path)
    assert _states(first)["roads"][0] == "stale"
    r.checkout("sync")  # a branch from before: the source edit, then the same translation
    _put(r, "source", "roads", "v2")
    r.commit("roads: 15,000 households (on the branch)")
    _put(r, "translation", "roads", "v1")
    r.commit("roads: translated against the new source", "synced")
    r.checkout("main")
    return r, first


def test_a_branch_merged_in_can_sync_a_pair_whose_files_are_as_they_were(
    tmp_path: Path, worked: list[str]
) -> None:
    """The pair's files have the same bytes before and after the merge, yet its status
    changes: the branch wrote the same translation later, against the new source. Only
    the history tells, and the pair is worked out again."""
    r, first = _stale_then_synced_on_a_branch(tmp_path)
    assert r.merge("sync")
    worked.clear()
    after = _doc(r.root)
    mine = sorted(worked)  # (before the cold run below adds its own)
    assert after == _cold(r.root, tmp_path)  # (taken as remembered, it would be stale)
    assert mine == ["roads"]
    assert _states(after)["roads"] == ("up_to_date", r.labels["synced"])
    assert _states(after)["rice"] == _states(first)["rice"]


def test_a_head_that_does_not_descend_from_the_last_status_reworks_every_pair(
    tmp_path: Path, worked: list[str]
) -> None:
    r = _four_stories(tmp_path)
    r.commit("four stories", "start")
    r.branch("other")
    r.checkout("main")
    _put(r, "source", "rice", "v2")
    r.commit("rice: 15,000 households")
    _doc(r.root)
    r.checkout("other")  # the last status's HEAD is not among this one's commits
    worked.clear()
    doc = _doc(r.root)
    assert sorted(worked) == sorted(SLUGS)
    assert doc == _cold(r.root, tmp_path)


def test_a_clone_elsewhere_with_the_cache_restored_reworks_only_the_pull_requests_pairs(
    tmp_path: Path, worked: list[str]
) -> None:
    """The CI recipe of the README: keep ``.sastra-cache`` between runs. The job's clone
    is a fresh one, in a folder of its own, one commit ahead."""
    r = _four_stories(tmp_path)
    r.commit("four stories", "start")
    _put(r, "source", "roads", "v2")
    r.commit("roads: 15,000 households")
    _doc(r.root)
    clone = tmp_path / "runner" / "job-7" / "site"
    r.git("clone", "-q", str(r.root), str(clone))
    shutil.copytree(r.root / ".sastra-cache", clone / ".sastra-cache")
    job = Repo.__new__(Repo)  # the clone, with the team's git identity
    job.__dict__.update(r.__dict__, root=clone)
    _put(job, "translation", "roads", "v2")
    job.commit("roads: translation follows")
    worked.clear()
    doc = _doc(clone)
    assert sorted(worked) == ["roads"]
    assert doc == _cold(clone, tmp_path)
    assert _states(doc)["roads"][0] == "up_to_date"


def test_a_remembered_baseline_is_not_kept_past_a_merge_that_wrote_the_text_again(
    tmp_path: Path,
) -> None:
    """The same merge, seen by a command without a remembered status (``build``, or a
    status whose memo is gone): the translation's text is the same, so is its baselines'
    cache key, but the merge brought a newer commit that wrote it."""
    r, _ = _stale_then_synced_on_a_branch(tmp_path)
    assert r.merge("sync")
    (r.root / ".sastra-cache" / "status.pickle").unlink()
    doc = _doc(r.root)
    assert doc == _cold(r.root, tmp_path)
    assert _states(doc)["roads"] == ("up_to_date", r.labels["synced"])


# -- histories whose old commits git lists in another order once a merge comes in -------------
# (found by a helper session playing a team against the cache; each failed before the fix)


def _doc_file(r: Repo, rel: str, title: str, body: str) -> None:
    file = r.root / rel
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\ntitle: {title}\ndate: 2026-03-12\n---\n\n{body}\n", "utf-8")


def _update_an_old_branch(r: Repo, start: str) -> None:
    """GitHub's "update branch": a branch from ``start`` with a commit of its own merges
    main, and becomes HEAD. The old commits of the two lines now come in another order."""
    r.git("checkout", "-q", "-b", "update", start)
    (r.root / "README.md").write_text("More about the desk.\n", "utf-8")
    r.commit("readme")
    assert r.merge("main")


def _warm_is_cold(r: Repo, tmp_path: Path) -> dict[str, object]:
    warm = _doc(r.root)
    assert warm == _cold(r.root, tmp_path)
    return warm


def test_the_source_language_auto_is_the_same_whatever_order_git_lists_old_commits(
    tmp_path: Path,
) -> None:
    r = Repo(tmp_path / "site", "km")
    (r.root / "sastra.toml").write_text(
        'languages = ["km", "en"]\nsource_language = "auto"\n', "utf-8"
    )
    (r.root / ".gitignore").write_text(".sastra-cache/\n", "utf-8")
    r.commit("start", "start")
    r.branch("english")
    _doc_file(r, "content/en/news/harvest.md", "Harvest", "Farmers harvested rice.")
    r.commit("the English story", "english")
    r.checkout("main")
    _doc_file(r, "content/km/news/harvest.md", "ការប្រមូលផល", "កសិករបានប្រមូលផលស្រូវ។")
    r.commit("the Khmer story")
    assert r.merge("english")
    first = _warm_is_cold(r, tmp_path)
    _update_an_old_branch(r, r.labels["english"])
    assert _warm_is_cold(r, tmp_path)["articles"] == first["articles"]


def test_restored_bytes_written_on_two_branches_date_from_the_same_commit_warm_or_cold(
    tmp_path: Path,
) -> None:
    r = Repo(tmp_path / "site", "km")
    _doc_file(r, "content/km/news/rain.md", "ភ្លៀង", "កសិករបានប្រមូលផលស្រូវ។")
    _doc_file(r, "content/en/news/rain.md", "Rain", "Farmers harvested rice.")
    (r.root / ".gitignore").write_text(".sastra-cache/\n", "utf-8")
    r.commit("start", "start")
    r.branch("storm")
    _doc_file(r, "content/km/news/rain.md", "ភ្លៀង", "ភ្លៀងធ្លាក់ខ្លាំង។")
    r.commit("source: the storm")
    _doc_file(r, "content/en/news/rain.md", "Rain", "Heavy rain.")
    r.commit("translation: the storm", "storm")
    r.checkout("main")
    _doc_file(r, "content/km/news/rain.md", "ភ្លៀង", "ភ្លៀងធ្លាក់ខ្លាំងណាស់។")
    r.commit("source: a heavier storm")
    _doc_file(r, "content/en/news/rain.md", "Rain", "Heavy rain.")  # the same bytes
    r.commit("translation: the same words")
    if not r.merge("storm"):
        _doc_file(r, "content/km/news/rain.md", "ភ្លៀង", "ភ្លៀងធ្លាក់ខ្លាំងណាស់។")
        r.commit("merge storm")
    _doc_file(r, "content/en/news/rain.md", "Rain", "Fuel prices rose.")
    r.commit("translation: a wrong paste")
    _doc_file(r, "content/en/news/rain.md", "Rain", "Heavy rain.")
    r.commit("translation: put back")
    first = _warm_is_cold(r, tmp_path)
    _update_an_old_branch(r, r.labels["storm"])
    assert _warm_is_cold(r, tmp_path)["articles"] == first["articles"]


def test_a_move_in_from_outside_that_the_history_starts_following_reworks_every_pair(
    tmp_path: Path,
) -> None:
    """A draft moved into a folder that had files was not seen as a move; a later move
    into a new folder makes the history follow ``drafts/``, and the old move becomes a
    rename: a pair whose files no new commit touched has an older baseline now."""
    r = Repo(tmp_path / "site", "km")
    (r.root / ".gitignore").write_text(".sastra-cache/\n", "utf-8")
    _doc_file(r, "content/km/news/a.md", "ក", "ក្រសួងបានបើករោងចក្រថ្មីមួយ។")
    _doc_file(r, "content/en/news/a.md", "A", "The ministry opened a factory.")
    _doc_file(r, "content/km/news/y.md", "យ", "កសិករបានប្រមូលផលស្រូវ។")
    _doc_file(r, "drafts/y.md", "Y", "Farmers harvested rice.")
    r.commit("start")
    _doc_file(r, "content/km/news/y.md", "យ", "កសិករបានប្រមូលផលស្រូវច្រើន។")
    r.commit("source y: more rice")
    r.git("mv", "drafts/y.md", "content/en/news/y.md")
    r.commit("translation y: out of drafts")
    _warm_is_cold(r, tmp_path)
    _doc_file(r, "content/km/world/z.md", "ស", "សាលារៀនថ្មី។")
    _doc_file(r, "drafts/z.md", "Z", "A new school.")
    r.commit("z, with its draft")
    (r.root / "content/en/world").mkdir(parents=True)
    r.git("mv", "drafts/z.md", "content/en/world/z.md")
    r.commit("translation z: out of drafts")
    after = _warm_is_cold(r, tmp_path)
    assert _states(after)["y"][0] == "stale"  # the draft was written before the source changed
