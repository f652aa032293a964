"""Place names as English news prints them (``sastra.khmer.place_print`` and
``romanize_place``), and ``same_name`` on printed place spellings: variants of one place
are one name, near misses (two different places) stay two."""

from __future__ import annotations

from pathlib import Path

import pytest

from sastra.khmer.place_print import PATRONS, print_spelling, printed_name, respell
from sastra.khmer.place_split import place_words, split_place
from sastra.khmer.places import find_place, place_spelling, romanize_place
from sastra.khmer.similarity import same_name
from sastra.khmer.unicode import normalize

COMPOUNDS = Path(__file__).parent / "fixtures" / "names" / "place-compounds.tsv"
DATA = Path(__file__).parents[1] / "src" / "sastra" / "data" / "places"


def _compounds() -> list[tuple[str, str]]:
    rows = []
    for line in COMPOUNDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, printed, source = line.split("\t")
            assert source.startswith("http"), line
            rows.append((khmer, printed))
    return rows


@pytest.mark.parametrize(
    ("gazetteer", "printed"),
    [
        ("Preaek Pnov", "Prek Pnov"),
        ("Ou Char", "O'Char"),
        ("Ou Thum", "O'Thom"),
        ("Voat Phnum", "Wat Phnom"),
        ("Stueng Mean Chey", "Stung Meanchey"),
        ("Chrouy Ta Kaev", "Chroy Takeo"),
        ("Kang Ta Noeng Ti Pir", "Kang Tanoeng 2"),
        ("Ta Kaev", "Ta Keo"),  # Ta first is a word of its own (Ta Thav, Ta Um)
        ("Pou Saen Chey", "Por Sen Chey"),
        ("Tumnub Tuek", "Tumnub Teuk"),
        ("Svay Chrum", "Svay Chrum"),
        ("Tuol Slaeng", "Tuol Sleng"),  # ែ is e in print
        ("Ponhea Kraek", "Ponhea Krek"),
        ("Chaom Chau", "Chom Chao"),  # a final ៅ is ao
        ("Kampong Spueu", "Kampong Speu"),  # ឺ/ឹ are eu
        ("Neak Loeang", "Neak Leung"),
        ("Khang Tboung", "Khang Tbong"),
        ("Rumdaoh Srae", "Rumdaoh Srae"),  # listed as itself: the vowel rule is not applied
        ("Anlung Veaeng", "Anlong Veng"),
    ],
)
def test_print_spelling(gazetteer: str, printed: str) -> None:
    assert print_spelling(gazetteer) == printed


def test_printed_names_are_looked_up_whole_and_spaced() -> None:
    assert printed_name("សៀមរាប") == "Siem Reap"
    assert printed_name("ប៉ោយ ប៉ែត") == "Poipet"
    assert printed_name("ត្រាំកក់") is None


