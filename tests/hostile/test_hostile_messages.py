"""Messages: a fault is said once, in one line, naming the user's file, never a temp file."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from kit import article, cli, git, make, no_traceback

from sastra import cache as cache_module
from sastra.cache import atomic_write


def test_a_failed_write_names_the_users_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "content/km/news/hello.md"
    path.parent.mkdir(parents=True)

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(path.parent / ".x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(OSError) as caught:
        atomic_write(path, "text")
    assert (caught.value.filename, caught.value.strerror) == (str(path), "Permission denied")


def test_a_full_disk_names_the_users_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "i18n/names.yaml"
    path.parent.mkdir()
    path.write_text("names: []\n")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(OSError) as caught:
        atomic_write(path, "names: [a]\n")
    assert caught.value.filename == str(path)
    assert caught.value.errno == errno.ENOSPC
    assert path.read_text() == "names: []\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["names.yaml"]


def _git_site(tmp_path: Path) -> Path:
    config = 'languages = ["km", "en"]\nsource_language = "km"\n'
    root = make(tmp_path, config=config, theme=False, git_init=True)
    git(root, "add", "-A")
    git(root, "-c", "user.name=T", "-c", "user.email=t@e.org", "commit", "-qm", "first")
    page = root / "content/km/news/hello.md"
    page.write_text(page.read_text("utf-8") + "\nថ្មី។\n", "utf-8")
    git(root, "-c", "user.name=T", "-c", "user.email=t@e.org", "commit", "-qam", "second")
    return root


def _status_warnings(root: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    with caplog.at_level(logging.WARNING):
        result = cli("status", "--root", str(root))
    no_traceback(result)
    assert result.exit_code in (0, 1), result.stderr
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_missing_commit_object_is_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = _git_site(tmp_path)
    first = git(root, "rev-list", "--max-parents=0", "HEAD").strip()
    (root / ".git/objects" / first[:2] / first[2:]).unlink()
    [message] = _status_warnings(root, caplog)
    assert message.startswith("git history unreadable (")
    assert message.endswith("); tracking without git history")


def test_git_not_installed_is_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _git_site(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert _status_warnings(root, caplog) == [
        "git is not installed (not on PATH); tracking without git history"
    ]


def test_a_broken_git_folder_is_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = _git_site(tmp_path)
    shutil.rmtree(root / ".git")
    (root / ".git").write_text("gitdir: /nowhere/at/all\n")
    [message] = _status_warnings(root, caplog)
    assert message == (
        "git cannot read this repository (not a git repository: /nowhere/at/all); "
        "tracking without git history"
    )


@pytest.mark.skipif(os.geteuid() != 0, reason="needs to give the repository to another user")
def test_a_repository_git_refuses_is_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _git_site(tmp_path)
    for path in [root, *root.rglob("*")]:
        os.lchown(path, 65534, 65534)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-config"))
    [message] = _status_warnings(root, caplog)
    assert message.startswith("git cannot read this repository (detected dubious ownership")


def test_an_unwritable_cache_is_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make(
        tmp_path, config='languages = ["km", "en"]\ncache_dir = "c"\n[tracking]\ngit = false\n'
    )
    (root / "c").write_text("a file where the cache folder goes")
    for command in ("status", "build"):
        result = cli(command, "--root", str(root))
        no_traceback(result)
        assert result.exit_code in (0, 1), result.stderr


def test_a_key_file_that_is_a_folder_is_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "xdg/sastra/key").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(cache_module, "_KEYS", {})
    root = make(tmp_path)
    result = cli("status", "--root", str(root))
    no_traceback(result)
    assert result.exit_code in (0, 1)


def test_an_empty_and_a_frontmatter_only_file_are_read(tmp_path: Path) -> None:
    root = make(tmp_path, {"content/en/news/empty.md": "", "content/en/news/fm.md": "---\n---\n"})
    result = cli("build", "--root", str(root))
    no_traceback(result)
    assert result.exit_code == 0, result.stderr


def test_a_very_long_line_is_built(tmp_path: Path) -> None:
    root = make(tmp_path, {"content/en/news/long.md": article("Long", "word " * 200_000)})
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
