"""What tests import: build small sites on disk, run git, run the CLI, write articles.

Fixtures and hooks live in conftest.py; plain functions and constants live here, so a
test says where its helpers come from (``from helpers import run_cli``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import CliRunner, Result

from sastra.content.parse import parse_text
from sastra.model import Article, Key

MakeSite = Callable[..., Path]
REPO = Path(__file__).resolve().parent.parent
#: ``make golden`` sets it: golden tests write what they got before comparing.
REGEN_GOLDEN = bool(os.environ.get("SASTRA_REGEN_GOLDEN"))


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def git(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    out = subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env
    )
    return out.stdout


def commit_at(root: Path, message: str, when: str) -> None:
    """Commit everything with a fixed author and committer date (ISO 8601)."""
    old = {k: os.environ.get(k) for k in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE")}
    os.environ["GIT_AUTHOR_DATE"] = os.environ["GIT_COMMITTER_DATE"] = when
    try:
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", message)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, "--allow-empty")


def copy_sample_site(tmp_path: Path) -> Path:
    """A copy of the repository's sample site (config, content, synced texts, glossary)."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "sastra.toml", root / "sastra.toml")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "i18n" / "synced", root / "i18n" / "synced")
    shutil.copy(REPO / "i18n" / "names.yaml", root / "i18n" / "names.yaml")
    return root


def run_cli(*args: str) -> Result:
    """Run ``i18n ARGS`` in-process; stderr is kept apart from stdout."""
    from sastra.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def article(title: str, body: str, **fields: str) -> str:
    """A Markdown article with YAML frontmatter."""
    lines = ["---", f"title: {title}"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    lines += ["---", "", body.strip("\n"), ""]
    return "\n".join(lines)


def parsed_article(lang: str, text: str) -> Article:
    """``text`` parsed as ``content/<lang>/news/a.md`` (one version of the pair news/a)."""
    path = f"content/{lang}/news/a.md"
    parsed = parse_text(text, path)
    return Article(
        Key("news", "a"), lang, path, parsed.meta, text[parsed.body_start :], parsed.body_line,
        parsed.field_lines,
    )  # fmt: skip


def golden_text(path: Path, got: str) -> str:
    """The expected output kept in ``path``; under ``make golden`` (``SASTRA_REGEN_GOLDEN``
    set) ``got`` is written there first, so the test compares and the diff shows in git."""
    if REGEN_GOLDEN:
        path.write_text(got, encoding="utf-8")
    return path.read_text(encoding="utf-8")


T = TypeVar("T")


def git_spawned(
    monkeypatch: pytest.MonkeyPatch,
    keep: Callable[[list[str]], T] = list,  # type: ignore[assignment]
) -> list[T]:
    """What ``keep`` makes of each git process started from now on (its argument list by
    default; ``subprocess.run`` goes through ``Popen`` too): the list grows as they start."""
    spawned: list[T] = []
    real_popen = subprocess.Popen

    class Popen(real_popen):  # type: ignore[misc,valid-type]
        def __init__(self, args: list[str], *a: object, **kw: object) -> None:
            if args[0] == "git":
                spawned.append(keep(list(args)))
            super().__init__(args, *a, **kw)

    monkeypatch.setattr(subprocess, "Popen", Popen)
    return spawned
