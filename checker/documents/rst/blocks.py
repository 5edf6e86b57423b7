"""Block-level reStructuredText: one pass over the lines, finding the prose blocks and the comments.

The structure is docutils' own (docutils.parsers.rst.states: the Body, Text and Line states
here, the lists in lists.py, tables in tabular.py, explicit markup and directives in
explicit.py and directives.py), ported to plain functions over a block's lines
(checker.documents.rst.syntax): each construct is tried in docutils' order where it may
start (its first character), consumes the lines docutils gives it, and parses its content
again as body elements where docutils does.

What comes out is a list of Prose blocks (a paragraph, a title, a term, a table cell's
paragraph, an `:alt:` text...): the text to give to checker.documents.rst.inline and where
each of its lines is; and the comments (for `termcheck: ignore` markers).
"""

from __future__ import annotations

import checker.documents.rst.tables as tables
from checker.documents.rst.explicit import Explicit
from checker.documents.rst.inline import DEFAULT_ROLES
from checker.documents.rst.lists import Lists
from checker.documents.rst.syntax import (
    ANONYMOUS,
    ATTRIBUTION,
    BULLET,
    BULLET_FIRST,
    DOCTEST,
    ENUM_FIRST,
    ENUMERATOR,
    EXPLICIT,
    FIELD_MARKER,
    INLINE,
    LINE,
    LINE_BLOCK,
    LITERAL_END,
    NONALNUM7_CHARS,
    OPTION_FIRST,
    OPTION_MARKER,
    SIMPLE_TOP,
    TERM,
    Block,
    Line,
    Prose,
    blank_finish,
    column_width,
    get_indented,
    skip_blank,
    strip_end,
    strip_top,
    text_block_end,
    trim,
)
from checker.documents.rst.tabular import Tables

# --- the scanner -------------------------------------------------------------------------


