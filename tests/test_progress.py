"""A progress line on stderr for long work: on a terminal only, after DELAY seconds,
for a cold status, status --words and review --all; never in a pipe or a file."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import sastra.cli._progress as progress_module
from helpers import MakeSite, article, git, run_cli
from sastra.cli._progress import progress_line
from sastra.progress import counted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_the_line_once_the_work_is_slow() -> None:
    out = Terminal()
    with progress_line(out, delay=0) as progress:
        for _ in counted(range(5), 5, "fingerprinting", progress):
            pass
    assert "i18n: fingerprinting" in out.getvalue()
    assert "5/5" in out.getvalue()


def test_short_work_shows_nothing_even_on_a_terminal() -> None:
    out = Terminal()
    with progress_line(out, delay=60) as progress:
        list(counted(range(5), 5, "fingerprinting", progress))
    assert out.getvalue() == ""


def test_a_pipe_or_file_gets_nothing() -> None:
    out = io.StringIO()
    with progress_line(out, delay=0) as progress:
        list(counted(range(5), 5, "fingerprinting", progress))
    assert out.getvalue() == ""


def _git_site(make_site: MakeSite) -> Path:
    root = make_site(
        {
            "content/km/a.md": article("ក", "ក្រសួង ប្រជុំ។"),
            "content/en/a.md": article("A", "The ministry met."),
            "content/km/b.md": article("ខ", "សហគមន៍ ឌីជីថល។"),
        },
        config='languages = ["km", "en"]\nsource_language = "km"\n',
        git_init=True,
    )
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    return root


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (("status",), "i18n: checking translations"),
        (("status", "--words", "--format", "json"), "i18n: counting words"),
        (("review", "--all", "--format", "json"), "i18n: reviewing"),
    ],
)
def test_the_commands_show_their_line_on_a_terminal_only(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], label: str
) -> None:
    root = _git_site(make_site)
    quiet = run_cli(*args, "--root", str(root))
    assert "i18n: " not in quiet.stderr  # stderr is not a terminal here
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    monkeypatch.setattr(progress_module, "is_terminal", lambda stream: True)
    shutil.rmtree(root / ".sastra-cache", ignore_errors=True)  # a cold run again
    shown = run_cli(*args, "--root", str(root))
    assert label in shown.stderr
    assert shown.stdout == quiet.stdout  # the line never reaches the result
