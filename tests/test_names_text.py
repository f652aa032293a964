"""Names after honorifics, and the regions of a file that names are searched in."""

from __future__ import annotations

from pathlib import Path

import pytest

from sastra.names.mentions import khmer_mentions, latin_mentions, latin_pattern, scan_regions

FIXTURES = Path(__file__).parent / "fixtures" / "names"


def _table(name: str) -> list[tuple[str, list[str], list[str]]]:
    rows = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        text, names, honorifics = line.split("\t")
        split = [x.strip() for x in names.split(" | ")] if names else []
        hons = [x.strip() for x in honorifics.split(" | ")] if honorifics else []
        rows.append((text, split, hons))
    return rows


@pytest.mark.parametrize(("text", "names", "honorifics"), _table("khmer-mentions.tsv"))
def test_khmer_mentions(text: str, names: list[str], honorifics: list[str]) -> None:
    found = khmer_mentions(text)
    assert [" ".join(m.words) for m in found] == names
    assert [m.honorific for m in found] == honorifics


@pytest.mark.parametrize(("text", "names", "honorifics"), _table("latin-mentions.tsv"))
def test_latin_mentions(text: str, names: list[str], honorifics: list[str]) -> None:
    found = latin_mentions(text)
    assert [" ".join(m.words) for m in found] == names
    assert [m.honorific for m in found] == honorifics
    for mention in found:  # the offset points at the name's first word
        assert text[mention.offset :].startswith(mention.words[0])


def test_khmer_offset_points_at_the_name() -> None:
    text = "ថ្ងៃនេះ ឯកឧត្តម ម៉ៅ សិលា បានមក"
    (mention,) = khmer_mentions(text)
    assert text[mention.offset :].startswith("ម៉ៅ")


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("H.E. Mao Sila led", ["Mao Sila"]),
        ("Mao Sila's team", ["Mao Sila"]),
        ("Mao Silas and Mao Silanna", []),
        ("XMao Sila", []),
        ("Mao\nSila opened", ["Mao\nSila"]),
        ("Mao  Sila", ["Mao  Sila"]),
        ("Mao\n\nSila", []),
        ("mao sila", []),
        ("(Mao Sila)", ["Mao Sila"]),
        ("Mao Sila-led meeting", ["Mao Sila"]),
    ],
)
def test_latin_pattern_is_word_bounded(text: str, matches: list[str]) -> None:
    pattern = latin_pattern(["Mao Sila"])
    assert pattern is not None
    assert [m.group(0) for m in pattern.finditer(text)] == matches


def test_scan_regions_skip_keys_paths_code_and_l10n() -> None:
    text = (
        "---\n"
        "title: H.E. Mao Sila\n"
        "Mao Sila: key\n"
        "image: '@/assets/Mao Sila.jpg'\n"
        "tags: [Mao Sila]\n"
        "l10n:\n"
        "  source: Mao Sila\n"
        "---\n"
        'Body Mao Sila `Mao Sila` [link](/Mao Sila/) <a title="Mao Sila">x</a>\n'
        "```\nMao Sila\n```\n"
        "end\n"
    )
    pieces = [text[a:b] for a, b in scan_regions(text)]
    assert pieces == [
        "H.E. Mao Sila",
        "key",
        "Mao Sila",
        "\nBody Mao Sila ",
        " [link",
        " ",
        "x",
        "\n",
        "\nend\n",
    ]
