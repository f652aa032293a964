"""The review precision corpus: load it, review it, score what review found against the
fixture table (format in tests/fixtures/review-corpus/README.md).

Used by tests/test_review_corpus.py (exact findings) and bench/review_precision.py
(precision and recall per check, on the corpus and on the held-out set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sastra.review import review_all
from sastra.workspace import open_site, tracker_for

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "review-corpus"
HELDOUT = FIXTURES / "review-heldout"


@dataclass(frozen=True)
class Expected:
    """One finding of the fixture table."""

    pair: str
    """The pair file (``c02-students-34``)."""
    code: str
    severity: str
    location: str
    """``path:line``."""
    detail: str
    """A piece of the message: the key detail (the values compared, the quote)."""


@dataclass(frozen=True)
class Found:
    """One finding review reported."""

    code: str
    severity: str
    location: str
    message: str

    def matches(self, expected: Expected) -> bool:
        return (self.code, self.severity, self.location) == (
            expected.code,
            expected.severity,
            expected.location,
        ) and expected.detail in self.message


@dataclass
class Corpus:
    """The site's files, its config and the fixture table."""

    config: str
    files: dict[str, str] = field(default_factory=dict)
    expected: list[Expected] = field(default_factory=list)
    pair_of: dict[str, str] = field(default_factory=dict)
    """Which pair file each content file comes from."""


def load(folder: Path) -> Corpus:
    """Read every pair file of ``folder``."""
    corpus = Corpus((folder / "config.toml").read_text("utf-8"))
    for path in sorted(folder.glob("*.txt")):
        header, *sections = path.read_text("utf-8").split("\n=== ")
        for line in header.splitlines():
            if line.startswith("finding: "):
                where, detail = line[len("finding: ") :].split(" | ", 1)
                code, severity, location = where.split(" ", 2)
                corpus.expected.append(Expected(path.stem, code, severity, location, detail))
        for section in sections:
            name, _, content = section.partition("\n")
            corpus.files[name.strip()] = content
            corpus.pair_of[name.strip()] = path.stem
    return corpus


def review(corpus: Corpus, root: Path) -> list[Found]:
    """Write the corpus site under ``root`` and review every pair."""
    (root / "sastra.toml").write_text(corpus.config, encoding="utf-8")
    for name, content in corpus.files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    site = open_site(root, use_cache=False)
    assert not site.errors, site.errors
    reviews = review_all(tracker_for(site), site.pairs)
    return [
        Found(f.code, f.severity.value, str(f.location), f.message)
        for r in reviews
        for f in r.findings
    ]


@dataclass
class Score:
    """Matched, extra and missed findings of one check."""

    matched: int = 0
    extra: int = 0
    missed: int = 0

    @property
    def precision(self) -> float | None:
        reported = self.matched + self.extra
        return self.matched / reported if reported else None

    @property
    def recall(self) -> float | None:
        wanted = self.matched + self.missed
        return self.matched / wanted if wanted else None


def compare(
    expected: list[Expected], found: list[Found]
) -> tuple[list[Found], list[Expected], dict[str, Score]]:
    """Findings not in the table, table rows not found, and the score of each check."""
    left = list(found)
    missed: list[Expected] = []
    scores: dict[str, Score] = {}
    for row in expected:
        hit = next((f for f in left if f.matches(row)), None)
        score = scores.setdefault(row.code, Score())
        if hit is None:
            missed.append(row)
            score.missed += 1
        else:
            left.remove(hit)
            score.matched += 1
    for extra in left:
        scores.setdefault(extra.code, Score()).extra += 1
    return left, missed, scores
