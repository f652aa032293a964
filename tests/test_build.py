"""``i18n build``: bad input, the output folder, the cache, and what readers see on the pages."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from helpers import article, run_cli
from sastra.addresses import url_for
from sastra.errors import BuildError
from sastra.render import build as build_module
from sastra.render.assets import link_target
from sastra.render.build import build, output_path
from sastra.workspace import open_site

LOCATED = re.compile(r"^[^\s:][^:]*:\d+: ", re.MULTILINE)
CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n[tracking]\ngit = false\n'
KM = article("សួស្តី", "អត្ថបទខ្មែរ។\n\n![រូប](photo.jpg)\n", date="2026-01-08")
EN = article("Hello", "English text.\n", date="2026-01-08")


@pytest.fixture
def themed(make_site: Callable[..., Path]) -> Callable[..., Path]:
    """A site of ``files`` with no theme of its own: the shipped theme and catalogs apply."""

    def make(files: Mapping[str, str | bytes], config: str = CONFIG) -> Path:
        root = make_site(files, config)
        (root / "templates").mkdir()  # for the tests that override one template
        return root

    return make


def _basic(themed: Callable[..., Path], **extra: str | bytes) -> Path:
    files: dict[str, str | bytes] = {
        "content/km/news/hello.md": KM,
        "content/en/news/hello.md": EN,
        "content/km/news/photo.jpg": b"\xff\xd8\xff\xd9",
    }
    files.update(extra)
    return themed(files)


def _located(stderr: str) -> list[str]:
    """The ``path:line: message`` lines of the output."""
    return [line for line in stderr.splitlines() if LOCATED.match(line)]


def _first_build(root: Path) -> bytes:
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    return (root / "_site/km/news/hello/index.html").read_bytes()


def test_build_writes_pretty_urls_and_copies_images(themed: Callable[..., Path]) -> None:
    root = _basic(themed)
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert "built " in result.stdout and "into _site/" in result.stdout
    page = (root / "_site/km/news/hello/index.html").read_text("utf-8")
    assert '<html lang="km">' in page
    assert 'src="../../../assets/content/km/news/photo.jpg"' in page
    assert (root / "_site/assets/content/km/news/photo.jpg").read_bytes() == b"\xff\xd8\xff\xd9"
    assert (root / "_site/assets/fonts/NotoSansKhmer.ttf").stat().st_size > 100_000
    assert (root / "_site/assets/fonts/NotoSansKhmer-OFL.txt").is_file()
    assert (root / "_site/en/news/hello/index.html").is_file()
    assert (root / "_site/index.html").is_file() and (root / "_site/km/404.html").is_file()


def test_template_syntax_error_is_one_line_and_keeps_previous_site(
    themed: Callable[..., Path],
) -> None:
    root = _basic(themed)
    before = _first_build(root)
    (root / "templates/article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n', "utf-8"
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert _located(result.stderr) == [
        "templates/article.html:3: template error: "
        "Expected an expression, got 'end of statement block'"
    ]
    assert (root / "_site/km/news/hello/index.html").read_bytes() == before


def test_template_runtime_error_is_reported_once_for_all_pages(
    themed: Callable[..., Path],
) -> None:
    root = _basic(themed)
    before = _first_build(root)
    (root / "templates/article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ no_such_variable }}\n{% endblock %}\n',
        "utf-8",
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert _located(result.stderr) == [
        "templates/article.html:3: template error: 'no_such_variable' is undefined"
    ]
    assert (root / "_site/km/news/hello/index.html").read_bytes() == before


def test_missing_image_is_one_line_per_reference_and_keeps_previous_site(
    themed: Callable[..., Path],
) -> None:
    root = _basic(themed)
    before = _first_build(root)
    (root / "content/km/news/photo.jpg").unlink()
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert _located(result.stderr) == ["content/km/news/hello.md:8: image not found: photo.jpg"]
    assert (root / "_site/km/news/hello/index.html").read_bytes() == before


def test_every_missing_image_is_reported_before_failing(themed: Callable[..., Path]) -> None:
    body = "Text\nmore text ![a](a.jpg) and\n![b](@/assets/b.png)\n\n![c](c.jpg)\n"
    root = themed(
        {
            "content/km/x.md": article("x", body, image='"@/assets/lead.jpg"'),
            "content/en/x.md": article("x", "fine\n"),
        }
    )
    with pytest.raises(BuildError) as caught:
        build(open_site(root))
    assert [str(d) for d in caught.value.diagnostics] == [
        "content/km/x.md:3: image not found: @/assets/lead.jpg",
        "content/km/x.md:7: image not found: a.jpg",
        "content/km/x.md:8: image not found: @/assets/b.png",
        "content/km/x.md:10: image not found: c.jpg",
    ]
    assert not (root / "_site").exists()


def test_unknown_language_folder_is_one_line_and_keeps_previous_site(
    themed: Callable[..., Path],
) -> None:
    root = _basic(themed)
    before = _first_build(root)
    (root / "content/fr").mkdir()
    (root / "content/fr/bonjour.md").write_text(article("Bonjour", "Texte."), "utf-8")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert _located(result.stderr) == [
        "content/fr/bonjour.md:1: unknown language 'fr' (languages: km, en)"
    ]
    assert (root / "_site/km/news/hello/index.html").read_bytes() == before


@pytest.mark.parametrize(
    ("out", "force", "message"),
    [
        (".", False, "output folder is the site root or contains it; refusing"),
        ("content", False, "output folder overlaps the content folder; refusing"),
        ("content/km/out", True, "output folder overlaps the content folder; refusing"),
        ("templates", True, "output folder overlaps the templates folder; refusing"),
        ("../elsewhere", False, "output folder is outside the site; use --force to write it"),
    ],
)
def test_refuses_dangerous_output_folders(
    themed: Callable[..., Path], out: str, force: bool, message: str
) -> None:
    root = _basic(themed)
    with pytest.raises(BuildError) as caught:
        build(open_site(root), out_dir=root / out, force=force)
    assert [d.message for d in caught.value.diagnostics] == [message]
    assert (root / "content/km/news/hello.md").is_file()


def test_force_allows_an_output_folder_outside_the_site(themed: Callable[..., Path]) -> None:
    root = _basic(themed)
    result = build(open_site(root), out_dir=root.parent / "elsewhere", force=True)
    assert (root.parent / "elsewhere/km/news/hello/index.html").is_file()
    assert result.out_dir == (root.parent / "elsewhere").absolute()


def test_unchanged_pages_are_reused_and_bytes_match_a_cold_build(
    themed: Callable[..., Path],
) -> None:
    root = _basic(themed)
    first = build(open_site(root))
    assert first.pages_reused == 0 and first.pages_written > 0
    second = build(open_site(root))
    assert second.pages_written == 0
    assert second.pages_reused == first.pages_written
    (root / "content/en/news/hello.md").write_text(EN.replace("English text.", "New."), "utf-8")
    third = build(open_site(root))
    assert 0 < third.pages_written < first.pages_written
    warm = {p.relative_to(root / "_site"): p.read_bytes() for p in (root / "_site").rglob("*.html")}
    shutil.rmtree(root / ".sastra-cache")
    build(open_site(root), out_dir=root / "cold")
    cold = {p.relative_to(root / "cold"): p.read_bytes() for p in (root / "cold").rglob("*.html")}
    assert warm == cold


def test_missing_counterpart_links_to_the_index_and_says_so(themed: Callable[..., Path]) -> None:
    root = _basic(themed, **{"content/km/only.md": article("តែខ្មែរ", "ខ្មែរ។")})
    build(open_site(root))
    page = (root / "_site/km/only/index.html").read_text("utf-8")
    assert 'hreflang="en"' in page and 'href="../../en/"' in page
    assert "(not translated yet)" in page
    assert 'rel="alternate" hreflang' not in page
    paired = (root / "_site/en/news/hello/index.html").read_text("utf-8")
    assert '<link rel="alternate" hreflang="km" href="../../../km/news/hello/">' in paired
    assert '<link rel="alternate" hreflang="x-default" href="../../../km/news/hello/">' in paired
    assert '<meta property="og:locale" content="en_US">' in paired
    assert '<meta property="og:locale:alternate" content="km_KH">' in paired
    assert not (root / "_site/en/only").exists()


def test_render_source_mode_shows_the_source_under_a_notice(themed: Callable[..., Path]) -> None:
    config = CONFIG + '[build]\nuntranslated = "render-source"\n'
    root = themed({"content/km/only.md": article("តែខ្មែរ", "ខ្មែរ។")}, config)
    build(open_site(root))
    page = (root / "_site/en/only/index.html").read_text("utf-8")
    assert '<html lang="en">' in page and '<article lang="km">' in page
    assert "This article is not translated yet. Here is the Khmer original." in page
    km = (root / "_site/km/only/index.html").read_text("utf-8")
    assert 'href="../../en/only/"' in km


def test_collection_template_and_undated_entries_by_title(themed: Callable[..., Path]) -> None:
    root = themed(
        {
            "content/km/schools/b.md": article("ខ", "ខ។"),
            "content/km/schools/a.md": article("ក", "ក។"),
            "content/km/schools/c.md": article("គ", "គ។", date="2026-01-01"),
            "content/en/schools/a.md": article("A", "A."),
        }
    )
    (root / "templates/schools").mkdir()
    (root / "templates/schools/article.html").write_text(
        '{% extends "article.html" %}{% block title %}School: {{ article.title }}{% endblock %}',
        "utf-8",
    )
    build(open_site(root))
    assert "<title>School: ក</title>" in (root / "_site/km/schools/a/index.html").read_text("utf-8")
    listing = (root / "_site/km/schools/index.html").read_text("utf-8")
    titles = re.findall(r'class="entry-title" href="[^"]+">([^<]+)<', listing)
    assert titles == ["គ", "ក", "ខ"]


def test_khmer_pages_get_khmer_dates_digits_and_the_lunar_line(
    themed: Callable[..., Path],
) -> None:
    config = CONFIG + "[build]\nlunar_dates = true\npage_size = 1\n"
    root = themed(
        {
            "content/km/a.md": article("ក", "ក។", date="2026-01-08"),
            "content/km/b.md": article("ខ", "ខ។", date="2026-01-09"),
        },
        config,
    )
    build(open_site(root))
    page = (root / "_site/km/a/index.html").read_text("utf-8")
    assert '<time datetime="2026-01-08">ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦</time>' in page
    assert "ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩" in page
    index = (root / "_site/km/index.html").read_text("utf-8")
    assert "ទំព័រទី១ នៃ ២" in index and 'href="page/2/"' in index


def test_raw_html_is_escaped_unless_allowed(themed: Callable[..., Path]) -> None:
    body = "<b>bold</b> and `<i>`\n"
    root = themed({"content/en/a.md": article("A", body)}, 'languages = ["km", "en"]\n')
    build(open_site(root))
    page = (root / "_site/en/a/index.html").read_text("utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<code>&lt;i&gt;</code>" in page
    (root / "sastra.toml").write_text('languages = ["km", "en"]\n[build]\nallow_html = true\n')
    build(open_site(root))
    assert "<b>bold</b>" in (root / "_site/en/a/index.html").read_text("utf-8")


@pytest.mark.slow
def test_line_break_hints_go_into_text_only(themed: Callable[..., Path]) -> None:
    body = "ក្រសួងប្រៃសណីយ៍និងទូរគមនាគមន៍ `ក្រសួងប្រៃសណីយ៍` [ទូរគមនាគមន៍](https://example.org/ក្រសួង)\n"
    config = CONFIG + "[build]\nline_breaks = true\n"
    root = themed({"content/km/a.md": article("ក្រសួងប្រៃសណីយ៍", body)}, config)
    build(open_site(root))
    page = (root / "_site/km/a/index.html").read_text("utf-8")
    paragraph = re.search(r"<p>(.*?)</p>", page, re.DOTALL)
    assert paragraph is not None
    text = paragraph.group(1)
    assert "ក្រសួង\u200bប្រៃសណីយ៍" in text.split("<code>")[0]
    assert "<code>ក្រសួងប្រៃសណីយ៍</code>" in text
    assert (
        'href="https://example.org/%E1%9E%80%E1%9F%92%E1%9E%9A%E1%9E%9F%E1%9E%BD%E1%9E%84"' in text
    )
    assert "<h1>ក្រសួង\u200bប្រៃសណីយ៍</h1>" in page
    assert "\u200b" not in page.split("<title>")[1].split("</title>")[0]


def test_output_path_and_url_for_slugify_file_names(themed: Callable[..., Path]) -> None:
    root = themed({"content/km/news/Budget Review 2025.md": article("ក", "ក។")})
    site = open_site(root)
    (version,) = site.articles
    assert url_for(site.config, "en", version.key) == "en/news/budget-review-2025/"
    assert output_path(site.config, version) == root / "_site/km/news/budget-review-2025/index.html"


def test_catalog_commands_extract_update_compile(themed: Callable[..., Path]) -> None:
    root = themed({"content/km/a.md": article("ក", "ក។")})
    result = run_cli("catalog", "extract", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"i18n/messages\.pot: \d+ UI strings\n", result.stdout)
    result = run_cli("catalog", "update", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    count = int(
        re.search(
            r"(\d+) UI strings", run_cli("catalog", "extract", "--root", str(root)).stdout
        ).group(1)
    )  # type: ignore[union-attr]
    # a new catalog starts from the shipped translations
    assert (
        f"i18n/km/LC_MESSAGES/messages.po: created; {count} translated, 0 fuzzy, 0 untranslated"
        in result.stdout
    )
    assert (
        f"i18n/en/LC_MESSAGES/messages.po: created; {count} translated, 0 fuzzy, 0 untranslated"
        in result.stdout
    )
    from sastra.catalogs import catalog_stats
    from sastra.config.load import load_config

    assert catalog_stats(load_config(root)) == {"km": (count, 0, 0), "en": (count, 0, 0)}
    result = run_cli("catalog", "compile", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / "i18n/km/LC_MESSAGES/messages.mo").is_file()


def test_a_deleted_article_disappears_and_no_temp_folders_are_left(
    themed: Callable[..., Path],
) -> None:
    root = _basic(themed, **{"content/km/gone.md": article("បាត់", "បាត់។", tags="[old]")})
    build(open_site(root))
    assert (root / "_site/km/gone/index.html").is_file()
    assert (root / "_site/km/tags/old/index.html").is_file()
    (root / "content/km/gone.md").unlink()
    result = build(open_site(root))
    assert result.pages_written > 0
    assert not (root / "_site/km/gone").exists()
    assert not (root / "_site/km/tags/old").exists()
    assert (root / "_site/km/news/hello/index.html").is_file()
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("._site.tmp")) == []


def test_astro_alias_resolves_to_src_in_the_astro_layout(make_site: Callable[..., Path]) -> None:
    root = make_site(
        {
            "src/content/news/km/a.md": article("ក", "![p](@/assets/news/p.jpg)\n"),
            "src/content/news/en/a.md": article("A", "A.\n"),
            "src/assets/news/p.jpg": b"\xff\xd8\xff\xd9",
        }
    )
    build(open_site(root))
    page = (root / "_site/km/news/a/index.html").read_text("utf-8")
    assert 'src="../../../assets/news/p.jpg"' in page
    assert (root / "_site/assets/news/p.jpg").read_bytes() == b"\xff\xd8\xff\xd9"


GLOSSARY = """\
names:
  - km: ម៉ៅ សិលា
    en: Mao Sela
    variants: [Mao Sila]
    kind: person
