"""The fork pool gives the same answers, in the same order, as running in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sastra.config.load import load_config
from sastra.content import load_site
from sastra.parallel import THRESHOLD, SharedPool


def _scaled(shared: dict[str, int], item: int) -> tuple[int, int]:
    return item, item * shared["factor"]


def test_shared_pool_sees_the_shared_object_and_keeps_order() -> None:
    items = list(range(1000))
    with SharedPool({"factor": 3}, jobs=2) as pool:
        assert list(pool.map(_scaled, items)) == [(i, i * 3) for i in items]
        # a second map on the same workers
        assert list(pool.map(_scaled, items[:500])) == [(i, i * 3) for i in items[:500]]


def test_a_large_site_loads_the_same_on_two_cores_as_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sastra.toml").write_text('languages = ["km", "en"]\n', "utf-8")
    for i in range(300):
        for lang in ("km", "en"):
            path = tmp_path / "content" / lang / f"news{i % 3}" / f"item-{i}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            # Quoted titles and lists of mappings need PyYAML: 450 files go to the pool.
            title = f'"Item {i}"\nteam:\n  - name: A\n' if lang == "en" or i % 2 else f"Item {i}"
            path.write_text(
                f"---\ntitle: {title}\ndate: 2026-01-0{i % 9 + 1}\n---\n\nText {i} ({lang}).\n"
            )
    broken = tmp_path / "content" / "en" / "news0" / "item-0.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", "utf-8")
    config = load_config(tmp_path)
    one = load_site(config, jobs=1)
    mapped: list[int] = []
    real_map = SharedPool.map

    def spy(self: SharedPool[Any], func: Any, items: Any, threshold: int = THRESHOLD) -> Any:
        mapped.append(len(items))
        return real_map(self, func, items, threshold)

    monkeypatch.setattr(SharedPool, "map", spy)
    two = load_site(config, jobs=2)
    assert mapped == [450]  # the broken file is one of them: its YAML is not simple
    assert len(two.articles) == 599
    assert two.articles == one.articles
    assert two.articles[1].meta["team"] == [{"name": "A"}]
    assert [str(d) for d in two.diagnostics] == [str(d) for d in one.diagnostics]
    bad = "content/en/news0/item-0.md:2: invalid YAML"
    assert any(str(d).startswith(bad) for d in two.diagnostics)


def test_a_background_task_runs_in_a_child_and_is_waited_for(tmp_path: Path) -> None:
    import threading

    from sastra.parallel import in_background, wait_background

    seen: list[str] = []
    out = tmp_path / "written"

    def task() -> None:
        seen.append("ran")  # in the child's copy of ``seen``
        out.write_text("done", "utf-8")

    in_background(task)
    wait_background()
    assert out.read_text("utf-8") == "done"
    assert seen == []  # it did not run in this process

    # With another thread running, a fork could copy it half-way: the task runs here.
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        in_background(task)
    finally:
        release.set()
        other.join()
    assert seen == ["ran"]
    wait_background()
