"""What a translator sees from `i18n status` options: exact lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from helpers import MakeSite, copy_sample_site, run_cli
from sastra.report.diffview import diff_lines, word_changes
from sastra.report.status import print_diff


def test_one_language_shows_where_to_translate_from(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    table = run_cli("status", "--root", str(root), "--lang", "en").stdout
    assert "None" not in table
    assert (
        "  en  news/digital-skills-training-takeo  translate from km: "
        "content/km/news/digital-skills-training-takeo.md"
    ) in table
    doc = json.loads(
        run_cli("status", "--root", str(root), "--lang", "en", "--format", "json").stdout
    )
    missing = next(a for a in doc["articles"] if a["slug"] == "digital-skills-training-takeo")
    assert missing["versions"] == {
        "km": {"state": "source", "path": "content/km/news/digital-skills-training-takeo.md"},
        "en": {"state": "missing", "path": None},
    }
    assert list(doc["summary"]) == ["en"]


def test_unknown_collection_is_a_usage_error(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    result = run_cli("status", "--root", str(root), "--collection", "sports")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "i18n: error: unknown collection 'sports' (collections: news)"
    )
    assert run_cli("status", "--root", str(root), "--collection", "news/").exit_code == 0


def test_no_article_at_all_fails_the_checks(make_site: MakeSite) -> None:
    root = make_site({"content/km/.keep": ""}, config='languages = ["km", "en"]\n')
    line = "i18n: no articles found in content/ (languages: km, en)"
    status = run_cli("status", "--root", str(root), "--check")
    assert status.exit_code == 1
    assert line in status.stderr.splitlines()
    review = run_cli("review", "--all", "--check", "--root", str(root))
    assert review.exit_code == 1
    assert line in review.stderr.splitlines()
    assert run_cli("status", "--root", str(root)).exit_code == 0  # said, but not a failure


def test_a_wrapped_diff_line_keeps_its_mark_and_shows_the_changed_character() -> None:
    diff = (
        "--- a.md@baseline\n+++ a.md\n@@ -1 +1 @@\n"
        "-The plant can supply 8,000 cubic metres of clean water a day to about 12,000 homes.\n"
        "+The plant can supply 8,000 cubic metres of clean water a day to about 12,000 homes!\n"
    )
    console = Console(width=50, file=io.StringIO(), color_system=None)
    print_diff(console, diff)
    assert console.file.getvalue().splitlines() == [  # type: ignore[attr-defined]
        "    --- a.md@baseline",
        "    +++ a.md",
        "    @@ -1 +1 @@",
        "    -The plant can supply 8,000 cubic metres of ",
        "    -clean water a day to about 12,000 homes[-.-]",
        "    +The plant can supply 8,000 cubic metres of ",
        "    +clean water a day to about 12,000 homes{+!+}",
    ]


def test_changed_words_are_found_in_khmer_and_english() -> None:
    old, new = word_changes("មជ្ឈមណ្ឌលទាំង ១៨ ផ្ដល់ការបណ្ដុះបណ្ដាល។", "មជ្ឈមណ្ឌលទាំង ២០ ផ្ដល់ការបណ្ដុះបណ្ដាល។")
    assert old == (("មជ្ឈមណ្ឌលទាំង ", False), ("១៨", True), (" ផ្ដល់ការបណ្ដុះបណ្ដាល។", False))
    assert new == (("មជ្ឈមណ្ឌលទាំង ", False), ("២០", True), (" ផ្ដល់ការបណ្ដុះបណ្ដាល។", False))
    lines = diff_lines("@@ -1,2 +1 @@\n-The governor spoke.\n-Extra.\n+The mayor spoke.\n")
    assert [(line.mark, line.parts) for line in lines] == [
        ("@", (("@@ -1,2 +1 @@", False),)),
        ("-", (("The ", False), ("governor", True), (" spoke.", False))),
        ("-", (("Extra.", False),)),
        ("+", (("The ", False), ("mayor", True), (" spoke.", False))),
    ]
