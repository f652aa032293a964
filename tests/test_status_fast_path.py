"""The cold path's shortcuts change nothing but speed: on the random team histories of
`test_history_random` and on a small docs repository built like the benchmark's, the JSON
of `i18n status` with every shortcut (bulk prefetch with each translation's newest versions
parsed alongside its file, remembered baselines, the pruned alignment) equals the JSON of
the plain path (no prefetch, every baseline walked, `align` itself), cold and after a
source is edited."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import sastra.workspace as workspace
from sastra.report.status import to_json
from sastra.review.align import SMOOTH, Block, align
from sastra.tracking import baseline, prefetch, site, status
from sastra.tracking.gitio import locate
from sastra.tracking.site import site_status
from sastra.workspace import open_config, open_tracked_site
from test_history_random import RandomTeam


def _reference_counterparts(
    old: Sequence[tuple[int, frozenset[str]]], translation: Sequence[tuple[int, frozenset[str]]]
) -> tuple[bool, ...]:
    """:func:`sastra.review.align.counterparts` through the full programme of ``align``."""
    left = [Block(i, length, anchors) for i, (length, anchors) in enumerate(old, 1)]
    right = [Block(i, length, anchors) for i, (length, anchors) in enumerate(translation, 1)]
    ratio = (sum(b.length for b in right) + SMOOTH) / (sum(b.length for b in left) + SMOOTH)
    paired = {i for row in align(left, right, ratio) if row.right for i in row.left}
    return tuple(block.index in paired for block in left)


def _json(root: Path, *, cold: bool = True) -> str:
    if cold:
        shutil.rmtree(root / ".sastra-cache", ignore_errors=True)
    config = open_config(root)
    with open_tracked_site(config, locate(config.root)) as (site, tracker):
        result = site_status(tracker, site.pairs)
    return json.dumps(to_json(result, str(config.root)), ensure_ascii=False, sort_keys=True)


def _plain_json(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The JSON of the plain path: a cold run with no shortcut."""
    with monkeypatch.context() as patch:

        def no_prefetch(*_: Any, **__: Any) -> int:
            return 0

        def walked(
            history: Any, path: str, current: str, fingerprint: Any, *_: Any
        ) -> tuple[baseline.Baseline, ...]:
            return baseline.find_baseline(history, path, current, fingerprint)

        patch.setattr(site, "prefetch", no_prefetch)
        patch.setattr(status, "remembered_baseline", walked)
        patch.setattr(prefetch, "remembered_baseline", walked)
        patch.setattr(workspace, "_counterparts", _reference_counterparts)
        return _json(root)


def _edit_a_source(root: Path) -> None:
    for path in sorted((root / "content").rglob("*.md*")):
        text = path.read_text("utf-8")
        if "/en/" in path.as_posix() or "/km/" in path.as_posix():
            path.write_text(text + "\nOne more sentence, added since.\n", "utf-8")
            return


@pytest.mark.parametrize("seed", [0, 3, 5, 6, 8])  # (6: a clean merge combined two edits)
def test_the_fast_path_gives_the_plain_json_on_team_histories(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = RandomTeam(tmp_path / "site", seed)
    for _ in range(28):
        team.move()
    root = team.repo.root
    assert _json(root) == _plain_json(root, monkeypatch)
    source = root / team.where("a", "source")
    source.write_text(source.read_text("utf-8") + "\nA paragraph added since.\n", "utf-8")
    assert _json(root, cold=False) == _plain_json(root, monkeypatch)  # remembered baselines


def test_the_fast_path_gives_the_plain_json_on_a_small_docs_repo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    # The benchmark's generator, small: bench/ is not a package the tests import from.
    spec = importlib.util.spec_from_file_location(
        "docs_repo", Path(__file__).resolve().parent.parent / "bench" / "docs_repo.py"
    )
    assert spec is not None and spec.loader is not None
    docs_repo = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "docs_repo", docs_repo)  # (its dataclasses look it up)
    spec.loader.exec_module(docs_repo)
    root = tmp_path / "docs"
    docs_repo.generate(root, commits=160, pages=16)
    fast = _json(root)
    assert '"state": "stale"' in fast and '"counterpart"' in fast  # alignments were made
    assert fast == _plain_json(root, monkeypatch)
    _edit_a_source(root)
    assert _json(root, cold=False) == _plain_json(root, monkeypatch)
