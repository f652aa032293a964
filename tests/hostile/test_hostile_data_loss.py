"""Data loss: a build never replaces a folder it did not write."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import cli, git, make

from sastra.render.output import MARKER


def _config(output: str) -> str:
    return f'languages = ["km", "en"]\noutput_dir = "{output}"\n[tracking]\ngit = false\n'


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (".git", "output folder is a git repository or inside one's .git; refusing"),
        (".git/site", "output folder is a git repository or inside one's .git; refusing"),
        ("assets", "output folder overlaps the assets folder; refusing"),
        ("assets/out", "output folder overlaps the assets folder; refusing"),
        ("content", "output folder overlaps the content folder; refusing"),
        ("i18n", "output folder overlaps the i18n folder; refusing"),
        ("templates/static", "output folder overlaps the templates folder; refusing"),
        (".sastra-cache", "output folder overlaps the cache folder; refusing"),
        (".sastra-cache/synced", "output folder overlaps the cache folder; refusing"),
        (".", "output folder is the site root or contains it; refusing"),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_a_source_or_repository_folder_is_never_the_output(
    tmp_path: Path, output: str, message: str, force: bool
) -> None:
    root = make(
        tmp_path, {"assets/photo.jpg": b"\xff\xd8photo\xff\xd9"}, _config(output), git_init=True
    )
    assert cli("status", "--root", str(root)).exit_code in (0, 1)  # a cache to lose
    (root / ".sastra-cache/synced").mkdir(parents=True, exist_ok=True)
    before = _tree(root)
    args = ["build", "--root", str(root), *(["--force"] if force else [])]
    result = cli(*args)
    assert result.exit_code == 1
    assert f"{output}: {message}" in result.stderr.splitlines()
    after = _tree(root)
    assert {k: v for k, v in after.items() if k in before} == before
    git(root, "status", "--short")  # the repository still works


def test_a_folder_of_the_users_files_is_not_replaced_without_force(tmp_path: Path) -> None:
    root = make(tmp_path, {"docs/notes.txt": "my notes", "docs/plan.odt": b"PK"}, _config("docs"))
    result = cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "docs: output folder holds files no build wrote (no .sastra-build marker); "
        "refusing to replace them (use --force if the folder may be replaced)"
    )
    assert (root / "docs/notes.txt").read_text() == "my notes"
    forced = cli("build", "--root", str(root), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (root / "docs" / MARKER).is_file()


def test_a_build_leaves_its_marker_and_builds_again(tmp_path: Path) -> None:
    root = make(tmp_path)
    assert cli("build", "--root", str(root)).exit_code == 0
    assert (root / "_site" / MARKER).is_file()
    (root / "content/en/news/hello.md").write_text(
        (root / "content/en/news/hello.md").read_text().replace("English", "Updated")
    )
    assert cli("build", "--root", str(root)).exit_code == 0
    assert "Updated" in (root / "_site/en/news/hello/index.html").read_text()


def test_an_output_written_before_the_marker_existed_is_accepted(tmp_path: Path) -> None:
    root = make(tmp_path)
    for name in ("index.html", "sitemap.xml", "robots.txt"):
        (root / "_site").mkdir(exist_ok=True)
        (root / "_site" / name).write_text("old")
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr


def test_an_empty_output_folder_is_fine(tmp_path: Path) -> None:
    root = make(tmp_path)
    (root / "_site").mkdir()
    assert cli("build", "--root", str(root)).exit_code == 0


def test_another_repository_is_never_the_output_even_with_force(tmp_path: Path) -> None:
    root = make(tmp_path)
    other = tmp_path / "other-repo"
    other.mkdir()
    git(other, "init", "-q")
    (other / "README").write_text("someone's work")
    result = cli("build", "--root", str(root), "--out", str(other), "--force")
    assert result.exit_code == 1
    assert "output folder is a git repository or inside one's .git; refusing" in result.stderr
    assert (other / "README").read_text() == "someone's work"


def test_the_astro_src_folder_holding_the_content_is_never_the_output(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "src/content/news/en").mkdir(parents=True)
    (root / "src/content/news/en/a.md").write_text("---\ntitle: A\n---\nText\n")
    (root / "sastra.toml").write_text('languages = ["en", "km"]\noutput_dir = "src"\n')
    result = cli("build", "--root", str(root), "--force")
    assert result.exit_code == 1
    assert "output folder overlaps the content folder; refusing" in result.stderr
    assert (root / "src/content/news/en/a.md").is_file()


def test_the_config_file_is_never_the_output(tmp_path: Path) -> None:
    root = make(tmp_path)
    result = cli("build", "--root", str(root), "--out", str(root / "sastra.toml"))
    assert result.exit_code != 0
    assert (root / "sastra.toml").read_text().startswith("languages")
