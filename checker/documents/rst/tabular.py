"""Tables as the scanner reads them: grid and simple tables in the text (cut into cells by
checker.documents.rst.tables, each cell parsed again as body elements), and the `table`,
`list-table` and `csv-table` directives."""

from __future__ import annotations

import csv

import checker.documents.rst.tables as tables
from checker.documents.rst.syntax import (
    SIMPLE_BORDER,
    Block,
    Fail,
    Reader,
    emit_title,
    text_block_end,
)


class Tables:
    """The table constructs of the Scanner (checker.documents.rst.blocks)."""

    def grid_table(self, block: Block, i: int, nodes: list) -> int:
        end, _ = text_block_end(block, i, flush_left=True)
        lines = [tables.pad(line[0].strip()) for line in block[i:end]]
        width = len(lines[0].strip())
        finish = True
        for k, line in enumerate(lines):
            if line[0] not in "+|":
                finish = False
                end = i + k
                del lines[k:]
                break
        if not tables.GRID_BORDER.match(lines[-1]):
            finish = False
            for k in range(len(lines) - 2, 1, -1):
                if tables.GRID_BORDER.match(lines[k]):
                    # (docutils goes back two lines more than the table: they are read again)
                    end = i + k - 1
                    del lines[k + 1 :]
                    break
            else:
                nodes.append("message")
                return end
        if any(len(line) != width or line[-1] not in "+|" for line in lines):
            nodes.append("message")
            return end
        try:
            cells = tables.grid_cells(lines)
        except tables.TableError:
            nodes.append("message")
            return end
        for top, left, bottom, right in cells:
            self._cell(block, i, tables.cell_lines(lines, top + 1, left + 1, bottom, right), stripped=True)
        nodes.append("table")
        if not finish or (end < len(block) and block[end][0]):
            nodes.append("message")
        return end

    def _cell(self, block: Block, i: int, cut: list[tuple[int, int, str]], stripped: bool) -> None:
        """Parse a table cell (`cut`: tables.cell_lines of the table starting at line `i`)."""
        cell = []
        for k, column, text in cut:
            source = block[i + k]
            # a grid table's lines were stripped: their columns count from the first non-blank
            lead = len(source[0]) - len(source[0].lstrip()) if stripped else 0
            cell.append((text, source[1], source[2] + lead + column))
        if any(line[0] for line in cell):
            self.body(cell)

    def simple_table(self, block: Block, i: int, nodes: list) -> int:
        limit = len(block) - 1
        top_width = len(block[i][0].strip())
        found = 0
        found_at = None
        j = i + 1
        end = None
        while j <= limit:
            line = block[j][0]
            if SIMPLE_BORDER.match(line):
                if len(line.strip()) != top_width:
                    nodes.append("message")
                    return j + 1
                found += 1
                found_at = j
                if found == 2 or j == limit or not block[j + 1][0].strip():
                    end = j
                    break
            j += 1
        if end is None:
            nodes.append("message")
            return found_at + 1 if found_at is not None else len(block)
        lines = [tables.pad(line[0]) for line in block[i : end + 1]]
        try:
            rows = tables.simple_rows(lines)
        except tables.TableError:
            nodes.append("message")
            return end + 1
        for start, stop, columns in rows:
            for begin, finish in columns:
                self._cell(block, i, tables.cell_lines(lines, start, begin, stop, finish), stripped=False)
        nodes.append("table")
        if not (end == limit or not block[end + 1][0].strip()):
            nodes.append("message")
        return end + 1


# --- the table directives ------------------------------------------------------------------


def table(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
           nodes: list) -> None:
    if not content:
        raise Fail("content required")
    emit_title(scanner, arguments)
    kinds = scanner.body(content)
    if kinds != ["table"]:
        raise Fail("exactly one table expected")
    nodes.append("table")


