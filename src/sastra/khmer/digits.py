"""Khmer ↔ Latin digits (០១២៣៤៥៦៧៨៩ ↔ 0123456789).

Apply these to *formatted values* (a day, a year, a formatted number), never
blindly over running text: a URL, a code sample or an English quotation inside
a Khmer page must keep its Latin digits.
"""

from __future__ import annotations

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
LATIN_DIGITS = "0123456789"
_TO_KHMER = str.maketrans(LATIN_DIGITS, KHMER_DIGITS)
_TO_LATIN = str.maketrans(KHMER_DIGITS, LATIN_DIGITS)


def to_khmer_digits(value: str | int) -> str:
    """``"2026"`` or ``2026`` → ``"២០២៦"``; other characters are kept."""
    return str(value).translate(_TO_KHMER)


def to_latin_digits(value: str) -> str:
    """``"២០២៦"`` → ``"2026"``; other characters are kept."""
    return value.translate(_TO_LATIN)


def localize_digits(value: str | int, lang: str) -> str:
    """Khmer digits for Khmer (``km``, ``km-KH``…), the value unchanged otherwise."""
    return to_khmer_digits(value) if lang.split("-")[0].split("_")[0] == "km" else str(value)
