"""Content path patterns (``@lang``, ``@path``), their config errors, generator detection,
TOML frontmatter, and ``i18n init``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from helpers import MakeSite, run_cli, write_files
from sastra.config.load import load_config
from sastra.errors import ConfigError
from sastra.layouts import compile_pattern, counterpart_path, key_of, pattern_problem
from sastra.model import Key

# -- patterns ---------------------------------------------------------------------------------

# pattern, its language (None: from @lang), collection, file → (lang, key) or None
MATCHES = [
    ("content/@lang/@path", None, "", "content/km/news/rice.md", ("km", Key("news", "rice"))),
    ("content/@lang/@path", None, "", "content/en/about.md", ("en", Key("", "about"))),
    ("content/@lang/@path", None, "", "content/en/news/_index.md", ("en", Key("", "news"))),
    ("content/@lang/@path", None, "", "content/km/_index.md", ("km", Key("", "index"))),
    ("content/@lang/@path", None, "", "content/km/p/trip/index.md", ("km", Key("p", "trip"))),
    ("content/@path.@lang.md", None, "", "content/posts/a.km.md", ("km", Key("posts", "a"))),
    ("content/@path.@lang", None, "", "content/posts/v1.2/a.en.md", ("en", Key("posts/v1.2", "a"))),
    ("content/@path.@lang", None, "", "content/posts/a.md", None),
    ("content/@path", "km", "", "content/posts/a.md", ("km", Key("posts", "a"))),
    ("docs/@path", "km", "docs", "docs/intro.mdx", ("km", Key("docs", "intro"))),
    ("docs/@path", "km", "docs", "docs/index.md", ("km", Key("", "docs"))),
    (
        "i18n/@lang/docusaurus-plugin-content-docs/current/@path",
        None,
        "docs",
        "i18n/en/docusaurus-plugin-content-docs/current/guides/permit.md",
        ("en", Key("docs/guides", "permit")),
    ),
    ("i18n/@lang/docusaurus-plugin-content-docs/current/@path", None, "docs", "docs/a.md", None),
]


@pytest.mark.parametrize(("text", "lang", "collection", "path", "expected"), MATCHES)
def test_a_pattern_gives_the_language_and_key_of_a_file(
    text: str, lang: str | None, collection: str, path: str, expected: tuple[str, Key] | None
) -> None:
    assert pattern_problem(text, needs_lang=lang is None) is None
    pattern = compile_pattern(text, lang, collection)
    hit = pattern.match(path.rsplit(".", 1)[0])
    got = None if hit is None else (hit[0], key_of(pattern.collection, hit[1]))
    assert got == expected


# pattern, whether it needs @lang, what is wrong (after the quoted pattern)
PROBLEMS = [
    ("content/@path", True, "must contain @lang exactly once (or give its 'lang')"),
    ("content/@lang/@lang/@path", True, "must contain @lang exactly once"),
    ("content/@lang/@slug", True, "must contain @path exactly once"),
    ("content/@lang/@path", False, "must not contain @lang (its language is given)"),
    (
        "/srv/@lang/@path",
        True,
        "must be a path relative to the site root, with '/' between folders",
    ),
    ("../content/@lang/@path", True, "has an empty, '.' or '..' folder"),
    ("content/@path/@lang", True, "must end with @path or @path.@lang"),
    ("content/@lang/@path-@x", True, "has an unknown placeholder (only @lang and @path)"),
]


@pytest.mark.parametrize(("text", "needs_lang", "problem"), PROBLEMS)
def test_a_bad_pattern_is_named_with_what_is_wrong(
    text: str, needs_lang: bool, problem: str
) -> None:
    assert pattern_problem(text, needs_lang=needs_lang) == f"'{text}' {problem}"


def test_a_counterpart_is_placed_by_the_pattern_of_its_language() -> None:
    docs = (
        compile_pattern("i18n/@lang/docusaurus-plugin-content-docs/current/@path", None, "docs", 0),
        compile_pattern("docs/@path", "km", "docs", 0),
    )
    langs = ("km", "en")
    assert (
        counterpart_path(docs, langs, "docs/guides/permit.md", "en")
        == "i18n/en/docusaurus-plugin-content-docs/current/guides/permit.md"
    )
    assert (
        counterpart_path(
            docs, langs, "i18n/en/docusaurus-plugin-content-docs/current/a/index.mdx", "km"
        )
        == "docs/a/index.mdx"
    )
    suffix = (compile_pattern("content/@path.@lang", None), compile_pattern("content/@path", "km"))
    assert counterpart_path(suffix, langs, "content/news/_index.md", "en") == (
        "content/news/_index.en.md"
    )
    assert counterpart_path(suffix, langs, "content/news/a.en.md", "km") == "content/news/a.md"
    assert counterpart_path(suffix, langs, "content/v1.2.md", "en") == "content/v1.2.en.md"


# -- config -----------------------------------------------------------------------------------

BAD_CONFIG = """\
languages = ["km", "en"]

