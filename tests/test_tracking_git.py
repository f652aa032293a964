"""Baselines from git history on an Astro site (README, 'What "stale" means')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import MakeSite, commit_all, git, git_spawned, run_cli, write_files

KM = """---
title: កិច្ចប្រជុំក្រុមការងារ
date: 2026-01-08
---

# សេចក្ដីផ្ដើម

ភ្នំពេញ៖ ក្រុមការងារបានជួបប្រជុំ ដើម្បីពិនិត្យវឌ្ឍនភាព។ សមាជិកចំនួន ១១ រូប បានចូលរួម។

មជ្ឈមណ្ឌលទាំង ១៨ ផ្ដល់ការបណ្ដុះបណ្ដាលជំនាញឌីជីថល។
"""
EN = """---
title: Working group meeting
date: 2026-01-08
---

# Introduction

Phnom Penh: the working group met to review progress. 11 members took part.

The 18 centres provide digital skills training.
"""
SCHOOL_KM = """---
name: វិទ្យាល័យហ៊ុន សែន តាកែវ
address: {province: តាកែវ}
staff:
  - {name: សុខ ដារា, role: នាយក}
---
"""
SCHOOL_EN = """---
name: Hun Sen Takeo High School
address: {province: Takeo}
staff:
  - {name: Sok Dara, role: Director}
