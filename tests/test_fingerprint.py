"""The text fingerprint: invariant under formatting, sensitive to meaning."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.tracking.fingerprint import (
    body_blocks,
    compare,
    display_text,
    markdown_blocks,
    normalize_visible,
    text_fingerprint,
    visible_text,
)

FIELDS = ("title", "description")
META = {"title": "ចំណងជើង", "description": "Summary", "date": "2026-01-08", "image": "a.jpg"}
BODY = (
    "# ចំណងជើង\n\nភ្នំពេញ៖ ក្រុមការងារបានជួបប្រជុំ។\n\nThe 18 centres *provide* [training](https://x.org).\n"
)


def fp(meta: dict[str, object], body: str) -> str:
    return visible_text(meta, body, 1, FIELDS).fingerprint


BASE = fp(META, BODY)


@pytest.mark.parametrize(
    "body",
    [
        BODY.replace("# ចំណងជើង", "### ចំណងជើង"),  # heading level
        BODY.replace("ក្រុមការងារ", "ក្រុម ការងារ"),  # a Khmer phrase break added
        BODY.replace("The 18 centres *provide*", "The 18 centres\n*provide*"),  # re-wrapped
        BODY.replace("\n\nThe", "\n\n\n\nThe"),  # blank lines moved
        BODY.replace("ជួបប្រជុំ។\n\nThe", "ជួបប្រជុំ។\nThe"),  # paragraphs merged
        BODY.replace("(https://x.org)", "(https://example.org/other)"),  # link target
        BODY.replace("ប្រជុំ", "ប្រ\u200bជុំ"),  # zero-width space
        BODY.replace("*provide*", "**provide**"),  # emphasis
        BODY.replace("\n", "\r\n").replace("\r\n", "\n") + "\n\n",  # trailing blank lines
    ],
)
def test_formatting_does_not_change_the_fingerprint(body: str) -> None:
    assert fp(META, body) == BASE


@pytest.mark.parametrize(
    "meta",
    [
        {**META, "date": "2026-02-01"},
        {**META, "image": "b.jpg"},
        {**META, "tags": ["x"]},
        {**META, "title": "ចំណង ជើង"},
    ],
)
def test_shared_fields_and_khmer_spacing_do_not_count(meta: dict[str, object]) -> None:
    assert fp(meta, BODY) == BASE


@pytest.mark.parametrize(
    ("meta", "body"),
    [
        (META, BODY.replace("18", "19")),
        (META, BODY.replace(" *provide* [training](https://x.org)", "")),
        (META, BODY.replace("The 18", "18")),
        ({**META, "title": "ថ្មី"}, BODY),
        ({**META, "description": "Other"}, BODY),
        (META, BODY + "\nA new sentence.\n"),
    ],
)
def test_meaning_changes_change_the_fingerprint(meta: dict[str, object], body: str) -> None:
    assert fp(meta, body) != BASE


def test_compare_names_the_changed_paragraphs_and_fields() -> None:
    old = visible_text(META, "A.\n\nB.\n\nC.\n\nD.\n", 1, FIELDS)
    new = visible_text({**META, "title": "ថ្មី"}, "A.\n\nB2.\n\nC.\n\nE.\n\nF.\n", 1, FIELDS)
    change = compare(old, new, "old", "new")
    assert change.changed_fields == ("title",)
    assert change.changed_paragraphs == (2, 4, 5)
    assert change.removed_paragraphs == ()
    gone = compare(old, visible_text(META, "A.\n\nC.\n\nD.\n", 1, FIELDS), "old", "new")
    assert gone.changed_paragraphs == ()
    assert gone.removed_paragraphs == ("B.",)
    assert "-B.\n" in gone.diff


def test_paragraph_lines_are_file_lines() -> None:
    text = visible_text(META, "\nFirst.\n\nSecond\nwrapped.\n", 7, FIELDS)
    assert [(p.index, p.text, p.line) for p in text.body] == [
        (1, "First.", 8),
        (2, "Second wrapped.", 10),
    ]


khmer = st.text(alphabet=st.characters(min_codepoint=0x1780, max_codepoint=0x17FF), min_size=1)


@given(st.lists(khmer, min_size=1, max_size=6), st.lists(st.sampled_from([" ", "  ", "\n", ""])))
def test_spaces_between_khmer_runs_never_count(words: list[str], seps: list[str]) -> None:
    joined = "".join(words)
    spaced = "".join(w + (seps[i % len(seps)] if seps else " ") for i, w in enumerate(words))
    assert normalize_visible(spaced) == normalize_visible(joined)


@given(st.text())
def test_normalize_is_idempotent_and_total(text: str) -> None:
    once = normalize_visible(text)
    assert normalize_visible(once) == once


@given(st.text(), st.text())
def test_visible_text_never_raises(title: str, body: str) -> None:
    visible_text({"title": title}, body, 1, FIELDS)


# -- the plain-prose fast path gives exactly markdown-it's blocks -------------------------------
PIECES = st.sampled_from([
    "ក្រសួងប្រជុំ", "សហគមន៍ ឌីជីថល។", "word", "two words", "2026", "១២៣", "Welcome!", "a.b",
    "# ", "## ", "- ", "+ ", "* ", "1. ", "2) ", "> ", "    ", "\t", "  ", " ", "```", "~~~",
    "<div>", "<!-- c -->", "[a]: /u", "[a]", "[link](/x)", "![img](/i.png)", "*em*", "_em_",
    "`code`", "&amp;", "a | b", "---", "===", "***", "\\", "\xa0", "\x0c", "~~s~~", "<b>x</b>",
    "http://x.org", "a_b", "!", ":", "=", "-",
])  # fmt: skip


@st.composite
def markdown_bodies(draw: st.DrawFn) -> str:
    lines = ["".join(draw(st.lists(PIECES, max_size=4))) for _ in range(draw(st.integers(0, 10)))]
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def shown(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(line, display_text(raw)) for line, raw in blocks if display_text(raw)]


@given(markdown_bodies())
def test_plain_prose_fast_path_matches_markdown_it(body: str) -> None:
    assert shown(body_blocks(body)) == shown(markdown_blocks(body)), repr(body)


def test_plain_paragraphs_skip_markdown_it_and_keep_their_lines() -> None:
    body = "ក្រសួង ប្រជុំ\nលើកទីពីរ។\n\nSee the [report](/r).\n\nLast one.\n"
    assert shown(body_blocks(body)) == [
        (0, "ក្រសួង ប្រជុំ លើកទីពីរ។"),
        (3, "See the report."),
        (5, "Last one."),
    ]


def _reference_normalize(text: str) -> str:
    """The definition, spelled with regular expressions (slower than the real one)."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFC", re.sub("[\u200b\u200c\u200d\ufeff]", "", text))
    text = re.sub(r"\s+", " ", text).strip()
    khmer = "\u1780-\u17ff\u19e0-\u19ff"
    return unicodedata.normalize("NFC", re.sub(f"(?<=[{khmer}]) | (?=[{khmer}])", "", text))


