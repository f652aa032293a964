"""What a new user meets on a first site: the errors and warnings of the first hour,
each as the exact line printed (found by playing a new user on an installed wheel)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import MakeSite, article, run_cli

CONFIG = 'source_language = "km"\n'
RICE_KM = article("ការប្រមូលផលស្រូវ", "កសិករប្រមូលផលស្រូវ។\n", date="2026-01-08")
RICE_EN = article("Rice harvest", "Farmers harvest rice.\n", date="2026-01-08")


@pytest.mark.parametrize(
    "command",
    [
        ("status",),
        ("build",),
        ("review", "--all"),
        ("names", "discover"),
        ("new", "en", "news/rice"),
        ("mark", "en", "news/rice"),
    ],
)
def test_a_command_run_outside_any_site_says_so_in_one_line(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    result = run_cli(*command, "--root", str(empty))

    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"i18n: error: no site here: no sastra.toml and no content folder in {empty} "
        "(run `i18n init`)\n"
    )
    assert list(empty.iterdir()) == []


def test_a_content_folder_without_a_config_is_a_site(make_site: MakeSite) -> None:
    root = make_site({"content/km/news/rice.md": RICE_KM})
    assert run_cli("status", "--root", str(root)).exit_code == 0


@pytest.mark.parametrize(
    ("asked", "hint"),
    [
        ("news/rise", "did you mean 'news/rice'?"),
        ("news/nothing", "keys look like 'news/flood'; see `i18n status`"),
    ],
)
def test_new_with_an_unknown_key_shows_a_key_of_this_site(
    make_site: MakeSite, asked: str, hint: str
) -> None:
    root = make_site(
        {"content/km/news/rice.md": RICE_KM, "content/km/news/flood.md": RICE_KM}, CONFIG
    )

    result = run_cli("new", "en", asked, "--root", str(root))

    assert result.exit_code == 2
    assert result.stderr == f"i18n: error: no article '{asked}' ({hint})\n"


def test_new_on_a_site_with_no_articles_shows_no_example_key(make_site: MakeSite) -> None:
    root = make_site({"content/km/.keep": ""}, CONFIG)

    result = run_cli("new", "en", "news/rice", "--root", str(root))

    assert result.stderr == "i18n: error: no article 'news/rice' (the site has no articles yet)\n"


def test_an_empty_file_is_skipped_with_a_warning(make_site: MakeSite) -> None:
    root = make_site(
        {
            "content/km/news/rice.md": RICE_KM,
            "content/en/news/rice.md": RICE_EN,
            "content/km/news/empty.md": "",
            "content/en/news/blank.md": "\n  \n",
        },
        CONFIG,
    )

    status = run_cli("status", "--root", str(root))
    built = run_cli("build", "--root", str(root))

    for result in (status, built):
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines()[:2] == [
            "content/en/news/blank.md:1: warning: empty file, skipped",
            "content/km/news/empty.md:1: warning: empty file, skipped",
        ]
    assert status.stdout.splitlines()[1:3] == [
        "  km: source language of every article",
        "  en 0/1 up to date · 1 untracked",
    ]
    assert "news/empty" not in status.stdout and "news/blank" not in status.stdout
    assert not (root / "_site/km/news/empty").exists()
    assert not (root / "_site/en/news/blank").exists()
    assert (root / "_site/km/news/rice/index.html").is_file()


def test_a_misspelt_language_folder_is_reported_not_taken_as_a_language(
    make_site: MakeSite,
) -> None:
    root = make_site(
        {
            "src/content/news/km/rice.md": RICE_KM,
            "src/content/news/en/rice.md": RICE_EN,
            "src/content/news/kh/x.md": RICE_KM,
            "src/content/news/fr/rice.md": article("Récolte", "Les paysans.\n", date="2026-01-08"),
        },
        CONFIG,
    )

    status = run_cli("status", "--root", str(root))
    built = run_cli("build", "--root", str(root))

    error = "src/content/news/kh/x.md:1: unknown language 'kh' (languages: km, en, fr)"
    assert status.stdout.splitlines()[1:4] == [
        "  km: source language of every article",
        "  en 0/1 up to date · 1 untracked",
        "  fr 0/1 up to date · 1 untracked",
    ]
    assert error in status.stderr.splitlines()
    assert error in built.stderr.splitlines()
    assert "unknown locale" not in built.stderr


def test_the_sample_site_of_init_passes_review_and_builds_without_warnings(
    tmp_path: Path,
) -> None:
    site = tmp_path / "newsroom"
    assert run_cli("init", str(site)).exit_code == 0

    reviewed = run_cli("review", "--all", "--root", str(site))
    built = run_cli("build", "--root", str(site))

    assert reviewed.exit_code == 0, reviewed.stdout
    assert reviewed.stdout.splitlines()[-1] == "1 pairs · 1 without findings · no findings"
    assert built.exit_code == 0, built.stderr
    assert "has no" not in built.stderr
    assert "<h1>ព័ត៌មាន</h1>" in (site / "_site/km/news/index.html").read_text("utf-8")
    km = (site / "_site/km/news/welcome/index.html").read_text("utf-8")
    assert "<code>content/km/news/</code>" in km


@pytest.mark.parametrize(
    ("paragraph", "found"),
    [
        ("សូមបង្កើតឯកសារក្នុងថត content/km/news/ រួចដំណើរការ។", None),
        ("សូមបើកឯកសារ src/content/news/km/rice.md ដើម្បីកែ។", None),
        ("សូមវាយ `git pull and then run the build` ជាមុនសិន។", None),
        ("សូមចុច [ទីនេះ](https://example.org/docs/getting-started) ដើម្បីអាន។", None),
        (
            "សូមបង្កើតឯកសារ the file goes in the content folder ជាមុន។",
            "the file goes in the content folder",
        ),
    ],
)
def test_paths_code_and_link_targets_in_khmer_are_not_english_prose(
    make_site: MakeSite, paragraph: str, found: str | None
) -> None:
    root = make_site(
        {
            "content/km/news/a.md": article("ការណែនាំ", paragraph, date="2026-01-08"),
            "content/en/news/a.md": article("Guide", "Create the file first.", date="2026-01-08"),
        },
        CONFIG,
    )

    result = run_cli("review", "--all", "--root", str(root))

    wrong = [line.strip() for line in result.stdout.splitlines() if "✗ [wrong-language]" in line]
    if found is None:
        assert wrong == []
    else:
        assert wrong == [
            "content/km/news/a.md:6: ✗ [wrong-language] English text in the Khmer paragraph 1: "
            f"«{found}»  ↔ content/en/news/a.md:6"
        ]


HTML_EN = """---
title: Rice harvest
date: 2026-01-08
---

