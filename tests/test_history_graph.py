"""`i18n status` on team histories built with git: branches, merges, renames.

Each case is a history a team makes, with the state a translator must see and, where it
matters, the commit that must be the baseline. Every case runs with Khmer as the source
and with English as the source, and is checked against :func:`githist.reference`, the
rule applied literally.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from githist import Repo, reference, status
from helpers import git_spawned, run_cli


def no_ff_translation_then_source(r: Repo) -> None:
    r.branch("dev")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote", "written")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("main")
    r.merge("dev")


def branch_source_then_translation(r: Repo) -> None:
    r.branch("dev")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows", "written")
    r.checkout("main")
    r.merge("dev")


def translation_on_branch_while_main_edits_source(r: Repo) -> None:
    translation_on_branch_while_main_edits_source_unmerged(r)
    r.merge("dev")


def main_merged_into_branch_first(r: Repo) -> None:
    translation_on_branch_while_main_edits_source_unmerged(r)
    r.checkout("dev")
    r.merge("main")
    r.checkout("main")
    r.merge("dev")


def translation_on_branch_while_main_edits_source_unmerged(r: Repo) -> None:
    r.branch("dev")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote", "written")
    r.checkout("main")
    r.put("source", "v2")
    r.commit("source: 15,000 households")


def translation_updated_after_such_merge(r: Repo) -> None:
    main_merged_into_branch_first(r)
    r.put("translation", "v2")
    r.commit("translation follows", "written")


def _source_edited_then_both_moved(r: Repo, *, follow: bool, **where: str) -> None:
    """The source is edited, then both files move (``where``: a new slug or collection);
    with ``follow``, the translation then follows the source at its new place."""
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    for role in ("source", "translation"):
        r.move(role, **where)
    r.commit(f"move to {where}")
    if follow:
        r.put("translation", "v2", path=r.path("translation", **where))
        r.commit("translation follows", "written")


def both_renamed_after_source_edit(r: Repo) -> None:
    _source_edited_then_both_moved(r, follow=False, slug="kampot-clean-water")


def both_renamed_then_translation_updated(r: Repo) -> None:
    _source_edited_then_both_moved(r, follow=True, slug="kampot-clean-water")


def source_edit_reverted(r: Repo) -> None:
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.git("revert", "--no-edit", "HEAD")


def translation_only_rewrapped(r: Repo) -> None:
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v1", wrap=True)
    r.commit("translation: formatter run")


def fast_forward_translation_then_source(r: Repo) -> None:
    r.branch("dev")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote", "written")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("main")
    assert r.merge("dev", how="--ff-only")


def conflict_resolved_in_merge(r: Repo) -> None:
    r.branch("dev")
    r.put("translation", "v1c")
    r.commit("translation: shorter quote")
    r.checkout("main")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote")
    assert not r.merge("dev")  # both changed the quote: a conflict
    r.put("translation", "v1d")  # the translator writes a third wording
    r.commit("Merge dev: one wording of the quote", "written")


def conflict_resolved_by_taking_one_side(r: Repo) -> None:
    r.branch("dev")
    r.put("translation", "v1c")
    r.commit("translation: shorter quote", "written")
    r.checkout("main")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote")
    assert not r.merge("dev")
    r.put("translation", "v1c")  # dev's wording, as dev wrote it
    r.commit("Merge dev: keep the shorter quote")


def octopus_merge(r: Repo) -> None:
    r.branch("translation-fix")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote", "written")
    r.checkout("main")
    r.branch("source-update")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("main")
    r.branch("other")
    (r.root / "content" / r.source / "news" / "market.md").write_text(
        "---\ntitle: Market\n---\n\nPrices.\n", "utf-8"
    )
    r.commit("another story")
    r.checkout("main")
    assert r.merge("translation-fix", "source-update", "other", how="--no-ff")
    assert len(r.git("log", "-1", "--format=%P").split()) == 4  # main and three branches


def octopus_merge_after_sync(r: Repo) -> None:
    r.branch("update")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows", "written")
    r.checkout("main")
    r.branch("other")
    (r.root / "content" / r.source / "news" / "market.md").write_text(
        "---\ntitle: Market\n---\n\nPrices.\n", "utf-8"
    )
    r.commit("another story")
    r.checkout("main")
    r.branch("third")
    r.put("source", "v2", path=f"content/{r.source}/news/other.md")
    r.commit("a third story")
    r.checkout("main")
    assert r.merge("update", "other", "third", how="--no-ff")


def squash_translation_then_source(r: Repo) -> None:
    """A squashed branch is one commit: the translation edit and the source edit arrive
    together, so the translation counts as synced with that source (documented)."""
    r.branch("dev")
    r.put("translation", "v1b")
    r.commit("translation: smoother quote")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("main")
    assert r.merge("dev", how="--squash")
    r.commit("Squashed dev", "written")


def squash_source_only(r: Repo) -> None:
    r.branch("dev")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("main")
    assert r.merge("dev", how="--squash")
    r.commit("Squashed dev")


def moved_to_another_collection(r: Repo) -> None:
    _source_edited_then_both_moved(r, follow=False, collection="provinces")


def moved_then_translation_updated(r: Repo) -> None:
    _source_edited_then_both_moved(r, follow=True, collection="provinces")


def source_edited_twice_translation_after_first(r: Repo) -> None:
    r.branch("dev")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows", "written")
    r.checkout("main")
    r.merge("dev")
    r.put("source", "v3")
    r.commit("source: a second plant")


def translation_restored_on_branch_after_merging_main(r: Repo) -> None:
    """The newest commit that wrote the text is on a branch, not on main's line."""
    r.branch("dev")
    r.put("translation", "v1b")
    r.commit("translation: another wording")
    r.checkout("main")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.checkout("dev")
    r.merge("main")
    r.put("translation", "v1c")  # checked against the new source: a plainer wording
    r.commit("translation: plainer quote", "written")
    r.checkout("main")
    r.merge("dev")


