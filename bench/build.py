"""`i18n build` on 1,000 generated Khmer/English article pairs, against Pelican on the same content.

Run: ``.venv/bin/python -m bench.build [--pairs N] [--runs N] [--no-pelican] [--profile]``

Measures, each as the median of ``--runs`` runs of a fresh process:

* Sastra cold: ``python -m sastra build`` with no output and no cache;
* Sastra with nothing changed: the same command again (output and cache kept),
  plus the in-process ``build(open_site(root))`` time, without the interpreter
  start-up; and the in-process build after one article was edited (a save
  under ``i18n serve``);
* Pelican cold: ``pelican`` (installed by this script into its own venv under
  ``bench/out/pelican-venv``) on the same articles written in Pelican's format
  (``lang:`` and ``slug:`` metadata pair the translations), cache off.

Prints pages/s (HTML files in each output per second) and the ratio of the cold
times. Before each cold run the previous output is moved aside (into
``bench/out/trash``, deleted when all timing is done) and the file system flushed
(``os.sync``), for both tools alike. Not deleted: on a file system without a
journal (ext4 here), the inode allocator skips inodes freed in the last minute,
scanning the whole group for each new file, so a run that follows the deletion of
the previous run's ~5,600 files and folders pays seconds of system time for that
deletion (visible as ``recently_deleted`` in ``perf``). Targets (issue 4): cold at
least 2x Pelican; no-change rebuild under 1 s.
``--profile`` prints cProfile's hot spots of an in-process cold build and of a
no-change rebuild (the main process only).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
import venv
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
SITE = OUT / "build-site"
PELICAN_SITE = OUT / "build-pelican"
PELICAN_VENV = OUT / "pelican-venv"
TRASH = OUT / "trash"

KM_WORDS = [
    "ក្រសួង",
    "ប្រជុំ",
    "បច្ចេកវិទ្យា",
    "សហគមន៍",
    "ឌីជីថល",
    "ខេត្ត",
    "ការងារ",
    "វឌ្ឍនភាព",
    "សិស្ស",
    "គ្រូបង្រៀន",
    "ភូមិ",
    "ទឹកស្អាត",
    "ផ្លូវ",
    "សាលារៀន",
    "មន្ទីរពេទ្យ",
    "កសិករ",
    "ស្រូវ",
    "ទីផ្សារ",
    "យុវជន",
    "បណ្តុះបណ្តាល",
]
EN_WORDS = [
    "ministry",
    "meeting",
    "technology",
    "community",
    "digital",
    "province",
    "work",
    "progress",
    "students",
    "teachers",
    "village",
    "water",
    "road",
    "school",
    "hospital",
    "farmers",
    "rice",
    "market",
    "youth",
    "training",
]
TAGS = ("education", "health", "water", "roads", "agriculture", "youth", "digital")
KM_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def _paragraphs(words: tuple[str, ...] | list[str], rng: random.Random, km: bool) -> list[str]:
    stop = "។" if km else "."
    out = []
    for _ in range(rng.randint(4, 7)):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(25, 45)))
        number = str(rng.randint(2, 5000))
        out.append(f"{sentence} {number.translate(KM_DIGITS) if km else number}{stop}")
    return out


def _body(paragraphs: list[str], km: bool, rng: random.Random) -> str:
    heading = "សេចក្តីលម្អិត" if km else "Details"
    items = "\n".join(f"- {p.split()[0]} {p.split()[1]}" for p in paragraphs[:3])
    link = "[ព័ត៌មានបន្ថែម](../about/)" if km else "[more](../about/)"
    parts = [paragraphs[0], f"## {heading}", *paragraphs[1:-1], items, f"{paragraphs[-1]} {link}"]
    return "\n\n".join(parts)


def generate(pairs: int, seed: int = 4) -> int:
    """Write the Sastra site and the same content for Pelican; return the article count."""
    rng = random.Random(seed)
    for folder in (SITE, PELICAN_SITE):
        _move_aside(folder)
    (SITE / "content").mkdir(parents=True)
    (PELICAN_SITE / "content").mkdir(parents=True)
    (SITE / "sastra.toml").write_text(
        'languages = ["km", "en"]\nsource_language = "km"\n\n[build]\npage_size = 10\n',
        "utf-8",
    )
    for name in ("templates", "i18n"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, SITE / name, ignore=shutil.ignore_patterns("synced"))
    start = dt.date(2020, 1, 1)
    for i in range(pairs):
        slug = f"article-{i:04d}"
        date = start + dt.timedelta(days=i * 2)
        tags = sorted(rng.sample(TAGS, 2))
        for lang, words in (("km", KM_WORDS), ("en", EN_WORDS)):
            km = lang == "km"
            paragraphs = _paragraphs(words, rng, km)
            title = " ".join(rng.choice(words) for _ in range(5))
            summary = " ".join(paragraphs[0].split()[:12])
            body = _body(paragraphs, km, rng)
            sastra = (
                f"---\ntitle: {title}\ndescription: {summary}\ndate: {date.isoformat()}\n"
                f"tags: [{', '.join(tags)}]\n---\n\n{body}\n"
            )
            path = SITE / "content" / lang / "news" / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(sastra, "utf-8")
            pelican = (
                f"Title: {title}\nDate: {date.isoformat()}\nCategory: news\n"
                f"Tags: {', '.join(tags)}\nSlug: {slug}\nLang: {lang}\nSummary: {summary}\n\n"
                f"{body}\n"
            )
            (PELICAN_SITE / "content" / f"{slug}-{lang}.md").write_text(pelican, "utf-8")
    (PELICAN_SITE / "pelicanconf.py").write_text(
        'SITENAME = "Bench"\nSITEURL = ""\nDEFAULT_LANG = "km"\nTIMEZONE = "Asia/Phnom_Penh"\n'
        "DEFAULT_PAGINATION = 10\nRELATIVE_URLS = True\nLOAD_CONTENT_CACHE = False\n"
        'ARTICLE_URL = "{lang}/{slug}/"\nARTICLE_SAVE_AS = "{lang}/{slug}/index.html"\n'
        "ARTICLE_LANG_URL = ARTICLE_URL\nARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS\n",
        "utf-8",
    )
    return pairs * 2


def ensure_pelican() -> Path:
    """The ``pelican`` executable of the benchmark's own venv (created on first use)."""
    exe = PELICAN_VENV / "bin" / "pelican"
    if not exe.exists():
        print("installing Pelican into bench/out/pelican-venv (once) …", flush=True)
        venv.create(PELICAN_VENV, with_pip=True)
        pip = [str(PELICAN_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "pelican", "markdown"], check=True)
    return exe


