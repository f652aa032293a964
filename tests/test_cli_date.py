"""``i18n date`` through click's CliRunner: text, JSON, ranges and errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from sastra.cli import cli

JAN_8 = {
    "date": "2026-01-08",
    "km": "ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦",
    "en": "Thursday, 8 January 2026",
    "lunar": {
        "day": 5,
        "phase": "រោច",
        "month": "បុស្ស",
        "animal_year": "ម្សាញ់",
        "era": "សប្តស័ក",
        "buddhist_era": 2569,
    },
    "lunar_text": "ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩",
}


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["date", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_is_three_lines() -> None:
    assert _run("2026-01-08") == (
        0,
        "ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦\n"
        "Thursday, 8 January 2026\n"
        "ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩\n",
        "",
    )


def test_json_one_date_is_one_object_exactly() -> None:
    code, out, _ = _run("--format", "json", "2026-01-08")
    assert code == 0
    assert out == json.dumps(JAN_8, ensure_ascii=False) + "\n"
    assert "\\u" not in out


def test_several_dates_in_text_are_separated_by_a_blank_line() -> None:
    code, out, _ = _run("2026-01-08", "2025-08-13")
    assert code == 0
    blocks = out.rstrip("\n").split("\n\n")
    assert [block.splitlines()[1] for block in blocks] == [
        "Thursday, 8 January 2026",
        "Wednesday, 13 August 2025",
    ]


def test_range_in_json_is_an_array_after_the_arguments() -> None:
    code, out, _ = _run(
        "--format", "json", "2026-01-08", "--from", "2026-04-13", "--to", "2026-04-15"
    )
    assert code == 0
    records = json.loads(out)
    assert [r["date"] for r in records] == ["2026-01-08", "2026-04-13", "2026-04-14", "2026-04-15"]
    assert records[0] == JAN_8
    # The New Year (2026-04-14 10:48) turns the animal year and era; the next day shows it.
    assert [(r["lunar"]["animal_year"], r["lunar"]["era"]) for r in records[1:]] == [
        ("ម្សាញ់", "សប្តស័ក"),
        ("ម្សាញ់", "សប្តស័ក"),
        ("មមី", "អដ្ឋស័ក"),
    ]
    assert len(out.splitlines()) == 6  # "[", one object per line, "]"


def test_a_whole_year() -> None:
    code, out, _ = _run("--format", "json", "--from", "2028-01-01", "--to", "2028-12-31")
    assert code == 0
    records = json.loads(out)
    assert len(records) == 366
    assert records[-1]["en"] == "Sunday, 31 December 2028"


def test_default_is_today_in_cambodia() -> None:
    cambodia = dt.timezone(dt.timedelta(hours=7))
    before = dt.datetime.now(cambodia).date()
    code, out, _ = _run("--format", "json")
    after = dt.datetime.now(cambodia).date()
    assert code == 0
    assert json.loads(out)["date"] in {before.isoformat(), after.isoformat()}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-13-01"], "i18n: error: '2026-13-01' is not a date (expected YYYY-MM-DD)\n"),
        (["2026-02-30"], "i18n: error: '2026-02-30' is not a date (expected YYYY-MM-DD)\n"),
        (["8/1/2026"], "i18n: error: '8/1/2026' is not a date (expected YYYY-MM-DD)\n"),
        (["20260108"], "i18n: error: '20260108' is not a date (expected YYYY-MM-DD)\n"),
        (["--from", "2026-01-01"], "i18n: error: --from and --to go together\n"),
        (
            ["--from", "2026-02-01", "--to", "2026-01-01"],
            "i18n: error: --from 2026-02-01 is after --to 2026-01-01\n",
        ),
        (
            ["1899-12-31"],
            "i18n: error: 1899-12-31 is outside 1900–2100, the range of the lunar calendar\n",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    assert _run(*args) == (2, "", message)


def test_each_bad_date_gets_its_line() -> None:
    code, out, err = _run("2026-01-08", "nope", "2026-00-10")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "i18n: error: 'nope' is not a date (expected YYYY-MM-DD)",
        "i18n: error: '2026-00-10' is not a date (expected YYYY-MM-DD)",
    ]


def test_help_documents_the_json_choice() -> None:
    code, out, _ = _run("--help")
    assert code == 0
    assert "one date prints one JSON object; several dates print a" in " ".join(out.split())
