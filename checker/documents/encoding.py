"""Reading files as bytes and turning bytes into text, with errors a user can act on."""

from __future__ import annotations

import codecs
import errno
import os

from checker.documents.model import ReadError

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bytes(path: str) -> bytes:
    """The contents of `path`; every OS failure becomes a one-line ReadError."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
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


def decode_as(data: bytes, encoding: str, path: str) -> str:
    """`data` decoded with a known `encoding`; ReadError at the first bad byte."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        line, column = byte_position(data, e.start)
        raise ReadError(path, f"not valid {encoding} at byte {e.start}", line, column) from None
    except LookupError:
        raise ReadError(path, f"unknown encoding {encoding!r}") from None


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """Line and column (1-based, counted in bytes) of byte `index` of `data`."""
    line = data.count(b"\n", 0, index) + 1
    return line, index - (data.rfind(b"\n", 0, index) + 1) + 1


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n, so lines count as editors count them."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
