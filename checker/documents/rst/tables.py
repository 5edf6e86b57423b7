"""Grid and simple tables: where each cell's text is, by docutils' own table parsing.

A port of docutils.parsers.rst.tableparser (GridTableParser, SimpleTableParser, and the
`get_2D_block` that cuts a cell out of its lines), working on the table's lines as docutils
sees them (East Asian wide characters followed by a NUL pad, so that columns line up) and
giving each cell's lines with the column where each starts in the unpadded line. A table
docutils rejects raises TableError: it is then no prose at all, as there.
"""

from __future__ import annotations

import re
import sys
import unicodedata

PAD = "\x00"


class TableError(Exception):
    """Malformed table markup (docutils' TableMarkupError)."""


def pad(line: str) -> str:
    """`line` with a NUL after each wide or full-width character (docutils' pad_double_width)."""
    if line.isascii():
        return line
    east_asian_width = unicodedata.east_asian_width
    return "".join(c + PAD if east_asian_width(c) in "WF" else c for c in line)


def unpad_index(padded: str, index: int) -> int:
    """The index in the unpadded line of `index` in `padded`."""
    return index - padded.count(PAD, 0, index) if PAD in padded else index


def _combining(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if unicodedata.combining(c)]


def cell_lines(lines: list[str], top: int, left: int, bottom: int, right: int) -> list[tuple[int, int, str]]:
    """Lines `top`..`bottom`-1, columns `left`..`right` of a table's padded `lines` as docutils
    cuts them (StringList.get_2D_block, common indentation removed, pads dropped): for each,
    (index in `lines`, index in the unpadded line where its text starts, text)."""
    cut = []
    indent = right
    for i in range(top, bottom):
        line = lines[i]
        if not line.isascii():
            combining = _combining(line)
            if combining:
                # (docutils moves `left` and `right` on for the lines below too)
                ci = [k for k in range(len(line)) if k not in set(combining)]
                try:
                    left = ci[left]
                except IndexError:
                    left += len(line) - len(ci)
                try:
                    right = ci[right]
                except IndexError:
                    right += len(line) - len(ci)
        text = line[left:right].rstrip()
        cut.append([i, left, text])
        if text:
            indent = min(indent, len(text) - len(text.lstrip()))
    out = []
    for i, start, text in cut:
        if 0 < indent < right:
            start += indent
            text = text[indent:]
        out.append((i, unpad_index(lines[i], start), text.replace(PAD, "")))
    return out


# --- grid tables -------------------------------------------------------------------------

GRID_BORDER = re.compile(r"\+-[-+]+-\+ *$")
_GRID_HEAD_BODY = re.compile(r"\+=[=+]+=\+ *$")


def _head_body(block: list[str], separator: re.Pattern[str]) -> None:
    """Turn the table's one head/body separator line (`===`) into a plain border, in place;
    TableError where docutils rejects it (two of them, or one first or last)."""
    head_body = None
    for i, line in enumerate(block):
        if separator.match(line):
            if head_body:
                raise TableError("multiple head/body separators")
            head_body = i
            block[i] = line.replace("=", "-")
    if head_body == 0 or head_body == len(block) - 1:
        raise TableError("head/body separator first or last")


def grid_cells(block: list[str]) -> list[tuple[int, int, int, int]]:
    """The cells (top, left, bottom, right) of a grid table whose padded lines are `block`."""
    block = list(block)
    _head_body(block, _GRID_HEAD_BODY)
    bottom, right = len(block) - 1, len(block[0]) - 1
    done = [-1] * len(block[0])
    cells = []
    corners = [(0, 0)]
    while corners:
        top, left = corners.pop(0)
        if top == bottom or left == right or top <= done[left]:
            continue
        found = _scan_cell(block, top, left, bottom, right)
        if not found:
            continue
        cell_bottom, cell_right = found
        for col in range(left, cell_right):
            if done[col] != top - 1:
                raise TableError("cells overlap")  # docutils: an assertion
            done[col] = cell_bottom - 1
        cells.append((top, left, cell_bottom, cell_right))
        corners.extend([(top, cell_right), (cell_bottom, left)])
        corners.sort()
    if any(done[col] != bottom - 1 for col in range(right)):
        raise TableError("parse incomplete")
    _check_structure(cells)
    return cells


def _scan_cell(block: list[str], top: int, left: int, bottom: int, right: int) -> tuple[int, int] | None:
    line = block[top]
    for i in range(left + 1, right + 1):
        if line[i] == "+":
            found = _scan_down(block, top, left, i, bottom)
            if found is not None:
                return found, i
        elif line[i] != "-":
            return None
    return None


