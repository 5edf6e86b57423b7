"""Documents and glossaries by URL, through fsspec: object stores (`s3://`, `gs://`, `az://`),
web servers (`http(s)://`), `file://` and fsspec's `memory://`.

A URL names a file or a prefix ("directory"): a prefix is listed recursively, keeping the
suffixes termcheck reads, sorted, as a local directory is walked. Reading a URL gives the
same one-line ReadError as a local file when it fails. fsspec is imported only when a URL
is given; `s3://` and the like need the filesystem's package too (s3fs, gcsfs, adlfs), as
fsspec says when it is missing.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.documents.model import ReadError

# scheme://...; one letter before ":" is a Windows drive, not a scheme
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(path: str) -> bool:
    return _URL.match(path) is not None


def _filesystem(url: str):  # noqa: ANN202
    import fsspec

    return fsspec.core.url_to_fs(url)


def exists(url: str) -> bool:
    """Whether something (a file or a prefix) is at `url`; False when it cannot be told."""
    try:
        fs, path = _filesystem(url)
        return bool(fs.exists(path))
    except Exception:  # noqa: BLE001 - an unknown protocol, a network error: nothing there to read
        return False


def list_files(url: str, keep) -> Iterator[str]:  # noqa: ANN001
    """The files under the prefix `url` whose names `keep` accepts (sorted), or `url` itself
    when it names a file (kept or not: a file named explicitly is the caller's to judge)."""
    try:
        fs, path = _filesystem(url)
        if not fs.isdir(path):
            yield url
            return
        found = fs.find(path)
    except Exception:  # noqa: BLE001 - reported when it is read
        yield url
        return
    protocol = url.split("://", 1)[0]
    names = []
    for item in found:
        name = item.rsplit("/", 1)[-1]
        hidden = any(part.startswith(".") for part in item[len(path):].split("/") if part)
        if not hidden and keep(name):
            names.append(item if "://" in item else f"{protocol}://{item}")
    yield from sorted(names)


def read_url(url: str, max_size: int | None) -> bytes:
    """The bytes at `url` (at most `max_size` + 1: the caller tells a file that is too
    large); a ReadError naming it when they cannot be read."""
    try:
        fs, path = _filesystem(url)
        if fs.isdir(path):
            raise ReadError(url, "is a directory (a prefix), not a file")
        with fs.open(path, "rb") as fh:
            data = fh.read() if max_size is None else fh.read(max_size + 1)
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(url, "no such file or directory") from None
    except ImportError as exc:  # s3://, gs://... without their package
        raise ReadError(url, f"cannot read: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - network and storage errors of every kind
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise ReadError(url, f"cannot read: {reason}") from None
    return data
