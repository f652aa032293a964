"""Paragraphs with plain emphasis and links: the fast reader agrees with markdown-it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.tracking.fingerprint import body_blocks, display_text, markdown_blocks
from sastra.tracking.prose import prose_text


@pytest.mark.parametrize(
    ("chunk", "expected"),
    [
        ("The **ministry** met.", "The ministry met."),
        ("ក្រសួង **ឌីជីថល** បានប្រជុំ។", "ក្រសួង ឌីជីថល បានប្រជុំ។"),
        ("See the [report](/r/2026) and *more*.", "See the report and more."),
        ("![map of Kampot](/img/kampot.png) below", "map of Kampot below"),
        ("**a**b**c**", "abc"),
        ("[**bold label**](/x)", "bold label"),
        # left to markdown-it
        ("**ends with a full stop.**", None),
        ("**ជួបប្រជុំ។**", None),
        ("* a list item", None),
        ("a\n---", None),
        ("[ref] (not a link)", None),
        ("[a](/x y)", None),
        ("2 * 3 = 6", None),
        ("snake_case", None),
        ("    indented", None),
        ("***strong em***", None),
        ("ក្រសួង\n \nក្រសួង", None),  # a blank line: two paragraphs (found by hypothesis)
    ],
)
def test_prose_text_table(chunk: str, expected: str | None) -> None:
    assert prose_text(chunk) == expected


def shown(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(line, display_text(raw)) for line, raw in blocks if display_text(raw)]


PIECES = st.sampled_from([
    "ក្រសួង", "ប្រជុំ។", "word", "two words", "៛", "។", ".", ",", "(", ")", "2026",
    "*", "**", "***", "[", "]", "](", "![", "[a](/b)", "[ក](/ក)", "](/x)", "(/y)",
    " ", "  ", "\n", "\n\n", "\n* ", "\n- ", "\n#", "!", ":", "'", "\"", "é", "\u0301",
    "*word*", "**word**", "**ឌីជីថល**", "*a.*", "**.a**", "[*x*](/u)",
])  # fmt: skip


@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_prose_paragraphs_match_markdown_it(body: str) -> None:
    assert shown(body_blocks(body)) == shown(markdown_blocks(body)), repr(body)


@given(st.lists(PIECES, min_size=1, max_size=10).map("".join))
def test_prose_text_matches_markdown_it_when_it_answers(chunk: str) -> None:
    chunk = chunk.strip("\n") or "x"
    if "\n\n" in chunk:
        return  # one chunk only
    fast = prose_text(chunk)
    if fast is not None:
        assert [display_text(fast)] == [
            display_text(raw) for _, raw in markdown_blocks(chunk) if display_text(raw)
        ] or display_text(fast) == "", repr(chunk)
