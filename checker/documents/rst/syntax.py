"""What the reStructuredText scanner is made of: docutils' line patterns, the lines of a
nested block, the indented blocks docutils cuts out of them, and what the scanner produces.

A line of a nested block is `(text, line, column)`: its text as docutils sees it (tabs
expanded, trailing blanks dropped, the block's indentation taken off) and where that text
starts in the file (line index, docutils' column). The scanner's output is a list of Prose
blocks: each one's text and where each of its lines is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from checker.documents.rst.inline import DEFAULT_ROLES, SIMPLENAME, Roles

Line = tuple  # (text, line index, column)
Block = list  # of Line

INLINE, RAW, TERM = 0, 1, 2  # how a Prose block's text is read


@dataclass
class Prose:
    """A block of prose: `text` (its lines joined by newlines) and, for each line, where it
    starts in `text` and in the file (`rows`: (offset in text, line index, column))."""

    text: str
    rows: list[tuple[int, int, int]]
    mode: int = INLINE
    roles: Roles = DEFAULT_ROLES
    ops: list | None = None  # what of `text` is prose, when it is no markup (see inline.parse)


class Fail(Exception):
    """docutils' MarkupError: a construct that is not what it looked like."""


# --- docutils' patterns (states.Body.patterns and friends) --------------------------------

_ENUM = "([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)"
BULLET = re.compile("[-+*\u2022\u2023\u2043]( +|$)")
ENUMERATOR = re.compile(r"((?P<parens>\(%s\))|(?P<rparen>%s\))|(?P<period>%s\.))( +|$)" % (_ENUM, _ENUM, _ENUM))
FIELD_MARKER = re.compile(r":(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)")
_OPTARG = "([a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)"
_OPTION = r"((-|\+)[a-zA-Z0-9]( ?%s)?|(--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*([ =]%s)?)" % (_OPTARG, _OPTARG)
OPTION_MARKER = re.compile(r"%s(, %s)*(  +| ?$)" % (_OPTION, _OPTION))
DOCTEST = re.compile(r">>>( +|$)")
LINE_BLOCK = re.compile(r"\|( +|$)")
SIMPLE_TOP = re.compile("=+( +=+)+ *$")
SIMPLE_BORDER = re.compile("=+[ =]*$")
EXPLICIT = re.compile(r"\.\.( +|$)")
ANONYMOUS = re.compile(r"__( +|$)")
_NONALNUM7 = "[!-/:-@[-`{-~]"
LINE = re.compile(r"(%s)\1* *$" % _NONALNUM7)
NONALNUM7_CHARS = frozenset(chr(c) for c in range(33, 127) if not chr(c).isalnum())
ATTRIBUTION = re.compile("(---?(?!-)|\u2014) *(?=[^ \\n])")
LITERAL_END = re.compile(r"(?<!\\)(\\\\)*::$")

FOOTNOTE = re.compile(r"\.\.[ ]+\[([0-9]+|\#|\#%s|\*)\]([ ]+|$)" % SIMPLENAME)
CITATION = re.compile(r"\.\.[ ]+\[(%s)\]([ ]+|$)" % SIMPLENAME)
TARGET_START = re.compile(r"\.\.[ ]+_(?![ ]|$)")
SUBSTITUTION_START = re.compile(r"\.\.[ ]+\|(?![ ]|$)")
DIRECTIVE = re.compile(r"\.\.[ ]+(%s)[ ]?::([ ]+|$)" % SIMPLENAME)
TARGET = re.compile(
    r"(_|(?!_)(?P<quote>`?)(?![ `])(?P<name>.+?)(?<![\s\x00])(?P=quote))(?<!(?<!\x00):)(?<![\s\x00])[ ]?:([ ]+|$)"
)
SUBSTITUTION = re.compile(r"((?![ ])(?P<name>.+?)(?<![\s\x00])\|)([ ]+|$)")
EMBEDDED_DIRECTIVE = re.compile(r"(%s)::( +|$)" % SIMPLENAME)
UNICODE_COMMENT = re.compile(r"( |\n|^)\.\. ")
UNICODE_CODE = re.compile(r"(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|&#x([0-9a-f]+);$", re.IGNORECASE)
ROLE_ARGUMENT = re.compile(r"(%s)\s*(\(\s*(%s)\s*\)\s*)?$" % (SIMPLENAME, SIMPLENAME))

