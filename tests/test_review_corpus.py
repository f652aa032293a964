"""The review precision corpus: every finding review reports on realistic ministry news
pairs is in the fixture table, and every finding of the table is reported.

The table is the ``finding:`` lines of tests/fixtures/review-corpus/*.txt; about a
third of the pairs are clean. ``python -m bench.review_precision`` prints precision
and recall per check, here and on the held-out set.
"""

from __future__ import annotations

from pathlib import Path

from review_corpus import CORPUS, HELDOUT, compare, load, review


def test_the_corpus_is_big_enough_and_a_third_of_it_clean() -> None:
    corpus = load(CORPUS)
    pairs = {p for name, p in corpus.pair_of.items() if name.startswith("content/km/")}
    flagged = {e.pair for e in corpus.expected}
    assert len(pairs) >= 25
    assert len(pairs - flagged) >= len(pairs) // 3


def test_review_reports_exactly_the_findings_of_the_table(tmp_path: Path) -> None:
    corpus = load(CORPUS)
    extra, missed, _ = compare(corpus.expected, review(corpus, tmp_path))
    assert [f"{f.location}: {f.severity} [{f.code}] {f.message}" for f in extra] == []
    assert [f"{e.pair}: {e.location} {e.code} {e.severity} | {e.detail}" for e in missed] == []


def test_the_four_mechanical_misses_are_caught(tmp_path: Path) -> None:
    corpus = load(CORPUS)
    found = review(corpus, tmp_path)
    wanted = [e for e in corpus.expected if e.pair.startswith(("c02-", "c03-", "c04-", "c05b-"))]
    assert {e.code for e in wanted} == {"numbers-mismatch", "sentence-missing", "copied-paragraph"}
    assert all(any(f.matches(e) for f in found) for e in wanted)


def test_held_out_precision_stays_above_80_percent(tmp_path: Path) -> None:
    heldout = load(HELDOUT)
    extra, missed, scores = compare(heldout.expected, review(heldout, tmp_path))
    matched = sum(s.matched for s in scores.values())
    assert matched / max(1, matched + len(extra)) >= 0.8
    assert matched / max(1, matched + len(missed)) >= 0.75
