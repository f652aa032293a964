"""The docs-page block reader (tracking/blocks.py) and code spans in prose: both give the
blocks markdown-it gives, on generated documentation pages, on nasty fragments, and on
every Markdown file of the fixtures and the sample site."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.content.parse import parse_text
from sastra.model import without_mdx_statements
from sastra.tracking.blocks import segment_blocks, segments
from sastra.tracking.fingerprint import body_blocks, display_text, markdown_blocks
from sastra.tracking.prose import prose_text

ROOT = Path(__file__).resolve().parent.parent


def shown(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(line, display_text(raw)) for line, raw in blocks if display_text(raw)]


# -- a docs page, block by block ---------------------------------------------------------
WORD = st.sampled_from(["build", "config", "ទំព័រ", "ページ", "страница", "the", "a", "2026", "é"])
INLINE = st.sampled_from([
    "`code`", "`npm run dev`", "``a ` b``", "` x `", "**bold**", "__strong__", "*em*", "_em_",
    "[link](/guides/page/)", "[a `b` c](/x)", "![alt](/i.png)", "snake_case", "a|b", "`a|b`",
    "<kbd>", "&amp;", "\\*", "*", "_", "`", "[", "]", "(", ")", ".", ",", ":", "#", "1.",
])  # fmt: skip


@st.composite
def inline_text(draw: st.DrawFn, size: int = 12) -> str:
    parts = draw(st.lists(st.one_of(WORD, WORD, WORD, INLINE), min_size=1, max_size=size))
    text = " ".join(parts)
    if draw(st.booleans()) and len(text) > 20:  # re-wrapped, as formatters do
        cut = text.find(" ", len(text) // 2)
        if cut > 0:
            text = text[:cut] + "\n" + text[cut + 1 :]
    return text


@st.composite
def docs_block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 11))
    text = draw(inline_text())
    if kind == 0:
        return "#" * draw(st.integers(1, 4)) + " " + text.replace("\n", " ")
    if kind in (1, 2):
        marker = draw(st.sampled_from(["-", "*", "+", "1.", "2.", "1)"]))
        lines = [f"{marker} {text}"]
        for _ in range(draw(st.integers(0, 3))):
            indent = draw(st.sampled_from(["", "  ", "   ", "    ", " "]))
            sub = draw(st.sampled_from(["- ", "1. ", "2. ", "", "* "]))
            lines.append(indent + sub + draw(inline_text(6)).replace("\n", " "))
        return "\n".join(lines)
    if kind == 3:
        fence = draw(st.sampled_from(["```", "~~~", "````", "```js", "``` | x", "  ```"]))
        body = draw(st.sampled_from(["npm i", "", "a\n\nb", "```", "  ~~~", "<div>", "# x"]))
        closer = draw(st.sampled_from([fence.strip().split(" ")[0][:3], "````", "", "  ```"]))
        return f"{fence}\n{body}\n{closer}".rstrip("\n")
    if kind == 4:
        cols = draw(st.integers(1, 3))
        head = "| " + " | ".join(draw(WORD) for _ in range(cols)) + " |"
        rule = draw(st.sampled_from(["|" + "---|" * cols, "| :-- " * cols + "|", "---", "|-"]))
        rows = [
            "| " + " | ".join(draw(inline_text(3)).replace("\n", " ") for _ in range(cols)) + " |"
            for _ in range(draw(st.integers(0, 3)))
        ]
        return "\n".join([head, rule, *rows])
    if kind == 5:
        tag = draw(st.sampled_from(['<Aside type="tip">', "<Tabs>", "<div>", "<Card title='x'>"]))
        end = draw(st.sampled_from(["</Aside>", "</Tabs>", "</div>", ""]))
        return f"{tag}\n{text}\n{end}".rstrip("\n")
    if kind == 6:
        return '<TabItem label="npm">\n\n```sh\nnpm i\n```\n\n  </TabItem>'
    if kind == 7:
        return draw(st.sampled_from(["---", "***", "- - -", "___", "===", "> quote", "    code"]))
    if kind == 8:
        return draw(st.sampled_from(["import A from 'b';", "export const x = 1;", "[r]: /ref"]))
    return text


@st.composite
def docs_page(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(docs_block(), min_size=1, max_size=10))
    out = blocks[0]
    for block in blocks[1:]:
        out += draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"])) + block
    return out + draw(st.sampled_from(["", "\n"]))


@given(docs_page())
def test_docs_pages_read_as_markdown_it_reads_them(body: str) -> None:
    assert shown(body_blocks(body)) == shown(markdown_blocks(body)), repr(body)


@given(docs_page())
def test_each_part_reads_alone_as_it_reads_in_the_page(body: str) -> None:
    parts = segments(body)
    if parts is None:
        return
    assert "\n".join(text for _, text in parts) == body
    alone = [(first + line, raw) for first, text in parts for line, raw in markdown_blocks(text)]
    assert shown(alone) == shown(markdown_blocks(body)), repr(body)
    for _, text in parts:
        fast = segment_blocks(text)
        if fast is not None:
            assert shown(fast) == shown(markdown_blocks(text)), repr(text)


NASTY = st.sampled_from([
    "#", "##", "-", "*", "+", "1.", "2)", ">", "```", "~~~", "``` js", "    ", "  ", "<div>",
    "</div>", '<Aside type="x">', "</Aside>", "<!--", "-->", "<pre>", "|", "| a |", "|---|",
    "---", "===", "***", "___", "[a]", "[x]: /u", "![i](p)", "[l](u)", "**", "__", "_", "`",
    "``", "\\", "&amp;", "<http://a.b>", "<span>", "~~", "word", "ប្រជុំ", "\u200b", "é", " ",
    "\n", "\n\n", "import x from 'y';", "{props}", "`a|b`", "`x`", "__a__", "\t",
])  # fmt: skip


@given(st.lists(NASTY, min_size=1, max_size=30).map(" ".join))
def test_nasty_fragments_read_as_markdown_it_reads_them(body: str) -> None:
    assert shown(body_blocks(body)) == shown(markdown_blocks(body)), repr(body)


def _markdown_files() -> list[Path]:
    found = [*ROOT.joinpath("tests", "fixtures").rglob("*.md*")]
    found += ROOT.joinpath("content").rglob("*.md*")
    return sorted(p for p in found if p.suffix in (".md", ".mdx"))


def test_every_fixture_and_sample_page_reads_as_markdown_it_reads_it() -> None:
    files = _markdown_files()
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        parsed = parse_text(text, str(path), shared=True)
        if not parsed.ok:
            continue
        body = text[parsed.body_start :]
        if path.suffix == ".mdx":
            body = without_mdx_statements(body)
        assert shown(body_blocks(body)) == shown(markdown_blocks(body)), path


# -- exact answers ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("chunk", "expected"),
    [
        ("Run `npm run dev` now.", "Run npm run dev now."),
        ("``a ` b`` and ` x `", "a ` b and x"),
        ("[the `base` option](/ref/) and __strong__ text", "the base option and strong text"),
        ("Type `a|b`, `<T>` and `\\`.", "Type a|b, <T> and \\."),
        # left to markdown-it
        ("an `unpaired backtick", None),
        ("[a](`x y`)", None),  # a destination is read raw, code spans and all
        ("snake_case and __x__y", None),
        ("a `b\n</Aside>` c", None),  # an HTML block interrupts the paragraph
        ("a `b\n|-|-|` c", None),  # a table's delimiter row may
        ("*`x`* next to a code span", None),
    ],
)
def test_prose_text_with_code_spans(chunk: str, expected: str | None) -> None:
    assert prose_text(chunk) == expected


def test_a_docs_page_is_cut_where_nothing_reaches_across() -> None:
    body = (
        "## Install\n\nRun this:\n\n```sh\nnpm i\n\nnpm run dev\n```\n\n"
        "1. First\n\n   ```sh\n   npm i\n   ```\n\n"
        '<Aside type="tip">\nKeep it short.\n</Aside>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
    )
    parts = segments(body)
    assert parts is not None
    assert [first for first, _ in parts] == [0, 2, 4, 10, 16, 20]
    assert shown(body_blocks(body)) == shown(markdown_blocks(body))
    # A list holding a fence is left to markdown-it; the other parts are read here.
    read_here = [segment_blocks(text) is not None for _, text in parts]
    assert read_here == [True, True, True, False, True, True]


@pytest.mark.parametrize(
    "body",
    [
        "a\n\n  ```\n  x\n\nb\n  ```\n",  # an indented fence that may be top-level
        "<!-- a\n\nb -->\n",  # an HTML comment spans blank lines
        "[x]\n\n[x]: /u\n",  # a link reference reaches the whole page
        "<div>\n```\n\nb\n```\n",  # the fence line is text of the HTML block
        "a\tb\n",
    ],
)
def test_bodies_that_are_not_cut(body: str) -> None:
    assert segments(body) is None
    assert shown(body_blocks(body)) == shown(markdown_blocks(body))
