"""What a translator sees from `i18n status` options: exact lines."""

from __future__ import annotations

import io
import json
from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from helpers import MakeSite, copy_sample_site, run_cli
from sastra.khmer.unicode import text_pieces
from sastra.report.diffview import diff_lines, word_changes
from sastra.report.status import print_diff
from sastra.report.terminal import cluster_breaks, fold_at_clusters


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


@pytest.mark.parametrize(
    ("old", "new", "marked"),
    [
        ("សិស្ស ៣៥០ នាក់", "សិស្ស ៤២០ នាក់", ("៣៥០", "៤២០")),  # was [-៣៥-]០ / {+៤២+}០
        ("about 12,000 households", "about 15,000 households", ("12,000", "15,000")),
        ("ថវិកា ៣.៥ លាន", "ថវិកា ៣.៨ លាន", ("៣.៥", "៣.៨")),
        ("ចំនួន ១២\u00a0០០០ នាក់", "ចំនួន ១៥\u00a0០០០ នាក់", ("១២\u00a0០០០", "១៥\u00a0០០០")),
    ],
)
def test_a_changed_number_is_marked_whole(old: str, new: str, marked: tuple[str, str]) -> None:
    a, b = word_changes(old, new)
    assert ([t for t, changed in a if changed], [t for t, changed in b if changed]) == (
        [marked[0]],
        [marked[1]],
    )


def test_a_khmer_change_is_marked_and_wrapped_by_whole_clusters() -> None:
    """ដប់ប្រាំពីរ → ដប់ប្រាំបី (17 → 18) was marked ប្រាំ[-ព-]ី[-រ-], a bare vowel sign left
    between marks; and rich folded a long Khmer run between a coeng and its letter."""
    old, new = word_changes("ចំនួនដប់ប្រាំពីរ បាន", "ចំនួនដប់ប្រាំបី បាន")
    assert old == (("ចំនួនដប់ប្រាំ", False), ("ពីរ", True), (" បាន", False))
    assert new == (("ចំនួនដប់ប្រាំ", False), ("បី", True), (" បាន", False))
    long_km = "ត្រៀមប្រឡងសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិ"
    diff = f"--- a.md@baseline\n+++ a.md\n@@ -1 +1 @@\n-{long_km}ដប់ប្រាំពីរ\n+{long_km}ដប់ប្រាំបី\n"
    console = Console(width=31, file=io.StringIO(), color_system=None)
    print_diff(console, diff)
    assert console.file.getvalue().splitlines()[3:] == [  # type: ignore[attr-defined]
        "    -ត្រៀមប្រឡងសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិដ",
        "    -ប់ប្រាំ[-ពីរ-]",
        "    +ត្រៀមប្រឡងសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិដ",
        "    +ប់ប្រាំ{+បី+}",
    ]


@given(st.text(alphabet=st.sampled_from([*"ក ខ្ម ែ រ ា ំ ្ ត ស a b"])), st.integers(1, 12))
def test_folding_breaks_only_between_pieces_and_keeps_every_character(
    text: str, width: int
) -> None:
    assert fold_at_clusters(text, width).replace("\n", "") == text.replace("\n", "")
    breaks = cluster_breaks(text, width)
    bounds = set(accumulate(len(p) for p in text_pieces(text)))
    assert set(breaks) <= bounds  # never inside a cluster
    assert "".join(text_pieces(text)) == text
