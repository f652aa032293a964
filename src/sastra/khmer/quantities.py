"""Quantities as news text writes them, in Khmer and English: what review compares.

:func:`sastra.khmer.numbers.find_numbers` reads digits. A translation check needs more:
the same fact is written ``២៖០០ រសៀល`` on one side and ``2:00 p.m.`` on the other, a
phone number is grouped differently, a translator writes ``three`` for ``៣``.
:func:`find_quantities` reads a paragraph into :class:`Quantity` items:

* **clock times** (``២៖០០``, ``10:30``, ``2:00 p.m.``, ``8 a.m.``, ``ម៉ោង ៨ ព្រឹក``,
  ``ម៉ោង៨ និង៣០នាទី``) are one time each, compared on a 12-hour clock (``14:00`` =
  ``2:00 p.m.`` = ``២៖០០ រសៀល``); ``៣ ម៉ោង`` (three hours) is a number;
* **phone numbers** (a leading ``0`` or ``+855``, 8 to 10 digits in groups) are digit
  strings whatever the grouping: ``០១៥ ៣៣៥ ៨៧៧`` = ``015 335 877`` = ``+855 15 335 877``;
* **ranges** (``២០២១-២០៣៥``, ``2021–2035``, ``from 20 to 30``, ``ពី ២០ ដល់ ៣០``,
  ``between 5 and 10``; ``2021-23`` is 2021–2023) are one range, found on the other
  side as the same range or as its two ends;
* **numbers** (read by :func:`~sastra.khmer.numbers.find_numbers`), with a following
  scale word also read as its product (``1.5 million`` is 1.5 and 1,500,000;
  ``៣ លាន`` is 3 and 3,000,000);
* **soft** items, which only ever *excuse* a number of the other side and are never
  reported missing themselves: number words (``three``, ``seventh``, ``two-week``,
  ``twenty-five``; ``បី``, ``ទីប្រាំពីរ``, ``ម្ភៃប្រាំ``), list markers (``១.`` / ``1.`` at
  the start, or a run ``1) … 2) …``) and the digits of a day-and-month name
  (``វិទ្យាល័យ ហ៊ុន សែន ១ មិថុនា``; :mod:`sastra.khmer.date_phrases`).

URLs, e-mail addresses, hashtags and @mentions are not read, nor are lunar dates of
Khmer text (``ថ្ងៃព្រហស្បតិ៍ ៥រោច``: English versions do not carry them), nor the spans the
caller passes as ``skip`` (the date phrases). An era year (``ពុទ្ធសករាជ ២៥៦៩``,
``ព.ស. ២៥៦៨``) is a soft item: an English version may give it (``B.E. 2568``) or not.

Every item has ``keys`` (what it states: ``n:35``, ``r:2021-2035``, ``t:2:00``,
``p:15335877``) and ``covers`` (the keys it offers the other side: a range covers its
ends, a time its hour). An item is *found* in the other version when one of its keys
is among the other's covers (a range also when both its ends are).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sastra.khmer.digits import to_latin_digits
from sastra.khmer.numbers import find_numbers

__all__ = ["LUNAR", "Quantity", "find_quantities", "number_key", "plain"]


@dataclass(frozen=True)
class Quantity:
    """A quantity written in running text."""

    kind: str
    """``number``, ``range``, ``time``, ``phone``; soft: ``spelled`` (a number in words, shown
    as its value), ``era`` (a Khmer era year) or ``word`` (a list marker, the digits of a
    date or a name)."""
    shown: str
    """Its value in Latin digits, for messages: ``35``, ``2021–2035``, ``2:00``, ``015335877``."""
    text: str
    """As written."""
    start: int
    """Offset of its first character."""
    end: int
    """Offset just past its last character."""
    keys: frozenset[str]
    """What it states; empty for soft items."""
    covers: frozenset[str]
    """What it offers the other version to be found by."""
    ends: tuple[str, str] | None = None
    """For a range: the keys of its two ends."""

    @property
    def soft(self) -> bool:
        """True for items that only excuse (never reported missing)."""
        return not self.keys


def plain(value: Decimal) -> str:
    """A value in Latin digits without grouping: ``2025``, ``3800``, ``72.4``."""
    return format(value.normalize(), "f")


def number_key(value: Decimal) -> str:
    """The key of a number: ``n:35``."""
    return f"n:{plain(value)}"


_D = "0-9"
_URLISH = re.compile(
    r"(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,253}\.\w+|(?<!\w)[#@][^\s#@,;។]+",
    re.IGNORECASE,
)
_KM_PERIOD = {
    "ព្រឹក": "am",
    "ទៀបភ្លឺ": "am",
    "ថ្ងៃត្រង់": "pm",
    "រសៀល": "pm",
    "ល្ងាច": "pm",
    "យប់": "pm",
}
_SP = r"[ \u00a0\u200b]{0,8}"
_PERIOD = rf"(?P<period>(?i:[ap]\.?\s?m\.?)(?![A-Za-z])|o['’]clock|{'|'.join(_KM_PERIOD)})"
_TIMES = (
    # ម៉ោង ៨ ព្រឹក · ម៉ោង៨:៣០ · ម៉ោង ៨ និង ៣០ នាទី ព្រឹក
    re.compile(
        rf"ម៉ោង{_SP}(?P<h>\d{{1,2}})(?!\d)(?:{_SP}(?:[:៖.]|និង){_SP}(?P<m>\d{{1,2}})(?!\d)"
        rf"(?:{_SP}នាទី)?)?(?:{_SP}{_PERIOD})?"
    ),
    # 10:30 · ២៖០០ រសៀល · 2:00 p.m. · 8.30 a.m.
    re.compile(
        rf"(?<![\d.,:])(?P<h>\d{{1,2}})[:៖](?P<m>\d{{2}})(?![\d])(?:{_SP}(?:នាទី)?{_SP}{_PERIOD})?"
    ),
    re.compile(rf"(?<![\d.,:])(?P<h>\d{{1,2}})\.(?P<m>\d{{2}})\s?{_PERIOD}"),
    # 8 a.m. · 8am · 8 o'clock
    re.compile(rf"(?<![\d.,:])(?P<h>\d{{1,2}})\s?{_PERIOD}"),
)
LUNAR = re.compile(
    r"(?:ថ្ងៃ[\s\u200b]*(?:ចន្ទ|ច័ន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ៍|សុក្រ|សៅរ៍|អាទិត្យ)[\s\u200b]*)?"
    r"\d{1,2}[\s\u200b]*(?:កើត|រោច)"
    r"|(?:ពុទ្ធសករាជ|ព\.[\s\u200b]*ស\.?|ព\.ស|ចុល្លសករាជ|ច\.[\s\u200b]*ស\.?|មហាសករាជ)[\s\u200b]*(?P<era>\d{4})"
)
"""A lunar (Chhankitek) date or an era year (``៥រោច``, ``ពុទ្ធសករាជ ២៥៦៩``, ``ព.ស. ២៥៦៨``, on
Latin digits): Khmer official text adds them, English often leaves them out. An era year
is a soft item (kind ``era``): it excuses the other side's ``2568`` or ``B.E. 2568``."""
_PHONE = re.compile(
    r"(?<![\d.,])(?:\(?\+?855\)?[ \-.]?0?|0)\d{1,2}(?:[ \-.\u00a0]?\d{2,4}){2,3}(?![\d])"
)
_MARKER = re.compile(r"(?:^|(?<=[\s:៖;។(]))\(?(?P<n>\d{1,2})[.)](?=\s)")
_RANGE_GAP = re.compile(r"\s?[-–—]\s?|\s{0,3}(?:to|ដល់|ទៅ)\s{0,3}")
_PAIR_GAP = re.compile(r"\s{0,3}(?:and|និង)\s{0,3}")
_BETWEEN = re.compile(r"(?:between|ចន្លោះ)\s{0,3}$")
_SCALES = {
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "ពាន់លាន": 10**9,
    "ប៊ីលាន": 10**9,
    "លាន": 10**6,
    "ម៉ឺន": 10**4,
    "ពាន់": 1000,
}
_SCALE = re.compile(
    r"\s*(?:" + "|".join(sorted(_SCALES, key=len, reverse=True)) + ")", re.IGNORECASE
)
_EN_UNITS: dict[str, int | Decimal] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "once": 1,
    "twice": 2,
    "single": 1,
    "both": 2,
    "dozen": 12,
    "half": Decimal("0.5"),
}
_EN_SCALES: dict[str, int] = {"hundred": 100, "hundredth": 100, "thousand": 1000, "million": 10**6}
_EN_WORD = re.compile(
    r"\b(?:" + "|".join(sorted([*_EN_UNITS, *_EN_SCALES], key=len, reverse=True)) + r")\b"
    r"(?:(?:[\s-]{1,3}(?:and[\s-]{1,3})?)(?:"
    + "|".join(sorted([*_EN_UNITS, *_EN_SCALES], key=len, reverse=True))
    + r")\b){0,6}",
    re.IGNORECASE,
)
_KM_UNITS: dict[str, int] = {
    "សូន្យ": 0,
    "មួយ": 1,
    "ពីរ": 2,
    "បី": 3,
    "បួន": 4,
    "ប្រាំ": 5,
    "ប្រាំមួយ": 6,
    "ប្រាំពីរ": 7,
    "ប្រាំបី": 8,
    "ប្រាំបួន": 9,
    "ដប់": 10,
    "ម្ភៃ": 20,
    "សាមសិប": 30,
    "សែសិប": 40,
    "ហាសិប": 50,
    "ហុកសិប": 60,
    "ចិតសិប": 70,
    "ប៉ែតសិប": 80,
    "កៅសិប": 90,
    "ម្នាក់": 1,
    "ទាំងពីរ": 2,
}
_KM_SCALES: dict[str, int] = {"រយ": 100, "ពាន់": 1000, "ម៉ឺន": 10**4, "សែន": 10**5, "លាន": 10**6}
_KM_ALL = sorted([*_KM_UNITS, *_KM_SCALES], key=len, reverse=True)
_KM_WORD = re.compile("(?:" + "|".join(_KM_ALL) + ")(?:\u200b?(?:" + "|".join(_KM_ALL) + ")){0,6}")
_KM_TOKEN = re.compile("|".join(_KM_ALL))
_EN_TOKEN = re.compile("|".join(sorted([*_EN_UNITS, *_EN_SCALES], key=len, reverse=True)))


