"""Honorifics and titles before a person's name in Latin text (the Latin side of
:mod:`sastra.khmer.honorifics`).

:func:`latin_mentions` reads "H.E. Dr. Chea Vandeth", "Samdech Moha Borvor Thipadei Hun
Manet" (the romanized title is skipped, not taken as a name) and keeps a Western name
whole ("David L. Almirol Jr.", not "David"). :func:`name_words` cuts a run of capitalised
words where the name ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sastra.khmer.honorifics import Mention

__all__ = ["LATIN_HONORIFICS", "LATIN_TITLES", "latin_mentions", "name_words"]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


LATIN_HONORIFICS: tuple[str, ...] = (
    "H.E.", "H.E", "HE", "His Excellency", "Her Excellency", "Excellency", "Dr.", "Dr", "Mr.", "Mr",
    "Mrs.", "Mrs", "Ms.", "Ms", "Lok Chumteav", "Neak Oknha", "Oknha", "Samdech",
    "Prof.", "Professor", "Madam", "Madame", "Miss", "Lok", "Lok Kru", "Neak Kru", "Academician",
    "His Majesty", "Her Majesty", "His Royal Highness", "Her Royal Highness", "Venerable",
    "Gen.", "General", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Col.", "Colonel",
)  # fmt: skip
"""English honorifics a person's name follows; they combine (H.E. Dr.)."""

LATIN_TITLES: tuple[str, ...] = (
    "Moha Borvor Thipadei", "Maha Borvor Thipadei", "Thipadei", "Akka Moha Sena Padei Techo",
    "Akka Moha Sena Padei", "Techo", "Akka Moha Ponhea Chakrei", "Vibol Sena Pheakdei",
    "Kittiprittbandit", "Kitti Prittbandit", "Kittisangha Pandita", "Kralahom", "Bandit",
    "Krala Homa", "Pichey Sena", "Vibol Panha", "Abhisanti Bandit", "Kitti Tesaphibal Bandit",
    "Preah Bat Samdech Preah Boromneath", "Preah Bat Samdech", "Preah Boromneath",
    "Samdech Preah Mohaksatreyani", "Preah Karuna", "King", "Queen", "Queen Mother",
    "Prince", "Princess", "Minister", "Deputy", "Prime", "Senior", "Secretary", "State",
    "Under", "Director", "General", "Governor", "President", "Vice", "Ambassador",
    "Chairman", "Chair", "Advisor", "Adviser", "Teacher", "Principal", "Deputy Governor",
)  # fmt: skip
"""Titles written between the honorific and the name; skipped, never part of a name."""

_LATIN_NOT_NAME = _wordset(
    """The A An And Of For In On At To With By From His Her Their Its This That These Those
    Minister Deputy Secretary State Under Director General Governor President Vice Chairman
    Chair Head Senior Ambassador Advisor Adviser Member Delegate Representative Prime Dr Mr Mrs
    Ms Excellency Lok Chumteav Oknha Samdech Professor Madam Miss Invited Led Leads Opens Opened
    Meets Met Attends Attended Presides Presided Chairs Chaired Receives Received Visits Visited
    Signs Signed Calls Called Says Said Welcomes Welcomed Launches Launched Joins Joined Holds
    Held Delivers Delivered Discusses Discussed Workshop Meeting Conference Forum Ceremony
    Project Training Program Programme Center Centre Ministry Province Department Office School
    University Phnom Penh Cambodia Kingdom Royal Government Council Committee Working Group
    Teacher Teachers Principal King Queen Thipadei Techo Moha Borvor"""
)
_LATIN_SUFFIXES = ("ed", "ing", "tion", "ment", "ness", "ies", "ers", "ship", "ity")
_LATIN_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*"
_INITIAL = r"[A-Z]\."
_GENERATION = r"(?:Jr\.|Sr\.|II|III|IV)"


@lru_cache(maxsize=1)
def _latin_re() -> re.Pattern[str]:
    forms = sorted(LATIN_HONORIFICS, key=len, reverse=True)
    one = "|".join(re.escape(h) + ("" if h.endswith(".") else r"\b") for h in forms)
    titles = "|".join(re.escape(t) for t in sorted(LATIN_TITLES, key=len, reverse=True))
    word = rf"(?:{_GENERATION}(?!\w)|{_INITIAL}|{_LATIN_WORD})"
    return re.compile(
        rf"(?<![\w.])(?P<hon>(?:{one})(?:[ \t]+(?:{one}))*)"
        rf"(?P<title>(?:[ \t]+(?:the[ \t]+)?(?:{titles})\b)*)[ \t]+"
        rf"(?P<name>{word}(?:[ \t]+{word}|,[ \t]+{_GENERATION}(?!\w)){{0,4}})"
    )


def name_words(words: Iterable[str]) -> list[str]:
    """The leading words that can be part of a romanized Khmer name."""
    out: list[str] = []
    for word in words:
        if word in _LATIN_NOT_NAME or word.lower().endswith(_LATIN_SUFFIXES):
            break
        out.append(word)
    return out


def latin_mentions(text: str) -> list[Mention]:
    """English names after honorifics (H.E. Mao Sela, His Excellency Dr. Chea Vandeth).

    A name is one to four capitalised words in a row, stopping at punctuation and at
    words that are titles or English words (Minister, Invited…), so a name inside a
    Title Case headline is still cut where it ends. Romanized Khmer titles (Moha Borvor
    Thipadei) are skipped; a name with initials or a generation ("David L. Almirol Jr.")
    is kept whole.
    """
    out: list[Mention] = []
    for match in _latin_re().finditer(text):
        found = list(re.finditer(r"[^\s,]+", match.group("name")))
        while found and found[0].group(0) in _LATIN_NOT_NAME:
            found.pop(0)  # H.E. Minister Chea Vandeth
        words = _western(found) or name_words(w.group(0) for w in found)[:4]
        if words and not re.fullmatch(_INITIAL, words[0]):
            honorific = " ".join(match.group("hon").split())
            title = " ".join(match.group("title").split())
            start = match.start("name") + found[0].start()
            out.append(Mention(tuple(words), honorific, start, title))
    return out


def _western(found: list[re.Match[str]]) -> list[str]:
    """A name with an initial or a generation suffix, whole: ``David L. Almirol Jr.``."""
    words = [w.group(0) for w in found]
    if not any(re.fullmatch(_INITIAL, w) or re.fullmatch(_GENERATION, w) for w in words[1:]):
        return []
    kept: list[str] = []
    for word in words:
        if word in _LATIN_NOT_NAME:
            break
        kept.append(word)
    return kept
