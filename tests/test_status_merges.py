"""Clean merges of a translation's edits: a merge that only combines its parents' versions
wrote no text, so the translation is as synced as the best of its parents' versions.

Each history is made with git itself (:class:`githist.Repo`, a minute a commit) and held
to the state and baseline a translator must see, to :func:`githist.reference` (the rule
applied literally with ``git merge-base --all`` and ``git merge-file``), and to the same
status on the lazy path, the bulk prefetch and a warm second run.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import sastra.tracking.site as site_module
from githist import Repo, reference, status
from helpers import git_spawned
from sastra.model import SiteStatus, State
from sastra.tracking import baseline, merges
from sastra.tracking.gitio import locate
from sastra.tracking.site import site_status
from sastra.workspace import open_config, open_tracked_site

KM_TITLE = "បណ្ណាល័យសាលាថ្មីនៅស្រុកបាទី"
KM = [
    "បណ្ណាល័យសាលាថ្មីមួយបានបើកនៅស្រុកបាទី ខេត្តតាកែវ។",
    "បណ្ណាល័យនេះមានសៀវភៅ ៣ ០០០ ក្បាល។",
    "សិស្សអាចខ្ចីសៀវភៅបានរៀងរាល់ថ្ងៃ។",
    "គ្រូបង្រៀនបានថ្លែងអំណរគុណដល់សហគមន៍។",
]
KM_NOW = [*KM[:1], "បណ្ណាល័យនេះមានសៀវភៅ ៤ ០០០ ក្បាល។", *KM[2:]]  # the count changed
EN_TITLE = "New school library in Bati"
EN = [  # three typos: paragraphs 1, 3 and 4
    "A new school libary opened in Bati district, Takeo province.",
    "The library holds 3,000 books.",
    "Students can borow books every day.",
    "Teachers thankd the community.",
]
FIXED = [
    "A new school library opened in Bati district, Takeo province.",
    "The library holds 4,000 books.",  # (the sync with the new count)
    "Students can borrow books every day.",
    "Teachers thanked the community.",
]
TRANSLATION = "content/en/news/bati-library.md"
SOURCE = "content/km/news/bati-library.md"


def _file(title: str, paragraphs: list[str]) -> str:
    return f"---\ntitle: {title}\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def _start(root: Path) -> Repo:
    r = Repo(root, "km")
    (r.root / "content/km/news").mkdir(parents=True)
    (r.root / "content/en/news").mkdir(parents=True)
    _source(r, KM)
    (r.root / TRANSLATION).write_text(_file(EN_TITLE, EN), "utf-8")
    r.commit("Bati library, in both languages", "start")
    return r


def _source(r: Repo, paragraphs: list[str]) -> None:
    (r.root / SOURCE).write_text(_file(KM_TITLE, paragraphs), "utf-8")


def _fix(r: Repo, *numbers: int) -> None:
    """Edit the translation's paragraphs ``numbers`` (1-based) as committed now."""
    path = r.root / TRANSLATION
    text = path.read_text("utf-8")
    for n in numbers:
        text = text.replace(EN[n - 1], FIXED[n - 1])
    path.write_text(text, "utf-8")


def _branch_fixing(r: Repo, name: str, *numbers: int, base: str = "main") -> str:
    r.checkout(base)
    r.branch(name)
    _fix(r, *numbers)
    return r.commit(f"en: paragraph {numbers}", name)


def two_typo_fixes_merged_while_the_source_changed(r: Repo) -> None:
    _branch_fixing(r, "typo1", 1)
    _branch_fixing(r, "typo3", 3)
    r.checkout("main")
    _source(r, KM_NOW)
    r.commit("km: 4,000 books")
    assert r.merge("typo1") and r.merge("typo3")  # the second combines both fixes


def a_sync_and_a_typo_fix_merged(r: Repo) -> None:
    _branch_fixing(r, "typo", 3)
    r.checkout("main")
    _source(r, KM_NOW)
    r.commit("km: 4,000 books")
    _branch_fixing(r, "sync", 2)  # the translator follows the new count
    r.checkout("main")
    assert r.merge("typo") and r.merge("sync")


def a_typo_fix_merged_after_the_sync(r: Repo) -> None:
    _branch_fixing(r, "typo", 3)
    r.checkout("main")
    _source(r, KM_NOW)
    r.commit("km: 4,000 books")
    _branch_fixing(r, "sync", 2)
    r.checkout("main")
    assert r.merge("sync") and r.merge("typo")


def a_sync_merged_with_a_fix_made_before_it_then_the_source_changed(r: Repo) -> None:
    a_sync_and_a_typo_fix_merged(r)
    _source(r, [*KM_NOW[:3], "នាយកសាលាបានថ្លែងអំណរគុណដល់សហគមន៍។"])
    r.commit("km: the head teacher thanked the community")


def a_conflict_resolved_into_new_text(r: Repo) -> None:
    r.branch("one")
    _fix(r, 1)
    r.commit("en: the library")
    r.checkout("main")
    _source(r, KM_NOW)
    r.commit("km: 4,000 books")
    path = r.root / TRANSLATION
    path.write_text(path.read_text("utf-8").replace("libary", "library room"), "utf-8")
    r.commit("en: the library room")
    assert not r.merge("one")  # both edited paragraph 1
    path.write_text(_file(EN_TITLE, FIXED), "utf-8")  # resolved, and synced while at it
    r.commit("Merge one: paragraph 1, and the new count", "resolved")


