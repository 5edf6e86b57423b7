"""Finding docutils' text again in the reStructuredText source, to give it exact positions.

docutils' nodes carry a line number (not always the first line's, and none for inline
text) and no column; their text has the markup taken out, escapes marked with NUL
(`\\*` is NUL + `*`) and each block's indentation removed. So each block is first found
by its raw source's first line near the line docutils gives (else after the block before
it), then its pieces of text are found in order from there, each within a short reach:
a piece that cannot be found is left out of the segment (one U+FFFC instead), never given
a position that is not its own.
"""

from __future__ import annotations

from bisect import bisect_right

from checker.documents.lines import Lines

#: how far (in characters) the next piece of a block may lie from the end of the previous one
REACH = 400


class Source(Lines):
    """The source text, its line offsets, and how far each line has been consumed (table
    cells share lines: the next cell on a line starts after the previous one)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.consumed: dict[int, int] = {}  # line index -> offset up to which it was used
        self.cursor = 0  # end of the last block found

    def line_span(self, index: int) -> tuple[int, int]:
        """Offsets of the start and end (before the newline) of line `index` (0-based)."""
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def find_block(self, first: str, line: int | None) -> int | None:
        """Offset where a block whose raw source starts with `first` starts: on docutils'
        `line` or one to three lines around it, else after the previous block."""
        first = first.strip()
        if not first:
            return None
        if line is not None:
            for delta in (0, -1, 1, -2, 2, -3, 3):
                index = line - 1 + delta
                if 0 <= index < len(self.starts):
                    start, end = self.line_span(index)
                    found = self.text.find(first, max(start, self.consumed.get(index, start)), end)
                    if found >= 0:
                        return found
        found = self.text.find(first, self.cursor, self.cursor + REACH * 4 + len(first))
        return found if found >= 0 else None

    def find(self, piece: str, offset: int) -> int | None:
        """Offset of `piece` at or after `offset`, within REACH."""
        found = self.text.find(piece, offset, offset + REACH + len(piece))
        return found if found >= 0 else None

    def use(self, start: int, end: int) -> None:
        """Record that a piece of one line took the source from `start` to `end`."""
        index = bisect_right(self.starts, start) - 1
        if end > self.consumed.get(index, 0):
            self.consumed[index] = end
        if end > self.cursor:
            self.cursor = end
