"""Unicode hygiene: findings (fixture tables) and the matching-key normalizer."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.unicode import HygieneIssue, check_text, normalize

FIXTURES = Path(__file__).parent / "fixtures" / "khmer"


def _unescape(text: str) -> str:
    text = text.replace("\\n", "\n")
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _rows(name: str) -> list[list[str]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _expected_findings() -> dict[str, list[tuple[str, int, int, str, str | None]]]:
    expected: dict[str, list[tuple[str, int, int, str, str | None]]] = defaultdict(list)
    for text, code, line, column, span, fix in _rows("unicode-check.tsv"):
        expected[_unescape(text)].append(
            (code, int(line), int(column), _unescape(span), None if fix == "-" else fix)
        )
    return expected


@pytest.mark.parametrize(("text", "expected"), sorted(_expected_findings().items()))
def test_findings(text: str, expected: list[tuple[str, int, int, str, str | None]]) -> None:
    found = [(i.code, i.line, i.column, i.span, i.fix) for i in check_text(text)]
    assert found == expected


@pytest.mark.parametrize("row", _rows("unicode-clean.tsv"))
def test_clean_text_has_no_finding(row: list[str]) -> None:
    assert check_text(_unescape(row[0])) == []


@pytest.mark.parametrize("row", _rows("unicode-legacy.tsv"))
def test_legacy_font(row: list[str]) -> None:
    limon, span = row[0], row[1]
    found = [i for i in check_text(limon) if i.code == "km-legacy-font"]
    if span:
        assert [(i.column, i.span, i.fix) for i in found] == [(limon.index(span) + 1, span, None)]
    else:
        assert found == []


def test_finding_fields() -> None:
    (issue,) = check_text("ok\nលោក មន្រ្តី")
    assert issue == HygieneIssue(
        code="km-cluster-order",
        line=2,
        column=5,
        message="characters typed in a non-canonical order: «មន្រ្តី» should be typed «មន្ត្រី»",
        fix="មន្ត្រី",
        span="មន្រ្តី",
    )
    assert "\n" not in issue.message


@pytest.mark.parametrize("row", _rows("unicode-normalize.tsv"))
def test_normalize(row: list[str]) -> None:
    assert normalize(_unescape(row[0])) == _unescape(row[1])


def test_normalize_brief_example() -> None:
    assert normalize("មន្រ្តី") == normalize("មន្ត្រី")


KHMERISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x1780, max_codepoint=0x17FF),
        st.sampled_from(["\u200b", "\u200c", "\u200d", "\ufeff", "\u00a0", " ", "\n", "a"]),
    )
)


@given(st.one_of(st.text(), KHMERISH))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.one_of(st.text(), KHMERISH))
def test_check_text_never_raises(text: str) -> None:
    for issue in check_text(text):
        assert issue.line >= 1 and issue.column >= 1
        assert "\n" not in issue.message
        assert issue.span


@given(KHMERISH)
def test_fixes_are_clean(text: str) -> None:
    """Applying a cluster fix leaves nothing for that run to report."""
    for issue in check_text(text):
        if issue.code.startswith("km-") and issue.fix and issue.code != "km-nbsp":
            assert not [i for i in check_text(issue.fix) if i.code == issue.code]


def _normalize_whole(text: str) -> str:
    """The reference: pheasa over the whole text, as normalize() did before run caching."""
    import re
    import unicodedata

    import pheasa

    from sastra.khmer import unicode as ku

    text = unicodedata.normalize("NFC", text).translate(ku._STRIP_ZERO_WIDTH)
    for _ in range(4):
        folded = ku._DOUBLED.sub(r"\1", pheasa.normalize(text))
        if folded == text:
            break
        text = folded
    return re.sub(r"\s+", " ", text).strip()


_KHMER_OR_SPACE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x1780, max_codepoint=0x17FF), st.sampled_from(" \u200b")
    ),
    max_size=40,
)


@given(_KHMER_OR_SPACE)
def test_run_by_run_normalize_agrees_with_whole_text_normalize(text: str) -> None:
    assert normalize(text) == _normalize_whole(text)
