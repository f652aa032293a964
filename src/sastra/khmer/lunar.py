"""The Khmer lunar calendar (Chhankitek, ចន្ទគតិ) for Gregorian dates from 1900 to 2100.

The arithmetic is the public Chhankitek method (aharkun, avoman, bodithey,
kromthupul: Roath Kim Soeun, *Pratitin Soryakkatik-Chankatik 1900-1999*) in the
form the widely used momentkh library applies it, so that this module agrees
day for day with that reference (the test vectors in ``../shared/khmer``):

* Day counting starts at 1900-01-01 = ១កើត ខែបុស្ស and walks whole lunar years
  (354, 355 or 384 days) and then months (29/30 days alternately; ជេស្ឋ has 30
  in a leap-day year; a leap-month year has បឋមាសាឍ and ទុតិយាសាឍ, 30 days
  each, instead of អាសាឍ). Which Buddhist-era year decides a year's or a
  month's length follows the reference (``_rough_be``) exactly.
* The animal year and the era (ស័ក) go up at the New Year moment (Moha
  Songkran, :func:`new_year_moment`); the Buddhist era (ពុទ្ធសករាជ) goes up on
  ១រោច ខែពិសាខ, the day after Visak Bochea (sources differ on Visak Bochea day
  itself; this keeps the old Buddhist-era year on it, as the reference does).

A :class:`datetime.date` is taken at its first moment (00:00, Cambodia time): on
New Year's day itself the old animal year and era are still current, as in
the reference; pass a :class:`datetime.datetime` to ask about a later moment.
Per-year tables are cached, so converting a whole year is cheap (``bench.khmer_lunar``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from sastra.khmer.digits import to_khmer_digits
from sastra.khmer.songkran import songkran

__all__ = [
    "ANIMAL_YEARS",
    "ERAS",
    "LUNAR_MONTHS",
    "PHASES",
    "WEEKDAYS",
    "LunarDate",
    "clear_caches",
    "format_lunar",
    "lunar_date",
    "new_year_moment",
]

FIRST_YEAR = 1900
LAST_YEAR = 2100

#: Lunar months by index; 12 and 13 replace អាសាឍ (7) in a leap-month year.
LUNAR_MONTHS = tuple(
    "មិគសិរ បុស្ស មាឃ ផល្គុន ចេត្រ ពិសាខ ជេស្ឋ អាសាឍ ស្រាពណ៍ ភទ្របទ អស្សុជ កត្តិក បឋមាសាឍ ទុតិយាសាឍ".split()  # noqa: SIM905
)
#: Waxing (កើត) and waning (រោច) halves of a lunar month.
PHASES = ("កើត", "រោច")
#: Animal years, index ``(buddhist_era + 4) % 12`` outside the New Year gap.
ANIMAL_YEARS = ("ជូត", "ឆ្លូវ", "ខាល", "ថោះ", "រោង", "ម្សាញ់", "មមី", "មមែ", "វក", "រកា", "ច", "កុរ")
#: Eras (ស័ក), index ``jolak_sakaraj % 10``.
ERAS = tuple("សំរឹទ្ធិស័ក ឯកស័ក ទោស័ក ត្រីស័ក ចត្វាស័ក បញ្ចស័ក ឆស័ក សប្តស័ក អដ្ឋស័ក នព្វស័ក".split())  # noqa: SIM905
#: Weekdays Monday..Sunday (``date.weekday()`` order), as the official lunar line writes them.
WEEKDAYS = ("ចន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")

_VISAKH, _JESTH, _SRAP, _KADEK, _ASATH1, _ASATH2 = 5, 6, 8, 11, 12, 13
_REGULAR, _LEAP_MONTH, _LEAP_DAY = 0, 1, 2
_EPOCH = dt.date(FIRST_YEAR, 1, 1).toordinal()  # ១កើត ខែបុស្ស
_LAST = dt.date(LAST_YEAR, 12, 31).toordinal()


@dataclass(frozen=True)
class LunarDate:
    """A date of the Khmer lunar calendar."""

    day: int
    """Day within the half month, 1–15."""
    phase: str
    """``កើត`` (waxing) or ``រោច`` (waning)."""
    month: str
    """Lunar month name, e.g. ``បុស្ស``; ``បឋមាសាឍ``/``ទុតិយាសាឍ`` in a leap-month year."""
    animal_year: str
    """Animal year, e.g. ``ម្សាញ់``; changes at the New Year moment."""
    era: str
    """Era (ស័ក), e.g. ``សប្តស័ក``; changes at the New Year moment."""
    buddhist_era: int
    """Buddhist era (ពុទ្ធសករាជ) year; changes on ១រោច ខែពិសាខ."""


# --- year-level arithmetic (Buddhist-era years) -------------------------------------------


def _aharkun(be: int) -> int:
    return (be * 292207 + 499) // 800 + 4


def _avoman(be: int) -> int:
    return (_aharkun(be) * 11 + 25) % 692


def _bodithey(be: int) -> int:
    aharkun = _aharkun(be)
    return ((aharkun * 11 + 25) // 692 + aharkun + 29) % 30


def _solar_leap(be: int) -> bool:
    return 800 - (be * 292207 + 499) % 800 <= 207


def _leap_day_by_calculation(be: int) -> bool:
    avoman = _avoman(be)
    if avoman == 0 and _avoman(be - 1) == 137:
        return True
    if _solar_leap(be):
        return avoman < 127
    if avoman == 137 and _avoman(be + 1) == 0:
        return False
    return avoman < 138


def _leap_month(be: int) -> bool:
    bodithey, following = _bodithey(be), _bodithey(be + 1)
    if bodithey == 25 and following == 5:
        return False
    return (bodithey == 24 and following == 6) or bodithey >= 25 or bodithey < 6


@lru_cache(maxsize=512)
def _leap_type(be: int) -> int:
    """Leap month, leap day (carried over a leap-month year when both fall together) or neither."""
    if _leap_month(be):
        return _LEAP_MONTH
    if _leap_day_by_calculation(be):
        return _LEAP_DAY
    previous = be - 1
    while _leap_month(previous):
        if _leap_day_by_calculation(previous):
            return _LEAP_DAY
        previous -= 1
    return _REGULAR


def _days_in_month(month: int, be: int) -> int:
    leap = _leap_type(be)
    if month == _JESTH and leap == _LEAP_DAY:
        return 30
    if month in (_ASATH1, _ASATH2):
        return 30 if leap == _LEAP_MONTH else 0
    return 29 if month % 2 == 0 else 30


def _days_in_year(be: int) -> int:
    return {_LEAP_MONTH: 384, _LEAP_DAY: 355}.get(_leap_type(be), 354)


def _next_month(month: int, be: int) -> int:
    if month == _JESTH and _leap_type(be) == _LEAP_MONTH:
        return _ASATH1
    return {_KADEK: 0, _ASATH1: _ASATH2, _ASATH2: _SRAP}.get(month, month + 1)


def _rough_be(year: int, month: int) -> int:
    """The Buddhist-era year the day count uses for lengths: it turns over on 1 May."""
    return year + 543 if month <= 4 else year + 544


# --- day counting ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _year_starts() -> tuple[int, ...]:
    """Ordinals of the ១កើត ខែបុស្ស that open each counted lunar year from 1900 on."""
    starts = [_EPOCH]
    while starts[-1] <= _LAST:
        greg = dt.date.fromordinal(starts[-1])
        starts.append(starts[-1] + _days_in_year(_rough_be(greg.year + 1, greg.month)))
    return tuple(starts)


@lru_cache(maxsize=256)
def _months_of(k: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Starts, ends and indices of the months walked from the ``k``-th year start."""
    starts = _year_starts()
    start, month, limit = starts[k], 1, starts[k + 1]
    firsts, ends, months = [], [], []
    while True:
        greg = dt.date.fromordinal(start)
        be = _rough_be(greg.year, greg.month)
        length = _days_in_month(month, be)
        firsts.append(start)
        ends.append(start + length)
        months.append(month)
        if start + length >= limit:
            return tuple(firsts), tuple(ends), tuple(months)
        start += length
        month = _next_month(month, be)