[[content]]
pattern = "content/@path"

[[content]]
source = "docs/@path"
translation = "i18n/@lang/@lang/@path"

[[content]]
pattern = "site/@path"
lang = "fr"

[[content]]
patern = "content/@lang/@path"

[[content]]
pattern = "content/@lang/@path"
source = "docs/@path"
collection = 3
"""


def test_bad_patterns_are_path_line_errors_all_reported(make_site: MakeSite) -> None:
    root = make_site({}, config=BAD_CONFIG)

    result = run_cli("status", "--root", str(root))

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "sastra.toml:4: 'pattern': 'content/@path' must contain @lang exactly once"
        " (or give its 'lang')",
        "sastra.toml:8: 'translation': 'i18n/@lang/@lang/@path' must contain @lang exactly once",
        "sastra.toml:12: 'lang': 'fr' is not one of the languages (km, en)",
        "sastra.toml:14: [[content]] needs 'pattern', or 'source' and 'translation'",
        "sastra.toml:18: [[content]] has 'pattern' or 'source' + 'translation', not both",
        "sastra.toml:20: 'collection' must be a string",
    ]


def test_patterns_in_pyproject_report_their_lines(make_site: MakeSite) -> None:
    root = make_site(
        {
            "pyproject.toml": '[project]\nname = "site"\n\n[tool.sastra]\n'
            'languages = ["km", "en"]\n\n[[tool.sastra.content]]\npattern = "content/@lang"\n'
        }
    )
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    assert [str(d) for d in caught.value.diagnostics] == [
        "pyproject.toml:8: 'pattern': 'content/@lang' must contain @path exactly once"
    ]


def test_configured_patterns_replace_detection(make_site: MakeSite) -> None:
    root = make_site(
        {
            "mkdocs.yml": "site_name: x\nplugins:\n  - i18n\n",
            "pages/km/a.md": "---\ntitle: ក\n---\n",
            "pages/en/a.md": "---\ntitle: A\n---\n",
            "pages/fr/a.md": "---\ntitle: A\n---\n",
            "pages/notes.md": "stray\n",
        },
        config='languages = ["km", "en"]\n[[content]]\npattern = "pages/@lang/@path"\n',
    )
    result = run_cli("status", "--root", str(root), "--format", "json")
    data = json.loads(result.stdout)
    assert [(a["slug"], sorted(a["versions"])) for a in data["articles"]] == [("a", ["en", "km"])]
    # a file no pattern matches (pages/notes.md) is not content
    assert result.stderr.splitlines() == [
        "pages/fr/a.md:1: unknown language 'fr' (languages: km, en)",
    ]


# -- detection --------------------------------------------------------------------------------


def test_two_generators_are_not_guessed_between(make_site: MakeSite) -> None:
    root = make_site(
        {
            "hugo.toml": "defaultContentLanguage = 'km'\n",
            "mkdocs.yml": "site_name: x\nplugins:\n  - i18n\n",
            "content/km/a.md": "---\ntitle: ក\n---\n",
        }
    )
    config = load_config(root)
    assert config.layout == "default"
    assert [str(w) for w in config.warnings] == [
        "hugo.toml:1: warning: found Hugo (hugo.toml) and MkDocs (mkdocs-static-i18n)"
        " (mkdocs.yml): set 'layout' in sastra.toml to choose"
    ]
    assert load_config(root).patterns == ()
    (root / "sastra.toml").write_text('layout = "hugo"\n', "utf-8")
    assert [p.text for p in load_config(root).patterns] == ["content/@path.@lang", "content/@path"]


def test_hugo_detection_reads_its_languages_and_content_dirs(make_site: MakeSite) -> None:
    root = make_site(
        {
            "config.toml": "baseURL = '/'\nDefaultContentLanguage = 'en'\n"
            "[languages.km]\nweight = 2\ncontentDir = 'content/khmer'\n"
            "[languages.en]\nweight = 1\ncontentDir = 'content/english'\n",
        }
    )
    config = load_config(root)
    assert config.layout == "hugo"
    assert config.languages == ("en", "km")
    assert [(p.text, p.lang) for p in config.patterns] == [
        ("content/english/@path", "en"),
        ("content/khmer/@path", "km"),
    ]
    assert config.detected == (
        "Hugo site (config.toml): content/english/@path; content/khmer/@path"
    )


MKDOCS = """site_name: Ministry of Rural Development
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
        - locale: km
          name: ខ្មែរ
          site_name: ក្រសួងអភិវឌ្ឍន៍ជនបទ
