"""The map step on a Dask distributed cluster (`--engine dask --scheduler ADDRESS`).

What moves: the glossary file's bytes go to every worker once (scattered, broadcast);
each worker parses and indexes it once and keeps it for all its tasks (keyed by the
glossary's SHA-256 and the options); each task is a batch of file *paths*, read by the
worker itself where it can (a shared file system; else the client sends their content);
what comes back is one small DocumentOutcome per file (findings, per-rendering
counts, first occurrences), reduced here exactly as a local run does. Install with
`pip install 'termcheck[dask]'`.
"""

from __future__ import annotations

import dataclasses
from typing import Iterator, Sequence

_WORKER_CHECKERS: dict[tuple, object] = {}  # per worker process: (sha256, options) -> DocumentChecker
#: files per task: a task costs ~2 ms of scheduler CPU, ~4 ms on the worker and, submitted
#: and awaited one by one, ~1.4 ms on the client, more than checking a small file does
BATCH = 64
#: bytes per task at most when the client sends the files' content
BATCH_BYTES = 8 << 20
#: tasks in flight at once: the client holds at most BATCH * IN_FLIGHT outcomes
IN_FLIGHT = 16


def _checker_on_worker(glossary_bytes: bytes, glossary_path: str, sha256: str, options):  # noqa: ANN001, ANN202
    from checker.glossary import parse_glossary
    from checker.matching.matcher import Matcher
    from checker.pipeline.map_step import DocumentChecker

    key = (sha256, repr(options))  # options hold a dict: not hashable, but their repr is exact
    checker = _WORKER_CHECKERS.get(key)
    if checker is None:
        glossary = parse_glossary(glossary_bytes.decode("utf-8-sig"), glossary_path, sha256=sha256)
        checker = _WORKER_CHECKERS[key] = DocumentChecker(Matcher(glossary, stem=options.stem), options)
    return checker


def _check_on_worker(path: str, where: str, glossary_bytes: bytes, glossary_path: str, sha256: str, options) -> object:
    """The outcome of the file the client calls `path`, read on the worker from `where` (the
    client's absolute path: a worker's working directory is its own)."""
    from checker.checks import READ_ERROR
    from checker.documents.encoding import read_bytes
    from checker.documents.model import ReadError
    from checker.pipeline.map_step import DocumentOutcome

    checker = _checker_on_worker(glossary_bytes, glossary_path, sha256, options)
    try:
        data = read_bytes(where, options.max_file_size)
    except ReadError as error:
        return DocumentOutcome(path, None, (READ_ERROR.finding(path, error.line, error.column, error.message),))
    return checker(path, data)


def _check_batch_on_worker(paths: list[str], wheres: list[str], glossary_bytes: bytes, glossary_path: str,
                           sha256: str, options) -> list:
    """The outcomes of a batch of files read on the worker (see _check_on_worker)."""
    return [_check_on_worker(path, where, glossary_bytes, glossary_path, sha256, options)
            for path, where in zip(paths, wheres)]


def _check_sent_batch_on_worker(paths: list[str], contents: list[bytes], glossary_bytes: bytes, glossary_path: str,
                                sha256: str, options) -> list:
    """The outcomes of a batch of files whose content the client sent."""
    checker = _checker_on_worker(glossary_bytes, glossary_path, sha256, options)
    return [checker(path, data) for path, data in zip(paths, contents)]


def readable(where: str) -> bool:
    """Whether this process can read the regular file or URL `where` (run on a worker as the probe)."""
    import os

    from checker.documents.remote import exists, is_url

    if is_url(where):
        return exists(where)
    return os.path.isfile(where) and os.access(where, os.R_OK)


def _where(path: str) -> str:
    """What a worker reads for the client's `path`: a URL as it is, a local path made absolute."""
    import os

    from checker.documents.remote import is_url

    return path if is_url(path) else os.path.abspath(path)


SEND = ("auto", "always", "never")


