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


# -- static/: copied to the site root, as Hugo copies it ---------------------------------------

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cf00000301010018dd8db40000000049454e44ae426082"
)
SCHOOL = {
    "content/km/news/a.md": '+++\ntitle = "ក"\ndate = 2026-01-12\nimage = "/images/school.png"\n'
    "+++\nអត្ថបទ។\n\n![សាលា](/images/school.png)\n",
    "content/en/news/a.md": '+++\ntitle = "A"\ndate = 2026-01-12\nimage = "/images/school.png"\n'
    "+++\nText.\n\n![school](/images/school.png)\n",
    "static/images/school.png": PNG,
    "static/files/report 2026.pdf": b"%PDF-1.4\n",
    "static/favicon.ico": b"\0\0\1\0",
    "static/.htpasswd": "admin:x\n",
    "static/.private/notes.txt": "not for the site\n",
}


def _images(page: str) -> list[str]:
    """Every ``<img>`` tag and the ``og:image`` address of a page."""
    return re.findall(r'<img [^>]*>|og:image" content="[^"]*"', page)


def _static_outputs(root: Path) -> list[str]:
    """The built files that are not pages, feeds or the theme's (what static/ gave)."""
    out = root / "_site"
    return sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file()
        and p.suffix not in (".html", ".xml")
        and not p.relative_to(out).as_posix().startswith("assets/")
        and p.name not in ("robots.txt", ".sastra-build")
    )


def test_static_files_go_to_the_site_root_and_their_images_show(
    make_site: Callable[..., Path],
) -> None:
    root = make_site({"hugo.toml": HUGO, **SCHOOL})

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == []
    assert _static_outputs(root) == ["favicon.ico", "files/report 2026.pdf", "images/school.png"]
    assert (root / "_site/images/school.png").read_bytes() == PNG
    assert _images(_read(root, "km/news/a/index.html")) == [
        'og:image" content="../../../images/school.png"',
        '<img class="lead" src="../../../images/school.png" alt="">',
        '<img src="../../../images/school.png" alt="សាលា" loading="lazy" />',
    ]
    assert '<img src="../../images/school.png" alt="" loading="lazy" width="160">' in _read(
        root, "en/news/index.html"
    )


def test_a_base_url_path_comes_off_a_static_address_and_og_image_is_absolute(
    make_site: Callable[..., Path],
) -> None:
    hugo = 'baseURL = "https://moeys.example.gov.kh/school/"\n' + HUGO
    pages = {
        k: v.replace("/images/", "/school/images/")
        for k, v in SCHOOL.items()
        if isinstance(v, str) and k.startswith("content/")
    }
    root = make_site({"hugo.toml": hugo, **pages, "static/images/school.png": PNG})

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == []
    assert _images(_read(root, "en/news/a/index.html")) == [
        'og:image" content="https://moeys.example.gov.kh/school/images/school.png"',
        '<img class="lead" src="../../../images/school.png" alt="">',
        '<img src="../../../images/school.png" alt="school" loading="lazy" />',
    ]


def test_an_address_no_static_file_holds_is_one_warning_at_its_line(
    make_site: Callable[..., Path],
) -> None:
    km = SCHOOL["content/km/news/a.md"].replace("](/images/school.png", "](/images/scool.png")
    en = SCHOOL["content/en/news/a.md"].replace('"/images/school.png"', '"/img/school.png"')
    root = make_site(
        {
            "hugo.toml": HUGO,
            "content/km/news/a.md": km,
            "content/en/news/a.md": en,
            "static/images/school.png": PNG,
            "static/robots.txt": "User-agent: *\n",
        }
    )

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == [
        "content/en/news/a.md:4: warning: image not found in static/: /img/school.png "
        "(a broken image on the page)",
        "static/robots.txt: warning: not copied: the build writes robots.txt itself",
        "content/km/news/a.md:8: warning: image not found in static/: /images/scool.png "
        "(a broken image on the page)",
    ]
    assert _images(_read(root, "km/news/a/index.html"))[1:] == [
        '<img class="lead" src="../../../images/school.png" alt="">',
        '<img src="/images/scool.png" alt="សាលា" loading="lazy" />',
    ]
    assert _read(root, "robots.txt").startswith("User-agent: *\nAllow: /")
    again = build(open_site(root))  # nothing changed: the same lines
    assert again.pages_written == 0 and again.warnings == result.warnings