def _day_and_month(day: dt.date) -> tuple[int, int]:
    """(day number 0–29 from ១កើត, month index) of a Gregorian date."""
    ordinal = day.toordinal()
    if ordinal == _EPOCH:
        return 0, 1
    starts = _year_starts()
    firsts, ends, months = _months_of(bisect_left(starts, ordinal) - 1)
    j = bisect_left(ends, ordinal)
    number, month = ordinal - firsts[j], months[j]
    be = _rough_be(day.year, day.month)
    length = _days_in_month(month, be)
    if length and number >= length:
        number, month = number % length, _next_month(month, be)
    return number, month


@lru_cache(maxsize=256)
def _year_table(year: int) -> tuple[tuple[int, int], ...]:
    """(day number, month index) of every day of a Gregorian year."""
    first = dt.date(year, 1, 1).toordinal()
    last = dt.date(year, 12, 31).toordinal()
    return tuple(_day_and_month(dt.date.fromordinal(o)) for o in range(first, last + 1))


def _lookup(day: dt.date) -> tuple[int, int]:
    return _year_table(day.year)[day.toordinal() - dt.date(day.year, 1, 1).toordinal()]


# --- New Year and Buddhist era ---------------------------------------------------------------


@lru_cache(maxsize=256)
def _new_year(year: int) -> dt.datetime:
    """The Moha Songkran moment of a Gregorian year, local time."""
    return songkran(year, _lookup(dt.date(year, 4, 17)))


