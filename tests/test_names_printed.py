"""Names as they are printed: (Khmer, printed spelling) pairs collected from public pages
(tests/fixtures/names/printed.tsv, each side with its source).

``tune`` pairs were used while writing the romanizer's rules and its usage table
(data/names/name-words.tsv); ``heldout`` pairs were collected afterwards and never tuned on;
``heldout2`` pairs were collected and committed before the usage table was written and
measured once, at the end; ``heldout3`` place pairs were collected after the place rules
(``sastra.khmer.place_print``) were written and committed before they were measured.
Since the fourth round the person sets ``tune``, ``heldout`` and ``heldout2`` are all
development sets (the romanizer and the usage table are written on them). ``heldout4`` and
``heldout5`` were held out until the seventh round, which wrote rules and table words on every
set; ``heldout6``, collected blind in that round, is held out and measured once at its end.
The floors below are the measured figures (a change that lowers one fails); docs/names.md
reports them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sastra.khmer.places import romanize_place
from sastra.khmer.print_spellings import match_romanization
from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import same_name
from sastra.names import Glossary, render_name

FIXTURE = Path(__file__).parent / "fixtures" / "names" / "printed.tsv"


def _rows(kind: str, subset: str) -> list[tuple[str, str]]:
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, printed, k, s, source_km, source_en = line.split("\t")
            assert source_km.startswith("http") and (source_en.startswith("http")), line
            if (k, s) == (kind, subset):
                out.append((khmer, printed))
    return out


def _rates(rows: list[tuple[str, str]], spell: object) -> tuple[float, float]:
    outputs = [spell(k) for k, _ in rows]  # type: ignore[operator]
    exact = sum(o == p for o, (_, p) in zip(outputs, rows, strict=True)) / len(rows)
    same = sum(same_name(o, p) for o, (_, p) in zip(outputs, rows, strict=True)) / len(rows)
    return exact, same


def _recognised(rows: list[tuple[str, str]]) -> float:
    """The share of pairs whose printed spelling the Khmer-aware matcher takes for the Khmer
    name (:func:`~sastra.khmer.print_spellings.match_romanization`)."""
    return sum(match_romanization(k, p) for k, p in rows) / len(rows)


def test_collection_size() -> None:
    sets = ("tune", "heldout", "heldout2", "heldout4", "usage", "heldout5", "usage2", "heldout6")
    people = [r for s in sets for r in _rows("person", s)]
    assert len(people) >= 160 and len(_rows("person", "tune")) >= 116
    assert len(_rows("person", "heldout")) >= 15
    assert len(_rows("person", "heldout2")) >= 25
    assert len(_rows("person", "heldout4")) >= 126
    assert len(_rows("place", "heldout4")) >= 45
    assert len(_rows("person", "usage")) >= 140
    assert len(_rows("person", "heldout5")) >= 69
    assert len(_rows("place", "heldout5")) >= 38
    assert len(_rows("person", "usage2")) >= 96
    assert len(_rows("person", "heldout6")) >= 63
    assert len({k for k, _ in people}) == len(people)


@pytest.mark.parametrize(
    ("kind", "subset", "spell", "floor_exact", "floor_same"),
    [
        ("person", "tune", romanize_name, 0.73, 0.98),
        ("person", "heldout", romanize_name, 0.76, 1.00),
        ("person", "heldout2", romanize_name, 0.81, 1.00),
        ("person", "usage", romanize_name, 0.53, 0.85),
        # Development since it was collected (blind, 2026-12-03, committed before it was
        # measured): 55.2% / 89.6% before the round's table words, 61.5% / 91.7% after.
        ("person", "usage2", romanize_name, 0.61, 0.91),
        ("place", "tune", romanize_place, 0.85, 0.97),
        ("place", "heldout", romanize_place, 1.00, 1.00),
        ("place", "heldout3", romanize_place, 0.65, 1.00),
        ("place", "heldout", lambda k: render_name(k, "en", Glossary())[0], 1.00, 1.00),
        # Held out until the seventh round (collected blind on 2026-12-03, measured then:
        # 56.3% / 87.3%); development since (rules and table words of round7, docs/names.md).
        ("person", "heldout4", romanize_name, 0.64, 0.88),
        ("place", "heldout4", romanize_place, 0.48, 0.91),
        # The second held-out set, also development since the seventh round (measured while
        # held out: 46.4% / 78.3%).
        ("person", "heldout5", romanize_name, 0.52, 0.81),
        ("place", "heldout5", romanize_place, 0.36, 0.81),  # 71% before "prasat" was a kind word
        # The held-out set of the seventh round (63 people collected blind while its rules
        # were written, measured once at its end; the previous release, ae2ca1c, gave
        # 39.7% / 77.8% / 92.1% recognised on it): nothing lowers what was measured.
        ("person", "heldout6", romanize_name, 0.39, 0.79),
    ],
    ids=[
        "people-tune",
        "people-heldout",
        "people-heldout2",
        "people-usage",
        "people-usage2",
        "places-tune",
        "places-gazetteer",
        "places-heldout3",
        "places-name-filter",
        "people-heldout4",
        "places-heldout4",
        "people-heldout5",
        "places-heldout5",
        "people-heldout6",
    ],
)
def test_printed_spelling_rates(
    kind: str, subset: str, spell: object, floor_exact: float, floor_same: float
) -> None:
    exact, same = _rates(_rows(kind, subset), spell)
    assert (exact >= floor_exact, same >= floor_same) == (True, True), (exact, same)


@pytest.mark.parametrize(
    ("subset", "floor"),
    [
        ("tune", 0.98),
        ("heldout", 1.00),
        ("heldout2", 1.00),
        ("usage", 0.95),
        ("usage2", 0.93),
        # held out when the matcher was written (measured once then: 96.0% and 87.0%);
        # development sets since the seventh round
        ("heldout4", 0.96),
        ("heldout5", 0.88),
        ("heldout6", 0.93),  # held out: measured once, at the end of the seventh round
    ],
)
def test_recognised_rates(subset: str, floor: float) -> None:
    """People recognised by the Khmer-aware matcher, which takes the spellings print uses
    where the Khmer leaves a choice: never fewer than ``same_name`` with the romanizer's
    spelling recognises."""
    rows = _rows("person", subset)
    recognised = _recognised(rows)
    assert recognised >= max(floor, _rates(rows, romanize_name)[1]), recognised


if __name__ == "__main__":  # the figures docs/names.md reports: python tests/test_names_printed.py
    for subset in ("tune", "heldout", "heldout2", "usage", "usage2", "heldout4", "heldout5"):
        rows = _rows("person", subset)
        exact, same = _rates(rows, romanize_name)
        recognised = _recognised(rows)
        print(
            f"people {subset:9} {len(rows):3}  exact {exact:.1%}  same_name {same:.1%}"
            f"  recognised {recognised:.1%}"
        )
    for subset in ("tune", "heldout3"):
        rows = _rows("place", subset)
        exact, same = _rates(rows, romanize_place)
        print(f"places {subset:11} {len(rows):3}  exact {exact:.0%}  same_name {same:.0%}")
    rows = _rows("place", "heldout")
    for label, spell in (
        ("gazetteer", romanize_place),
        ("name filter", lambda k: render_name(k, "en", Glossary())[0]),
    ):
        exact, same = _rates(rows, spell)
        print(f"places {label:11} {len(rows):3}  exact {exact:.0%}  same_name {same:.0%}")