"""


def test_name_filter_writes_bylines_from_the_glossary_and_warns_on_romanized(
    themed: Callable[..., Path],
) -> None:
    km_listed = article("ក", "អត្ថបទ។", date="2026-01-08", author="ម៉ៅ សិលា")
    en_listed = article("A", "Text.", date="2026-01-08", author="Mao Sila")
    km_unlisted = article("ខ", "អត្ថបទ។", date="2026-01-09", author="សុខ ដារា")
    en_unlisted = article("B", "Text.", date="2026-01-09", author="សុខ ដារា")
    root = themed(
        {
            "content/km/news/a.md": km_listed,
            "content/en/news/a.md": en_listed,
            "content/km/news/b.md": km_unlisted,
            "content/en/news/b.md": en_unlisted,
            "i18n/names.yaml": GLOSSARY,
        }
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr

    def byline(lang: str, slug: str) -> str:
        page = (root / f"_site/{lang}/news/{slug}/index.html").read_text("utf-8")
        found = re.search(r'<p class="byline">([^<]*)</p>', page)
        assert found is not None
        return found.group(1)

    assert byline("km", "a") == "ម៉ៅ សិលា"
    assert byline("en", "a") == "Mao Sela"  # a listed variant becomes the preferred spelling
    assert byline("km", "b") == "សុខ ដារា"
    romanized = byline("en", "b")
    assert romanized.startswith("Sok ")
    assert (
        f"i18n/names.yaml: warning: 'សុខ ដារា' is not in the glossary; romanized on en pages "
        f"as '{romanized}'" in result.stderr.splitlines()
    )


def test_a_write_failure_is_one_line_and_keeps_the_previous_site(
    themed: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _basic(themed)
    before = _first_build(root)
    (root / "content/en/news/hello.md").write_text(EN.replace("English", "New"), "utf-8")
    import sastra.render.output as output_module

    def disk_full(root: str, rel: str, data: bytes, made: set[str]) -> None:
        raise OSError(28, "No space left on device", f"{root}/{rel}")

    monkeypatch.setattr(output_module, "write_new", disk_full)  # the page into the new tree
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "i18n: error: could not write the site _site/en/news/hello/index.html: "
        "No space left on device; the previous site was left as it was"
    ]
    assert (root / "_site/km/news/hello/index.html").read_bytes() == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("._site")) == []


def test_an_mdx_page_publishes_neither_its_imports_nor_its_title_twice(
    themed: Callable[..., Path],
) -> None:
    # MDX import/export lines are code (as the fingerprint reads them); the leading # H1
    # after them is the page title the template shows already.
    body = (
        "import Tabs from '@theme/Tabs';\nexport const fee = 100;\n\n"
        "# Apply for a passport\n\nThe fee is 100 dollars.\n"
    )
    root = themed(
        {
            "content/en/docs/passport.mdx": article("Apply for a passport", body),
            "content/en/docs/untitled.mdx": "---\ndate: 2026-01-08\n---\n\n" + body,
        }
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    for slug in ("passport", "untitled"):
        page = (root / f"_site/en/docs/{slug}/index.html").read_text("utf-8")
        assert "import Tabs" not in page and "export const" not in page
        assert page.count("Apply for a passport</h1>") == 1  # (untitled: the heading names it)
        assert "<p>The fee is 100 dollars.</p>" in page


def test_a_docs_site_gets_one_line_for_its_components_and_pages_rebuild_on_new_code(
    themed: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    tabs = '<Tabs>\n  <TabItem value="a">\n    Visit the office.\n  </TabItem>\n</Tabs>\n'
    root = themed(
        {
            "content/en/docs/passport.mdx": article("Passport", "Intro.\n\n" + tabs),
            "content/en/docs/visa.mdx": article(
                "Visa", "<Admonition>\n  Bring a photo.\n</Admonition>\n"
            ),
            "content/en/docs/fees.mdx": article("Fees", "No component here.\n"),
        }
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "content/en/docs/passport.mdx:7: warning: MDX components <Tabs>, <TabItem>, "
        "<Admonition> shown as what they wrap (and on 1 more page): the build does not run JSX"
    )
    page = (root / "_site/en/docs/passport/index.html").read_text("utf-8")
    assert "<p>Visit the office.</p>" in page and "Tabs" not in page

    again = run_cli("build", "--root", str(root))
    assert "(0 rendered," in again.stdout
    monkeypatch.setattr(build_module, "_code_hash", lambda: "another version of sastra")
    upgraded = run_cli("build", "--root", str(root))
    assert ", 0 unchanged)" in upgraded.stdout


@pytest.mark.parametrize(
    ("href", "base_url", "target"),
    [
        ("../welcome/", "", "en/news/welcome/index.html"),
        ("../welcome", "", "en/news/welcome/index.html"),
        ("../welcome/index.html#top", "", "en/news/welcome/index.html"),
        ("/km/news/welcome/", "", "km/news/welcome/index.html"),
        ("/docs/km/news/welcome/", "https://moeys.example/docs/", "km/news/welcome/index.html"),
        ("/km/news/welcome/", "https://moeys.example/docs/", None),  # outside the base path
        ("../../", "", "en/index.html"),
        ("../../../../elsewhere/", "", None),  # above the site
        ("../report.pdf", "", None),  # a file, not a page
        ("/images/a.jpg", "", None),
        ("#contacts", "", None),
        ("mailto:info@moeys.example", "", None),
        ("https://moeys.example/km/", "", None),
        ("//cdn.example/x/", "", None),
    ],
)
def test_a_link_leads_to_a_page_of_the_site_or_is_not_checked(
    href: str, base_url: str, target: str | None
) -> None:
    assert link_target("en/news/reg/index.html", href, base_url) == target


def test_a_link_to_a_page_the_site_does_not_build_is_a_warning_every_build(
    themed: Callable[..., Path],
) -> None:
    root = themed(
        {
            "content/km/news/reg.md": article(
                "ការចុះឈ្មោះ", "សិស្សអាចស្នើសុំ[អាហារូបករណ៍](/km/news/welcome/)បាន។\n"
            ),
            "content/en/news/reg.md": article(
                "Registration",
                "Apply for a [scholarship](../welcome/), see [the fees](../fees/) and\n"
                "[our contacts](#contacts) or [the ministry](https://moeys.example/).\n",
            ),
            "content/en/news/fees.md": article("Fees", "Registration is free.\n"),
        }
    )
    expected = [
        "content/en/news/reg.md:5: warning: link to a page this site does not build: ../welcome/",
        "content/km/news/reg.md:5: warning: link to a page this site does not build: "
        "/km/news/welcome/",
    ]
    first = run_cli("build", "--root", str(root))
    assert first.exit_code == 0, first.stderr
    assert [line for line in first.stderr.splitlines() if "link to" in line] == expected
    (root / "content/en/news/fees.md").write_text(article("Fees", "Still free.\n"), "utf-8")
    again = run_cli("build", "--root", str(root))  # the linking pages are not rendered again
    assert "(1 rendered, " in again.stdout.splitlines()[-1]
    assert [line for line in again.stderr.splitlines() if "link to" in line] == expected
