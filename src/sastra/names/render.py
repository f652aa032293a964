"""A name as a page in a given language writes it: the templates' ``name`` filter.

Khmer pages get the glossary's Khmer form; other languages the glossary's spelling, the
shipped well-known spelling (:mod:`sastra.names.known`), a place's official spelling
(:mod:`sastra.khmer.places`) or the romanizer, in that order. Honorifics and honorary
titles before the name are read with the shared parser and written in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from sastra.khmer.unicode import normalize
from sastra.names.glossary import Glossary

__all__ = ["KM_TO_EN_HONORIFICS", "KM_TO_EN_TITLES", "render_name"]


KM_TO_EN_HONORIFICS: Mapping[str, str] = {
    "ឯកឧត្តម": "H.E.",
    "ឯ.ឧ": "H.E.",
    "ឯ.ឧ.": "H.E.",
    "លោកជំទាវ": "Lok Chumteav",
    "លោកស្រី": "Mrs.",
    "អ្នកស្រី": "Ms.",
    "អ្នកនាង": "Ms.",
    "កញ្ញា": "Miss",
    "លោក": "Mr.",
    "លោកគ្រូ": "Lok Kru",
    "អ្នកគ្រូ": "Neak Kru",
    "អ្នកឧកញ៉ា": "Neak Oknha",
    "ឧកញ៉ា": "Oknha",
    "បណ្ឌិត": "Dr.",
    "វេជ្ជបណ្ឌិត": "Dr.",
    "សាស្ត្រាចារ្យ": "Prof.",
    "បណ្ឌិតសភាចារ្យ": "Academician",
    "សម្តេច": "Samdech",
    "ព្រះករុណា": "His Majesty",
    "ព្រះបាទសម្តេចព្រះបរមនាថ": "King",
}
"""Khmer honorifics and the English form :func:`render_name` writes for them."""

KM_TO_EN_TITLES: Mapping[str, str] = {
    "មហាបវរធិបតី": "Moha Borvor Thipadei",
    "ធិបតី": "Thipadei",
    "អគ្គមហាសេនាបតីតេជោ": "Akka Moha Sena Padei Techo",
    "តេជោ": "Techo",
    "ក្រឡាហោម": "Kralahom",
    "ពិជ័យសេនា": "Pichey Sena",
    "កិត្តិព្រឹទ្ធបណ្ឌិត": "Kittiprittbandit",
}
"""Honorary titles :func:`render_name` writes in English (Samdech *Moha Borvor Thipadei*
Hun Manet); functions (រដ្ឋមន្ត្រី, អភិបាល…) are left out: a name is not a byline."""


@lru_cache(maxsize=1)
def _english_pieces() -> dict[str, str]:
    pieces = (*KM_TO_EN_HONORIFICS.items(), *KM_TO_EN_TITLES.items())
    return {normalize(k): v for k, v in pieces}


def _is_khmer(text: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in text)


def render_name(khmer: str, lang: str, glossary: Glossary) -> tuple[str, bool]:
    """The form of a name for a page in ``lang``: ``(text, used_fallback)``.

    Khmer pages get the glossary's Khmer form (or the input). Other languages get the
    glossary's preferred spelling, else the shipped well-known spelling
    (:mod:`sastra.names.known`), else a place's spelling as news prints it
    (:func:`sastra.khmer.places.place_spelling`: a gazetteer name with its prefix,
    ស្រុកត្រាំកក់ "Tram Kak district", a province or district alone, a school or pagoda,
    វត្តភ្នំ "Wat Phnom"), else
    :func:`~sastra.khmer.romanize.romanize_name` with ``used_fallback=True`` (the build
    warns about those). Leading Khmer honorifics and honorary titles are rendered too
    (ឯកឧត្តម → H.E., សម្តេចមហាបវរធិបតី → Samdech Moha Borvor Thipadei; functions such as
    រដ្ឋមន្ត្រី are left out), read with the shared honorific parser
    (:func:`sastra.khmer.honorifics.split_chain`). A Latin input is mapped through the
    glossary (a variant becomes the preferred form; on Khmer pages, the Khmer form).
    """
    text = " ".join(khmer.split())
    if not text:
        return "", False
    if not _is_khmer(text):
        entry = glossary.by_latin(text)
        if entry is None:
            return text, False
        return (entry.km if lang == "km" else entry.en), False
    from sastra.khmer.honorifics import split_chain
    from sastra.names.known import well_known

    entry = glossary.lookup(text)
    if lang == "km":
        return (entry.km if entry else text), False
    entry = entry or well_known().lookup(text)
    if entry is not None:
        return entry.en, False
    honorifics, titles, rest = split_chain(text)
    if honorifics and rest:
        inner, fallback = render_name(rest, lang, glossary)
        english = _english_pieces()
        words = [english[p] for p in (*honorifics, *titles) if p in english]
        return " ".join([*words, inner]), fallback
    place = _gazetteer_spelling(text)
    if place is not None:
        return place, False
    from sastra.khmer.romanize import romanize_name

    return romanize_name(text), True


def _gazetteer_spelling(text: str) -> str | None:
    """A place's printed spelling (:func:`~sastra.khmer.places.place_spelling`), with the
    well-known spelling of its name when the shipped list has one."""
    from sastra.khmer.places import place_spelling, romanize_place, split_prefix

    spelled = place_spelling(text)
    if spelled is None:
        return None
    from sastra.names.known import well_known

    name = split_prefix(text)[1]
    known = well_known().lookup(name)
    return spelled.replace(romanize_place(name), known.en) if known else spelled
