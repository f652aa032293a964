"""Name similarity: the fixture table of same / different name pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.print_spellings import match_romanization
from sastra.khmer.similarity import (
    THRESHOLD,
    name_distance,
    name_key,
    same_name,
)

FIXTURE = Path(__file__).parent / "fixtures" / "khmer" / "similarity.tsv"


def _pairs() -> list[tuple[str, str, bool, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        a, b, same, why = [*line.split("\t"), ""][:4]
        rows.append((a, b, same == "yes", why))
    return rows


def test_fixture_has_many_pairs() -> None:
    assert len(_pairs()) >= 40


@pytest.mark.parametrize(("a", "b", "same", "why"), _pairs())
def test_pairs(a: str, b: str, same: bool, why: str) -> None:
    assert same_name(a, b) is same, (a, b, name_key(a), name_key(b), name_distance(a, b), why)
    assert same_name(b, a) is same


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sela", "Sila"), ("Vandeth", "Vandet"), ("Poline", "Polyne"), ("Sokha", "Sokhar")],
)
def test_issue_pairs_are_the_same_name(a: str, b: str) -> None:
    assert name_distance(a, b) <= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"), [("Sophea", "Sopheap"), ("Hean", "Hun"), ("Sela", "Sina"), ("Dara", "Tara")]
)
def test_issue_pairs_are_different_names(a: str, b: str) -> None:
    assert name_distance(a, b) > THRESHOLD


def test_keys() -> None:
    assert name_key("Mao Sela") == "mao sela"
    assert name_key("Vandeth") == "vandet"
    assert name_key("Sokhar") == "soka"
    assert name_key("Polyne") == "poline"
    assert name_key("Chhay") == "cai"
    assert name_key("Sovann") == "sovan"
    assert name_key("Yim") == "yim"
    assert name_key("") == ""


def test_distances() -> None:
    assert name_distance("Sela", "Sila") == 0.3
    assert name_distance("Dara", "Tara") == 1.0
    assert name_distance("Sok", "Sokha") == 0.8
    assert name_distance("Mao Sela", "Mao Sina") == 1.3


def test_match_romanization() -> None:
    assert match_romanization("ម៉ៅ សិលា", "Mao Sela")
    assert match_romanization("ម៉ៅ សិលា", "Mao Sila")
    assert not match_romanization("ម៉ៅ សិលា", "Mao Sina")
    assert not match_romanization("ម៉ៅ សិលា", "Sela")


@given(st.text(), st.text())
def test_never_raises_and_is_symmetric(a: str, b: str) -> None:
    d = name_distance(a, b)
    assert d >= 0
    assert d == name_distance(b, a)
    assert same_name(a, b) == same_name(b, a)
    assert isinstance(match_romanization(a, b), bool)


@given(st.text())
def test_a_name_is_the_same_as_itself(a: str) -> None:
    assert name_distance(a, a) == 0
    assert same_name(a, a) == bool(name_key(a))
