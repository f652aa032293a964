"""What every command shares: -q/--quiet, -v, and one error prefix."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import article, run_cli

CONFIG = 'source_language = "km"\n[tracking]\ngit = false\n'
FILES = {
    "content/km/news/a.md": article("ក", "ក។", date="2026-01-08"),
    "content/en/news/a.md": article("A", "A.", date="2026-01-08"),
}


def test_quiet_build_prints_nothing_but_keeps_building(make_site: Callable[..., Path]) -> None:
    root = make_site(FILES, CONFIG)
    result = run_cli("build", "-q", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert (root / "_site/km/news/a/index.html").is_file()
    loud = run_cli("build", "--root", str(root))
    assert loud.stdout.startswith("built ") and "no base_url" in loud.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["build"],
        ["status"],
        ["review", "--all"],
        ["names"],
        ["serve"],
        ["theme", "copy"],
        ["catalog", "extract"],
        ["date", "2026-01-08"],
        ["new", "en", "x"],
        ["mark", "en", "x"],
    ],
)
def test_every_command_takes_quiet_and_verbose(args: list[str]) -> None:
    result = run_cli(*args, "--help")
    assert result.exit_code == 0, result.output
    assert "-q, --quiet" in result.stdout and "-v, --verbose" in result.stdout


def test_verbose_raises_only_sastras_loggers(make_site: Callable[..., Path]) -> None:
    root = make_site(FILES, CONFIG)
    run_cli("build", "-vv", "--root", str(root))
    assert logging.getLogger("sastra").getEffectiveLevel() == logging.DEBUG
    assert logging.getLogger("markdown_it").getEffectiveLevel() == logging.WARNING
    run_cli("build", "-q", "--root", str(root))
    assert logging.getLogger("sastra").getEffectiveLevel() == logging.ERROR
    run_cli("build", "--root", str(root))
    assert logging.getLogger("sastra").getEffectiveLevel() == logging.WARNING


def test_a_usage_error_has_the_same_prefix_as_every_error(tmp_path: Path) -> None:
    code = "from sastra.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "build", "--no-such-option"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "i18n: error: No such option '--no-such-option'.",
        "Try 'i18n build --help' for help.",
    ]


def test_verbose_output_is_sastras_steps_only(make_site: Callable[..., Path]) -> None:
    root = make_site(FILES, CONFIG)
    result = subprocess.run(
        [sys.executable, "-m", "sastra", "build", "-vv", "--root", str(root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    logged = [line for line in result.stderr.splitlines() if re.match(r"i18n: [A-Z]+: ", line)]
    assert any(line.startswith("i18n: INFO: sastra.render.build: planned ") for line in logged)
    assert any(line.startswith("i18n: INFO: sastra.workspace: read 2 files") for line in logged)
    assert [line for line in logged if not line.split(": ", 2)[2].startswith("sastra.")] == []
