"""`i18n status --format html -o FILE`: one self-contained page a team can publish."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

from helpers import copy_sample_site, run_cli
from sastra.render.assets import font_files


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("href", "src")]


def test_the_dashboard_is_one_offline_page(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    out = tmp_path / "public" / "status.html"
    out.parent.mkdir()
    result = run_cli("status", "--root", str(root), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"i18n: wrote {out}" in result.stderr.splitlines()
    page = out.read_text("utf-8")
    parser = _Page()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert parser.refs == []  # nothing to fetch: works offline and from file://
    assert not re.search(r"""url\((?!["']?data:)""", page)
    # the bundled Khmer font, embedded
    found = font_files()
    assert found is not None
    embedded = re.search(r'url\("data:font/(?:ttf|woff2);base64,([A-Za-z0-9+/=]+)"\)', page)
    assert embedded is not None
    assert base64.b64decode(embedded.group(1)) == found[0].read_bytes()
    # per-language progress, stale with its change kind and diff, the missing ones
    assert (
        '<li lang="en"><span class="bar" title="62%"><span style="width: 62%"></span></span>'
        "en 5/8 up to date · 1 stale · 1 missing · 1 untracked</li>"
    ) in page
    assert (
        "<span>changed in the source since the baseline from frontmatter: "
        "paragraph 3 (edited), paragraph 4 (numbers)</span>"
    ) in page
    assert 'មាន <span class="chg">១៨</span> ទីតាំង' in page
    assert (
        '<tr class="missing"><td class="lang">en</td><td class="key">'
        "news/digital-skills-training-takeo</td><td>translate from km: "
        "<code>content/km/news/digital-skills-training-takeo.md</code></td></tr>"
    ) in page


def test_the_dashboard_goes_to_stdout_and_output_needs_a_document(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    result = run_cli("status", "--root", str(root), "--format", "html")
    assert result.stdout.startswith("<!DOCTYPE html>\n")
    refused = run_cli("status", "--root", str(root), "-o", str(tmp_path / "x.txt"))
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        "i18n: error: -o/--output writes a document: use it with --format json or html"
    )
