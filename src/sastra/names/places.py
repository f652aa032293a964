"""Places and organisations in running text, for ``i18n names discover``.

* :func:`khmer_places`: places written after their prefix in Khmer (ខេត្តតាកែវ,
  ស្រុក ត្រាំកក់, ភូមិខ្សាច់ស), resolved in the gazetteer (:mod:`sastra.khmer.places`);
  the place name ends where the gazetteer's longest name ends (ខេត្តតាកែវបានរៀបចំ →
  តាកែវ). The expected Latin spelling is the well-known one, else the gazetteer's.
* :func:`latin_places`: Latin names before a place or institution word ("Tram Kak
  District", "Hun Sen Muy Mithona Primary School"), with their kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sastra.khmer.places import PREFIXES, find_place, split_prefix
from sastra.khmer.unicode import normalize
from sastra.names.glossary import Glossary, Kind

__all__ = ["KhmerPlace", "LatinPlace", "khmer_places", "latin_places"]


@dataclass(frozen=True)
class KhmerPlace:
    """A Khmer place name found after its prefix."""

    km: str
    """The name without its prefix (normalized)."""
    expected: str
    """Its Latin spelling: the glossary's or well-known one, else the gazetteer's."""


@dataclass(frozen=True)
class LatinPlace:
    """A Latin place or institution name."""

    name: str
    """The name without the head word: "Tram Kak", "Hun Sen Muy Mithona"."""
    kind: Kind


_PREFIX_RE = re.compile(
    "|".join(re.escape(normalize(p)) for p in sorted(PREFIXES, key=len, reverse=True))
)
_LEADS = re.compile("ខេត|រាជធានី|ស្រុក|ខណ|ក្រុង|ឃុ|សង្កាត|ភូម")
"""Letters every spelling of a prefix starts with, before normalization."""
_WORDS = re.compile("[^\\s\u200b\u200c\u200d\ufeff]+")
_KM_NAME_MAX = 16
"""Longest place name (code points) looked for after a prefix."""


def khmer_places(text: str, glossary: Glossary) -> list[KhmerPlace]:
    """Every gazetteer place written after a prefix in ``text``, in order.

    The prefix may be glued to the word before it (នៅស្រុកត្រាំកក់); a word that merely
    contains a prefix (ក្នុងស្រុក "domestic") yields nothing unless a gazetteer place
    follows it.
    """
    out: list[KhmerPlace] = []
    words = _WORDS.findall(text)
    for index, raw in enumerate(words):
        if not _LEADS.search(raw):
            continue  # no prefix can be in this word: skip normalizing it
        word = _normal(raw)
        for match in _PREFIX_RE.finditer(word):
            prefix = match.group(0)
            following = _normal(words[index + 1]) if index + 1 < len(words) else ""
            rest = word[match.end() :] or following
            found = _longest_place(prefix, rest)
            if found is not None:
                entry = glossary.lookup(found[0])
                out.append(KhmerPlace(found[0], entry.en if entry else found[1]))
                break
    return out


@lru_cache(maxsize=16384)
def _normal(word: str) -> str:
    return normalize(word)


def _longest_place(prefix: str, rest: str) -> tuple[str, str] | None:
    rest = re.sub(r"[^\u1780-\u17dd]", " ", rest).split(" ")[0]
    for end in range(min(len(rest), _KM_NAME_MAX), 1, -1):
        name = rest[:end]
        if end < len(rest) and "\u17b6" <= rest[end] <= "\u17d3":
            continue  # never cut a syllable: the next character is a vowel or sign
        place = find_place(prefix + name)
        if place is None or split_prefix(prefix + name)[1] != name:
            continue
        if end < len(rest) and end not in _word_ends(rest):
            continue  # the tail of a longer word: ភូមិភាគ "region" is not the village ភា
        return name, place.en
    return None


@lru_cache(maxsize=4096)
def _word_ends(run: str) -> frozenset[int]:
    """Where the words of a run of Khmer letters end (khmer-nltk's segmentation)."""
    from sastra.khmer.segment import tokens  # loaded only for a name glued to more text

    ends, at = set(), 0
    for token in tokens(run):
        at += len(token)
        ends.add(at)
    return frozenset(ends)


_HEADS: dict[str, Kind] = {
    "Province": Kind.PLACE,
    "District": Kind.PLACE,
    "Commune": Kind.PLACE,
    "Village": Kind.PLACE,
    "Town": Kind.PLACE,
    "Primary School": Kind.ORGANISATION,
    "Secondary School": Kind.ORGANISATION,
    "Lower Secondary School": Kind.ORGANISATION,
    "Upper Secondary School": Kind.ORGANISATION,
    "High School": Kind.ORGANISATION,
    "School": Kind.ORGANISATION,
    "Pagoda": Kind.ORGANISATION,
    "Referral Hospital": Kind.ORGANISATION,
    "Hospital": Kind.ORGANISATION,
    "Health Centre": Kind.ORGANISATION,
    "Health Center": Kind.ORGANISATION,
    "Market": Kind.ORGANISATION,
}
_SKIP = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "Of",
        "In",
        "At",
        "To",
        "For",
        "From",
        "By",
        "With",
        "Lower",
        "Upper",
        "Provincial",
        "Municipal",
    ]
)
_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*"
_PLACE_RE = re.compile(
    rf"(?<![\w.])(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,4}}?)[ \t]+"
    rf"(?P<head>{'|'.join(sorted(map(re.escape, _HEADS), key=len, reverse=True))})\b"
)


def latin_places(text: str) -> list[LatinPlace]:
    """Latin place and institution names, by the word after them ("District", "School")."""
    out: list[LatinPlace] = []
    for match in _PLACE_RE.finditer(text):
        words = match.group("name").split()
        while words and words[0] in _SKIP:
            words.pop(0)
        head = match.group("head")
        if words and words[-1] in _SKIP:
            continue  # "... of the District"
        if words:
            out.append(LatinPlace(" ".join(words), _HEADS[head]))
    return out
