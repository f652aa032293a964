"""The one honorific/title parser (``sastra.khmer.honorifics``): chains, titles, offsets.

The full table of texts and the names they yield is
``tests/fixtures/names/khmer-mentions.tsv`` / ``latin-mentions.tsv``
(run by ``tests/test_names_text.py``); this file pins the parts a table does not show.
"""

from __future__ import annotations

import pytest

from sastra.khmer.honorifics import is_not_name, is_title, khmer_mentions
from sastra.khmer.honorifics_latin import latin_mentions


@pytest.mark.parametrize(
    ("text", "honorific", "title", "name"),
    [
        ("ឯកឧត្តមរដ្ឋមន្ត្រី ជា វ៉ាន់ដេត", "ឯកឧត្តម", "រដ្ឋមន្ត្រី", "ជា វ៉ាន់ដេត"),
        ("សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត", "សម្តេច", "មហាបវរធិបតី", "ហ៊ុន ម៉ាណែត"),
        ("ឯកឧត្តម ឧបនាយករដ្ឋមន្ត្រី ស៊ុន ចាន់ថុល", "ឯកឧត្តម", "ឧបនាយករដ្ឋមន្ត្រី", "ស៊ុន ចាន់ថុល"),
        ("លោកគ្រូ សុខ ដារា", "លោកគ្រូ", "", "សុខ ដារា"),
        ("លោក នាយកសាលា កែវ សុផល", "លោក", "នាយកសាលា", "កែវ សុផល"),
    ],
)
def test_chain_parts(text: str, honorific: str, title: str, name: str) -> None:
    (mention,) = khmer_mentions(text)
    assert (mention.honorific, mention.title, " ".join(mention.words)) == (honorific, title, name)
    assert text[mention.offset :].startswith(mention.words[0])


def test_offset_of_a_name_joined_to_its_honorific_in_unnormalized_text() -> None:
    text = "ថ្ងៃនេះ ឯកឧត្ដមម៉ៅ សិលា"  # coeng DA: normalized to coeng TA
    (mention,) = khmer_mentions(text)
    assert text[mention.offset :] == "ម៉ៅ សិលា"


@pytest.mark.parametrize(
    ("word", "title"),
    [
        ("ឯកឧត្តមរដ្ឋមន្ត្រី", True),
        ("មហាបវរធិបតី", True),
        ("ធិបតី", True),
        ("គ្រូ", True),
        ("លោកគ្រូ", True),
        ("ហ៊ុន", False),
        ("របស់", False),
    ],
)
def test_is_title(word: str, title: bool) -> None:
    assert is_title(word) is title


@pytest.mark.parametrize(
    ("word", "not_name"),
    [("របស់", True), ("រដ្ឋមន្ត្រី", True), ("ក្រសួងអប់រំ", True), ("បានដឹកនាំ", True),
     ("ជា", False), ("សុខ", False), ("មករា", False), ("ហៀប", False)],
)  # fmt: skip
def test_is_not_name(word: str, not_name: bool) -> None:
    assert is_not_name(word) is not_name


def test_latin_title_is_kept_apart_from_the_name() -> None:
    (mention,) = latin_mentions("Samdech Moha Borvor Thipadei Hun Manet")
    assert (mention.honorific, mention.title, mention.words) == (
        "Samdech",
        "Moha Borvor Thipadei",
        ("Hun", "Manet"),
    )


def test_zero_width_spaces_separate_words() -> None:
    text = "សម្តេច\u200bមហាបវរធិបតី\u200bហ៊ុន\u200bម៉ាណែត\u200bបាន\u200bអញ្ជើញ"
    (mention,) = khmer_mentions(text)
    assert mention.words == ("ហ៊ុន", "ម៉ាណែត")
    assert text[mention.offset :].startswith("ហ៊ុន")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត", (("សម្តេច",), ("មហាបវរធិបតី",), "ហ៊ុន ម៉ាណែត")),
        ("ឯកឧត្តមម៉ៅ សិលា", (("ឯកឧត្តម",), (), "ម៉ៅ សិលា")),
        ("លោកគ្រូ សុខ ដារា", (("លោកគ្រូ",), (), "សុខ ដារា")),
        ("សុខ ដារា", ((), (), "សុខ ដារា")),
        ("ពិភពលោក", ((), (), "ពិភពលោក")),
        ("ឯកឧត្តមរដ្ឋមន្ត្រីក្រសួងអប់រំ", ((), (), "ឯកឧត្តមរដ្ឋមន្ត្រីក្រសួងអប់រំ")),
    ],
)
def test_split_chain(text: str, expected: tuple[tuple[str, ...], tuple[str, ...], str]) -> None:
    from sastra.khmer.honorifics import split_chain

    assert split_chain(text) == expected
