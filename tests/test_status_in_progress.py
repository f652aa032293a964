"""A translation made by `i18n new` is `in_progress` until its TRANSLATE: markers are
gone: status says so, `--check` fails on it, and the build withholds it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import REPO, MakeSite, article, commit_at, copy_sample_site, git, run_cli

KEY = "news/digital-skills-training-takeo"
PATH = "content/en/news/digital-skills-training-takeo.md"


def _started(tmp_path: Path) -> Path:
    root = copy_sample_site(tmp_path)
    shutil.copytree(REPO / "assets", root / "assets")  # the photos the pages show
    made = run_cli("new", "en", KEY, "--root", str(root))
    assert made.exit_code == 0, made.stderr
    return root


def _state(root: Path) -> str:
    doc = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    article = next(a for a in doc["articles"] if a["slug"] == "digital-skills-training-takeo")
    state: str = article["versions"]["en"]["state"]
    return state


def test_a_new_translation_is_in_progress_until_translated(tmp_path: Path) -> None:
    root = _started(tmp_path)
    assert _state(root) == "in_progress"
    table = run_cli("status", "--root", str(root)).stdout
    assert "en 5/8 up to date · 1 stale · 1 in progress · 1 untracked" in table
    assert "In progress: still has TRANSLATE: markers from `i18n new` (1)" in table
    assert f"  en  {KEY}  {PATH}" in table
    assert run_cli("status", "--root", str(root), "--check").exit_code == 1
    # The translator replaces every marker: now it is a translation like any other.
    file = root / PATH
    text = file.read_text("utf-8")
    lines = [line for line in text.split("\n") if "<!-- TRANSLATE:" not in line]
    file.write_text("\n".join(lines).replace("TRANSLATE: ", ""), "utf-8")
    assert _state(root) == "up_to_date"


def test_the_build_withholds_it_unless_drafts(tmp_path: Path) -> None:
    root = _started(tmp_path)
    page = root / "_site" / "en" / "news" / "digital-skills-training-takeo" / "index.html"
    built = run_cli("build", "--root", str(root))
    assert built.exit_code == 0, built.stderr
    assert (
        f"{PATH}:2: warning: not published: a translation in progress (TRANSLATE: markers"
        " from `i18n new`); `i18n build --drafts` publishes it"
    ) in built.stderr.splitlines()
    lines = (root / PATH).read_text("utf-8").split("\n")
    assert lines[1].startswith("title: ") and "TRANSLATE:" in lines[1]
    # the fields translated, the line named is the body's first marker
    fields_done = [
        line.replace("TRANSLATE: ", "") if n < 8 else line for n, line in enumerate(lines)
    ]
    (root / PATH).write_text("\n".join(fields_done), "utf-8")
    first = next(n for n, line in enumerate(fields_done, 1) if "TRANSLATE:" in line)
    again = run_cli("build", "--root", str(root))
    assert f"{PATH}:{first}: warning: not published" in again.stderr, again.stderr
    assert first > 8
    assert not page.exists()
    quiet = run_cli("build", "-q", "--root", str(root))  # results and errors only
    assert quiet.exit_code == 0 and "not published" not in quiet.stderr, quiet.stderr
    drafts = run_cli("build", "--root", str(root), "--drafts")
    assert drafts.exit_code == 0, drafts.stderr
    assert "not published" not in drafts.stderr
    assert page.is_file()


def test_words_shows_what_is_left_to_translate_in_progress_too(make_site: MakeSite) -> None:
    root = make_site(
        {"content/km/news/rice.md": article("ស្រូវ", "កសិករប្រមូលផលស្រូវ។\n")},
        'languages = ["km", "en", "fr"]\nsource_language = "km"\n',
    )
    assert run_cli("new", "en", "news/rice", "--root", str(root)).exit_code == 0
    table = run_cli("status", "--root", str(root), "--words").stdout.splitlines()
    assert table[-5:] == [
        "In progress: still has TRANSLATE: markers from `i18n new` (1)",
        "  en  news/rice  content/en/news/rice.md  ~5 source words",
        "",
        "Missing: no translation yet (1)",
        "  fr  news/rice  translate from km: content/km/news/rice.md  ~5 source words",
    ]


def test_words_of_a_stale_translation_are_those_of_the_changed_paragraphs(
    make_site: MakeSite,
) -> None:
    """One number changed in a four-paragraph source: the work is that paragraph's words
    (the whole source is what a missing translation shows)."""
    long = "The money goes to teachers' pay and new classrooms in every province.\n\n"
    root = make_site(
        {
            "content/en/news/budget.md": article(
                "Budget", "The budget is up 8 percent.\n\n" + long * 3
            ),
            "content/km/news/budget.md": article("ថវិកា", "ថវិកាកើនឡើង ៨ ភាគរយ។\n"),
        },
        'languages = ["en", "km", "fr"]\nsource_language = "en"\n',
        git_init=True,
    )
    commit_at(root, "budget news", "2026-02-16T09:00:00+07:00")
    source = root / "content/en/news/budget.md"
    source.write_text(source.read_text("utf-8").replace("8 percent", "9 percent"), "utf-8")
    commit_at(root, "budget: 9 percent", "2026-02-17T09:00:00+07:00")

    table = run_cli("status", "--root", str(root), "--words").stdout.splitlines()
    assert [line.strip() for line in table if "source words" in line] == [
        "changed in the source since the baseline from git at "
        f"{git(root, 'rev-parse', '--short=7', 'HEAD~1').strip()}: paragraph 1 (numbers)"
        "  ~6 source words changed",
        "fr  news/budget  translate from en: content/en/news/budget.md  ~43 source words",
    ]
    doc = json.loads(run_cli("status", "--root", str(root), "--words", "--format", "json").stdout)
    (budget,) = doc["articles"]
    assert (budget["source_words"], budget["versions"]["km"]["changed_words"]) == (43, 6)
