"""The Khmer lunar calendar against the reference vectors, plus sanity checks outside them."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.lunar import (
    ANIMAL_YEARS,
    ERAS,
    LUNAR_MONTHS,
    PHASES,
    LunarDate,
    format_lunar,
    lunar_date,
    new_year_moment,
)

FIXTURES = Path(__file__).parent / "fixtures" / "khmer"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "khmer"
FIRST, LAST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def _day_mismatches(path: Path) -> tuple[int, list[str]]:
    """Compare every row of a lunar-days TSV; return (rows checked, mismatch descriptions)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == [
        "gregorian",
        "lunar_day",
        "phase",
        "lunar_month",
        "full_khmer_date",
    ]
    wrong = []
    for line in lines[1:]:
        gregorian, day, phase, month, full = ([*line.split("\t"), ""])[:5]
        date = dt.date.fromisoformat(gregorian)
        lunar = lunar_date(date)
        if (lunar.day, lunar.phase, lunar.month) != (int(day), phase, month):
            wrong.append(f"{gregorian}: expected {day}{phase} {month}, got {lunar}")
        if full and format_lunar(date) != full:
            wrong.append(f"{gregorian}: expected {full!r}, got {format_lunar(date)!r}")
    return len(lines) - 1, wrong


def _new_year_mismatches(path: Path) -> tuple[int, list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "year\tnew_year_moment_local"
    wrong = []
    for line in lines[1:]:
        year, expected = line.split("\t")
        got = new_year_moment(int(year)).strftime("%Y-%m-%d %H:%M")
        if got != expected:
            wrong.append(f"{year}: expected {expected}, got {got}")
    return len(lines) - 1, wrong


def test_exact_official_line() -> None:
    day = dt.date(2026, 1, 8)
    assert lunar_date(day) == LunarDate(5, "រោច", "បុស្ស", "ម្សាញ់", "សប្តស័ក", 2569)
    assert format_lunar(day) == "ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩"
    assert format_lunar(day, abbreviated=True) == ("ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ព.ស. ២៥៦៩")


def test_fixture_slice_agrees_with_reference() -> None:
    rows, wrong = _day_mismatches(FIXTURES / "lunar-days-slice.tsv")
    assert rows > 3000
    assert wrong == []


def test_fixture_new_years_agree_with_reference() -> None:
    rows, wrong = _new_year_mismatches(FIXTURES / "lunar-new-year-1950-2060.tsv")
    assert rows == 111
    assert wrong == []


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared vectors not found at {SHARED}")
def test_every_shared_vector() -> None:
    rows, wrong = _day_mismatches(SHARED / "lunar-days-1950-2060.tsv")
    assert rows == 40543
    assert wrong[:20] == []
    rows, wrong = _new_year_mismatches(SHARED / "new-year-1950-2060.tsv")
    assert rows == 111
    assert wrong == []


def test_new_year_switches_animal_year_and_era_at_its_moment() -> None:
    moment = new_year_moment(2026)
    assert moment == dt.datetime(2026, 4, 14, 10, 48)
    before = lunar_date(moment - dt.timedelta(minutes=1))
    after = lunar_date(moment)
    assert (before.animal_year, before.era, before.buddhist_era) == ("ម្សាញ់", "សប្តស័ក", 2569)
    assert (after.animal_year, after.era, after.buddhist_era) == ("មមី", "អដ្ឋស័ក", 2569)
    # A plain date is its first moment: New Year's day still has the old year.
    assert lunar_date(dt.date(2026, 4, 14)).animal_year == "ម្សាញ់"
    assert lunar_date(dt.date(2026, 4, 15)).animal_year == "មមី"


def test_buddhist_era_turns_the_day_after_visak_bochea() -> None:
    visak = lunar_date(dt.date(2026, 5, 1))
    after = lunar_date(dt.date(2026, 5, 2))
    assert (visak.day, visak.phase, visak.month, visak.buddhist_era) == (15, "កើត", "ពិសាខ", 2569)
    assert (after.day, after.phase, after.month, after.buddhist_era) == (1, "រោច", "ពិសាខ", 2570)
    assert (after.animal_year, after.era) == ("មមី", "អដ្ឋស័ក")


@pytest.mark.parametrize("bad", [dt.date(1899, 12, 31), dt.date(2101, 1, 1)])
def test_outside_range_is_an_error(bad: dt.date) -> None:
    with pytest.raises(ValueError, match="1900–2100"):
        lunar_date(bad)
    with pytest.raises(ValueError):
        new_year_moment(bad.year)


def _all_days() -> list[tuple[dt.date, LunarDate]]:
    days = []
    day = FIRST
    while day <= LAST:
        days.append((day, lunar_date(day)))
        day += dt.timedelta(days=1)
    return days


def _number(lunar: LunarDate) -> int:
    return lunar.day - 1 + 15 * PHASES.index(lunar.phase)


@pytest.mark.slow
def test_1900_to_2100_counts_days_without_gaps() -> None:
    """Each day is the next lunar day, or ១កើត of the next month after a 29- or 30-day month."""
    following = {m: {LUNAR_MONTHS[(i + 1) % 12]} for i, m in enumerate(LUNAR_MONTHS[:12])}
    following.update({"ជេស្ឋ": {"អាសាឍ", "បឋមាសាឍ"}, "បឋមាសាឍ": {"ទុតិយាសាឍ"}, "ទុតិយាសាឍ": {"ស្រាពណ៍"}})
    lengths: Counter[int] = Counter()
    run = 1
    days = _all_days()
    for (_, before), (day, lunar) in itertools.pairwise(days):
        if lunar.month == before.month:
            assert _number(lunar) == _number(before) + 1, day
            run += 1
            continue
        assert _number(lunar) == 0, day
        assert lunar.month in following[before.month], day
        lengths[run] += 1
        run = 1
    assert set(lengths) == {29, 30}
    # 7 leap months every 19 years (Metonic cycle): 201 years hold 74.
    leap_years = {day.year for day, lunar in days if lunar.month == "បឋមាសាឍ"}
    assert len(leap_years) == 74


@pytest.mark.slow
def test_1900_to_2100_follows_the_moon() -> None:
    """The lunar day stays within 1.5 days of the mean age of the moon (new moon 2000-01-06 18:14
    UT, synodic month 29.530589 days): the arithmetic calendar never drifts from the sky."""
    new_moon, synodic = dt.datetime(2000, 1, 6, 18, 14), 29.530588853
    for day, lunar in _all_days()[::3]:
        noon_ut = dt.datetime(day.year, day.month, day.day, 5)
        age = (noon_ut - new_moon).total_seconds() / 86400 % synodic
        drift = (_number(lunar) + 0.5 - age + synodic / 2) % synodic - synodic / 2
        assert abs(drift) < 1.5, (day, lunar, age)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # The count starts here: 1900-01-01 is ១កើត ខែបុស្ស (the new moon fell that day).
        (dt.date(1900, 1, 1), (1, "កើត", "បុស្ស", "កុរ", "ឯកស័ក", 2443)),
        # After the 1900 New Year and Visak Bochea: Rat year (as the Chinese cycle, from 1900),
        # Jolak Sakaraj 1900 - 638 = 1262 -> ទោស័ក, Buddhist era 1900 + 544.
        (dt.date(1900, 12, 31), (11, "កើត", "បុស្ស", "ជូត", "ទោស័ក", 2444)),
        # Before the 2100 New Year: Goat year (2100 is a Monkey year: 2016 + 7 x 12), JS 1461.
        (dt.date(2100, 1, 1), (5, "រោច", "មិគសិរ", "មមែ", "ឯកស័ក", 2643)),
        # After it: Monkey, JS 2100 - 638 = 1462 -> ទោស័ក, Buddhist era 2100 + 544.
        (dt.date(2100, 12, 31), (1, "កើត", "បុស្ស", "វក", "ទោស័ក", 2644)),
    ],
)
def test_ends_of_the_range(day: dt.date, expected: tuple[object, ...]) -> None:
    lunar = lunar_date(day)
    got = (lunar.day, lunar.phase, lunar.month, lunar.animal_year, lunar.era, lunar.buddhist_era)
    assert got == expected


def test_new_year_falls_in_mid_april_every_year() -> None:
    for year in range(1900, 2101):
        moment = new_year_moment(year)
        assert (moment.year, moment.month) == (year, 4)
        assert 12 <= moment.day <= 15, moment


@given(st.dates(min_value=FIRST, max_value=LAST))
def test_any_date_in_range_is_consistent(day: dt.date) -> None:
    lunar = lunar_date(day)
    assert 1 <= lunar.day <= 15
    assert lunar.phase in PHASES and lunar.month in LUNAR_MONTHS
    assert lunar.buddhist_era in (day.year + 543, day.year + 544)
    # The animal year and era follow the Jolak Sakaraj year (CE - 638 after New Year).
    js = (
        day.year - 638
        if dt.datetime(day.year, day.month, day.day) >= new_year_moment(day.year)
        else day.year - 639
    )
    assert lunar.era == ERAS[js % 10]
    assert lunar.animal_year == ANIMAL_YEARS[(js + 1186) % 12]
    text = format_lunar(day)
    assert text.startswith("ថ្ងៃ") and f"ខែ{lunar.month} ឆ្នាំ{lunar.animal_year} {lunar.era}" in text
