"""Generated documentation-shaped Markdown and MDX for the parser-equality property tests
(tests/test_tracking_rsparse.py): every block kind a docs site writes, with the edge
cases of each, in English, Khmer and other scripts. The text is made up here."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = st.sampled_from([
    "build", "config", "the", "a", "page", "2026", "é", "naïve", "ទំព័រ", "ការកំណត់",
    "ភាសាខ្មែរ", "ក្រុម", "ページ", "страница", "設定", "x", "I", "café",
])  # fmt: skip

INLINE = st.sampled_from([
    # code spans, pipes and backticks
    "`code`", "`npm run dev`", "``a ` b``", "` x `", "`  `", "` `` `", "`a|b`", "`a\\|b`",
    "``` x ```", "`", "``", "`x", "a|b", "\\|", "|",
    # emphasis, strong, strikethrough and their edge cases
    "**bold**", "__strong__", "*em*", "_em_", "***both***", "*a **b** c*", "**a*", "*a**",
    "snake_case", "__init__", "_a_b_", "*", "_", "**", "__", "* a *", "~~gone~~", "~one~",
    "~~~", "~~a", "a~~", "**ខ្មែរ**", "*ទំព័រ*", "_x_.", "(*x*)", "**`c`**",
    # links, images, references, autolinks
    "[link](/guides/page/)", "[a `b` c](/x)", "![alt](/i.png)", "![a *b* `c`](i.png \"t\")",
    "[x][ref]", "[ref][]", "[ref]", "[Ref]", "[missing][nope]", "![img][ref]", "[a](<b c>)",
    "[a](b 'title')", "[a]( b )", "[l](/u(x))", "[](/empty)", "[a [b] c](/d)", "[`x`](y)",
    "[![i](s)](l)", "<http://a.b/c>", "<https://x.y/a%20b>", "<https://x.y/%E1%9E%80>",
    "<mailto:a@b.c>", "<a@b.co>", "http://plain.url", "[", "]", "(", ")", "![", "[^1]",
    # entities and escapes
    "&amp;", "&lt;", "&copy;", "&nbsp;", "&#65;", "&#x1F600;", "&#0;", "&bogus;", "&amp",
    "\\*", "\\_", "\\`", "\\\\", "\\[", "\\<", "\\a", "\\&amp;", "\\#", "\\~",
    # inline HTML and JSX
    "<kbd>Ctrl</kbd>", "<br/>", "<b>x</b>", "<Icon name=\"x\" />", "<span class='a'>",
    "</span>", "<!-- note -->", "<x y=\"a>b\">", "{props.x}", "<", ">", "a <b",
    # punctuation, digits, odd characters
    ".", ",", ":", "#", "1.", "1)", "+", "-", "=", "!", "?", "\u200b", "\u00a0", "\u2003",
    "\ufeff", "e\u0301", "\u17d2", "\U0001f600", "៛", "©", "→", "*៛", "_©_",
    "'", '"', "...", "--", "(c)",
])  # fmt: skip

BREAKS = st.sampled_from(["\n", "\n", "  \n", "\\\n", "   \n", "\t\n", " \n"])


@st.composite
def inline_text(draw: st.DrawFn, size: int = 12, lines: bool = True) -> str:
    parts = draw(st.lists(st.one_of(WORDS, WORDS, INLINE), min_size=1, max_size=size))
    out = parts[0]
    for part in parts[1:]:
        if lines and draw(st.integers(0, 9)) == 0:
            out += draw(BREAKS)
        else:
            out += draw(st.sampled_from([" ", " ", " ", "", "  "]))
        out += part
    return out


LIST_MARKERS = st.sampled_from(["-", "*", "+", "1.", "2.", "1)", "10.", "0."])
INDENTS = st.sampled_from(["", " ", "  ", "   ", "    ", "     ", "      ", "\t", "  \t"])


@st.composite
def list_block(draw: st.DrawFn, depth: int = 0) -> str:
    marker = draw(LIST_MARKERS)
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        space = draw(st.sampled_from([" ", " ", "  ", "    ", "     ", "\t"]))
        item = f"{marker}{space}{draw(inline_text(6))}"
        pad = " " * (len(marker) + len(space.replace("\t", "  ")))
        rest = []
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.integers(0, 6))
            if kind == 0 and depth < 2:
                sub = draw(list_block(depth + 1))
                rest.append("\n".join(pad + line if line else line for line in sub.split("\n")))
            elif kind == 1:
                closer = draw(st.sampled_from([pad, ""])) + "```"
                rest.append(pad + "```sh\n" + pad + "npm i\n" + closer)
            elif kind == 2:
                rest.append(draw(INDENTS) + draw(inline_text(5, lines=False)))
            elif kind == 3:
                rest.append("")  # a blank line: the list may become loose
            elif kind == 4:
                rest.append(pad + "> " + draw(inline_text(4, lines=False)))
            elif kind == 5:
                rest.append(pad + "| a | b |\n" + pad + "|---|---|\n" + pad + "| `c|d` | e |")
            else:
                rest.append(pad + draw(st.sampled_from(["<Aside>", "</Aside>", "---", "# h"])))
        lines.append("\n".join([item, *rest]))
    return "\n".join(lines)


FENCE_BODIES = st.sampled_from([
    "npm i", "", "a\n\nb", "```", "  ~~~", "<div>", "# x", "\tindented\ttab", "ខ្មែរ code",
    "    four", "| a | b |", "&amp; \\* `x`", "~~~~", "```js", "  ```",
])  # fmt: skip


@st.composite
def fence_block(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from(["", "", " ", "  ", "   "]))
    mark = draw(st.sampled_from(["```", "~~~", "````", "~~~~"]))
    info = draw(st.sampled_from(["", "js", " sh", 'js title="a.js"', "`x`", " | x", "{1,3}"]))
    body = draw(FENCE_BODIES)
    if draw(st.booleans()):
        body = "\n".join(indent + line for line in body.split("\n"))
    closers = [mark, mark, mark + "`", mark[:-1], "", indent + mark, mark + " x"]
    closer = draw(st.sampled_from(closers))
    return f"{indent}{mark}{info}\n{body}\n{closer}".rstrip("\n")


CELLS = st.sampled_from([
    "a", "`b|c`", "`b\\|c`", "x \\| y", "**b**", "", " ", "[l](u)", "ទំព័រ", "&amp;", "`",
    "<b>x</b>", "a\\", "\\\\|", "![i](p)", "~~s~~", "1.", "#",
])  # fmt: skip


@st.composite
def table_block(draw: st.DrawFn) -> str:
    cols = draw(st.integers(1, 4))
    pipes = draw(st.booleans())

    def row(cells: list[str]) -> str:
        inner = " | ".join(cells)
        return f"| {inner} |" if pipes else inner

    head = row([draw(st.one_of(CELLS, WORDS)) for _ in range(cols)])
    rule_cell = st.sampled_from(["---", ":--", "--:", ":-:", "-", " --- "])
    counts = st.sampled_from([cols, cols, cols - 1, cols + 1])
    rule = row([draw(rule_cell) for _ in range(draw(counts))])
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        n = draw(st.sampled_from([cols, cols, cols - 1, cols + 1]))
        rows.append(row([draw(st.one_of(CELLS, inline_text(3, lines=False))) for _ in range(n)]))
    return "\n".join([head, rule, *rows])


HTML_OPEN = st.sampled_from([
    '<Aside type="tip">', "<Tabs>", "<div>", "<Card title='x'>", "<TabItem label=\"npm\">",
    "<details>", "<summary>More</summary>", "<!-- note", "<!-- a -->", "<pre>", "<script>",
    "<style>", "<?php", "<![CDATA[", "<!DOCTYPE html>", "<Steps>", "<p>", "<img src=x>",
    "<Component {...props} />", "<x-y>", "<a href='x'>", "</div>",
])  # fmt: skip
HTML_CLOSE = st.sampled_from([
    "</Aside>", "</Tabs>", "</div>", "", "-->", "</pre>", "</script>", "?>", "]]>", "</Card>",
    "  </TabItem>",
])  # fmt: skip


@st.composite
def html_block(draw: st.DrawFn) -> str:
    inner = draw(st.sampled_from(["text", "markdown", "blank", "fence", "none"]))
    parts = [draw(st.sampled_from(["", " ", "  ", "   "])) + draw(HTML_OPEN)]
    if inner == "text":
        parts.append(draw(inline_text(6)))
    elif inner == "markdown":
        parts.append("\n" + draw(inline_text(6)) + "\n")
    elif inner == "blank":
        parts.append(draw(inline_text(4)) + "\n\n" + draw(inline_text(4)))
    elif inner == "fence":
        parts.append("\n```sh\nnpm i\n```\n")
    parts.append(draw(HTML_CLOSE))
    return "\n".join(parts).rstrip("\n")


QUOTED = st.sampled_from(["", "- item", "```", "# h", "0.", "1) x", "| a |", "---"])


@st.composite
def quote_block(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        prefix = draw(st.sampled_from(["> ", ">", "> > ", ">> ", "", ">  ", ">\t", " > "]))
        lines.append(prefix + draw(st.one_of(inline_text(5, lines=False), QUOTED)))
    return "\n".join(lines)


@st.composite
def heading_block(draw: st.DrawFn) -> str:
    text = draw(inline_text(6, lines=False))
    if draw(st.booleans()):
        hashes = "#" * draw(st.integers(1, 7))
        closing = draw(st.sampled_from(["", "", " #", " ##", "#", " \\#", " # x", "   "]))
        space = draw(st.sampled_from([" ", " ", "  ", "\t", ""]))
        return draw(st.sampled_from(["", " ", "   ", "    "])) + hashes + space + text + closing
    under = draw(st.sampled_from(["===", "---", "=", "-", "  ===  ", "= =", "----- "]))
    return text + "\n" + under


@st.composite
def other_block(draw: st.DrawFn) -> str:
    return draw(st.sampled_from([
        "---", "***", "- - -", "___", "===", "    code", "    code\n\n    more", "\tcode",
        "    code\n  not", "import A from 'b';", "export const x = 1;", "[r]: /ref",
        "[ref]: /u 'Title'", "[Ref]:\n  /multi\n  \"title\"", "[ref]: <> ", "[x]: /u\n[y]: /v",
        "[ref]: /u\nnot a title", "{/* comment */}", "<br />", "&nbsp;", "\\", "#", "# ",
        "-", "1.", "* * *", "-\n  item", "1.\n\n   x", "2. a\n3. b", "- [ ] task", "+ a\n- b",
        "\u200b", "\u00a0x", "|", "| a |", "|---|", "a\n|---|", "a | b\n--|--", "[^1]: note",
    ]))  # fmt: skip


@st.composite
def docs_block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(heading_block())
    if kind == 1:
        return draw(list_block())
    if kind == 2:
        return draw(fence_block())
    if kind == 3:
        return draw(table_block())
    if kind == 4:
        return draw(html_block())
    if kind == 5:
        return draw(quote_block())
    if kind == 6:
        return draw(other_block())
    return draw(inline_text())


@st.composite
def docs_page(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(docs_block(), min_size=1, max_size=12))
    out = blocks[0]
    for block in blocks[1:]:
        out += draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n", "\n \n", "\n\t\n"])) + block
    if draw(st.integers(0, 9)) == 0:
        out = out.replace("\n", "\r\n")
    lead = draw(st.sampled_from(["", "", "\n", " ", "\n\n"]))
    return lead + out + draw(st.sampled_from(["", "\n", "\n\n"]))


LINES = st.sampled_from([
    "#", "##", "-", "*", "+", "1.", "2)", ">", "```", "~~~", "``` js", "    ", "  ", "<div>",
    "</div>", '<Aside type="x">', "</Aside>", "<!--", "-->", "<pre>", "|", "| a |", "|---|",
    "---", "===", "***", "___", "[a]", "[x]: /u", "![i](p)", "[l](u)", "**", "__", "_", "`",
    "``", "\\", "&amp;", "<http://a.b>", "<span>", "~~", "word", "ប្រជុំ", "\u200b", "é", " ",
    "\n", "\n\n", "import x from 'y';", "{props}", "`a|b`", "`x`", "__a__", "\t", "\r", "\r\n",
    "\x00", "a\\|b", ":-:", "&#x17d2;", "\u00a0", "\u2028", "\x0b", "\x0c", "\u3000", "\x85",
])  # fmt: skip

nasty_page = st.lists(st.one_of(LINES, INLINE), min_size=1, max_size=40).map(" ".join)
