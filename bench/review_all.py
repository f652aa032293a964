"""`i18n review --all` over generated pairs (default 1,000).

Run: ``.venv/bin/python -m bench.review_all [--pairs N] [--runs N]``

Generates a site outside git (baselines in frontmatter, a quarter of the
translations stale with their synced source text, some with slips every check looks
for), then reports the median wall time of ``i18n review --all --format json`` as a
separate process: cold (no cache) and warm (cache from the previous run), next to
the same command's Python start-up floor (``i18n --version``).
Target (issue 6): under 10 s warm.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sastra.tracking.fingerprint import VisibleText, fingerprint, visible_text

OUT = Path(__file__).resolve().parent / "out" / "review-site"
I18N = str(Path(sys.executable).with_name("i18n"))
KM_WORDS = ["ក្រសួង", "ប្រជុំ", "បច្ចេកវិទ្យា", "សហគមន៍", "ឌីជីថល", "ខេត្ត", "ការងារ", "សិស្ស"]
EN_WORDS = ["ministry", "meeting", "digital", "community", "centre", "province", "training"]
KM_MONTHS = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June"]
KM_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def _km(n: int) -> str:
    return str(n).translate(KM_DIGITS)


def _pair(i: int, rng: random.Random) -> tuple[str, str, VisibleText]:
    """Khmer source, English translation, and the source's visible text at the baseline."""
    day, month = 1 + i % 28, i % 6
    count = rng.randint(10, 2000)
    km_title = f"កិច្ចប្រជុំ {_km(i)} " + " ".join(rng.choice(KM_WORDS) for _ in range(6))
    en_title = f"Meeting {i} " + " ".join(rng.choice(EN_WORDS) for _ in range(6))
    km_paras = [
        f"ភ្នំពេញ៖ នៅថ្ងៃទី{_km(day)} ខែ{KM_MONTHS[month]} ឆ្នាំ២០២៥ ឯកឧត្តម ម៉ៅ សិលា "
        f"បានដឹកនាំកិច្ចប្រជុំ ដោយមានសមាជិក {_km(count)} រូប។"
    ]
    en_paras = [
        f"Phnom Penh, {day} {EN_MONTHS[month]} 2025. H.E. Mao Sela led a meeting with "
        f"{count:,} members."
    ]
    for _ in range(rng.randint(3, 6)):
        n = rng.randint(1, 99)
        km_paras.append(" ".join(rng.choice(KM_WORDS) for _ in range(35)) + f" {_km(n)}%។")
        en_paras.append(" ".join(rng.choice(EN_WORDS) for _ in range(30)) + f" {n}%.")
    images = "\n".join(f"![photo {k}](img/{i}/photo-{k}.jpg)" for k in range(1, 4))
    km_paras.append(images)
    en_paras.append(images)
    slip = i % 20
    if slip == 1:
        en_paras[1] = en_paras[1].replace("%", "0%")  # a number changed in translation
    elif slip == 2:
        en_title = km_title  # the Khmer title left in the English file
    elif slip == 3:
        en_paras.pop()  # the photos forgotten
    fields = f"date: 2025-0{month + 1}-{day:02d}\ntags: [news]\nimage: img/{i}/thumb.jpg\n"
    old_body = "\n\n".join(km_paras) + "\n"
    if i % 4 == 0:  # stale: the source gained a sentence since the translation
        km_paras[1] += " " + " ".join(rng.choice(KM_WORDS) for _ in range(8)) + "។"
    baseline = visible_text({"title": km_title}, old_body, 1, ("title", "description"))
    km = f"---\ntitle: {km_title}\n{fields}---\n\n" + "\n\n".join(km_paras) + "\n"
    l10n = f"l10n:\n  source: km\n  source_hash: {fingerprint(baseline)}\n"
    en = f"---\ntitle: {en_title}\n{fields}{l10n}---\n\n" + "\n\n".join(en_paras) + "\n"
    return km, en, baseline


def generate(root: Path, pairs: int, seed: int = 11) -> None:
    """A site of ``pairs`` km/en pairs in 10 collections."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "i18n" / "synced").mkdir(parents=True)
    (root / "sastra.toml").write_text(
        'languages = ["km", "en"]\nsource_language = "km"\n\n'
        '[tracking]\ngit = false\nsynced_dir = "i18n/synced"\n',
        encoding="utf-8",
    )
    for i in range(pairs):
        km, en, baseline = _pair(i, rng)
        for lang, text in (("km", km), ("en", en)):
            path = root / "content" / lang / f"news{i % 10}" / f"article-{i:05d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        synced = {
            "fields": [[p.label, p.text] for p in baseline.fields],
            "body": [p.text for p in baseline.body],
        }
        (root / "i18n" / "synced" / f"{fingerprint(baseline)}.json").write_text(
            json.dumps(synced, ensure_ascii=False), encoding="utf-8"
        )


def _time(args: list[str]) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - start, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    generate(OUT, args.pairs)
    command = [I18N, "review", "--all", "--format", "json", "--root", str(OUT)]
    colds = []
    for _ in range(max(1, args.runs // 2)):
        shutil.rmtree(OUT / ".sastra-cache", ignore_errors=True)
        seconds, done = _time(command)
        colds.append(seconds)
    warms = [_time(command)[0] for _ in range(args.runs)]
    floor = statistics.median(_time([I18N, "--version"])[0] for _ in range(args.runs))
    doc = json.loads(done.stdout)
    summary = doc["summary"]
    print(f"i18n review --all over {args.pairs} pairs ({len(doc['pairs'])} reviewed)")
    print(
        f"  findings: {summary['error']} errors, {summary['warning']} warnings, "
        f"{summary['info']} info; by code: {summary['by_code']}"
    )
    print(f"  cold (no cache)  median {statistics.median(colds):6.2f} s over {len(colds)} runs")
    print(f"  warm (cached)    median {statistics.median(warms):6.2f} s over {len(warms)} runs")
    print(f"  python start-up  median {floor:6.2f} s (i18n --version)")
    print("  target: warm under 10 s")


if __name__ == "__main__":
    main()
