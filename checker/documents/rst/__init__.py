"""reStructuredText (`.rst`, `.rest`): the prose of a document, code and markup left out.

A reader of our own that follows docutils' parser rule for rule (blocks.py: the block
structure, tables.py: grid and simple tables, inline.py: inline markup), without building a
document tree: reading costs about 1.4 times a PO file of the same size, where docutils'
parse cost 21 times that. The docutils-based reader it replaces is kept as the reference
(tests/rst_oracle/, docutils is a test dependency): tests/test_rst_oracle.py reads real documents
with both and asserts the same segments.

What is checked: paragraphs, section titles, list items, definition terms, table cells (grid,
simple, `table`, `list-table`, `csv-table`), admonition content (`note`, `warning`... and
`admonition`'s title), topic and sidebar titles, rubrics, figure captions and legends, line
blocks, block quote attributions, field bodies, option descriptions, footnote and citation
text, hyperlink text, image `:alt:` texts, substitution texts (`replace`), and the shown
text of Sphinx's `:ref:`, `:term:`, `:doc:` roles (see inline.py). Not checked: literal
blocks (`::`, `code-block`, `code`, `sourcecode`, `parsed-literal`), doctest blocks, `math`,
`raw`, comments, inline literals, interpreted text and code roles, field names, option
strings, footnote labels, hyperlink targets, classifiers. A directive docutils does not know
(Sphinx's `toctree` or `versionadded`) is left out with its content, and so is one whose
arguments or options docutils rejects. Nothing is read from another file (`include`, `:file:`
and `:url:` are not followed) and nothing is ever reported about the markup itself.

Where it differs from the docutils-based reader: on 8,077 real documents (13 MB: docutils',
CMake's, the AWS CLI's, Google Cloud SDK's and other packages' documentation) one segment of
58,751, a sentence holding a tab; and in constructs none of them has (tests/test_rst_oracle.py
measures it, `python tests/test_rst_oracle.py DIR...`):

- a tab inside a line of prose is kept as the file has it: docutils expands tabs, and the
  old reader, searching for docutils' spaces, lost the paragraph;
- a `unicode` substitution's character codes are one object each where they stand, its
  plain words prose (the old reader searched the decoded characters in the text around and
  now and then found one elsewhere);
- CSV table cells are found in the directive's own lines by their text, in order (a CSV
  value is not the file's characters; the old reader searched a wider neighbourhood);
- a line longer than 10,000 characters does not leave the whole document unread (docutils'
  line length limit), and only newlines end lines (docutils also ends them at U+2028, U+0085
  and a few other separators);
- whether a `replace` text holds an element docutils refuses there (an inline target, an
  anonymous reference, an unknown role) is decided by inline.py, which tells a URI from a
  reference name by its scheme where docutils applies its whole URI pattern.

Against the old reader as it was (its locating is stricter now: see tests/rst_oracle/locate.py), 55 of the
8,077 documents differed, all its misplacements: text after an escaped line break dropped,
a list item's text put on its enumerator, a substitution's text put in its name, a cell lost
beside one spanning rows.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from checker.documents.model import Anchor, Document, ReadError, Segment
from checker.documents.pieces import _BLANK, OBJECT, Pieces
from checker.documents.prose import read_prose
from checker.documents.rst.blocks import Scanner
from checker.documents.rst.inline import RAW as RAW_RANGE
from checker.documents.rst.inline import escape2null, parse
from checker.documents.rst.syntax import RAW, TERM, Prose

_CLASSIFIER = re.compile(" +: +")  # docutils' classifier delimiter in a term


def read_rst(path: str, data: bytes) -> Document:
    """A Document of the prose segments of a reStructuredText file."""
    return read_prose(path, data, "rst", segments)


def segments(path: str, text: str) -> list[Segment]:
    """The prose segments of reStructuredText `text` (newlines normalised), in file order."""
    scanner = Scanner(text)
    try:
        scanner.run()
    except RecursionError:
        raise ReadError(path, "cannot parse reStructuredText: nested too deeply") from None
    builder = _Builder(path, text, scanner)
    out = []
    for prose in scanner.prose:
        segment = builder.segment(prose)
        if segment is not None:
            out.append(segment)
    return sorted(out, key=lambda s: (s.line, s.column))


class _Builder:
    """Makes a Segment of each Prose block: its kept characters at their places in the file."""

    def __init__(self, path: str, text: str, scanner: Scanner) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.colmaps = scanner.colmaps

    def segment(self, prose: Prose) -> Segment | None:
        text = prose.text
        if prose.ops is not None:
            ops: list = prose.ops
        elif prose.mode == RAW:
            ops = [(0, len(text), RAW_RANGE)]
        else:
            ops = parse(text, prose.roles)
            if prose.mode == TERM:
                ops = _term(ops, escape2null(text))
        rows = prose.rows
        if len(rows) > 1 and ops == [(0, len(text))] and "\\" not in text:
            return self._plain(prose) or self._pieces(prose, ops)
        if len(rows) == 1 and len(ops) == 1 and type(ops[0]) is tuple and "\\" not in text:
            # one run of plain text on one line: a slice of the file, no anchors
            a, b = ops[0][0], ops[0][1]
            body = text[a:b]
            lead = len(body) - len(body.lstrip(_BLANK))
            body = body.strip(_BLANK)
            _, number, column = rows[0]
            start = column + a + lead
            if body and self.colmaps.get(number) is None and self.lines[number][start : start + len(body)] == body:
                return Segment(self.path, number + 1, start + 1, body)
            return self._pieces(prose, ops)
        return self._pieces(prose, ops)

    def _plain(self, prose: Prose) -> Segment | None:
        """A paragraph of plain text over several lines, as Pieces would make it (each line's
        text anchored where it starts, each line break where the file's line ends), or None
        where that shortcut does not hold (tabs, blanks at either end)."""
        text = prose.text
        if text[0] in _BLANK or text[-1] in _BLANK or OBJECT in text:
            return None
        lines = self.lines
        anchors = []
        append = anchors.append
        for k, (offset, number, column) in enumerate(prose.rows):
            if number in self.colmaps:
                return None
            line = lines[number]
            end = prose.rows[k + 1][0] - 1 if k + 1 < len(prose.rows) else len(text)
            if line[column : column + end - offset] != text[offset:end]:
                return None
            append(Anchor(offset, number + 1, column + 1))
            if end < len(text):
                append(Anchor(end, number + 1, len(line) + 1))
        first = anchors[0]
        return Segment(self.path, first.line, first.column, text, tuple(anchors))

    def _pieces(self, prose: Prose, ops: list) -> Segment | None:
        """The segment of `ops` as checker.documents.pieces.Pieces builds it (each run of the
        file's characters anchored where it does not follow the one before, a newline where
        a line ends unless escaped, an object character each; escaping backslashes, NUL in the
        escaped text, left out with an escaped space), Pieces' steps written out: this is
        where reading spends its time."""
        text = prose.text
        rows = prose.rows
        starts = [r[0] for r in rows]
        last_row = len(rows) - 1
        esc = escape2null(text) if "\\" in text or "\x00" in text else None
        lines = self.lines
        colmaps = self.colmaps
        parts: list[str] = []
        anchors: list[Anchor] = []
        length = 0
        following = None  # where the next character would be, continuing the last run
        for op in ops:
            if type(op) is int:
                r = bisect_right(starts, op) - 1
                _, number, column = rows[r]
                column = _column(colmaps.get(number), column + op - starts[r])
                anchors.append(Anchor(length, number + 1, column + 1))
                parts.append(OBJECT)
                length += 1
                following = None
                continue
            a, b = op[0], op[1]
            escapes = esc if len(op) == 2 else None
            r = bisect_right(starts, a) - 1
            while a < b:
                row_start, number, column = rows[r]
                row_end = starts[r + 1] - 1 if r < last_row else len(text)
                stop = b if b < row_end else row_end
                line = lines[number]
                colmap = colmaps.get(number)
                k = a
                while k < stop:
                    end = stop
                    if escapes is not None:
                        nul = escapes.find("\x00", k, stop)
                        if nul >= 0:
                            end = nul
                    if end > k:
                        first = column + k - row_start
                        last = column + end - 1 - row_start
                        if colmap is not None:
                            first, last = _column(colmap, first), _column(colmap, last)
                        data = line[first : last + 1]
                        if following != (number, first):
                            anchors.append(Anchor(length, number + 1, first + 1))
                        parts.append(data)
                        length += len(data)
                        following = (number, first + len(data))
                    if end >= stop:
                        break
                    k = end + 1  # an escaping backslash: dropped, and so is an escaped space
                    if k < stop and escapes[k] == " ":  # type: ignore[index]
                        k += 1
                if b <= row_end or row_end >= len(text):
                    break
                if not (escapes is not None and row_end > 0 and escapes[row_end - 1] == "\x00"):
                    anchors.append(Anchor(length, number + 1, len(line) + 1))
                    parts.append("\n")
                    length += 1
                    following = None
                r += 1
                a = row_end + 1
        pieces = Pieces()
        pieces.parts, pieces.anchors, pieces.length = parts, anchors, length
        return pieces.segment(self.path)


def _column(colmap: list[int] | None, view: int) -> int:
    """The file column (0-based) of docutils' column `view` of a line (`colmap`: its view
    columns' file columns where tabs were expanded, else None)."""
    if colmap is None:
        return view
    return colmap[view] if view < len(colmap) else colmap[-1] + view - len(colmap) + 1


def _term(ops: list, esc: str) -> list:
    """A term's ops up to its first classifier (` : ` in its text), which is no prose."""
    out: list = []
    for op in ops:
        if type(op) is tuple and len(op) == 2:
            m = _CLASSIFIER.search(esc, op[0], op[1])
            if m is not None:
                if m.start() > op[0]:
                    out.append((op[0], m.start()))
                return out
        out.append(op)
    return out
