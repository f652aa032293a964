"""A Hugo site with no sastra.toml, built as a new user builds it: what Hugo's own
config says (the site's title) shows on the pages, what Hugo publishes is published."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import article
from sastra.render.build import build
from sastra.workspace import open_site

HUGO = 'defaultContentLanguage = "km"\n[languages.km]\ncontentDir = "content/km"\n'
HUGO += '[languages.en]\ncontentDir = "content/en"\n'
NEWS = {
    "content/km/news/a.md": article("ក", "អត្ថបទ។", date="2026-01-12"),
    "content/en/news/a.md": article("A", "Text.", date="2026-01-12"),
}
KM_TITLE = "ក្រសួងអប់រំ យុវជន និងកីឡា"
EN_TITLE = "Ministry of Education, Youth and Sport"


def _read(root: Path, rel: str) -> str:
    return (root / "_site" / rel).read_text("utf-8")


def _shown_titles(root: Path, rel: str) -> tuple[str, str]:
    """The page's ``<title>`` and the site name in its header."""
    page = _read(root, rel)
    title = re.search(r"<title>([^<]*)</title>", page)
    name = re.search(r'class="site-name"[^>]*>([^<]*)<', page)
    assert title is not None and name is not None
    return title.group(1), name.group(1)


TITLED = {
    "hugo.toml, per language": (
        "hugo.toml",
        f'defaultContentLanguage = "km"\ntitle = "{KM_TITLE}"\n'
        f'[languages.km]\ncontentDir = "content/km"\ntitle = "{KM_TITLE}"\n'
        f'[languages.en]\ncontentDir = "content/en"\ntitle = "{EN_TITLE}"\n',
        (f"ក · {KM_TITLE}", KM_TITLE),
        (f"A · {EN_TITLE}", EN_TITLE),
    ),
    "hugo.yaml, one title for both": (
        "hugo.yaml",
        "defaultContentLanguage: km\ntitle: Sala\nlanguages:\n"
        "  km:\n    contentDir: content/km\n  en:\n    contentDir: content/en\n",
        ("ក · Sala", "Sala"),
        ("A · Sala", "Sala"),
    ),
    "config.toml, the English title only (keys in any case)": (
        "config.toml",
        HUGO + 'Title = "Sala"\n',
        ("ក", "ទំព័រដើម"),
        ("A · Sala", "Sala"),
    ),
}


@pytest.mark.parametrize("case", sorted(TITLED))
def test_the_hugo_site_title_is_the_pages_site_name(
    make_site: Callable[..., Path], case: str
) -> None:
    name, text, km, en = TITLED[case]
    root = make_site({name: text, **NEWS})

    build(open_site(root))

    assert _shown_titles(root, "km/news/a/index.html") == km
    assert _shown_titles(root, "en/news/a/index.html") == en


def test_a_site_title_in_sastra_toml_wins_over_hugos(make_site: Callable[..., Path]) -> None:
    hugo = f'title = "{KM_TITLE}"\n{HUGO}'
    root = make_site(
        {"hugo.toml": hugo, **NEWS}, 'layout = "hugo"\n[site]\ntitle.en = "Sala English"\n'
    )

    build(open_site(root))

    assert _shown_titles(root, "km/news/a/index.html") == (f"ក · {KM_TITLE}", KM_TITLE)
    assert _shown_titles(root, "en/news/a/index.html") == ("A · Sala English", "Sala English")
