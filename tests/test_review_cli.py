"""``i18n review`` as a user runs it: the side-by-side view, --all, JSON, --check, --ignore,
--html, the sample site, and the stale diff after ``i18n mark``."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import REPO, article, run_cli

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n\n[tracking]\ngit = false\n'
KM_BODY = (
    "ភ្នំពេញ៖ នៅថ្ងៃទី៣ ខែធ្នូ ឆ្នាំ២០២៥ ក្រសួងបានដាក់ឱ្យដំណើរការវិបផតថលទិន្នន័យបើកចំហ "
    "ដែលមានសំណុំទិន្នន័យចំនួន ៣៦។\n\n"
    "ទិន្នន័យទាំងនេះរួមមាន ចំនួនការិយាល័យប្រៃសណីយ៍ តាមខេត្ត។\n\n"
    "![រូបភាពទី១](img/portal.jpg)\n"
)
EN_BODY = (
    "Phnom Penh, 3 December 2025. The ministry launched an open data portal with 38 datasets."
    "\n\nThe data include the number of post offices by province.\n"
)


def site_files(en_title: str = "Open data portal", en_extra: str = "") -> dict[str, str]:
    return {
        "content/km/news/portal.md": article("វិបផតថលទិន្នន័យបើកចំហ", KM_BODY, date="2025-12-03"),
        "content/en/news/portal.md": article(en_title, EN_BODY + en_extra, date="2025-12-03"),
    }


def test_review_key_shows_both_versions_with_findings_at_their_paragraph(
    make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")
    root = make_site(site_files(), CONFIG)
    result = run_cli("review", "news/portal", "--root", str(root))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "km  content/km/news/portal.md" in out
    assert "en  content/en/news/portal.md" in out
    assert "¶1 · line 6" in out and "ក្រសួងបានដាក់ឱ្យដំណើរការ" in out and "open data portal" in out
    assert "[numbers-mismatch] the en paragraph 1 says 38 where the km paragraph 1 says" in out
    assert "[image-missing] image img/portal.jpg is in the km version but not in the en" in out
    assert "🖼 img/portal.jpg" in out


def test_check_exits_1_on_errors_and_ignore_removes_them(make_site: Callable[..., Path]) -> None:
    root = make_site(site_files(), CONFIG)
    assert run_cli("review", "--all", "--root", str(root)).exit_code == 0
    assert run_cli("review", "--all", "--check", "--root", str(root)).exit_code == 1
    kept = run_cli("review", "--all", "--check", "--ignore", "image-missing", "--root", str(root))
    assert kept.exit_code == 1, kept.output  # 38 datasets where the Khmer says ៣៦
    assert "numbers-mismatch" in kept.stdout and "image-missing" not in kept.stdout
    assert "1 accepted" in kept.stdout
    both = "image-missing,numbers-mismatch"
    accepted = run_cli("review", "--all", "--check", "--ignore", both, "--root", str(root))
    assert accepted.exit_code == 0, accepted.output
    assert "2 accepted" in accepted.stdout


def test_l10n_ignore_in_the_article_accepts_a_finding(make_site: Callable[..., Path]) -> None:
    files = site_files()
    files["content/en/news/portal.md"] = files["content/en/news/portal.md"].replace(
        "date: 2025-12-03", "date: 2025-12-03\nl10n:\n  ignore: [image-missing, numbers-*]"
    )
    root = make_site(files, CONFIG)
    result = run_cli("review", "--all", "--check", "--format", "json", "--root", str(root))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["pairs"][0]["findings"] == []
    assert doc["pairs"][0]["ignored"] == 2


def test_json_document(make_site: Callable[..., Path]) -> None:
    root = make_site(site_files(en_title="វិបផតថលទិន្នន័យ"), CONFIG)
    result = run_cli("review", "--all", "--format", "json", "--root", str(root))
    doc = json.loads(result.stdout)
    (pair,) = doc["pairs"]
    assert pair["key"] == "news/portal" and pair["source"] == "km"
    assert pair["paths"] == {"km": "content/km/news/portal.md", "en": "content/en/news/portal.md"}
    wrong = [f for f in pair["findings"] if f["code"] == "wrong-language"]
    assert wrong == [
        {
            "code": "wrong-language",
            "severity": "error",
            "message": "Khmer text in the en title (100% of its letters): «វិបផតថលទិន្នន័យ»",
            "lang": "en",
            "path": "content/en/news/portal.md",
            "line": 2,
            "field": "title",
            "other": {"path": "content/km/news/portal.md", "line": 2},
        }
    ]
    assert doc["summary"]["error"] == pair["counts"]["error"] >= 2
    assert doc["summary"]["by_code"]["numbers-mismatch"] == 1


def test_usage_errors_exit_2(make_site: Callable[..., Path]) -> None:
    root = make_site(site_files(), CONFIG)
    assert run_cli("review", "--root", str(root)).exit_code == 2
    assert run_cli("review", "news/portal", "--all", "--root", str(root)).exit_code == 2
    missing = run_cli("review", "news/nothing", "--root", str(root))
    assert missing.exit_code == 2
    assert "no article 'news/nothing'" in missing.stderr
    unknown = run_cli("review", "--all", "--ignore", "no-such-code", "--root", str(root))
    assert "--ignore no-such-code: no finding has this code" in unknown.stderr


class _Checker(HTMLParser):
    """Well-formedness of the tags that matter, and every URL the page refers to."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.urls: list[str] = []
        self.ids: list[str] = []
        self.codes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.urls.append(values[name] or "")
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if values.get("data-code"):
            self.codes.append(values["data-code"] or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


def test_html_page_is_standalone_and_well_formed(
    make_site: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_site(site_files(), CONFIG)
    out = tmp_path / "review.html"
    result = run_cli("review", "news/portal", "--html", str(out), "--root", str(root))
    assert result.exit_code == 0
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    checker = _Checker()
    checker.feed(page)
    assert checker.stack == []
    assert all(url.startswith("#") for url in checker.urls), checker.urls
    assert len(checker.ids) == len(set(checker.ids))
    assert "numbers-mismatch" in checker.codes and "image-missing" in checker.codes
    assert '<td class="has-error" lang="km">' in page
    assert "ក្រសួងបានដាក់ឱ្យដំណើរការវិបផតថលទិន្នន័យបើកចំហ" in page
    # the bundled Noto Sans Khmer travels in the page, so Khmer shows offline
    from sastra.render.assets import font_files

    found = font_files()
    assert found is not None
    embedded = re.search(r'src: url\("data:font/ttf;base64,([A-Za-z0-9+/=]+)"\)', page)
    assert embedded is not None and base64.b64decode(embedded[1]) == found[0].read_bytes()
    assert "http://" not in page and "https://" not in page


def test_index_page_lists_pairs_with_counts(make_site: Callable[..., Path]) -> None:
    from sastra.report.review_html import review_index_html
    from sastra.review import review_all
    from sastra.workspace import open_site, tracker_for

    root = make_site(site_files(), CONFIG)
    site = open_site(root, use_cache=False)
    reviews = review_all(tracker_for(site), site.pairs)
    page = review_index_html(reviews, href=lambda key: f"/__review/{key}")
    checker = _Checker()
    checker.feed(page)
    assert checker.stack == []
    assert checker.urls == ["/__review/news/portal"]
    assert re.search(r'<tr data-key="news/portal" data-errors="(\d+)">', page)


def test_stale_translation_shows_the_changed_paragraph_and_the_diff(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(site_files(), CONFIG)
    assert run_cli("mark", "en", "news/portal", "--root", str(root)).exit_code == 0
    km = root / "content/km/news/portal.md"
    km.write_text(km.read_text("utf-8").replace("តាមខេត្ត", "តាមខេត្ត និងក្រុង"), "utf-8")
    result = run_cli("review", "news/portal", "--format", "json", "--root", str(root))
    findings = json.loads(result.stdout)["pairs"][0]["findings"]
    stale = [f for f in findings if f["code"] == "stale"]
    assert len(stale) == 1
    assert stale[0]["message"].endswith("(frontmatter): paragraph 2")
    assert "+ទិន្នន័យទាំងនេះរួមមាន ចំនួនការិយាល័យប្រៃសណីយ៍ តាមខេត្ត និងក្រុង។" in stale[0]["diff"]
    (changed,) = [f for f in findings if f["code"] == "stale-paragraph"]
    assert (changed["path"], changed["line"], changed["paragraph"]) == (
        "content/km/news/portal.md",
        8,
        2,
    )
    assert changed["other"] == {"path": "content/en/news/portal.md", "line": 11, "paragraph": 2}


def test_sample_site_review_finds_the_stale_translation_and_the_numbers_slip() -> None:
    result = run_cli("review", "--all", "--check", "--format", "json", "--root", str(REPO))
    assert result.exit_code == 1, result.stderr  # 38 datasets in English, ៣៦ in Khmer
    doc = json.loads(result.stdout)
    found = sorted(
        (p["key"], f["code"], f["severity"]) for p in doc["pairs"] for f in p["findings"]
    )
    assert found == [
        ("news/ctc-progress-review-2026", "sentence-missing", "warning"),
        ("news/ctc-working-group-2025", "name-spelling", "error"),  # Mao Sila, a listed variant
        ("news/ctc-working-group-2025", "stale", "warning"),
        ("news/ctc-working-group-2025", "stale-paragraph", "info"),
        ("news/ctc-working-group-2025", "stale-paragraph", "info"),
        ("news/open-data-portal", "numbers-mismatch", "error"),
    ]
    ignored = run_cli(
        "review", "--all", "--check", "--ignore", "numbers-*,name-spelling", "--root", str(REPO)
    )
    assert ignored.exit_code == 0, ignored.stdout  # warnings never fail --check…
    strict = run_cli(
        "review",
        "--all",
        "--check",
        "--strict",
        "--ignore",
        "numbers-*,name-spelling",
        "--root",
        str(REPO),
    )
    assert strict.exit_code == 1, strict.stdout  # …unless --strict


def test_html_page_counts_findings_in_words(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = run_cli("review", "news/open-data-portal", "--html", str(out), "--root", str(REPO))
    assert result.exit_code == 0, result.stderr
    page = out.read_text("utf-8")
    assert '<span class="warning" data-severity="warning">0 warnings</span>' in page
    assert '<span class="error" data-severity="error">1 error</span>' in page
