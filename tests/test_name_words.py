"""The shipped usage table of name words (data/names/name-words.tsv) in front of the rules."""

from __future__ import annotations

from importlib import resources

import pytest

from name_usage import seen, usage
from sastra.khmer.name_words import NAME_WORDS_FILE, usage_spelling
from sastra.khmer.romanize import romanize_name
from sastra.khmer.unicode import normalize


def _table_lines() -> list[list[str]]:
    text = resources.files("sastra").joinpath(NAME_WORDS_FILE).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_every_entry_has_a_spelling_and_where_it_comes_from() -> None:
    rows = _table_lines()
    assert all(len(row) == 4 and row[1] == row[1].strip() and row[3] for row in rows), rows
    keys = [normalize(row[0]) for row in rows]
    assert len(keys) == len(set(keys)), "a word is listed twice"
    assert all(
        row[3].split(" ")[0].rstrip(",") in {"tune", "well-known", "common", "romanize.tsv"}
        for row in rows
    )


def test_the_seen_counts_are_the_collected_evidence() -> None:
    """Each entry's ``seen`` is recomputed from the pairs (tests/name_usage.py): how many
    pairs that contain the word print it this way, of all that contain it."""
    words = usage()
    for khmer, printed, column, _ in _table_lines():
        assert column == seen(khmer, printed, words), (khmer, printed, column)
        use = words.get(normalize(khmer))
        if use:
            assert use.commonest()[1] == use.spellings[printed], (khmer, dict(use.spellings))


def test_every_word_the_rules_misspell_in_the_evidence_is_listed() -> None:
    """A word whose commonest printed spelling the rules do not give is in the table when
    the evidence is clear: at least two pairs print it so, more than half of those with the
    word. One pair is one family's choice (ឈុត វុទ្ធី "Chut Wutty", យស អូឡារាំង "Yol
    Aularong"): the table lists it only where it is the common convention."""
    rows = {normalize(row[0]) for row in _table_lines()}
    for word, use in usage().items():
        spelling, count, total = use.commonest()
        clear = count >= 2 and count * 2 > total
        if clear and romanize_name(word) != spelling and word not in rows:
            assert usage_spelling(word) == spelling, (word, spelling, romanize_name(word))


@pytest.mark.parametrize(
    ("khmer", "printed"),
    [
        ("ព័ន្ធមុនីរ័ត្ន", "Pornmoniroth"),  # three listed pieces, joined
        ("សីហមុនី", "Sihamoni"),
        ("ស៊ីសាមុត", "Sisamouth"),
        ("រង្ស៊ី", "Rainsy"),  # listed whole
        ("នរោត្តម", "Norodom"),
    ],
)
def test_listed_words_and_words_made_of_listed_pieces(khmer: str, printed: str) -> None:
    assert usage_spelling(normalize(khmer)) == printed


@pytest.mark.parametrize(
    "khmer",
    [
        "សុខា",  # សុខ + ា: a piece never ends before a vowel sign
        "សុខុន",
        "ចាន់ថា",  # ចាន់ is listed, ថា is not: the rules spell the word
        "ហ៊ុនណា",
    ],
)
def test_a_word_not_wholly_made_of_listed_pieces_goes_to_the_rules(khmer: str) -> None:
    assert usage_spelling(normalize(khmer)) is None


def test_romanize_name_uses_the_table_then_the_rules() -> None:
    assert romanize_name("អូន ព័ន្ធមុនីរ័ត្ន") == "Aun Pornmoniroth"
    assert romanize_name("ចាន់វង្ស") == "Chanvong"  # two listed pieces
    assert romanize_name("ធីវង្ស") == "Thivong"  # ធី is not listed: the rules, where វង្ស is Vong
    assert romanize_name("វង្សា") == "Vangsa"  # a spoken geminate keeps a (រង្សី "Rangsey")
