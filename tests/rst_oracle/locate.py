"""Finding docutils' text again in the reStructuredText source (the oracle reader's positions).

docutils' nodes carry a line number (on paragraphs, captions, attributions and the like: the
block's first line; elsewhere none, or an ancestor's that may be far off) and no column;
their text has the markup taken out, escapes marked with NUL (`\\*` is NUL + `*`) and each
block's indentation removed. So a block with a line of its own is found on that line (or
up to three lines around it); any other is the first occurrence after the end of the block
found before it (blocks docutils leaves out, literal blocks and comments, are found too, so
that nothing is found inside them). On a line, an occurrence already taken by another block
is passed over, and one that ends the line is preferred (a list item's text after its
enumerator, `C. C`). The pieces of a block are then found in order from where it starts,
each within a short reach: a piece that cannot be found is left out of the segment (one
U+FFFC instead), never given a position that is not its own.
"""

from __future__ import annotations

from bisect import bisect_right

from checker.documents.lines import Lines

#: how far (in characters) the next piece of a block may lie from the end of the previous one
REACH = 400


class Source(Lines):
    """The source text, its line offsets, which parts of each line blocks have taken (table
    cells share lines), and the end of the last block found."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.taken: dict[int, list[tuple[int, int]]] = {}  # line index -> (start, end) offsets
        self.cursor = 0

    def line_span(self, index: int) -> tuple[int, int]:
        """Offsets of the start and end (before the newline) of line `index` (0-based)."""
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def _free(self, index: int, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.taken.get(index, ()))

    def find_on_line(
        self, first: str, index: int, after: int = 0, prefer_end: bool = True, free: bool = True
    ) -> int | None:
        """Where `first` is on line `index` (at or after offset `after`): the occurrence that
        ends the line if there is one (unless the block is a table cell's), else the first;
        never one already taken."""
        start, end = self.line_span(index)
        line_end = start + len(self.text[start:end].rstrip())
        best = None
        pos = max(start, after)
        while True:
            found = self.text.find(first, pos, end)
            if found < 0:
                return best
            if not free or self._free(index, found, found + len(first)):
                if prefer_end and found + len(first) == line_end:
                    return found
                if not prefer_end:
                    return found
                if best is None:
                    best = found
            pos = found + 1

    def find_block(self, first: str, line: int | None, prefer_end: bool = True, free: bool = True) -> int | None:
        """Offset where a block whose raw source starts with `first` starts: on docutils'
        `line` or up to three lines around it, else after the previous block. (A block left
        out, `free` false, may hold text a block was found in: a title docutils reports.)"""
        first = first.strip()
        if not first:
            return None
        if line is not None:
            for delta in (0, -1, 1, -2, 2, -3, 3):
                index = line - 1 + delta
                if 0 <= index < len(self.starts):
                    found = self.find_on_line(first, index, prefer_end=prefer_end, free=free)
                    if found is not None:
                        return found
        return self.find_next(first, prefer_end=prefer_end)

    def find_next(self, first: str, reach: int | None = None, prefer_end: bool = True) -> int | None:
        """The first free occurrence of `first` after the cursor (within `reach` characters, if
        given), or the one ending that line."""
        pos = self.cursor
        limit = len(self.text) if reach is None else min(len(self.text), self.cursor + reach + len(first))
        while True:
            found = self.text.find(first, pos, limit)
            if found < 0:
                return None
            index = bisect_right(self.starts, found) - 1
            on_line = self.find_on_line(first, index, found, prefer_end)
            if on_line is not None:
                return on_line
            pos = found + 1

    def find(self, piece: str, offset: int) -> int | None:
        """Offset of `piece` at or after `offset`, within REACH."""
        found = self.text.find(piece, offset, offset + REACH + len(piece))
        return found if found >= 0 else None

    def use(self, start: int, end: int) -> None:
        """Record that a piece took the source from `start` to `end` (on one line)."""
        index = bisect_right(self.starts, start) - 1
        self.taken.setdefault(index, []).append((start, end))
        if end > self.cursor:
            self.cursor = end

    def skip_to(self, end: int) -> None:
        """A block docutils leaves out ends at `end`: nothing after it is searched before it."""
        if end > self.cursor:
            self.cursor = end
