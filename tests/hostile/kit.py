"""Helpers of the hostile-input suite: a themed site on disk, the CLI, what a user sees."""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from click.testing import Result

from helpers import article, git, run_cli, write_files

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n[tracking]\ngit = false\n'
KM = article("សួស្តី", "អត្ថបទខ្មែរ។\n", date="2026-01-08")
EN = article("Hello", "English text.\n", date="2026-01-08")
LOCATED = re.compile(r"^[^\s:][^:]*(:\d+)?: ")

__all__ = ["CONFIG", "EN", "KM", "article", "cli", "git", "located", "make", "no_traceback"]


def make(
    tmp_path: Path,
    files: Mapping[str, str | bytes] | None = None,
    config: str = CONFIG,
    *,
    theme: bool = True,
    git_init: bool = False,
) -> Path:
    """A site at ``tmp_path/site`` with a Khmer article and its translation, the
    repository's theme and catalogs (``theme``), and ``files`` on top."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "sastra.toml").write_text(config, encoding="utf-8")
    base: dict[str, str | bytes] = {"content/km/news/hello.md": KM, "content/en/news/hello.md": EN}
    base.update(files or {})
    write_files(root, base)
    if theme:  # a copy of the shipped theme and catalogs, as `i18n theme copy` makes
        from sastra.theme import CATALOGS, TEMPLATES

        shutil.copytree(TEMPLATES, root / "templates")
        for lang in ("km", "en"):
            po = Path(lang, "LC_MESSAGES", "messages.po")
            (root / "i18n" / po).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(CATALOGS / po, root / "i18n" / po)
    if git_init:
        git(root, "init", "-q", "-b", "main")
    return root


def cli(*args: str) -> Result:
    """``i18n ARGS`` in-process; an exception escaping the command fails the test."""
    return run_cli(*args)


def located(text: str) -> list[str]:
    """The ``path:line: message`` lines of the output."""
    return [line for line in text.splitlines() if LOCATED.match(line)]


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