"""
DOCUSAURUS = """// @ts-check
const config = {
  title: 'Sala Docs',
  tagline: 'Guides for teachers',
  i18n: { defaultLocale: 'en', locales: ['en', 'km'] },
  themeConfig: { navbar: { title: 'Sala' }, footer: { links: [{ title: 'More' }] } },
};
module.exports = config;
"""


@pytest.mark.parametrize(
    ("name", "text", "titles"),
    [
        ("mkdocs.yml", MKDOCS, {"en": "Ministry of Rural Development", "km": "ក្រសួងអភិវឌ្ឍន៍ជនបទ"}),
        ("docusaurus.config.js", DOCUSAURUS, {"en": "Sala Docs", "km": "Sala Docs"}),
        (
            "docusaurus.config.ts",
            "export default { i18n: { defaultLocale: 'km', locales: ['km'] },\n"
            "  themeConfig: { navbar: { logo: { alt: 'x' } } } };\n",
            {},
        ),
    ],
)
def test_the_site_title_comes_from_the_generator_config(
    make_site: MakeSite, name: str, text: str, titles: dict[str, str]
) -> None:
    config = load_config(make_site({name: text}))
    assert config.layout == name.split(".")[0]
    assert dict(config.site.title) == titles
    # [site] title in sastra.toml wins
    root = make_site({name: text, "sastra.toml": '[site]\ntitle = "Own"\n'})
    assert load_config(root).site.title_in("km", "en") == "Own"


def test_a_one_language_mkdocs_site_is_not_a_generator_layout(make_site: MakeSite) -> None:
    root = make_site({"mkdocs.yml": "site_name: x\nplugins:\n  - search\n"})
    assert load_config(root).layout == "default"


def test_default_and_astro_layouts_are_unchanged(make_site: MakeSite) -> None:
    astro = make_site({"src/content/news/km/a.md": "---\ntitle: ក\n---\n"})
    config = load_config(astro)
    assert (config.layout, config.patterns, config.detected) == ("astro", (), "")
    assert config.content_roots == (astro / "src/content",)
    assert config.i18n_dir == astro / "i18n"


# -- TOML frontmatter -------------------------------------------------------------------------

TOML_ARTICLE = """\
+++
title = 'ការប្រមូលផលស្រូវ'
date = 2025-03-04
tags = ['ស្រូវ']
[params]
title = 'not the title'
[l10n]
source = 'km'
+++

