"""What kind of change made a translation stale: exact kinds, the minor ones, --check=major."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import MakeSite, commit_all, run_cli
from sastra.model import Paragraph, ParagraphChange
from sastra.tracking.changes import classify, kind_of
from sastra.tracking.fingerprint import VisibleText

LEAD_KM = "ភ្នំពេញ៖ ក្រសួងប្រៃសណីយ៍និងទូរគមនាគមន៍ បានបើកវគ្គបណ្ដុះបណ្ដាលជំនាញឌីជីថល នៅថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦"
COUNT_KM = "វគ្គនេះមានសិក្ខាកាមចំនួន ៤៥ នាក់ មកពីមជ្ឈមណ្ឌលទាំង ១៨ ទូទាំងខេត្តតាកែវ។"
QUOTE_KM = "ឯកឧត្តមរដ្ឋលេខាធិការបានលើកទឹកចិត្តឱ្យសិក្ខាកាមយកចំណេះដឹងទៅចែករំលែកនៅក្នុងសហគមន៍។"
NOTE_KM = "ព័ត៌មានបន្ថែម៖ ទូរស័ព្ទលេខ ០២៣ ៧២៤ ៨១០ (ម៉ោងធ្វើការ)។"
LEAD_EN = (
    "Phnom Penh: The Ministry of Posts and Telecommunications opened a digital skills"
    " course on 8 January 2026."
)
COUNT_EN = "The course has 45 trainees from the 18 centres across Takeo province."
QUOTE_EN = (
    "The Secretary of State encouraged the trainees to share what they learn in their communities."
)


def _file(title: str, *paragraphs: str) -> str:
    return f"---\ntitle: {title}\ndate: 2026-01-08\n---\n\n" + "\n\n".join(paragraphs) + "\n"


KM_PATH = "content/km/news/course.md"
EN_PATH = "content/en/news/course.md"


def _site(make_site: MakeSite, km: tuple[str, ...], en: tuple[str, ...]) -> Path:
    files = {KM_PATH: _file("វគ្គបណ្ដុះបណ្ដាល", *km), EN_PATH: _file("Training course", *en)}
    root: Path = make_site(files, config='languages = ["km", "en"]\n', git_init=True)
    commit_all(root, "course, in both languages")
    return root


def _edit_source(root: Path, *paragraphs: str) -> dict[str, object]:
    (root / KM_PATH).write_text(_file("វគ្គបណ្ដុះបណ្ដាល", *paragraphs), "utf-8")
    commit_all(root, "source edit")
    doc = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    version: dict[str, object] = doc["articles"][0]["versions"]["en"]
    return version


def test_a_khmer_full_stop_added_is_minor(make_site: MakeSite) -> None:
    root = _site(make_site, (LEAD_KM, COUNT_KM), (LEAD_EN, COUNT_EN))
    version = _edit_source(root, LEAD_KM + "។", COUNT_KM)
    assert version["state"] == "stale"
    assert version["change"] == {
        "minor": True,
        "kinds": ["punctuation"],
        "paragraphs": [{"kind": "punctuation", "paragraph": 1, "old_paragraph": 1}],
    }
    table = run_cli("status", "--root", str(root)).stdout
    assert "stale (minor: paragraph 1 (punctuation)) since the baseline from git at" in table
    assert run_cli("status", "--root", str(root), "--check").exit_code == 1
    assert run_cli("status", "--root", str(root), "--check=major").exit_code == 0


def test_changed_digits_are_numbers_and_count_as_major(make_site: MakeSite) -> None:
    root = _site(make_site, (LEAD_KM, COUNT_KM), (LEAD_EN, COUNT_EN))
    version = _edit_source(root, LEAD_KM, COUNT_KM.replace("៤៥", "៥០"))
    assert version["change"] == {
        "minor": False,
        "kinds": ["numbers"],
        "paragraphs": [{"kind": "numbers", "paragraph": 2, "old_paragraph": 2}],
    }
    assert run_cli("status", "--root", str(root), "--check=major").exit_code == 1


def test_removing_what_the_translation_never_had_is_minor(make_site: MakeSite) -> None:
    root = _site(make_site, (LEAD_KM, COUNT_KM, NOTE_KM, QUOTE_KM), (LEAD_EN, COUNT_EN, QUOTE_EN))
    version = _edit_source(root, LEAD_KM, COUNT_KM, QUOTE_KM)
    assert version["change"] == {
        "minor": True,
        "kinds": ["removed"],
        "paragraphs": [{"kind": "removed", "old_paragraph": 3, "counterpart": False}],
    }


def test_removing_a_translated_paragraph_and_adding_one_are_major(make_site: MakeSite) -> None:
    root = _site(make_site, (LEAD_KM, COUNT_KM, QUOTE_KM), (LEAD_EN, COUNT_EN, QUOTE_EN))
    version = _edit_source(root, LEAD_KM, QUOTE_KM, NOTE_KM)
    assert version["change"] == {
        "minor": False,
        "kinds": ["added", "removed"],
        "paragraphs": [
            {"kind": "removed", "old_paragraph": 2, "counterpart": True},
            {"kind": "added", "paragraph": 3},
        ],
    }
    table = run_cli("status", "--root", str(root)).stdout
    assert "old paragraph 2 (removed), paragraph 3 (added)" in table


def _text(*body: str, title: str = "t") -> VisibleText:
    return VisibleText(
        (Paragraph(0, "title", title, 0),),
        tuple(Paragraph(i, "body", p, 0) for i, p in enumerate(body, 1)),
    )


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("ភ្នំពេញ៖ ក្រសួង", "ភ្នំពេញ ក្រសួង", "punctuation"),
        ("Phnom Penh, the ministry", "Phnom Penh: the ministry", "punctuation"),
        ("មានសិក្ខាកាម ៤៥ នាក់", "មានសិក្ខាកាម ៥០ នាក់", "numbers"),
        ("45 trainees", "50 trainees.", "numbers"),
        ("8,000 homes", "9,000 homes", "numbers"),
        ("45 trainees", "45 students", "edited"),
    ],
)
def test_kind_of(old: str, new: str, kind: str) -> None:
    assert kind_of(old, new) == kind


def test_classify_fields_and_paragraphs() -> None:
    old = _text("a one.", "b two.", "c three.", title="Old title")
    new = _text("a one!", "b two.", "d four.", "e five.", title="Old title.")
    assert classify(old, new) == (
        ParagraphChange("punctuation", None, None, "title"),
        ParagraphChange("punctuation", 1, 1),
        ParagraphChange("edited", 3, 3),
        ParagraphChange("added", 4, None),
    )
