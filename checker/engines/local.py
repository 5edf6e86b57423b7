"""The map step over several processes (`--jobs N`).

Workers are forked, so each starts with the parent's compiled glossary already in memory
(copy-on-write) instead of loading it again; files go out one at a time, in order, and
outcomes come back in that order, so the report is the same as with one process.
Where fork is not available (Windows, macOS' default), the map runs in this process.
"""

from __future__ import annotations

import os
from typing import Iterator, Sequence

_checker = None  # the DocumentChecker of a worker, set before the fork


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _check(path: str):
    return _checker(path)


def map_processes(files: Sequence[str], matcher, options, jobs: int) -> Iterator:
    """DocumentOutcomes of `files`, in order, computed by `jobs` forked processes.

    A worker that dies (killed, out of memory, a crash in a C library) never hangs the run:
    the files it may have been checking are checked again one by one in a fresh process,
    and one that kills its process again becomes a `read-error` finding.
    """
    global _checker
    from checker.pipeline.map_step import DocumentChecker

    _checker = DocumentChecker(matcher, options)
    if jobs < 2 or len(files) < 2:
        yield from map(_checker, files)  # nothing to share out (a hook's one file): no pool to start
        return
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        yield from map(_checker, files)  # no fork here (Windows, macOS' default): this process
        return
    pending = list(files)
    while pending:
        pending = yield from _run_pool(pending, min(jobs, len(pending)), context)
        if pending:
            # The pool broke: the first file not yet reported, and every file sent out with
            # it, are suspects; each is checked alone so the one that kills its process is
            # found and the others are reported as usual.
            suspects, pending = pending[: jobs * 2], pending[jobs * 2 :]
            for path in suspects:
                yield _isolated(path, context)


def _run_pool(files: list[str], workers: int, context):  # noqa: ANN001
    """Yield outcomes in order until the pool breaks; return the files not yet reported."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    window: deque = deque()  # (path, future), in the files' order
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        queue = iter(files)
        while True:
            for path in queue:  # keep a few in flight; results come back in order
                window.append((path, executor.submit(_check, path)))
                if len(window) >= workers * 2:
                    break
            if not window:
                return []
            try:
                outcome = window[0][1].result()
            except BrokenProcessPool:
                return [p for p, _ in window] + list(queue)
            window.popleft()
            yield outcome
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _isolated(path: str, context):  # noqa: ANN001
    """The outcome of one file checked in a process of its own, or a read-error if that
    process dies too."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(max_workers=1, mp_context=context)
    try:
        return executor.submit(_check, path).result()
    except BrokenProcessPool:
        from checker.checks import READ_ERROR
        from checker.pipeline.map_step import DocumentOutcome

        finding = READ_ERROR.finding(
            path, 1, 1, "the process checking this file died (killed, out of memory or crashed); it was not checked"
        )
        return DocumentOutcome(path, None, (finding,))
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