<!-- editor: check the figures with the ministry,
then delete this note -->

Farmers harvest rice.<!-- check the figure --> Prices rose.

The cooperative<br>met on Monday.

<!-- a note --> between paragraphs
"""


@pytest.mark.parametrize("allow", [False, True])
def test_html_comments_never_reach_a_page_and_other_html_is_escaped_with_a_warning(
    make_site: MakeSite, allow: bool
) -> None:
    config = CONFIG + ("[build]\nallow_html = true\n" if allow else "")
    root = make_site(
        {
            "content/km/news/rice.md": RICE_KM,
            "content/en/news/rice.md": HTML_EN,
            "content/en/news/note.md": article("Note", "Only <!-- a comment --> here.\n"),
        },
        config,
    )

    built = run_cli("build", "--root", str(root))

    assert built.exit_code == 0, built.stderr
    page = (root / "_site/en/news/rice/index.html").read_text("utf-8")
    assert "editor" not in page and "check the figure" not in page and "a note" not in page
    assert "<p>Farmers harvest rice. Prices rose.</p>" in page
    warning = "content/en/news/rice.md:11: warning: raw HTML shown as text " + (
        "(set build.allow_html = true to pass it through)"
    )
    if allow:
        assert "<p>The cooperative<br>met on Monday.</p>" in page
        assert "raw HTML" not in built.stderr
    else:
        assert "<p>The cooperative&lt;br&gt;met on Monday.</p>" in page
        assert [line for line in built.stderr.splitlines() if "raw HTML" in line] == [warning]
        again = run_cli("build", "--root", str(root))  # the page is reused: still said
        assert [line for line in again.stderr.splitlines() if "raw HTML" in line] == [warning]
    assert "comment" not in (root / "_site/en/news/note/index.html").read_text("utf-8")


HUGO = """baseURL = "https://news.example.org/"
defaultContentLanguage = "km"
title = "Ministry News"
[languages.km]
weight = 1
[languages.en]
weight = 2
"""


def test_a_hugo_site_without_sastra_toml_takes_its_address_from_hugo(
    make_site: MakeSite,
) -> None:
    root = make_site(
        {
            "hugo.toml": HUGO,
            "content/posts/rice.km.md": RICE_KM,
            "content/posts/rice.en.md": RICE_EN,
        }
    )

    built = run_cli("build", "--root", str(root))

    assert built.exit_code == 0, built.stderr
    assert built.stderr.splitlines()[1:] == [
        "content/posts/_index.md: warning: collection 'posts' has no km title; its km index "
        "is titled 'Posts' (give this section page a title, or set title.km in "
        "[collections.posts] of a sastra.toml)",
    ]
    sitemap = (root / "_site/sitemap.xml").read_text("utf-8")
    assert "<loc>https://news.example.org/km/posts/rice/</loc>" in sitemap


@pytest.mark.parametrize(
    ("setting", "base_url"),
    [("site_url: https://docs.example.org/\n", "https://docs.example.org/"), ("", "")],
)
def test_mkdocs_site_url_is_the_base_url(tmp_path: Path, setting: str, base_url: str) -> None:
    from sastra.config.load import load_config

    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Docs\n{setting}plugins:\n  - i18n:\n      languages:\n"
        "        - locale: km\n          default: true\n        - locale: en\n",
        "utf-8",
    )
    (tmp_path / "docs").mkdir()

    assert load_config(tmp_path).build.base_url == base_url


@pytest.mark.parametrize(
    ("km_body", "km_h1s"),
    [
        ("# ការប្រមូលផលស្រូវ\n\nកសិករប្រមូលផលស្រូវ។\n", ["ការប្រមូលផលស្រូវ"]),
        ("# ស្រូវរដូវវស្សា\n\nកសិករប្រមូលផលស្រូវ។\n", ["ការប្រមូលផលស្រូវ", "ស្រូវរដូវវស្សា"]),
    ],
)
def test_a_leading_h1_is_the_title_and_is_not_shown_twice(
    make_site: MakeSite, km_body: str, km_h1s: list[str]
) -> None:
    import re

    root = make_site(
        {
            "hugo.toml": HUGO,
            "content/posts/rice.km.md": article("ការប្រមូលផលស្រូវ", km_body, date="2026-01-08"),
            "content/posts/rice.en.md": "---\ndate: 2026-01-08\n---\n\n# Rice harvest\n\n"
            "Farmers harvest rice.\n",
        }
    )

    built = run_cli("build", "--root", str(root))

    assert built.exit_code == 0, built.stderr
    assert "no 'title'" not in built.stderr
    en = (root / "_site/en/posts/rice/index.html").read_text("utf-8")
    km = (root / "_site/km/posts/rice/index.html").read_text("utf-8")
    assert "<title>Rice harvest · Ministry News</title>" in en  # (hugo.toml's title)
    assert re.findall(r"<h1[^>]*>([^<]*)</h1>", en) == ["Rice harvest"]
    assert re.findall(r"<h1[^>]*>([^<]*)</h1>", km) == km_h1s


def test_a_source_whose_frontmatter_breaks_is_reported_where_it_breaks_and_not_paired(
    make_site: MakeSite,
) -> None:
    broken_km = (
        '---\ntitle: "ឯកឧត្តមរដ្ឋមន្ត្រីចុះទស្សនកិច្ចខេត្តតាកែវ\ndate: 2026-01-08\n'
        "tags: [news]\n---\n\nឯកឧត្តមរដ្ឋមន្ត្រីបានចុះទស្សនកិច្ច។\n"
    )
    en = (
        "---\ntitle: The minister visits Takeo\ndate: 2026-01-08\n"
        "l10n:\n  source: km\n  source_hash: abcdef0123456789\n---\n\n"
        "The minister visited Takeo province.\n"
    )
    root = make_site(
        {
            "content/km/news/minister-visit.md": broken_km,
            "content/en/news/minister-visit.md": en,
            "content/km/news/rice.md": RICE_KM,
            "content/en/news/rice.md": RICE_EN,
        },
        CONFIG,
    )

    status = run_cli("status", "--root", str(root))

    assert status.exit_code == 1
    assert status.stderr == (
        "content/km/news/minister-visit.md:2: invalid YAML in frontmatter: "
        "found unexpected end of stream while scanning a quoted scalar\n"
    )
    assert "minister-visit" not in status.stdout
    assert "translate from en" not in status.stdout
    assert status.stdout.splitlines()[1:3] == [
        "  km: source language of every article",
        "  en 0/1 up to date · 1 untracked",
    ]


def test_a_translation_whose_frontmatter_breaks_is_unreadable_not_missing(
    make_site: MakeSite,
) -> None:
    """A translator told "missing: translate from km" would start over; `new` refuses the
    existing file, and `mark` used to tell them to run `new`."""
    broken_en = (
        "---\ntitle: Rice harvest\ndate: 2026-01-08\ntags: [rice, harvest\n---\n\n"
        "Farmers harvest rice.\n"
    )
    root = make_site(
        {"content/km/news/rice.md": RICE_KM, "content/en/news/rice.md": broken_en}, CONFIG
    )
    error = (
        "content/en/news/rice.md:4: invalid YAML in frontmatter: did not find expected ',' or ']'\n"
    )

    status = run_cli("status", "--root", str(root))
    assert status.exit_code == 1
    assert status.stderr == error
    assert status.stdout.splitlines()[1:] == [
        "  km: source language of every article",
        "  en 0/1 up to date · 1 unreadable",
        "",
        "Unreadable: the file is there but cannot be read (fix the error above) (1)",
        "  en  news/rice  content/en/news/rice.md",
    ]
    doc = run_cli("status", "--root", str(root), "--format", "json", "--check")
    assert doc.exit_code == 1
    en = json.loads(doc.stdout)["articles"][0]["versions"]["en"]
    assert en == {"state": "unreadable", "path": "content/en/news/rice.md"}

    mark = run_cli("mark", "en", "news/rice", "--root", str(root))
    assert (mark.exit_code, mark.stderr) == (
        2,
        error + "i18n: error: content/en/news/rice.md cannot be read; "
        "fix the error above, then mark it\n",
    )
    review = run_cli("review", "news/rice", "--root", str(root))
    assert (review.exit_code, review.stdout) == (2, "")
    assert review.stderr == (
        error + "i18n: error: content/en/news/rice.md cannot be read; "
        "fix the error above, then review 'news/rice'\n"
    )
    new = run_cli("new", "en", "news/rice", "--root", str(root))
    assert new.stderr.endswith("content/en/news/rice.md already exists; not overwritten\n")

    (root / "content/en/news/rice.md").write_text(RICE_EN, "utf-8")  # fixed
    fixed = run_cli("status", "--root", str(root), "--format", "json")
    assert json.loads(fixed.stdout)["articles"][0]["versions"]["en"]["state"] == "untracked"


def test_new_mark_and_review_take_the_path_a_shell_completes(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator tabs to the file; the key is what the site calls it."""
    root = make_site({"content/km/news/rice.md": RICE_KM}, CONFIG)
    monkeypatch.chdir(root / "content")

    new = run_cli("new", "en", "km/news/rice.md")
    assert (new.exit_code, new.stdout) == (
        0,
        "created content/en/news/rice.md from content/km/news/rice.md (km → en)\n",
    )
    (root / "content/en/news/rice.md").write_text(RICE_EN, "utf-8")
    review = run_cli("review", str(root / "content/en/news/rice.md"))
    assert review.exit_code == 0
    assert review.stdout.startswith("news/rice  ")
    mark = run_cli("mark", "en", "./en/news/rice.md")
    assert mark.exit_code == 0
    assert mark.stdout.startswith("marked content/en/news/rice.md as synced with ")

    outside = root.parent / "rice.md"  # a file, but not one of the site's
    outside.write_text(RICE_EN, "utf-8")
    wrong = run_cli("review", str(outside))
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        f"i18n: error: no article '{outside}' (see `i18n status` for the keys)\n",
    )
