"""Numbers formatted per locale (Khmer digits on Khmer pages) and found again in text."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.numbers import (
    FoundNumber,
    find_numbers,
    format_number,
    format_percent,
    parse_number,
)

FIXTURES = Path(__file__).parent / "fixtures" / "khmer"


def _format_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (FIXTURES / "numbers-format.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, lang, value, expected = line.split("\t")
            rows.append((kind, lang, value, expected))
    return rows


@pytest.mark.parametrize(("kind", "lang", "value", "expected"), _format_rows())
def test_format_table(kind: str, lang: str, value: str, expected: str) -> None:
    func = format_number if kind == "number" else format_percent
    assert func(Decimal(value), lang) == expected


def test_issue_strings_from_floats() -> None:
    assert format_number(1234.5, "km") == "១.២៣៤,៥"
    assert format_percent(0.724, "km") == "៧២,៤%"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_percent(0.724, "en") == "72.4%"


def test_percent_decimals_and_pattern() -> None:
    assert format_percent(0.72456, "km", decimals=2) == "៧២,៤៦%"
    assert format_percent(0.724, "en", decimals=0) == "72%"
    assert format_number(3.14159, "km", pattern="#,##0.00") == "៣,១៤"
    with pytest.raises(ValueError):
        format_percent(0.5, "en", decimals=-1)


def test_unknown_language_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown language 'xx-nope'"):
        format_number(1, "xx-nope")


_FIND_CASES = json.loads((FIXTURES / "numbers-find.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _FIND_CASES, ids=[c["text"] for c in _FIND_CASES])
def test_find_table(case: dict[str, object]) -> None:
    text = str(case["text"])
    found = find_numbers(text, str(case["lang"]))
    expected = case["found"]
    assert isinstance(expected, list)
    assert [(n.value, n.text, n.is_percent) for n in found] == [
        (Decimal(v), t, p) for v, t, p in expected
    ]
    search_from = 0
    for n in found:
        assert n.start == text.index(n.text, search_from)
        assert n.end == n.start + len(n.text)
        search_from = n.end


def test_review_compares_scripts() -> None:
    def values(text: str, lang: str) -> list[Decimal]:
        return [n.value for n in find_numbers(text, lang)]

    en = "In 2026, 18 schools got 3,800 books; 72.4% of pupils read daily."
    km = "ក្នុងឆ្នាំ២០២៦ សាលា ១៨ ទទួលបានសៀវភៅ ៣.៨០០ ក្បាល ហើយសិស្ស ៧២,៤% អានរាល់ថ្ងៃ។"
    assert values(en, "en") == values(km, "km")
    assert values(en, "en") == [Decimal("2026"), 18, 3800, Decimal("72.4")]


def test_found_number_is_frozen() -> None:
    n = find_numbers("៥", "km")[0]
    assert n == FoundNumber(Decimal(5), 0, 1, "៥", False)
    with pytest.raises(AttributeError):
        n.value = Decimal(6)  # type: ignore[misc]


def test_parse_number() -> None:
    assert parse_number(" ៣.៨០០ ", "km") == 3800
    assert parse_number("៧២,៤%", "km") == Decimal("72.4")
    assert parse_number("1,234.5", "en") == Decimal("1234.5")
    assert parse_number("3 800", "en") is None  # two numbers in English
    assert parse_number("about 5", "en") is None
    assert parse_number("", "km") is None


def test_three_digit_decimal_is_read_as_thousands_in_khmer() -> None:
    # The documented ambiguity: Babel writes 123.456 as ១២៣,៤៥៦ on Khmer pages, which
    # the 3-digit rule reads back as 123456.
    assert format_number(Decimal("123.456"), "km") == "១២៣,៤៥៦"
    assert parse_number("១២៣,៤៥៦", "km") == 123456


_values = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(Decimal),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)


@given(_values, st.sampled_from(["km", "en"]))
def test_format_then_find_round_trips(value: Decimal, lang: str) -> None:
    text = format_number(value, lang)
    assert parse_number(text, lang) == value


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from(["km", "en"]))
def test_percent_round_trips(permille: int, lang: str) -> None:
    text = format_percent(Decimal(permille) / 1000, lang)
    [n] = find_numbers(text, lang)
    assert n.is_percent and n.end == len(text)
    assert n.value == Decimal(permille) / 10


@given(st.text(), st.sampled_from(["km", "en", "km-KH"]))
def test_find_never_raises_and_positions_hold(text: str, lang: str) -> None:
    last = 0
    for n in find_numbers(text, lang):
        assert text[n.start : n.end] == n.text
        assert last <= n.start < n.end
        last = n.end


_km_chars = st.sampled_from(list("០១២៣៤៥៦៧៨៩0123456789.,/:- %\u00a0កខ"))


@given(st.text(_km_chars, max_size=30), st.sampled_from(["km", "en"]))
def test_find_on_digit_soup(text: str, lang: str) -> None:
    for n in find_numbers(text, lang):
        assert text[n.start : n.end] == n.text
        assert n.text.lstrip("-\u2212")[0] in "០១២៣៤៥៦៧៨៩0123456789"
