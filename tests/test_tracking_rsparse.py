"""markdown-it.rs reads a body's blocks as markdown-it-py does, wherever
tracking/rsparse.py lets it read them: on generated documentation pages, on nasty
fragments, on every Markdown file of the repository (and the docs benchmark's pages when
they have been generated); each difference between the two parsers that was found is
pinned below, with what markdown-it-py shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdcorpus import docs_page, nasty_page
from sastra.content.parse import parse_text
from sastra.content.shortcodes import without_shortcodes
from sastra.model import without_mdx_statements
from sastra.tracking.fingerprint import (
    _digest,
    _field_texts,
    body_blocks,
    display_text,
    markdown_blocks,
    parsed_blocks,
    text_fingerprint,
)
from sastra.tracking.rsparse import _label_panics, _markdown, rs_blocks

ROOT = Path(__file__).resolve().parent.parent


def shown(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(line, display_text(raw)) for line, raw in blocks if display_text(raw)]


def same_as_markdown_it_py(body: str) -> bool:
    fast = rs_blocks(body)
    return fast is None or shown(fast) == shown(markdown_blocks(body))


@given(docs_page())
def test_generated_docs_pages_read_as_markdown_it_py_reads_them(body: str) -> None:
    assert same_as_markdown_it_py(body), repr(body)


@given(nasty_page)
def test_nasty_fragments_read_as_markdown_it_py_reads_them(body: str) -> None:
    assert same_as_markdown_it_py(body), repr(body)


# (body_blocks is handed decoded text: "\n" line ends only, content.parse.decode)
@given(docs_page().map(lambda body: body.replace("\r\n", "\n")))
def test_body_blocks_still_read_as_markdown_it_py_reads_them(body: str) -> None:
    assert shown(body_blocks(body)) == shown(markdown_blocks(body)), repr(body)


# Brackets, backticks and what may hide them: where markdown-it.rs 0.6 panics.
LABELS = st.text(alphabet="[]`\\<>|(!a \n", max_size=30)


@given(LABELS)
def test_no_panic_where_the_label_check_lets_markdown_it_rs_read(body: str) -> None:
    if not _label_panics(body):
        _markdown().tree(body)  # a panic would raise pyo3's PanicException


@given(LABELS)
def test_bracket_and_backtick_soup_reads_as_markdown_it_py_reads_it(body: str) -> None:
    assert same_as_markdown_it_py(body), repr(body)


# Link reference definitions and what may end them: where the backslash one was found.
DEFINITIONS = st.lists(
    st.sampled_from(["[a]:", "[b]: ", "/u", "\\", " ", "\t", "\n", '"t"', "<", ">", "- ", "> "]),
    max_size=12,
).map("".join)


@given(DEFINITIONS)
def test_definition_soup_reads_as_markdown_it_py_reads_it(body: str) -> None:
    assert same_as_markdown_it_py(body), repr(body)


def _markdown_files() -> list[Path]:
    found = [*ROOT.joinpath("tests", "fixtures").rglob("*.md*")]
    found += ROOT.joinpath("content").rglob("*.md*")
    found += ROOT.joinpath("docs").glob("*.md")
    found += ROOT.glob("*.md")
    return sorted(p for p in found if p.suffix in (".md", ".mdx"))


def _body(path: Path) -> tuple[dict[str, object], str] | None:
    text = path.read_text(encoding="utf-8", errors="replace")
    parsed = parse_text(text, str(path), shared=True)
    if not parsed.ok:
        return None
    body = text[parsed.body_start :]
    return dict(parsed.meta), without_mdx_statements(body) if path.suffix == ".mdx" else body


def test_every_markdown_file_of_the_repository_reads_as_markdown_it_py_reads_it() -> None:
    files = _markdown_files()
    left = []
    for path in files:
        found = _body(path)
        if found is None:
            continue
        fast = rs_blocks(found[1])
        if fast is None:
            left.append(path.relative_to(ROOT).parts[0])
        else:
            assert shown(fast) == shown(markdown_blocks(found[1])), path
    # The fixtures and the sample site are read by markdown-it.rs, not left to the
    # fallback; of the project's own docs a few are (list items with code spans that
    # reach over a line end, a table in a list item).
    assert len(files) > 90
    assert "tests" not in left
    assert "content" not in left
    assert len(left) <= 8


def test_the_docs_benchmark_pages_read_as_markdown_it_py_reads_them() -> None:
    pages = sorted(ROOT.joinpath("bench", "out").glob("status-docs/content/*/**/*.mdx"))
    if not pages:
        pytest.skip("the docs benchmark has not been generated (python -m bench.status)")
    for path in pages[::4]:
        found = _body(path)
        assert found is not None
        fast = rs_blocks(found[1])
        assert fast is not None, path
        assert shown(fast) == shown(markdown_blocks(found[1])), path


def test_fingerprints_are_the_ones_markdown_it_py_gives() -> None:
    """Stored ``l10n.source_hash`` values stay valid: the fingerprint of every file is
    the digest of markdown-it-py's blocks (of the body without its Hugo shortcodes,
    which is the body itself where it has none)."""
    translatable = ["title", "description", "summary", "sidebar.label"]
    for path in _markdown_files():
        found = _body(path)
        if found is None:
            continue
        meta, body = found
        read = without_shortcodes(body)  # (a Hugo shortcode's arguments are not text)
        reference = [text for _, raw in markdown_blocks(read) if (text := display_text(raw))]
        expected = _digest(_field_texts(meta, translatable), reference)
        # (the .mdx statements were taken out above, so mdx=False here)
        assert text_fingerprint(meta, body, translatable) == expected, path


# -- each difference found, with what markdown-it-py shows -------------------------------
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # markdown-it.rs takes a delimiter row with a colon and no pipe, under a header
        # row with no pipe, for a table; markdown-it-py wants a pipe in the header row.
        ("ក្រុម\n--:\npage\n", [(0, "ក្រុម --: page")]),
        ("a\n|---|\n", [(0, "a |---|")]),
        # markdown-it-py takes a delimiter row without a pipe; markdown-it.rs does not.
        ("| a |\n---\n", [(0, "a")]),
        # After an escaped pipe markdown-it.rs does not split at the next pipe.
        ("| a \\|| b |\n|---|---|\n| 1 | 2 |\n", [(0, "a |"), (0, "b"), (2, "1"), (2, "2")]),
        # A table whose rows do not all start with a pipe, or in a list item: not plain.
        ("| a | b |\n|---|---|\n1 | 2\n", [(0, "a"), (0, "b"), (2, "1"), (2, "2")]),
        ("- x\n\n  | a |\n  |---|\n  | 1 |\n", [(0, "x"), (2, "a"), (4, "1")]),
        # A list marker after a quote line: markdown-it-py ends the quote.
        ("> quoted\n0.\n", [(0, "quoted")]),
        ("> quoted\nstill\n- item\n", [(0, "quoted still"), (2, "item")]),
        ("> > a\n> 0.\n", [(0, "a")]),
        # Strikethrough: struck twice by markdown-it-py, not at all by markdown-it.rs.
        ("~~s~~~~s~~\n", [(0, "ss")]),
        # A code span over a lazy line: markdown-it.rs drops the indentation.
        ("><`\n < `\n", [(0, "< <")]),
        # Emphasis next to a symbol (the riel sign, an emoji).
        ("*ក្រសួង**៛\n", [(0, "ក្រសួង*៛")]),
        ("**a*😀\n", [(0, "*a😀")]),
        # A definition with an em space where its destination would be.
        ("[x]:\u2003\n", []),
        # A definition whose destination ends in a backslash at a line end (CI found it).
        ("[a]: /u\\", []),
        ("[a]: /u\\\t\n\nx\n", [(2, "x")]),
        ("- [a]: /u\\\n[b]: /v\n", []),
        # A backslash break before a line of a no-break space only (CI found it).
        ("a\\\n\xa0\n", [(0, "a\\")]),
        # A tab among list or quote markers; a definition's label alone on its line.
        ("> > - \t #\n", [(0, "#")]),
        ("-  \n\tx\n", [(1, "x")]),
        ("[a]:\n- \n", [(0, "[a]:")]),
        # Comments and declarations as the newer CommonMark has them.
        ("a <!---> b\n", [(0, "a b")]),
        ("a <!-- x -- y --> b\n", [(0, "a b")]),
        ("<!doctype html>\nx\n", [(1, "x")]),
        ("a <!X> b\n", [(0, "a b")]),
        ("<!a\\<\n", [(0, "<!a\\<")]),  # an HTML block in markdown-it-py only (CI)
        # A link label with a backtick run never closed: markdown-it.rs panics.
        ("[`x\n", [(0, "[`x")]),
        ("`a` [`\n", [(0, "a [`")]),
        ("see [a <b>`c] here `d\n", [(0, "see [a c] here d")]),
        # A backtick run left open: markdown-it.rs then misses the last code span.
        ("``` `` `b`` ` `\n", [(0, "``` `b")]),
        # Carriage returns and NUL characters are rewritten by markdown-it-py.
        ("a\r\nb\n", [(0, "a b")]),
        ("a\x00b\n", [(0, "a\ufffdb")]),
    ],
)
def test_left_to_markdown_it_py(body: str, expected: list[tuple[int, str]]) -> None:
    assert rs_blocks(body) is None
    assert shown(markdown_blocks(body)) == expected
    assert shown(parsed_blocks(body)) == expected
    assert shown(body_blocks(body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Autolinks: shown decoded, as markdown-it-py shows them.
        (
            "<https://x.y/a%20b> and <http://xn--n3h.com>\n",
            [(0, "https://x.y/a b and http://☃.com")],
        ),
        ("write to <a@b.co>\n", [(0, "write to a@b.co")]),
        # An emphasis node's offsets are off in a tight list item: the leaf's are used.
        ("x\n1) *a**\n", [(0, "x"), (1, "a*")]),
        ("- *a**\n- b\n", [(0, "a*"), (1, "b")]),
        # Khmer text: offsets are bytes, line numbers still right.
        ("ភាសាខ្មែរ **ដិត**\n\n- ក\n- ខ `កូដ`\n", [(0, "ភាសាខ្មែរ ដិត"), (2, "ក"), (3, "ខ កូដ")]),
        # A plain table, and pipes in code spans and escaped.
        (
            "| a | `b\\|c` |\n|---|:-:|\n| 1 | 2 \\| 3 |\n",
            [(0, "a"), (0, "b|c"), (2, "1"), (2, "2 | 3")],
        ),
        # Links, images and reference links.
        ("[a `b`](/x) ![alt *e*](i.png) [r][]\n\n[r]: /u\n", [(0, "a b alt e r")]),
    ],
)
def test_read_by_markdown_it_rs(body: str, expected: list[tuple[int, str]]) -> None:
    fast = rs_blocks(body)
    assert fast is not None
    assert shown(fast) == expected
    assert shown(markdown_blocks(body)) == expected
