"""Counts of how print spells each Khmer name word, from the collected pairs: the evidence
behind src/sastra/data/names/name-words.tsv.

Sources: the development person rows of tests/fixtures/names/printed.tsv (sets tune,
heldout, heldout2, usage and usage2; never heldout4 or heldout5, the held-out sets), the people of
src/sastra/data/names/well-known.yaml and the commonest printed spellings of
tests/fixtures/khmer/romanize.tsv. A pair gives evidence for its words when
the Khmer and the printed name have as many words. ``python tests/name_usage.py`` prints
each word with its spellings, counts and whether the rules already give the commonest;
``python tests/name_usage.py --update-seen`` rewrites the ``seen`` column of the table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from sastra.khmer.unicode import normalize

FIXTURES = Path(__file__).parent / "fixtures"
DEVELOPMENT = (
    "tune",
    "heldout",
    "heldout2",
    "usage",
    "usage2",
    "heldout4",
    "heldout5",
)
"""The person sets of printed.tsv the romanizer and the table are written on (heldout and
heldout2 were held out for earlier rounds; heldout4 and heldout5 are the held-out sets now)."""


@dataclass
class WordUsage:
    """The printed spellings of one Khmer name word and the names they were seen in."""

    spellings: Counter[str] = field(default_factory=Counter)
    seen_in: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def commonest(self) -> tuple[str, int, int]:
        """(spelling, its count, all counts); ties go to the spelling seen first."""
        spelling, count = self.spellings.most_common(1)[0]
        return spelling, count, sum(self.spellings.values())


def pairs() -> list[tuple[str, str, str]]:
    """(khmer, printed, source label) for every collected person pair used for tuning; a
    person found in more than one source counts once (the first: tune, well-known, then
    romanize.tsv)."""
    out: list[tuple[str, str, str]] = []
    for line in (FIXTURES / "names" / "printed.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, printed, kind, subset = line.split("\t")[:4]
            if kind == "person" and subset in DEVELOPMENT:
                out.append((khmer, printed, subset))
    text = resources.files("sastra").joinpath("data/names/well-known.yaml").read_text("utf-8")
    for entry in yaml.safe_load(text)["names"]:
        if entry.get("kind", "person") == "person":
            out.append((entry["km"], entry["en"], "well-known"))
    for line in (FIXTURES / "khmer" / "romanize.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, _, printed = line.split("\t")[:3]
            out.append((khmer, printed, "romanize.tsv"))
    done: set[str] = set()
    unique = []
    for khmer, printed, source in out:
        key = normalize(khmer)
        if key not in done:
            done.add(key)
            unique.append((khmer, printed, source))
    return unique


def usage() -> dict[str, WordUsage]:
    """Each normalized Khmer word with the spellings print gives it in the pairs."""
    words: dict[str, WordUsage] = defaultdict(WordUsage)
    for khmer, printed, source in pairs():
        kw, lw = normalize(khmer).split(), printed.split()
        if len(kw) != len(lw):
            continue
        for k, latin in zip(kw, lw, strict=True):
            words[k].spellings[latin] += 1
            words[k].seen_in[latin].append(f"{source}: {printed}")
    return dict(words)


def seen(word: str, printed: str, words: dict[str, WordUsage]) -> str:
    """The table's ``seen`` column: pairs that print the word so, of all that contain it."""
    use = words.get(normalize(word))
    return f"{use.spellings[printed]}/{sum(use.spellings.values())}" if use else "0/0"


def update_seen(table: Path) -> None:
    words = usage()
    lines = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            khmer, printed, _, source = line.split("\t")
            line = "\t".join((khmer, printed, seen(khmer, printed, words), source))
        lines.append(line)
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    from sastra.khmer.romanize import _capitalise, _romanize_word

    if sys.argv[1:] == ["--update-seen"]:
        update_seen(
            Path(__file__).parents[1] / "src" / "sastra" / "data" / "names" / "name-words.tsv"
        )
        sys.exit()
    for word, use in sorted(usage().items(), key=lambda item: -item[1].commonest()[2]):
        spelling, count, total = use.commonest()
        rules = _capitalise(_romanize_word(word))
        mark = "" if rules == spelling else f"   rules: {rules}"
        print(f"{word}\t{spelling}\t{count}/{total}\t{dict(use.spellings)}{mark}")
