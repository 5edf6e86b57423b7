"""Where `termcheck: ignore` markers count in the prose formats, and which lines they cover.

- HTML: inside a comment `<!-- termcheck: ignore[...] -->` (not in `<script>` or `<style>`,
  where `<!--` is code). It covers the comment's lines; a comment on lines of its own also
  covers the next line, as in Markdown.
- reStructuredText: in a comment `.. termcheck: ignore[...]` (not in a literal block). It
  covers the comment's lines and the paragraph after it (up to the next blank line): a
  comment cannot stand inside a paragraph.
- AsciiDoc: in a line comment `// termcheck: ignore[...]` (which may stand inside a
  paragraph) or a comment block (`////`), not in a listing or literal block. It covers its
  own lines and the next line.

Comments are found by the format's own reader, so a marker counts exactly where the reader
sees a comment.
"""

from __future__ import annotations

from typing import Iterator

from checker.documents.lines import Lines
from checker.project.suppressions.markers import QUICK, Suppression, find_markers

#: the formats this module scans (values of checker.documents.SUFFIXES)
FORMATS = frozenset({"html", "rst", "asciidoc"})


def scan_prose(path: str, text: str, format: str) -> Iterator[Suppression]:
    """The suppressions written in `text` (newlines normalised), a file in one of FORMATS."""
    if format == "html":
        yield from _scan_html(path, text)
    elif format == "rst":
        yield from _scan_rst(path, text)
    elif format == "asciidoc":
        yield from _scan_asciidoc(path, text)


def _markers(path: str, body: str, line: int, column: int, first: int, last: int) -> Iterator[Suppression]:
    """Markers in `body`, a comment's text (one line or more) starting at `line`:`column`."""
    if not QUICK.search(body):
        return
    for i, piece in enumerate(body.split("\n")):
        yield from find_markers(path, piece, line + i, column if i == 0 else 1, first, last)


def _own_lines(lines: list[str], first: int, column: int, last: int, end_column: int) -> bool:
    """Whether nothing but blanks stands before `first`:`column` and after `last`:`end_column`."""
    return not lines[first - 1][: column - 1].strip() and not lines[last - 1][end_column - 1 :].strip()


# --- HTML ------------------------------------------------------------------------------


def _scan_html(path: str, text: str) -> Iterator[Suppression]:
    from checker.documents.html.parser import Walker

    walker = Walker(path, text)
    walker.run()
    lines = text.split("\n")
    index = Lines(text)
    for line, column, body in walker.comments:
        offset = index.starts[line - 1] + column - 1
        if not text.startswith("<!--", offset):
            continue  # a bogus comment (`<!x>`, `<?x>`): no marker's place
        end = offset + 4 + len(body)  # where `-->` starts
        last, end_column = index.position(end)
        own = _own_lines(lines, line, column, last, end_column + 3)
        yield from _markers(path, body, line, column + 4, line, last + (1 if own else 0))


# --- reStructuredText ---------------------------------------------------------------------


def _scan_rst(path: str, text: str) -> Iterator[Suppression]:
    from checker.documents.rst.blocks import Scanner

    scanner = Scanner(text)
    try:
        scanner.run()
    except RecursionError:
        return  # the reader reports it
    lines = text.split("\n")
    for index, body in scanner.comments:  # (line index where the comment's text starts, text)
        if not QUICK.search(body):
            continue
        first = index + 1
        last = _explicit_block_end(lines, first)
        covered = _paragraph_end(lines, last)
        for number in range(first, last + 1):
            yield from find_markers(path, lines[number - 1], number, 1, first, covered)


def _explicit_block_end(lines: list[str], first: int) -> int:
    """The last line (1-based) of the explicit markup block (`..` comment) starting at `first`:
    the lines after it indented more than its `..`, blank lines among them."""
    indent = len(lines[first - 1]) - len(lines[first - 1].lstrip())
    last = first
    for number in range(first + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break
        last = number
    return last


def _paragraph_end(lines: list[str], last: int) -> int:
    """The last line of the paragraph after line `last` (blank lines skipped), else `last`."""
    number = last + 1
    while number <= len(lines) and not lines[number - 1].strip():
        number += 1
    if number > len(lines):
        return last
    while number + 1 <= len(lines) and lines[number].strip():
        number += 1
    return number


# --- AsciiDoc ----------------------------------------------------------------------------


def _scan_asciidoc(path: str, text: str) -> Iterator[Suppression]:
    from checker.documents.asciidoc.blocks import Scanner

    scanner = Scanner(text)
    scanner.run()
    for first, last, covered in sorted(scanner.comments):
        for number in range(first, last + 1):
            yield from find_markers(path, scanner.lines[number - 1], number, 1, first, covered)
