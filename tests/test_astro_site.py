"""A Khmer-first Astro site kept in git, built with nothing but ``source_language = "km"``.

The history is made the way a ministry's web team makes it: the Khmer article first, its
English translation in a later commit on a branch merged back, then a correction of the
Khmer original. Images live in ``src/assets`` and are addressed as ``@/assets/…``. A data
collection (the national board) and a draft are in it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import commit_at, git, run_cli, write_files

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
KM_FLOOD = """\
---
title: ក្រសួងចុះជួយប្រជាពលរដ្ឋរងគ្រោះដោយទឹកជំនន់នៅខេត្តកំពង់ធំ
description: មន្ត្រីក្រសួងបានចែកស្បៀងអាហារដល់គ្រួសារចំនួន ៣២០។
pubDate: 2025-10-14
heroImage: "@/assets/news/flood-relief/cover.jpg"
tags: [ទឹកជំនន់, កំពង់ធំ]
---

នៅព្រឹកថ្ងៃទី១៤ ខែតុលា ឆ្នាំ២០២៥ ក្រុមការងាររបស់ក្រសួងបានចុះទៅស្រុកស្ទោង ខេត្តកំពង់ធំ។

![ការចែកអំណោយ](@/assets/news/flood-relief/handout.jpg)

គ្រួសារចំនួន ៣២០ បានទទួលអង្ករ ទឹកសុទ្ធ និងថ្នាំពេទ្យ។
"""
KM_FLOOD_FIXED = KM_FLOOD.replace("គ្រួសារចំនួន ៣២០ បាន", "គ្រួសារចំនួន ៣៤៥ បាន")
EN_FLOOD = """\
---
title: Ministry helps flood-affected families in Kampong Thom
description: Ministry officials handed out food to 320 families.
pubDate: 2025-10-14
image: "@/assets/news/flood-relief/cover.jpg"
tags: [flood, Kampong Thom]
---

On the morning of 14 October 2025 a ministry team travelled to Stoung district, Kampong Thom.

![Handing out relief](@/assets/news/flood-relief/handout.jpg)

320 families received rice, drinking water and medicine.
"""
KM_SCHOLARSHIP = """\
---
title: ការប្រកាសអាហារូបករណ៍ឆ្នាំ២០២៦
pubDate: 2026-01-05
---

ក្រសួងប្រកាសអាហារូបករណ៍ចំនួន ៥០ សម្រាប់និស្សិតឆ្នាំទី១។
"""
KM_DRAFT = """\
---
title: សេចក្តីព្រាងសេចក្តីជូនដំណឹង
pubDate: 2026-01-20
draft: true
---

