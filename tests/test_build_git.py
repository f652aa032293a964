"""``i18n build`` on sites kept in git: the mode a real site runs in.

The sample site and the golden site turn git off (they live inside Sastra's own
repository); here each is copied into a repository of its own and built with git on,
and a site with no configuration at all is built from its history.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import REPO, article, commit_at, git, run_cli
from sastra.cache import keep_out_of_git

AT_2025_04_14 = "2025-04-14T09:30:00+07:00"


def test_default_config_site_in_git_shows_the_commit_date_of_an_updated_source(
    make_site: Callable[..., Path],
) -> None:
    """No sastra.toml: the stale notice dates the source by its last commit (this crashed)."""
    root = make_site(
        {
            "content/km/news/rice.md": article("ស្រូវ", "កសិករប្រមូលផលស្រូវ។\n"),
            "content/en/news/rice.md": article("Rice", "Farmers harvest rice.\n"),
        },
        git_init=True,
    )
    commit_at(root, "news: rice harvest in both languages", "2025-03-02T08:00:00+07:00")
    (root / "content/km/news/rice.md").write_text(
        article("ស្រូវ", "កសិករប្រមូលផលស្រូវលើសឆ្នាំមុន។\n"), "utf-8"
    )
    commit_at(root, "news: the Khmer text gives this year's harvest", AT_2025_04_14)

    result = run_cli("build", "--root", str(root))

    assert result.exit_code == 0, result.stderr
    en = (root / "_site/en/news/rice/index.html").read_text("utf-8")
    assert "The Khmer original was updated on 14 April 2025" in en
    km = (root / "_site/km/news/rice/index.html").read_text("utf-8")
    assert "<h1" in km and "ស្រូវ" in km


def _fixture_sites() -> dict[str, tuple[Path, tuple[str, ...]]]:
    """Every site the test suite builds: its folder and the folders that make it up."""
    sites = {
        "sample": (REPO, ("sastra.toml", "content", "assets", "i18n")),
        "golden": (REPO / "tests/fixtures/site-golden", ("sastra.toml", "content", "assets")),
    }
    # sites laid out by other generators, with no sastra.toml (their layout is detected)
    for folder in sorted((REPO / "tests/fixtures/generators").iterdir()):
        sites[folder.name] = (folder, tuple(sorted(p.name for p in folder.iterdir())))
    return sites


def _copy_into_repo(tmp: Path, source: Path, parts: tuple[str, ...]) -> Path:
    root = tmp / "site"
    root.mkdir()
    for part in parts:
        if (source / part).is_dir():
            shutil.copytree(source / part, root / part)
        elif (source / part).is_file():
            shutil.copy(source / part, root / part)
    if (root / "sastra.toml").is_file():
        config = (root / "sastra.toml").read_text("utf-8")
        config = re.sub(r"(?m)^git = false$", "git = true", config)
        (root / "sastra.toml").write_text(config, "utf-8")
    git(root, "init", "-q", "-b", "main")
    commit_at(root, "site as the test suite has it", AT_2025_04_14)
    return root


@pytest.mark.parametrize("name", sorted(_fixture_sites()))
def test_every_fixture_site_builds_in_git_mode(tmp_path: Path, name: str) -> None:
    from sastra.workspace import open_site

    source, parts = _fixture_sites()[name]
    root = _copy_into_repo(tmp_path, source, parts)

    result = run_cli("build", "--root", str(root))

    assert result.exit_code == 0, result.stderr
    site = open_site(root)
    from sastra.render.build import output_path

    for pair in site.pairs:
        for version in pair.versions.values():
            page = output_path(site.config, version)
            assert page.is_file(), page


def test_the_cache_stays_out_of_git_without_init(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    """A site used without ``i18n init`` (no .gitignore line): ``git add -A`` after
    status and build does not take the cache, whose files change on every run."""
    root = make_site(
        {
            "content/km/news/rice.md": article("ស្រូវ", "កសិករប្រមូលផលស្រូវ។\n"),
            "content/en/news/rice.md": article("Rice", "Farmers harvest rice.\n"),
        },
        git_init=True,
    )
    commit_at(root, "news: rice harvest", "2025-03-02T08:00:00+07:00")
    assert run_cli("status", "--root", str(root)).exit_code == 0
    assert run_cli("build", "--root", str(root)).exit_code == 0

    assert (root / ".sastra-cache/.gitignore").read_text("utf-8") == (
        "# Sastra's cache: made again when missing, never to be committed.\n*\n"
    )
    assert git(root, "status", "--porcelain") == "?? _site/\n"

    # a .gitignore of the team's own is kept; a folder outside the site gets none
    (root / ".sastra-cache/.gitignore").write_text("blobs.pickle\n", "utf-8")
    assert run_cli("status", "--root", str(root)).exit_code == 0
    assert (root / ".sastra-cache/.gitignore").read_text("utf-8") == "blobs.pickle\n"
    keep_out_of_git(tmp_path / "elsewhere", root)
    keep_out_of_git(root, root)
    assert not (tmp_path / "elsewhere").exists() and not (root / ".gitignore").exists()
