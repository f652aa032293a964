"""Lunar (Chhankitek) conversion throughput: dates per second, cold and warm cache.

    .venv/bin/python -m bench.khmer_lunar

Cold: every per-year cache is emptied before each run. Warm: the same dates again with
the caches filled. Each figure is the median of 5 runs. Workloads: one Gregorian year
(what ``i18n date --from … --to …`` asks for) and every day of 1900–2100.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable

from sastra.khmer.lunar import clear_caches, format_lunar, lunar_date

RUNS = 5


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [dt.date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def _median_seconds(work: Callable[[], object], cold: bool) -> float:
    times = []
    for _ in range(RUNS):
        if cold:
            clear_caches()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print dates/s for each workload, cold and warm."""
    workloads = {
        "one year (2026), lunar_date": (_days(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), False),
        "one year (2026), format_lunar": (
            _days(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
            True,
        ),
        "1900-2100, lunar_date": (_days(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), False),
    }
    print(f"lunar calendar, median of {RUNS} runs")
    for name, (days, formatted) in workloads.items():
        convert = format_lunar if formatted else lunar_date

        def work(
            days: list[dt.date] = days, convert: Callable[[dt.date], object] = convert
        ) -> None:
            for day in days:
                convert(day)

        cold = _median_seconds(work, cold=True)
        work()  # fill the caches
        warm = _median_seconds(work, cold=False)
        print(
            f"  {name:32} {len(days):6} dates  cold {len(days) / cold:10,.0f} dates/s"
            f" ({cold * 1000:7.1f} ms)  warm {len(days) / warm:10,.0f} dates/s"
            f" ({warm * 1000:7.1f} ms)"
        )


if __name__ == "__main__":
    main()
