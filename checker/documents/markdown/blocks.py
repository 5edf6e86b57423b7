"""Block-level Markdown: one pass over the lines, finding the prose blocks (paragraphs,
headings, table rows, list items' paragraphs) and the link reference labels.

Follows CommonMark (plus GFM tables and footnotes) closely enough to tell prose from code:
fenced and indented code, HTML blocks, thematic breaks, link reference definitions and front
matter are skipped. The HTML comments just before a block travel with it (suppressions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.documents.markdown.inline import CLOSE_TAG, OPEN_TAG, link_label

_FENCE = re.compile(r"(`{3,}|~{3,})(.*)$")
_HR = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ATX = re.compile(r"#{1,6}(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_LIST = re.compile(r"(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)")
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_LINK_DEF = re.compile(r"\[((?:[^\\\[\]]|\\.)+)\]:(.*)$")
_TITLE = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))"""
_DEF_REST = re.compile(rf"[ \t]*(?:<[^<>]*>|[^\s<]\S*)(?:[ \t]+{_TITLE})?[ \t]*$")
_TITLE_LINE = re.compile(rf"[ \t]*{_TITLE}[ \t]*$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")

_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
# CommonMark's seven kinds of HTML block: how each starts, and how it ends
# (None: at the next blank line). Kind 7 cannot interrupt a paragraph.
_HTML_BLOCKS = (
    (re.compile(r"<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(rf"</?(?:{_BLOCK_TAGS})(?:[ \t>]|/>|$)", re.I), None),
    (re.compile(rf"(?:{OPEN_TAG}|{CLOSE_TAG})[ \t]*$"), None),
)
_COMMENT_KIND = 1  # index of the HTML comment kind in _HTML_BLOCKS


@dataclass
class _Block:
    start: int  # offset in the text of the first character
    end: int  # offset just past the last character
    line: int  # 0-based index of the first line
    depth: int  # blockquote nesting, to tell lazy continuation from a new quote
    comments: tuple[str, ...] = ()


def _skip_space(line: str, pos: int, col: int) -> tuple[int, int]:
    """Index and visual column of the first non-blank at or after `pos` (tab stops of 4)."""
    while pos < len(line) and line[pos] in " \t":
        col = col + 4 - col % 4 if line[pos] == "\t" else col + 1
        pos += 1
    return pos, col


def _strip_quotes(line: str) -> tuple[int, int, int]:
    """Blockquote depth of `line`, and index and column just after its `>` markers."""
    depth = pos = col = 0
    while True:
        p, c = _skip_space(line, pos, col)
        if c - col > 3 or p >= len(line) or line[p] != ">":
            return depth, pos, col
        depth, pos, col = depth + 1, p + 1, c + 1
        if line[pos : pos + 1] == " ":
            pos, col = pos + 1, col + 1


def _fence(s: str) -> re.Match[str] | None:
    """An opening code fence (a backtick fence's info string has no backtick)."""
    m = _FENCE.match(s)
    if m and m.group(1)[0] == "`" and "`" in m.group(2):
        return None
    return m


def _html_kind(s: str, *, in_paragraph: bool) -> int | None:
    kinds = _HTML_BLOCKS[:6] if in_paragraph else _HTML_BLOCKS
    for kind, (start, _end) in enumerate(kinds):
        if start.match(s):
            return kind
    return None


def _cells(row: str) -> int:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return len(_UNESCAPED_PIPE.split(row))


class BlockScanner:
    """Walks the lines once, collecting prose blocks and link reference labels."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.blocks: list[_Block] = []
        self.labels: set[str] = set()
        self.paragraph: _Block | None = None
        self.fence: tuple[str, int, int, int] | None = None  # char, length, depth, base column
        self.html: tuple[int, re.Pattern[str] | None] | None = None  # kind, end pattern
        self.html_text: list[str] = []
        self.html_first = 0
        self.lists: list[int] = []  # content columns of the open list items
        self.table_depth: int | None = None
        self.pending: tuple[int, list[str]] | None = None  # last line of a comment block, texts
        self.last_depth = 0
        self.skip_until = -1

    def run(self) -> None:
        self.skip_until = self._front_matter_end()
        for i in range(len(self.lines)):
            if i > self.skip_until:
                self._line(i)
        self._close_paragraph()

    def _front_matter_end(self) -> int:
        """Index of the closing line of YAML (---) or TOML (+++) front matter, or -1."""
        first = self.lines[0].rstrip()
        if first not in ("---", "+++"):
            return -1
        closers = ("---", "...") if first == "---" else ("+++",)
        for i in range(1, len(self.lines)):
            if self.lines[i].rstrip() in closers:
                return i
        return -1  # unclosed: a thematic break, not front matter

    # -- one line -----------------------------------------------------------

    def _line(self, i: int) -> None:
        line = self.lines[i]
        depth, pos, col = _strip_quotes(line)
        if self.fence is not None and self._fence_line(line, depth, pos, col):
            return
        blank = not line[pos:].strip()
        if self.html is not None:
            _, end = self.html
            if end is None and blank:
                self.html = None  # the blank line itself is handled below
            else:
                self.html_text.append(line)
                if end is not None and end.search(line):
                    self._end_html(i)
                return
        if blank:
            self._close_paragraph()
            self.table_depth = None
            return
        p, ind = _skip_space(line, pos, col)
        s = line[p:]
        base = max((c for c in self.lists if c <= ind), default=0)
        rel = ind - base

        if self.table_depth is not None:
            if depth == self.table_depth and not (rel <= 3 and self._starts_block(s)):
                self._emit_row(i, p)
                self.last_depth = depth
                return
            self.table_depth = None

        para = self.paragraph
        if para is not None:
            if depth <= para.depth:  # deeper quote markers always start a new block
                if rel <= 3 and depth == para.depth and _SETEXT.match(s):
                    self._close_paragraph()  # the paragraph was a heading; skip its underline
                    return
                if not (rel <= 3 and self._interrupts(s)) and not self._table_start(i, s):
                    para.end = self.starts[i] + len(line.rstrip())  # continuation, maybe lazy
                    return
            self._close_paragraph()

        if depth != self.last_depth:
            self.lists = []  # a different blockquote: its lists are not ours
        self.last_depth = depth
        self.lists = [c for c in self.lists if c <= ind]
        base = max(self.lists, default=0)
        if ind - base >= 4:
            self.pending = None
            return  # indented code block
        self._open_block(i, line, p, ind, depth)

    def _fence_line(self, line: str, depth: int, pos: int, col: int) -> bool:
        """Consume a line of an open fenced code block; False if the fence has ended."""
        assert self.fence is not None
        char, length, fence_depth, base = self.fence
        p, c = _skip_space(line, pos, col)
        if depth < fence_depth or (p < len(line) and c < base):
            self.fence = None  # its blockquote or list item has ended
            return False
        closing = line[p:].rstrip()
        if c - base <= 3 and closing and set(closing) == {char} and len(closing) >= length:
            self.fence = None
        return True

    def _starts_block(self, s: str) -> bool:
        return bool(
            _fence(s)
            or _html_kind(s, in_paragraph=True) is not None
            or _HR.match(s)
            or _ATX.match(s)
            or _LIST.match(s)
        )

    def _interrupts(self, s: str) -> bool:
        """Whether `s` starts a block that may interrupt a paragraph."""
        if _fence(s):
            return True
        if _html_kind(s, in_paragraph=True) is not None or _HR.match(s) or _ATX.match(s):
            return True
        m = _LIST.match(s)
        # Only lists starting at 1 and non-empty items interrupt (so "2019. was" doesn't).
        return bool(m and s[m.end() :].strip() and (m.group(1) is None or m.group(1) == "1"))

    def _table_start(self, i: int, s: str) -> bool:
        if "|" not in s or i + 1 >= len(self.lines):
            return False
        nxt = self.lines[i + 1]
        _, pos, _ = _strip_quotes(nxt)
        delimiter = nxt[pos:].strip()
        return (
            "|" in delimiter
            and bool(_DELIMITER_ROW.match(delimiter))
            and _cells(delimiter) == _cells(s)
        )

    # -- opening blocks -----------------------------------------------------

    def _open_block(self, i: int, line: str, p: int, ind: int, depth: int) -> None:
        """Classify the block that starts at `p` (after any list markers) and open it."""
        while True:
            s = line[p:]
            m = _fence(s)
            if m:
                base = max(self.lists, default=0)
                self.fence = (m.group(1)[0], len(m.group(1)), depth, base)
                self.pending = None
                return
            kind = _html_kind(s, in_paragraph=False)
            if kind is not None:
                self._start_html(i, line, p, kind)
                return
            if _HR.match(s):
                self.pending = None
                return
            m = _ATX.match(s)
            if m:
                self._emit_heading(i, line, p + m.end())
                return
            if self._table_start(i, s):
                self.table_depth = depth
                self._emit_row(i, p)
                self.skip_until = i + 1  # the delimiter row
                return
            m = _LIST.match(s)
            if m:
                marker_end = p + m.end()
                marker_col = ind + m.end()
                q, c = _skip_space(line, marker_end, marker_col)
                if q >= len(line) or c - marker_col > 4:
                    # Empty item, or one starting with indented code: content sits
                    # one column after the marker.
                    self.lists = [x for x in self.lists if x <= ind] + [marker_col + 1]
                    return
                self.lists = [x for x in self.lists if x <= ind] + [c]
                p, ind = q, c
                continue
            if self._link_definition(i, s):
                return
            start = self.starts[i] + p
            self.paragraph = _Block(
                start, self.starts[i] + len(line.rstrip()), i, depth, self._take_pending(i)
            )
            return

    def _link_definition(self, i: int, s: str) -> bool:
        m = _LINK_DEF.match(s)
        if not m or m.group(1).startswith("^") or not m.group(1).strip():
            return False  # [^1]: is a footnote, whose text is prose
        rest = m.group(2)
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        if not rest.strip():
            if not nxt.strip():
                return False
            self.skip_until = i + 1  # destination on the next line
            if i + 2 < len(self.lines) and _TITLE_LINE.match(self.lines[i + 2]):
                self.skip_until = i + 2
        elif _DEF_REST.match(rest):
            if _TITLE_LINE.match(nxt) and not re.search(_TITLE + r"[ \t]*$", rest):
                self.skip_until = i + 1  # title on the next line
        else:
            return False
        self.labels.add(link_label(m.group(1)))
        self.pending = None
        return True

    def _start_html(self, i: int, line: str, p: int, kind: int) -> None:
        end = _HTML_BLOCKS[kind][1]
        self.html = (kind, end)
        self.html_first = i
        self.html_text = [line[p:]]
        # Kinds 1-5 may end on their first line; look past the opening marker.
        if end is not None and end.search(line, p + 2):
            self._end_html(i)

    def _end_html(self, i: int) -> None:
        kind, _ = self.html or (None, None)
        self.html = None
        if kind != _COMMENT_KIND:
            self.pending = None
            return
        texts = [c.strip() for c in re.findall(r"<!--([\s\S]*?)-->", "\n".join(self.html_text))]
        if self.pending and self.pending[0] == self.html_first - 1:
            texts = self.pending[1] + texts  # consecutive comment lines all apply
        self.pending = (i, texts)

    # -- emitting -----------------------------------------------------------

    def _take_pending(self, i: int) -> tuple[str, ...]:
        """Comments of an HTML comment block that ends on the line before line `i`."""
        pending, self.pending = self.pending, None
        if pending and pending[0] == i - 1:
            return tuple(pending[1])
        return ()

    def _close_paragraph(self) -> None:
        if self.paragraph is not None:
            self.blocks.append(self.paragraph)
            self.paragraph = None

    def _emit_heading(self, i: int, line: str, p: int) -> None:
        content = line[p:].rstrip()
        content = _ATX_CLOSE.sub("", content)  # optional closing hashes
        q, _ = _skip_space(line, p, 0)
        end = p + len(content)
        comments = self._take_pending(i)
        if q < end:
            self.blocks.append(_Block(self.starts[i] + q, self.starts[i] + end, i, 0, comments))

    def _emit_row(self, i: int, p: int) -> None:
        line = self.lines[i]
        q = p + 1 if line[p : p + 1] == "|" else p
        q, _ = _skip_space(line, q, 0)
        row = line.rstrip()
        if row.endswith("|") and not row.endswith("\\|"):
            row = row[:-1].rstrip()
        comments = self._take_pending(i)
        if q < len(row):
            self.blocks.append(_Block(self.starts[i] + q, self.starts[i] + len(row), i, 0, comments))
