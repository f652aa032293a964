"""The bulk prefetch of a cold run changes nothing but speed: the status it leads to is
the one the lazy, one-question-at-a-time path gives, in-process or on a fork pool."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import sastra.tracking.prefetch as prefetch_module
import sastra.tracking.site as site_module
from helpers import MakeSite, commit_all, write_files
from sastra.model import SiteStatus, State
from sastra.tracking.fingerprint import article_text, bytes_text
from sastra.tracking.gitio import locate
from sastra.tracking.site import site_status
from sastra.tracking.status import Tracker
from sastra.workspace import open_config, open_tracked_site


def _article(title: str, *paragraphs: str) -> str:
    return f"---\ntitle: {title}\ndate: 2026-01-08\n---\n\n" + "\n\n".join(paragraphs) + "\n"


KM = [_article(f"ប្រធានបទ {i}", f"កថាខណ្ឌ {i} ទីមួយ។", f"កថាខណ្ឌ {i} ទីពីរ។") for i in range(8)]
EN = [_article(f"Topic {i}", f"Paragraph {i} one.", f"Paragraph {i} **two**.") for i in range(8)]


def _history(make_site: MakeSite) -> Path:
    """Eight pairs, one for each way a translation's history can go."""
    files = {f"content/km/news/a{i}.md": KM[i] for i in range(8)}
    files |= {f"content/en/news/a{i}.md": EN[i] for i in range(8)}
    config = 'languages = ["km", "en"]\nsource_language = "km"\n'
    root: Path = make_site(files, config=config, git_init=True)
    commit_all(root, "import")

    def edit(lang: str, i: int, old: str, new: str) -> None:
        path = root / "content" / lang / "news" / f"a{i}.md"
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")

    edit("km", 1, "ទីពីរ", "ទីបី")  # a1: source changed → stale
    edit("km", 2, "ទីពីរ", "ទីបី")  # a2: source changed, translation followed → up to date
    edit("km", 3, "ទីពីរ", "ទីបី")  # a3: source changed, translation only reformatted → stale
    edit("km", 4, "ទីពីរ", "ទីបី")  # a4: source changed, translation being edited → up to date
    edit("km", 5, "ទីមួយ។", "ទីមួយ ។")  # a5: Khmer spacing only → up to date
    commit_all(root, "sources")
    edit("en", 2, "two", "three")
    edit("en", 3, "**two**", "*two*")
    edit("en", 3, "*two*", "**two**")
    edit("en", 3, "Paragraph 3 one.", "Paragraph 3\none.")
    edit("en", 6, "one", "uno")  # a6: translation edited, source never → up to date
    commit_all(root, "translations")
    edit("km", 7, "ទីមួយ", "ទីប្រាំ")  # a7: source edited after the translation's edit…
    edit("en", 7, "one", "uno")
    commit_all(root, "both")
    edit("km", 7, "ទីប្រាំ", "ទីប្រាំមួយ")  # …and again since
    commit_all(root, "source again")
    edit("en", 4, "Paragraph 4 one.", "Paragraph 4 first.")  # uncommitted
    write_files(root, {"content/en/news/new.md": EN[0], "content/km/news/new.md": KM[0]})
    return root


def _status(root: Path) -> SiteStatus:
    """A cold status; every fingerprint it cached is checked against the bytes it names."""
    shutil.rmtree(root / ".sastra-cache", ignore_errors=True)
    config = open_config(root)
    with open_tracked_site(config, locate(config.root)) as (site, tracker):
        status = site_status(tracker, site.pairs)
        assert tracker.history is not None
        translatable = config.collection("news").translatable
        truth = {a.blob: article_text(a, translatable).fingerprint for a in site.articles}
        for article in site.articles:
            for version in tracker.history.versions(article.path):
                assert version.blob is not None
                data = tracker.history.read_blob(version.blob)
                assert data is not None
                text = bytes_text(data, article.path, translatable)
                assert text is not None
                truth[version.blob] = text.fingerprint
        namespace = tracker.fp_namespace("news")
        cached = {blob: tracker.cache.get(namespace, blob) for blob in truth}
        on_disk = {a.blob for a in site.articles}
        assert any(cached[blob] for blob in truth if blob not in on_disk)  # committed ones too
        assert all(fp is None or fp == truth[blob] for blob, fp in cached.items())
        return status


