"""A site's name and its collections' titles from sastra.toml, data fields on entry pages,
and drafts left out of the site: what a reader of the built pages sees."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import article, run_cli
from sastra.errors import ConfigError
from sastra.model import Article, Key
from sastra.render.build import build
from sastra.render.fields import data_fields, humanize, shown_fields
from sastra.workspace import open_config, open_site

BASE = 'languages = ["km", "en"]\nsource_language = "km"\n[tracking]\ngit = false\n'
NEWS = {
    "content/km/news/a.md": article("ព័ត៌មាន ក", "ក។", date="2026-01-08"),
    "content/en/news/a.md": article("News A", "A.", date="2026-01-08"),
}


def _read(root: Path, rel: str) -> str:
    return (root / "_site" / rel).read_text("utf-8")


def test_site_and_collection_titles_per_language(make_site: Callable[..., Path]) -> None:
    config = BASE + (
        '[site]\ntitle.km = "ក្រសួងប្រៃសណីយ៍"\ntitle.en = "Ministry of Posts"\n'
        '[collections.news]\ntitle.km = "ព័ត៌មាន"\ntitle.en = "News"\n'
    )
    root = make_site(NEWS, config)

    result = build(open_site(root))

    assert result.warnings == ()
    km = _read(root, "km/news/a/index.html")
    assert "<title>ព័ត៌មាន ក · ក្រសួងប្រៃសណីយ៍</title>" in km
    assert '<a class="site-name" href="../../">ក្រសួងប្រៃសណីយ៍</a>' in km
    assert '<meta property="og:site_name" content="ក្រសួងប្រៃសណីយ៍">' in km
    assert "<title>News A · Ministry of Posts</title>" in _read(root, "en/news/a/index.html")
    assert "<h1>ព័ត៌មាន</h1>" in _read(root, "km/news/index.html")
    assert "<h1>News</h1>" in _read(root, "en/news/index.html")
    assert "<title>ក្រសួងប្រៃសណីយ៍</title>" in _read(root, "index.html")


def test_one_title_for_every_language_and_none_at_all(make_site: Callable[..., Path]) -> None:
    root = make_site(NEWS, BASE + '[site]\ntitle = "Sastra News"\n')
    build(open_site(root))
    assert "<title>ព័ត៌មាន ក · Sastra News</title>" in _read(root, "km/news/a/index.html")

    bare = make_site(NEWS, BASE)
    build(open_site(bare))
    km = _read(bare, "km/news/a/index.html")
    assert "<title>ព័ត៌មាន ក</title>" in km and "og:site_name" not in km
    assert '<a class="site-name" href="../../">ទំព័រដើម</a>' in km


def test_an_untitled_collection_is_named_in_words_and_warned_about(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(
        {
            "content/km/national-board-member/chan.md": article("ចាន់", "ក។"),
            "content/en/national-board-member/chan.md": article("Chan", "A."),
        },
        BASE,
    )

    result = build(open_site(root))

    assert "<h1>National board member</h1>" in _read(root, "km/national-board-member/index.html")
    assert "<h1>National board member</h1>" in _read(root, "en/national-board-member/index.html")
    assert [str(w) for w in result.warnings] == [
        "sastra.toml: warning: collection 'national-board-member' has no km title; its km "
        "index is titled 'National board member' (set title.km in "
        "[collections.national-board-member])"
    ]


def test_a_common_collection_name_is_titled_by_the_shipped_catalogs(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(NEWS, BASE)
    result = build(open_site(root))
    assert result.warnings == ()
    assert "<h1>ព័ត៌មាន</h1>" in _read(root, "km/news/index.html")
    assert "<h1>News</h1>" in _read(root, "en/news/index.html")


def test_base_url_from_site_makes_feeds_absolute_and_its_absence_is_said(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(NEWS, BASE + '[site]\nbase_url = "https://post.example.gov.kh/"\n')
    result = run_cli("build", "--root", str(root))
    assert "base_url" not in result.stderr
    assert "https://post.example.gov.kh/km/news/a/" in _read(root, "sitemap.xml")

    bare = make_site(NEWS, BASE)
    result = run_cli("build", "--root", str(bare))
    assert [line for line in result.stderr.splitlines() if "base_url" in line] == [
        "no base_url in [site]: the sitemap and feeds use relative addresses "
        "(set base_url to the published address to make them absolute)"
    ]


def _links(html: str) -> list[str]:
    """Every ``href``/``src``/``content`` address of a page, with the tag's ``rel`` or
    ``property`` when it has one: ``canonical https://…``, ``- ../../``."""
    found = []
    for tag in re.findall(r"<(?:a|link|img|script|meta)\b[^>]*>", html):
        kind = re.search(r'(?:rel|property)="([^"]+)"', tag)
        for value in re.findall(r'(?:href|src|content)="([^"]*)"', tag):
            if "/" in value or value.startswith(("#", ".")):
                found.append(f"{kind.group(1) if kind else '-'} {value}")
    return found