def _compose(values: Sequence[tuple[Decimal, bool]]) -> Decimal:
    """The value of a run of number words ``(value, is_scale)``: twenty-five, មួយរយ."""
    total, current = Decimal(0), Decimal(0)
    for value, is_scale in values:
        if is_scale:
            current = (current or Decimal(1)) * value
            if value >= 1000:
                total, current = total + current, Decimal(0)
        else:
            current += value
    return total + current


def _words(text: str, khmer: bool) -> Iterable[tuple[int, int, set[Decimal], Decimal]]:
    """``(start, end, values, value)`` of each run of number words: the values of its
    words and of the run (``ប្រាំពីរពាន់``: 7, 1000 and 7000), then the run's value."""
    pattern, token = (_KM_WORD, _KM_TOKEN) if khmer else (_EN_WORD, _EN_TOKEN)
    units, scales = (_KM_UNITS, _KM_SCALES) if khmer else (_EN_UNITS, _EN_SCALES)
    for match in pattern.finditer(text):
        parts = []
        for tok in token.findall(match.group().lower()):
            if tok in scales:
                parts.append((Decimal(scales[tok]), True))
            else:
                parts.append((Decimal(units[tok]), False))
        value = _compose(parts)
        yield match.start(), match.end(), {v for v, _ in parts} | {value}, value


