"""Numbers: formatted per locale through Babel, and found again in running text.

Formatting
----------
CLDR's default numbering system for ``km`` is Latin with ``,`` for thousands
and ``.`` for decimals (``1,234.5``), but its ``khmr`` numbering system, the one
Khmer pages use, has ``.`` for thousands and ``,`` for decimals. Khmer pages
therefore format through Babel with ``numbering_system="khmr"`` and then write
the digits in Khmer (Babel keeps Latin digits): ``១.២៣៤,៥``, ``៧២,៤%``. Every
other language gets Babel's default for its locale (``1,234.5``, ``72.4%``).

Finding numbers in text (:func:`find_numbers`)
----------------------------------------------
Digits of both scripts (0-9 and ០-៩) are read; the value is a
:class:`~decimal.Decimal`, so ``18`` and ``១៨`` compare equal, as do ``3,800``,
``៣.៨០០`` and ``៣ ៨០០``. Separators between digits are read this way:

* **Thousands** (the 3-digit rule): a separator is a thousands separator when it
  follows a leading group of 1-3 digits that does not start with ``0`` and is
  followed by exactly 3 digits (and every further group of the same separator
  has exactly 3 digits too). Thousands separators are ``,`` in English; ``.``,
  ``,``, a space, a no-break space (U+00A0) or a narrow no-break space (U+202F)
  in Khmer. Khmer sites write both ``៣.៨០០`` (the CLDR form) and ``៣,៨០០``, so in
  Khmer a comma followed by exactly three digits is read as thousands too.
* **Decimal**: after the integer part, ``.`` in English, ``,`` or ``.`` in
  Khmer (when not a thousands separator by the rule above), followed by any
  number of digits. When a number uses two different separators (``1,234.5`` in
  a Khmer page, ``១.២៣៤,៥``), the first is thousands and the last is decimal.
* So ``3,800`` is 3800 in both languages; ``3.800`` is 3.8 in English and 3800
  in Khmer; ``72,4`` is 72.4 in Khmer, while in English the comma is punctuation
  there and ``72`` and ``4`` are two numbers; ``0,500`` is 0.5 in Khmer.
* A ``%`` right after the number (optionally after a space) sets
  :attr:`FoundNumber.is_percent`; the value is the number as written (72.4 for
  ``72.4%``), not the ratio.
* A minus sign (``-`` or ``−``) right before the digits makes the number negative
  unless a letter or digit comes just before it (``-5`` is -5; ``2020-2026`` is a
  range of two numbers, ``COVID-19`` holds 19).
* Numeric dates and clock times are skipped, not returned: ``08/01/2026``,
  ``០៨/០១/២០២៦``, ``2026-01-08``, ``08.01.2026``, ``10:30``, and any digits
  joined by ``/`` (``24/7``). They are the dates module's business. Digits of
  dates written in words are numbers like any other (``8 January 2026`` gives 8
  and 2026, as ``ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦`` does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_format_percent

from sastra.khmer.digits import to_khmer_digits, to_latin_digits

__all__ = ["FoundNumber", "find_numbers", "format_number", "format_percent", "parse_number"]

Number = int | float | Decimal


def _is_khmer(lang: str) -> bool:
    return lang.replace("-", "_").split("_")[0].lower() == "km"


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown language {lang!r}") from exc


def format_number(value: Number, lang: str, *, pattern: str | None = None) -> str:
    """Format ``value`` for ``lang`` through Babel; Khmer digits and separators on Khmer pages.

    ``format_number(1234.5, "km")`` → ``"១.២៣៤,៥"``; ``format_number(1234.5, "en")`` →
    ``"1,234.5"``. ``pattern`` is an optional CLDR pattern such as ``"#,##0.00"``.
    Raises :class:`ValueError` for a language Babel does not know.
    """
    locale = _locale(lang)
    if _is_khmer(lang):
        text = format_decimal(value, format=pattern, locale=locale, numbering_system="khmr")
        return to_khmer_digits(text)
    return str(format_decimal(value, format=pattern, locale=locale))


def format_percent(value: Number, lang: str, *, decimals: int = 1) -> str:
    """Format the ratio ``value`` as a percentage with up to ``decimals`` fraction digits.

    ``format_percent(0.724, "km")`` → ``"៧២,៤%"``; ``"en"`` → ``"72.4%"``; trailing zeros
    are dropped (``0.7`` → ``"70%"``). The locale's own percent pattern is kept (a
    space before ``%`` where the locale writes one).
    """
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    locale = _locale(lang)
    base = locale.percent_formats[None].pattern.split(";")[0]
    frac = "." + "#" * decimals if decimals else ""
    pattern = re.sub(r"0(?:\.[0#]+)?", "0" + frac, base, count=1)
    if _is_khmer(lang):
        text = _babel_format_percent(value, pattern, locale=locale, numbering_system="khmr")
        return to_khmer_digits(text)
    return str(_babel_format_percent(value, pattern, locale=locale))


@dataclass(frozen=True)
class FoundNumber:
    """A number written in running text, as :func:`find_numbers` reads it."""

    value: Decimal
    """The value as written (72.4 for ``72.4%``, 3800 for ``៣.៨០០``)."""
    start: int
    """Offset of the first character (a digit, or the minus sign) in the text."""
    end: int
    """Offset just past the last character (past the ``%`` of a percentage)."""
    text: str
    """``text[start:end]``, exactly as written."""
    is_percent: bool
    """Whether a ``%`` follows the number."""


_D = "0-9០-៩"
_SKIP_RE = re.compile(
    rf"(?<![{_D}])(?:"
    rf"[{_D}]{{1,2}}([/.\-])[{_D}]{{1,2}}\1[{_D}]{{2,4}}"  # 08/01/2026, 08.01.2026
    rf"|[{_D}]{{4}}([/.\-])[{_D}]{{1,2}}\2[{_D}]{{1,2}}"  # 2026-01-08
    rf"|[{_D}]{{1,2}}:[{_D}]{{2}}(?::[{_D}]{{2}})?"  # 10:30, 10:30:05
    rf"|[{_D}]+(?:/[{_D}]+)+"  # 24/7, 1/2
    rf")(?![{_D}])"
)
_SEPS_EN = ","
_SEPS_KM = "., \u00a0\u202f"
_CAND_RE = {
    False: re.compile(rf"[{_D}]+(?:[.,][{_D}]+)*"),
    True: re.compile(rf"[{_D}]+(?:[.,\u0020\u00a0\u202f][{_D}]+)*"),
}
_GROUP_SPLIT_RE = re.compile(rf"([{_D}]+)")
_PERCENT_RE = re.compile(r"[\u0020\u00a0\u202f]?%")


def _split_numbers(groups: list[str], seps: list[str], khmer: bool) -> list[tuple[int, int, bool]]:
    """Split digit groups ``g0 s1 g1 s2 g2 …`` into numbers.

    ``seps[k]`` sits between ``groups[k]`` and ``groups[k + 1]``. Each number is
    ``(first, last, has_fraction)``: groups ``first..last``, the last one being the decimal
    part when ``has_fraction``.
    """
    thousands = _SEPS_KM if khmer else _SEPS_EN
    decimals = ",." if khmer else "."
    spans: list[tuple[int, int, bool]] = []
    i, n = 0, len(groups)
    while i < n:
        j = i
        lead = groups[i]
        if i < n - 1 and 1 <= len(lead) <= 3 and not lead.startswith(("0", "០")):
            sep = seps[i]
            if sep in thousands:
                while j + 1 < n and seps[j] == sep and len(groups[j + 1]) == 3:
                    j += 1
        used = seps[i] if j > i else ""
        fraction = j + 1 < n and seps[j] in decimals and seps[j] != used
        if fraction:
            j += 1
        spans.append((i, j, fraction))
        i = j + 1
    return spans


def find_numbers(text: str, lang: str) -> list[FoundNumber]:
    """The numbers written in ``text`` (a page in ``lang``), in order, with their positions.

    See the module docstring for how separators, percentages and dates are read. Never
    raises on arbitrary text.
    """
    khmer = _is_khmer(lang)
    # Dates and times are masked out (same length, so offsets hold) before numbers are read.
    masked = _SKIP_RE.sub(lambda m: "\0" * len(m.group()), text)
    found: list[FoundNumber] = []
    for cand in _CAND_RE[khmer].finditer(masked):
        parts = _GROUP_SPLIT_RE.split(cand.group())[1:]  # g0, s1, g1, …, gN, ""
        groups = parts[0::2]
        seps = parts[1::2][: len(groups) - 1]
        offsets = [cand.start()]
        for k in range(len(groups) - 1):
            offsets.append(offsets[k] + len(groups[k]) + len(seps[k]))
        for first, last, fraction in _split_numbers(groups, seps, khmer):
            start = offsets[first]
            end = offsets[last] + len(groups[last])
            if fraction:
                digits = "".join(groups[first:last]) + "." + groups[last]
            else:
                digits = "".join(groups[first : last + 1])
            pct = _PERCENT_RE.match(text, end)
            if pct:
                end = pct.end()
            value = Decimal(to_latin_digits(digits))
            if _is_sign(text, start):
                start -= 1
                value = -value
            found.append(FoundNumber(value, start, end, text[start:end], pct is not None))
    return found


def _is_sign(text: str, start: int) -> bool:
    """A ``-`` or ``−`` right before the digits, itself not after a letter or digit."""
    if start == 0 or text[start - 1] not in "-\u2212":
        return False
    return start == 1 or not text[start - 2].isalnum()


def parse_number(text: str, lang: str) -> Decimal | None:
    """The value of ``text`` when it is exactly one number (surrounding spaces allowed).

    ``parse_number("៣.៨០០", "km")`` → ``Decimal("3800")``; ``None`` when ``text`` holds no
    number, several, or other words.
    """
    stripped = text.strip()
    numbers = find_numbers(stripped, lang)
    if len(numbers) == 1 and numbers[0].start == 0 and numbers[0].end == len(stripped):
        return numbers[0].value
    return None