def an_octopus_of_three_typo_fixes(r: Repo) -> None:
    for n in (1, 3, 4):
        _branch_fixing(r, f"typo{n}", n)
    r.checkout("main")
    _source(r, KM_NOW)
    r.commit("km: 4,000 books")
    assert r.merge("typo1", "typo3", "typo4")
    assert len(r.git("log", "-1", "--format=%P").split()) == 4


def a_criss_cross_merge(r: Repo) -> None:
    """Two branches merge each other, then edit on: the last merge has two merge bases."""
    _branch_fixing(r, "a", 1)
    _branch_fixing(r, "b", 3)
    r.checkout("a")
    assert r.merge("b~0")
    r.checkout("b")
    assert r.merge("a~1")
    _source(r, KM_NOW)
    _fix(r, 2)
    r.commit("km and en: 4,000 books", "synced")
    r.checkout("a")
    _fix(r, 4)
    r.commit("en: paragraph 4", "a4")
    r.checkout("main")
    assert r.merge("a") and r.merge("b")
    bases = r.git("merge-base", "--all", "HEAD^1", "HEAD^2").split()
    assert sorted(bases) == sorted([r.labels["a"], r.labels["b"]])


# (case, state, label of the baseline commit, changed source paragraphs when stale)
CASES: list[tuple[Callable[[Repo], None], str, str, tuple[int, ...]]] = [
    (two_typo_fixes_merged_while_the_source_changed, "stale", "typo3", (2,)),
    (a_sync_and_a_typo_fix_merged, "up_to_date", "sync", ()),
    (a_typo_fix_merged_after_the_sync, "up_to_date", "sync", ()),
    (a_sync_merged_with_a_fix_made_before_it_then_the_source_changed, "stale", "sync", (4,)),
    (a_conflict_resolved_into_new_text, "up_to_date", "resolved", ()),
    (an_octopus_of_three_typo_fixes, "stale", "typo4", (2,)),
    (a_criss_cross_merge, "up_to_date", "synced", ()),
]


def _site_status(root: Path, *, prefetch: bool, cold: bool = True) -> SiteStatus:
    if cold:
        shutil.rmtree(root / ".sastra-cache", ignore_errors=True)
    (root / ".sastra-cache" / "status.pickle").unlink(missing_ok=True)
    config = open_config(root)
    with pytest.MonkeyPatch.context() as patch:
        if not prefetch:
            patch.setattr(site_module, "prefetch", lambda *args, **kwargs: 0)
        with open_tracked_site(config, locate(config.root)) as (site, tracker):
            return site_status(tracker, site.pairs)


@pytest.mark.parametrize(
    ("case", "state", "label", "changed"), CASES, ids=[case[0].__name__ for case in CASES]
)
def test_clean_merges(
    tmp_path: Path,
    case: Callable[[Repo], None],
    state: str,
    label: str,
    changed: tuple[int, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = _start(tmp_path / "site")
    case(r)
    assert r.git("status", "--porcelain") == ""
    found = status(r.root)[TRANSLATION]
    assert found == (state, r.labels[label])
    assert found == reference(r.root, TRANSLATION, SOURCE)

    lazy = _site_status(r.root, prefetch=False)
    bulk = _site_status(r.root, prefetch=True)
    assert bulk == lazy
    en = bulk.articles[0].versions["en"]
    assert (en.state.value, en.changed_paragraphs or ()) == (state, changed)

    walked: list[str] = []
    real = baseline.find_baseline
    monkeypatch.setattr(
        baseline, "find_baseline", lambda *args: walked.append(args[1]) or real(*args)
    )
    assert _site_status(r.root, prefetch=True, cold=False) == bulk  # the remembered baseline
    assert walked == []


def test_the_clean_merge_s_answer_is_kept_for_a_run_after_head_moved(tmp_path: Path) -> None:
    r = _start(tmp_path / "site")
    two_typo_fixes_merged_while_the_source_changed(r)
    assert status(r.root)[TRANSLATION] == ("stale", r.labels["typo3"])
    (r.root / "content/km/news/market.md").write_text(_file("ផ្សារ", ["តម្លៃ។"]), "utf-8")
    r.commit("another story")
    merged: list[bytes] = []
    real = merges.merge3

    def counting(base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
        merged.append(base)
        return real(base, ours, theirs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merges, "merge3", counting)
        warm = _site_status(r.root, prefetch=True, cold=False)
        assert merged == []  # the merge's answer was kept by the blobs it read
        assert warm == _site_status(r.root, prefetch=True)
        # cold: one merge asked (typo1's merge took typo1's text: never a baseline),
        # over the first commit's text, the merge base
        assert merged == [_file(EN_TITLE, EN).encode()]
    en = warm.articles[0].versions["en"]
    assert (en.state, en.baseline_commit) == (State.STALE, r.labels["typo3"])


def test_git_counts_processes_as_before_on_a_clean_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = _start(tmp_path / "site")
    a_criss_cross_merge(r)
    spawned = git_spawned(monkeypatch)
    assert status(r.root)[TRANSLATION] == ("up_to_date", r.labels["synced"])
    assert [args[3] for args in spawned if args[0] == "git"] == ["rev-parse", "log", "cat-file"]