---
"""
BOARD_KM = "---\nmember: ម៉ៅ សិលា\norder: 1\n---\n"
BOARD_EN = "---\nmember: Mao Sela\norder: 1\n---\n"
CONFIG = 'source_language = "km"\nlanguages = ["km", "en"]\n'


def _site(make_site: MakeSite, extra: dict[str, str] | None = None) -> Path:
    files = {
        "src/content/news/km/meeting.md": KM,
        "src/content/news/en/meeting.md": EN,
        "src/content/schools/km/takeo.md": SCHOOL_KM,
        "src/content/schools/en/takeo.md": SCHOOL_EN,
        "src/content/board/km/mao-sela.md": BOARD_KM,
        "src/content/board/en/mao-sela.md": BOARD_EN,
        **(extra or {}),
    }
    root: Path = make_site(files, config=CONFIG, git_init=True)
    commit_all(root, "first")
    return root


def _state(root: Path, key: str, lang: str = "en") -> dict[str, object]:
    result = run_cli("status", "--root", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    for article in doc["articles"]:
        if f"{article['collection']}/{article['slug']}" == key:
            version: dict[str, object] = article["versions"][lang]
            return version
    raise AssertionError(f"{key} not in status")


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new), "utf-8")


KM_PATH = "src/content/news/km/meeting.md"
EN_PATH = "src/content/news/en/meeting.md"


def test_every_collection_of_a_mixed_schema_astro_site_is_reported(make_site: MakeSite) -> None:
    root = _site(make_site)
    result = run_cli("status", "--root", str(root), "--format", "json")
    doc = json.loads(result.stdout)
    keys = {(a["collection"], a["slug"]) for a in doc["articles"]}
    assert keys == {("news", "meeting"), ("schools", "takeo"), ("board", "mao-sela")}
    assert "detected an Astro site: src/content/<collection>/<lang>/<slug>.md" in result.stderr
    assert all(a["versions"]["en"]["state"] == "up_to_date" for a in doc["articles"])
    # the board entries have no title or name: a warning, never left out
    table = run_cli("status", "--root", str(root))
    assert "src/content/board/en/mao-sela.md:1: warning: no 'title' or 'name' field" in table.stderr


def test_formatting_changes_do_not_make_a_translation_stale(make_site: MakeSite) -> None:
    root = _site(make_site)
    _edit(root, KM_PATH, "# សេចក្ដីផ្ដើម", "## សេចក្ដីផ្ដើម")  # heading level
    _edit(root, KM_PATH, "ដើម្បីពិនិត្យវឌ្ឍនភាព។ ", "ដើម្បីពិនិត្យ\nវឌ្ឍនភាព។\n")  # re-wrap
    _edit(root, KM_PATH, "ក្រុមការងារបានជួបប្រជុំ ដើម្បី", "ក្រុមការងារបានជួបប្រជុំដើម្បី")  # Khmer space
    _edit(root, KM_PATH, "ផ្ដល់ការបណ្ដុះបណ្ដាល", "ផ្ដល់ ការបណ្ដុះបណ្ដាល")  # Khmer space added
    _edit(root, KM_PATH, "\n\nមជ្ឈមណ្ឌល", "\n\n\n\nមជ្ឈមណ្ឌល")  # moved blank lines
    _edit(root, KM_PATH, "title: កិច្ចប្រជុំក្រុមការងារ", "title:   'កិច្ចប្រជុំក្រុមការងារ'")
    commit_all(root, "formatter run")
    assert _state(root, "news/meeting")["state"] == "up_to_date"


def test_removed_sentence_in_source_makes_it_stale_with_paragraphs(make_site: MakeSite) -> None:
    root = _site(make_site)
    _edit(root, KM_PATH, " សមាជិកចំនួន ១១ រូប បានចូលរួម។", "")
    commit_all(root, "shorter lead")
    version = _state(root, "news/meeting")
    assert version["state"] == "stale"
    assert version["baseline"] == "git"
    assert version["changed_paragraphs"] == [2]


def test_changed_sentence_in_source_makes_it_stale(make_site: MakeSite) -> None:
    root = _site(make_site)
    _edit(root, KM_PATH, "មជ្ឈមណ្ឌលទាំង ១៨", "មជ្ឈមណ្ឌលទាំង ២០")
    commit_all(root, "twenty centres")
    assert _state(root, "news/meeting")["changed_paragraphs"] == [3]
    diff = run_cli("status", "--root", str(root), "--diff").stdout
    # the digits that changed are marked inside the line, as git diff --word-diff does
    assert "    -មជ្ឈមណ្ឌលទាំង [-១៨-] ផ្ដល់ការបណ្ដុះបណ្ដាលជំនាញឌីជីថល។\n" in diff
    assert "    +មជ្ឈមណ្ឌលទាំង {+២០+} ផ្ដល់ការបណ្ដុះបណ្ដាលជំនាញឌីជីថល។\n" in diff


def test_translation_edited_after_source_is_up_to_date(make_site: MakeSite) -> None:
    root = _site(make_site)
    _edit(root, KM_PATH, "មជ្ឈមណ្ឌលទាំង ១៨", "មជ្ឈមណ្ឌលទាំង ២០")
    commit_all(root, "source edit")
    assert _state(root, "news/meeting")["state"] == "stale"
    _edit(root, EN_PATH, "The 18 centres", "The 20 centres")
    assert _state(root, "news/meeting")["state"] == "up_to_date"  # uncommitted edit = sync
    commit_all(root, "translation follows")
    assert _state(root, "news/meeting")["state"] == "up_to_date"


def test_reformatting_the_translation_does_not_move_its_baseline(make_site: MakeSite) -> None:
    root = _site(make_site)
    _edit(root, KM_PATH, "មជ្ឈមណ្ឌលទាំង ១៨", "មជ្ឈមណ្ឌលទាំង ២០")
    commit_all(root, "source edit")
    _edit(root, EN_PATH, "# Introduction", "## Introduction")  # not a sync: same text
    commit_all(root, "format translation")
    assert _state(root, "news/meeting")["state"] == "stale"


def test_khmer_file_created_after_english_is_missing_until_it_exists(make_site: MakeSite) -> None:
    root = _site(make_site, {"src/content/news/en/later.md": EN.replace("Working", "Later")})
    assert _state(root, "news/later", "km")["state"] == "missing"
    assert _state(root, "news/later", "en")["state"] == "source"
    write_files(root, {"src/content/news/km/later.md": KM})
    commit_all(root, "khmer version")
    assert _state(root, "news/later", "km")["state"] == "source"


def test_frontmatter_baseline_finds_old_text_in_git(make_site: MakeSite) -> None:
    root = _site(make_site)
    result = run_cli("mark", "en", "news/meeting", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    commit_all(root, "mark")
    _edit(root, KM_PATH, "មជ្ឈមណ្ឌលទាំង ១៨", "មជ្ឈមណ្ឌលទាំង ២០")
    commit_all(root, "source edit")
    for cached in (root / ".sastra-cache").glob("synced/*.json"):
        cached.unlink()  # only git can tell the old text now
    version = _state(root, "news/meeting")
    assert version["baseline"] == "frontmatter"
    assert version["changed_paragraphs"] == [3]


def test_auto_source_language_is_the_first_in_history(make_site: MakeSite) -> None:
    files = {"src/content/news/en/a.md": EN}
    root: Path = make_site(
        files, config='source_language = "auto"\nlanguages = ["km", "en"]\n', git_init=True
    )
    commit_all(root, "english first")
    write_files(root, {"src/content/news/km/a.md": KM})
    commit_all(root, "khmer later")
    assert _state(root, "news/a", "en")["state"] == "source"
    assert _state(root, "news/a", "km")["state"] == "up_to_date"


def test_file_outside_git_history_is_untracked(make_site: MakeSite) -> None:
    root = _site(make_site)
    write_files(root, {"src/content/news/km/new.md": KM, "src/content/news/en/new.md": EN})
    assert _state(root, "news/new")["state"] == "untracked"


def test_git_is_read_in_a_constant_number_of_processes(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:

    files = {}
    for i in range(30):
        files[f"src/content/news/km/a{i}.md"] = KM
        files[f"src/content/news/en/a{i}.md"] = EN
    root = make_site(files, config=CONFIG, git_init=True)
    commit_all(root, "first")
    for i in range(0, 30, 3):
        _edit(root, f"src/content/news/km/a{i}.md", "មជ្ឈមណ្ឌលទាំង ១៨", "មជ្ឈមណ្ឌលទាំង ២០")
    commit_all(root, "second")
    spawned = git_spawned(monkeypatch)
    result = run_cli("status", "--root", str(root), "--format", "json")
    doc = json.loads(result.stdout)
    assert sum(a["versions"]["en"]["state"] == "stale" for a in doc["articles"]) == 10
    git_calls = [args for args in spawned if args[0] == "git"]
    assert [args[3] for args in git_calls] == ["rev-parse", "log", "cat-file"]
    spawned.clear()
    run_cli("status", "--root", str(root), "--format", "json")  # warm: HEAD unchanged
    assert [args[3] for args in spawned if args[0] == "git"] == ["rev-parse"]
    # a new commit: only the commits since the cached HEAD are read
    _edit(root, "src/content/news/km/a1.md", "មជ្ឈមណ្ឌលទាំង ១៨", "មជ្ឈមណ្ឌលទាំង ២១")
    commit_all(root, "third")
    spawned.clear()
    result = run_cli("status", "--root", str(root), "--format", "json")
    doc = json.loads(result.stdout)
    assert sum(a["versions"]["en"]["state"] == "stale" for a in doc["articles"]) == 11
    calls = [args[3:] for args in spawned if args[0] == "git"]
    assert [c[0] for c in calls] == ["rev-parse", "merge-base", "log", "cat-file"]
    log = next(c for c in calls if c[0] == "log")
    assert any(".." in arg for arg in log)


def test_a_page_renamed_to_mdx_is_fingerprinted_as_mdx_though_its_blob_was_cached_as_md(
    make_site: MakeSite,
) -> None:
    # The same blob is two texts: as .md the import line is a paragraph, as .mdx it is
    # stripped. A run before the rename caches the .md fingerprint of the source's blob.
    chart = "import Chart from '../../components/Chart.astro';\n\n"
    root = _site(make_site)
    _edit(root, KM_PATH, "# សេចក្ដីផ្ដើម", chart + "# សេចក្ដីផ្ដើម")
    commit_all(root, "the Khmer page gets a chart import")
    assert _state(root, "news/meeting")["state"] == "stale"
    _edit(root, EN_PATH, "# Introduction", chart + "# Introduction")
    commit_all(root, "the English page follows")
    assert _state(root, "news/meeting")["state"] == "up_to_date"
    git(root, "mv", KM_PATH, KM_PATH + "x")
    git(root, "mv", EN_PATH, EN_PATH + "x")
    commit_all(root, "the meeting page becomes MDX")
    assert _state(root, "news/meeting")["state"] == "up_to_date"
    # As MDX the import line is not text: dropping it leaves the translation up to date.
    _edit(root, KM_PATH + "x", chart, "")
    commit_all(root, "the chart import is dropped")
    assert _state(root, "news/meeting")["state"] == "up_to_date"