def test_compounds_as_printed() -> None:
    """Exact for most; every miss but one is still the same name (the pinned lists are what
    the table and the romanizer cannot know)."""
    rows = _compounds()
    outputs = {p: romanize_place(k) for k, p in rows}
    inexact = sorted(p for p, o in outputs.items() if o != p)
    unrecognised = sorted(p for p, o in outputs.items() if not same_name(o, p))
    assert inexact == [
        "Bun Rany Hun Sen Chakryavong High School",
        "Hun Sen Peam Chikang High School",
        "Keo Phos High School",
        "Kroch Chhmar District Referral Hospital",
        "Stung Samrong Secondary School",
        "Techo Hun Sen Choam Ksant high school",
        "Toul Keo Secondary School",
    ]
    assert unrecognised == ["Bun Rany Hun Sen Chakryavong High School"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kampong Cham", "Kompong Cham"),
        ("Kampot", "Kompot"),
        ("Kampong Chhnang", "Kompong Chhnang"),
        ("Tuek Chhou", "Teuk Chhou"),
        ("Teuk Chhou", "Toek Chhou"),
        ("Phnom Bakheng", "Phnom Bak Kheng"),
        ("Tuol Kork", "Toul Kork"),
        ("Ou Chrov", "O'Chrov"),
        ("Sen Sok", "Saen Sokh"),
        ("Krouch Chhmar", "Kroch Chhmar"),
        ("Kang Tanoeng", "Kang Taneong"),
        ("Stung Trang", "Steung Trang"),
        ("Thbong Khmum", "Tbong Khmum"),
        ("Siem Reap", "Siemreap"),
        ("Ponhea Leu", "Ponhealoeu"),
        ("Boeung Kak", "Beung Kak"),
        ("Kandal Market", "Phsar Kandal"),  # a kind word in English: kind words left out
        ("Krong Kep", "Kep town"),
        ("Wat Ounalom", "Ounalom Pagoda"),
        ("Sangkat Boeung Raing", "Boeung Raing commune"),
        ("Prasat Koh Ker", "Koh Ker temple"),  # ប្រាសាទ: print writes both
        ("Prasat Preah Vihear", "Preah Vihear temple"),
    ],
)
def test_print_variants_are_one_name(a: str, b: str) -> None:
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kampong Cham", "Kampong Chhnang"),
        ("Kampong Tralach", "Kampong Trach"),
        ("Kampong Trabek", "Kampong Trach"),
        ("Kampot", "Kampong"),
        ("Stung Treng", "Stung Trang"),
        ("Svay Rieng", "Svay Chrum"),
        ("Prey Veng", "Prey Nob"),
        ("Takeo", "Takhmao"),
        ("Banteay Meanchey", "Banteay Srei"),
        ("Tbong Khmum", "Tbeng Meanchey"),
        ("Preah Vihear", "Preah Sihanouk"),
        ("Sen Sok", "Sen Chey"),
        ("Chamkar Mon", "Chbar Mon"),
        ("Tuol Kork", "Tuol Sangke"),
        ("Koh Kong", "Koh Ker"),
        ("Ang Snuol", "Angkor Chum"),
        ("Wat Phnom", "Wat Botum"),
        ("Kompong Som", "Kampong Speu"),
        ("Kampong Cham province", "Kampong Chhnang province"),
        ("Wat Phnom", "Botum Pagoda"),
        ("Khan Sophirom", "Sophirom"),  # no English kind word: Khan may be a name
    ],
)
def test_near_misses_stay_apart(a: str, b: str) -> None:
    assert not same_name(a, b) and not same_name(b, a)


@pytest.mark.parametrize(
    ("khmer_a", "printed_a", "khmer_b", "printed_b"),
    [
        ("ផ្សារកណ្ដាល", "Kandal Market", "ផ្សារថ្មី", "Phsar Thmei"),
        ("ខេត្តកំពង់ចាម", "Kampong Cham province", "ខេត្តកំពង់ឆ្នាំង", "Kampong Chhnang province"),
        ("វត្តភ្នំ", "Wat Phnom", "វត្តបទុម", "Botum Pagoda"),
        ("ក្រុងកែប", "Kep town", "ក្រុងកំពត", "Kampot town"),
        ("ភូមិត្រពាំងថ្មីខាងជើង", "Trapeang Thmei Khang Cheung village", "ភូមិត្រពាំងថ្មីខាងត្បូង",
         "Trapeang Thmei Khang Tbong village"),
    ],
)  # fmt: skip
def test_places_of_one_kind_stay_apart(
    khmer_a: str, printed_a: str, khmer_b: str, printed_b: str
) -> None:
    """Leaving kind words out (Phsar, Market, province, Wat, Pagoda) joins no two places."""
    assert not same_name(printed_a, printed_b)
    assert not same_name(romanize_place(khmer_a), printed_b)
    assert not same_name(romanize_place(khmer_b), printed_a)
    assert same_name(romanize_place(khmer_a), printed_a)
    assert same_name(romanize_place(khmer_b), printed_b)


