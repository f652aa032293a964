"""A Latin spelling against a known Khmer name: the spellings print uses where the Khmer
letters leave a choice (``sastra.khmer.print_spellings``), and what the user sees of them in
``i18n names discover`` and ``i18n review``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import article, run_cli
from sastra.khmer.print_spellings import (
    MAX_WORD_SPELLINGS,
    match_romanization,
    romanization_distance,
    spellings,
)
from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import name_key, same_name

FIXTURE = Path(__file__).parent / "fixtures" / "names" / "khmer-match.tsv"


def _rows() -> list[tuple[str, str, bool, bool, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, latin, recognised, romanizer, why = line.split("\t")
            rows.append((khmer, latin, recognised == "yes", romanizer == "yes", why))
    return rows


def test_the_table_has_both_sides() -> None:
    rows = _rows()
    assert sum(r[2] and not r[3] for r in rows) >= 15  # recognised only through the Khmer
    assert sum(not r[2] for r in rows) >= 20  # refused


@pytest.mark.parametrize(("khmer", "latin", "recognised", "romanizer", "why"), _rows())
def test_recognised_where_the_khmer_leaves_a_choice_and_only_there(
    khmer: str, latin: str, recognised: bool, romanizer: bool, why: str
) -> None:
    assert match_romanization(khmer, latin) is recognised, why
    assert same_name(romanize_name(khmer), latin) is romanizer, why


@pytest.mark.parametrize(
    ("khmer", "expected"),
    [
        ("កែន សត្ថា", (("Ken",), ("Satha", "Sotha"))),  # the inherent vowel: a or o
        ("សុខ សាក់", (("Sok",), ("Sak",))),  # written vowels: one spelling each
        ("ដាំ សិទ្ធិ", (("Dam",), ("Seth", "Sethi"))),  # a final's Pali ិ silent or read
        ("ប៊ុនតិញ", (("Bundenh", "Buntenh"),)),  # ត after a nasal: d or t
        ("អ៊ុក ហៃសីលា", (("Ouk",), ("Haiseyla", "Heiseyla"))),  # ៃ: ai or ei
        ("សំណាង សំ", (("Samnang", "Sumnang"), ("Sam",))),  # ំ: om is am's key; closing, am
        ("ម៉ៅ សិលា", (("Mao",), ("Sela",))),  # nothing the rules leave open
    ],
)
def test_spellings_of_a_name(khmer: str, expected: tuple[tuple[str, ...], ...]) -> None:
    assert spellings(khmer) == expected
    assert " ".join(words[0] for words in spellings(khmer)) == romanize_name(khmer)


def test_a_long_name_is_bounded() -> None:
    name = "សមធនរតនកមល"  # eleven bare consonants: every inherent vowel a or o
    assert 1 < len(spellings(name)[0]) <= MAX_WORD_SPELLINGS
    assert romanization_distance(name, romanize_name(name)) == 0.0


def test_the_distance_is_to_the_nearest_spelling() -> None:
    assert romanization_distance("កែន សត្ថា", "Ken Sotha") == 0.0
    assert romanization_distance("ដាំ សិទ្ធិ", "Dam Sithi") == 0.3  # Sethi, e/i
    assert romanization_distance("សុខ", "Sak") == 1.0  # ុ is o or u, never a
    assert not match_romanization("កែន សត្ថា", "")


CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n\n[tracking]\ngit = false\n'


def _visit(make_site: Callable[..., Path]) -> Path:
    """A pair naming two people: ដាំ សិទ្ធិ without an honorific in the Khmer (the English
    writes "Mr. Dam Sithi": the final's Pali ិ read, where the rules read "Dam Seth"), and
    លោក កែន សត្ថា with an honorific ("Mr. Ken Sotha": the inherent vowel printed o)."""
    return make_site(
        {
            "content/km/news/visit.md": article(
                "ទស្សនកិច្ច",
                "ដាំ សិទ្ធិ បានទៅសាលារៀន។\n\nលោក កែន សត្ថា បានជួបគ្រូ។\n",
                date="2025-12-03",
            ),
            "content/en/news/visit.md": article(
                "Visit",
                "Mr. Dam Sithi went to the school.\n\nMr. Ken Sotha met the teachers.\n",
                date="2025-12-03",
            ),
        },
        CONFIG,
    )


def test_discover_pairs_a_spelling_from_the_other_side_of_a_split(
    make_site: Callable[..., Path],
) -> None:
    # the romanizer's "Dam Seth" is 1.1 from "Dam Sithi", beyond what pairs a name found
    # without an honorific; "Dam Sethi" is 0.3 away, so Dam Sithi is ដាំ សិទ្ធិ, not a Latin
    # name without a Khmer anchor
    result = run_cli("names", "discover", "--root", str(_visit(make_site)))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "កែន សត្ថា  Ken Sotha ×1  [new]",
        "ដាំ សិទ្ធិ  Dam Sithi ×1  [new]",
    ]


def test_review_finds_the_khmer_of_a_spelling_from_the_other_side_of_a_split(
    make_site: Callable[..., Path],
) -> None:
    # before: "[name-missing] Dam Sithi is named in the en version but not in the km one"
    root = _visit(make_site)
    result = run_cli("review", "--all", "--check", "--format", "json", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["pairs"][0]["findings"] == []


def test_review_still_reports_a_name_the_khmer_does_not_have(
    make_site: Callable[..., Path],
) -> None:
    files = {
        "content/km/news/visit.md": article("ទស្សនកិច្ច", "ដាំ សិទ្ធិ បានទៅសាលារៀន។\n", date="2025-12-03"),
        "content/en/news/visit.md": article(
            "Visit", "Mr. Dam Sokha went to the school.\n", date="2025-12-03"
        ),
    }
    root = make_site(files, CONFIG)
    result = run_cli("review", "--all", "--format", "json", "--root", str(root))
    findings = json.loads(result.stdout)["pairs"][0]["findings"]
    assert [(f["code"], f["message"]) for f in findings] == [
        ("name-missing", "Dam Sokha is named in the en version but not in the km one")
    ]


KHMER_TEXT = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(0x1780, 0x17DE)] + [" ", "a", "1"]),
    max_size=24,
)


@given(KHMER_TEXT)
def test_the_first_spellings_are_the_romanizers(khmer: str) -> None:
    options = spellings(khmer)
    assert all(1 <= len(o) <= MAX_WORD_SPELLINGS for o in options)
    assert " ".join(o[0] for o in options) == romanize_name(khmer)
    romanized = romanize_name(khmer)
    assert match_romanization(khmer, romanized) is bool(name_key(romanized))
