"""Where the romanizer's misses on printed names come from (docs/names.md, the seventh
round): ``python tests/name_ceiling.py``.

Over the person pairs of tests/fixtures/names/printed.tsv whose two sides have as many
words, it prints

- the ceiling of any speller that gives one spelling per Khmer word, had it seen every
  word (each word's commonest printed spelling, fitted on all the pairs);
- for each set, the share of its people with a word no other set contains, and the exact
  rate of a table fitted on the other sets (the romanizer where a word is unseen);
- for each set, how often the rules alone (words the usage table does not list) give the
  printed spelling of a word.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from sastra.khmer.name_words import usage_spelling
from sastra.khmer.romanize import romanize_name
from sastra.khmer.unicode import normalize

FIXTURE = Path(__file__).parent / "fixtures" / "names" / "printed.tsv"


def _pairs() -> list[tuple[list[str], list[str], str]]:
    """(Khmer words, printed words, set) of each person pair with as many words a side."""
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, printed, kind, subset = line.split("\t")[:4]
            words, latin = normalize(khmer).split(), printed.split()
            if kind == "person" and len(words) == len(latin):
                out.append((words, latin, subset))
    return out


def _table(pairs: list[tuple[list[str], list[str], str]]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, latin, _ in pairs:
        for word, spelled in zip(words, latin, strict=True):
            counts[word][spelled] += 1
    return {word: c.most_common(1)[0][0] for word, c in counts.items()}


def _exact(table: dict[str, str], pairs: list[tuple[list[str], list[str], str]]) -> float:
    hits = 0
    for words, latin, _ in pairs:
        spelled = [table.get(w) or romanize_name(w) for w in words]
        hits += spelled == latin
    return hits / len(pairs)


def main() -> None:
    pairs = _pairs()
    print(f"{len(pairs)} person pairs with as many words on both sides")
    print(f"one spelling a word, every word seen: {_exact(_table(pairs), pairs):.1%} exact")
    for subset in sorted({s for _, _, s in pairs}):
        mine = [p for p in pairs if p[2] == subset]
        others = [p for p in pairs if p[2] != subset]
        seen = {w for words, _, _ in others for w in words}
        unseen = sum(any(w not in seen for w in words) for words, _, _ in mine) / len(mine)
        rules = [
            (romanize_name(w) == spelled)
            for words, latin, _ in mine
            for w, spelled in zip(words, latin, strict=True)
            if usage_spelling(w) is None
        ]
        print(
            f"{subset:9} {len(mine):3} people: {unseen:.0%} with a word no other set has; "
            f"a table of the other sets {_exact(_table(others), mine):.1%} exact; "
            f"the rules right on {sum(rules)}/{len(rules)} unlisted words"
        )


if __name__ == "__main__":
    main()
