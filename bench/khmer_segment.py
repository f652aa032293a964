"""Khmer word segmentation throughput (characters per second): cold, warm and from the cache.

    .venv/bin/python -m bench.khmer_segment [--paragraphs N] [--runs N] [--seed N]

* cold: a fresh Python process segments one paragraph: import of khmer-nltk and model
  load included; reported as the time of that first call, and the model load (first
  call minus the warm time of the same paragraph) separately (that load is why
  ``sastra.khmer.segment`` imports khmer-nltk on first use only);
* warm: model loaded, no cache: every paragraph through :func:`tokens`;
* cache: every paragraph from a filled :class:`SegmentCache` (reopened each run) through
  :func:`segment_many`; the fill (segment the misses, one write transaction) is shown too.

Paragraphs are generated from the word list below (written for this benchmark), with
phrase spaces, numbers, a name and sentence marks, seeded so runs are comparable. Each
figure is the median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sastra.khmer.segment import SegmentCache, segment_many, tokens

_WORD_LIST = (
    "ក្រសួង អប់រំ យុវជន កីឡា បាន ប្រកាស កម្មវិធី ថ្មី សម្រាប់ សិស្ស សាលា រៀន "
    "គ្រូ បង្រៀន សៀវភៅ អាន រាល់ ថ្ងៃ ឆ្នាំ ខែ ភូមិ ឃុំ ស្រុក ខេត្ត រាជធានី ភ្នំពេញ "
    "ទឹក ស្អាត ផ្លូវ ថ្នល់ ស្ពាន មន្ទីរពេទ្យ សុខភាព ប្រជាជន ពលរដ្ឋ រដ្ឋាភិបាល "
    "គម្រោង អភិវឌ្ឍន៍ សេដ្ឋកិច្ច កសិកម្ម ស្រូវ ដំណាំ ទីផ្សារ តម្លៃ ប្រាក់ ចំណូល "
    "កើនឡើង ថយចុះ ជួយ គាំទ្រ ធ្វើការ ជាមួយ គ្នា ដើម្បី ឱ្យ មាន ការ ចូលរួម ពី "
    "អ្នក ទាំងអស់ ក្នុង នៅ ទៅ មក និង ឬ ប៉ុន្តែ ហើយ ដែល នេះ នោះ ច្រើន តិច ណាស់ "
    "ល្អ ប្រសើរ ជាង មុន ក្រោយ ពេល វេលា ប្រជុំ ពិភាក្សា សម្រេច ចិត្ត ផែនការ"
)
WORDS = _WORD_LIST.split()
NAMES = ("ម៉ៅ សិលា", "ចាន់ ដារា", "សុខ វណ្ណដេត")


def make_paragraphs(count: int, seed: int) -> list[str]:
    """``count`` Khmer paragraphs of 25-70 words each, deterministic for ``seed``."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(25, 70)):
            parts.append(rng.choice(WORDS))
            roll = rng.random()
            if roll < 0.08:
                parts.append(" ")
            elif roll < 0.11:
                parts.append(f" {rng.randint(1, 99999):,} ".replace(",", "."))
            elif roll < 0.12:
                parts.append(f" {rng.choice(NAMES)} ")
            elif roll < 0.15:
                parts.append("។ ")
        paragraphs.append("".join(parts).strip() + "។")
    return paragraphs


def _median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_COLD = """
import json, sys, time
text = sys.stdin.read()
t0 = time.perf_counter()
from sastra.khmer.segment import tokens
t1 = time.perf_counter()
tokens(text)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1}))
"""


def _cold(text: str, runs: int) -> tuple[float, float]:
    """Median (import of sastra.khmer.segment, first tokens() call) in fresh processes."""
    imports, firsts = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _COLD], input=text, capture_output=True, text=True, check=True
        )
        figures = json.loads(out.stdout)
        imports.append(figures["import"])
        firsts.append(figures["first"])
    return statistics.median(imports), statistics.median(firsts)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    paragraphs = make_paragraphs(args.paragraphs, args.seed)
    chars = sum(len(p) for p in paragraphs)
    print(f"{len(paragraphs)} paragraphs, {chars:,} characters; medians of {args.runs} runs")

    first = paragraphs[0]
    import_s, first_s = _cold(first, args.runs)
    tokens(first)  # load the model in this process
    warm_first = _median(lambda: tokens(first), args.runs)
    print(
        f"cold   first call, {len(first)} chars: {first_s:.3f} s "
        f"({len(first) / first_s:,.0f} chars/s); model load ≈ {first_s - warm_first:.3f} s; "
        f"import sastra.khmer.segment {import_s * 1000:.1f} ms"
    )

    warm_s = _median(lambda: [tokens(p) for p in paragraphs], args.runs)
    print(
        f"warm   {warm_s:.3f} s  {chars / warm_s:>12,.0f} chars/s  "
        f"({warm_s / chars * 1e6:.1f} µs/char)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        fill_s = _median(lambda: _fill(Path(tmp), paragraphs), 1)

        def from_cache() -> None:
            with SegmentCache(Path(tmp)) as cache:
                segment_many(paragraphs, cache)

        cache_s = _median(from_cache, args.runs)
        size = (Path(tmp) / SegmentCache.FILENAME).stat().st_size
    print(
        f"cache  {cache_s:.3f} s  {chars / cache_s:>12,.0f} chars/s  "
        f"(fill: {fill_s:.3f} s; file {size / 1024:,.0f} KiB)"
    )


def _fill(folder: Path, paragraphs: list[str]) -> None:
    for old in folder.iterdir():
        old.unlink()
    with SegmentCache(folder) as cache:
        segment_many(paragraphs, cache)


if __name__ == "__main__":
    main()
