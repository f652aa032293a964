"""Different names stay different: `same_name` and the romanizer never join two people or two
name words that print writes close together (tests/fixtures/names/near-misses.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import same_name

FIXTURE = Path(__file__).parent / "fixtures" / "names" / "near-misses.tsv"


def _rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer_a, printed_a, khmer_b, printed_b, why = line.split("\t")
            rows.append((khmer_a, printed_a, khmer_b, printed_b, why))
    return rows


def test_the_table_has_people_and_name_words() -> None:
    rows = _rows()
    assert len(rows) >= 24
    assert sum(" " in row[0] for row in rows) >= 10


@pytest.mark.parametrize(("khmer_a", "printed_a", "khmer_b", "printed_b", "why"), _rows())
def test_near_misses_are_different_names(
    khmer_a: str, printed_a: str, khmer_b: str, printed_b: str, why: str
) -> None:
    assert not same_name(printed_a, printed_b), why
    assert not same_name(romanize_name(khmer_a), printed_b), (romanize_name(khmer_a), why)
    assert not same_name(romanize_name(khmer_b), printed_a), (romanize_name(khmer_b), why)
    assert same_name(romanize_name(khmer_a), printed_a), romanize_name(khmer_a)
    assert same_name(romanize_name(khmer_b), printed_b), romanize_name(khmer_b)
