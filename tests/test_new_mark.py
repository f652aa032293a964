"""`i18n new` scaffolds a translation; `i18n mark` records a baseline, touching nothing else."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
import yaml

from helpers import MakeSite, run_cli

KM = """---
title: ចំណងជើង
description: សេចក្ដីសង្ខេប
date: 2026-01-08
image: "@/assets/a.jpg"
tags: [news]
---

ភ្នំពេញ៖ អត្ថបទ។
"""
EN_STYLED = (
    "---\r\n# an author's comment stays\r\ntitle:   'Title'   \r\ndate: 2026-01-08\r\n"
    "l10n: {source: km}\r\n---\r\n\r\nText.\r\n"
)


def test_new_on_an_mdx_page_leaves_a_jsx_comment(make_site: MakeSite) -> None:
    # MDX 2 rejects <!-- -->: an HTML comment would break the site's own build
    source = KM.replace("ភ្នំពេញ៖", "import Chart from '../Chart';\n\nភ្នំពេញ៖")
    root: Path = make_site({"content/km/news/a.mdx": source})
    result = run_cli("new", "en", "news/a", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    text = (root / "content/en/news/a.mdx").read_text("utf-8")
    note = "{/* TRANSLATE: translate the km text below into en, then review it with"
    assert f"\n\n{note} `i18n review news/a` */}}\n\nimport Chart" in text
    assert "<!--" not in text
    status = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    assert status["articles"][0]["versions"]["en"]["state"] == "in_progress"


def test_new_scaffolds_from_the_source(make_site: MakeSite) -> None:
    root: Path = make_site({"content/km/news/a.md": KM})
    result = run_cli("new", "en", "news/a", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "created content/en/news/a.md from content/km/news/a.md (km → en)\n"
    text = (root / "content/en/news/a.md").read_text("utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == "TRANSLATE: ចំណងជើង"
    assert meta["description"] == "TRANSLATE: សេចក្ដីសង្ខេប"
    assert meta["image"] == "@/assets/a.jpg" and meta["tags"] == ["news"]
    assert meta["l10n"]["source"] == "km" and len(meta["l10n"]["source_hash"]) == 16
    assert "<!-- TRANSLATE: translate the km text below into en" in text
    status = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    assert status["articles"][0]["versions"]["en"]["state"] == "in_progress"  # until translated
    again = run_cli("new", "en", "news/a", "--root", str(root))
    assert again.exit_code == 1
    assert again.stderr == "i18n: error: content/en/news/a.md already exists; not overwritten\n"


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_new_on_a_hugo_page_writes_toml_frontmatter_and_mark_keeps_it(
    make_site: MakeSite, bom: str
) -> None:
    source = bom + (
        '+++\ntitle = "ការនាំចេញអង្ករ"\ndate = 2026-02-03\ntags = ["rice"]\n'
        '[params]\nsidebar = "ព័ត៌មាន"\n+++\n\nការនាំចេញអង្ករមានចំនួន ៦៥០,០០០ តោន។\n'
    )
    root: Path = make_site({"content/km/news/rice.md": source})
    result = run_cli("new", "en", "news/rice", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    path = root / "content/en/news/rice.md"
    text = path.read_text("utf-8")
    front, body = text.split("+++\n")[1:]
    meta = tomllib.loads(front)
    source_hash = meta["l10n"]["source_hash"]
    assert meta == {
        "title": "TRANSLATE: ការនាំចេញអង្ករ",
        "date": dt.date(2026, 2, 3),
        "tags": ["rice"],
        "params": {"sidebar": "ព័ត៌មាន"},
        "l10n": {"source": "km", "source_hash": source_hash},
    }
    assert body.startswith("\n<!-- TRANSLATE: translate the km text below into en")
    path.write_text(
        text.replace("TRANSLATE: ការនាំចេញអង្ករ", "Rice exports").replace(
            body, "\nRice exports reached 650,000 tonnes.\n"
        ),
        "utf-8",
    )
    marked = run_cli("mark", "en", "news/rice", "--root", str(root))
    assert marked.exit_code == 0, marked.stderr
    assert path.read_text("utf-8").startswith('+++\ntitle = "Rice exports"\ndate = 2026-02-03\n')
    status = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    assert status["articles"][0]["versions"]["en"]["state"] == "up_to_date"


def test_new_rejects_unknown_keys_and_languages(make_site: MakeSite) -> None:
    root: Path = make_site({"content/km/news/a.md": KM})
    assert run_cli("new", "fr", "news/a", "--root", str(root)).exit_code == 2
    missing = run_cli("new", "en", "news/zzz", "--root", str(root))
    assert missing.exit_code == 2
    assert "no article 'news/zzz'" in missing.stderr


def test_mark_changes_only_the_l10n_block(make_site: MakeSite) -> None:
    root: Path = make_site(
        {"content/km/a.md": KM, "content/en/a.md": b"\xef\xbb\xbf" + EN_STYLED.encode()}
    )
    result = run_cli("mark", "en", "a", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    data = (root / "content/en/a.md").read_bytes()
    assert data.startswith(
        b"\xef\xbb\xbf---\r\n# an author's comment stays\r\ntitle:   'Title'   \r\n"
    )
    assert data.endswith(b"\r\n---\r\n\r\nText.\r\n")
    assert b"l10n:\r\n  source: km\r\n  source_hash: " in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    status = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    assert status["articles"][0]["versions"]["en"]["state"] == "up_to_date"


def test_mark_updates_an_existing_block_in_place(make_site: MakeSite) -> None:
    en = (
        "---\ntitle: T\nl10n:\n    source: km\n    source_hash: 0000\n"
        "    ignore: [numbers]\n---\nBody\n"
    )
    root: Path = make_site({"content/km/a.md": KM, "content/en/a.md": en})
    assert run_cli("mark", "en", "a", "--root", str(root)).exit_code == 0
    lines = (root / "content/en/a.md").read_text().splitlines()
    assert lines[:4] == ["---", "title: T", "l10n:", "    source: km"]
    assert lines[4].startswith("    source_hash: ") and lines[4] != "    source_hash: 0000"
    assert lines[5:] == ["    ignore: [numbers]", "---", "Body"]


def test_mark_all_marks_stale_and_untracked_only(make_site: MakeSite) -> None:
    root: Path = make_site(
        {
            "content/km/a.md": KM,
            "content/en/a.md": "---\ntitle: A\n---\nx\n",
            "content/km/b.md": KM,
            "content/en/b.md": "---\ntitle: B\nl10n:\n  source_hash: 1234\n---\nx\n",
            "content/km/c.md": KM,
        }
    )
    result = run_cli("mark", "--all", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    status = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    assert status["summary"]["en"] == {
        "up_to_date": 2, "stale": 0, "missing": 1, "untracked": 0,
        "in_progress": 0, "unknown": 0, "unreadable": 0
    }  # fmt: skip
    assert run_cli("mark", "km", "a", "--root", str(root)).exit_code == 2  # the source


def test_a_file_system_failure_is_one_line(make_site: MakeSite) -> None:
    import subprocess
    import sys

    root = make_site({"content/km/a.md": KM, "content/en/a.md": "---\ntitle: A\n---\nText.\n"})
    code = (
        "import sastra.cache, sys\n"
        "def refuse(path, data): raise PermissionError(13, 'Permission denied', str(path))\n"
        "sastra.cache.atomic_write = refuse\n"
        "from sastra.cli import main\n"
        f"sys.argv = ['i18n', 'mark', 'en', 'a', '--root', {str(root)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"i18n: error: {root / 'content/en/a.md'}: Permission denied"
    ]