def _scan_down(block: list[str], top: int, left: int, right: int, bottom: int) -> int | None:
    for i in range(top + 1, bottom + 1):
        if block[i][right] == "+":
            if _scan_left(block, top, left, i, right):
                return i
        elif block[i][right] != "|":
            return None
    return None


def _scan_left(block: list[str], top: int, left: int, bottom: int, right: int) -> bool:
    line = block[bottom]
    for i in range(right - 1, left, -1):
        if line[i] not in "+-":
            return False
    if line[left] != "+":
        return False
    for i in range(bottom - 1, top, -1):
        if block[i][left] not in "+|":
            return False
    return True


def _check_structure(cells: list[tuple[int, int, int, int]]) -> None:
    """docutils' structure_from_cells asserts each grid position is used by exactly one cell."""
    rows = sorted({c[0] for c in cells} | {c[2] for c in cells})
    cols = sorted({c[1] for c in cells} | {c[3] for c in cells})
    row_index = {r: i for i, r in enumerate(rows)}
    col_index = {c: i for i, c in enumerate(cols)}
    used: set[tuple[int, int]] = set()
    for top, left, bottom, right in cells:
        r, c = row_index[top], col_index[left]
        if (r, c) in used:
            raise TableError("cell used twice")
        for rr in range(r, row_index[bottom]):
            for cc in range(c, col_index[right]):
                used.add((rr, cc))
    if len(used) != (len(rows) - 1) * (len(cols) - 1):
        raise TableError("unused cells")


# --- simple tables -----------------------------------------------------------------------

_SIMPLE_HEAD_BODY = re.compile("=[ =]*$")
_SPAN = re.compile("-[ -]*$")


def simple_rows(block: list[str]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The rows of a simple table whose padded lines are `block`: for each, its first and
    last-plus-one line and its columns (start, end); TableError where docutils rejects it."""
    block = list(block)
    block[0] = block[0].replace("=", "-")
    block[-1] = block[-1].replace("=", "-")
    _head_body(block, _SIMPLE_HEAD_BODY)
    parser = _Simple(block)
    parser.parse()
    return parser.rows


class _Simple:
    def __init__(self, block: list[str]) -> None:
        self.block = block
        self.columns: list[tuple[int, int]] = []
        self.rows: list[tuple[int, int, list[tuple[int, int]]]] = []

    def parse(self) -> None:
        block = self.block
        self.columns = self._columns(block[0], 0)
        self.border_end = self.columns[-1][1]
        first_start, first_end = self.columns[0]
        offset = start = 1
        text_found = False
        while offset < len(block):
            line = block[offset]
            if _SPAN.match(line):
                self._row(start, offset, (line.rstrip(), offset))
                start = offset + 1
                text_found = False
            elif line[first_start:first_end].strip():
                if text_found and offset != start:
                    self._row(start, offset)
                start = offset
                text_found = True
            elif not text_found:
                start = offset + 1
            offset += 1

    def _columns(self, line: str, offset: int) -> list[tuple[int, int]]:
        cols = []
        end = 0
        while True:
            begin = line.find("-", end)
            end = line.find(" ", begin)
            if begin < 0:
                break
            if end < 0:
                end = len(line)
            cols.append((begin, end))
        if self.columns:
            if cols[-1][1] != self.border_end:
                raise TableError("column span incomplete")
            cols[-1] = (cols[-1][0], self.columns[-1][1])
        return cols

    def _row(self, start: int, stop: int, spanline: tuple[str, int] | None = None) -> None:
        if not (stop > start or spanline):
            return
        columns = self._columns(*spanline) if spanline else self.columns[:]
        self._check_columns(self.block[start:stop], columns)
        i = 0
        for begin, end in columns:  # docutils' init_row: spans must line up with the columns
            try:
                if begin != self.columns[i][0]:
                    raise TableError("column span alignment")
                while end != self.columns[i][1]:
                    i += 1
            except IndexError:
                raise TableError("column span alignment") from None
            i += 1
        self.rows.append((start, stop, columns))

    def _check_columns(self, lines: list[str], columns: list[tuple[int, int]]) -> None:
        columns.append((sys.maxsize, None))  # type: ignore[arg-type]
        last = len(columns) - 2
        lines = ["".join(c for c in line if not unicodedata.combining(c)) if not line.isascii() else line
                 for line in lines]
        for i in range(len(columns) - 1):
            start, end = columns[i]
            next_start = columns[i + 1][0]
            for line in lines:
                if i == last and line[end:].strip():
                    text = line[start:].rstrip()
                    new_end = start + len(text)
                    main_start, main_end = self.columns[-1]
                    columns[i] = (start, max(main_end, new_end))
                    if new_end > main_end:
                        self.columns[-1] = (main_start, new_end)
                elif line[end:next_start].strip():
                    raise TableError("text in column margin")
        columns.pop()
