"""Wrong results: generated pages never silently replace articles, a hand-edited output
page is rebuilt, writes through symlinks reach the link's target."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import EN, KM, article, cli, make

from sastra.cache import atomic_write

PAGED = 'languages = ["km", "en"]\n[tracking]\ngit = false\n[build]\npage_size = 1\n'


def test_an_article_where_a_tag_page_goes_is_reported(tmp_path: Path) -> None:
    root = make(
        tmp_path,
        {
            "content/km/news/hello.md": KM.replace("date:", "tags: [telecom]\ndate:"),
            "content/km/tags/telecom.md": article("ទូរគមនាគមន៍", "អត្ថបទ។"),
        },
    )
    result = cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert (
        "content/km/tags/telecom.md:1: same URL /km/tags/telecom/ as the generated tag page "
        "there; rename the file or its folder"
    ) in result.stderr.splitlines()


def test_an_article_where_an_index_page_goes_is_reported(tmp_path: Path) -> None:
    root = make(
        tmp_path,
        {
            "content/km/page/2.md": article("ទំព័រ ២", "អត្ថបទ។"),
            "content/km/news/other.md": article("ផ្សេង", "អត្ថបទ។", date="2026-01-09"),
        },
        PAGED,
    )
    result = cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert (
        "content/km/page/2.md:1: same URL /km/page/2/ as the generated list page there; "
        "rename the file or its folder"
    ) in result.stderr.splitlines()


@pytest.mark.parametrize("damage", ["edited", "emptied", "deleted", "replaced-by-folder"])
def test_a_page_damaged_in_the_output_is_rebuilt(tmp_path: Path, damage: str) -> None:
    root = make(tmp_path)
    assert cli("build", "--root", str(root)).exit_code == 0
    page = root / "_site/en/news/hello/index.html"
    good = page.read_bytes()
    if damage == "edited":
        page.write_text(page.read_text("utf-8").replace("English text.", "Defaced."), "utf-8")
    elif damage == "emptied":
        page.write_bytes(b"")
    elif damage == "deleted":
        page.unlink()
    else:
        page.unlink()
        page.mkdir()
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert page.read_bytes() == good


def test_an_untouched_output_is_not_rebuilt(tmp_path: Path) -> None:
    root = make(tmp_path)
    assert cli("build", "--root", str(root)).exit_code == 0
    result = cli("build", "--root", str(root))
    assert "(0 rendered," in result.stdout


def test_review_html_through_a_symlink_writes_the_target(tmp_path: Path) -> None:
    root = make(tmp_path)
    target = root / "reports/review.html"
    target.parent.mkdir()
    target.write_text("old report")
    link = root / "latest.html"
    link.symlink_to(target)
    result = cli("review", "news/hello", "--root", str(root), "--html", str(link))
    assert result.exit_code in (0, 1), result.stderr
    assert link.is_symlink()
    assert "<html" in target.read_text("utf-8")


def test_mark_through_a_symlink_updates_the_target(tmp_path: Path) -> None:
    root = make(tmp_path, {"shared/hello-en.md": EN})
    link = root / "content/en/news/hello.md"
    link.unlink()
    link.symlink_to(root / "shared/hello-en.md")
    result = cli("mark", "en", "news/hello", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert "source_hash:" in (root / "shared/hello-en.md").read_text("utf-8")


def test_a_long_khmer_file_name_is_written_whole(tmp_path: Path) -> None:
    name = "ព័ត៌មាន" * 11 + "ខ្មែរ"  # 246 bytes: with a temp suffix past the 255-byte limit
    assert len((name + ".md").encode()) <= 255 < len(f".{name}.md.abcdefgh.tmp".encode())
    path = tmp_path / f"{name}.md"
    atomic_write(path, "text")
    assert path.read_text() == "text"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}.md"]
