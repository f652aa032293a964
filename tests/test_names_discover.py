"""``i18n names discover``: names after honorifics, aligned within each pair."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from helpers import copy_sample_site
from sastra.names import Glossary, parse_glossary
from sastra.names.discover import Discovery, discover

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "names"
CASES: list[dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "discover.yaml").read_text(encoding="utf-8")
)


def run(*args: str) -> Result:
    from sastra.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _lines(found: Discovery) -> list[str]:
    return [
        f"{n.km}  " + " · ".join(f"{s} ×{c}" for s, c in n.spellings) if n.spellings else n.km
        for n in found.names
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_discover_cases(case: dict[str, Any]) -> None:
    glossary = Glossary()
    if "glossary" in case:
        glossary, diags = parse_glossary(case["glossary"], "names.yaml")
        assert diags == ()
    found = discover(case["pairs"], glossary)
    assert _lines(found) == case["names"]
    clusters = [" · ".join(f"{s} ×{c}" for s, c in cl.spellings) for cl in found.clusters]
    assert clusters == case.get("clusters", [])
    by_km = {n.km: n for n in found.names}
    for km, (hon_km, hon_en) in case.get("honorifics", {}).items():
        assert (by_km[km].honorific_km, by_km[km].honorific_en) == (hon_km, hon_en)


def test_sample_site_reports_both_spellings(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    result = run("names", "discover", "--root", str(root))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "ម៉ៅ សិលា  Mao Sila ×5 · Mao Sela ×4  [listed as Mao Sela]",
        # listed with its prefix (ខេត្តតាកែវ "Takeo Province"): "Takeo" before "Province"
        "តាកែវ  Takeo Province ×2  [place; listed as Takeo Province]",
    ]


def test_sample_site_without_glossary_suggests_an_entry(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    (root / "i18n" / "names.yaml").unlink()
    result = run("names", "discover", "--format", "yaml", "--root", str(root))
    assert result.exit_code == 0
    assert result.stdout == (
        "names:\n"
        "  - km: ម៉ៅ សិលា\n"
        "    en: Mao Sila\n"
        "    variants: [Mao Sela]\n"
        "    kind: person\n"
        "    honorific: {km: ឯកឧត្តម, en: H.E.}\n"
        "\n"
        "  - km: តាកែវ\n"
        "    en: Takeo\n"
        "    kind: place\n"
    )
    glossary, diags = parse_glossary(result.stdout, "out.yaml")
    assert diags == () and glossary.lookup("ម៉ៅ សិលា") is not None


def _site(tmp_path: Path, glossary: str | None) -> Path:
    root = tmp_path / "site"
    for lang, text in {
        "km": "---\ntitle: ឯកឧត្តម ម៉ៅ សិលា និងលោក សុខ សុភា\n---\nលោក សុខ សុភា បានមក។\n",
        "en": "---\ntitle: H.E. Mao Seila and Mr. Sok Sophea\n---\nMr. Sok Sophea came.\n",
    }.items():
        (root / "content" / lang).mkdir(parents=True)
        (root / "content" / lang / "a.md").write_text(text, encoding="utf-8")
    (root / "sastra.toml").write_text('languages = ["km", "en"]\n', encoding="utf-8")
    if glossary is not None:
        (root / "i18n").mkdir()
        (root / "i18n" / "names.yaml").write_text(glossary, encoding="utf-8")
    return root


GLOSSARY = """# my names
names:
  - km: ម៉ៅ សិលា   # the official
    en: Mao Sela
    variants: [Mao Sila]
"""


def test_update_appends_and_never_changes_existing_entries(tmp_path: Path) -> None:
    root = _site(tmp_path, GLOSSARY)
    path = root / "i18n" / "names.yaml"
    result = run("names", "discover", "--update", "--root", str(root))
    assert result.exit_code == 0
    assert "i18n/names.yaml:3: 'ម៉ៅ សិលា' also seen as 'Mao Seila'; not changed" in result.stderr
    assert "added 1 name(s)" in result.stderr
    text = path.read_text(encoding="utf-8")
    assert text == GLOSSARY + (
        "\n  - km: សុខ សុភា\n    en: Sok Sophea\n    kind: person\n"
        "    honorific: {km: លោក, en: Mr.}\n"
    )
    again = run("names", "discover", "--update", "--root", str(root))
    assert "no new names" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_update_creates_the_glossary(tmp_path: Path) -> None:
    root = _site(tmp_path, None)
    result = run("names", "discover", "--update", "--root", str(root))
    assert result.exit_code == 0
    glossary, diags = parse_glossary(
        (root / "i18n" / "names.yaml").read_text(encoding="utf-8"), "names.yaml"
    )
    assert diags == ()
    assert [(e.km, e.en) for e in glossary.entries] == [
        ("សុខ សុភា", "Sok Sophea"),
        ("ម៉ៅ សិលា", "Mao Seila"),
    ]


@pytest.mark.parametrize(
    ("glossary", "problem"),
    [
        (
            "names: [{km: ម៉ៅ សិលា, en: Mao Sela}]\n",
            "the 'names:' list must be in block style ('- km: …' items) to append to it",
        ),
        (
            "names:\n  - km: ម៉ៅ សិលា\n    en: Mao Sela\nnotes: kept by the desk\n",
            "'names:' must be the last key of the glossary to append to it",
        ),
    ],
)
def test_update_refuses_a_glossary_it_cannot_append_to(
    tmp_path: Path, glossary: str, problem: str
) -> None:
    root = _site(tmp_path, glossary)
    result = run("names", "discover", "--update", "--root", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"i18n: error: i18n/names.yaml: {problem}"
    assert (root / "i18n" / "names.yaml").read_text(encoding="utf-8") == glossary
