"""Offsets of a text to lines and columns, for the readers and scanners that find things by
offset (a regular expression, a hand-written parser) and must report them by line."""

from __future__ import annotations

import re
from bisect import bisect_right

_NEWLINE = re.compile("\n")


class Lines:
    """`text` (newlines normalised) with the offset where each of its lines starts."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`."""
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1