@given(
    st.lists(
        st.sampled_from(
            ["ក", "ា", "្រ", "a", "e", "\u0301", "1", " ", "\n", "\u200b", "\u200d", "\xa0", "᧠"]
        )
    )
)
def test_normalize_matches_its_definition(chars: list[str]) -> None:
    text = "".join(chars)
    assert normalize_visible(text) == _reference_normalize(text)


# Fingerprints are stored in frontmatter (l10n.source_hash): a faster implementation must
# give the very same values (these were computed before the fast paths existed).
@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("ក្រសួង", "ក្រសួង ប្រជុំ\nលើកទីពីរ។\n\nSee the [report](/r).\n", "cd29988a85e59430"),
        (
            "Digital services",
            "# Heading\n\nPlain *prose* with `code`.\n\n- item one\n- item two\n",
            "f275623989da8ce4",
        ),
        ("e\u200d\u0301", "cafe\u200b\u0301 ក\u200bា\n\n    indented code\n", "7517320ab48901bb"),
        ("", "<div>html</div>\n\n```\nfenced\n```\n", "4604c34f0c17cec6"),
    ],
)
def test_fingerprint_values_are_stable(title: str, body: str, expected: str) -> None:
    assert visible_text({"title": title}, body, 1, ["title"]).fingerprint == expected
    assert text_fingerprint({"title": title}, body, ["title"]) == expected


@given(st.lists(PIECES, max_size=3).map("".join), markdown_bodies(), st.booleans())
def test_the_paragraph_free_fingerprint_is_the_fingerprint(
    title: str, body: str, mdx: bool
) -> None:
    meta = {"title": title, "description": [title, "x"], "date": "2026-01-08"}
    full = visible_text(meta, body, 1, FIELDS, mdx=mdx).fingerprint
    assert text_fingerprint(meta, body, FIELDS, mdx=mdx) == full
