"""``pmap``: a map over all cores, for the cold runs that parse thousands of files.

Small batches run in-process (a pool costs more than it saves below a few hundred
items). On Linux the pool forks, so workers inherit loaded modules for free.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

THRESHOLD = 400
"""Fewer items than this are mapped in-process."""


def pmap(
    func: Callable[[T], R], items: Sequence[T], jobs: int | None = None, threshold: int = THRESHOLD
) -> list[R]:
    """``[func(x) for x in items]``, on ``jobs`` processes (default: every core) when large."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 2 or len(items) < threshold:
        return [func(item) for item in items]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(func, items, chunksize=max(1, len(items) // (workers * 4))))