កសិករប្រមូលផលស្រូវ។
"""


def test_toml_frontmatter_is_read_the_same_on_both_paths() -> None:
    from sastra.content.parse import parse_simple, parse_text

    full = parse_text(TOML_ARTICLE, "a.md")
    assert full.ok and full.diagnostics == ()
    assert full.meta == {
        "title": "ការប្រមូលផលស្រូវ",
        "date": dt.date(2025, 3, 4),
        "tags": ["ស្រូវ"],
        "params": {"title": "not the title"},
        "l10n": {"source": "km"},
    }
    assert dict(full.field_lines) == {"title": 2, "date": 3, "tags": 4, "params": 5, "l10n": 7}
    assert (full.body_line, TOML_ARTICLE[full.body_start :]) == (10, "\nកសិករប្រមូលផលស្រូវ។\n")
    assert parse_simple(TOML_ARTICLE, "a.md") == full
    assert parse_text(TOML_ARTICLE, "a.md", shared=True) == full


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("+++\ntitle = 'a'\ndate = \n+++\n", "a.md:3: invalid TOML in frontmatter: Invalid value"),
        ("+++\ntitle = 'a'\n", "a.md:1: frontmatter starts with '+++' but is never closed"),
    ],
)
def test_bad_toml_frontmatter_is_one_line(text: str, message: str) -> None:
    from sastra.content.parse import parse_text

    parsed = parse_text(text, "a.md")
    assert not parsed.ok
    assert [str(d) for d in parsed.diagnostics] == [message]


def test_mark_writes_the_l10n_table_of_toml_frontmatter() -> None:
    import tomllib

    from sastra.tracking.edit import set_l10n

    marked = set_l10n(TOML_ARTICLE, {"source": "km", "source_hash": "0123abcd"}, path="a.md")
    assert marked == TOML_ARTICLE.replace(
        "[l10n]\nsource = 'km'\n", '[l10n]\nsource = "km"\nsource_hash = "0123abcd"\n'
    )
    plain = "+++\ntitle = 'Rice'\n+++\n\nBody.\n"
    added = set_l10n(plain, {"source": "km", "source_hash": "0123abcd"}, path="a.md")
    assert added == (
        '+++\ntitle = \'Rice\'\n\n[l10n]\nsource = "km"\nsource_hash = "0123abcd"\n+++\n\nBody.\n'
    )
    inline = (
        "+++\ntitle = 'Rice'\nl10n = { source = 'km', source_hash = 'old' }\n"
        "date = 2025-01-01\n+++\n"
    )
    rewritten = set_l10n(inline, {"source_hash": "new"}, path="a.md")
    assert tomllib.loads(rewritten.split("+++")[1]) == {
        "title": "Rice",
        "date": dt.date(2025, 1, 1),
        "l10n": {"source": "km", "source_hash": "new"},
    }


# -- i18n init --------------------------------------------------------------------------------


def test_init_in_an_empty_folder_starts_a_site_with_one_synced_pair(tmp_path: Path) -> None:
    root = tmp_path / "newsroom"

    result = run_cli("init", str(root))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "wrote sastra.toml for the default layout; languages km, en, source km",
        "created content/km/news/welcome.md",
        "created content/en/news/welcome.md",
        "created .gitignore",
        "Next steps:",
        f"  cd {root}",
        "  i18n status    # which translations are missing or stale",
        "  i18n build     # the bilingual site, into _site/",
        "  i18n serve     # preview it at http://127.0.0.1:8000/",
    ]
    quiet = run_cli("init", "-q", str(tmp_path / "other"))  # what it wrote, no advice
    assert quiet.stdout.splitlines() == result.stdout.splitlines()[:4]
    assert (root / "sastra.toml").read_text("utf-8") == (
        "# Sastra configuration, written by `i18n init` (every key: docs/config.md).\n"
        'languages = ["km", "en"]  # the first is the site\'s default language\n'
        'source_language = "km"  # translations are made from this language\n'
        'layout = "default"\n'
        "\n"
        "[collections.news]  # a collection's name in each language\n"
        'title.km = "ព័ត៌មាន"\n'
        'title.en = "News"\n'
    )
    status = run_cli("status", "--root", str(root), "--format", "json")
    data = json.loads(status.stdout)
    assert [
        (a["collection"], a["slug"], a["versions"]["en"]["state"]) for a in data["articles"]
    ] == [("news", "welcome", "up_to_date")]


def test_init_on_an_existing_site_keeps_its_gitignore_and_adds_what_it_lacks(
    tmp_path: Path,
) -> None:
    """Without it, the first `git add -A` after `i18n status` commits the cache."""
    article_km = "---\ntitle: ស្រូវ\n---\n\nកសិករប្រមូលផលស្រូវ។\n"
    (tmp_path / "content/km/news").mkdir(parents=True)
    (tmp_path / "content/km/news/rice.md").write_text(article_km, "utf-8")
    (tmp_path / ".gitignore").write_text("node_modules/\n# ours\n_site/", "utf-8")

    result = run_cli("init", "-q", str(tmp_path))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "wrote sastra.toml for the default layout; languages km, en, source km",
        "added .sastra-cache/ to .gitignore",
    ]
    assert (tmp_path / ".gitignore").read_text("utf-8") == (
        "node_modules/\n# ours\n_site/\n.sastra-cache/\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore", "content", "sastra.toml"]
    (tmp_path / "sastra.toml").unlink()
    again = run_cli("init", "-q", str(tmp_path))  # nothing lacking: the file is untouched
    assert again.stdout.splitlines()[1:] == []
    (tmp_path / "sastra.toml").unlink()
    (tmp_path / ".gitignore").unlink()
    fresh = run_cli("init", "-q", str(tmp_path))
    assert fresh.stdout.splitlines()[1:] == ["created .gitignore"]
    assert (tmp_path / ".gitignore").read_text("utf-8") == "_site/\n.sastra-cache/\n"


def test_init_takes_flags_and_asks_nothing(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--languages", "en,km", "--source", "en")

    assert result.exit_code == 0, result.stderr
    config = (tmp_path / "sastra.toml").read_text("utf-8")
    assert 'languages = ["en", "km"]' in config and 'source_language = "en"' in config
    english = (tmp_path / "content/en/news/welcome.md").read_text("utf-8")
    assert 'title: "Welcome to our website"' in english and "l10n" not in english
    khmer = (tmp_path / "content/km/news/welcome.md").read_text("utf-8")
    assert "l10n:\n  source: en\n  source_hash: " in khmer


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--languages", "km"),
         "--languages: give at least two languages, the default first (e.g. km,en)"),
        (("--languages", "km,English"),
         "--languages: 'English' is not a language code (such as km, en, zh-hant)"),
        (("--source", "fr"), "--source: 'fr' is not one of the languages (km, en)"),
        (("--layout", "hugo"), "--layout hugo: no hugo configuration found in {root}"),
    ],
)  # fmt: skip
def test_init_refuses_bad_flags_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_cli("init", str(tmp_path), *args)

    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["i18n: error: " + message.format(root=tmp_path)]
    assert list(tmp_path.iterdir()) == []


def test_init_never_overwrites(tmp_path: Path) -> None:
    write_files(tmp_path, {"sastra.toml": "# mine\n"})
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"i18n: error: {tmp_path}/sastra.toml already exists; not overwritten\n"
    assert (tmp_path / "sastra.toml").read_text("utf-8") == "# mine\n"
    other = tmp_path / "other"
    write_files(other, {"content/km/news/welcome.md": "---\ntitle: ក\n---\n"})
    assert run_cli("init", str(other)).exit_code == 0
    assert (other / "content/km/news/welcome.md").read_text("utf-8") == "---\ntitle: ក\n---\n"
    assert not (other / "content/en").exists()


def test_init_on_an_astro_site_writes_its_layout(tmp_path: Path) -> None:
    write_files(tmp_path, {"src/content/blog/km/a.md": "---\ntitle: ក\n---\n"})
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert 'layout = "astro"' in (tmp_path / "sastra.toml").read_text("utf-8")
    assert not (tmp_path / "content").exists()


def test_init_on_a_default_layout_site_lists_its_language_folders(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "content/km/news/a.md": "---\ntitle: ក\n---\n",
            "content/fr/news/a.md": "---\ntitle: A\n---\n",
        },
    )
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "wrote sastra.toml for the default layout; languages km, en, fr, source km"
    )
    assert not (tmp_path / "content/en").exists()


def test_hugo_split_config_folder_is_read(make_site: MakeSite) -> None:
    root = make_site(
        {
            "config/_default/hugo.toml": "baseURL = '/'\ndefaultContentLanguage = 'km'\n",
            "config/_default/languages.toml": "[km]\nweight = 1\ncontentDir = 'content/km'\n"
            "[en]\nweight = 2\ncontentDir = 'content/en'\n",
            "content/km/a.md": "+++\ntitle = 'ក'\n+++\n",
        }
    )
    config = load_config(root)
    assert (config.layout, config.languages) == ("hugo", ("km", "en"))
    assert [p.text for p in config.patterns] == ["content/@lang/@path"]
    assert config.detected == "Hugo site (config/_default/hugo.toml): content/@lang/@path"


def test_an_unreadable_generator_config_is_a_warning_at_its_line(make_site: MakeSite) -> None:
    root = make_site(
        {
            "hugo.toml": "baseURL = '/'\ndefaultContentLanguage = \n",
            "content/km/a.md": "---\ntitle: ក\n---\n",
        }
    )
    config = load_config(root)
    assert config.layout == "default"
    assert [str(w) for w in config.warnings] == ["hugo.toml:2: warning: cannot read: Invalid value"]


def test_init_that_cannot_write_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sastra.cache

    real = sastra.cache.atomic_write

    def fail_on_config(path: Path, data: str | bytes) -> None:
        if path.name == "sastra.toml":
            raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(sastra.cache, "atomic_write", fail_on_config)
    root = tmp_path / "site"

    from sastra.cli import main

    monkeypatch.setattr("sys.argv", ["i18n", "init", str(root)])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 1
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == []


def test_hugo_content_mounted_per_language_is_a_folder_layout(make_site: MakeSite) -> None:
    root = make_site(
        {
            "hugo.toml": "defaultContentLanguage = 'km'\n"
            "[languages.km]\nweight = 1\n[languages.en]\nweight = 2\n"
            "[[module.mounts]]\nsource = 'content/km'\ntarget = 'content'\nlang = 'km'\n"
            "[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\nlang = 'en'\n"
            "[[module.mounts]]\nsource = 'assets'\ntarget = 'assets'\n",
        }
    )
    config = load_config(root)
    assert [p.text for p in config.patterns] == ["content/@lang/@path"]


def test_a_pattern_walk_skips_build_outputs_but_reads_a_configured_folder(
    make_site: MakeSite,
) -> None:
    root = make_site(
        {
            "site/km/a.md": "---\ntitle: ក\n---\n",
            "site/en/a.md": "---\ntitle: A\n---\n",
            "node_modules/pkg/README.km.md": "---\ntitle: x\n---\n",
            "public/b.km.md": "---\ntitle: x\n---\n",
            "_site/c.km.md": "---\ntitle: x\n---\n",
            "notes.km.md": "---\ntitle: កំណត់ចំណាំ\n---\n",
            "notes.md": "---\ntitle: Notes\n---\n",
        },
        config='languages = ["en", "km"]\n'
        '[[content]]\npattern = "site/@lang/@path"\ncollection = "site"\n'
        '[[content]]\nsource = "@path"\ntranslation = "@path.@lang"\n',
    )
    from sastra.content.discovery import discover

    entries, diags = discover(load_config(root))
    assert [(e.lang, str(e.key), e.rel) for e in entries] == [
        ("km", "notes", "notes.km.md"),
        ("en", "notes", "notes.md"),
        ("en", "site/a", "site/en/a.md"),
        ("km", "site/a", "site/km/a.md"),
    ]
    assert diags == []
