"""Where a page is published and where a link leads: the one rule render and review share."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import write_files
from sastra.addresses import from_page, is_relative, leaves_site, ref_page, url_for
from sastra.config.load import load_config
from sastra.config.model import Config
from sastra.model import Key
from sastra.render.assets import link_target
from sastra.review.checks_media import link_key


@pytest.mark.parametrize(
    ("href", "leaves", "relative"),
    [
        ("../welcome/", False, True),
        ("report.pdf", False, True),
        ("./", False, True),
        ("/km/news/x/", False, False),
        ("#contacts", False, False),
        ("?lang=km", False, False),
        ("", False, False),
        ("https://moeys.example/km/", True, False),
        ("mailto:info@moeys.example", True, False),
        ("tel:+85523123456", True, False),
        ("//cdn.example/x/", True, False),
    ],
)
def test_what_kind_of_link(href: str, leaves: bool, relative: bool) -> None:
    assert (leaves_site(href), is_relative(href)) == (leaves, relative)


@pytest.mark.parametrize(
    ("folder", "href", "resolved"),
    [
        ("en/news/reg", "../welcome/", "en/news/welcome"),
        ("en/news/reg", "./photo.jpg", "en/news/reg/photo.jpg"),
        ("en/news/reg", "../../", "en"),
        ("/en/news/reg/", "../x/", "/en/news/x"),
        ("/en/", "../../../x", "/x"),  # above the root of an absolute address stays at it
    ],
)
def test_a_relative_link_is_read_from_the_page_folder(
    folder: str, href: str, resolved: str
) -> None:
    assert from_page(folder, href) == resolved


@pytest.fixture
def pattern_config(tmp_path: Path) -> Config:
    """A Hugo-style suffix layout, where the top ``_index.md`` is the home page."""
    write_files(
        tmp_path,
        {
            "sastra.toml": 'languages = ["km", "en"]\nsource_language = "km"\n\n'
            '[[content]]\nsource = "content/@path"\ntranslation = "content/@path.@lang"\n',
        },
    )
    return load_config(tmp_path)


def test_the_home_page_of_a_pattern_layout_is_the_language_root(
    pattern_config: Config, tmp_path: Path
) -> None:
    config = pattern_config
    assert url_for(config, "km", Key("", "index")) == "km/"
    assert url_for(config, "en", Key("news", "Exam Results 2025")) == "en/news/exam-results-2025/"
    (tmp_path / "sastra.toml").write_text('languages = ["km", "en"]\n', "utf-8")
    assert url_for(load_config(tmp_path), "en", Key("", "index")) == "en/index/"


@pytest.mark.parametrize(
    ("key", "href"),
    [
        (Key("news", "reg"), "../welcome/"),
        (Key("news", "reg"), "../../about/team/"),
        (Key("", "index"), "news/welcome/"),
        (Key("docs/guides", "install"), "../faq/"),
    ],
)
def test_render_and_review_read_a_relative_link_to_the_same_page(
    key: Key, href: str, pattern_config: Config
) -> None:
    """The build's check of links and review's comparison of links place the page and read
    the link with the same rule: the page the build finds is the one review compares."""
    page = url_for(pattern_config, "en", key)
    built = link_target(page + "index.html", href)
    assert built is not None
    assert link_key(href, "en", page) == "/" + built.removesuffix("/index.html").replace(
        "en", "{lang}", 1
    )


SITE_KEYS = {
    Key("news", "exam-results-2025"),
    Key("news", "school"),
    Key("news", "trip"),  # a leaf bundle: news/trip/index.md
    Key("", "about"),  # a section: about/_index.md
    Key("", "index"),  # the home page: _index.md
    Key("guides", "enrol"),
}
SCHOOL = (Key("news", "school"), "content/en/news/school.md")
RESULTS = Key("news", "exam-results-2025")
TRIP = (Key("news", "trip"), "content/en/news/trip/index.md")
TRIP_SUFFIX = (Key("news", "trip"), "content/news/trip/index.en.md")


@pytest.mark.parametrize(
    ("page", "ref", "found"),
    [
        (SCHOOL, "news/exam-results-2025.md", (Key("news", "exam-results-2025"), "")),
        (SCHOOL, "exam-results-2025", (Key("news", "exam-results-2025"), "")),  # its folder
        (SCHOOL, "/news/exam-results-2025.md#grades", (RESULTS, "#grades")),
        (SCHOOL, "#grades", (Key("news", "school"), "#grades")),
        (SCHOOL, "/about", (Key("", "about"), "")),
        (SCHOOL, "/", (Key("", "index"), "")),
        (SCHOOL, "../guides/enrol.md", (Key("guides", "enrol"), "")),
        (SCHOOL, "/exam-results-2025", None),  # from the root only: not there
        (SCHOOL, "news/exam-results-2024.md", None),
        (TRIP, "../school", (Key("news", "school"), "")),  # a bundle's folder is its own
        (TRIP_SUFFIX, "../school.md", (Key("news", "school"), "")),
    ],
)  # fmt: skip
def test_a_hugo_ref_names_the_page_hugo_would(
    page: tuple[Key, str], ref: str, found: tuple[Key, str] | None
) -> None:
    assert ref_page(page[0], page[1], ref, SITE_KEYS.__contains__) == found
