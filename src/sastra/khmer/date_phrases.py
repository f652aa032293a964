"""Dates as news text writes them: single days, ranges, lists, with or without the year.

:func:`sastra.khmer.dates.find_dates` reads one full date (day, month, year). News text
also writes

* ranges: ``ពីថ្ងៃទី១៩ ដល់ថ្ងៃទី២៧ ខែមករា ឆ្នាំ២០២៦``, ``១៩-២៧ ខែមករា``, ``July 1–31, 2021``,
  ``from 28 February to 3 March 2026``;
* lists: ``ថ្ងៃទី១៤ និង ១៧ ខែមីនា``, ``14th and 17th March``;
* days without the year (``នៅថ្ងៃទី១៤ ខែមីនា``, ``on 14 March``);
* numeric dates, day first as Cambodia writes them (``០៨/០១/២០២៦``, ``08.01.2026``) and
  ISO dates (``2026-01-08``);
* and day-and-month *names*: a school or a road named after a date
  (``វិទ្យាល័យ ហ៊ុន សែន ១ មិថុនា``, romanised "Hun Sen Muy Mithona"). A day and a month
  with no ``ថ្ងៃ``/``ទី``/``ខែ``, no year and no preposition are read as such a name
  (:attr:`DatePhrase.in_name`): their digits are part of a name, not a date or a number.
  In English, a day and month with no year or weekday is a name right before the noun
  of a place or an institution (``at 7 January High School``, ``from 18 June Primary
  School``), or, with no preposition either, between two capitalised words (``Hun Sen 1
  June High School``).

:func:`find_date_phrases` returns one :class:`DatePhrase` per phrase with its offsets,
so that the numbers reader can leave those digits alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sastra.khmer.dates import _EN_MONTH_NUMBERS, _EN_WEEKDAYS, _KM_MONTH_NUMBERS, _KM_WEEKDAYS
from sastra.khmer.digits import to_latin_digits

__all__ = ["DatePhrase", "DateSpan", "find_date_phrases"]


@dataclass(frozen=True)
class DateSpan:
    """One day, or a range of days, of a phrase (month and day; the year is the phrase's)."""

    first: tuple[int, int]
    """``(month, day)`` of the first day."""
    last: tuple[int, int]
    """``(month, day)`` of the last day (the first for a single day)."""


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase of running text."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset just past its last character."""
    text: str
    """As written."""
    spans: tuple[DateSpan, ...]
    """The days it names: one span per listed day, a span with ``first != last`` for a range."""
    year: int | None
    """The year written (or carried from the phrase a range ends with), ``None`` if absent."""
    weekday: int | None = None
    """The weekday the text states (0 = Monday), if any."""
    in_name: bool = False
    """A day and month that are part of a proper name (no date is meant)."""

    @property
    def is_range(self) -> bool:
        """True when the phrase names a range of days."""
        return any(s.first != s.last for s in self.spans)

    def dates(self, year: int) -> list[tuple[dt.date, dt.date]]:
        """``(first, last)`` of each span, in ``self.year`` or else ``year``; impossible days
        (31 February) are left out."""
        found = []
        for span in self.spans:
            try:
                first = dt.date(self.year or year, *span.first)
                last = dt.date(self.year or year, *span.last)
            except ValueError:
                continue
            if last < first:  # "28 December to 3 January 2026": the first day is a year earlier
                try:
                    first = first.replace(year=first.year - 1)
                except ValueError:
                    continue
            found.append((first, last))
        return found


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SP = r"[\s\u200b]{0,8}"
_KM_WEEKDAY = _alternation(list(_KM_WEEKDAYS))
_KM_MONTH = rf"(?P<month>{_alternation(list(_KM_MONTH_NUMBERS))})(?!ការ)"  # តុលាការ: a court
_KM_DAY_PREFIX = rf"(?:ថ្ងៃ{_SP}(?:{_KM_WEEKDAY}){_SP}(?:ទី{_SP})?|ថ្ងៃ{_SP}ទី{_SP}|ទី{_SP})"
_DAY = r"(?<!\d)\d{1,2}(?!\d)"
_KM_JOIN = rf"{_SP}(?:-|–|—|ដល់|ទៅ|និង|,){_SP}(?:{_KM_DAY_PREFIX})?"
_KM_PHRASE = re.compile(
    rf"(?P<pre>(?:ពី|នៅ|នា|ចាប់ពី|ចន្លោះ){_SP})?"
    rf"(?P<first>{_KM_DAY_PREFIX})?"
    rf"(?P<days>{_DAY}(?:{_KM_JOIN}{_DAY}){{0,6}}){_SP}"
    rf"(?P<kh>ខែ{_SP})?{_KM_MONTH}"
    rf"(?:{_SP}(?:ឆ្នាំ{_SP})?(?P<year>\d{{4}})(?!\d))?"
)
_EN_MONTH = _alternation([m.capitalize() for m in _EN_MONTH_NUMBERS])
_EN_DAY = r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?![\d\w])"
_EN_JOIN = r"\s{0,3}(?:-|–|—|to|and|&|,|until|till|through)\s{0,3}(?:the\s{1,3})?"
_EN_WEEKDAY = _alternation(
    [*(w.capitalize() for w in _EN_WEEKDAYS), "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
)
_EN_PRE = r"(?P<pre>\b(?:[Ff]rom|[Bb]etween|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\s+(?:the\s+)?)?"
_EN_PHRASE = re.compile(
    rf"(?:\b(?P<weekday>{_EN_WEEKDAY})\.?,?\s+)?{_EN_PRE}(?:"
    rf"(?P<days>{_EN_DAY}(?:{_EN_JOIN}{_EN_DAY}){{0,6}})(?:\s{{1,3}}of)?\s{{1,3}}"
    rf"(?P<month>{_EN_MONTH})\b\.?"
    rf"|(?P<month2>{_EN_MONTH})\b\.?\s{{1,3}}(?P<days2>{_EN_DAY}(?:{_EN_JOIN}{_EN_DAY}){{0,6}})"
    rf")(?:,?\s+(?P<year>\d{{4}})(?!\d))?"
)
_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?:(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\d/.\-]\d)"
)
_NUMBER = re.compile(r"\d{1,2}")
_RANGE_WORD = re.compile(r"-|–|—|ដល់|ទៅ|\bto\b|until|till|through")
_CARRY_GAP = re.compile(rf"^{_SP}(?:-|–|—|ដល់|ទៅ|to|until|till|through){_SP}$")
_CAPITALISED_BEFORE = re.compile(r"\b(?!On\b|From\b|Since\b|By\b|Until\b|Between\b)[A-Z][a-z]+ $")
_CAPITALISED_AFTER = re.compile(r"^,? ?[A-Z]")
_INSTITUTION_AFTER = re.compile(
    r"^ (?:(?:High|Primary|Secondary|Lower Secondary|Upper Secondary|Junior|Senior) )?"
    r"(?:School|College|University|Institute|Hospital|Pagoda|Road|Street|Boulevard|Stadium"
    r"|Market|Bridge|Park|Square|Monument|Memorial)\b"
)