def test_tables_are_well_formed() -> None:
    words = [
        line.split("\t")
        for line in (DATA / "print-words.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    # a word listed as itself is one the vowel rules would respell (Srae)
    assert all(len(row) == 3 and row[2] for row in words)
    assert all(row[0] != row[1] or respell(row[0]) != row[0] for row in words)
    assert len({row[0] for row in words}) == len(words)
    names = [
        line.split("\t")
        for line in (DATA / "print-names.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(len(row) == 3 and normalize(row[0]) == row[0] for row in names)
    assert len({row[0] for row in names}) == len(names)
    # every printed name is a place the gazetteer knows (with or without its prefix)
    assert all(find_place(row[0]) is not None for row in names), [
        row[0] for row in names if find_place(row[0]) is None
    ]


@pytest.mark.parametrize(
    ("khmer", "printed"),
    [
        ("ភូមិត្រពាំងថ្មីខាងជើង", "Trapeang Thmei Khang Cheung village"),
        ("ត្រពាំងក្រសាំងខាងលិច", "Trapeang Krasang Khang Lech"),
        ("ស្ទឹងមានជ័យ", "Stung Meanchey"),
        ("សង្កាត់ស្ទឹងមានជ័យ១", "Sangkat Stung Meanchey 1"),  # the number of a split sangkat
        ("សង្កាត់ចោមចៅ", "Sangkat Chom Chao"),
        ("ភ្នំបាសិត", "Phnom Baseth"),  # not "Ba Set": សិត is too rare to cut a word for
        ("វិទ្យាល័យព្រែកលៀប", "Prek Lieb High School"),
        ("ដែនជម្រកសត្វព្រៃព្រៃឡង់", "Prey Lang Wildlife Sanctuary"),  # ព្រៃ opens ព្រៃឡង់
        ("មន្ទីរពេទ្យបង្អែកខេត្តតាកែវ", "Takeo Provincial Referral Hospital"),
        ("សាលាខេត្តកំពង់ចាម", "Kampong Cham Provincial Hall"),
        ("ព្រលានយន្តហោះអន្តរជាតិសៀមរាប", "Siem Reap International Airport"),
    ],
)
def test_names_the_gazetteer_lacks_are_spelled_from_its_words(khmer: str, printed: str) -> None:
    assert romanize_place(khmer) == printed


def test_place_words_learnt_from_names() -> None:
    pairs = [("ថ្មិ", "Thmei"), ("ត្រពាំងថ្មិ", "Trapeang Thmei"), ("ត្រពាំងលាន", "Trapeang Lean")]
    pairs += [("លានទិ១", "Lean Ti Muoy")]  # a number is not a word of the name
    assert place_words(pairs) == {
        "ថ្មិ": ("Thmei", 2),
        "ត្រពាំង": ("Trapeang", 2),
        "លាន": ("Lean", 2),
    }
    words = place_words(pairs)
    assert split_place("ត្រពាំងថ្មិលាន", words, [7, 11, 14]) == [
        ("ត្រពាំង", "Trapeang"),
        ("ថ្មិ", "Thmei"),
        ("លាន", "Lean"),
    ]
    assert split_place("ត្រពាំងស្រះ", words, [7, 11]) == [("ត្រពាំង", "Trapeang"), ("ស្រះ", None)]


def test_patrons_are_normalized_without_spaces() -> None:
    assert all(normalize(k).replace(" ", "") == k for k in PATRONS)


@pytest.mark.parametrize(
    ("khmer", "spelled"),
    [
        ("ស្រុកត្រាំកក់", "Tram Kak district"),
        ("តាកែវ", "Takeo"),
        ("សៀមរាប", "Siem Reap"),
        ("វត្តភ្នំ", "Wat Phnom"),
        ("វិទ្យាល័យហ៊ុនសែនកងតាណឹង", "Hun Sen Kang Tanoeng High School"),
        ("ភូមិអូរធំ", "O'Thom village"),
        ("ខ្សាច់ស", None),  # a village alone: may be a person's name
        ("សុខា", None),
        ("វិទ្យា", None),  # not វិទ្យាល័យ
        ("", None),
    ],
)
def test_place_spelling_only_for_sure_places(khmer: str, spelled: str | None) -> None:
    assert place_spelling(khmer) == spelled


def test_name_filter_spells_places_as_printed() -> None:
    from sastra.names import Glossary, render_name

    assert render_name("វត្តភ្នំ", "en", Glossary()) == ("Wat Phnom", False)
    assert render_name("វិទ្យាល័យហ៊ុនសែនកងតាណឹង", "en", Glossary()) == (
        "Hun Sen Kang Tanoeng High School",
        False,
    )
    assert render_name("ខេត្តមណ្ឌលគិរី", "en", Glossary()) == ("Mondulkiri province", False)
    assert render_name("ខណ្ឌព្រែកព្នៅ", "en", Glossary()) == ("Prek Pnov district", False)
    assert render_name("សុខា", "en", Glossary())[1] is True  # a name alone: the romanizer