def translator_sync_reverted(r: Repo) -> None:
    """The translator's sync is reverted (a bad pull request): the first text is back,
    and it was written for the first source."""
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows")
    r.git("revert", "--no-edit", "HEAD")


def translation_checked_out_from_the_first_commit(r: Repo) -> None:
    """``git checkout <first> -- file`` on a branch, merged: the same restoration."""
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows")
    r.branch("undo")
    r.git("checkout", r.labels["start"], "--", r.path("translation"))
    r.commit("translation: back to the first text")
    r.checkout("main")
    r.merge("undo")


def whole_pull_request_reverted(r: Repo) -> None:
    """A pull request changed the source and synced the translation; reverting its merge
    puts both back: the first text matches the first source again."""
    r.branch("pr")
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows")
    r.checkout("main")
    r.merge("pr")
    r.git("revert", "--no-edit", "-m", "1", "HEAD")


def sync_reverted_then_redone(r: Repo) -> None:
    """A revert of the sync, then the revert reverted: the sync's text is back, and the
    source it was written for is the source now."""
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    r.put("translation", "v2")
    r.commit("translation follows", "written")
    r.git("revert", "--no-edit", "HEAD")
    r.git("revert", "--no-edit", "HEAD")


def _translated_before_the_source_was_committed(r: Repo, *, source_edited: bool) -> None:
    """A new story whose translation is committed first (the Khmer draft was on the
    editor's laptop): the source, added next, is the text the translation was made from."""
    r.git("rm", "-q", r.path("source"), r.path("translation"))
    r.commit("retire the first story")
    r.put("translation", "v2", path=r.path("translation", slug="kampot-water-2"))
    r.commit("translation of the second story, ahead of its source", "written")
    r.put("source", "v2", path=r.path("source", slug="kampot-water-2"))
    r.commit("second story")
    if source_edited:
        r.put("source", "v3", path=r.path("source", slug="kampot-water-2"))
        r.commit("source: a second plant")