def test_a_static_file_changed_added_or_removed_is_in_the_next_build(
    make_site: Callable[..., Path],
) -> None:
    root = make_site({"hugo.toml": HUGO, **SCHOOL})
    build(open_site(root))
    first = (root / "_site/images/school.png").stat().st_ino

    (root / "static/images/school.png").write_bytes(PNG + b"\0")
    (root / "static/files/new.pdf").write_bytes(b"%PDF-1.7\n")
    (root / "static/favicon.ico").unlink()
    result = build(open_site(root))

    assert result.pages_written == 0  # the pages did not change, the files did
    assert (root / "_site/images/school.png").read_bytes() == PNG + b"\0"
    assert (root / "_site/images/school.png").stat().st_ino != first
    assert _static_outputs(root) == [
        "files/new.pdf",
        "files/report 2026.pdf",
        "images/school.png",
    ]


def test_a_site_without_a_generator_leaves_site_absolute_images_alone(
    make_site: Callable[..., Path],
) -> None:
    root = make_site(SCHOOL, 'languages = ["km", "en"]\n[tracking]\ngit = false\n')

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == []
    assert _static_outputs(root) == []
    assert _images(_read(root, "km/news/a/index.html")) == [
        '<img src="/images/school.png" alt="សាលា" loading="lazy" />'
    ]


STATIC_CONFIGS = {
    "Hugo's default": ("hugo.toml", HUGO, [("static", "")]),
    "staticDir, a list": (
        "hugo.toml",
        'staticDir = ["static", "/etc", "../shared", "uploads"]\n' + HUGO,
        [("static", ""), ("uploads", "")],
    ),
    "staticDir and staticDir2": (
        "hugo.yaml",
        "staticDir: assets-static\nstaticDir2: static_km\nlanguages:\n  km: {}\n",
        [("assets-static", ""), ("static_km", "")],
    ),
    "module mounts onto static": (
        "hugo.toml",
        HUGO
        + '[[module.mounts]]\nsource = "static"\ntarget = "static"\n'
        + '[[module.mounts]]\nsource = "photos"\ntarget = "static/images"\n'
        + '[[module.mounts]]\nsource = "content/km"\ntarget = "content"\nlang = "km"\n',
        [("static", ""), ("photos", "images")],
    ),
    "Docusaurus' default": (
        "docusaurus.config.js",
        "module.exports = { i18n: { defaultLocale: 'km', locales: ['km', 'en'] } };\n",
        [("static", "")],
    ),
    "Docusaurus' staticDirectories": (
        "docusaurus.config.ts",
        "export default { staticDirectories: ['public', 'static'],\n"
        "  i18n: { defaultLocale: 'km', locales: ['km', 'en'] } };\n",
        [("public", ""), ("static", "")],
    ),
}


@pytest.mark.parametrize("case", sorted(STATIC_CONFIGS))
def test_the_static_folders_a_generator_config_names(
    make_site: Callable[..., Path], case: str
) -> None:
    name, text, expected = STATIC_CONFIGS[case]
    root = make_site({name: text})

    config = open_site(root).config

    assert [(config.rel(folder), below) for folder, below in config.static_dirs] == expected


def test_a_mounted_folder_is_published_below_its_target(make_site: Callable[..., Path]) -> None:
    hugo = HUGO + '[[module.mounts]]\nsource = "photos"\ntarget = "static/images"\n'
    pages = {k: v for k, v in SCHOOL.items() if k.startswith("content/")}
    root = make_site({"hugo.toml": hugo, **pages, "photos/school.png": PNG})

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == []
    assert _static_outputs(root) == ["images/school.png"]
    assert '<img src="../../../images/school.png" alt="school" loading="lazy" />' in _read(
        root, "en/news/a/index.html"
    )


# -- year folders: content/<lang>/news/2026/ ----------------------------------------------------

YEARS = {
    "content/km/news/2026/a.md": article("ក", "អត្ថបទ។", date="2026-01-12"),
    "content/en/news/2026/a.md": article("A", "Text.", date="2026-01-12"),
    "content/km/news/2025/b.md": article("ខ", "អត្ថបទ។", date="2025-11-03"),
}


def _entries(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="entry-title" href="([^"]*)">([^<]*)</a>', page)


def test_a_year_folder_is_titled_by_its_number_and_its_parent_lists_every_year(
    make_site: Callable[..., Path],
) -> None:
    root = make_site({"hugo.toml": HUGO, **YEARS})

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == []
    assert "<h1>២០២៦</h1>" in _read(root, "km/news/2026/index.html")
    assert "<title>២០២៦</title>" in _read(root, "km/news/2026/index.html")
    assert "<h1>2026</h1>" in _read(root, "en/news/2026/index.html")
    km_news = _read(root, "km/news/index.html")
    assert "<h1>ព័ត៌មាន</h1>" in km_news
    assert _entries(km_news) == [("2026/a/", "ក"), ("2025/b/", "ខ")]
    assert _entries(_read(root, "en/news/index.html")) == [("2026/a/", "A")]


