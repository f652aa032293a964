"""A status is shown again without reading any file when nothing it depends on changed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from helpers import MakeSite, article, run_cli

KM = article("ចំណងជើង", "អត្ថបទ។", date="2026-01-08")
EN = article("Title", "Text.", date="2026-01-08")


def _age(root: Path, seconds: int = 60) -> None:
    past = time.time() - seconds
    for path in (root / "content").rglob("*"):
        os.utime(path, (past, past))


def _states(root: Path) -> dict[str, str]:
    result = run_cli("status", "--root", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    return {a["slug"]: a["versions"]["en"]["state"] for a in doc["articles"]}


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    import sastra.content

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was read although nothing changed")

    monkeypatch.setattr(sastra.content, "load_site", refuse)


def test_unchanged_site_is_not_read_again(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site({"content/km/a.md": KM, "content/en/a.md": EN, "content/km/b.md": KM})
    _age(root)
    first = _states(root)
    assert first == {"a": "untracked", "b": "missing"}
    with monkeypatch.context() as patch:
        _forbid_reading(patch)
        assert _states(root) == first
    # a changed file is seen at once
    (root / "content/en/b.md").write_text(EN, "utf-8")
    assert _states(root) == {"a": "untracked", "b": "untracked"}


def test_a_file_changed_just_before_the_status_is_not_trusted(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site({"content/km/a.md": KM, "content/en/a.md": EN})
    _states(root)  # files written a moment ago: this status is not remembered as final
    with monkeypatch.context() as patch:
        _forbid_reading(patch)
        with pytest.raises(AssertionError, match="the site was read"):
            run_cli("status", "--root", str(root), "--format", "json")


def test_diff_and_words_always_read_the_site(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site({"content/km/a.md": KM, "content/en/a.md": EN})
    _age(root)
    _states(root)
    with monkeypatch.context() as patch:
        _forbid_reading(patch)
        with pytest.raises(AssertionError, match="the site was read"):
            run_cli("status", "--root", str(root), "--diff")


LOADS: list[str] = []


def _loaded(name: str) -> str:
    LOADS.append(name)
    return name


class _Counted:
    """Unpickles through :func:`_loaded`, so a test can see whether it was unpickled."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (_loaded, ("value",))


def test_a_memo_for_another_key_is_not_unpickled(tmp_path: Path) -> None:
    from sastra.cache import Memo

    memo = Memo(tmp_path / "memo.pickle")
    assert memo.get("a") is None  # no file yet
    memo.put("a", _Counted())
    LOADS.clear()
    assert memo.get("b") is None
    assert LOADS == []  # the key did not match: the value was never read
    assert memo.get("a") == "value"
    assert LOADS == ["value"]
    (tmp_path / "memo.pickle").write_bytes(b"not a pickle")
    assert memo.get("a") is None


def test_a_status_pickles_to_an_equal_status() -> None:
    import pickle

    from sastra.model import ArticleStatus, BaselineKind, Key, SiteStatus, State, VersionStatus

    stale = VersionStatus(
        "en", State.STALE, "content/en/a.md", BaselineKind.GIT, "8774dd7",
        changed_paragraphs=(2, 3), changed_fields=("title",),
        removed_paragraphs=("ចាស់។",), diff="-a\n+b\n",
    )  # fmt: skip
    status = SiteStatus(
        (
            ArticleStatus(
                Key("news", "a"),
                "km",
                {"km": VersionStatus("km", State.SOURCE, "content/km/news/a.md"), "en": stale},
            ),
            ArticleStatus(
                Key("", "b"),
                "en",
                {
                    "en": VersionStatus("en", State.SOURCE, "b.md"),
                    "km": VersionStatus("km", State.MISSING),
                },
            ),
            ArticleStatus(Key("x/y", "c"), None, {}),
        ),
        ("km", "en"),
    )
    again = pickle.loads(pickle.dumps(status, pickle.HIGHEST_PROTOCOL))
    assert again == status
    assert again.articles[0].versions["en"].state is State.STALE
    assert list(again.articles[1].versions) == ["en", "km"]