មិនទាន់ផ្សាយ។
"""
KM_BOARD = """\
---
name: ឯកឧត្តម ចាន់ សុភ័ក្ត្រ
role: ប្រធានក្រុមប្រឹក្សា
photo: "@/assets/board/chan-sopheak.jpg"
phone: "012 345 678"
---
"""
EN_BOARD = """\
---
name: H.E. Chan Sopheak
role: Chair of the board
photo: "@/assets/board/chan-sopheak.jpg"
phone: "012 345 678"
---
"""
CONFIG = 'source_language = "km"\n'


@pytest.fixture
def astro(tmp_path: Path) -> Path:
    root = tmp_path / "moeys-web"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_files(
        root,
        {
            "package.json": '{"name": "moeys-web", "dependencies": {"astro": "^4.16.0"}}\n',
            "astro.config.mjs": "import { defineConfig } from 'astro/config';\n"
            "export default defineConfig({\n"
            "  i18n: { defaultLocale: 'km', locales: ['km', 'en'] },\n"
            "});\n",
            "src/content/news/km/flood-relief-kampong-thom.md": KM_FLOOD,
            "src/assets/news/flood-relief/cover.jpg": JPEG,
            "src/assets/news/flood-relief/handout.jpg": JPEG,
            "src/content/national-board-member/km/chan-sopheak.md": KM_BOARD,
            "src/assets/board/chan-sopheak.jpg": JPEG,
        },
    )
    commit_at(root, "news: flood relief in Kampong Thom (km)", "2025-10-14T17:00:00+07:00")
    git(root, "checkout", "-q", "-b", "translate/flood-relief")
    write_files(
        root,
        {
            "src/content/news/en/flood-relief-kampong-thom.md": EN_FLOOD,
            "src/content/national-board-member/en/chan-sopheak.md": EN_BOARD,
        },
    )
    commit_at(
        root, "translate flood relief and the board into English", "2025-10-16T10:00:00+07:00"
    )
    git(root, "checkout", "-q", "main")
    write_files(root, {"src/content/news/km/scholarship-2026.md": KM_SCHOLARSHIP})
    commit_at(root, "news: scholarships 2026 (km)", "2026-01-05T09:00:00+07:00")
    git(
        root,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge translate/flood-relief",
        "translate/flood-relief",
    )
    write_files(
        root,
        {
            "src/content/news/km/flood-relief-kampong-thom.md": KM_FLOOD_FIXED,
            "src/content/news/km/notice-draft.md": KM_DRAFT,
        },
    )
    commit_at(root, "news: corrected number of families (km)", "2026-01-21T08:30:00+07:00")
    (root / "sastra.toml").write_text(CONFIG, "utf-8")
    return root


def test_a_khmer_first_astro_site_in_git_builds_with_only_its_source_language(
    astro: Path,
) -> None:
    result = run_cli("build", "--root", str(astro))

    assert result.exit_code == 0, result.stderr
    site = astro / "_site"
    km = (site / "km/news/flood-relief-kampong-thom/index.html").read_text("utf-8")
    en = (site / "en/news/flood-relief-kampong-thom/index.html").read_text("utf-8")
    only_km = (site / "km/news/scholarship-2026/index.html").read_text("utf-8")
    # every version is a page titled in its language, with its language's dates
    assert "<title>ក្រសួងចុះជួយប្រជាពលរដ្ឋរងគ្រោះដោយទឹកជំនន់នៅខេត្តកំពង់ធំ</title>" in km
    assert "<title>Ministry helps flood-affected families in Kampong Thom</title>" in en
    assert "<title>ការប្រកាសអាហារូបករណ៍ឆ្នាំ២០២៦</title>" in only_km
    assert '<time datetime="2025-10-14">ថ្ងៃទី១៤ ខែតុលា ឆ្នាំ២០២៥</time>' in km
    assert '<time datetime="2025-10-14">14 October 2025</time>' in en
    assert '<time datetime="2026-01-05">ថ្ងៃទី៥ ខែមករា ឆ្នាំ២០២៦</time>' in only_km
    # hreflang between counterparts, none for an article without one
    assert (
        '<link rel="alternate" hreflang="en" href="../../../en/news/flood-relief-kampong-thom/">'
        in km
    )
    assert (
        '<link rel="alternate" hreflang="km" href="../../../km/news/flood-relief-kampong-thom/">'
        in en
    )
    assert 'rel="alternate" hreflang' not in only_km
    # the Khmer original was corrected after the translation: dated by its last commit
    assert "The Khmer original was updated on 21 January 2026" in en
    # @/assets images from src/assets
    assert 'src="../../../assets/news/flood-relief/handout.jpg"' in km
    assert (site / "assets/news/flood-relief/cover.jpg").read_bytes() == JPEG
    assert '<img class="lead" src="../../../assets/news/flood-relief/cover.jpg"' in km
    # an entry whose content is all frontmatter shows its data, with no config at all
    board = (site / "km/national-board-member/chan-sopheak/index.html").read_text("utf-8")
    assert "<title>ឯកឧត្តម ចាន់ សុភ័ក្ត្រ</title>" in board
    assert '<dt>តួនាទី</dt>\n  <dd class="text">ប្រធានក្រុមប្រឹក្សា</dd>' in board
    assert '<img src="../../../assets/board/chan-sopheak.jpg" alt="រូបថត"' in board
    assert '<a href="tel:012345678">០១២ ៣៤៥ ៦៧៨</a>' in board
    # the draft is not published, and the build says so
    assert not (site / "km/news/notice-draft").exists()
    assert "left out 1 draft (draft: true); --drafts builds them" in result.stderr
    # no address outside the site in the output: none at all in a page; in the feeds and
    # the sitemap only their XML namespaces; the font's licence names its sources
    namespaces = {
        "http://www.w3.org/2005/Atom",
        "http://www.sitemaps.org/schemas/sitemap/0.9",
        "http://www.w3.org/1999/xhtml",
    }
    for page in site.rglob("*"):
        if page.suffix in (".html", ".css", ".xml", ".txt") and "fonts" not in page.parts:
            found = set(re.findall(r"(?:https?:)?//[^\"'<>\s]+", page.read_text("utf-8")))
            allowed = namespaces if page.suffix == ".xml" else set()
            assert found <= allowed, (page, found - allowed)


def test_the_draft_is_tracked_by_status_and_built_with_drafts(astro: Path) -> None:
    status = json.loads(run_cli("status", "--root", str(astro), "--format", "json").stdout)
    draft = [a for a in status["articles"] if a["slug"] == "notice-draft"]
    assert [a["collection"] for a in draft] == ["news"]

    result = run_cli("build", "--root", str(astro), "--drafts")

    assert result.exit_code == 0, result.stderr
    assert (astro / "_site/km/news/notice-draft/index.html").is_file()
    assert "draft" not in result.stderr


def test_a_data_collection_shows_its_fields_localised(astro: Path) -> None:
    (astro / "sastra.toml").write_text(
        CONFIG
        + "\n[collections.national-board-member]\n"
        + 'title.km = "ក្រុមប្រឹក្សាជាតិ"\ntitle.en = "National board"\n'
        + 'fields = ["role", "phone", "photo"]\n',
        "utf-8",
    )

    result = run_cli("build", "--root", str(astro))

    assert result.exit_code == 0, result.stderr
    site = astro / "_site"
    km = (site / "km/national-board-member/chan-sopheak/index.html").read_text("utf-8")
    en = (site / "en/national-board-member/chan-sopheak/index.html").read_text("utf-8")
    assert '<dt>តួនាទី</dt>\n  <dd class="text">ប្រធានក្រុមប្រឹក្សា</dd>' in km
    assert '<dd class="phone"><a href="tel:012345678">០១២ ៣៤៥ ៦៧៨</a></dd>' in km
    assert '<dd class="phone"><a href="tel:012345678">012 345 678</a></dd>' in en
    assert '<img src="../../../assets/board/chan-sopheak.jpg" alt="រូបថត"' in km
    assert (site / "assets/board/chan-sopheak.jpg").read_bytes() == JPEG
    index = (site / "km/national-board-member/index.html").read_text("utf-8")
    assert "<h1>ក្រុមប្រឹក្សាជាតិ</h1>" in index
    assert "national-board-member</h1>" not in index