def _en_month(name: str) -> int:
    return int(_EN_MONTH_NUMBERS[name.rstrip(".").lower()])


def _spans(days: str, month: int, pre: str) -> tuple[DateSpan, ...]:
    numbers = [int(n) for n in _NUMBER.findall(re.sub(r"(st|nd|rd|th)\b", "", days))]
    ranged = len(numbers) == 2 and (
        _RANGE_WORD.search(days) is not None or pre.strip().lower() in ("between", "ចន្លោះ")
    )
    if ranged:
        return (DateSpan((month, numbers[0]), (month, numbers[1])),)
    return tuple(DateSpan((month, n), (month, n)) for n in numbers)


def _read(text: str, lang: str) -> list[DatePhrase]:
    found: list[DatePhrase] = []
    if lang == "km":
        for m in _KM_PHRASE.finditer(text):
            month = _KM_MONTH_NUMBERS[m["month"]]
            year = int(m["year"]) if m["year"] else None
            first = m["first"] or ""
            weekday = next((v for k, v in _KM_WEEKDAYS.items() if k in first), None)
            in_name = not (m["pre"] or first or m["kh"] or year)
            start = m.start("first") if m["first"] else m.start("days")
            found.append(
                DatePhrase(
                    start,
                    m.end(),
                    "",
                    _spans(m["days"], month, m["pre"] or ""),
                    year,
                    weekday,
                    in_name,
                )
            )
    else:
        for m in _EN_PHRASE.finditer(text):
            month = _en_month(m["month"] or m["month2"])
            days = m["days"] or m["days2"]
            year = int(m["year"]) if m["year"] else None
            name = (m["weekday"] or "").lower()
            weekday = next((i for i, w in enumerate(_EN_WEEKDAYS) if w.startswith(name)), None)
            after = text[m.end() : m.end() + 40]
            in_name = not (year or name) and (
                _INSTITUTION_AFTER.match(after) is not None
                or (
                    not m["pre"]
                    and _CAPITALISED_BEFORE.search(text, 0, m.start()) is not None
                    and _CAPITALISED_AFTER.match(after) is not None
                )
            )
            start = m.start()
            if (
                m["pre"]
                and not m["weekday"]
                and m["pre"].split()[0].lower()
                not in (
                    "from",
                    "between",
                )
            ):
                start = m.end("pre")
            found.append(
                DatePhrase(
                    start,
                    m.end(),
                    "",
                    _spans(days, month, m["pre"] or ""),
                    year,
                    weekday if name else None,
                    in_name,
                )
            )
    return found


