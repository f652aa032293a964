"""``i18n names discover`` on a Khmer-first ministry news site (tests/fixtures/names/news-site):
officials with joined honorifics and titles, teachers, places, schools with misspelt names
and a data collection whose staff have no honorific. The output is pinned exactly
(``make golden`` rewrites the two expected files after an intended change)."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import golden_text, run_cli
from sastra.khmer.honorifics import is_not_name, is_title
from sastra.names import parse_glossary

FIXTURES = Path(__file__).parent / "fixtures" / "names"
SITE = FIXTURES / "news-site"


def test_discover_table_is_exactly_the_golden_output() -> None:
    result = run_cli("names", "discover", "--root", str(SITE))
    assert result.exit_code == 0
    assert result.stdout == golden_text(FIXTURES / "news-site.discover.txt", result.stdout)


def test_discover_yaml_is_exactly_the_golden_output() -> None:
    result = run_cli("names", "discover", "--format", "yaml", "--root", str(SITE))
    assert result.exit_code == 0
    assert result.stdout == golden_text(FIXTURES / "news-site.discover.yaml", result.stdout)


def test_khmer_entries_are_people_and_places_not_titles() -> None:
    lines = (FIXTURES / "news-site.discover.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.split("  ")[0] for line in lines[: lines.index("")]]
    assert entries, lines
    for km in entries:
        assert not is_title(km) and not any(is_not_name(w) for w in km.split(" ")), km
    people = [line for line in lines if line.endswith("]") and "[place" not in line]
    paired = [line for line in people if "×" in line]
    assert len(paired) >= 12, paired
    assert "ហ៊ុន ម៉ាណែត  Hun Manet ×2  [new; well-known as Hun Manet]" in lines
    # a teacher is a person, never "គ្រូ"; the school's staff are found without an honorific
    assert "ចាន់ ស្រីពៅ  Chan Sreypov ×2  [new]" in lines
    assert "ម៉ៅ សុជាតា  Mao Socheata ×1  [new]" in lines
    # a principal printed apart from the romanizer's "Tep Sovannary": paired through the
    # spellings print uses for the Khmer (សុវណ្ណ "Sovann" + រី), 1.0 from "Tep Sovanny"
    assert "ទេព សុវណ្ណរី  Tep Sovanny ×1  [new]" in lines


def test_update_then_discover_lists_everything(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    updated = run_cli("names", "discover", "--update", "--root", str(root))
    assert updated.exit_code == 0
    assert "i18n: added 25 name(s) to i18n/names.yaml" in updated.stderr
    glossary, diags = parse_glossary(
        (root / "i18n" / "names.yaml").read_text(encoding="utf-8"), "names.yaml"
    )
    assert diags == ()
    assert glossary.lookup("តាកែវ") is not None and glossary.lookup("តាកែវ").kind == "place"
    again = run_cli("names", "discover", "--root", str(root)).stdout.splitlines()
    assert "ហ៊ុន ម៉ាណែត  Hun Manet ×2  [listed as Hun Manet]" in again
    assert "ប្រាក់ សុខុន  Prak Sokhon ×1 · Prak Sokhonn ×1  [listed as Prak Sokhonn]" in again
    check = run_cli("names", "check", "--root", str(root))
    assert check.stdout == (
        "content/en/news/2025-06-foreign-affairs.md:2:30: 'Prak Sokhon' → 'Prak Sokhonn' "
        "(ប្រាក់ សុខុន)\n"
    )