def map_dask(files: Sequence[str], matcher, options, scheduler, send: str = "auto") -> Iterator:
    """DocumentOutcomes of `files`, in order, computed on the cluster at `scheduler`
    (an address such as tcp://10.0.0.5:8786, or a distributed Client or LocalCluster).

    Paths are resolved here: a worker reads the absolute path, and the outcome names the
    file as it was given. Where the workers cannot read it (one probe task on the first
    file tells; `send="auto"`), or always with `send="always"`, this process reads each
    file and sends its bytes with the task; `send="never"` stops with a RuntimeError
    instead of a report full of read-errors. Files go out in batches of BATCH (one
    `client.map` each), at most IN_FLIGHT batches at once; each batch is gathered in the
    files' order and its outcomes handed on (to the reduce) one by one, so the client
    holds a bounded number of outcomes whatever the number of files. A task whose worker
    dies is run again elsewhere by the scheduler.
    """
    import gc
    from collections import deque

    from checker.documents.encoding import read_bytes

    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("--engine dask needs Dask: pip install 'termcheck[dask]'") from exc
    if send not in SEND:
        raise ValueError(f"send must be one of {SEND}")
    glossary = matcher.glossary
    data = read_bytes(glossary.path, None)  # a file or a URL
    # The include/exclude filter was applied here already; a bound method need not travel.
    options = dataclasses.replace(options, select=None)
    # The CLI turns the cyclic collector off (a local run makes no cyclic garbage), but
    # distributed's futures and coroutines leave reference cycles behind: ~1.4 KB per file
    # never freed at 100,000 files (benchmarks/README.md, "Dask at scale").
    collecting = gc.isenabled()
    gc.enable()
    own = not isinstance(scheduler, Client)
    client = Client(scheduler) if own else scheduler
    try:
        ship = send == "always"
        if files and send != "always":
            probe = _where(files[0])
            if not client.submit(readable, probe, pure=False).result():
                if send == "never":
                    raise RuntimeError(
                        f"the Dask workers cannot read {probe}: they need the files at the same paths "
                        "(a shared file system), or --send-files auto|always to send the files' content"
                    )
                ship = True
        shared = client.scatter(data, broadcast=True)
        common = dict(glossary_bytes=shared, glossary_path=glossary.path, sha256=glossary.sha256, options=options)
        tasks: deque = deque()
        for batch in _batches(files, ship, options):
            tasks.append(_submit(client, batch, ship, common))
            if len(tasks) >= IN_FLIGHT:
                yield from _outcomes(tasks.popleft())
        while tasks:
            yield from _outcomes(tasks.popleft())
    finally:
        if own:
            client.close()
        if not collecting:
            gc.disable()


def _batches(files: Sequence[str], ship: bool, options) -> Iterator[list]:  # noqa: ANN001
    """The files in batches of at most BATCH; when shipping, each item is (path, content or
    the outcome of a file unreadable here) and a batch holds at most BATCH_BYTES."""
    from checker.checks import READ_ERROR
    from checker.documents.encoding import read_bytes
    from checker.documents.model import ReadError
    from checker.pipeline.map_step import DocumentOutcome

    if not ship:
        for start in range(0, len(files), BATCH):
            yield list(files[start:start + BATCH])
        return
    batch: list = []
    size = 0
    for path in files:
        try:
            content = read_bytes(path, options.max_file_size)
            item, size_of = (path, content), len(content)
        except ReadError as error:  # unreadable here: reported as a local run reports it
            item, size_of = (path, DocumentOutcome(path, None, (READ_ERROR.from_error(error),))), 0
        if batch and (len(batch) >= BATCH or size + size_of > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += size_of
    if batch:
        yield batch


def _submit(client, batch: list, ship: bool, common: dict) -> list:  # noqa: ANN001
    """Submit one batch as one task: [(future, None)] or, when shipping, a list with the
    task's future first and the outcomes of files unreadable here at their places."""
    if not ship:
        return [client.submit(_check_batch_on_worker, batch, [_where(p) for p in batch], pure=False, **common)]
    sent = [(path, data) for path, data in batch if isinstance(data, bytes)]
    future = client.submit(_check_sent_batch_on_worker, [p for p, _ in sent], [d for _, d in sent], pure=False,
                           **common) if sent else None
    return [future, [None if isinstance(data, bytes) else data for _, data in batch]]


def _outcomes(task: list) -> Iterator:
    """The outcomes of one submitted batch, in the files' order; its future is released."""
    future = task[0]
    results = future.result() if future is not None else []
    if future is not None:
        future.release()
    if len(task) == 1:
        yield from results
        return
    sent = iter(results)
    for local in task[1]:
        yield next(sent) if local is None else local
