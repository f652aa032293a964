"""The default theme shipped in the package: a site needs no templates/ or catalogs of
its own; its own files override the shipped ones (templates file by file, catalogs string
by string); ``i18n theme copy`` puts the theme into the site."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from helpers import article, run_cli
from sastra.render.build import build
from sastra.theme import CATALOGS, TEMPLATES
from sastra.workspace import open_site

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n[tracking]\ngit = false\n'
FILES = {
    "content/km/news/hello.md": article("សួស្តី", "អត្ថបទខ្មែរ។\n", date="2026-01-08"),
    "content/en/news/hello.md": article("Hello", "English text.\n", date="2026-01-08"),
}
PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'


def _page(root: Path, rel: str = "_site/km/news/hello/index.html") -> str:
    return (root / rel).read_text("utf-8")


def test_a_site_without_templates_or_catalogs_builds_with_the_shipped_theme(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(FILES, CONFIG)

    result = run_cli("build", "--root", str(root))

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "no base_url in [site]: the sitemap and feeds use relative addresses (set base_url "
        "to the published address to make them absolute)",
    ]
    km = _page(root)
    assert '<a class="skip" href="#main">រំលងទៅខ្លឹមសារ</a>' in km
    assert '<time datetime="2026-01-08">ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦</time>' in km
    assert (root / "_site/assets/site.css").read_bytes() == (
        TEMPLATES / "static/site.css"
    ).read_bytes()
    assert not (root / "templates").exists() and not (root / "i18n").exists()


def test_a_site_template_overrides_its_file_only(make_site: Callable[..., Path]) -> None:
    own_article = (
        '{% extends "base.html" %}{% block main %}'
        '<p class="own">{{ article.title }}</p>{% endblock %}'
    )
    root = make_site(
        {
            **FILES,
            "templates/article.html": own_article,
            "templates/static/site.css": "body { color: #123; }\n",
        },
        CONFIG,
    )

    build(open_site(root))

    km = _page(root)
    assert '<p class="own">សួស្តី</p>' in km
    assert '<a class="skip" href="#main">រំលងទៅខ្លឹមសារ</a>' in km  # base.html: shipped
    assert _page(root, "_site/assets/site.css") == "body { color: #123; }\n"
    assert 'class="entry-title"' in _page(root, "_site/km/index.html")  # list.html: shipped


def test_a_site_catalog_overrides_the_shipped_one_string_by_string(
    make_site: Callable[..., Path],
) -> None:
    own_po = PO_HEAD + (
        'msgid "Skip to content"\nmsgstr "ទៅកាន់អត្ថបទ"\n\n'
        'msgid "Latest articles"\nmsgstr ""\n\n'  # empty: the shipped translation stays
        'msgid "Opening hours"\nmsgstr ""\n'
    )
    own_article = (
        '{% extends "base.html" %}{% block main %}'
        '<p class="hours">{{ _("Opening hours") }}</p>{% endblock %}'
    )
    root = make_site(
        {
            **FILES,
            "i18n/km/LC_MESSAGES/messages.po": own_po,
            "templates/article.html": own_article,
        },
        CONFIG,
    )

    result = build(open_site(root))

    km = _page(root)
    assert '<a class="skip" href="#main">ទៅកាន់អត្ថបទ</a>' in km
    assert '<p class="hours">Opening hours</p>' in km
    assert "អត្ថបទថ្មីៗ" in _page(root, "_site/km/index.html")
    assert [str(w) for w in result.warnings if "UI string" in w.message] == [
        "i18n/km/LC_MESSAGES/messages.po:11: warning: UI string not translated into km, "
        'shown in English: "Opening hours"'
    ]
    again = build(open_site(root))
    assert again.pages_written == 0 and again.warnings == result.warnings


def test_theme_copy_puts_the_theme_into_the_site_and_changes_no_page(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(FILES, CONFIG)
    build(open_site(root))
    before = {p: p.read_bytes() for p in (root / "_site").rglob("*.html")}

    result = run_cli("theme", "copy", "--root", str(root))

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "templates/article.html: copied" in lines
    assert "templates/static/site.css: copied" in lines
    assert "i18n/km/LC_MESSAGES/messages.po: copied" in lines
    assert "i18n/messages.pot: copied" in lines
    count = len(list(TEMPLATES.rglob("*.*"))) + 3
    assert lines[-1] == f"copied {count} files of the default theme"
    assert (root / "i18n/en/LC_MESSAGES/messages.po").read_bytes() == (
        CATALOGS / "en/LC_MESSAGES/messages.po"
    ).read_bytes()
    build(open_site(root))
    assert {p: p.read_bytes() for p in (root / "_site").rglob("*.html")} == before


def test_theme_copy_refuses_to_overwrite_a_changed_file(make_site: Callable[..., Path]) -> None:
    root = make_site({**FILES, "templates/base.html": "<html>{% block main %}{% endblock %}"})

    result = run_cli("theme", "copy", "--root", str(root))

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "templates/base.html: exists and differs from the default theme",
        "i18n: error: 1 file of the site would be overwritten; nothing was copied "
        "(--force overwrites them)",
    ]
    assert not (root / "templates/article.html").exists()
    forced = run_cli("theme", "copy", "--root", str(root), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (root / "templates/base.html").read_bytes() == (TEMPLATES / "base.html").read_bytes()
    again = run_cli("theme", "copy", "--root", str(root))
    assert re.fullmatch(
        r"copied 0 files of the default theme \(the rest were already there\)\n", again.stdout
    )


def test_a_shipped_entry_filled_into_a_site_catalog_keeps_its_flags() -> None:
    from babel.messages.catalog import Catalog

    from sastra.catalogs import _fill_from

    shipped = Catalog(locale="km")
    shipped.add("Read <b>more</b>", "អាន<b>បន្ថែម</b>", flags=["safe-html"])
    shipped.add("Home", "ទំព័រដើម")
    own = Catalog(locale="km")
    own.add("Read <b>more</b>", "")
    own.add("Home", "ផ្ទះ")
    _fill_from(own, shipped)
    assert own.get("Read <b>more</b>").string == "អាន<b>បន្ថែម</b>"
    assert "safe-html" in own.get("Read <b>more</b>").flags
    assert own.get("Home").string == "ផ្ទះ"
