"""Khmer name romanization: the fixture table, exact outputs and printed variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import same_name

FIXTURE = Path(__file__).parent / "fixtures" / "khmer" / "romanize.tsv"


def _rows() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        khmer, output, variants = line.split("\t")[:3]
        rows.append((khmer, output, [v.strip() for v in variants.split(",") if v.strip()]))
    return rows


def test_fixture_has_thirty_names() -> None:
    assert len(_rows()) >= 30


@pytest.mark.parametrize(("khmer", "output", "variants"), _rows())
def test_romanize(khmer: str, output: str, variants: list[str]) -> None:
    assert romanize_name(khmer) == output
    for variant in variants:
        assert same_name(output, variant), (output, variant)


def test_mao_sela() -> None:
    latin = romanize_name("ម៉ៅ សិលា")
    assert same_name(latin, "Mao Sela")
    assert same_name(latin, "Mao Sila")


def test_typing_order_does_not_matter() -> None:
    assert romanize_name("ខែ្មរ") == romanize_name("ខ្មែរ")
    assert romanize_name("ស\u200bុខ") == romanize_name("សុខ")


def test_words_and_other_characters() -> None:
    assert romanize_name("  សុខ   ហេង ") == "Sok Heng"
    assert romanize_name("សុខ-ហេង") == "Sok-heng"
    assert romanize_name("") == ""
    assert romanize_name("\u17c9\u17b6") == ""  # signs without a base


@given(st.text())
def test_never_raises(text: str) -> None:
    assert isinstance(romanize_name(text), str)


@given(st.text(alphabet=st.characters(min_codepoint=0x1780, max_codepoint=0x17DD), max_size=12))
def test_khmer_gives_latin_without_diacritics(text: str) -> None:
    out = romanize_name(text)
    assert all(c.isascii() for c in out), out
