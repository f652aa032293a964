"""Sites laid out the way Hugo, Docusaurus and mkdocs-static-i18n lay them out.

Each fixture in ``tests/fixtures/generators/`` is a small site as its generator
expects it (its own config file, its own ``i18n/`` files, section pages, a leaf
bundle, TOML and YAML frontmatter). The test copies it into a git repository of its
own, commits it, edits one source paragraph in a second commit, and reads it twice:
with no Sastra config at all (the layout is detected), and with nothing but the
``sastra.toml`` that ``i18n init`` writes. Both must give exactly the pairs and
states below; then ``i18n build`` builds a page for every version.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import markupsafe
import pytest

from helpers import REPO, commit_at, git, run_cli

FIXTURES = REPO / "tests/fixtures/generators"

#: site → (the source edit of the second commit: path, old text, new text),
#: the expected ``i18n status --format json`` articles as key → {lang: (state, path)},
#: and the [[content]] lines ``i18n init`` writes.
SITES: dict[str, tuple[tuple[str, str, str], dict[str, dict[str, tuple[str, str | None]]], str]] = {
    "hugo-folder": (
        ("content/km/news/rice-harvest-battambang.md", "៤,៥ តោន", "៤,៨ តោន"),
        {
            "index": {
                "km": ("source", "content/km/_index.md"),
                "en": ("up_to_date", "content/en/_index.md"),
            },
            "news": {
                "km": ("source", "content/km/news/_index.md"),
                "en": ("up_to_date", "content/en/news/_index.md"),
            },
            "news/irrigation-canal-takeo": {
                "km": ("source", "content/km/news/irrigation-canal-takeo.md"),
                "en": ("missing", None),
            },
            "news/rice-harvest-battambang": {
                "km": ("source", "content/km/news/rice-harvest-battambang.md"),
                "en": ("stale", "content/en/news/rice-harvest-battambang.md"),
            },
            "news/seed-bank-kampong-cham": {
                "km": ("source", "content/km/news/seed-bank-kampong-cham/index.md"),
                "en": ("up_to_date", "content/en/news/seed-bank-kampong-cham/index.md"),
            },
        },
        '[[content]]\npattern = "content/@lang/@path"\n',
    ),
    "hugo-suffix": (
        ("content/posts/clean-water.md", "ជាង ៣០០", "ជាង ៣២០"),
        {
            "index": {
                "km": ("source", "content/_index.md"),
                "en": ("up_to_date", "content/_index.en.md"),
            },
            "posts": {
                "km": ("source", "content/posts/_index.md"),
                "en": ("up_to_date", "content/posts/_index.en.md"),
            },
            "posts/clean-water": {
                "km": ("source", "content/posts/clean-water.md"),
                "en": ("stale", "content/posts/clean-water.en.md"),
            },
            "posts/dengue-warning": {
                "km": ("source", "content/posts/dengue-warning.md"),
                "en": ("missing", None),
            },
            "posts/vaccination-day": {
                "km": ("source", "content/posts/vaccination-day.km.md"),
                "en": ("up_to_date", "content/posts/vaccination-day.en.md"),
            },
        },
        '[[content]]\nsource = "content/@path"\ntranslation = "content/@path.@lang"\n',
    ),
    "docusaurus": (
        ("docs/documents/birth-certificate.md", "៣០ ថ្ងៃ", "៦០ ថ្ងៃ"),
        {
            "blog/2025-03-02-new-office": {
                "km": ("source", "blog/2025-03-02-new-office.md"),
                "en": (
                    "up_to_date",
                    "i18n/en/docusaurus-plugin-content-blog/2025-03-02-new-office.md",
                ),
            },
            "blog/2025-04-10-open-day": {
                "km": ("source", "blog/2025-04-10-open-day/index.md"),
                "en": ("missing", None),
            },
            "docs/documents/birth-certificate": {
                "km": ("source", "docs/documents/birth-certificate.md"),
                "en": (
                    "stale",
                    "i18n/en/docusaurus-plugin-content-docs/current/documents/birth-certificate.md",
                ),
            },
            "docs/documents/residence-letter": {
                "km": ("source", "docs/documents/residence-letter.md"),
                "en": ("missing", None),
            },
            "docs/intro": {
                "km": ("source", "docs/intro.md"),
                "en": ("up_to_date", "i18n/en/docusaurus-plugin-content-docs/current/intro.md"),
            },
        },
        '[[content]]\nsource = "docs/@path"\n'
        'translation = "i18n/@lang/docusaurus-plugin-content-docs/current/@path"\n'
        'collection = "docs"\n\n'
        '[[content]]\nsource = "blog/@path"\n'
        'translation = "i18n/@lang/docusaurus-plugin-content-blog/@path"\n'
        'collection = "blog"\n',
    ),
    "mkdocs-suffix": (
        ("docs/lessons/maths.md", "ពី ១ ដល់ ២០", "ពី ១ ដល់ ៥០"),
        {
            "index": {"km": ("source", "docs/index.md"), "en": ("up_to_date", "docs/index.en.md")},
            "lessons/maths": {
                "km": ("source", "docs/lessons/maths.md"),
                "en": ("stale", "docs/lessons/maths.en.md"),
            },
            "lessons/reading": {
                "km": ("source", "docs/lessons/reading.md"),
                "en": ("up_to_date", "docs/lessons/reading.en.md"),
            },
            "lessons/science": {
                "km": ("source", "docs/lessons/science.md"),
                "en": ("missing", None),
            },
        },
        '[[content]]\nsource = "docs/@path"\ntranslation = "docs/@path.@lang"\n',
    ),
    "mkdocs-folder": (
        ("docs/km/visit/opening-hours.md", "ម៉ោង ៥ ល្ងាច", "ម៉ោង ៦ ល្ងាច"),
        {
            "index": {
                "km": ("source", "docs/km/index.md"),
                "en": ("up_to_date", "docs/en/index.md"),
            },
            "visit/membership": {
                "km": ("source", "docs/km/visit/membership.md"),
                "en": ("missing", None),
            },
            "visit/opening-hours": {
                "km": ("source", "docs/km/visit/opening-hours.md"),
                "en": ("stale", "docs/en/visit/opening-hours.md"),
            },
        },
        '[[content]]\npattern = "docs/@lang/@path"\n',
    ),
}


def _site_in_git(tmp_path: Path, name: str) -> Path:
    """The fixture in a repository: committed as is, then one source paragraph edited."""
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)
    git(root, "init", "-q", "-b", "main")
    commit_at(root, "site with its translations", "2025-03-20T09:00:00+07:00")
    (path, old, new), _, _ = SITES[name]
    text = (root / path).read_text("utf-8")
    assert old in text
    (root / path).write_text(text.replace(old, new), "utf-8")
    commit_at(root, "correct a figure in the Khmer original", "2025-04-02T10:00:00+07:00")
    return root


def _states(root: Path) -> dict[str, dict[str, tuple[str, str | None]]]:
    result = run_cli("status", "--root", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["languages"] == ["km", "en"]
    return {
        (f"{a['collection']}/{a['slug']}" if a["collection"] else a["slug"]): {
            lang: (v["state"], v["path"]) for lang, v in a["versions"].items()
        }
        for a in data["articles"]
    }


@pytest.mark.parametrize("name", sorted(SITES))
def test_detected_layout_gives_the_exact_pairs_and_states(tmp_path: Path, name: str) -> None:
    root = _site_in_git(tmp_path, name)

    assert _states(root) == SITES[name][1]


@pytest.mark.parametrize("name", sorted(SITES))
def test_init_writes_a_config_that_gives_the_same_states_and_builds(
    tmp_path: Path, name: str
) -> None:
    root = _site_in_git(tmp_path, name)

    result = run_cli("init", str(root))

    assert result.exit_code == 0, result.stderr
    config = (root / "sastra.toml").read_text("utf-8")
    assert config.endswith(SITES[name][2])
    assert 'languages = ["km", "en"]' in config
    assert 'source_language = "km"' in config
    assert _states(root) == SITES[name][1]
    built = run_cli("build", "--root", str(root))
    assert built.exit_code == 0, built.stderr
    from sastra.render.build import output_path
    from sastra.workspace import open_site

    # every version has a page titled in its own language (a section or home page
    # heads its collection's or language's index); test_build_git builds the same
    # sites with no config at all
    site = open_site(root)
    for pair in site.pairs:
        for version in pair.versions.values():
            # a page with no title field (MkDocs's) is titled by its own "# heading",
            # shown once, in the page's title (escaped by Jinja: ' is &#39;)
            heading = version.body.strip().split("\n")[0].removeprefix("# ")
            title = heading if "title" not in version.meta else version.title
            page = output_path(site.config, version).read_text("utf-8")
            escaped = str(markupsafe.escape(title))
            shown = {f">{title}</h1>", f">{html.escape(title)}</h1>", f">{escaped}</h1>"}
            assert sum(page.count(f">{t}</h1>") for t in {title, escaped}) == 1, version.path
            assert any(h in page for h in shown), (version.path, title)


def test_generators_keep_their_own_i18n_folder(tmp_path: Path) -> None:
    """Hugo and Docusaurus own i18n/: Sastra's catalogs and glossary go to sastra-i18n/."""
    from sastra.config.load import load_config

    for name in ("hugo-folder", "docusaurus"):
        root = tmp_path / name
        shutil.copytree(FIXTURES / name, root)
        assert load_config(root).i18n_dir == root / "sastra-i18n"
        run_cli("init", str(root))
        assert 'i18n_dir = "sastra-i18n"' in (root / "sastra.toml").read_text("utf-8")
        assert load_config(root).i18n_dir == root / "sastra-i18n"
    for name in ("mkdocs-suffix",):
        root = tmp_path / name
        shutil.copytree(FIXTURES / name, root)
        assert load_config(root).i18n_dir == root / "i18n"