def test_base_url_makes_only_the_published_addresses_absolute(
    make_site: Callable[..., Path],
) -> None:
    """``i18n serve``, a copy of ``_site/`` and ``file://`` keep every link, stylesheet
    and image on the copy at hand; the canonical link, alternates and og:image name the
    published address; a 404 page, shown at any address, links from the site's path."""
    files = {
        "content/km/news/a.md": article("ព័ត៌មាន ក", "ក។", date="2026-01-08", image="a.png"),
        "content/en/news/a.md": article("News A", "A.", date="2026-01-08", image="a.png"),
        "content/km/news/a.png": b"\x89PNG\r\n\x1a\n",
        "content/en/news/a.png": b"\x89PNG\r\n\x1a\n",
    }
    site = '[site]\nbase_url = "https://post.example.gov.kh/docs/"\n'
    root = make_site(files, BASE + site)
    build(open_site(root))

    assert _links(_read(root, "en/news/a/index.html")) == [
        "canonical https://post.example.gov.kh/docs/en/news/a/",
        "alternate https://post.example.gov.kh/docs/km/news/a/",
        "alternate https://post.example.gov.kh/docs/en/news/a/",
        "alternate https://post.example.gov.kh/docs/km/news/a/",
        "alternate ../../feed.xml",
        "og:url https://post.example.gov.kh/docs/en/news/a/",
        "og:image https://post.example.gov.kh/docs/assets/content/en/news/a.png",
        "stylesheet ../../../assets/site.css",
        "- #main",
        "- ../../",
        "- ../../../km/news/a/",
        "- ../../../assets/content/en/news/a.png",
        "- ../../feed.xml",
        "- ../../../assets/fonts/NotoSansKhmer-OFL.txt",
    ]
    assert '<meta http-equiv="refresh" content="0; url=km/">' in _read(root, "index.html")
    assert '<link rel="stylesheet" href="/docs/assets/site.css">' in _read(root, "404.html")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[site]\ntitle.fr = "Site"\n', "'title.fr': 'fr' is not one of the languages"),
        ("[site]\ntitle = 3\n", "'title' must be a string or a table"),
        ('[site]\nname = "x"\n', "unknown key 'name' in [site]"),
        ("[collections.news]\nfields = [1]\n", "'fields': expected a list of field paths"),
    ],
)
def test_config_mistakes_are_one_line_each(
    make_site: Callable[..., Path], config: str, message: str
) -> None:
    root = make_site(NEWS, BASE + config)
    try:
        found = [str(w) for w in open_config(root).warnings]
    except ConfigError as exc:
        found = [str(d) for d in exc.diagnostics]
    assert len(found) == 1 and message in found[0], found
    assert re.match(r"sastra\.toml:\d+: ", found[0])


def _entry(meta: dict[str, object]) -> Article:
    return Article(
        key=Key("schools", "takeo"),
        lang="km",
        path="content/km/schools/takeo.md",
        meta=meta,
        body="",
        body_line=1,
    )