#: CPU seconds (user, system; every process) of each timed command, by label.
CPU: dict[str, list[tuple[float, float]]] = {}


def _cpu_children() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime, usage.ru_stime


def _timed(cmd: list[str], cwd: Path, label: str) -> float:
    """Wall time of one command; its CPU time goes to :data:`CPU` (robust to a busy machine)."""
    cpu = _cpu_children()
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-3000:]}")
    user, system = _cpu_children()
    CPU.setdefault(label, []).append((user - cpu[0], system - cpu[1]))
    return seconds


def _clean_sastra() -> None:
    for name in ("_site", ".sastra-cache"):
        _move_aside(SITE / name)
    _settle()


def _move_aside(path: Path) -> None:
    """Move ``path`` into :data:`TRASH` (see the module notes: deleting it now would bill
    the next timed run); :func:`_empty_trash` deletes it when the timing is done."""
    if path.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{path.name}-{time.time_ns()}")


def _empty_trash() -> None:
    shutil.rmtree(TRASH, ignore_errors=True)


def _settle() -> None:
    """Flush the deletions just made, so a timed run does not pay for the previous one's
    file-system work (on this disk, thousands of pending folder removals cost seconds)."""
    os.sync()


def _html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def sastra_runs(runs: int) -> tuple[list[float], list[float], list[float], int]:
    """Cold and no-change process times, in-process no-change times, HTML pages written."""
    cmd = [sys.executable, "-m", "sastra", "build", "--root", str(SITE)]
    cold, warm = [], []
    for _ in range(runs):
        _clean_sastra()
        cold.append(_timed(cmd, REPO, "sastra cold"))
    pages = _html_pages(SITE / "_site")
    for _ in range(runs):
        warm.append(_timed(cmd, REPO, "sastra no change"))
    return cold, warm, _in_process_rebuilds(runs), pages


def _in_process_rebuilds(runs: int) -> list[float]:
    from sastra.render.build import build
    from sastra.workspace import open_site

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        build(open_site(SITE))
        times.append(time.perf_counter() - started)
    return times