def translation_committed_before_its_source(r: Repo) -> None:
    _translated_before_the_source_was_committed(r, source_edited=False)


def source_committed_after_its_translation_then_edited(r: Repo) -> None:
    _translated_before_the_source_was_committed(r, source_edited=True)


# (case, expected state, label of the expected baseline commit)
CASES: list[tuple[Callable[[Repo], None], str, str | None]] = [
    (no_ff_translation_then_source, "stale", "written"),
    (branch_source_then_translation, "up_to_date", "written"),
    (translation_on_branch_while_main_edits_source, "stale", "written"),
    (main_merged_into_branch_first, "stale", "written"),
    (translation_updated_after_such_merge, "up_to_date", "written"),
    (both_renamed_after_source_edit, "stale", "start"),
    (both_renamed_then_translation_updated, "up_to_date", "written"),
    (source_edit_reverted, "up_to_date", "start"),
    (translation_only_rewrapped, "stale", "start"),
    (fast_forward_translation_then_source, "stale", "written"),
    (conflict_resolved_in_merge, "up_to_date", "written"),
    (conflict_resolved_by_taking_one_side, "stale", "written"),
    (octopus_merge, "stale", "written"),
    (octopus_merge_after_sync, "up_to_date", "written"),
    (squash_translation_then_source, "up_to_date", "written"),
    (squash_source_only, "stale", "start"),
    (moved_to_another_collection, "stale", "start"),
    (moved_then_translation_updated, "up_to_date", "written"),
    (source_edited_twice_translation_after_first, "stale", "written"),
    (translation_restored_on_branch_after_merging_main, "up_to_date", "written"),
    (translator_sync_reverted, "stale", "start"),
    (translation_checked_out_from_the_first_commit, "stale", "start"),
    (whole_pull_request_reverted, "up_to_date", "start"),
    (sync_reverted_then_redone, "up_to_date", "written"),
    (translation_committed_before_its_source, "up_to_date", "written"),
    (source_committed_after_its_translation_then_edited, "stale", "written"),
]


def _translation_path(r: Repo) -> tuple[str, str]:
    """Where the pair is at HEAD (after any rename or move)."""
    found = {}
    for role, lang in (("source", r.source), ("translation", r.translation)):
        paths = sorted((r.root / "content" / lang).rglob("kampot-*.md"))
        assert len(paths) == 1, paths
        found[role] = paths[0].relative_to(r.root).as_posix()
    return found["translation"], found["source"]


@pytest.mark.slow
@pytest.mark.parametrize("source", ["km", "en"])
@pytest.mark.parametrize(("case", "state", "label"), CASES, ids=[c[0].__name__ for c in CASES])
def test_team_history(
    tmp_path: Path, case: Callable[[Repo], None], state: str, label: str | None, source: str
) -> None:
    r = Repo(tmp_path / "site", source)
    r.start()
    case(r)
    assert r.git("status", "--porcelain") == ""
    translation, source_path = _translation_path(r)
    found = status(r.root)[translation]
    assert found[0] == state
    if label is not None:
        assert found[1] == r.labels[label], f"baseline is not the commit labelled {label!r}"
    assert found == reference(r.root, translation, source_path)