def test_fields_of_a_school_on_khmer_and_english_pages() -> None:
    school = _entry(
        {
            "address": "ផ្ទះលេខ 12 ផ្លូវ 107",
            "phoneNumber": "023 456 789",
            "contact": {"email": "takeo@example.gov.kh", "mapUrl": "https://maps.example/t"},
            "students": 1250,
            "founded": dt.date(1962, 10, 1),
            "staff": [{"name": "សុខ ចាន់ធី", "role": "នាយក"}, {"name": "កែវ សុភា"}],
            "empty": "",
        }
    )
    paths = ("address", "phoneNumber", "contact.email", "contact.mapUrl", "students",
             "founded", "staff", "empty", "missing")  # fmt: skip
    km = data_fields(school, "km", paths, {"contact.mapUrl": "Map"}, lambda _: None)
    shown = [(f["label"], f["kind"], f["value"], f["href"]) for f in km]
    assert shown == [
        ("Address", "text", "ផ្ទះលេខ ១២ ផ្លូវ ១០៧", None),
        ("Phone number", "phone", "០២៣ ៤៥៦ ៧៨៩", "tel:023456789"),
        ("Email", "email", "takeo@example.gov.kh", "mailto:takeo@example.gov.kh"),
        ("Map", "url", "https://maps.example/t", "https://maps.example/t"),
        ("Students", "number", 1250, None),
        ("Founded", "date", dt.date(1962, 10, 1), None),
        ("Staff", "list", None, None),
    ]
    staff = [[(p["label"], p["value"]) for p in row] for row in km[-1]["rows"]]
    assert staff == [[("Name", "សុខ ចាន់ធី"), ("Role", "នាយក")], [("Name", "កែវ សុភា")]]
    en = data_fields(school, "en", ("address", "phoneNumber"), {}, lambda _: None)
    assert [f["value"] for f in en] == ["ផ្ទះលេខ 12 ផ្លូវ 107", "023 456 789"]


def test_an_entry_without_a_body_shows_its_own_data_when_none_is_configured() -> None:
    member = _entry({"name": "ចាន់", "role": "ប្រធាន", "photo": "a.jpg", "draft": False, "l10n": {}})
    assert shown_fields((), member) == ("role", "photo")
    assert shown_fields(("photo",), member) == ("photo",)
    with_body = dataclasses.replace(member, body="អត្ថបទ។")
    assert shown_fields((), with_body) == ()


def test_an_image_field_without_a_published_file_is_left_out() -> None:
    member = _entry({"photo": "@/assets/board/a.jpg", "role": "ប្រធាន"})
    fields = data_fields(member, "km", ("photo", "role"), {}, lambda _: None)
    assert [f["kind"] for f in fields] == ["text"]
    found = data_fields(
        member, "km", ("photo",), {}, lambda v: "../../assets/" + v.removeprefix("@/assets/")
    )
    assert [(f["kind"], f["href"]) for f in found] == [("image", "../../assets/board/a.jpg")]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("phoneNumber", "Phone number"),
        ("national-board-member", "National board member"),
        ("map_url", "Map url"),
        ("PDF", "PDF"),
        ("news", "News"),
    ],
)
def test_humanize(name: str, words: str) -> None:
    assert humanize(name) == words


def test_a_draft_translation_is_left_out_and_its_counterpart_says_not_translated(
    make_site: Callable[..., Path],
) -> None:
    files = {
        **NEWS,
        "content/en/news/a.md": article("News A", "A.", date="2026-01-08", draft="true"),
    }
    root = make_site(files, BASE)

    result = build(open_site(root))

    assert [(w.path, w.reason) for w in result.withheld] == [("content/en/news/a.md", "draft")]
    assert not (root / "_site/en/news/a").exists()
    km = _read(root, "km/news/a/index.html")
    assert 'rel="alternate" hreflang' not in km
    assert "(not translated yet)" in km
    assert "en/news/a/" not in _read(root, "sitemap.xml")
    assert "News A" not in _read(root, "en/feed.xml")
    with_drafts = build(open_site(root), drafts=True)
    assert with_drafts.withheld == ()
    assert (root / "_site/en/news/a/index.html").is_file()
