"""Reading files as bytes and turning bytes into text, with errors a user can act on."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat

from checker.documents.model import ReadError

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


#: Files above this size are refused with a read-error (`--max-file-size`, `max-file-size`).
DEFAULT_MAX_FILE_SIZE = 50_000_000

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_bytes(path: str, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The contents of `path`; every OS failure becomes a one-line ReadError.

    Only regular files are read (a symbolic link is followed to one): a FIFO would block
    forever and a device such as /dev/zero never ends, so anything else is refused, and so
    is a file larger than `max_size` bytes (None: no limit), without reading it. A URL
    (`s3://...`, `https://...`) is read through fsspec (checker/documents/remote.py).
    """
    if "://" in path:
        from checker.documents.remote import is_url, read_url

        if is_url(path):
            data = read_url(path, max_size)
            if max_size is not None and len(data) > max_size:
                raise ReadError(path, _too_large(max_size))
            return data
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, _directory_message(path))
        _check_regular(path, info, max_size)
        # O_NONBLOCK: should the path have become a FIFO since stat(), open() must not wait
        # for a writer; it changes nothing for a regular file.
        with open(path, "rb", opener=_open_nonblocking) as f:
            _check_regular(path, os.fstat(f.fileno()), max_size)
            data = f.read() if max_size is None else f.read(max_size + 1)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(path, "broken symbolic link: its target does not exist") from None
        raise ReadError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise ReadError(path, _directory_message(path)) from None
    except PermissionError:
        if os.path.isdir(path):  # Windows reports directories as permission errors
            raise ReadError(path, _directory_message(path)) from None
        raise ReadError(path, "permission denied") from None
    except OSError as e:
        reason = e.strerror or os.strerror(e.errno or errno.EIO)
        raise ReadError(path, f"cannot read file: {reason.lower()}") from None
    except ValueError:  # a NUL in the name
        raise ReadError(path, "invalid file name") from None
    if max_size is not None and len(data) > max_size:  # it grew, or stat() told less (/proc)
        raise ReadError(path, _too_large(max_size)) from None
    return data


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _check_regular(path: str, info: os.stat_result, max_size: int | None) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "a special file")
        link = "a symbolic link to " if os.path.islink(path) else ""
        raise ReadError(path, f"{link}{kind}, not a regular file; skipped")
    if max_size is not None and info.st_size > max_size:
        raise ReadError(path, _too_large(max_size, info.st_size))


def _too_large(max_size: int, size: int | None = None) -> str:
    what = f"{size:,} bytes" if size is not None else "the file"
    return f"{what} is more than the limit of {max_size:,} bytes (--max-file-size); not read"


def _directory_message(path: str) -> str:
    # A directory only reaches a reader when it could not be listed (see iter_paths)
    # or was passed to read_document directly; say which.
    try:
        os.scandir(path).close()
    except PermissionError:
        return "cannot list directory: permission denied"
    except OSError:
        pass
    return "is a directory, not a file"


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text of `data` (BOM removed, line endings untouched) and the encoding used.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are certain; anything else
    that is not valid UTF-8 is handed to charset_normalizer. Raises ReadError
    naming the first undecodable byte when no encoding fits.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return decode_as(data[len(bom) :], name, path), name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad, problem = e.start, f"not valid UTF-8 at byte {e.start}"
    else:
        if "\0" not in text:
            return text, "utf-8"
        # NULs are valid UTF-8 but a sign of UTF-16/32 without a BOM (or of binary).
        first_bad = data.index(b"\0")
        problem = f"NUL byte at byte {first_bad}"
    # Imported here: charset_normalizer is slow to import and rarely needed.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        try:
            return str(best), best.encoding
        except (UnicodeError, LookupError):  # a guess that cannot decode after all
            pass
    line, column = byte_position(data, first_bad)
    raise ReadError(
        path,
        f"{problem}; encoding could not be detected",
        line,
        column,
    )


def decode_as(data: bytes, encoding: str, path: str, declared_at: tuple[int, int] = (1, 1)) -> str:
    """`data` decoded with a named `encoding`; ReadError at the first bad byte.

    Any codec name may come from a file (a PO charset, an XML declaration): one that is
    unknown, no text encoding (`rot13`, `hex`), or fails without saying where
    (`undefined`, `punycode`, `idna`) is a ReadError at `declared_at`, the place the file
    names it, never an exception of another kind.
    """
    try:
        codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise ReadError(path, f"unknown encoding {_shown(encoding)}", *declared_at) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        if 0 <= e.start <= len(data) and e.object == data:
            line, column = byte_position(data, e.start)
            raise ReadError(path, f"not valid {encoding} at byte {e.start}", line, column) from None
        raise ReadError(path, f"cannot decode as {encoding}: {_reason(e)}", *declared_at) from None
    except LookupError:  # a codec that is not for text: rot13, hex, zlib, base64...
        raise ReadError(path, f"{_shown(encoding)} is not a text encoding", *declared_at) from None
    except Exception as e:  # noqa: BLE001 - codecs raise UnicodeError, ValueError, TypeError...
        raise ReadError(path, f"cannot decode as {encoding}: {_reason(e)}", *declared_at) from None
    if codecs.lookup(encoding).name not in _STRICT_UNICODE:
        # unicode_escape, utf-7 and the like can spell lone surrogates, which are no
        # characters: no report, cache or JSON could hold them.
        bad = _SURROGATE.search(text)
        if bad:
            raise ReadError(path, f"decoding as {encoding} gives U+{ord(bad.group()):04X}, a lone surrogate", *declared_at)
    return text


_STRICT_UNICODE = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(encoding: str) -> str:
    return repr(encoding[:60] + ("\u2026" if len(encoding) > 60 else ""))


def _reason(error: BaseException) -> str:
    # Python wraps a codec's own error: "decoding with 'x' codec failed (UnicodeError: ...)".
    if isinstance(error.__cause__, Exception) and str(error.__cause__):
        error = error.__cause__
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return reason[:200]


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """Line and column (1-based, counted in bytes) of byte `index` of `data`."""
    line = data.count(b"\n", 0, index) + 1
    return line, index - (data.rfind(b"\n", 0, index) + 1) + 1


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n, so lines count as editors count them."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
