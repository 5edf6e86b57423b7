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
    """DocumentOutcomes of `files`, in order, computed by `jobs` forked processes."""
    global _checker
    from checker.pipeline import DocumentChecker

    import multiprocessing

    _checker = DocumentChecker(matcher, options)
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        yield from map(_checker, files)
        return
    with context.Pool(min(jobs, len(files))) as pool:
        # Big files first would balance better, but order must be kept: imap keeps it, and a
        # chunk of one file keeps a slow file from holding back a whole batch.
        yield from pool.imap(_check, files, chunksize=1)