def _time(match: re.Match[str]) -> tuple[str, str] | None:
    hour = int(match["h"])
    minute = int(match["m"]) if match.groupdict().get("m") else 0
    if hour > 24 or minute > 59:
        return None
    period = (match.groupdict().get("period") or "").lower()
    if period.startswith("p") or _KM_PERIOD.get(period) == "pm":
        shown_hour = hour if hour > 12 else hour + (12 if hour < 12 else 0)
    else:
        shown_hour = hour
    return f"t:{hour % 12}:{minute:02d}", f"{shown_hour % 24}:{minute:02d}"


def _mask(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = "\0"


def find_quantities(text: str, lang: str, skip: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """The quantities of ``text`` (a paragraph in ``lang``), in order; see the module
    docstring. ``skip`` spans (the date phrases) are not read. Never raises."""
    khmer = lang.replace("_", "-").split("-")[0].lower() == "km"
    latin = to_latin_digits(text)
    chars = list(latin)
    for start, end in skip:
        _mask(chars, start, end)
    for match in _URLISH.finditer(latin):
        _mask(chars, match.start(), match.end())
    found: list[Quantity] = []
    if khmer:
        for match in LUNAR.finditer(latin):
            _mask(chars, match.start(), match.end())
            if match["era"] is not None:
                start, end = match.start(), match.end()
                year = frozenset({number_key(Decimal(match["era"]))})
                era = text[start:end]
                found.append(Quantity("era", match["era"], era, start, end, frozenset(), year))

    def add(
        kind: str,
        shown: str,
        start: int,
        end: int,
        keys: set[str],
        covers: set[str],
        ends: tuple[str, str] | None = None,
    ) -> None:
        found.append(
            Quantity(
                kind,
                shown,
                text[start:end],
                start,
                end,
                frozenset(keys),
                frozenset(covers | keys),
                ends,
            )
        )
        _mask(chars, start, end)

    for pattern in _TIMES:
        for match in pattern.finditer("".join(chars)):
            read = _time(match)
            if read is not None:
                key, shown = read
                add("time", shown, match.start(), match.end(), {key}, {f"n:{int(match['h'])}"})
    for match in _PHONE.finditer("".join(chars)):
        digits = re.sub(r"\D", "", match.group())
        digits = digits[3:] if digits.startswith("855") else digits
        digits = digits.lstrip("0")
        if 7 <= len(digits) <= 9:
            add("phone", "0" + digits, match.start(), match.end(), {f"p:{digits}"}, set())
    markers = [(m, int(m["n"])) for m in _MARKER.finditer("".join(chars))]
    values = {n for _, n in markers}
    for match, n in markers:
        if match.start() == 0 or (n + 1 in values or n - 1 in values):
            add("word", match["n"], match.start(), match.end(), set(), {f"n:{n}"})
    masked = "".join(chars)
    numbers = find_numbers(masked, lang)
    used: set[int] = set()
    for k, number in enumerate(numbers):
        if k in used:
            continue
        nxt = numbers[k + 1] if k + 1 < len(numbers) else None
        if nxt is not None and number.value >= 0:
            gap = masked[number.end : nxt.start]
            hi = abs(nxt.value) if nxt.text.startswith(("-", "−")) and not gap.strip() else None
            if (
                hi is None
                and nxt.value >= 0
                and (
                    _RANGE_GAP.fullmatch(gap)
                    or (
                        _PAIR_GAP.fullmatch(gap)
                        and _BETWEEN.search(masked[max(0, number.start - 12) : number.start])
                    )
                )
            ):
                hi = nxt.value
            if hi is not None:
                lo = number.value
                if hi < lo and len(plain(hi)) < len(plain(lo)) and lo == lo.to_integral():
                    digits = plain(lo)
                    hi = Decimal(digits[: len(digits) - len(plain(hi))] + plain(hi))
                if lo < hi:
                    used.add(k + 1)
                    ends = (number_key(lo), number_key(hi))
                    add(
                        "range",
                        f"{plain(lo)}–{plain(hi)}",
                        number.start,
                        nxt.end,
                        {f"r:{plain(lo)}-{plain(hi)}"},
                        set(ends),
                        ends,
                    )
                    continue
        keys = {number_key(number.value)}
        scale = _SCALE.match(masked, number.end)
        if scale is not None:
            factor = _SCALES[scale.group().strip().lower()]
            with suppress(InvalidOperation):  # absurd magnitudes
                keys.add(number_key(number.value * factor))
        shown = plain(number.value) + ("%" if number.is_percent else "")
        add("number", shown, number.start, number.end, keys, set())
        if scale is not None:  # read with its number: not a number word of its own
            _mask(chars, scale.start(), scale.end())
    masked = "".join(chars)
    for start, end, word_values, value in _words(masked, khmer):
        covers = {number_key(v) for v in word_values}
        add("spelled", plain(value), start, end, set(), covers)
    if khmer:  # English words in a Khmer paragraph (a quoted title) count too
        for start, end, word_values, value in _words("".join(chars), False):
            covers = {number_key(v) for v in word_values}
            add("spelled", plain(value), start, end, set(), covers)
    found.sort(key=lambda q: q.start)
    return found