def _in_process_one_edit(runs: int) -> list[float]:
    """Build after editing one article's body (what ``i18n serve`` does on a save)."""
    from sastra.render.build import build
    from sastra.workspace import open_site

    path = SITE / "content" / "en" / "news" / "article-0007.md"
    original = path.read_text("utf-8")
    times = []
    try:
        for run in range(runs):
            path.write_text(original + f"\nEdited {run}.\n", "utf-8")
            started = time.perf_counter()
            build(open_site(SITE))
            times.append(time.perf_counter() - started)
    finally:
        path.write_text(original, "utf-8")
    return times


def pelican_runs(runs: int) -> tuple[list[float], int]:
    """Cold Pelican times and the HTML pages it wrote."""
    exe = ensure_pelican()
    output = PELICAN_SITE / "output"
    cmd = [str(exe), "content", "-o", str(output), "-s", "pelicanconf.py", "-q"]
    times = []
    for _ in range(runs):
        _move_aside(output)
        _move_aside(PELICAN_SITE / "cache")
        _settle()
        times.append(_timed([*cmd, "--ignore-cache"], PELICAN_SITE, "pelican cold"))
    return times, _html_pages(output)


def profile(label: str, func: Callable[[], object], top: int = 25) -> None:
    """Print cProfile's top functions by own time and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    func()
    profiler.disable()
    for order in ("tottime", "cumulative"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats(order).print_stats(top)
        print(f"\n--- {label}: top {top} by {order} ---")
        print("\n".join(stream.getvalue().splitlines()[4:]))


def _profile_all() -> None:
    from sastra.render.build import build
    from sastra.workspace import open_site

    _clean_sastra()
    profile("cold build (in-process)", lambda: build(open_site(SITE)))
    profile("no-change rebuild (in-process)", lambda: build(open_site(SITE)))


def main() -> None:
    """Generate, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pelican", action="store_true", help="Skip the Pelican comparison.")
    parser.add_argument("--profile", action="store_true", help="Print cProfile hot spots too.")
    args = parser.parse_args()
    articles = generate(args.pairs)
    print(f"{args.pairs} pairs ({articles} articles) in {SITE.relative_to(REPO)}; {args.runs} runs")
    cold, warm, warm_in, pages = sastra_runs(args.runs)
    cold_s, warm_s = statistics.median(cold), statistics.median(warm)
    print(f"sastra  cold           {cold_s:7.2f} s  {pages / cold_s:8.0f} pages/s  ({pages} pages)")
    print(f"sastra  no change      {warm_s:7.2f} s  (process; target < 1 s)")
    print(f"sastra  no change      {statistics.median(warm_in):7.2f} s  (in-process build only)")
    one_edit = statistics.median(_in_process_one_edit(args.runs))
    print(f"sastra  one edit       {one_edit:7.2f} s  (in-process; what serve does on a save)")
    if not args.no_pelican:
        pel, pel_pages = pelican_runs(args.runs)
        pel_s = statistics.median(pel)
        print(
            f"pelican cold           {pel_s:7.2f} s  {pel_pages / pel_s:8.0f} pages/s"
            f"  ({pel_pages} pages)"
        )
        print(f"ratio   pelican/sastra {pel_s / cold_s:7.2f}x  (target >= 2x)")
        article_rate = articles / cold_s, articles / pel_s
        print(f"articles/s             sastra {article_rate[0]:.0f}, pelican {article_rate[1]:.0f}")
    for label, spent in CPU.items():
        user = statistics.median(u for u, _ in spent)
        system = statistics.median(s for _, s in spent)
        print(f"cpu     {label:<16} {user:6.2f} s user, {system:5.2f} s system")
    if not args.no_pelican and "pelican cold" in CPU and "sastra cold" in CPU:
        # CPU time does not depend on what else the machine runs, unlike wall time;
        # system time still swings with the file system's state (see module notes).
        pel_spent, sas_spent = CPU["pelican cold"], CPU["sastra cold"]
        pel_user = statistics.median(u for u, _ in pel_spent)
        sas_user = statistics.median(u for u, _ in sas_spent)
        print(f"ratio   pelican/sastra {pel_user / sas_user:7.2f}x  (user CPU time)")
        pel_cpu = statistics.median(u + s for u, s in pel_spent)
        sas_cpu = statistics.median(u + s for u, s in sas_spent)
        print(f"ratio   pelican/sastra {pel_cpu / sas_cpu:7.2f}x  (user + system CPU time)")
    if args.profile:
        _profile_all()
    _empty_trash()


if __name__ == "__main__":
    main()