class Scanner(Lists, Tables, Explicit):
    """Finds the prose blocks and the comments of a reStructuredText text (newlines normalised)."""

    def __init__(self, text: str) -> None:
        self.prose: list[Prose] = []
        #: comments: (line index of the comment's first line of text, its text)
        self.comments: list[tuple[int, str]] = []
        #: view column -> file column, for the lines docutils sees with tabs expanded
        self.colmaps: dict[int, list[int]] = {}
        self.roles = DEFAULT_ROLES
        self.title_styles: list[object] = []
        self.section_level = 0
        self.lines: Block = []
        for number, line in enumerate(text.split("\n")):
            if "\t" in line or "\v" in line or "\f" in line:
                line = self._expand(number, line.replace("\v", " ").replace("\f", " "))
            self.lines.append((line.rstrip(), number, 0))

    def _expand(self, number: int, line: str) -> str:
        if "\t" not in line:
            return line
        columns: list[int] = []
        for i, c in enumerate(line):
            columns.extend([i] * ((8 - len(columns) % 8) if c == "\t" else 1))
        columns.append(len(line))
        self.colmaps[number] = columns
        return line.expandtabs(8)

    def run(self) -> None:
        self.body(self.lines, titles=True)

    # --- output ---------------------------------------------------------------------

    def emit(self, lines: Block, mode: int = INLINE, text: str | None = None) -> Prose | None:
        """A Prose block of `lines` (its text: theirs joined, or `text`, a prefix of that),
        unless it is blank."""
        rows = []
        offset = 0
        for line in lines:
            rows.append((offset, line[1], line[2]))
            offset += len(line[0]) + 1
        if text is None:
            text = "\n".join(line[0] for line in lines)
        if not text.strip():
            return None
        prose = Prose(text, rows, mode, self.roles)
        self.prose.append(prose)
        return prose

    # --- body elements (states.Body) -------------------------------------------------

    def body(self, block: Block, titles: bool = False, sidebar: bool = False) -> list:
        """Parse `block` as body elements; the kinds of the elements made, in order (what the
        directives that want one table or one list check)."""
        nodes: list = []
        i, n = 0, len(block)
        while i < n:
            line = block[i][0]
            if not line:
                i += 1
                continue
            if line[0] == " ":
                i = self.block_quote(block, i, nodes)
                continue
            i = self.construct(block, i, titles, sidebar, nodes)
        return nodes

    def construct(self, block: Block, i: int, titles: bool, sidebar: bool, nodes: list) -> int:
        """The construct starting at line `i` (not blank, not indented); the next line."""
        line = block[i][0]
        c = line[0]
        if c in BULLET_FIRST:
            m = BULLET.match(line)
            if m:
                return self.bullet_list(block, i, m, nodes)
        if c in ENUM_FIRST:
            m = ENUMERATOR.match(line)
            if m:
                end = self.enumerated_list(block, i, m, nodes)
                return end if end is not None else self.text(block, i, titles, nodes)
        if c == ":":
            m = FIELD_MARKER.match(line)
            if m:
                return self.field_list(block, i, m, nodes)
        if c in OPTION_FIRST:
            m = OPTION_MARKER.match(line)
            if m:
                end = self.option_list(block, i, m, nodes)
                return end if end is not None else self.text(block, i, titles, nodes)
        if c == ">" and DOCTEST.match(line):
            nodes.append("doctest")
            return text_block_end(block, i)[0]
        if c == "|":
            m = LINE_BLOCK.match(line)
            if m:
                return self.line_block(block, i, m, nodes)
        if c == "+" and tables.GRID_BORDER.match(line):
            return self.grid_table(block, i, nodes)
        if c == "=" and SIMPLE_TOP.match(line):
            return self.simple_table(block, i, nodes)
        if c == ".":
            m = EXPLICIT.match(line)
            if m:
                return self.explicit_list(block, i, titles, sidebar, nodes)
        if c == "_" and ANONYMOUS.match(line):
            return self.explicit_list(block, i, titles, sidebar, nodes)
        if c in NONALNUM7_CHARS and LINE.match(line):
            end = self.line(block, i, titles, nodes)
            if end is not None:
                return end
        return self.text(block, i, titles, nodes)

    def _other_construct(self, line: str) -> bool:
        """Whether a Body transition other than 'text' (or 'indent') matches `line`: what ends a
        definition list."""
        c = line[0]
        return bool(
            (c in BULLET_FIRST and BULLET.match(line))
            or (c in ENUM_FIRST and ENUMERATOR.match(line))
            or (c == ":" and FIELD_MARKER.match(line))
            or (c in OPTION_FIRST and OPTION_MARKER.match(line))
            or (c == ">" and DOCTEST.match(line))
            or (c == "|" and LINE_BLOCK.match(line))
            or (c == "+" and tables.GRID_BORDER.match(line))
            or (c == "=" and SIMPLE_TOP.match(line))
            or (c == "." and EXPLICIT.match(line))
            or (c == "_" and ANONYMOUS.match(line))
            or (c in NONALNUM7_CHARS and LINE.match(line))
        )

    # --- block quotes --------------------------------------------------------------

    def block_quote(self, block: Block, i: int, nodes: list) -> int:
        lines, _, end = get_indented(block, i)
        self.quote(strip_top(lines), nodes)
        if not blank_finish(block, end):
            nodes.append("message")
        return end

    def quote(self, lines: Block, nodes: list) -> None:
        """Block quotes (and their attributions) of `lines` (states.Body.block_quote)."""
        while lines:
            nodes.append("block_quote")
            content, attribution, rest = self._split_attribution(lines)
            self.body(content)
            if attribution:
                self.emit(attribution, text="\n".join(line[0] for line in attribution).rstrip())
            lines = strip_top(rest) if rest else []

    def _split_attribution(self, lines: Block) -> tuple[Block, Block | None, Block | None]:
        blank = None
        nonblank_seen = False
        for i, line in enumerate(lines):
            text = line[0].rstrip()
            if text:
                if nonblank_seen and blank == i - 1:
                    m = ATTRIBUTION.match(text)
                    if m:
                        end, indent = self._check_attribution(lines, i)
                        if end:
                            attribution = [trim(lines[i], m.end())] + [trim(x, indent) for x in lines[i + 1 : end]]
                            return lines[:i], attribution, lines[end:]
                nonblank_seen = True
            else:
                blank = i
        return lines, None, None

    @staticmethod
    def _check_attribution(lines: Block, start: int) -> tuple[int | None, int]:
        indent = None
        i = start + 1
        for i in range(start + 1, len(lines)):
            text = lines[i][0].rstrip()
            if not text:
                break
            if indent is None:
                indent = len(text) - len(text.lstrip())
            elif len(text) - len(text.lstrip()) != indent:
                return None, 0
        else:
            i += 1
        return i, indent or 0

    # --- text: paragraphs, titles, definition lists (states.Text) -------------------------

    def text(self, block: Block, i: int, titles: bool, nodes: list) -> int:
        n = len(block)
        if i + 1 >= n or not block[i + 1][0]:
            literal = self.paragraph(block[i : i + 1], nodes)
            if literal:
                return self.literal_block(block, i + 1, nodes)
            return i + 1
        following = block[i + 1][0]
        if following[0] == " ":
            return self.definition_list(block, i, nodes)
        if following[0] in NONALNUM7_CHARS and LINE.match(following):
            end = self.underline(block, i, titles, nodes)
            if end is not None:
                return end
        end, indented = text_block_end(block, i + 1, flush_left=True)
        literal = self.paragraph(block[i:end], nodes)
        if indented:
            nodes.append("message")
        if literal:
            return self.literal_block(block, end, nodes)
        return end

    def paragraph(self, lines: Block, nodes: list) -> bool:
        """A paragraph of `lines`; whether a literal block follows (`::` at its end)."""
        data = "\n".join(line[0] for line in lines).rstrip()
        if data.endswith("::") and LITERAL_END.search(data):
            if len(data) == 2:
                return True
            text = data[:-3].rstrip() if data[-3] in " \n" else data[:-1]
            self.emit(lines, text=text)
            nodes.append("paragraph")
            return True
        self.emit(lines, text=data)
        nodes.append("paragraph")
        return False

    def literal_block(self, block: Block, i: int, nodes: list) -> int:
        """The literal block after a paragraph ending in `::`, from line `i` on."""
        lines, _, end = get_indented(block, i)
        if strip_end(strip_top(lines)):
            nodes.append("literal_block")
            return end
        # a quoted literal block: unindented lines starting with the same punctuation
        k = skip_blank(block, i)
        if k >= len(block):
            nodes.append("message")
            return k
        quote = block[k][0][0]
        if quote not in NONALNUM7_CHARS:
            nodes.append("message")
            return k
        k += 1
        while k < len(block) and block[k][0].startswith(quote):
            k += 1
        nodes.append("literal_block")
        return k

    def underline(self, block: Block, i: int, titles: bool, nodes: list) -> int | None:
        """A title over an underline (states.Text.underline); None if it is text after all."""
        title = block[i][0].rstrip()
        underline = block[i + 1][0].rstrip()
        if column_width(title) > len(underline) and len(underline) < 4:
            return None
        if not titles:
            nodes.append("message")
            return i + 2
        if self._section(underline[0]):
            self.emit([block[i]], text=title)
            nodes.append("section")
        return i + 2

    def _section(self, style: object) -> bool:
        """Whether a title of `style` makes a section where it stands (docutils'
        check_subsection: a style used so far at a deeper level than one below the current
        section is "inconsistent" and the title is dropped)."""
        styles = self.title_styles
        if style in styles:
            level = styles.index(style) + 1
            if level > self.section_level + 1:
                return False
        elif len(styles) == self.section_level:
            styles.append(style)
            level = len(styles)
        else:
            return False
        self.section_level = level
        return True

    def line(self, block: Block, i: int, titles: bool, nodes: list) -> int | None:
        """A line of punctuation: a transition or a title's overline (states.Body.line and the
        Line state); None where docutils reads it as text."""
        overline = block[i][0]
        short = len(overline.strip()) < 4
        if not titles:
            if overline.strip() == "::" or short:
                return None
            nodes.append("message")
            return i + 1
        n = len(block)
        if i + 1 >= n or not block[i + 1][0]:
            if short:
                return None
            nodes.append("transition")
            return i + 1
        title_line = block[i + 1]
        if title_line[0][0] != " " and LINE.match(title_line[0]):
            if short:
                return None
            nodes.append("message")
            return i + 2
        overline = overline.rstrip()
        if i + 2 >= n:
            if len(overline) < 4:
                return None
            nodes.append("message")
            return i + 2
        underline = block[i + 2][0].rstrip()
        if not LINE.match(underline) or overline != underline:
            if len(overline) < 4:
                return None
            nodes.append("message")
            return i + 3
        title = title_line[0].rstrip()
        if column_width(title) > len(overline) and len(overline) < 4:
            return None
        if self._section((overline[0], underline[0])):
            lead = len(title) - len(title.lstrip())
            self.emit([trim(title_line, lead)], text=title.lstrip())
            nodes.append("section")
        return i + 3

    def definition_list(self, block: Block, i: int, nodes: list) -> int:
        nodes.append("definition_list")
        n = len(block)
        while True:
            lines, _, end = get_indented(block, i + 1)
            self.term(block[i])
            lines = strip_top(lines)
            if lines:
                self.body(lines)
            k = skip_blank(block, end)
            if (k + 1 >= n or block[k][0][0] == " " or self._other_construct(block[k][0])
                    or not block[k + 1][0] or block[k + 1][0][0] != " "):
                if not blank_finish(block, end):
                    nodes.append("message")
                return k if k < n else end
            i = k

    def term(self, line: Line) -> None:
        """A definition list's term: its text up to a classifier (` : `), which is no prose."""
        self.emit([line], mode=TERM)