DETECTED = {
    "hugo-folder": "a Hugo site (hugo.toml): content/@lang/@path",
    "hugo-suffix": "a Hugo site (hugo.yaml): content/@path + content/@path.@lang",
    "docusaurus": "a Docusaurus site (docusaurus.config.js): "
    "docs/@path + i18n/@lang/docusaurus-plugin-content-docs/current/@path; "
    "blog/@path + i18n/@lang/docusaurus-plugin-content-blog/@path",
    "mkdocs-suffix": "a MkDocs (mkdocs-static-i18n) site (mkdocs.yml): "
    "docs/@path + docs/@path.@lang",
    "mkdocs-folder": "a MkDocs (mkdocs-static-i18n) site (mkdocs.yml): docs/@lang/@path",
}


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_command_names_the_detected_layout_in_one_line(tmp_path: Path, name: str) -> None:
    root = tmp_path / name
    shutil.copytree(FIXTURES / name, root)

    result = run_cli("status", "--root", str(root))

    assert result.stderr.splitlines()[0] == f"i18n: detected {DETECTED[name]}"


def test_new_and_mark_follow_the_generator_layout(tmp_path: Path) -> None:
    """``new`` places the translation where the generator looks for it; ``mark`` records
    the baseline in the file's own frontmatter format (TOML for Hugo's ``+++``)."""
    root = _site_in_git(tmp_path, "hugo-suffix")

    created = run_cli("new", "--root", str(root), "en", "posts/dengue-warning")
    marked = run_cli("mark", "--root", str(root), "en", "posts/clean-water")

    assert created.exit_code == 0, created.stderr
    assert created.stdout == (
        "created content/posts/dengue-warning.en.md from content/posts/dengue-warning.md"
        " (km → en)\n"
    )
    assert marked.exit_code == 0, marked.stderr
    toml = (root / "content/posts/clean-water.en.md").read_text("utf-8")
    assert toml.startswith(
        "+++\ntitle = 'Five new clean-water wells'\ndate = 2025-01-20\n\n[l10n]\n"
    )
    states = _states(root)
    assert states["posts/dengue-warning"]["en"] == (
        "in_progress",  # made by `new`: TRANSLATE: markers until it is translated
        "content/posts/dengue-warning.en.md",
    )
    assert states["posts/clean-water"]["en"] == ("up_to_date", "content/posts/clean-water.en.md")

    docs = _site_in_git(tmp_path, "docusaurus")
    created = run_cli("new", "--root", str(docs), "en", "blog/2025-04-10-open-day")
    assert created.exit_code == 0, created.stderr
    assert (docs / "i18n/en/docusaurus-plugin-content-blog/2025-04-10-open-day/index.md").is_file()
