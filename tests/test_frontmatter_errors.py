"""A frontmatter that cannot be read is one error at the line a user must fix: where the
bracket or quote left open begins, where a key is given a second time; not the line
where the reader noticed (the next key, the closing ``+++``)."""

from __future__ import annotations

import pytest

from sastra.content.parse import parse_text


@pytest.mark.parametrize(
    ("frontmatter", "error"),
    [
        # TOML (+++): the frontmatter's first line is the file's line 2
        (
            ["title = 'Library week'", "date = 2026-01-15", "tags = ['library', 'reading'",
             "draft = false"],
            "a.md:4: invalid TOML in frontmatter: Unclosed array",
        ),
        (
            ["title = 'Library week'", "date = 2026-01-15", "tags = ['library', 'reading'"],
            "a.md:4: invalid TOML in frontmatter: Unclosed array",
        ),
        (
            ["title = 'Library week'", "tags = [", "  'library',", "  'reading'", "",
             "draft = false"],
            "a.md:3: invalid TOML in frontmatter: Unclosed array",
        ),
        (
            ["title = 'Library week'", "params = { shelf = 4", "draft = false"],
            "a.md:3: invalid TOML in frontmatter: Unclosed inline table",
        ),
        (
            ["draft = false", "title = 'Library week", "date = 2026-01-15"],
            "a.md:3: invalid TOML in frontmatter: Unclosed string",
        ),
        (
            ["draft = false", 'title = "Library week', "date = 2026-01-15"],
            "a.md:3: invalid TOML in frontmatter: Unclosed string",
        ),
        (
            ["title = '''Library week", "date = 2026-01-15"],
            "a.md:2: invalid TOML in frontmatter: Unclosed string",
        ),
        (
            ["draft = false", 'title = """Library week', "date = 2026-01-15"],
            "a.md:3: invalid TOML in frontmatter: Unclosed string",
        ),
        (
            ["title = 'Library week'", "date = 2026-01-15", "title = 'Reading week'"],
            "a.md:4: invalid TOML in frontmatter: 'title' is given twice (lines 2 and 4)",
        ),
        (
            ["tags = ['library']", "date = 2026-01-15", "tags = [", "  'reading',", "]"],
            "a.md:4: invalid TOML in frontmatter: 'tags' is given twice (lines 2 and 4)",
        ),
        (
            ["title = 'Library week'", "[params]", "shelf = 4", "[params]", "room = 2"],
            "a.md:5: invalid TOML in frontmatter: Cannot declare ('params',) twice",
        ),
        (
            ["date = 2026-01-15", "title = Library week"],
            "a.md:3: invalid TOML in frontmatter: Invalid value",
        ),
        (
            ["title = 'Library week'", "date = 2026-13-45"],
            "a.md:3: invalid TOML in frontmatter: "
            "Expected newline or end of document after a statement",
        ),
    ],
)  # fmt: skip
def test_a_toml_error_is_on_the_line_to_fix(frontmatter: list[str], error: str) -> None:
    text = "+++\n" + "\n".join(frontmatter) + "\n+++\n\nText.\n"

    parsed = parse_text(text, "a.md")

    assert not parsed.ok
    assert [str(d) for d in parsed.diagnostics] == [error]


@pytest.mark.parametrize(
    ("frontmatter", "error"),
    [
        # YAML (---), the same mistakes: the same lines
        (
            ["title: Library week", "date: 2026-01-15", "tags: [library, reading",
             "draft: false"],
            "a.md:4: invalid YAML in frontmatter: did not find expected ',' or ']'",
        ),
        (
            ["title: Library week", "date: 2026-01-15", "tags: [library, reading"],
            "a.md:4: invalid YAML in frontmatter: did not find expected ',' or ']'",
        ),
        (
            ["title: Library week", "params: {shelf: 4", "draft: false"],
            "a.md:3: invalid YAML in frontmatter: did not find expected ',' or '}'",
        ),
        (
            ["draft: false", 'title: "Library week', "date: 2026-01-15"],
            "a.md:3: invalid YAML in frontmatter: "
            "found unexpected end of stream while scanning a quoted scalar",
        ),
        (
            ["title: Library week", "tags: [library, reading]]"],
            "a.md:3: invalid YAML in frontmatter: did not find expected key",
        ),
    ],
)  # fmt: skip
def test_a_yaml_error_is_on_the_line_to_fix(frontmatter: list[str], error: str) -> None:
    text = "---\n" + "\n".join(frontmatter) + "\n---\n\nText.\n"

    parsed = parse_text(text, "a.md")

    assert not parsed.ok
    assert [str(d) for d in parsed.diagnostics] == [error]