def list_table(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
                nodes: list) -> None:
    if not content:
        raise Fail("content required")
    emit_title(scanner, arguments)
    kinds = scanner.body(content)
    if len(kinds) != 1 or not isinstance(kinds[0], tuple):
        raise Fail("exactly one bullet list expected")
    columns = None
    for item in kinds[0][1]:
        if len(item) != 1 or not isinstance(item[0], tuple):
            raise Fail("two-level bullet list expected")
        if columns is None:
            columns = len(item[0][1])
        elif len(item[0][1]) != columns:
            raise Fail("uniform two-level bullet list expected")
    rows = len(kinds[0][1])
    header = options.get("header-rows", (0,))[0]
    stub = options.get("stub-columns", (0,))[0]
    _check_dimensions(rows, [columns or 0] * rows, int(header or 0), int(stub or 0))
    widths = options.get("widths", (None,))[0]
    if isinstance(widths, list) and len(widths) != columns:
        raise Fail("widths do not match")
    if not columns and not isinstance(widths, list):
        raise Fail("no table data")
    nodes.append("table")


def _check_dimensions(rows: int, row_lengths: list[int], header: int, stub: int) -> None:
    if rows < header or (rows == header > 0):
        raise Fail("not enough rows")
    for length in row_lengths:
        if length < stub or (length == stub > 0):
            raise Fail("not enough columns")


def csv_table(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
               nodes: list) -> None:
    if "file" in options or "url" in options or not content:
        raise Fail("no data")
    delim = options.get("delim", (None,))[0]
    quote = options.get("quote", (None,))[0]
    escape = options.get("escape", (None,))[0]
    dialect = {
        "delimiter": "\t" if delim == "tab" else " " if delim == "space" else (delim or ","),
        "quotechar": quote or '"', "doublequote": escape is None, "skipinitialspace": "keepspace" not in options,
        "strict": True, "lineterminator": "\n", "quoting": csv.QUOTE_MINIMAL,
    }
    if escape is not None:
        dialect["escapechar"] = escape
    try:
        header_rows = []
        if "header" in options:
            header_rows = list(csv.reader([line + "\n" for line in (options["header"][0] or "").split("\n")],
                                          delimiter=",", quotechar='"', escapechar="\\", doublequote=False,
                                          skipinitialspace=True, strict=True, lineterminator="\n"))
        rows = list(csv.reader([line[0] + "\n" for line in content], **dialect))
    except (csv.Error, TypeError):
        raise Fail("csv error") from None
    columns = max([len(r) for r in rows + header_rows] or [0])
    header = int((options.get("header-rows", (0,))[0]) or 0)
    stub = int((options.get("stub-columns", (0,))[0]) or 0)
    _check_dimensions(len(rows), [len(r) for r in rows], header, stub)
    widths = options.get("widths", (None,))[0]
    if isinstance(widths, list) and len(widths) != columns:
        raise Fail("widths do not match")
    if not columns and not isinstance(widths, list):
        raise Fail("no table data")
    emit_title(scanner, arguments)
    # A cell's text is the CSV value, not the file's characters: it is found again in the
    # directive's lines (the header option's, then the content's), in order.
    places = (options["header"][1] if "header" in options else []) + list(content)
    finder = _CellFinder(places)
    for row in header_rows + rows:
        for value in row:
            if value.strip():
                finder.cell(scanner, value)
    nodes.append("table")


class _CellFinder:
    """Places a CSV cell's text in the lines it was read from."""

    def __init__(self, lines: Block) -> None:
        self.lines = lines
        self.row = 0
        self.column = 0

    def cell(self, scanner: Reader, value: str) -> None:
        texts = value.split("\n")
        width = max(len(t) - len(t.lstrip()) for t in texts[1:]) if len(texts) > 1 else 0
        found = self._find(texts[0].strip())
        if found is None:
            return
        row, column = found
        cell = [(texts[0].strip(), self.lines[row][1], self.lines[row][2] + column)]
        self.row, self.column = row, column + len(cell[0][0])
        for text in texts[1:]:
            if self.row + 1 >= len(self.lines):
                return
            source = self.lines[self.row + 1]
            lead = len(text) - len(text.lstrip())
            place = source[0].find(text.strip())
            if place < 0:
                return
            self.row, self.column = self.row + 1, place + len(text.strip())
            cell.append((text[min(lead, width):].rstrip(), source[1], source[2] + place - (lead - min(lead, width))))
        scanner.body(cell)

    def _find(self, text: str) -> tuple[int, int] | None:
        row, column = self.row, self.column
        while row < len(self.lines):
            place = self.lines[row][0].find(text, column)
            if place >= 0:
                return row, place
            row, column = row + 1, 0
        return None
