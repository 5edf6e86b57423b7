"""What goes wrong with a glossary, and how a message shows text from the file.

Every error of the glossary package is a GlossaryError carrying Problems (path, line,
column, message), so the CLI reports each as one `file:line:col: error: ...` line; the
editor's GlossaryEditError is a ValueError with a message alone. Text from the file is
echoed in messages shortened to SHOWN_CHARS characters, control characters escaped, so
every problem stays one short line.
"""

from __future__ import annotations

from dataclasses import dataclass

#: how much of a value from the file a message echoes
SHOWN_CHARS = 80
#: the longest message one problem prints (several echoed values and the text around them)
_MAX_MESSAGE = 400


@dataclass(frozen=True)
class Problem:
    """One reason a glossary file cannot be used, at its place."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def shown(text: object, limit: int = SHOWN_CHARS) -> str:
    """`text` as a message echoes it: control characters escaped, at most `limit`
    characters (then cut, with an ellipsis)."""
    value = str(text)
    if not value.isprintable():
        value = "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in value)
    if len(value) > limit:
        value = value[: limit - 1] + "\u2026"
    return value


def _escape(ch: str) -> str:
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch) or (
        f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
    )


def shortened(message: str) -> str:
    """`message` cut to the longest one problem prints."""
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "\u2026"


class GlossaryError(Exception):
    """The glossary cannot be used; `problems` lists every reason, each with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class GlossaryIOError(GlossaryError):
    """A file in an exchange format (TBX, CSV) that cannot be imported, with the line to look at.

    A GlossaryError, so the CLI reports it like any glossary problem (`file:line:col: error: ...`).
    """

    def __init__(self, path: str, line: int, message: str, column: int = 1) -> None:
        super().__init__([Problem(path, line, column, message)])
        self.path, self.line, self.column, self.message = path, line, column, message


class GlossaryEditError(ValueError):
    """An addition that cannot be made: unknown term, rendering already listed with another status, ..."""
