"""One definition of where frontmatter is (``sastra.content.frontmatter``), held to the
rules it replaced: the names check's (``scan_regions``) and the one ``i18n mark`` used to
find the ``l10n`` block (``set_l10n``), each written out here as it was (the parser's is
in test_content_parse.py). Generated files with LF or CRLF line endings, boundary
look-alikes and trailing blanks get the same answer from the shared function."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from sastra.content.frontmatter import Bounds, frontmatter_bounds, opening_mark
from sastra.names.mentions import scan_regions
from sastra.tracking.edit import set_l10n

# The names check's rule, as it was in names_text.scan_regions.
_SCAN = {
    "---": re.compile(r"^---[ \t]*\r?$", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE),
}


def scan_reference(text: str) -> tuple[int, int, int] | None:
    if not text.startswith(("---", "+++")):
        return None
    marks = list(_SCAN[text[:3]].finditer(text))
    if len(marks) >= 2 and marks[0].start() == 0:
        return marks[0].end() + 1, marks[1].start(), marks[1].end()
    return None


def mark_reference(text: str) -> tuple[str, int] | str:
    """``set_l10n``'s rule, as it was: ``(mark, index of the closing line)``, ``"none"``
    (no frontmatter: one is added) or ``"unclosed"`` (an error)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    for mark, pattern in (("+++", r"\+\+\+[ \t]*"), ("---", r"---[ \t]*")):
        if lines[0].rstrip() == mark:
            close = next((i for i in range(1, len(lines)) if re.fullmatch(pattern, lines[i])), None)
            return "unclosed" if close is None else (mark, close)
    return "none"


LINES = st.sampled_from(
    ["---", "--- ", "---\t", "----", "--- note", "+++", "+++ ", "++++", "title: A", "x = 1", ""]
)
FILES = st.tuples(
    st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]), st.booleans()
).map(lambda t: t[1].join(t[0]) + (t[1] if t[2] else ""))


@given(FILES)
def test_the_names_check_finds_the_same_frontmatter(text: str) -> None:
    bounds = frontmatter_bounds(text)
    found = None if bounds is None else (bounds.start, bounds.end, bounds.close_end)
    assert found == scan_reference(text), repr(text)


@given(FILES)
def test_mark_finds_the_same_closing_line(text: str) -> None:
    newline = "\r\n" if "\r\n" in text else "\n"
    mark = opening_mark(text)
    bounds = frontmatter_bounds(text)
    if mark is None:
        found: tuple[str, int] | str = "none"
    elif bounds is None:
        found = "unclosed"
    else:
        found = (mark, text.count(newline, 0, bounds.end))
    assert found == mark_reference(text), repr(text)


def test_bounds_of_toml_frontmatter() -> None:
    # (The parser's own rule, for ``---``, is held to it in test_content_parse.py.)
    text = "+++\ntitle = 'A'\n+++\nBody"
    assert frontmatter_bounds(text) == Bounds("+++", 4, 16, 19, 20)
    assert frontmatter_bounds("+++\ntitle = 'A'\n") is None
    assert opening_mark("+++\ntitle = 'A'\n") == "+++"


def test_bounds_of_a_crlf_file() -> None:
    text = "---\r\ntitle: A\r\n---  \r\nBody\r\n"
    assert frontmatter_bounds(text) == Bounds("---", 5, 15, 21, 22)
    assert text[15:21] == "---  \r"


def test_a_dash_line_that_is_not_a_boundary_is_frontmatter_everywhere() -> None:
    text = "---\ntitle: Mao Sila\n----\nx: y\n---\nMao Sila spoke.\n"
    bounds = frontmatter_bounds(text)
    assert bounds is not None and text[bounds.start : bounds.end] == "title: Mao Sila\n----\nx: y\n"
    assert scan_regions(text)[-1] == (bounds.close_end, len(text))
    updated = set_l10n(text, {"source": "km"}, path="a.md")
    assert (
        updated == "---\ntitle: Mao Sila\n----\nx: y\nl10n:\n  source: km\n---\nMao Sila spoke.\n"
    )
