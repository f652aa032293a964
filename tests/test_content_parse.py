"""Splitting frontmatter from body: line numbers and offsets are the file's own."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.content import read_bytes
from sastra.content.frontmatter import frontmatter_bounds
from sastra.content.parse import parse_text

BOUNDARY = re.compile(r"^---[ \t]*$", re.MULTILINE)


def reference_bounds(text: str) -> tuple[int, int, int] | None:
    """The definition: the first two lines that are ``---`` (plus spaces or tabs)."""
    marks = list(itertools.islice(BOUNDARY.finditer(text), 2))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    opening, closing = marks
    body = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return opening.end() + 1, closing.start(), body


@pytest.mark.parametrize(
    ("text", "meta", "body", "body_line", "field_lines"),
    [
        ("---\ntitle: A\n---\nBody\n", {"title": "A"}, "Body\n", 4, {"title": 2}),
        ("---\ntitle: A\n---", {"title": "A"}, "", 3, {"title": 2}),
        ("---\n---\nBody", {}, "Body", 3, {}),
        ("--- \ntitle: A\n---\t\nBody", {"title": "A"}, "Body", 4, {"title": 2}),
        ("---\n# c\ntitle: A\ndate: 2026-01-08\n---\n\nBody", None, "\nBody", 6, None),
        ("No frontmatter\n", {}, "No frontmatter\n", 1, {}),
    ],
)
def test_parse_text_table(
    text: str,
    meta: dict[str, object] | None,
    body: str | None,
    body_line: int | None,
    field_lines: dict[str, int] | None,
) -> None:
    parsed = parse_text(text, "a.md")
    if meta is not None:
        assert parsed.ok and parsed.meta == meta
    if body is not None:
        assert text[parsed.body_start :] == body
    if body_line is not None:
        assert parsed.body_line == body_line
    if field_lines is not None:
        assert parsed.field_lines == field_lines


@pytest.mark.parametrize(
    ("text", "error"),
    [
        # "----" is YAML inside the frontmatter, not its end: the closing line is line 4.
        ("---\ntitle: A\n----\n---\nBody", "a.md:4: invalid YAML in frontmatter: "
         "could not find expected ':'"),
        ("---\ntitle: A\n--- note\n---\n\nBody", "a.md:3: invalid YAML in frontmatter: "
         "but found another document"),
    ],
)  # fmt: skip
def test_a_dash_line_that_is_not_a_boundary_stays_in_the_frontmatter(text: str, error: str) -> None:
    parsed = parse_text(text, "a.md")
    assert not parsed.ok
    assert [str(d) for d in parsed.diagnostics] == [error]


def test_never_closed_is_one_error_on_line_1() -> None:
    parsed = parse_text("---\ntitle: A\nBody\n", "a.md")
    assert not parsed.ok
    assert [str(d) for d in parsed.diagnostics] == [
        "a.md:1: frontmatter starts with '---' but is never closed"
    ]


def test_field_lines_name_each_top_level_key() -> None:
    parsed = parse_text("---\ntitle: A\nl10n:\n  source: km\ndate: 2026-01-08\n---\n", "a.md")
    assert parsed.field_lines == {"title": 2, "l10n": 3, "date": 5}


PIECES = st.sampled_from(["---", "----", "--- ", "---\t", "-- ", "\n", "\n", " ", "x: 1", "a"])


@given(st.lists(PIECES, max_size=12).map(lambda parts: "---" + "".join(parts)))
def test_fast_bounds_agree_with_the_boundary_regex(text: str) -> None:
    bounds = frontmatter_bounds(text)
    found = None if bounds is None else (bounds.start, bounds.end, bounds.body)
    assert found == reference_bounds(text), repr(text)


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 200_000])
def test_read_bytes_reads_every_byte(tmp_path: Path, size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    path = tmp_path / "a.md"
    path.write_bytes(data)
    assert read_bytes(str(path)) == data
