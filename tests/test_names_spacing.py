"""Khmer spaces are optional: a name that differs only by spaces is one person everywhere
(glossary and well-known look-up, discover, name-missing); and a place after a place word is
a whole word, never the tail of a longer one (ភូមិភាគ "region" is not the village ភា)."""

from __future__ import annotations

from helpers import parsed_article
from sastra.names import Glossary, NameEntry, parse_glossary
from sastra.names.discover import discover
from sastra.names.known import with_well_known
from sastra.names.missing import names_missing
from sastra.names.places import khmer_places

JOINED = "ហង់ ជួនណារ៉ុន"  # as ministry news writes him
SPACED = "ហង់ ជួន ណារ៉ុន"  # as the well-known list writes him


article = parsed_article


def test_glossary_lookup_ignores_spaces() -> None:
    glossary = Glossary((NameEntry(SPACED, "Hang Chuon Naron"),))
    assert glossary.lookup(JOINED) is glossary.entries[0]
    assert glossary.lookup("ហង់ជួនណារ៉ុន") is glossary.entries[0]
    assert with_well_known(Glossary()).lookup(JOINED) is not None


def test_a_name_listed_twice_with_other_spaces_is_reported() -> None:
    text = f"names:\n  - km: {SPACED}\n    en: Hang Chuon Naron\n  - km: {JOINED}\n    en: X Y\n"
    glossary, diags = parse_glossary(text, "i18n/names.yaml")
    assert [str(d) for d in diags] == [
        f"i18n/names.yaml:4: '{SPACED}' is listed twice (first at line 2)"
    ]
    assert len(glossary) == 1


def test_discover_lists_one_person_under_the_well_known_form() -> None:
    found = discover(
        [
            {"km": f"ឯកឧត្តម {JOINED} បានថ្លែង។", "en": "H.E. Hang Chuon Naron said."},
            {"km": f"ឯកឧត្តម {SPACED} បានមក។", "en": "H.E. Hang Chuon Naron came."},
        ],
        Glossary(),
    )
    assert [(n.km, n.spellings, n.km_count) for n in found.names] == [
        (SPACED, (("Hang Chuon Naron", 2),), 2)
    ]


def test_discover_groups_spacings_of_an_unlisted_name() -> None:
    found = discover(
        [
            {"km": "លោក សុខចាន់ដារា បានថ្លែង។", "en": "Mr. Sok Chandara said."},
            {"km": "លោក សុខ ចាន់ដារា បានមក។", "en": "Mr. Sok Chandara came."},
        ],
        Glossary(),
    )
    assert [(n.km, n.km_count) for n in found.names] == [("សុខ ចាន់ដារា", 2)]


def test_no_false_name_missing_for_a_name_spaced_otherwise() -> None:
    km = article("km", f"---\ntitle: ឯកឧត្តម {JOINED} ជួបគ្រូ\n---\n\nឯកឧត្តម {JOINED} បានថ្លែង។\n")
    en = article("en", "---\ntitle: H.E. Hang Chuon Naron meets teachers\n---\n\nHe spoke.\n")
    assert names_missing({"km": km, "en": en}, with_well_known(Glossary())) == []


def test_a_glossary_name_without_honorific_is_found_with_other_spaces() -> None:
    glossary = Glossary((NameEntry(SPACED, "Hang Chuon Naron"),))
    km = article("km", f"---\ntitle: ជួប {JOINED} ថ្ងៃនេះ\n---\n\nអត្ថបទ។\n")
    en = article("en", "---\ntitle: A meeting today\n---\n\nText.\n")
    found = names_missing({"km": km, "en": en}, glossary)
    assert [(m.name, m.lang, m.missing_from) for m in found] == [(SPACED, "km", "en")]


def test_a_place_is_a_whole_word_after_its_place_word() -> None:
    text = "នៅភូមិភាគឦសាន និងនៅភូមិត្រពាំងលានមានប្រជាជន"
    assert [(p.km, p.expected) for p in khmer_places(text, Glossary())] == [
        ("ត្រពាំងលាន", "Trapeang Lean")
    ]
