"""Block-level AsciiDoc: one pass over the lines, finding the prose blocks and the comments.

Each prose block is a region of the file (`start`, `end` offsets) in which the characters
that are no prose at block level (a list marker, an admonition label, a comment line inside
a paragraph) are already NUL; checker.documents.asciidoc.inline does the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.documents.lines import Lines

#: delimited blocks whose content is never prose (four or more of these): listing, literal,
#: passthrough, comment; and fenced code
_VERBATIM = frozenset("-.+/")
_DELIMITER = re.compile(r"(-{4,}|\.{4,}|\+{4,}|/{4,}|={4,}|\*{4,}|_{4,}|--|`{3}[\w+-]*)[ \t]*$")
_DELIMITER_FIRST = frozenset("-.+/=*_`")
_TABLE = re.compile(r"([|,:!])={3,}[ \t]*$")
#: block styles (`[source,python]`, `[stem]`) whose block is no prose
SKIPPED_STYLES = frozenset(
    {"source", "listing", "literal", "pass", "stem", "latexmath", "asciimath", "comment", "plantuml", "graphviz",
     "ditaa", "mermaid", "a2s", "svgbob", "vega", "wavedrom", "bytefield", "erd", "nomnoml", "pikchr"}
)
_ATTRIBUTE_LIST = re.compile(r"\[[^\[\]]*\]|\[\[[^\[\]]*\]\]")
_DOCUMENT_ATTRIBUTE = re.compile(r":!?[\w][\w-]*!?:(?:[ \t]|$)")
_BLOCK_MACRO = re.compile(r"(?:image|video|audio|include|toc|ifdef|ifndef|ifeval|endif)::")
_IMAGE = re.compile(r"image::[^\[\s]*\[(?P<alt>[^,\]=]*)")
_BREAK = re.compile(r"(?:'{3,}|-{3}|\*{3}|<{3}|(?:- ){2}-|(?:\* ){2}\*)[ \t]*$")
_TITLE = re.compile(r"\.(?=[^\s.])")
_HEADING = re.compile(r"(?:={1,6}|#{1,6})[ \t]+(?=\S)")
_HEADING_END = re.compile(r"[ \t]+=+[ \t]*$")
_LIST = re.compile(r"[ \t]*(?:\*{1,5}|-|\.{1,5}|\d{1,9}\.|[a-zA-Z]\.|[ivxIVX]{1,5}\))[ \t]+(?:\[[ x*]\][ \t]+)?(?=\S)")
#: first characters of the lines that may end a paragraph (list markers but numbered ones)
_INTERRUPTING_FIRST = frozenset("+*-.|,:![<`=/_")
_LIST_FIRST = re.compile(r"[ \t]*(?:\d{1,9}\.|[a-zA-Z]\.|[ivxIVX]{1,5}\))[ \t]+(?=\S)")
_CALLOUT = re.compile(r"<(?:\d+|\.)>[ \t]+")
_DESCRIPTION = re.compile(r"(?P<term>\S.*?)(?::{2,4}|;;)(?=[ \t]|$)[ \t]*")
_ADMONITION = re.compile(r"(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_CELL_SPEC = re.compile(r"(?:^|(?<=\s))(?:\d+\*)?(?:\d*(?:\.\d+)?\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?$")
_SEPARATOR = re.compile(r"(?<!\\)\|")


@dataclass
class Block:
    """A prose block: the file's text from `start` to `end` with non-prose marks as NUL."""

    start: int
    text: str


