"""The moment of the Khmer New Year (Moha Songkran) from the Chhankitek solar arithmetic.

Years here are Jolak Sakaraj (JS = CE - 638). The sun's true position on the last days
of the solar year (mean position from kromthupul, corrected by the chhaya table) tells
the time it enters Aries; the number of New Year's days (3 or 4) and the Lerng Sak
lunar date place that moment on the calendar. As in the reference (momentkh), a few
years whose official moment differs from the arithmetic are fixed by a table.
:mod:`sastra.khmer.lunar` is the public interface (``new_year_moment``).
"""

from __future__ import annotations

import datetime as dt
import math

__all__ = ["songkran"]

#: New Year moments the arithmetic gets wrong, as the reference fixes them (day, time).
_NEW_YEAR_OVERRIDES = {
    2011: (dt.date(2011, 4, 14), 13, 12),
    2012: (dt.date(2012, 4, 14), 19, 11),
    2013: (dt.date(2013, 4, 14), 2, 12),
    2014: (dt.date(2014, 4, 14), 8, 7),
    2015: (dt.date(2015, 4, 14), 14, 2),
}


def _js_aharkun(js: int) -> int:
    return (js * 292207 + 373) // 800 + 1


def _js_kromthupul(js: int) -> int:
    return 800 - (292207 * js + 373) % 800


def _js_bodithey(js: int) -> int:
    aharkun = _js_aharkun(js)
    return (aharkun + (11 * aharkun + 650) // 692) % 30


def _js_avoman(js: int) -> int:
    return (_js_aharkun(js) * 11 + 650) % 692


def _adhikameas(js: int) -> bool:
    bodithey, following = _js_bodithey(js), _js_bodithey(js + 1)
    if bodithey == 24 and following == 6:
        return True
    if bodithey == 25 and following == 5:
        return False
    return bodithey > 24 or bodithey < 6


def _chantrathimeas(js: int) -> bool:
    avoman = _js_avoman(js)
    if avoman == 0 and _js_avoman(js - 1) == 137:
        return True
    if _js_kromthupul(js) <= 207:
        return avoman < 127
    if avoman == 137 and _js_avoman(js + 1) == 0:
        return False
    return avoman < 138


def _trunc_mod(a: int, b: int) -> int:
    """Remainder with the sign of the dividend, as the reference's arithmetic has it."""
    return int(math.fmod(a, b))


#: (multiplicity, chhaya) of the sun's equation of centre by khan.
_CHHAYA = ((35, 0), (32, 35), (27, 67), (22, 94), (13, 116), (5, 129))


def _sun_position(js: int, sotin: int) -> tuple[int, int]:
    """(angsar, libda) of the sun's true position on day ``sotin`` of the solar year."""
    total = 800 * sotin + _js_kromthupul(js - 1)
    reasey, rest = divmod(total, 24350)
    angsar, rest = divmod(rest, 811)
    mean = 1800 * reasey + 60 * angsar + rest // 14 - 3  # sun's mean position, in libda
    left = mean - (1800 * 2 + 60 * 20)
    if left < 0:
        left += 1800 * 12
    kaen = left // 1800
    if kaen <= 2:
        rs = kaen  # sic: as the reference has it (kept, to agree with it)
    elif kaen <= 5:
        rs = 1800 * 6 - left
    elif kaen <= 8:
        rs = left - 1800 * 6
    else:
        rs = 1800 * 11 + 60 * 29 + 60 - left
    r_reasey, r_angsar, r_libda = rs // 1800, (rs % 1800) // 60, rs % 60
    if r_angsar >= 15:
        khan, pouichalip = 2 * r_reasey + 1, 60 * (r_angsar - 15) + r_libda
    else:
        khan, pouichalip = 2 * r_reasey, 60 * r_angsar + r_libda
    multiplicity, chhaya = _CHHAYA[khan] if khan <= 5 else (0, 134)
    phol = pouichalip * multiplicity // 900 + chhaya
    true = mean - phol if kaen <= 5 else mean + phol
    return _trunc_mod(true, 1800) // 60, _trunc_mod(true, 60)


def songkran(year: int, april_17: tuple[int, int]) -> dt.datetime:
    """The Moha Songkran moment of a Gregorian year, naive local time (UTC+7).

    ``april_17`` is the lunar date of 17 April that year as (day number 0–29 from
    ១កើត, month index with ចេត្រ = 4): the New Year's days are counted back from it.
    """
    js = year - 638
    sotins = (363, 364, 365, 366) if _js_kromthupul(js - 1) <= 207 else (362, 363, 364, 365)
    positions = [_sun_position(js, s) for s in sotins]
    hour = minute = 0
    for angsar, libda in positions:
        if angsar == 0:
            hour, minute = divmod(24 * 60 - libda * 24, 60)
            hour %= 24
            break
    days = 4 if positions[0][0] == 0 else 3
    bodithey = _js_bodithey(js)
    if _adhikameas(js - 1) and _chantrathimeas(js - 1):
        bodithey = (bodithey + 1) % 30
    # Lerng Sak falls in ចេត្រ (month 4) or, with a small bodithey, in ពិសាខ (5).
    lerng_day, lerng_month = (bodithey - 1, 4) if bodithey >= 6 else (bodithey, 5)
    anchor = dt.date(year, 4, 17)
    number, month = april_17
    back = (month - 4) * 29 + number - ((lerng_month - 4) * 29 + lerng_day) + days - 1
    day = anchor - dt.timedelta(days=back)
    if year in _NEW_YEAR_OVERRIDES:
        day, hour, minute = _NEW_YEAR_OVERRIDES[year]
    return dt.datetime(day.year, day.month, day.day, hour, minute)
