"""Every review check against its fixtures: one case that triggers it, one that must not.

The cases live in tests/fixtures/review/ (format in its README.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import write_files
from sastra.names import read_glossary
from sastra.review import CHECKS, CODES, PairReview, review_all
from sastra.workspace import open_site, tracker_for

FIXTURES = Path(__file__).parent / "fixtures" / "review"
DEFAULT_CONFIG = """\
languages = ["km", "en"]
source_language = "km"

[tracking]
git = false
"""


@dataclass
class Case:
    name: str
    expect: list[tuple[str, str, str]] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    config: str = DEFAULT_CONFIG
    files: dict[str, str] = field(default_factory=dict)


def read_case(path: Path) -> Case:
    case = Case(path.stem)
    header, *sections = path.read_text("utf-8").split("\n=== ")
    lines = header.split("\n")
    config_lines: list[str] | None = None
    for line in lines:
        if config_lines is not None:
            config_lines.append(line)
        elif line.startswith("expect: "):
            where, message = line[len("expect: ") :].split(" | ", 1)
            code, location = where.split()
            case.expect.append((code, location, message))
        elif line.startswith("absent: "):
            case.absent.append(line[len("absent: ") :].strip())
        elif line.strip() == "config:":
            config_lines = []
    if config_lines is not None:
        case.config = "\n".join(config_lines) + "\n"
    for section in sections:
        name, _, content = section.partition("\n")
        case.files[name.strip()] = content
    return case


CASES = sorted(FIXTURES.glob("*.txt"))


def review_case(root: Path, case: Case) -> tuple[PairReview, ...]:
    (root / "sastra.toml").write_text(case.config, encoding="utf-8")
    write_files(root, case.files)
    site = open_site(root, use_cache=False)
    assert not site.errors, site.errors
    tracker = tracker_for(site)
    glossary = None
    if site.config.glossary_path.is_file():  # a case with a glossary reviews as the CLI does
        glossary, problems = read_glossary(site.config.glossary_path)
        assert problems == ()
    return review_all(tracker, site.pairs, glossary=glossary)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture(path: Path, tmp_path: Path) -> None:
    case = read_case(path)
    assert case.expect or case.absent, f"{path.name} asserts nothing"
    reviews = review_case(tmp_path, case)
    findings = [f for r in reviews for f in r.findings]
    for code in case.absent:
        assert [str(f) for f in findings if f.code == code] == []
    expected_codes = {code for code, _, _ in case.expect}
    got = sorted((f.code, str(f.location), f.message) for f in findings if f.code in expected_codes)
    assert got == sorted(case.expect)


def test_every_check_has_a_trigger_and_a_clean_fixture() -> None:
    triggered: set[str] = set()
    cleared: set[str] = set()
    for path in CASES:
        case = read_case(path)
        if path.stem.endswith("-trigger"):
            triggered.update(code for code, _, _ in case.expect)
        if path.stem.endswith("-ok"):
            cleared.update(case.absent)
    names = {check.__name__ for check in CHECKS}
    assert len(names) == len(CHECKS)
    hygiene = {c for c in CODES if c.startswith("km-") and c != "km-legacy-font"}
    wanted = set(CODES) - {"km-split-vowel", "km-doubled-sign", "km-nbsp", "km-legacy-font"}
    assert wanted - triggered == set()
    assert wanted - cleared == set()
    assert hygiene & triggered


@pytest.mark.parametrize(
    ("title", "only"),
    [
        ("ឯកឧត្តម", True),
        ("ឯកឧត្តមរដ្ឋមន្ត្រី", True),
        ("លោកជំទាវ", True),
        ("H.E.", True),
        ("Lok Chumteav", True),
        ("His Excellency the Minister", True),
        ("ឯកឧត្តម ម៉ៅ សិលា", False),
        ("H.E. Mao Sela", False),
        ("Minister chairs the review meeting", False),
    ],
)
def test_a_title_that_is_only_an_honorific_is_no_duplicate(title: str, only: bool) -> None:
    from sastra.review.checks_site import only_honorifics

    assert only_honorifics(title) is only