def test_prefetch_gives_the_lazy_answers_in_process_and_on_a_pool(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _history(make_site)
    with_prefetch = _status(root)
    states = {str(a.key): a.versions["en"].state for a in with_prefetch.articles}
    assert states == {
        "news/a0": State.UP_TO_DATE,
        "news/a1": State.STALE,
        "news/a2": State.UP_TO_DATE,
        "news/a3": State.STALE,
        "news/a4": State.UP_TO_DATE,
        "news/a5": State.UP_TO_DATE,
        "news/a6": State.UP_TO_DATE,
        "news/a7": State.STALE,
        "news/new": State.UNTRACKED,
    }
    a3 = next(a for a in with_prefetch.articles if a.key.slug == "a3").versions["en"]
    assert a3.changed_paragraphs == (2,)

    asked: list[int] = []
    real = prefetch_module.prefetch

    def lazy(
        tracker: Tracker, pairs: object, jobs: int | None = None, progress: object = None
    ) -> int:
        asked.append(1)
        return 0

    monkeypatch.setattr(site_module, "prefetch", lazy)
    assert _status(root) == with_prefetch
    assert asked

    def on_a_pool(
        tracker: Tracker, pairs: object, jobs: int | None = None, progress: object = None
    ) -> int:
        return real(tracker, pairs, 2)  # type: ignore[arg-type]

    monkeypatch.setattr(site_module, "prefetch", on_a_pool)
    monkeypatch.setattr(prefetch_module, "THRESHOLD", 1)
    assert _status(root) == with_prefetch


def _walk_counter() -> tuple[list[str], Callable[..., object]]:
    """``(walked, counting)``: ``counting`` stands in for ``baseline.find_baseline`` and
    notes the path of every history it walks in ``walked``."""
    from sastra.tracking import baseline

    walked: list[str] = []
    real = baseline.find_baseline

    def counting(history: object, path: str, *rest: object) -> object:
        walked.append(path)
        return real(history, path, *rest)  # type: ignore[arg-type]

    return walked, counting


def _warm_status(root: Path) -> SiteStatus:
    """A status with the caches of the run before (the remembered status aside)."""
    (root / ".sastra-cache" / "status.pickle").unlink(missing_ok=True)
    config = open_config(root)
    with open_tracked_site(config, locate(config.root)) as (site, tracker):
        return site_status(tracker, site.pairs)


def test_remembered_baselines_give_the_walk_s_answers_after_an_edit(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sastra.tracking import baseline

    root = _history(make_site)
    _status(root)  # cold: every baseline walked, and remembered
    config = open_config(root)
    with open_tracked_site(config, locate(config.root)) as (_, tracker):
        assert tracker.cache is not None
        remembered = tracker.cache._data.get(baseline.BASELINES, {})
    assert len(remembered) == 7  # a0–a7 but a4, whose translation is being edited

    source = root / "content" / "km" / "news" / "a0.md"  # a source edited since
    source.write_text(source.read_text("utf-8").replace("ទីមួយ", "ទីដប់"), "utf-8")
    walked, counting = _walk_counter()
    monkeypatch.setattr(baseline, "find_baseline", counting)
    warm = _warm_status(root)
    assert walked == []  # every baseline was remembered
    monkeypatch.undo()
    cold = _status(root)
    assert warm == cold
    a0 = next(a for a in cold.articles if a.key.slug == "a0").versions["en"]
    assert a0.state is State.STALE


def test_remembered_baselines_hold_across_commits_that_leave_the_translation_alone(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A baseline is remembered by the translation's text, with the HEAD it was found at;
    a commit that did not change the translation's file keeps it (with the new HEAD), so
    a cache kept by a CI job holds one entry a translation's text, not one a push."""
    from sastra.tracking import baseline

    root = _history(make_site)
    _status(root)

    def entries() -> dict[object, object]:
        config = open_config(root)
        with open_tracked_site(config, locate(config.root)) as (_, tracker):
            assert tracker.cache is not None
            return dict(tracker.cache._data.get(baseline.BASELINES, {}))

    before = entries()
    assert len(before) == 7
    walked, counting = _walk_counter()
    monkeypatch.setattr(baseline, "find_baseline", counting)

    def commit(edits: dict[str, tuple[str, str]]) -> SiteStatus:
        for rel, (old, new) in edits.items():
            path = root / rel
            path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
        commit_all(root, "more edits")
        walked.clear()
        return _warm_status(root)

    # a source and a translation edited, and a file outside the content
    warm = commit(
        {
            "content/km/news/a6.md": ("ទីមួយ", "ទីដប់"),
            "content/en/news/a0.md": ("one", "first"),
            "sastra.toml": ("", ""),
        }
    )
    # only the translations with new text: a0, and the two the commit took in (a4, being
    # edited, and new.md, not yet committed)
    assert sorted(walked) == [f"content/en/news/{name}.md" for name in ("a0", "a4", "new")]
    monkeypatch.undo()
    assert warm == _cold(root)
    after = entries()
    assert len(after) == 9  # all nine translations (_cold started the cache afresh)
    head = locate(root)
    assert head is not None
    assert {value[0] for value in after.values()} == {head[1]}  # type: ignore[index]
    monkeypatch.setattr(baseline, "find_baseline", counting)
    (root / "README.md").write_text("Two languages.\n", "utf-8")
    assert commit({}) == warm  # no content file changed: nothing walked, nothing added
    assert walked == []
    assert len(entries()) == 9


def test_baselines_an_older_release_kept_by_head_are_dropped(make_site: MakeSite) -> None:
    from sastra.tracking import baseline

    root = _history(make_site)
    _status(root)
    config = open_config(root)
    with open_tracked_site(config, locate(config.root)) as (_, tracker):
        assert tracker.cache is not None
        for old in baseline.RETIRED:
            tracker.cache.put(old, "a key with a HEAD in it", ("0" * 40,))
    with open_tracked_site(config, locate(config.root)) as (_, tracker):
        assert tracker.cache is not None
        assert not any(old in tracker.cache._data for old in baseline.RETIRED)
    with open_tracked_site(config, locate(config.root)) as (_, tracker):  # saved so
        assert tracker.cache is not None
        assert not any(old in tracker.cache._data for old in baseline.RETIRED)
        assert len(tracker.cache._data[baseline.BASELINES]) == 7


def _cold(root: Path) -> SiteStatus:
    shutil.rmtree(root / ".sastra-cache", ignore_errors=True)
    return _warm_status(root)  # (with no cache left to be warm with)


def test_pages_renamed_between_md_and_mdx_get_the_lazy_answers(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same blob is another text as .md (an import line is a paragraph) and as .mdx
    (it is code): every path keys fingerprints by blob and MDX-ness alike."""
    chart = "import Chart from '../components/Chart.astro';\n\n"
    end = "---\n\n"  # the import line follows the frontmatter
    files = {f"content/km/news/b{i}.md": KM[i].replace(end, end + chart, 1) for i in range(3)}
    files |= {f"content/en/news/b{i}.md": EN[i].replace(end, end + chart, 1) for i in range(3)}
    files[".gitignore"] = ".sastra-cache/\n"
    config = 'languages = ["km", "en"]\nsource_language = "km"\n'
    root: Path = make_site(files, config=config, git_init=True)
    commit_all(root, "import")
    _cold(root)  # caches the .md fingerprints of every blob

    def mv(rel: str) -> None:
        import subprocess

        subprocess.run(["git", "mv", rel, rel + "x"], cwd=root, check=True)

    mv("content/km/news/b0.md")  # b0: both become MDX, then the import goes from the source
    mv("content/en/news/b0.md")
    mv("content/km/news/b1.md")  # b1: only the source becomes MDX: its import line is no
    mv("content/en/news/b2.md")  # longer text; b2: only the translation does
    commit_all(root, "pages become MDX")
    km0 = root / "content" / "km" / "news" / "b0.mdx"
    km0.write_text(km0.read_text("utf-8").replace(chart, ""), "utf-8")
    commit_all(root, "the chart import is dropped")

    cached = _warm_status(root)
    states = {str(a.key): a.versions["en"].state for a in cached.articles}
    assert states == {
        "news/b0": State.UP_TO_DATE,
        "news/b1": State.STALE,
        "news/b2": State.UP_TO_DATE,
    }
    b1 = next(a for a in cached.articles if a.key.slug == "b1").versions["en"]
    assert b1.removed_paragraphs == ("import Chart from '../components/Chart.astro';",)
    assert _cold(root) == cached

    monkeypatch.setattr(site_module, "prefetch", lambda *args, **kwargs: 0)
    assert _cold(root) == cached


def test_a_cold_prefetch_reports_each_stage_to_the_progress_line(make_site: MakeSite) -> None:
    root = _history(make_site)
    heard: list[tuple[str, int, int]] = []
    config = open_config(root)
    with open_tracked_site(config, locate(config.root)) as (site, tracker):
        prefetch_module.prefetch(tracker, site.pairs, 1, lambda *call: heard.append(call))
    stages = list(dict.fromkeys(label for label, _, _ in heard))
    assert stages == [
        "fingerprinting files",
        "finding baselines",
        "comparing sources",
        "aligning stale translations",
    ]
    last = {label: (done, total) for label, done, total in heard}
    assert last == {
        "fingerprinting files": (16, 16),  # news/new's pair is a0's bytes again
        "finding baselines": (9, 9),
        # a1, a3, a7 and a5 (other bytes, the same text: only a comparison can tell)
        "comparing sources": (4, 4),
        "aligning stale translations": (3, 3),  # a1, a3, a7
    }


def test_a_run_after_one_edit_reads_in_process_and_a_cold_run_on_the_pool(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool is forked for a stage with enough work (a cold run of 400 pairs), not
    for a run after one edit of a large site (it was, whenever the site was large)."""
    files = {
        f"content/km/news/p{i}.md": KM[i % 8].replace("ប្រធានបទ", f"ទំព័រ {i}") for i in range(400)
    }
    files |= {
        f"content/en/news/p{i}.md": EN[i % 8].replace("Topic", f"Page {i}") for i in range(400)
    }
    files[".gitignore"] = ".sastra-cache/\n"
    config = 'languages = ["km", "en"]\nsource_language = "km"\n'
    root: Path = make_site(files, config=config, git_init=True)
    commit_all(root, "import")
    forks: list[int] = []

    def in_process(pool: object) -> None:
        forks.append(1)  # the pool would be forked here; the work stays in this process
        return None

    monkeypatch.setattr("sastra.parallel.SharedPool._executor", in_process)
    cold = _cold(root)
    assert forks
    forks.clear()
    source = root / "content" / "km" / "news" / "p7.md"
    source.write_text(source.read_text("utf-8").replace("ទីពីរ", "ទីបី"), "utf-8")
    edited = _warm_status(root)
    assert forks == []
    states = [a.versions["en"].state for a in edited.articles]
    assert states.count(State.STALE) == 1 and states.count(State.UP_TO_DATE) == 399
    assert [a.versions["en"].state for a in cold.articles].count(State.UP_TO_DATE) == 400
