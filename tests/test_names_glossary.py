"""The names glossary: loading, validation with line numbers, lookups, rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO
from sastra.names import (
    Glossary,
    Honorific,
    Kind,
    NameEntry,
    parse_glossary,
    read_glossary,
    render_name,
)

FIXTURES = Path(__file__).parent / "fixtures" / "names"
BAD = sorted((FIXTURES / "glossary").glob("*.yaml"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_glossary_errors_have_path_and_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = [
        f"{path.name}:{line[len('# expect: ') :]}"
        for line in text.splitlines()
        if line.startswith("# expect: ")
    ]
    _, diags = parse_glossary(text, path.name)
    assert [str(d) for d in diags] == expected


def test_sample_site_glossary() -> None:
    glossary, diags = read_glossary(REPO / "i18n" / "names.yaml", "i18n/names.yaml")
    assert diags == ()
    entry = glossary.lookup("ម៉ៅ សិលា")
    assert entry == NameEntry(
        "ម៉ៅ សិលា", "Mao Sela", ("Mao Sila",), Kind.PERSON, Honorific("ឯកឧត្តម", "H.E."), 11
    )
    place = glossary.lookup("ខេត្តតាកែវ")
    assert place is not None and (place.en, place.kind) == ("Takeo Province", Kind.PLACE)
    ministry = glossary.by_latin("Ministry of Posts and Telecommunications")
    assert ministry is not None and ministry.kind is Kind.ORGANISATION


def test_lookup_uses_khmer_normalization() -> None:
    glossary, _ = parse_glossary("names:\n  - km: មន្ត្រី សុខ\n    en: Montrey Sok\n", "g.yaml")
    # coeng RO typed before coeng TA, a zero-width space, and a doubled space
    assert glossary.lookup("មន្រ្តី\u200b  សុខ") is glossary.entries[0]
    assert glossary.lookup("មន្ត្រី សុខា") is None


def test_missing_glossary_is_empty(tmp_path: Path) -> None:
    glossary, diags = read_glossary(tmp_path / "names.yaml")
    assert len(glossary) == 0 and diags == ()


def test_organization_spelling_and_single_variant() -> None:
    text = (
        "names:\n  - km: ក្រសួង\n    en: The Ministry\n"
        "    kind: organization\n    variants: Ministry\n"
    )
    glossary, diags = parse_glossary(text, "g.yaml")
    assert diags == ()
    assert glossary.entries[0].kind is Kind.ORGANISATION
    assert glossary.entries[0].variants == ("Ministry",)


GLOSSARY = Glossary(
    (
        NameEntry("ម៉ៅ សិលា", "Mao Sela", ("Mao Sila",)),
        NameEntry("ខេត្តតាកែវ", "Takeo Province", (), Kind.PLACE),
    )
)


@pytest.mark.parametrize(
    ("given", "lang", "expected"),
    [
        ("ម៉ៅ សិលា", "en", ("Mao Sela", False)),
        ("ម៉ៅ  សិលា", "en", ("Mao Sela", False)),
        ("ម៉ៅ សិលា", "km", ("ម៉ៅ សិលា", False)),
        ("ឯកឧត្តម ម៉ៅ សិលា", "en", ("H.E. Mao Sela", False)),
        ("ឯកឧត្តមបណ្ឌិត ម៉ៅ សិលា", "en", ("H.E. Dr. Mao Sela", False)),
        ("សុខ សុភា", "en", ("Sok Sophea", True)),
        ("លោកស្រី សុខ សុភាព", "en", ("Mrs. Sok Sopheap", True)),
        ("សុខ សុភា", "km", ("សុខ សុភា", False)),
        ("Mao Sila", "en", ("Mao Sela", False)),
        ("Mao Sila", "km", ("ម៉ៅ សិលា", False)),
        ("Jane Doe", "en", ("Jane Doe", False)),
        ("ខេត្តតាកែវ", "en", ("Takeo Province", False)),
        ("សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត", "en", ("Samdech Moha Borvor Thipadei Hun Manet", False)),
        ("ឯកឧត្តមរដ្ឋមន្ត្រី ម៉ៅ សិលា", "en", ("H.E. Mao Sela", False)),
        ("ឯកឧត្តមបណ្ឌិតសភាចារ្យ ហង់ ជួន ណារ៉ុន", "en", ("H.E. Academician Hang Chuon Naron", False)),
        ("លោកគ្រូ សុខ ដារា", "en", ("Lok Kru Sok Dara", True)),
        (
            "ព្រះករុណា ព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី",
            "en",
            ("His Majesty King Norodom Sihamoni", False),
        ),
        ("", "en", ("", False)),
    ],
)
def test_render_name(given: str, lang: str, expected: tuple[str, bool]) -> None:
    assert render_name(given, lang, GLOSSARY) == expected
