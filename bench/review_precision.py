"""``python -m bench.review_precision``: precision and recall of ``i18n review``, per check.

On the precision corpus (tests/fixtures/review-corpus: pairs written for the test, each
with its expected findings) and, separately, on the held-out set
(tests/fixtures/review-heldout), which is never used to tune the checks. A finding
counts as matched when its code, severity, place and key detail are those of a row of
the table; anything else review reports is extra (a false alarm), any row it misses is
missed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from review_corpus import CORPUS, HELDOUT, Score, compare, load, review


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.0%}"


def report(name: str, folder: Path) -> Score:
    """Review one set, print its table, return its totals."""
    corpus = load(folder)
    with tempfile.TemporaryDirectory() as tmp:
        found = review(corpus, Path(tmp))
    extra, missed, scores = compare(corpus.expected, found)
    pairs = sum(1 for name in corpus.pair_of if name.startswith("content/km/"))
    print(f"{name}: {pairs} pairs, {len(corpus.expected)} expected findings")
    print(
        f"  {'check':<20} {'matched':>7} {'extra':>5} {'missed':>6} {'precision':>9} {'recall':>6}"
    )
    total = Score()
    for code, score in sorted(scores.items()):
        total.matched += score.matched
        total.extra += score.extra
        total.missed += score.missed
        print(
            f"  {code:<20} {score.matched:>7} {score.extra:>5} {score.missed:>6} "
            f"{_pct(score.precision):>9} {_pct(score.recall):>6}"
        )
    print(
        f"  {'all':<20} {total.matched:>7} {total.extra:>5} {total.missed:>6} "
        f"{_pct(total.precision):>9} {_pct(total.recall):>6}"
    )
    for item in extra:
        print(f"    extra:  {item.location}: {item.severity} [{item.code}] {item.message}")
    for row in missed:
        print(f"    missed: {row.location}: {row.severity} [{row.code}] {row.detail}")
    return total


def main() -> int:
    report("corpus", CORPUS)
    print()
    report("held-out", HELDOUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
