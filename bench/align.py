"""Paragraph alignment (``sastra.review.align.counterparts``) on the docs benchmark's own jobs.

Run: ``.venv/bin/python -m bench.align [--before REV] [--sample N] [--runs N]``

The jobs are every ``(old source shapes, translation shapes)`` pair a cold
``i18n status`` aligns on the docs benchmark repo (``bench/out/status-docs``; write it
with ``python -m bench.status --profile docs --runs 1``). They are recorded once into
``bench/out/align-jobs.pickle`` by a cold status run in this process whose aligner
writes down what it is given (``--record`` to record them again).

Reports, in the same run on the same jobs, the median and the total time of one
alignment with ``counterparts`` as it is at ``REV`` (default ``main``: the module read
from git) and as it is in the working tree, the two taken in turn job by job, and
checks that both give the same booleans on every job.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT / "bench" / "out" / "status-docs"
JOBS = ROOT / "bench" / "out" / "align-jobs.pickle"

Shape = tuple[int, frozenset[str]]
Job = tuple[tuple[Shape, ...], tuple[Shape, ...]]
Counterparts = Callable[[Sequence[Shape], Sequence[Shape]], tuple[bool, ...]]

_RECORD_TO = ""  # set before the status run; inherited by its forked workers


def _recording(old: Sequence[Shape], translation: Sequence[Shape]) -> tuple[bool, ...]:
    """The status's aligner, writing down each job (one file per process)."""
    from sastra.review.align import counterparts

    with open(os.path.join(_RECORD_TO, f"{os.getpid()}.pickle"), "ab") as out:
        pickle.dump((tuple(old), tuple(translation)), out)
    return counterparts(old, translation)


def record() -> list[Job]:
    """Run a cold ``i18n status`` on the docs repo with :func:`_recording` as its aligner."""
    global _RECORD_TO
    import sastra.workspace
    from sastra.cli import cli

    if not REPO.exists():
        sys.exit(f"{REPO} is missing: run python -m bench.status --profile docs --runs 1")
    jobs: list[Job] = []
    with tempfile.TemporaryDirectory() as folder:
        _RECORD_TO = folder
        shutil.rmtree(REPO / ".sastra-cache", ignore_errors=True)
        saved, cwd = sastra.workspace._counterparts, os.getcwd()
        sastra.workspace._counterparts = _recording
        os.chdir(REPO)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                cli.main(["status", "--format", "json"], prog_name="i18n", standalone_mode=False)
        finally:
            os.chdir(cwd)
            sastra.workspace._counterparts = saved
        for path in sorted(Path(folder).iterdir()):
            with path.open("rb") as file:
                while True:
                    try:
                        jobs.append(pickle.load(file))
                    except EOFError:
                        break
    jobs.sort(key=repr)  # the workers' order varies from run to run
    JOBS.write_bytes(pickle.dumps(jobs))
    return jobs


def module_at(rev: str) -> ModuleType:
    """``sastra.review.align`` as it is at git revision ``rev``."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:src/sastra/review/align.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    folder = Path(tempfile.mkdtemp())
    path = folder / "align_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("align_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["align_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    shutil.rmtree(folder)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git revision to compare with")
    parser.add_argument("--sample", type=int, default=0, help="this many jobs (0: all)")
    parser.add_argument("--runs", type=int, default=1, help="times each job is aligned")
    parser.add_argument("--record", action="store_true", help="record the jobs again")
    args = parser.parse_args()

    from sastra.review import align as after

    jobs: list[Job] = pickle.loads(JOBS.read_bytes()) if JOBS.exists() else []
    if args.record or not jobs:
        jobs = record()
    if args.sample:
        jobs = random.Random(15).sample(jobs, min(args.sample, len(jobs)))
    before = module_at(args.before)
    sizes = sorted(len(old) for old, _ in jobs)
    print(
        f"{len(jobs)} alignments (old source paragraphs: median {statistics.median(sizes):.0f}, "
        f"max {sizes[-1]}), {args.runs} run(s) each"
    )
    times: dict[str, list[float]] = {args.before: [], "working tree": []}
    pairs: list[tuple[str, Counterparts]] = [
        (args.before, before.counterparts),
        ("working tree", after.counterparts),
    ]
    for old, translation in jobs:
        found = []
        for name, counterparts in pairs:
            best = float("inf")
            for _ in range(args.runs):
                start = time.perf_counter()
                result = counterparts(old, translation)
                best = min(best, time.perf_counter() - start)
            times[name].append(best)
            found.append(result)
        if found[0] != found[1]:
            sys.exit(f"the two differ on a job of {len(old)} and {len(translation)} paragraphs")
    for name, spent in times.items():
        print(
            f"{name:>14}: median {statistics.median(spent) * 1e3:6.2f} ms, "
            f"p90 {statistics.quantiles(spent, n=10)[-1] * 1e3:6.2f} ms, "
            f"total {sum(spent):6.2f} s"
        )
    ratio = sum(times[args.before]) / sum(times["working tree"])
    print(f"same booleans on every job; total {ratio:.1f}x faster")


if __name__ == "__main__":
    main()
