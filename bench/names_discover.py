"""Name discovery over generated Khmer/English pairs: seconds for the whole set.

    .venv/bin/python -m bench.names_discover [--pairs N] [--runs N] [--seed N]

Each pair is a Khmer article and its English translation of four paragraphs, naming
two to four people after honorifics (ឯកឧត្តម, លោកជំទាវ, លោក, អ្នកឧកញ៉ា,
ឯកឧត្តមបណ្ឌិត… / H.E., Lok Chumteav, Mr., Oknha, H.E. Dr. …); one English mention in
five uses another spelling (Mao Sila for Mao Sela). Names come from 14 family names
and 14 given names (196 people); the sentences were written for this benchmark.

Every run starts with empty memo caches (romanizer and distance), so each figure is a
cold discovery; the median of ``--runs`` runs is printed with the minimum and maximum.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from sastra.khmer import similarity
from sastra.khmer.honorifics import _normal_word, is_not_name, is_title
from sastra.names import Glossary
from sastra.names.discover import _count_re, discover, romanized

FAMILY = [
    ("ម៉ៅ", "Mao"), ("សុខ", "Sok"), ("ជា", "Chea"), ("ចាន់", "Chan"), ("ហេង", "Heng"),
    ("លីម", "Lim"), ("កែវ", "Keo"), ("ទេព", "Tep"), ("ស៊ុន", "Sun"), ("ឃួន", "Khuon"),
    ("ពេជ្រ", "Pich"), ("ឡុង", "Long"), ("អ៊ុំ", "Um"), ("ញឹក", "Nhek"),
]  # fmt: skip
GIVEN = [
    ("សិលា", "Sela", "Sila"), ("សុភា", "Sophea", "Sophia"), ("សុភាព", "Sopheap", "Sopheap"),
    ("ដារា", "Dara", "Darra"), ("ពិសី", "Pisey", "Pisei"), ("វណ្ណា", "Vanna", "Vana"),
    ("រស្មី", "Rasmey", "Rasmei"), ("សុធារី", "Sotheary", "Sothea"), ("បុប្ផា", "Bopha", "Bopa"),
    ("វិចិត្រ", "Vichet", "Vichhet"), ("ដានី", "Dany", "Dani"), ("ចាន់ថុល", "Chanthol", "Chantol"),
    ("វ៉ាន់ដេត", "Vandeth", "Vandet"), ("ស្រីមុំ", "Sreymom", "Sreymum"),
]  # fmt: skip
HONORIFICS = [
    ("ឯកឧត្តម", "H.E."), ("លោកជំទាវ", "Lok Chumteav"), ("លោក", "Mr."), ("លោកស្រី", "Mrs."),
    ("អ្នកឧកញ៉ា", "Oknha"), ("ឯកឧត្តមបណ្ឌិត", "H.E. Dr."), ("បណ្ឌិត", "Dr."),
]  # fmt: skip
KM_ROLES = ["បានដឹកនាំកិច្ចប្រជុំ។", "បានថ្លែងអំណរគុណដល់ក្រុមការងារ។", "បានចូលរួមពិធីបើកវគ្គ។"]
EN_ROLES = ["led the meeting.", "thanked the working group.", "attended the opening."]
KM_FILLER = (
    "កិច្ចប្រជុំនេះរៀបចំឡើងនៅទីស្ដីការក្រសួង ដើម្បីពិនិត្យវឌ្ឍនភាពការងារប្រចាំខែ។ "
    "អង្គប្រជុំបានពិភាក្សាអំពីបញ្ហាប្រឈម ដំណោះស្រាយ និងទិសដៅបន្ត។ "
    "មជ្ឈមណ្ឌលទាំង ១៨ ផ្ដល់ការបណ្ដុះបណ្ដាលជំនាញឌីជីថលដល់សិស្ស និងប្រជាពលរដ្ឋ។"
)
EN_FILLER = (
    "The meeting was held at the ministry to review the month's progress. "
    "Participants discussed challenges, solutions and next steps. "
    "The 18 centres provide digital skills training to students and residents."
)


def make_pairs(count: int, seed: int) -> list[dict[str, str]]:
    """``count`` generated pairs (language → visible text)."""
    rng = random.Random(seed)
    pairs: list[dict[str, str]] = []
    for _ in range(count):
        km_parts, en_parts = [], []
        for _ in range(rng.randint(2, 4)):
            (fkm, fen), (gkm, gen, galt) = rng.choice(FAMILY), rng.choice(GIVEN)
            hkm, hen = rng.choice(HONORIFICS)
            role = rng.randrange(len(KM_ROLES))
            latin = f"{fen} {galt if rng.random() < 0.2 else gen}"
            km_parts.append(f"{hkm} {fkm} {gkm} {KM_ROLES[role]} {KM_FILLER}")
            en_parts.append(f"{hen} {latin} {EN_ROLES[role]} {EN_FILLER}")
        km_parts.append(KM_FILLER)
        en_parts.append(EN_FILLER)
        pairs.append({"km": "\n\n".join(km_parts), "en": "\n\n".join(en_parts)})
    return pairs


def _clear() -> None:
    romanized.cache_clear()
    _normal_word.cache_clear()
    is_not_name.cache_clear()
    is_title.cache_clear()
    _count_re.cache_clear()
    similarity._word_distance.cache_clear()
    similarity._words.cache_clear()
    similarity._aligned_distance.cache_clear()
    similarity._joined_key.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pairs = make_pairs(args.pairs, args.seed)
    chars = sum(len(t) for p in pairs for t in p.values())
    times: list[float] = []
    found = None
    for _ in range(args.runs):
        _clear()
        start = time.perf_counter()
        found = discover(pairs, Glossary())
        times.append(time.perf_counter() - start)
    assert found is not None
    spellings = sum(len(n.spellings) for n in found.names)
    print(f"pairs: {args.pairs} ({chars:,} characters), runs: {args.runs}")
    print(
        f"discover: median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f})"
    )
    print(
        f"found: {len(found.names)} Khmer names, {spellings} spellings, "
        f"{len(found.clusters)} unanchored clusters"
    )


if __name__ == "__main__":
    main()