@dataclass
class Scanner:
    """Finds the prose blocks and the comments of an AsciiDoc text (newlines normalised)."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    #: (first line, last line, lines covered up to) of each comment, 1-based
    comments: list[tuple[int, int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")
        self.index = Lines(self.text)
        self.starts = self.index.starts

    def run(self) -> None:
        lines, n, i = self.lines, len(self.lines), 0
        style: str | None = None
        header = True  # before the first block: a `= Title` may be followed by author and revision lines
        while i < n:
            line = lines[i]
            stripped = line.strip()
            if not stripped:
                i += 1
                continue
            if line.startswith("//") and not line.startswith("////"):
                self.comments.append((i + 1, i + 1, i + 2))
                i += 1
                continue
            first = line[0]
            # (each construct is tried only where its first character can start it)
            delimiter = _DELIMITER.match(line) if first in _DELIMITER_FIRST else None
            if delimiter:
                i = self._delimited(i, delimiter.group(1), style)
                style = None
                continue
            if first in "|,:!" and _TABLE.match(line):
                i = self._table(i, first, style)
                style = None
                continue
            if first == "[" and _ATTRIBUTE_LIST.fullmatch(stripped):
                if not stripped.startswith("[["):
                    style = re.split(r"[,#.%]", stripped[1:-1], maxsplit=1)[0].strip().lower() or style
                i += 1
                continue
            if first == ":" and _DOCUMENT_ATTRIBUTE.match(line):
                while line.endswith("\\") and i + 1 < n:  # a value continued on the next line
                    i += 1
                    line = lines[i]
                i += 1
                continue
            if "::" in line and _BLOCK_MACRO.match(line):
                image = _IMAGE.match(line)
                if image and image.group("alt").strip():
                    self._region(i, image.start("alt"), image.end("alt"))
                i += 1
                continue
            if first in "'-*<" and _BREAK.match(line):
                i += 1
                continue
            if first == "." and _TITLE.match(line):
                self._region(i, 1, len(line))
                i += 1
                continue
            heading = _HEADING.match(line) if first in "=#" else None
            if heading:
                end = _HEADING_END.search(line)
                self._region(i, heading.end(), end.start() if end else len(line))
                i += 1
                if header and line.startswith("= "):
                    while i < n and lines[i].strip() and not _DOCUMENT_ATTRIBUTE.match(lines[i]):
                        i += 1  # author and revision lines
                header = False
                continue
            header = False
            if line[0] in " \t" and not _LIST.match(line):
                i = self._paragraph_end(i)  # an indented (literal) paragraph
                style = None
                continue
            i = self._paragraph(i, style)
            style = None

    # --- block kinds -----------------------------------------------------------------

    def _delimited(self, i: int, delimiter: str, style: str | None) -> int:
        """Skip a verbatim or comment block, or enter a container; the line to go on with."""
        char = delimiter[0]
        verbatim = (char in _VERBATIM and len(delimiter) >= 4) or char == "`" or style in SKIPPED_STYLES
        if not verbatim:
            return i + 1  # example, sidebar, quote, open block: their content is read as usual
        closer = "```" if char == "`" else delimiter
        j = i + 1
        while j < len(self.lines) and self.lines[j].rstrip() != closer:
            j += 1
        if char == "/":
            self.comments.append((i + 1, min(j + 1, len(self.lines)), j + 2))
        return j + 1

    def _table(self, i: int, kind: str, style: str | None) -> int:
        """A table: each cell of a `|===` table is a block; other formats (CSV, DSV) are skipped."""
        j = i + 1
        while j < len(self.lines) and not _TABLE.match(self.lines[j]):
            j += 1
        if kind in "|!" and style not in SKIPPED_STYLES and j > i + 1:
            start, end = self.starts[i + 1], self.starts[j] - 1 if j < len(self.starts) else len(self.text)
            self._cells(start, end, kind)
        return j + 1

    def _cells(self, start: int, end: int, kind: str) -> None:
        """Each cell from its separator to the next one's cell spec (`2+|`, `a|`); literal
        and monospace cells (`l|`, `m|`) are skipped, `\\|` is a pipe in the text."""
        text = self.text
        separator = _SEPARATOR if kind == "|" else re.compile(r"(?<!\\)!")
        marks = [m.start() for m in separator.finditer(text, start, end)]
        previous = start
        for k, mark in enumerate(marks):
            spec = _CELL_SPEC.search(text, previous, mark)
            style = text[mark - 1] if spec is not None and spec.end() > spec.start() else ""
            stop = marks[k + 1] if k + 1 < len(marks) else end
            following = _CELL_SPEC.search(text, mark + 1, stop) if k + 1 < len(marks) else None
            cell_end = following.start() if following is not None else stop
            if style not in ("l", "m") and text[mark + 1 : cell_end].strip():
                self.blocks.append(Block(mark + 1, text[mark + 1 : cell_end].replace("\\|", "\0|")))
            previous = mark + 1

    def _paragraph_end(self, i: int) -> int:
        while i < len(self.lines) and self.lines[i].strip():
            i += 1
        return i

    def _paragraph(self, i: int, style: str | None) -> int:
        """A paragraph, list item, admonition or description list item from line `i` on."""
        lines = self.lines
        j = i + 1
        while j < len(lines) and lines[j].strip() and not self._interrupts(lines[j]):
            j += 1
        if style in SKIPPED_STYLES:
            return j
        start, end = self.starts[i], self.starts[j - 1] + len(lines[j - 1])
        blanks: list[tuple[int, int]] = []  # file offsets that are no prose
        line = lines[i]
        first = line.lstrip()[:1]
        marker = (_LIST.match(line) or _CALLOUT.match(line)) if first in _INTERRUPTING_FIRST or first.isalnum() else None
        marker = marker or (_ADMONITION.match(line) if first in "NTIWC" else None)
        if marker:
            blanks.append((start, start + marker.end()))
        elif "::" in line or ";;" in line:
            term = _DESCRIPTION.match(line)
            if term is not None and "://" not in term.group("term"):
                self._region(i, term.start("term"), term.end("term"))
                blanks.append((start, start + term.end()))
        for k in range(i + 1, j):
            if lines[k].startswith("//") and not lines[k].startswith("////"):
                self.comments.append((k + 1, k + 1, k + 2))
                blanks.append((self.starts[k], min(end, self.starts[k] + len(lines[k]) + 1)))  # with its line break
        text = self.text[start:end]
        for a, b in blanks:  # same length: NUL for each character ruled out
            text = text[: a - start] + "\0" * (b - a) + text[b - start :]
        self.blocks.append(Block(start, text))
        if j < len(lines) and lines[j].strip() == "+":
            j += 1  # a list continuation: the block after it is read as usual
        return j

    def _interrupts(self, line: str) -> bool:
        """Whether `line` ends the paragraph above it (a list item, a delimiter, a continuation)."""
        first = line.lstrip()[:1]
        return (
            (first in _INTERRUPTING_FIRST and (
                line.strip() == "+"
                or bool(_LIST.match(line))
                or bool(_DELIMITER.match(line))
                or bool(_TABLE.match(line))
                or bool(_ATTRIBUTE_LIST.fullmatch(line.strip()))
                or bool(_CALLOUT.match(line))
            ))
            or bool(_LIST_FIRST.match(line))
            or ("::" in line or ";;" in line) and bool(_DESCRIPTION.match(line)) and "://" not in line
        )

    def _region(self, i: int, a: int, b: int) -> None:
        """Columns a..b (0-based) of line `i` as a block."""
        if self.lines[i][a:b].strip():
            start = self.starts[i]
            self.blocks.append(Block(start + a, self.text[start + a : start + b]))

