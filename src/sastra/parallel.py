"""A map over all cores, for the cold runs that parse thousands of files.

Small batches run in-process (a pool costs more than it saves below a few hundred
items). On Linux the pool forks, so workers inherit loaded modules for free, and
:class:`SharedPool` hands its workers one read-only object (the loaded site, say)
the same way instead of pickling it into every task.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from types import TracebackType
from typing import Generic, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

THRESHOLD = 400
"""Fewer items than this (in units of the cheapest job, see :meth:`SharedPool.map`'s
``weight``) are mapped in-process: below it, forking and sending results back cost more
than the second core saves."""

_SHARED: object = None
"""What the workers of the current :class:`SharedPool` see (inherited through fork)."""

_BACKGROUND: list[int] = []
"""Children started by :func:`in_background` and not yet waited for."""
log = logging.getLogger(__name__)


def collect_rarely() -> None:
    """The garbage-collection policy of a command run (the one place, with
    :class:`SharedPool`'s ``gc.freeze``, that tunes the collector).

    A run builds a large heap of long-lived, acyclic values (articles, frontmatter,
    fingerprints) that the default thresholds (700, 10, 10) scan over and over, a
    visible share of a cold status (bench.status). Fewer, larger young collections cost
    the same memory here (no cycles to free) and none of that time."""
    gc.set_threshold(10_000, 10, 10)


def cores() -> int:
    """How many processes a pool uses by default."""
    return os.cpu_count() or 1


class SharedPool(Generic[S]):
    """``with SharedPool(site) as pool: pool.map(func, items)`` calls ``func(site, item)``
    on forked workers that inherited ``site``; results come back in order, as they are
    ready. Without ``fork`` (or with one core) everything runs in-process."""

    def __init__(self, shared: S, jobs: int | None = None) -> None:
        self.shared = shared
        self.jobs = jobs if jobs is not None else cores()
        self._pool: Executor | None = None

    def __enter__(self) -> SharedPool[S]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        global _SHARED
        if self._pool is not None:  # (only a pool that forked set ``_SHARED``)
            self._pool.shutdown(cancel_futures=error is not None)
            self._pool = None
            gc.unfreeze()
            _SHARED = None

    def map(
        self,
        func: Callable[[S, T], R],
        items: Sequence[T],
        threshold: int | None = None,
        *,
        weight: int = 1,
    ) -> Iterator[R]:
        """``func(shared, item)`` for every item; submitted at once, yielded in order.

        In a pool when ``len(items) * weight`` reaches ``threshold`` (default
        :data:`THRESHOLD`): ``weight`` is what one item costs next to the cheapest job (a
        YAML frontmatter parse is 1; a rendered page, 2). Closing the returned iterator
        early (an error in the caller) leaves the pool to :meth:`__exit__`, which cancels
        what has not started and waits for what has."""
        limit = THRESHOLD if threshold is None else threshold
        pool = self._executor() if len(items) * weight >= limit else None
        if pool is None:
            return (func(self.shared, item) for item in items)
        size = max(1, len(items) // (self.jobs * 8))  # small: results start flowing soon
        chunks = [(func, items[i : i + size]) for i in range(0, len(items), size)]
        done = pool.map(_run_chunk, chunks)  # submits every chunk now
        return (result for chunk in done for result in chunk)

    def _executor(self) -> Executor | None:
        global _SHARED
        if self._pool is None:
            if self.jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
                return None
            if _SHARED is not None and _SHARED is not self.shared:
                raise RuntimeError("one SharedPool at a time")
            _SHARED = self.shared  # set before the workers fork
            # Out of the collector's sight while the workers live: a collection in a
            # worker would otherwise write to every inherited object and copy each page.
            gc.freeze()
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=die_with_parent
            )
        return self._pool


def die_with_parent() -> None:
    """Make this worker process end when the process that started it dies (a build
    killed with SIGKILL or SIGTERM left its workers waiting forever on a futex). Linux:
    ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; elsewhere a no-op. A pool's initializer."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    parent = multiprocessing.parent_process()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError) as exc:  # no prctl here: workers end with the pool
        log.debug("cannot tie workers to their parent: %s", exc)
        return
    if parent is not None and os.getppid() != parent.pid:  # it died before prctl took hold
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _run_chunk(task: tuple[Callable[[S, T], R], Sequence[T]]) -> list[R]:
    func, items = task
    shared = cast(S, _SHARED)  # what the pool that forked this worker was given
    return [func(shared, item) for item in items]


def in_background(task: Callable[[], None]) -> None:
    """Run ``task`` (writing a cache, say) in a forked child while this process goes on
    (printing the result, say); :func:`wait_background` waits for it. Without ``fork``,
    or with other threads running (a fork would copy them half-way), it runs here."""
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if not forkable or threading.active_count() > 1 or _SHARED is not None:
        task()
        return
    sys.stdout.flush()  # nothing buffered may be written twice
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: do the task, leave without running any exit handler
        code = 0
        try:
            task()
        except BaseException as exc:  # reported; the child ends either way
            log.warning("background task failed: %s", exc)
            code = 1
        finally:
            sys.stderr.flush()
            os._exit(code)
    _BACKGROUND.append(pid)


def wait_background() -> None:
    """Wait for every :func:`in_background` child."""
    while _BACKGROUND:
        os.waitpid(_BACKGROUND.pop(), 0)
