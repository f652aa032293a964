"""Gregorian dates and times in Khmer and English: formatting (through Babel) and finding.

Formatting never touches the process locale (no ``locale.setlocale``): Babel's
CLDR data gives the month and weekday names, and Khmer pages get Khmer digits
(``ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦``; Babel alone would write ``8 មករា 2026``). English
is written day-month-year (``8 January 2026``), as Cambodian English-language
publications write it. Monday is written ``ចន្ទ`` as in the official lunar line
(Babel has ``ច័ន្ទ``; :func:`find_dates` reads both).

Khmer times name the part of the day instead of AM/PM, on a 12-hour clock, with
CLDR's Khmer day periods: ព្រឹក 00:00–11:59, រសៀល 12:00–17:59, ល្ងាច 18:00–20:59,
យប់ 21:00–23:59 (``៣:៣០ រសៀល`` for 15:30).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.dates import get_month_names, get_period_id

from sastra.khmer.digits import to_khmer_digits, to_latin_digits

__all__ = [
    "STYLES",
    "FoundDate",
    "find_dates",
    "format_date",
    "format_date_en",
    "format_date_km",
    "format_time",
]

#: Date styles of :func:`format_date`.
STYLES = ("short", "medium", "long", "full")

_KM_PATTERNS = {
    "short": "dd/MM/y",
    "medium": "d MMMM y",
    "long": "'ថ្ងៃទី'd 'ខែ'MMMM 'ឆ្នាំ'y",
    "full": "'ថ្ងៃ'EEEE 'ទី'd 'ខែ'MMMM 'ឆ្នាំ'y",
}
_EN_PATTERNS = {
    "short": "dd/MM/y",
    "medium": "d MMM y",
    "long": "d MMMM y",
    "full": "EEEE, d MMMM y",
}
_KM_WEEKDAY_SPELLING = {"ច័ន្ទ": "ចន្ទ"}


def _base_lang(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def format_date(day: dt.date, lang: str = "km", style: str = "long") -> str:
    """A date for a page in ``lang`` (``km``, ``en`` or any Babel locale), in one of :data:`STYLES`.

    ========  =========================================  ==========================
    style     ``km``                                     ``en``
    ========  =========================================  ==========================
    short     ``០៨/០១/២០២៦``                             ``08/01/2026``
    medium    ``៨ មករា ២០២៦``                            ``8 Jan 2026``
    long      ``ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦``               ``8 January 2026``
    full      ``ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦``    ``Thursday, 8 January 2026``
    ========  =========================================  ==========================

    Other languages get Babel's own format for the style. Raises :class:`ValueError`
    for an unknown style.
    """
    if style not in STYLES:
        raise ValueError(f"unknown date style {style!r} (expected one of {', '.join(STYLES)})")
    base = _base_lang(lang)
    if base == "km":
        text = str(babel_format_date(day, _KM_PATTERNS[style], locale="km"))
        for babel_name, ours in _KM_WEEKDAY_SPELLING.items():
            text = text.replace(babel_name, ours)
        return to_khmer_digits(text)
    if base == "en":
        return str(babel_format_date(day, _EN_PATTERNS[style], locale="en_GB"))
    return str(babel_format_date(day, style, locale=Locale.parse(lang.replace("-", "_"))))


def format_date_km(day: dt.date, weekday: bool = False) -> str:
    """``ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦``, or with ``weekday`` ``ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦``."""
    return format_date(day, "km", "full" if weekday else "long")


def format_date_en(day: dt.date, weekday: bool = False) -> str:
    """``8 January 2026``, or with ``weekday`` ``Thursday, 8 January 2026``."""
    return format_date(day, "en", "full" if weekday else "long")


def format_time(time: dt.time | dt.datetime, lang: str = "km") -> str:
    """A clock time: ``៣:៣០ រសៀល`` in Khmer (day periods in the module docstring), else ``3:30 PM``.

    Only ``km`` and ``en`` are special-cased; other languages get Babel's short format.
    """
    clock = time.time() if isinstance(time, dt.datetime) else time
    base = _base_lang(lang)
    if base == "km":
        period_id = get_period_id(clock, type="selection", locale="km")
        period = str(Locale("km").day_periods["stand-alone"]["abbreviated"][period_id])
        return f"{to_khmer_digits(babel_format_time(clock, 'h:mm', locale='km'))} {period}"
    if base == "en":
        return str(babel_format_time(clock, "h:mm a", locale="en"))
    return str(babel_format_time(clock, "short", locale=Locale.parse(lang.replace("-", "_"))))


# --- finding dates in running text -----------------------------------------------------------


@dataclass(frozen=True)
class FoundDate:
    """A date written in running text."""

    date: dt.date
    """The date it names."""
    start: int
    """Offset of its first character in the text (``text[start:end] == matched``)."""
    end: int
    """Offset just after its last character."""
    matched: str
    """The text as written, weekday included, leading ``នៅ``/``នា``/``On`` excluded."""
    weekday: int | None = None
    """The weekday the text states (0 = Monday), or None; it may disagree with ``date``."""


_KM_MONTHS = [
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
]
#: Spellings met in real text besides the standard one (visarga typed as reahmuk).
_KM_MONTH_VARIANTS = {"កុម្ភះ": 2, "កុម្ភ": 2}
_KM_WEEKDAYS = {
    "ចន្ទ": 0,
    "ច័ន្ទ": 0,
    "អង្គារ": 1,
    "ពុធ": 2,
    "ព្រហស្បតិ៍": 3,
    "សុក្រ": 4,
    "សៅរ៍": 5,
    "អាទិត្យ": 6,
}
_EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _km_month_table() -> dict[str, int]:
    table = {name: i + 1 for i, name in enumerate(_KM_MONTHS)}
    # Babel's names, in case CLDR ever spells one differently from the list above.
    table.update(
        {str(name): number for number, name in get_month_names("wide", locale="km").items()}
    )
    table.update(_KM_MONTH_VARIANTS)
    return table


_KM_MONTH_NUMBERS = _km_month_table()
_EN_MONTH_NUMBERS = {
    **{str(n).lower(): m for m, n in get_month_names("wide", locale="en").items()},
    **{str(n).lower(): m for m, n in get_month_names("abbreviated", locale="en").items()},
    "sept": 9,
}

_SP = r"[\s\u200b]*"  # Khmer writers may or may not space the parts (or use ZWSP)
_KM_DIGIT = "[0-9០-៩]"
_KM_MONTH = f"(?P<month>{_alternation(list(_KM_MONTH_NUMBERS))})"
_KM_DAY = f"(?<!{_KM_DIGIT})(?P<day>{_KM_DIGIT}{{1,2}})(?!{_KM_DIGIT})"
_KM_YEAR = f"(?P<year>{_KM_DIGIT}{{4}})(?!{_KM_DIGIT})"
_KM_DATE = re.compile(
    # ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦ · ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦ · ៨ មករា ២០២៦
    f"(?:ថ្ងៃ{_SP}(?:(?P<weekday>{_alternation(list(_KM_WEEKDAYS))}){_SP})?(?:ទី{_SP})?)?"
    f"{_KM_DAY}{_SP}(?:ខែ{_SP})?{_KM_MONTH}{_SP}(?:ឆ្នាំ{_SP})?{_KM_YEAR}"
)


def _en_month(group: str) -> str:
    return rf"(?P<{group}>{_alternation(list(_EN_MONTH_NUMBERS))})\.?(?![a-z])"


def _en_day(group: str) -> str:
    return rf"(?<!\d)(?P<{group}>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"


def _en_year(group: str) -> str:
    return rf"(?P<{group}>\d{{4}})(?!\d)"


_EN_WEEKDAY_NAMES = _alternation([*_EN_WEEKDAYS, *(w[:3] for w in _EN_WEEKDAYS)])
_EN_DATE = re.compile(
    # Thursday, 8 January 2026 · 8th of Jan. 2026 · January 8, 2026 · November 10th, 2023
    rf"\b(?:(?P<weekday>{_EN_WEEKDAY_NAMES})\.?,?\s+)?"
    rf"(?:{_en_day('day')}(?:\s+of)?\s+{_en_month('month')},?\s+{_en_year('year')}"
    rf"|{_en_month('month2')}\s+{_en_day('day2')},?\s+{_en_year('year2')})",
    re.IGNORECASE,
)


def _found(match: re.Match[str], month: int, weekday: int | None) -> FoundDate | None:
    groups = match.groupdict()
    day = to_latin_digits(groups.get("day") or groups["day2"])
    year = to_latin_digits(groups.get("year") or groups["year2"])
    try:
        date = dt.date(int(year), month, int(day))
    except ValueError:  # 31 February, day 0...
        return None
    return FoundDate(date, match.start(), match.end(), match.group(), weekday)


def find_dates(text: str, lang: str) -> list[FoundDate]:
    """The Gregorian dates written in ``text`` (``km`` or ``en`` conventions), in order.

    Khmer: ``ថ្ងៃទី១៣ ខែសីហា ឆ្នាំ២០២៥`` (Khmer or Latin digits, spaces optional, an
    optional weekday ``ថ្ងៃពុធ ទី១៣ …``) and the short ``១៣ សីហា ២០២៥``; a leading
    ``នៅ``/``នា`` stays outside the match. English: ``8 January 2026``, ``8th of Jan.
    2026``, ``January 8, 2026``, ``November 10th, 2023``, with an optional weekday.
    Impossible dates (31 February) are not returned. Raises :class:`ValueError` for
    another language.
    """
    base = _base_lang(lang)
    found: list[FoundDate | None] = []
    if base == "km":
        for match in _KM_DATE.finditer(text):
            weekday = _KM_WEEKDAYS.get(match["weekday"]) if match["weekday"] else None
            found.append(_found(match, _KM_MONTH_NUMBERS[match["month"]], weekday))
    elif base == "en":
        for match in _EN_DATE.finditer(text):
            month = _EN_MONTH_NUMBERS[(match["month"] or match["month2"]).lower()]
            name = (match["weekday"] or "").lower()
            weekday = next((i for i, w in enumerate(_EN_WEEKDAYS) if w.startswith(name)), None)
            found.append(_found(match, month, weekday if name else None))
    else:
        raise ValueError(f"find_dates reads Khmer (km) or English (en) text, not {lang!r}")
    return [f for f in found if f is not None]
