"""Different names stay different: `same_name` and the romanizer never join two people or two
name words that print writes close together (tests/fixtures/names/near-misses.tsv)."""

from __future__ import annotations

import itertools
from importlib import resources
from pathlib import Path

import pytest
import yaml

from sastra.khmer.print_spellings import match_romanization, spellings
from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import same_name
from sastra.khmer.unicode import normalize

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
    # the Khmer-aware matcher takes only the spellings the Khmer letters leave open
    assert not match_romanization(khmer_a, printed_b), (spellings(khmer_a), why)
    assert not match_romanization(khmer_b, printed_a), (spellings(khmer_b), why)
    assert match_romanization(khmer_a, printed_a) and match_romanization(khmer_b, printed_b)


def _collected_people() -> set[str]:
    """One printed name for each person (each Khmer form) of the development pairs (sets
    tune, heldout, heldout2) and the well-known list; a person printed two ways (Prak Sokhon,
    Prak Sokhonn) counts once."""
    return set(_collected_forms().values())


def _collected_forms() -> dict[str, str]:
    """Each person's Khmer form and one printed name (see :func:`_collected_people`)."""
    names: dict[str, str] = {}
    printed = FIXTURE.parent / "printed.tsv"
    for line in printed.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, name, kind, subset = line.split("\t")[:4]
            if kind == "person" and subset in ("tune", "heldout", "heldout2"):
                names.setdefault(normalize(khmer), name)
    text = resources.files("sastra").joinpath("data/names/well-known.yaml").read_text("utf-8")
    for entry in yaml.safe_load(text)["names"]:
        if entry.get("kind", "person") == "person":
            names.setdefault(normalize(entry["km"]), entry["en"])
    return names


def test_no_two_collected_people_are_the_same_name() -> None:
    """Every other pair of people collected (over a hundred, many sharing a family name or a
    given name) stays apart."""
    people = sorted(_collected_people())
    assert len(people) >= 100
    joined = [(a, b) for a, b in itertools.combinations(people, 2) if same_name(a, b)]
    assert joined == []


def test_no_collected_person_is_recognised_in_another_ones_spelling() -> None:
    """The Khmer-aware matcher keeps the collected people apart too: no person's Khmer form
    takes another person's printed name (ស៊ិន and ស៊ីន ស៊ីសាមុត, one singer written two ways,
    both printed "Sinn Sisamouth", are one person)."""
    forms = sorted(_collected_forms().items())
    assert len(forms) >= 100
    joined = [
        (khmer, printed)
        for (khmer, own), (other, printed) in itertools.permutations(forms, 2)
        if own != printed and match_romanization(khmer, printed)
    ]
    assert joined == []
