"""A status is shown again without reading any file when nothing it depends on changed."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import pickle
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import MakeSite, article, commit_at, run_cli
from sastra.config.load import load_config
from sastra.model import (
    ArticleStatus,
    BaselineKind,
    Key,
    ParagraphChange,
    SiteStatus,
    State,
    VersionStatus,
)
from sastra.tracking.remembered import decode_status, encode_status

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

    memo = Memo(tmp_path / "memo.pickle", 1)
    assert memo.get("a") is None  # no file yet
    memo.put("a", _Counted())
    LOADS.clear()
    assert memo.get("b") is None
    assert LOADS == []  # the key did not match: the value was never read
    assert memo.get("a") == "value"
    assert LOADS == ["value"]
    (tmp_path / "memo.pickle").write_bytes(b"not a pickle")
    assert memo.get("a") is None


def _sample_status() -> SiteStatus:
    stale = VersionStatus(
        "en", State.STALE, "content/en/a.md", BaselineKind.GIT, "8774dd7",
        changed_paragraphs=(2, 3), changed_fields=("title",),
        removed_paragraphs=("ចាស់។",), diff="-a\n+b\n",
        changes=(ParagraphChange("edited", 2, 2, counterpart=True),
                 ParagraphChange("punctuation", None, None, field="title")),
    )  # fmt: skip
    return SiteStatus(
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
        ("shallow clone",),
    )


def _round_trip(status: SiteStatus) -> SiteStatus:
    rows, languages, notes = encode_status(status)
    stored = pickle.loads(pickle.dumps((rows, languages, notes), pickle.HIGHEST_PROTOCOL))
    return decode_status(*stored)


def test_a_remembered_status_is_plain_data_and_decodes_to_an_equal_status() -> None:
    status = _sample_status()
    rows, _, _ = encode_status(status)
    assert b"sastra" not in pickle.dumps(rows)  # no class of ours: loads without the model
    again = _round_trip(status)
    assert again == status
    assert again.articles[0].versions["en"].state is State.STALE
    assert again.articles[0].versions["en"].baseline is BaselineKind.GIT
    assert list(again.articles[1].versions) == ["en", "km"]


_VERSIONS = st.builds(
    VersionStatus,
    lang=st.sampled_from(["km", "en", "fr"]),
    changes=st.none() | st.tuples(st.builds(ParagraphChange)),
)


@given(
    st.lists(
        st.builds(
            ArticleStatus,
            versions=st.dictionaries(st.sampled_from(["km", "en", "fr"]), _VERSIONS),
        ),
        max_size=4,
    )
)
def test_every_field_of_a_status_survives_the_rows(articles: list[ArticleStatus]) -> None:
    # the rows are made from the dataclass fields: a field added later is kept too
    articles = [
        ArticleStatus(
            a.key,
            a.source,
            {lang: dataclasses.replace(v, lang=lang) for lang, v in a.versions.items()},
        )
        for a in articles
    ]
    status = SiteStatus(tuple(articles), ("km", "en"))
    assert _round_trip(status) == status


def test_a_memo_of_another_version_is_set_aside_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from sastra.cache import Memo

    Memo(tmp_path / "status.pickle", 8).put("key", ("an", "old", "layout"))
    with caplog.at_level(logging.INFO, logger="sastra.cache"):
        assert Memo(tmp_path / "status.pickle", 9).get("key") is None
    assert [r.getMessage() for r in caplog.records] == [
        f"ignoring memo {tmp_path / 'status.pickle'}: written by another version"
    ]


def test_a_status_pickle_of_the_previous_layout_is_read_again(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A status.pickle written by the version before this one (a SiteStatus pickled
    whole, FORMAT 8) is set aside: the site is read, and the new memo written."""
    from sastra.cache import Memo
    from sastra.tracking.remembered import StatusMemory

    root = make_site({"content/km/a.md": KM, "content/en/a.md": EN})
    _age(root)
    first = _states(root)
    config = load_config(root)
    memory = StatusMemory(config, None)
    memory.take_signature()
    assert memory.signature is not None
    old = (_sample_status(), (), time.time_ns())
    Memo(root / ".sastra-cache/status.pickle", 8).put(memory.signature.digest, old)
    assert _states(root) == first  # read again, not the planted status
    with monkeypatch.context() as patch:
        _forbid_reading(patch)
        assert _states(root) == first  # and remembered anew


# -- after an edit, only the pairs whose files changed are worked out -----------------


def _cold_json(root: Path, tmp_path: Path, name: str) -> dict[str, object]:
    """The status of a copy of the site with no cache: what the slow path says."""
    copy = tmp_path / name
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".sastra-cache"))
    result = run_cli("status", "--root", str(copy), "--format", "json")
    doc: dict[str, object] = json.loads(result.stdout)
    doc.pop("root")
    return doc


def test_after_an_edit_only_its_pair_is_worked_out_and_the_status_is_the_cold_one(
    make_site: MakeSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sastra.tracking.status import Tracker

    files = {
        f"content/{lang}/news/{slug}.md": article(f"{lang} {slug}", f"{slug} {lang} one.\n\nTwo.\n")
        for slug in ("rice", "roads", "schools", "water")
        for lang in ("km", "en")
    }
    root = make_site(files, 'languages = ["km", "en"]\nsource_language = "km"\n', git_init=True)
    commit_at(root, "four stories", "2026-01-05T09:00:00+07:00")
    worked: list[str] = []
    real = Tracker.status

    def counted(self: Tracker, pair: object, **kw: bool) -> ArticleStatus:
        worked.append(str(pair.key))  # type: ignore[attr-defined]
        return real(self, pair, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Tracker, "status", counted)

    def step(edit: Callable[[], None]) -> list[str]:
        edit()
        worked.clear()
        result = run_cli("status", "--root", str(root), "--format", "json")
        assert result.exit_code in (0, 1), result.stderr
        mine = sorted(worked)
        doc = json.loads(result.stdout)
        doc.pop("root")
        assert doc == _cold_json(root, tmp_path, f"cold-{len(steps)}")
        steps.append(mine)
        return mine

    steps: list[list[str]] = []
    km, en = root / "content/km/news", root / "content/en/news"
    assert len(step(lambda: None)) == 4  # the first run works out every pair
    assert step(lambda: (km / "rice.md").write_text(article("km rice", "បី។\n"), "utf-8")) == [
        "news/rice"
    ]
    assert step(lambda: (en / "roads.md").write_text(article("en roads", "Three.\n"), "utf-8")) == [
        "news/roads"
    ]
    assert step(lambda: (en / "schools.md").unlink()) == ["news/schools"]
    assert step(lambda: (en / "dams.md").write_text(article("Dams", "Text.\n"), "utf-8")) == [
        "news/dams"
    ]
    assert step(lambda: (en / "water.md").write_text("---\ntitle: [\n---\nx\n", "utf-8")) == [
        "news/water"
    ]
    # a commit moves HEAD: the pairs with a file it changed are worked out again (their
    # baselines may have moved); "missing" and "unreadable" do not depend on the history
    assert step(lambda: commit_at(root, "edits", "2026-01-06T09:00:00+07:00")) == [
        "news/dams",
        "news/rice",
        "news/roads",
    ]
    assert step(lambda: None) == []  # nothing changed: shown as remembered
