"""The shipped usage table of name words (data/names/name-words.tsv) in front of the rules."""

from __future__ import annotations

from importlib import resources

import pytest

from name_usage import seen, usage
from sastra.khmer.name_words import NAME_WORDS_FILE, usage_spelling
from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import same_name
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
        row[3].split(" ")[0].rstrip(",")
        in {
            "tune",
            "heldout",
            "heldout2",
            "well-known",
            "common",
            "romanize.tsv",
            "lexicon",
            "press",
            "usage2",
            "round7",
        }
        for row in rows
    )
    assert sum(row[3] == "lexicon" for row in rows) >= 250


def test_the_seen_counts_are_the_collected_evidence() -> None:
    """Each entry's ``seen`` is recomputed from the pairs (tests/name_usage.py): how many
    pairs that contain the word print it this way, of all that contain it. No entry goes
    against clear evidence (two pairs or more, more than half of those with the word, print
    it otherwise); one pair is one family's choice (ឈុត វុទ្ធី "Chut Wutty" does not move the
    lexicon's វុទ្ធី "Vuthy")."""
    words = usage()
    for khmer, printed, column, _ in _table_lines():
        assert column == seen(khmer, printed, words), (khmer, printed, column)
        use = words.get(normalize(khmer))
        if use:
            _, count, total = use.commonest()
            clear = count >= 2 and count * 2 > total
            assert not clear or use.spellings[printed] == count, (khmer, dict(use.spellings))


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
        # given names made of the lexicon's family names and name words
        ("ស្រីពៅ", "Sreypov"),
        ("សុខហេង", "Sokheng"),
        ("ចាន់ណារិទ្ធ", "Channarith"),  # ណា + រិទ្ធ is not tried: ណារិទ្ធ is longer
        ("ម៉េងលី", "Mengly"),
        ("លីហួរ", "Lyhour"),
        ("លីណា", "Lina"),  # listed whole: លី + ណា would give "Lyna"
        ("សំអាន", "Sam An"),  # a piece that starts with អ is a word of its own
        ("សុខអាន", "Sok An"),
    ],
)
def test_listed_words_and_words_made_of_listed_pieces(khmer: str, printed: str) -> None:
    assert usage_spelling(normalize(khmer)) == printed


@pytest.mark.parametrize(
    "khmer",
    [
        "សុខេន",  # សុខ + េន: a piece never ends before a vowel sign
        "សុខូ",
        "ចាន់ថេង",  # ចាន់ is listed, ថេង is not: the rules spell the word
        "ហ៊ុនឡា",
    ],
)
def test_a_word_not_wholly_made_of_listed_pieces_goes_to_the_rules(khmer: str) -> None:
    assert usage_spelling(normalize(khmer)) is None


def test_romanize_name_uses_the_table_then_the_rules() -> None:
    assert romanize_name("អូន ព័ន្ធមុនីរ័ត្ន") == "Aun Pornmoniroth"
    assert romanize_name("ចាន់វង្ស") == "Chanvong"  # two listed pieces
    assert romanize_name("ធីវង្ស") == "Thivong"  # ធី is not listed: the rules, where វង្ស is Vong
    assert romanize_name("វង្សា") == "Vangsa"  # a spoken geminate keeps a (រង្សី "Rangsey")


@pytest.mark.parametrize(
    ("khmer", "listed", "other"),
    [
        ("សំណាង", "Samnang", "Somnang"),  # a first syllable's ំ: am or om
        ("ចំរើន", "Chamroeun", "Chomroeun"),
        ("សម្បត្តិ", "Sambath", "Sombath"),
        ("សុវណ្ណ", "Sovann", "Sovan"),
        ("សារ៉ាត់", "Sarath", "Sarat"),
        ("វុទ្ធី", "Vuthy", "Vutthy"),
        ("ចិន្តា", "Chenda", "Chinda"),
        ("បុប្ផា", "Bopha", "Bupha"),
        ("សេរី", "Serey", "Serei"),
        ("ពេជ្រ", "Pich", "Pech"),
        ("ព្រំ", "Prum", "Prom"),
        ("រស្មី", "Reaksmey", "Raksmey"),
        ("លក្ខិណា", "Leakhena", "Lakhena"),
        ("វិរៈ", "Virak", "Vireak"),
        ("ធារិទ្ធ", "Tharith", "Thearith"),
        ("ប្រសិទ្ធ", "Prasith", "Prasidh"),
        ("ម៉ូលី", "Moly", "Mouly"),
        ("ឈឹម", "Chhim", "Chhem"),
        ("លីណា", "Lina", "Lyna"),
        ("ពៅ", "Pou", "Pov"),
    ],
)
def test_the_lexicon_lists_the_commoner_spelling_and_same_name_takes_the_other(
    khmer: str, listed: str, other: str
) -> None:
    assert romanize_name(khmer) == listed
    assert same_name(listed, other)
