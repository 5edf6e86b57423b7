"""The map step on a Dask distributed cluster (`--engine dask --scheduler ADDRESS`).

What moves: the glossary file's bytes go to every worker once (scattered, broadcast);
each worker parses and indexes it once and keeps it for all its tasks (keyed by the
glossary's SHA-256 and the options); each task is one file *path*, read by the worker
itself, so the files must be visible to the workers at the same paths (a shared file
system); what comes back is one small DocumentOutcome per file (findings, per-rendering
counts, first occurrences), reduced here exactly as a local run does. Install with
`pip install 'termcheck[dask]'`.
"""

from __future__ import annotations

import dataclasses
from typing import Iterator, Sequence

_WORKER_CHECKERS: dict[tuple, object] = {}  # per worker process: (sha256, options) -> DocumentChecker
#: files in flight at once: the client holds this many futures and outcomes, not one per file
WINDOW = 512


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


def _check_bytes_on_worker(path: str, data: bytes, glossary_bytes: bytes, glossary_path: str, sha256: str,
                           options) -> object:
    """The outcome of `data`, the content of the client's file `path` (sent with the task)."""
    return _checker_on_worker(glossary_bytes, glossary_path, sha256, options)(path, data)


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
    instead of a report full of read-errors. At most WINDOW files are in flight; outcomes
    come back in the files' order and are handed on (to the reduce) one by one, so the
    client's memory does not grow with the number of files. A task whose worker dies is
    run again elsewhere by the scheduler.
    """
    from collections import deque

    from checker.checks import READ_ERROR
    from checker.documents.encoding import read_bytes
    from checker.documents.model import ReadError
    from checker.pipeline.map_step import DocumentOutcome

    try:
        from distributed import Client, Future
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("--engine dask needs Dask: pip install 'termcheck[dask]'") from exc
    if send not in SEND:
        raise ValueError(f"send must be one of {SEND}")
    glossary = matcher.glossary
    data = read_bytes(glossary.path, None)  # a file or a URL
    # The include/exclude filter was applied here already; a bound method need not travel.
    options = dataclasses.replace(options, select=None)
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
        window: deque = deque()
        pending = iter(files)

        def submit(path: str) -> None:
            if not ship:
                window.append(client.submit(_check_on_worker, path, _where(path), pure=False, **common))
                return
            try:
                content = read_bytes(path, options.max_file_size)
            except ReadError as error:  # unreadable here: reported as a local run reports it
                window.append(DocumentOutcome(path, None, (READ_ERROR.from_error(error),)))
                return
            window.append(client.submit(_check_bytes_on_worker, path, content, pure=False, **common))

        for path in pending:
            submit(path)
            if len(window) >= WINDOW:
                break
        while window:
            item = window.popleft()
            if isinstance(item, Future):
                outcome = item.result()
                item.release()
            else:
                outcome = item
            for path in pending:  # one out, one in
                submit(path)
                break
            yield outcome
    finally:
        if own:
            client.close()