BULLET_FIRST = frozenset("-+*\u2022\u2023\u2043")
ENUM_FIRST = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ#(")
OPTION_FIRST = frozenset("-+/")


def column_width(text: str) -> int:
    """Columns `text` takes (wide East Asian characters count two, combining ones none)."""
    if text.isascii():
        return len(text)
    width = 0
    for c in text:
        if unicodedata.combining(c):
            continue
        width += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return width


# --- indented blocks (statemachine.StringList.get_indented and its callers) ---------------


def trim(line: Line, n: int) -> Line:
    return (line[0][n:], line[1], line[2] + n) if n else line


def get_indented(
    block: Block, start: int, until_blank: bool = False, strip_indent: bool = True,
    block_indent: int | None = None, first_indent: int | None = None,
) -> tuple[Block, int, int]:
    """The indented lines from `start` on (docutils' StringList.get_indented): the lines with
    their indentation removed, the indentation, and the index after the last one."""
    indent = block_indent
    end = start
    if block_indent is not None and first_indent is None:
        first_indent = block_indent
    if first_indent is not None:
        end += 1
    last = len(block)
    while end < last:
        line = block[end][0]
        if line and (line[0] != " " or (block_indent is not None and line[:block_indent].strip())):
            break
        stripped = line.lstrip()
        if not stripped:
            if until_blank:
                break
        elif block_indent is None:
            line_indent = len(line) - len(stripped)
            indent = line_indent if indent is None else min(indent, line_indent)
        end += 1
    lines = block[start:end]
    if first_indent is not None and lines:
        lines[0] = trim(lines[0], first_indent)
    if indent and strip_indent:
        for k in range(1 if first_indent is not None else 0, len(lines)):
            lines[k] = trim(lines[k], indent)
    return lines, indent or 0, end


def strip_top(lines: Block) -> Block:
    k = 0
    while k < len(lines) and not lines[k][0].strip():
        k += 1
    return lines[k:] if k else lines


def strip_end(lines: Block) -> Block:
    k = len(lines)
    while k and not lines[k - 1][0].strip():
        k -= 1
    return lines[:k]


def text_block_end(block: Block, start: int, flush_left: bool = False) -> tuple[int, bool]:
    """Where the text block from `start` ends (the first blank line), and whether an indented
    line ended it first (docutils' UnexpectedIndentationError)."""
    end = start
    while end < len(block):
        line = block[end][0]
        if not line.strip():
            break
        if flush_left and line[0] == " ":
            return end, True
        end += 1
    return end, False


def skip_blank(block: Block, i: int) -> int:
    """The first line from `i` on that is not blank."""
    while i < len(block) and not block[i][0]:
        i += 1
    return i


def blank_finish(block: Block, end: int) -> bool:
    """Whether a construct ending before line `end` ended at a blank line or the block's end
    (else docutils adds a warning after it, a node the directives that count nodes see)."""
    return end >= len(block) or not block[end - 1][0]


class Reader(Protocol):
    """What a directive may ask of the scanner (checker.documents.rst.blocks.Scanner)."""

    prose: list[Prose]
    roles: Roles

    def emit(self, lines: Block, mode: int = INLINE, text: str | None = None) -> Prose | None: ...

    def body(self, block: Block, titles: bool = False, sidebar: bool = False) -> list: ...

    def quote(self, lines: Block, nodes: list) -> None: ...


def emit_title(reader: Reader, arguments: Block) -> None:
    """A directive's argument as prose (a title), if it has one."""
    if arguments:
        reader.emit(arguments)


def require_content(content: Block) -> None:
    """docutils' assert_has_content."""
    if not content:
        raise Fail("content required")