def _numeric(text: str) -> list[DatePhrase]:
    """``08/01/2026``, ``08.01.2026`` (day first, as Cambodia writes them) and ``2026-01-08``."""
    found = []
    for m in _NUMERIC.finditer(text):
        day, month, year = (m["d"], m["m"], m["y"]) if m["d"] else (m["id"], m["im"], m["iy"])
        if 1 <= int(month) <= 12:
            span = DateSpan((int(month), int(day)), (int(month), int(day)))
            found.append(DatePhrase(m.start(), m.end(), "", (span,), int(year)))
    return found


def _join(text: str, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """``from 28 February to 3 March 2026``: two phrases joined by a range word are one range,
    the year carried back to the first."""
    out: list[DatePhrase] = []
    for phrase in phrases:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.year is None
            and not prev.in_name
            and len(prev.spans) == 1
            and len(phrase.spans) == 1
            and _CARRY_GAP.match(text[prev.end : phrase.start])
        ):
            span = DateSpan(prev.spans[0].first, phrase.spans[0].last)
            out[-1] = DatePhrase(prev.start, phrase.end, "", (span,), phrase.year, prev.weekday)
            continue
        out.append(phrase)
    return out


def find_date_phrases(text: str, lang: str) -> list[DatePhrase]:
    """The date phrases of ``text`` (``km`` or other: English conventions), in order.

    Khmer or Latin digits; see the module docstring for the forms read. Never raises.
    """
    latin = to_latin_digits(text)  # one character for one: offsets hold
    base = lang.replace("_", "-").split("-")[0].lower()
    read = _read(latin, "km" if base == "km" else "en")
    taken = [(p.start, p.end) for p in read]
    read += [p for p in _numeric(latin) if not any(a < p.end and p.start < b for a, b in taken)]
    phrases = _join(latin, sorted(read, key=lambda p: p.start))
    return [
        DatePhrase(
            p.start, p.end, text[p.start : p.end].strip(), p.spans, p.year, p.weekday, p.in_name
        )
        for p in phrases
    ]
