"""Unicode hygiene for Khmer text: findings for editors, and keys for matching.

:func:`check_text` finds what a Khmer reader cannot see but search, matching and
word counts trip over, each with its line, column and a suggested fix:

``km-legacy-font``
    Khmer typed with a legacy (Limon/ABC) font, stored as Latin letters and
    symbols (see :mod:`sastra.khmer._legacy` for the heuristic).
``km-cluster-order``
    A syllable typed in a non-canonical order: ``មន្រ្តី`` for ``មន្ត្រី`` (coeng RO
    comes last), a vowel before a subscript (``ខែ្មរ``), ``-u`` + above vowel for a
    consonant shifter (``សុី`` for ``ស៊ី``), nikahit before a vowel (``កំុ``).
``km-split-vowel``
    A vowel typed as two signs that look like one: ``េ`` + ``ា`` for ``ោ``,
    ``េ`` + ``ី`` for ``ើ``.
``km-doubled-sign``
    The same vowel or sign typed twice in one syllable (``ាា``, ``់់``).
``km-zero-width``
    A zero-width space, joiner, non-joiner or byte order mark (U+200B–U+200D,
    U+FEFF); a ZWNJ after a consonant shifter, where it keeps the shifter upright,
    is allowed.
``km-nbsp``
    A no-break space (U+00A0, U+202F) next to Khmer text.

Syllable order follows SIL's Khmer character specification (section 7) through
the ``pheasa`` normalizer (see docs/khmer-unicode.md for how it was chosen);
only the doubled-sign fold is ours. Coeng DA and coeng TA are both kept as typed
here: which one a word takes is spelling, not encoding.

:func:`normalize` builds a *matching key* (names, search, comparison): never
apply it to text a reader sees, since it removes joiners and folds coeng DA into
coeng TA.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pheasa

from sastra.khmer._legacy import legacy_runs

__all__ = ["CLUSTER", "HygieneIssue", "check_text", "normalize", "text_pieces"]


@dataclass(frozen=True)
class HygieneIssue:
    """One Unicode hygiene problem in a text."""

    code: str
    """Stable identifier: ``km-legacy-font``, ``km-cluster-order``, ``km-split-vowel``,
    ``km-doubled-sign``, ``km-zero-width`` or ``km-nbsp``."""
    line: int
    """1-based line number (lines are split on ``\\n`` only)."""
    column: int
    """1-based column, in characters, of the start of :attr:`span`."""
    message: str
    """What is wrong, one line."""
    fix: str | None
    """Suggested replacement for :attr:`span`, or None when there is no safe one."""
    span: str = ""
    """The text the finding is about, as it is in the line."""


CLUSTER = r"[\u1780-\u17b3](?:\u17d2[\u1780-\u17b3]|[\u17b4-\u17d1\u17d3\u17dd])*"
"""A regex of one Khmer written cluster: a base letter with its subscripts, vowels and
signs, the smallest piece a line may break or a change may be marked at (``ប្រាំ``)."""
_DIGITS = "0-9\u17e0-\u17e9"
_NUMBER = rf"[{_DIGITS}]+(?:[.,\u00a0\u202f][{_DIGITS}]+)*"
"""A number in either script, with its grouping and decimal marks: ``12,000``, ``៣៥០``,
``៣.៥``, ``១២ ០០០`` with a no-break space."""
_PIECE = re.compile(rf"{_NUMBER}|[A-Za-z0-9\u00c0-\u024f]+|\s+|{CLUSTER}|.", re.DOTALL)


def text_pieces(text: str) -> list[str]:
    """``text`` cut where a reader sees a piece end: numbers whole in either script
    (``៣៥០``, ``12,000``: a changed number is marked whole), Latin words whole,
    whitespace runs, Khmer clusters (Khmer writes no spaces between words, and a
    subscript or vowel sign never stands apart from its letter), any other character.
    The pieces joined are ``text``."""
    return _PIECE.findall(text)


_ZERO_WIDTH = {
    "\u200b": "zero-width space U+200B",
    "\u200c": "zero-width non-joiner U+200C",
    "\u200d": "zero-width joiner U+200D",
    "\ufeff": "byte order mark U+FEFF",
}
_NBSP = {"\u00a0": "U+00A0", "\u202f": "U+202F"}
_SHIFTERS = "\u17c9\u17ca"
_ABOVE_VOWELS = "\u17b7\u17b8\u17b9\u17ba\u17be\u17d0"
# Khmer letters, signs and joiners that belong to a run checked as one word
_KHMER_RUN = re.compile("[\u1780-\u17d3\u17dd\u200c\u200d]+")
# Dependent vowels and signs (not coeng) that must not be typed twice in a row
_DOUBLED = re.compile("([\u17b6-\u17d1\u17d3\u17dd])\\1+")
_SPLIT_VOWEL_RULES = frozenset({"3.2", "3.3", "3.4", "3.5"})
_WHITESPACE = re.compile(r"\s+")
# A base (consonant or independent vowel) with everything attached to it (coeng pairs,
# vowels, signs), or a stray run of dependent signs with no base of its own.
_SYLLABLE = re.compile(
    "[\u1780-\u17b3](?:\u17d2[\u17b4-\u17d3\u17dd]*[\u1780-\u17b3]?|[\u17b4-\u17d1\u17d3\u17dd])*"
    "|(?:\u17d2[\u17b4-\u17d3\u17dd]*[\u1780-\u17b3]?|[\u17b4-\u17d1\u17d3\u17dd])+"
)


def _is_khmer(ch: str) -> bool:
    return "\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff"


@lru_cache(maxsize=8192)
def _canonical_run(run: str) -> tuple[str, bool, bool]:
    """Canonical form of a Khmer run for a finding: (text, split vowel?, doubled?)."""
    if _DOUBLED.search(run) is None and pheasa.normalize(run, preserve_coeng_da=True) == run:
        return run, False, False  # the common case, without building a change report
    report = pheasa.normalize(run, report=True, preserve_coeng_da=True)
    split = any(_SPLIT_VOWEL_RULES & set(change.rules) for change in report.changes)
    fixed = report.text
    undoubled = _DOUBLED.sub(r"\1", fixed)
    doubled = undoubled != fixed
    if doubled:
        undoubled = pheasa.normalize(undoubled, preserve_coeng_da=True)
    return undoubled, split, doubled


def _cluster_issues(lineno: int, line: str) -> list[HygieneIssue]:
    issues = []
    for match in _KHMER_RUN.finditer(line):
        run = match.group()
        try:
            fixed, split, doubled = _canonical_run(run)
        except Exception:  # pragma: no cover - a normalizer bug must not stop a check
            continue
        if fixed == run:
            continue
        if split:
            code, what = "km-split-vowel", "a vowel typed as two signs"
        elif doubled and _DOUBLED.sub(r"\1", run) == fixed:
            code, what = "km-doubled-sign", "a vowel or sign typed twice"
        else:
            code, what = "km-cluster-order", "characters typed in a non-canonical order"
        message = f"{what}: «{run}» should be typed «{fixed}»"
        issues.append(HygieneIssue(code, lineno, match.start() + 1, message, fixed, run))
    return issues


def _invisible_issues(lineno: int, line: str) -> list[HygieneIssue]:
    issues = []
    for k, ch in enumerate(line):
        if ch in _ZERO_WIDTH:
            if (
                ch == "\u200c"
                and k > 0
                and line[k - 1] in _SHIFTERS
                and line[k + 1 : k + 2] in tuple(_ABOVE_VOWELS)
            ):
                continue  # ZWNJ keeps a shifter upright before an above vowel
            message = f"invisible {_ZERO_WIDTH[ch]}: remove it"
            issues.append(HygieneIssue("km-zero-width", lineno, k + 1, message, "", ch))
        elif ch in _NBSP:
            near = line[k - 1 : k] + line[k + 1 : k + 2]
            if any(_is_khmer(c) for c in near):
                message = f"no-break space {_NBSP[ch]} in Khmer text: use a plain space"
                issues.append(HygieneIssue("km-nbsp", lineno, k + 1, message, " ", ch))
    return issues


def _legacy_issues(lineno: int, line: str) -> list[HygieneIssue]:
    issues = []
    for start, end in legacy_runs(line):
        span = line[start:end]
        message = (
            f"«{span}» looks like Khmer typed in a legacy (Limon/ABC) font: "
            "retype it or convert it to Unicode"
        )
        issues.append(HygieneIssue("km-legacy-font", lineno, start + 1, message, None, span))
    return issues


def check_text(text: str) -> list[HygieneIssue]:
    """All hygiene findings in ``text``, ordered by line and column. Never raises."""
    issues: list[HygieneIssue] = []
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        issues += _legacy_issues(lineno, line)
        issues += _cluster_issues(lineno, line)
        issues += _invisible_issues(lineno, line)
    return sorted(issues, key=lambda i: (i.line, i.column, i.code))


def normalize(text: str) -> str:
    """The matching key of a text: never show it to a reader.

    NFC; zero-width characters (U+200B–U+200D, U+FEFF) removed; every Khmer syllable
    in canonical order (SIL's specification, via ``pheasa``, with coeng DA folded
    into coeng TA); a vowel or sign typed twice kept once; whitespace runs (including
    no-break spaces) folded to one space and trimmed. Idempotent; never raises.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_STRIP_ZERO_WIDTH)
    # Canonical order is a matter of one syllable at a time, and a text has few distinct
    # syllables: normalising each run of Khmer signs once (cached) is far cheaper than
    # running pheasa over the whole text. tests/test_khmer_unicode.py checks that both agree.
    text = _SYLLABLE.sub(lambda m: _normalize_run(m.group()), text)
    return _WHITESPACE.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def _normalize_run(run: str) -> str:
    """:func:`normalize` of one syllable-sized run of Khmer characters (no whitespace)."""
    for _ in range(4):  # folds can expose another fold; stop at the fixed point
        folded = _DOUBLED.sub(r"\1", pheasa.normalize(run))
        if folded == run:
            break
        run = folded
    return run


_STRIP_ZERO_WIDTH = {ord(c): None for c in _ZERO_WIDTH}
