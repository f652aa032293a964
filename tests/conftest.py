"""Fixtures and hooks shared by every test; the functions tests import are in helpers.py."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import MakeSite, git, write_files

# Property tests take their number of examples from a profile, never from the test:
# ``dev`` (the default) for a quick local run, ``ci`` (.ci/run sets it) for the long one,
# whose count is the most any property test ran before profiles existed. Select with
# ``HYPOTHESIS_PROFILE=ci``. No deadline in either: timings belong to bench/, and a busy
# machine must not fail a test. ``print_blob`` puts the line that replays a failure in CI's log.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    max_examples=3000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def make_site(tmp_path: Path) -> MakeSite:
    """``make_site(files, config=None, git_init=False)`` → the site root."""

    def make(
        files: Mapping[str, str | bytes], config: str | None = None, git_init: bool = False
    ) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        if config is not None:
            (root / "sastra.toml").write_text(config, encoding="utf-8")
        write_files(root, files)
        if git_init:
            git(root, "init", "-q", "-b", "main")
        return root

    return make


@pytest.fixture(autouse=True)
def _cache_key_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Caches are sealed with a key under ``$XDG_CACHE_HOME``: tests keep theirs apart
    from the user's (one key for the whole run, as on a real machine)."""
    home = tmp_path_factory.getbasetemp() / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
