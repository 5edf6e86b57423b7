"""Markdown: the prose of a document, with code, markup and URLs blanked out.

A line-based scanner rather than markdown-it-py: a parser's tokens carry line
ranges but no columns, and rebuilding exact offsets from its rendered inline
content is harder than recognising the few block and inline constructs that
matter here. The scanner follows CommonMark (plus GFM tables, footnotes and bare
URLs) closely enough to tell prose from code; where it simplifies (nested
containers more than one level deep, HTML blocks ending inside containers), the
error is towards treating odd lines as prose.

Each segment (paragraph, heading, list item paragraph, table row) is a slice of
the file from its first character, so Segment.position() needs no anchors. Inside
it, code spans, inline HTML, autolinks, link destinations and reference labels
are blanked: every character becomes a space (newlines stay) except the first and
last, which become U+FFFC, so no term can match across the removed code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.documents.encoding import decode, normalise_newlines
from checker.documents.model import Document, Segment

OBJECT = "\ufffc"  # neither a word character nor whitespace for `re`

# --- block level -------------------------------------------------------------

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
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_OPEN_TAG = rf"<{_TAG_NAME}{_ATTRIBUTE}*\s*/?>"
_CLOSE_TAG = rf"</{_TAG_NAME}\s*>"
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
    (re.compile(rf"(?:{_OPEN_TAG}|{_CLOSE_TAG})[ \t]*$"), None),
)
_COMMENT_KIND = 1  # index of the HTML comment kind in _HTML_BLOCKS

# --- inline level --------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_INLINE_HTML = re.compile(
    rf"<!-->|<!--->|<!--(?P<comment>[\s\S]*?)-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>"
    rf"|<![A-Za-z][^>]*>|{_CLOSE_TAG}|{_OPEN_TAG}"
)
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<]*", re.I)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_BACKTICKS = re.compile(r"`+")


def read_markdown(path: str, data: bytes) -> Document:
    """A Document of the prose segments of a Markdown file."""
    text, encoding = decode(data, path)
    text = normalise_newlines(text)
    return Document(
        path=path,
        format="markdown",
        language=None,
        language_source="unknown",
        segments=tuple(segments(path, text)),
        encoding=encoding,
        text=text,
    )


def segments(path: str, text: str) -> list[Segment]:
    """The prose segments of Markdown `text` (newlines already normalised)."""
    scanner = _BlockScanner(text)
    scanner.run()
    out = []
    for block in scanner.blocks:
        masked, comments = mask_inline(text[block.start : block.end], scanner.labels)
        masked = masked.rstrip()
        if not masked.strip(" \t\n" + OBJECT):
            continue  # nothing left once code and markup are gone
        out.append(
            Segment(
                path=path,
                line=block.line + 1,
                column=block.start - scanner.starts[block.line] + 1,
                text=masked,
                comments=(*block.comments, *comments),
            )
        )
    return out


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


class _BlockScanner:
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
        self.labels.add(_label(m.group(1)))
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


def _label(label: str) -> str:
    """Link labels match case-insensitively, with runs of whitespace as one space."""
    return " ".join(label.split()).casefold()


# --- inline masking ------------------------------------------------------------


def mask_inline(s: str, labels: set[str] | frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """`s` with code spans, inline HTML, autolinks, bare URLs, link destinations and
    defined reference labels blanked; also the texts of the HTML comments in it.
    """
    out = list(s)
    comments: list[str] = []
    brackets: list[int] = []  # offsets of unmatched "["
    i, n = 0, len(s)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if out[k] != "\n":  # keep line breaks so positions stay right
                out[k] = " "
        out[a] = out[b - 1] = OBJECT

    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in _ASCII_PUNCTUATION:
            i += 2
            continue
        if c == "`":
            run = _BACKTICKS.match(s, i).end() - i  # type: ignore[union-attr]
            close = _closing_backticks(s, i + run, run)
            if close is None:
                i += run  # an unmatched run is literal text
            else:
                blank(i, close + run)
                i = close + run
            continue
        if c == "<":
            m = _AUTOLINK.match(s, i) or _INLINE_HTML.match(s, i)
            if m:
                if m.lastgroup == "comment":
                    comments.append(m.group("comment").strip())
                blank(i, m.end())
                i = m.end()
                continue
        elif c == "[":
            m = _FOOTNOTE.match(s, i)
            if m:
                blank(i, m.end())
                i = m.end()
                continue
            brackets.append(i)
        elif c == "]" and brackets:
            brackets.pop()
            if s[i + 1 : i + 2] == "(":
                end = _link_destination(s, i + 1)
                if end is not None:
                    blank(i + 1, end)
                    i = end
                    continue
            elif s[i + 1 : i + 2] == "[":
                close = s.find("]", i + 2)
                if close > i + 2 and _label(s[i + 2 : close]) in labels:
                    blank(i + 1, close + 1)
                    i = close + 1
                    continue
        elif c in "hHwW" and (i == 0 or s[i - 1] in " \t\n*_~(" + OBJECT):
            m = _BARE_URL.match(s, i)
            if m:
                end = i + len(_trim_url(m.group()))
                if end > i + 4:
                    blank(i, end)
                    i = end
                    continue
        i += 1
    return "".join(out), comments


def _closing_backticks(s: str, start: int, run: int) -> int | None:
    """Offset of the next run of exactly `run` backticks at or after `start`."""
    for m in _BACKTICKS.finditer(s, start):
        if m.end() - m.start() == run:
            return m.start()
    return None


def _link_destination(s: str, open_paren: int) -> int | None:
    """End of the part of an inline link to blank: `(url` when a title follows
    (titles are prose), `(url)` otherwise; None when this is no inline link.
    """
    i, n = open_paren + 1, len(s)
    while i < n and s[i] in " \t\n":
        i += 1
    if i < n and s[i] == "<":
        close = s.find(">", i)
        if close < 0 or "\n" in s[i:close] or "<" in s[i + 1 : close]:
            return None
        i = close + 1
    else:
        depth = 0
        while i < n and not s[i].isspace():
            if s[i] == "\\" and i + 1 < n:
                i += 2
                continue
            if s[i] == "(":
                depth += 1
            elif s[i] == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
    url_end = i
    while i < n and s[i] in " \t\n":
        i += 1
    if i < n and s[i] == ")":
        return i + 1
    if i < n and i > url_end and s[i] in "\"'(":
        closer = ")" if s[i] == "(" else s[i]
        j = i + 1
        while j < n and s[j] != closer:
            j += 2 if s[j] == "\\" else 1
        j += 1
        while j < n and s[j] in " \t\n":
            j += 1
        if j < n and s[j] == ")":
            return url_end
    return None


def _trim_url(url: str) -> str:
    """GFM's rule: trailing punctuation and unbalanced closing parentheses are not part of a URL."""
    while url:
        if url[-1] in "?!.,:*_~'\"":
            url = url[:-1]
        elif url[-1] == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        else:
            break
    return url