def test_a_folder_with_articles_of_its_own_lists_only_them(
    make_site: Callable[..., Path],
) -> None:
    own = {"content/km/news/c.md": article("គ", "អត្ថបទ។", date="2026-02-01")}
    root = make_site({"hugo.toml": HUGO, **YEARS, **own})

    build(open_site(root))

    assert _entries(_read(root, "km/news/index.html")) == [("c/", "គ")]


def test_a_folder_with_a_page_of_its_own_gets_no_index_over_it(
    make_site: Callable[..., Path],
) -> None:
    page = {"content/km/news.md": article("ព័ត៌មានទាំងអស់", "ទំព័រ។")}
    root = make_site({"hugo.toml": HUGO, **YEARS, **page})

    result = build(open_site(root))

    assert '<h1 lang="km">ព័ត៌មានទាំងអស់</h1>' in _read(root, "km/news/index.html") or (
        "<h1>ព័ត៌មានទាំងអស់</h1>" in _read(root, "km/news/index.html")
    )
    assert _entries(_read(root, "km/news/index.html")) == []
    assert [str(w) for w in result.warnings] == []


UNTITLED = {
    "Hugo by folder": (
        {"hugo.toml": HUGO},
        "content/km/trips/2026",
        "content/km/trips/_index.md: warning: collection 'trips' has no km title; its km "
        "index is titled 'Trips' (give this section page a title, or set title.km in "
        "[collections.trips] of a sastra.toml)",
    ),
    "Hugo by file name": (
        {"hugo.toml": 'defaultContentLanguage = "km"\n[languages.km]\n[languages.en]\n'},
        "content/trips/2026",
        "content/trips/_index.md: warning: collection 'trips' has no km title; its km "
        "index is titled 'Trips' (give this section page a title, or set title.km in "
        "[collections.trips] of a sastra.toml)",
    ),
    "default layout": (
        {},
        "content/km/trips/2026",
        "content/km/trips: warning: collection 'trips' has no km title; its km index is "
        "titled 'Trips' (set title.km in [collections.trips] of a sastra.toml)",
    ),
}


@pytest.mark.parametrize("case", sorted(UNTITLED))
def test_an_untitled_folder_is_warned_about_where_its_title_goes(
    make_site: Callable[..., Path], case: str
) -> None:
    files, folder, warning = UNTITLED[case]
    en_folder = folder.replace("/km/", "/en/")
    en_name = "a.md" if en_folder != folder else "a.en.md"
    root = make_site(
        {
            **files,
            f"{folder}/a.md": article("ក", "អត្ថបទ។", date="2026-01-12"),
            f"{en_folder}/{en_name}": article("A", "Text.", date="2026-01-12"),
        }
    )

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == [warning]


def test_a_section_page_with_a_title_needs_no_warning_and_titles_the_index(
    make_site: Callable[..., Path],
) -> None:
    intro = {"content/km/news/2026/_index.md": article("ព័ត៌មានឆ្នាំ២០២៦", "")}
    root = make_site({"hugo.toml": HUGO, **YEARS, **intro})

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == []
    assert "<h1>ព័ត៌មានឆ្នាំ២០២៦</h1>" in _read(root, "km/news/2026/index.html")


def test_a_folder_name_with_a_slash_is_quoted_as_toml_wants_it(
    make_site: Callable[..., Path],
) -> None:
    files = {
        "content/km/trips/annual/a.md": article("ក", "អត្ថបទ។", date="2026-01-12"),
        "content/en/trips/annual/a.md": article("A", "Text.", date="2026-01-12"),
    }
    root = make_site({"hugo.toml": HUGO, **files})

    result = build(open_site(root))

    assert [str(w) for w in result.warnings] == [
        "content/km/trips/_index.md: warning: collection 'trips' has no km title; its km "
        "index is titled 'Trips' (give this section page a title, or set title.km in "
        "[collections.trips] of a sastra.toml)",
        "content/km/trips/annual/_index.md: warning: collection 'trips/annual' has no km "
        "title; its km index is titled 'Annual' (give this section page a title, or set "
        'title.km in [collections."trips/annual"] of a sastra.toml)',
    ]
