"""``names_missing``: names one version of a pair has and the other lacks (for review)."""

from __future__ import annotations

from helpers import parsed_article
from sastra.names import Glossary, Kind, NameEntry
from sastra.names.missing import MissingName, names_missing

GLOSSARY = Glossary(
    (
        NameEntry("ម៉ៅ សិលា", "Mao Sela", ("Mao Sila",)),
        NameEntry("ខេត្តតាកែវ", "Takeo Province", (), Kind.PLACE),
    )
)


article = parsed_article


KM = """---
title: ឯកឧត្តម ម៉ៅ សិលា អញ្ជើញទៅខេត្តតាកែវ
---

ឯកឧត្តម ម៉ៅ សិលា និងលោក សុខ សុភា បានជួបគ្រូបង្រៀន។
"""


def test_a_person_the_translation_left_out() -> None:
    en = article("en", "---\ntitle: H.E. Mao Sela visits Takeo Province\n---\n\nHe met teachers.\n")
    found = names_missing({"km": article("km", KM), "en": en}, GLOSSARY)
    assert found == [
        MissingName("សុខ សុភា", "km", "en", "content/km/news/a.md", 5, 25, "សុខ សុភា"),
    ]


def test_names_written_without_honorific_or_as_a_variant_are_present() -> None:
    """Named without an honorific, or in a listed variant: present, not missing. A
    variant is a spelling to replace, as ``names check`` says: ``spelling``."""
    en = article(
        "en",
        "---\ntitle: Visit to Takeo Province\n---\n\n"
        "Mao Sila met teachers. Sok Sophea's class was first.\n",
    )
    found = names_missing({"km": article("km", KM), "en": en}, GLOSSARY)
    assert [(m.name, m.kind, m.written, m.expected) for m in found] == [
        ("ម៉ៅ សិលា", "spelling", "Mao Sila", "Mao Sela")
    ]
    text = "---\ntitle: Visit to Takeo Province\n---\n\nMao Sela met Sok Sophea.\n"
    assert names_missing({"km": article("km", KM), "en": article("en", text)}, GLOSSARY) == []


def test_names_only_in_the_english_version() -> None:
    km = article("km", "---\ntitle: ការប្រជុំ\n---\n\nឯកឧត្តម ម៉ៅ សិលា បានដឹកនាំ។\n")
    en = article(
        "en",
        "---\ntitle: H.E. Mao Sela in Takeo Province\n---\n\n"
        "H.E. Mao Sela and Dr. Chea Vandeth led the meeting.\n",
    )
    found = names_missing({"km": km, "en": en}, GLOSSARY)
    assert found == [
        MissingName("Takeo Province", "en", "km", "content/en/news/a.md", 2, 25, "ខេត្តតាកែវ"),
        MissingName("Chea Vandeth", "en", "km", "content/en/news/a.md", 5, 23, ""),
    ]


def test_a_single_version_has_nothing_missing() -> None:
    assert names_missing({"km": article("km", KM)}, GLOSSARY) == []


def test_titles_teachers_and_royal_names_are_parsed_as_people() -> None:
    """The review check reads people with the shared honorific/title parser: no title,
    teacher's honorific or function word comes back as a missing name."""
    km = article(
        "km",
        "---\ntitle: សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត ជួបលោកគ្រូអ្នកគ្រូ\n---\n\n"
        "ឯកឧត្តមរដ្ឋមន្ត្រី ជា វ៉ាន់ដេត និងឯកឧត្តមបណ្ឌិតសភាចារ្យ ហង់ ជួន ណារ៉ុន "
        "បានលើកឡើងពីគតិបណ្ឌិតរបស់ព្រះករុណា ព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី។\n\n"
        "លោកគ្រូ សុខ ដារា បានបង្រៀន។\n",
    )
    en = article(
        "en",
        "---\ntitle: Samdech Moha Borvor Thipadei Hun Manet meets teachers\n---\n\n"
        "H.E. Minister Chea Vandeth and H.E. Academician Dr. Hang Chuon Naron recalled "
        "the teachings of His Majesty King Norodom Sihamoni.\n",
    )
    found = names_missing({"km": km, "en": en}, Glossary())
    assert [(m.name, m.lang, m.missing_from, m.line) for m in found] == [
        ("សុខ ដារា", "km", "en", 7),
    ]
