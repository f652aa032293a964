"""Place names as English-language news prints them.

The gazetteer (:mod:`sastra.khmer.places`) spells in the Geographic Department's system
("Preaek Pnov", "Ou Char", "Voat Phnum"); Cambodian news in English prints most of the same
names otherwise ("Prek Pnov", "O'Char", "Wat Phnom"). Two shipped tables, both collected
from news (evidence in each line, the pages in ``tests/fixtures/names/printed.tsv``), turn
one into the other:

* ``data/places/print-words.tsv``: gazetteer word → printed word, applied word by word
  (:func:`print_spelling`); ``Mean Chey`` is printed joined ("Meanchey"), so is ``Ta`` after
  the first word ("Kang Ta Noeng" → "Kang Tanoeng", "Chrouy Ta Kaev" → "Chroy Takeo"), and a
  number word after ``Ti`` becomes its digit ("Kang Ta Noeng Ti Pir" → "Kang Tanoeng 2").
* ``data/places/print-names.tsv``: whole Khmer names print spells its own way (Siem Reap,
  Poipet, Sen Monorom), looked up first (:func:`printed_name`).

:data:`INSTITUTIONS` and :data:`PATRONS` describe the names print builds on a place:
schools, pagodas, hospitals, markets and bridges (វត្តភ្នំ "Wat Phnom",
វិទ្យាល័យហ៊ុនសែនកងតាណឹង "Hun Sen Kang Tanoeng High School").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sastra.khmer.unicode import normalize

__all__ = [
    "INSTITUTIONS",
    "PATRONS",
    "PRINT_NAMES_FILE",
    "PRINT_WORDS_FILE",
    "print_spelling",
    "printed_name",
    "respell",
]

PRINT_WORDS_FILE = "data/places/print-words.tsv"
PRINT_NAMES_FILE = "data/places/print-names.tsv"

INSTITUTIONS: dict[str, str] = {
    "វត្ត": "Wat {}",
    "វិទ្យាល័យ": "{} High School",
    "អនុវិទ្យាល័យ": "{} Secondary School",
    "សាលាបឋមសិក្សា": "{} Primary School",
    "មន្ទីរពេទ្យបង្អែក": "{} Referral Hospital",
    "មណ្ឌលសុខភាព": "{} Health Centre",
    "ផ្សារ": "{} Market",
    "ស្ពាន": "{} Bridge",
    "មន្ទីរពេទ្យ": "{} Hospital",
    "ប៉ុស្តិ៍សុខភាព": "{} Health Post",
    "សាលាខេត្ត": "{} Provincial Hall",
    "ព្រលានយន្តហោះ": "{} Airport",
    "ព្រលានយន្តហោះអន្តរជាតិ": "{} International Airport",
    "ឧទ្យានជាតិ": "{} National Park",
    "ដែនជម្រកសត្វព្រៃ": "{} Wildlife Sanctuary",
}
"""Khmer words written before the name of a school, pagoda, hospital, market or bridge, and
how print writes the whole: វត្ត X is "Wat X" (Wat Phnom, Wat Botum, Wat Ounalom), វិទ្យាល័យ X
is "X High School"; the hospital, health post, provincial hall, airport, national park and
wildlife sanctuary as their usual English names are written (Kampong Cham Provincial
Hospital, Siem Reap International Airport, Kirirom National Park, Prey Lang Wildlife
Sanctuary)."""

PATRONS: dict[str, str] = {
    "សម្តេចតេជោហ៊ុនសែន": "Samdech Techo Hun Sen",
    "តេជោហ៊ុនសែន": "Techo Hun Sen",
    "ប៊ុនរ៉ានីហ៊ុនសែន": "Bun Rany Hun Sen",
    "ហ៊ុនសែន": "Hun Sen",
    "ជាស៊ីម": "Chea Sim",
    "ព្រះស៊ីសុវត្ថិ": "Preah Sisowath",
    "ស៊ីសុវត្ថិ": "Sisowath",
    "នរោត្តមសីហនុ": "Norodom Sihanouk",
    "សម្តេចហ៊ុនសែន": "Samdech Hun Sen",
    "ហ៊ុនសែនប៊ុនរ៉ានី": "Hun Sen Bun Rany",
    "ប៊ុនរ៉ានី": "Bun Rany",
    "សម្តេចជាស៊ីម": "Samdech Chea Sim",
    "ហេងសំរិន": "Heng Samrin",
}
"""People schools are named after, before the place name (Hun Sen Kang Tanoeng High School,
Heng Samrin Tbong Khmum High School, Sisowath High School,
Bun Rany Hun Sen Chakryavong High School, Techo Hun Sen Choam Ksant High School); keys are
normalized with the spaces removed."""

_NUMBERS = {
    "Muoy": "1", "Pir": "2", "Bei": "3", "Buon": "4", "Pram": "5",
    "Prammuoy": "6", "Prampir": "7", "Prambei": "8", "Prambuon": "9",
}  # fmt: skip


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    return dict(_rows(PRINT_WORDS_FILE))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {_key(k): v for k, v in _rows(PRINT_NAMES_FILE)}


def _rows(name: str) -> list[tuple[str, str]]:
    text = resources.files("sastra").joinpath(name).read_text(encoding="utf-8")
    rows = (
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
    return [(cells[0], cells[1]) for cells in rows]


def _key(khmer: str) -> str:
    return normalize(khmer).replace(" ", "")


def printed_name(khmer: str) -> str | None:
    """The printed spelling of a Khmer name from ``print-names.tsv``, or ``None``."""
    return _names().get(_key(khmer))


def print_spelling(gazetteer: str) -> str:
    """A gazetteer spelling as news prints it: ``"Preaek Pnov"`` → ``"Prek Pnov"``,
    ``"Ou Char"`` → ``"O'Char"``, ``"Stueng Mean Chey"`` → ``"Stung Meanchey"``."""
    words = _words()
    out: list[str] = []
    tokens = gazetteer.split()
    for index, word in enumerate(tokens):
        if word in _NUMBERS and index and tokens[index - 1] == "Ti":
            out[-1] = _NUMBERS[word]
            continue
        if word == "Chey" and out and out[-1] == "Mean":
            out[-1] = "Meanchey"
            continue
        printed = words.get(word) or respell(word)
        if out and out[-1] == "Ta" and len(out) > 1 and printed[0] not in "AEIOU":
            out[-1] = "Ta" + printed.lower()  # Kang Ta Noeng is "Kang Tanoeng"; Run Ta Ek
            continue
        out.append(printed)
    return re.sub(r"(?<=')\s+", "", " ".join(out))


_VOWELS = (
    (re.compile(r"aeu"), "eu"),  # ើ: Daeum "Deum" (Phsar Deum Kor), Andaeuk "Andeuk"
    (re.compile(r"eae"), "e"),  # ែ after ea: Kuleaen "Kulen", Nheaek "Nhek", as Preaek "Prek"
    (re.compile(r"(?<![eE])ae(?!u)"), "e"),  # ែ: Slaeng "Sleng" (Tuol Sleng), Kraek "Krek"
    (re.compile(r"^Ae(?!u)"), "E"),  # Aem "Em" (Lvea Em), Aek "Ek" (Ek Phnom)
    (re.compile(r"au$"), "ao"),  # ៅ: Chau "Chao" (Chom Chao), Sdau "Sdao"
    (re.compile(r"ueu"), "eu"),  # ឺ: Spueu "Speu" (Kampong Speu)
    (re.compile(r"ue"), "eu"),  # ឹ: Trayueng "Trayeung", as Tuek "Teuk"
    (re.compile(r"oeang"), "eung"),  # ឿ: Loeang "Leung" (Neak Leung)
)
"""How print writes the vowels the gazetteer spells in the Geographic Department's system,
for a word the table does not list (the table's words are the evidence: Saen "Sen",
Traeng "Treng", Khmau "Khmao", Krau "Krao", Tuek "Teuk", Totueng "Toteung", Lueu "Leu")."""


def respell(word: str) -> str:
    """A gazetteer word the table does not list, with print's vowels: ``"Slaeng"`` →
    ``"Sleng"``, ``"Sdau"`` → ``"Sdao"``, ``"Spueu"`` → ``"Speu"``."""
    for pattern, printed in _VOWELS:
        word = pattern.sub(printed, word)
    return word
