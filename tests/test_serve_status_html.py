"""The HTML view of ``i18n status``: what a translator reads at /__sastra/status."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sastra.model import ArticleStatus, BaselineKind, Key, SiteStatus, State, VersionStatus
from sastra.report.status_html import status_html


def _status() -> SiteStatus:
    stale = ArticleStatus(
        Key("news", "budget <2025>"),
        "km",
        {
            "km": VersionStatus("km", State.SOURCE, "content/km/news/budget <2025>.md"),
            "en": VersionStatus(
                "en",
                State.STALE,
                "content/en/news/budget <2025>.md",
                BaselineKind.FRONTMATTER,
                "8774dd7aa",
                changed_paragraphs=(2, 5),
                changed_fields=("title",),
                diff="--- a\n+++ b\n-ថវិកា ១០០ លាន\n+ថវិកា ១២០ លាន & <b>",
            ),
        },
    )
    missing = ArticleStatus(
        Key("", "about"),
        "km",
        {
            "km": VersionStatus("km", State.SOURCE, "content/km/about.md"),
            "en": VersionStatus("en", State.MISSING),
        },
    )
    done = ArticleStatus(
        Key("news", "water"),
        "km",
        {
            "km": VersionStatus("km", State.SOURCE, "content/km/news/water.md"),
            "en": VersionStatus(
                "en", State.UP_TO_DATE, "content/en/news/water.md", BaselineKind.FRONTMATTER
            ),
        },
    )
    return SiteStatus((stale, missing, done), ("km", "en"))


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_sections_progress_and_details() -> None:
    page = status_html(_status(), root="/srv/site")
    parsed = _Collector()
    parsed.feed(page)
    text = re.sub(r"\s+", " ", " ".join(parsed.text))
    assert "en 1/3 up to date · 1 stale · 1 missing" in text
    assert "km: source language of every article" in text
    assert "Stale: the source changed since the translation was synced (1)" in text
    assert "Missing: no translation yet (1)" in text
    assert "Up to date (1)" in text
    assert "Untracked" not in text  # no empty sections
    assert (
        "changed in the source since the baseline from frontmatter at 8774dd7: "
        "fields title; paragraphs 2, 5" in text
    )
    assert "translate from km: content/km/about.md" in text
    # sections in the order a translator works through them
    assert text.index("Stale:") < text.index("Missing:") < text.index("Up to date (")


def test_everything_from_the_site_is_escaped() -> None:
    page = status_html(_status(), root="/srv/<site>")
    assert "<2025>" not in page and "<b>" not in page and "<site>" not in page
    assert "news/budget &lt;2025&gt;" in page
    # the pieces that changed inside the paragraph (a number whole) are marked (.chg), and escaped
    added = '+ថវិកា <span class="chg">១២០</span> លាន<span class="chg"> &amp; &lt;b&gt;</span>'
    assert f'<span class="add">{added}</span>' in page
    assert '<span class="del">-ថវិកា <span class="chg">១០០</span> លាន</span>' in page


def test_standalone_no_script_no_external_url() -> None:
    page = status_html(_status(), root="/srv/site")
    parsed = _Collector()
    parsed.feed(page)
    assert "script" not in parsed.tags and "link" not in parsed.tags
    assert parsed.urls == []
    # the only url() is the Khmer font, embedded as a data: URL
    outside = re.sub(r'url\("data:font/[a-z0-9]+;base64,[A-Za-z0-9+/=]*"\)', "", page)
    assert outside.count("url(") == 0 and "http" not in outside
    assert outside != page


def test_keys_link_to_review_pages_when_asked() -> None:
    page = status_html(_status(), root="/r", review_href=lambda key: f"/review/{key}?a=1&b=2")
    parsed = _Collector()
    parsed.feed(page)
    assert parsed.urls == [
        "/review/news/budget <2025>?a=1&b=2",  # the parser unescapes: the page holds &lt;
        "/review/about?a=1&b=2",
        "/review/news/water?a=1&b=2",
    ]
    assert 'href="/review/about?a=1&amp;b=2"' in page


def test_no_articles() -> None:
    page = status_html(SiteStatus((), ("km", "en")), root="/r")
    assert '<p class="empty">No articles.</p>' in page
