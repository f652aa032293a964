"""Dates written as quoted text: what ``hugo new`` writes (``date = '2026-01-15T09:00:00+07:00'``,
a TOML string) and a quoted YAML ``date: "2026-01-16"`` are read as the dates they spell,
on the page, in the lists, the feeds and the sitemap; a date field whose text is not a
date is one ``path:line`` warning, never silence."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from helpers import MakeSite, commit_at, run_cli
from sastra.content.parse import check_fields, parse_text
from sastra.model import as_date

UTC7 = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    ("value", "day"),
    [
        # loaded values: unchanged
        (dt.date(2026, 1, 12), dt.date(2026, 1, 12)),
        (dt.datetime(2026, 1, 12, 23, 30, tzinfo=UTC7), dt.date(2026, 1, 12)),
        # quoted text: ISO 8601 dates and date-times, the day as written
        ("2026-01-16", dt.date(2026, 1, 16)),
        (" 2026-01-16 ", dt.date(2026, 1, 16)),
        ("2026-01-15T09:00:00+07:00", dt.date(2026, 1, 15)),
        ("2026-01-15T23:30:00-05:00", dt.date(2026, 1, 15)),
        ("2026-01-15T02:00:00Z", dt.date(2026, 1, 15)),
        ("2026-01-15t02:00:00z", dt.date(2026, 1, 15)),
        ("2026-01-15T09:00:00.123456789+07:00", dt.date(2026, 1, 15)),
        ("2026-01-15T09:00", dt.date(2026, 1, 15)),
        ("2026-01-15 09:00:00", dt.date(2026, 1, 15)),
        # not a date
        ("2026-02-30", None),
        ("2026-1-5", None),
        ("15/01/2026", None),
        ("2026-01-15 9am", None),
        ("2026-01-15T25:00", None),
        ("២០២៦-០១-១៦", None),
        ("soon", None),
        ("", None),
        (20260116, None),
        (None, None),
    ],
)
def test_a_frontmatter_value_as_a_date(value: object, day: dt.date | None) -> None:
    assert as_date(value) == day


@pytest.mark.parametrize(
    ("frontmatter", "expected"),
    [
        ('date: "2026-01-16"', []),
        ("date: '2026-01-15T09:00:00+07:00'", []),
        ("date: 2026-01-16\nlastmod: 2026-01-20T08:00:00Z", []),
        ("date: 2026-01-16\nlastmod: '2026-01-20T08:00:00Z'", []),
        (
            "date: 2026-01-16\nlastmod: 20/01/2026",
            [
                "a.md:3: warning: 'lastmod' is not a date Sastra can read: '20/01/2026' "
                "(expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, with an offset such as +07:00 "
                "or Z); it is ignored"
            ],
        ),
        (
            'title: x\ndate: "2026-01-16 9am"',
            [
                "a.md:3: warning: 'date' is not a date Sastra can read: '2026-01-16 9am' "
                "(expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, with an offset such as +07:00 "
                "or Z); it is ignored"
            ],
        ),
        (
            "pubDate: Jan 16 2026",
            [
                "a.md:2: warning: 'pubDate' is not a date Sastra can read: 'Jan 16 2026' "
                "(expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, with an offset such as +07:00 "
                "or Z); it is ignored"
            ],
        ),
        # not a date at all: the error it always was, and no second line for it
        ("date: soon", ["a.md:2: 'date' is not a date: 'soon' (expected YYYY-MM-DD)"]),
    ],
)
def test_a_date_field_that_cannot_be_read_is_one_line(
    frontmatter: str, expected: list[str]
) -> None:
    parsed = parse_text(f"---\n{frontmatter}\n---\nText.\n", "a.md")

    diags = check_fields(parsed.meta, parsed.field_lines, "a.md", ())

    assert [str(d) for d in diags] == expected


HUGO_TOML = """defaultContentLanguage = "km"
[languages.km]
contentDir = "content/km"
[languages.en]
contentDir = "content/en"
"""


def _hugo_site(make_site: MakeSite) -> Path:
    files = {"hugo.toml": HUGO_TOML}
    for lang, (a, b, c, d) in {"km": ("ក", "ខ", "គ", "ឃ"), "en": ("A", "B", "C", "D")}.items():
        text = "អត្ថបទ។" if lang == "km" else "Text."
        files |= {
            f"content/{lang}/news/unquoted.md": (
                f"+++\ntitle = '{a}'\ndate = 2026-01-12T09:00:00+07:00\n+++\n{text}\n"
            ),
            f"content/{lang}/news/hugo-new.md": (
                f"+++\ntitle = '{b}'\ndate = '2026-01-15T09:00:00+07:00'\ndraft = false\n"
                f"+++\n{text}\n"
            ),
            f"content/{lang}/news/yaml-quoted.md": (
                f'---\ntitle: "{c}"\ndate: "2026-01-16"\n---\n{text}\n'
            ),
            f"content/{lang}/news/unreadable.md": (
                f'---\ntitle: "{d}"\ndraft: false\ndate: "2026-01-17 9am"\n---\n{text}\n'
            ),
        }
    root = make_site(files, git_init=True)
    commit_at(root, "news in both languages", "2026-01-18T09:00:00+07:00")
    return root


def test_a_hugo_site_shows_and_orders_its_quoted_dates(make_site: MakeSite) -> None:
    root = _hugo_site(make_site)

    result = run_cli("build", "--root", str(root))

    assert result.exit_code == 0, result.stderr
    unread = (
        "warning: 'date' is not a date Sastra can read: '2026-01-17 9am' (expected "
        "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, with an offset such as +07:00 or Z); it is ignored"
    )
    warned = [
        f"content/en/news/unreadable.md:4: {unread}",
        f"content/km/news/unreadable.md:4: {unread}",
    ]
    assert [line for line in result.stderr.splitlines() if "date" in line] == warned
    status = run_cli("status", "--root", str(root))
    assert (status.exit_code, status.stderr.splitlines()[1:]) == (0, warned)
    site = root / "_site"
    times = {
        name: re.findall(r"<time[^<]*</time>", (site / f"km/news/{name}/index.html").read_text())
        for name in ("unquoted", "hugo-new", "yaml-quoted", "unreadable")
    }
    assert times == {
        "unquoted": ['<time datetime="2026-01-12">ថ្ងៃទី១២ ខែមករា ឆ្នាំ២០២៦</time>'],
        "hugo-new": ['<time datetime="2026-01-15">ថ្ងៃទី១៥ ខែមករា ឆ្នាំ២០២៦</time>'],
        "yaml-quoted": ['<time datetime="2026-01-16">ថ្ងៃទី១៦ ខែមករា ឆ្នាំ២០២៦</time>'],
        "unreadable": [],
    }
    index = (site / "en/news/index.html").read_text()
    assert re.findall(r'class="entry-title"[^>]*>([^<]*)', index) == ["C", "B", "A", "D"]
    feed = (site / "en/feed.xml").read_text()
    assert re.findall(r"<title>(\w)</title>\s*<link[^>]*/>\s*<id>[^<]*</id>\s*"
                      r"<updated>([^<]*)</updated>", feed) == [
        ("C", "2026-01-16T00:00:00Z"),
        ("B", "2026-01-15T00:00:00Z"),
        ("A", "2026-01-12T00:00:00Z"),
    ]  # fmt: skip
    sitemap = (site / "sitemap.xml").read_text()
    assert re.findall(r"<loc>(en/news/[^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?", sitemap) == [
        ("en/news/hugo-new/", "2026-01-15"),
        ("en/news/unquoted/", "2026-01-12"),
        ("en/news/unreadable/", ""),
        ("en/news/yaml-quoted/", "2026-01-16"),
    ]


def test_a_quoted_lastmod_dates_the_stale_notice(make_site: MakeSite) -> None:
    root = make_site(
        {
            "content/km/news/rice.md": "---\ntitle: ស្រូវ\n---\nកសិករប្រមូលផលស្រូវ។\n",
            "content/en/news/rice.md": "---\ntitle: Rice\n---\nFarmers harvest rice.\n",
        },
        git_init=True,
    )
    commit_at(root, "news: rice harvest in both languages", "2026-01-02T08:00:00+07:00")
    (root / "content/km/news/rice.md").write_text(
        "+++\ntitle = 'ស្រូវ'\nlastmod = '2026-01-20T08:00:00+07:00'\n+++\nកសិករប្រមូលផលស្រូវលើសឆ្នាំមុន។\n",
        "utf-8",
    )
    commit_at(root, "news: the Khmer text gives this year's harvest", "2026-02-03T08:00:00+07:00")

    result = run_cli("build", "--root", str(root))

    assert result.exit_code == 0, result.stderr
    en = (root / "_site/en/news/rice/index.html").read_text("utf-8")
    assert "The Khmer original was updated on 20 January 2026" in en
