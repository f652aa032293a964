"""Gregorian date and time formatting and date finding, table-driven from fixtures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.dates import (
    FoundDate,
    find_dates,
    format_date,
    format_date_en,
    format_date_km,
    format_time,
)

FIXTURES = Path(__file__).parent / "fixtures" / "khmer"


def _tsv(name: str) -> list[list[str]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


@pytest.mark.parametrize(("day", "lang", "style", "expected"), _tsv("dates-format.tsv"))
def test_format_date(day: str, lang: str, style: str, expected: str) -> None:
    assert format_date(dt.date.fromisoformat(day), lang, style) == expected


def test_named_helpers() -> None:
    day = dt.date(2026, 1, 8)
    assert format_date_km(day) == "ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦"
    assert format_date_km(day, weekday=True) == "ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦"
    assert format_date_en(day) == "8 January 2026"
    assert format_date_en(day, weekday=True) == "Thursday, 8 January 2026"


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown date style 'huge'"):
        format_date(dt.date(2026, 1, 8), "km", "huge")


@pytest.mark.parametrize(("clock", "lang", "expected"), _tsv("dates-time.tsv"))
def test_format_time(clock: str, lang: str, expected: str) -> None:
    assert format_time(dt.time.fromisoformat(clock), lang) == expected


def test_format_time_takes_a_datetime() -> None:
    assert format_time(dt.datetime(2026, 1, 8, 19, 5)) == "៧:០៥ ល្ងាច"


_FIND_CASES: list[dict[str, Any]] = json.loads(
    (FIXTURES / "dates-find.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", _FIND_CASES, ids=lambda c: str(c["text"][:24]))
def test_find_dates(case: dict[str, Any]) -> None:
    text = case["text"]
    expected, position = [], 0
    for iso, matched, weekday in case["found"]:
        start = text.index(matched, position)
        position = start + len(matched)
        expected.append(FoundDate(dt.date.fromisoformat(iso), start, position, matched, weekday))
    found = find_dates(text, case["lang"])
    assert found == expected
    assert all(text[f.start : f.end] == f.matched for f in found)


def test_find_dates_rejects_other_languages() -> None:
    with pytest.raises(ValueError, match="not 'fr'"):
        find_dates("le 8 janvier 2026", "fr")


_DATES = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@given(_DATES, st.sampled_from(["medium", "long", "full"]), st.sampled_from(["km", "en"]))
def test_formatted_dates_are_found_again(day: dt.date, style: str, lang: str) -> None:
    text = format_date(day, lang, style)
    sentence = f"( {text} )"
    [found] = find_dates(sentence, lang)
    assert (found.date, found.start, found.end, found.matched) == (day, 2, 2 + len(text), text)
    assert found.weekday == (day.weekday() if style == "full" else None)


@given(st.text(), st.sampled_from(["km", "en"]))
def test_find_dates_never_raises(text: str, lang: str) -> None:
    for found in find_dates(text, lang):
        assert text[found.start : found.end] == found.matched