def test_shallow_clone_says_so_and_never_calls_stale_up_to_date(tmp_path: Path) -> None:
    r = Repo(tmp_path / "origin", "km")
    r.start()
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    for n in range(3):
        (r.root / "content" / "km" / "news" / f"brief-{n}.md").write_text(
            f"---\ntitle: Brief {n}\n---\n\nA short note.\n", "utf-8"
        )
        r.commit(f"brief {n}")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{r.root}", str(clone)], check=True
    )
    past = time.time() - 60  # old enough that the remembered status is trusted
    for path in (clone / "content").rglob("*"):
        os.utime(path, (past, past))
    result = run_cli("status", "--root", str(clone), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    water = next(a for a in doc["articles"] if a["slug"] == "kampot-water")
    assert water["versions"]["en"]["state"] == "unknown"
    note = (
        "git history is shallow (a clone made with --depth): 1 translation whose baseline"
        " git cannot show is 'unknown'; run `git fetch --unshallow` to fetch the whole history"
    )
    assert doc["notes"] == [note]
    assert result.stderr.splitlines() == [f"warning: {note}"]
    assert run_cli("status", "--root", str(clone), "--check").exit_code == 1
    subprocess.run(["git", "-C", str(clone), "fetch", "-q", "--unshallow"], check=True)
    after = run_cli("status", "--root", str(clone), "--format", "json")
    assert "notes" not in json.loads(after.stdout)
    assert status(clone)["content/en/news/kampot-water.md"] == ("stale", r.labels["start"])


def test_missing_baseline_blob_is_unknown_not_up_to_date(tmp_path: Path) -> None:
    r = Repo(tmp_path / "site", "en")
    r.start()
    old = r.git("rev-parse", f"HEAD:{r.path('source')}").strip()
    r.put("source", "v2")
    r.commit("source: 15,000 households")
    (r.root / ".git" / "objects" / old[:2] / old[2:]).unlink()  # as in a partial clone
    result = run_cli("status", "--root", str(r.root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert status(r.root)["content/km/news/kampot-water.md"] == ("unknown", r.labels["start"])
    assert "git history is incomplete (objects are missing)" in result.stderr


def test_a_merge_history_is_read_by_three_git_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = Repo(tmp_path / "site", "km")
    r.start()
    main_merged_into_branch_first(r)
    both_renamed_after_source_edit(r)
    spawned = git_spawned(monkeypatch)
    assert status(r.root)["content/en/news/kampot-clean-water.md"][0] == "stale"
    assert [args[3] for args in spawned if args[0] == "git"] == ["rev-parse", "log", "cat-file"]


def test_a_source_committed_after_its_translation_says_what_changed_since(
    tmp_path: Path,
) -> None:
    """The first committed source is the old text: the change is listed, not 'unknown'."""
    r = Repo(tmp_path / "site", "km")
    r.start()
    source_committed_after_its_translation_then_edited(r)
    out = run_cli("status", "--root", str(r.root), "--format", "json")
    (article,) = json.loads(out.stdout)["articles"]
    en = article["versions"]["en"]
    assert (en["state"], en["baseline_commit"]) == ("stale", r.labels["written"])
    assert en["changed_paragraphs"] == [4]
    assert en["change"]["kinds"] == ["added"]


def test_a_translation_left_behind_by_its_renamed_source_is_told_to_follow(
    tmp_path: Path,
) -> None:
    """``git mv`` of the source alone (twice): one line names the rename and the
    ``git mv`` that makes the translation follow; once it has, the pair is one article
    again, up to date."""
    r = Repo(tmp_path / "site", "km")
    r.start()
    old_source, old_translation = r.path("source"), r.path("translation")
    r.move("source", slug="kampot-clean-water")
    r.commit("clearer URL")
    r.git("mv", r.path("source", slug="kampot-clean-water"), r.path("source", slug="kampot-plant"))
    r.commit("shorter URL", "renamed")
    new_source, new_translation = (
        r.path("source", slug="kampot-plant"),
        r.path("translation", slug="kampot-plant"),
    )

    out = run_cli("status", "--root", str(r.root), "--format", "json")
    assert json.loads(out.stdout)["notes"] == [
        f"{old_translation}: its source {old_source} was renamed to {new_source} in "
        f"{r.labels['renamed'][:7]}; move the translation with it: "
        f"git mv {old_translation} {new_translation}"
    ]

    r.git("mv", old_translation, new_translation)
    r.commit("translation follows the source")
    out = run_cli("status", "--root", str(r.root), "--format", "json")
    doc = json.loads(out.stdout)
    assert "notes" not in doc
    ((key, state),) = [
        (f"{a['collection']}/{a['slug']}", a["versions"]["en"]["state"]) for a in doc["articles"]
    ]
    assert (key, state) == ("news/kampot-plant", "up_to_date")