@lru_cache(maxsize=256)
def _visak_bochea_next(year: int) -> dt.datetime:
    """Start of ១រោច ខែពិសាខ (the day the Buddhist era turns over) in a Gregorian year."""
    day = dt.date(year, 4, 1)
    while day.month <= 6:
        if _lookup(day) == (15, _VISAKH):
            return dt.datetime(day.year, day.month, day.day)
        day += dt.timedelta(days=1)
    return dt.datetime(year, 4, 15)  # pragma: no cover - every year has a ពិសាខ by June


# --- public API -----------------------------------------------------------------------------


def _check_range(day: dt.date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"{day.isoformat()}: lunar dates are computed for {FIRST_YEAR}–{LAST_YEAR}"
        )


def clear_caches() -> None:
    """Forget every cached per-year table (benchmarks measure a cold start with this)."""
    _leap_type.cache_clear()
    _year_starts.cache_clear()
    _months_of.cache_clear()
    _year_table.cache_clear()
    _year_dates.cache_clear()
    _new_year.cache_clear()
    _visak_bochea_next.cache_clear()


def new_year_moment(year: int) -> dt.datetime:
    """The moment the Khmer New Year (Moha Songkran) begins, naive local time (UTC+7).

    >>> new_year_moment(2026)
    datetime.datetime(2026, 4, 14, 10, 48)
    """
    _check_range(dt.date(year, 1, 1))
    return _new_year(year)


def _at(moment: dt.datetime) -> LunarDate:
    number, month = _lookup(moment.date())
    visak = _visak_bochea_next(moment.year)
    be = moment.year + 544 if moment >= visak else moment.year + 543
    animal = (be + 4) % 12
    js = be - 1182
    if _new_year(moment.year) <= moment < visak:
        animal = (animal + 1) % 12
        js += 1
    return LunarDate(
        day=number % 15 + 1,
        phase=PHASES[number // 15],
        month=LUNAR_MONTHS[month],
        animal_year=ANIMAL_YEARS[animal],
        era=ERAS[js % 10],
        buddhist_era=be,
    )


@lru_cache(maxsize=256)
def _year_dates(year: int) -> tuple[LunarDate, ...]:
    """The lunar date of every day of a Gregorian year, each at 00:00."""
    first = dt.datetime(year, 1, 1)
    count = dt.date(year, 12, 31).timetuple().tm_yday
    return tuple(_at(first + dt.timedelta(days=i)) for i in range(count))


def lunar_date(day: dt.date) -> LunarDate:
    """The Khmer lunar date of a Gregorian date (1900–2100).

    A ``date`` is taken at 00:00 local time; a naive ``datetime`` (Cambodia time) at its
    moment, which matters only for the animal year and era on New Year's day. Raises
    :class:`ValueError` outside 1900–2100.
    """
    _check_range(day)
    if isinstance(day, dt.datetime):
        return _at(day)
    return _year_dates(day.year)[day.timetuple().tm_yday - 1]


def format_lunar(day: dt.date, abbreviated: bool = False) -> str:
    """The official lunar line, Khmer digits.

    ``ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩`` for 2026-01-08;
    with ``abbreviated`` the Buddhist era is written ``ព.ស. ២៥៦៩``.
    """
    lunar = lunar_date(day)
    be_label = "ព.ស." if abbreviated else "ពុទ្ធសករាជ"
    return (
        f"ថ្ងៃ{WEEKDAYS[day.weekday()]} {to_khmer_digits(lunar.day)}{lunar.phase} "
        f"ខែ{lunar.month} ឆ្នាំ{lunar.animal_year} {lunar.era} "
        f"{be_label} {to_khmer_digits(lunar.buddhist_era)}"
    )
