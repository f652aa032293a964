"""``python -m bench``: list the benchmarks; ``python -m bench all`` runs every one.

Each benchmark is also a module of its own (``python -m bench.status --help``).
They print medians and ratios against a baseline measured in the same run; none
asserts a timing.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = {
    "status": "i18n status on 10,000 pairs and 3,000 commits: cold, warm, one edit",
    "build": "i18n build of 1,000 pairs, cold and unchanged, against Pelican",
    "review_all": "i18n review --all over 1,000 pairs, cold and warm",
    "review_precision": "i18n review precision and recall per check, corpus and held-out set",
    "names_discover": "i18n names discover over 1,000 pairs",
    "khmer_lunar": "lunar (Chhankitek) dates per second",
    "khmer_segment": "Khmer word segmentation throughput: cold, warm, cached",
    "serve_soak": "i18n serve: <= 500 requests in <= 20 s with rebuilds; errors, latency",
}


def main(argv: list[str]) -> int:
    if argv[:1] != ["all"]:
        print("benchmarks (run one with: python -m bench.NAME, or all with: python -m bench all)")
        for name, what in BENCHMARKS.items():
            print(f"  {name:<15} {what}")
        return 0
    for name in BENCHMARKS:
        print(f"== bench.{name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        sys.argv = [f"bench.{name}"]
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
