"""Where a command finds its site when run from a folder below the site's root."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import git, run_cli
from sastra.config.load import find_root

HUGO = 'defaultContentLanguage = "km"\n[languages.km]\nweight = 1\n[languages.en]\nweight = 2\n'
ROAD = "---\ntitle: ផ្លូវថ្មី\ndate: 2026-05-20\n---\n\nផ្លូវថ្មី។\n"


def _hugo_site(root: Path) -> Path:
    (root / "content" / "news").mkdir(parents=True)
    (root / "hugo.toml").write_text(HUGO, "utf-8")
    (root / "content" / "news" / "road.md").write_text(ROAD, "utf-8")
    return root


def test_a_command_in_a_content_subfolder_of_a_site_without_config_finds_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _hugo_site(tmp_path / "site")
    git(root, "init", "-q")
    news = root / "content" / "news"
    assert find_root(news) == root.resolve()
    monkeypatch.chdir(news)
    result = run_cli("status")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Sastra · {root.resolve()}"
    # the default layout too (a content folder of language folders, no config)
    plain = tmp_path / "plain"
    (plain / "content" / "km" / "news").mkdir(parents=True)
    git(plain, "init", "-q")
    assert find_root(plain / "content" / "km" / "news") == plain.resolve()


def test_no_site_is_looked_for_above_the_git_work_tree_or_outside_git(tmp_path: Path) -> None:
    outer = _hugo_site(tmp_path / "outer")
    inner = outer / "tools" / "other-project"
    inner.mkdir(parents=True)
    git(inner, "init", "-q")  # another repository inside the site's folder
    assert find_root(inner) == inner.resolve()
    loose = _hugo_site(tmp_path / "loose") / "content" / "news"  # no git at all
    assert find_root(loose) == loose.resolve()


def test_init_inside_a_site_s_content_refuses_and_writes_nothing(
    tmp_path: Path,
) -> None:
    root = _hugo_site(tmp_path / "site")
    git(root, "init", "-q")
    news = root / "content" / "news"
    before = sorted(p.name for p in news.iterdir())
    result = run_cli("init", str(news))
    assert result.exit_code == 1
    assert result.stderr == (
        f"i18n: error: {news.resolve()} is inside the site at {root.resolve()}; run `i18n init`"
        " there (other commands run from here find that site)\n"
    )
    assert sorted(p.name for p in news.iterdir()) == before
    # a new site in a folder beside the Hugo site's content is the user's to make
    assert run_cli("init", str(root / "newsroom")).exit_code == 0
