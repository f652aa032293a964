"""Quantities and date phrases as news text writes them: fixture tables of exact readings,
and properties (never raises, offsets hold) over arbitrary text."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sastra.khmer.date_phrases import DatePhrase, find_date_phrases
from sastra.khmer.quantities import find_quantities

# text, lang, [(kind, shown, sorted keys)] — soft items ("spelled", "word") have no keys
QUANTITIES: list[tuple[str, str, list[tuple[str, str, list[str]]]]] = [
    ("សិស្សចំនួន ៣៥ នាក់", "km", [("number", "35", ["n:35"])]),
    ("34 students", "en", [("number", "34", ["n:34"])]),
    # clock times: one time, on a 12-hour clock
    ("ម៉ោង ៨ ព្រឹក", "km", [("time", "8:00", ["t:8:00"])]),
    ("ម៉ោង៨ និង៣០នាទីព្រឹក", "km", [("time", "8:30", ["t:8:30"])]),
    ("២៖០០ រសៀល", "km", [("time", "14:00", ["t:2:00"])]),
    ("2:00 p.m.", "en", [("time", "14:00", ["t:2:00"])]),
    ("at 14:00", "en", [("time", "14:00", ["t:2:00"])]),
    ("7:30 AM", "en", [("time", "7:30", ["t:7:30"])]),
    ("8 a.m.", "en", [("time", "8:00", ["t:8:00"])]),
    ("៣ ម៉ោង", "km", [("number", "3", ["n:3"])]),  # three hours: a duration
    # phone numbers: digits, whatever the grouping
    ("០១៥ ៣៣៥ ៨៧៧", "km", [("phone", "015335877", ["p:15335877"])]),
    ("015 335 877", "en", [("phone", "015335877", ["p:15335877"])]),
    ("+855 15 335 877", "en", [("phone", "015335877", ["p:15335877"])]),
    ("023-724-809", "en", [("phone", "023724809", ["p:23724809"])]),
    # ranges
    ("ឆ្នាំ២០២១-២០៣៥", "km", [("range", "2021–2035", ["r:2021-2035"])]),
    ("2021–2035", "en", [("range", "2021–2035", ["r:2021-2035"])]),
    ("2021-23", "en", [("range", "2021–2023", ["r:2021-2023"])]),
    ("from 90 to 150", "en", [("range", "90–150", ["r:90-150"])]),
    ("ពី ៩០ ដល់ ១៥០", "km", [("range", "90–150", ["r:90-150"])]),
    ("between 5 and 10", "en", [("range", "5–10", ["r:5-10"])]),
    ("5 and 10", "en", [("number", "5", ["n:5"]), ("number", "10", ["n:10"])]),
    # scale words: the number and its product
    ("US$1.5 million", "en", [("number", "1.5", ["n:1.5", "n:1500000"])]),
    ("១,៥ លាន", "km", [("number", "1.5", ["n:1.5", "n:1500000"])]),
    # soft items: number words (shown as their value) and list markers
    ("a two-week course", "en", [("spelled", "2", [])]),
    ("the seventh forum", "en", [("spelled", "7", [])]),
    ("លើកទីប្រាំពីរ", "km", [("spelled", "7", [])]),
    ("សិស្សប្រមាណប្រាំពីរពាន់នាក់", "km", [("spelled", "7000", [])]),
    ("១. ចំណុចទីមួយ", "km", [("word", "1", []), ("spelled", "1", [])]),
    (
        "1) first 2) second",
        "en",
        [("word", "1", []), ("spelled", "1", []), ("word", "2", []), ("spelled", "2", [])],
    ),
    # not read: URLs, hashtags, e-mail addresses, lunar dates; an era year is soft
    ("see https://example.gov.kh/2024/05 #MPTC2025 info2@example.gov.kh", "en", []),
    ("ថ្ងៃព្រហស្បតិ៍ ៥រោច ខែបុស្ស ពុទ្ធសករាជ ២៥៦៩", "km", [("era", "2569", [])]),
    ("ឆ្នាំម្សាញ់ សប្តស័ក ព.ស. ២៥៦៨", "km", [("era", "2568", [])]),
    ("ព.ស.២៥៦៨ និង ច.ស. ១៣៨៧", "km", [("era", "2568", []), ("era", "1387", [])]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), QUANTITIES)
def test_find_quantities(text: str, lang: str, expected: list[tuple[str, str, list[str]]]) -> None:
    found = [(q.kind, q.shown, sorted(q.keys)) for q in find_quantities(text, lang)]
    assert found == expected


def test_soft_items_cover_their_values() -> None:
    covers = {
        k for q in find_quantities("twenty-five officials, the seventh", "en") for k in q.covers
    }
    assert {"n:25", "n:7"} <= covers
    covers = {k for q in find_quantities("ម្ភៃប្រាំនាក់ ទីប្រាំពីរ", "km") for k in q.covers}
    assert {"n:25", "n:7"} <= covers


def test_a_range_covers_its_ends_and_a_time_its_hour() -> None:
    (rng,) = find_quantities("2021-2035", "en")
    assert rng.ends == ("n:2021", "n:2035") and {"n:2021", "n:2035"} <= rng.covers
    (time,) = find_quantities("ម៉ោង ៨ ព្រឹក", "km")
    assert "n:8" in time.covers


def _phrase(text: str, lang: str) -> tuple[str, list[tuple[dt.date, dt.date]], bool, int | None]:
    (phrase,) = find_date_phrases(text, lang)
    return phrase.text, phrase.dates(2026), phrase.in_name, phrase.weekday


D = dt.date
DATES: list[tuple[str, str, tuple[str, list[tuple[dt.date, dt.date]], bool, int | None]]] = [
    ("នៅថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦", "km",
     ("ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦", [(D(2026, 1, 8), D(2026, 1, 8))], False, None)),
    ("ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦", "km",
     ("ថ្ងៃព្រហស្បតិ៍ ទី៨ ខែមករា ឆ្នាំ២០២៦", [(D(2026, 1, 8), D(2026, 1, 8))], False, 3)),
    ("ពីថ្ងៃទី១៩ ដល់ថ្ងៃទី២៧ ខែមករា ឆ្នាំ២០២៦", "km",
     ("ថ្ងៃទី១៩ ដល់ថ្ងៃទី២៧ ខែមករា ឆ្នាំ២០២៦", [(D(2026, 1, 19), D(2026, 1, 27))], False, None)),
    ("១៩-២៧ ខែមករា", "km", ("១៩-២៧ ខែមករា", [(D(2026, 1, 19), D(2026, 1, 27))], False, None)),
    ("ថ្ងៃទី១៤ និង ១៧ ខែមីនា", "km",
     ("ថ្ងៃទី១៤ និង ១៧ ខែមីនា", [(D(2026, 3, 14), D(2026, 3, 14)), (D(2026, 3, 17), D(2026, 3, 17))],
      False, None)),
    ("វិទ្យាល័យ ហ៊ុន សែន ១ មិថុនា", "km", ("១ មិថុនា", [(D(2026, 6, 1), D(2026, 6, 1))], True, None)),
    ("July 1–31, 2021", "en", ("July 1–31, 2021", [(D(2021, 7, 1), D(2021, 7, 31))], False, None)),
    ("on the 14th and 17th March", "en",
     ("14th and 17th March", [(D(2026, 3, 14), D(2026, 3, 14)), (D(2026, 3, 17), D(2026, 3, 17))],
      False, None)),
    ("from 28 February to 3 March 2026", "en",
     ("from 28 February to 3 March 2026", [(D(2026, 2, 28), D(2026, 3, 3))], False, None)),
    ("between 14 and 17 March", "en",
     ("between 14 and 17 March", [(D(2026, 3, 14), D(2026, 3, 17))], False, None)),
    ("Thursday, 8 January 2026", "en",
     ("Thursday, 8 January 2026", [(D(2026, 1, 8), D(2026, 1, 8))], False, 3)),
    ("Hun Sen 1 June High School", "en", ("1 June", [(D(2026, 6, 1), D(2026, 6, 1))], True, None)),
    ("at 7 January High School", "en", ("7 January", [(D(2026, 1, 7), D(2026, 1, 7))], True, None)),
    ("18 June Primary School", "en", ("18 June", [(D(2026, 6, 18), D(2026, 6, 18))], True, None)),
    ("teachers from 18 June High School", "en",
     ("from 18 June", [(D(2026, 6, 18), D(2026, 6, 18))], True, None)),
    ("on 7 January, High School students", "en",
     ("7 January", [(D(2026, 1, 7), D(2026, 1, 7))], False, None)),
    ("on 7 January 2026 High School students", "en",
     ("7 January 2026", [(D(2026, 1, 7), D(2026, 1, 7))], False, None)),
    ("ចុះថ្ងៃ ០៨/០១/២០២៦", "km", ("០៨/០១/២០២៦", [(D(2026, 1, 8), D(2026, 1, 8))], False, None)),
    ("dated 2026-01-08", "en", ("2026-01-08", [(D(2026, 1, 8), D(2026, 1, 8))], False, None)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lang", "expected"), DATES)
def test_find_date_phrases(
    text: str, lang: str, expected: tuple[str, list[tuple[dt.date, dt.date]], bool, int | None]
) -> None:
    assert _phrase(text, lang) == expected


def test_words_that_look_like_months_are_not_dates() -> None:
    assert find_date_phrases("It may 5 times", "en") == []
    assert find_date_phrases("តុលាការ ៣ តុលាការ", "km") == []


@given(st.text(), st.sampled_from(["km", "en"]))
def test_readers_never_raise_and_offsets_hold(text: str, lang: str) -> None:
    for q in find_quantities(text, lang):
        assert text[q.start : q.end] == q.text
    for p in find_date_phrases(text, lang):
        assert isinstance(p, DatePhrase) and text[p.start : p.end].strip() == p.text


HOSTILE = ["1-", "1 ", "១ និង ", "one-", "មួយ", "\u200b", "#a", "a@", "0 12 ", "ថ្ងៃទី១ ", "1st and "]
LIMIT = 5.0
"""Seconds 20,000 characters of hostile text may take (an unbounded repeat took a minute)."""


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE)
def test_hostile_text_is_read_in_linear_time(unit: str) -> None:
    text = unit * (20_000 // len(unit))
    started = time.perf_counter()
    for lang in ("km", "en"):
        find_quantities(text, lang)
        find_date_phrases(text, lang)
    assert time.perf_counter() - started < LIMIT
