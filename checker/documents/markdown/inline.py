"""Inline Markdown: blanking what is not prose inside a block (code spans, inline HTML,
autolinks, bare URLs, link destinations, footnote markers, defined reference labels).

Every blanked character becomes a space (newlines stay, so positions stay right) except the
first and last, which become U+FFFC, so no term can match across the removed code. The raw
HTML tag patterns and the link-label rule are CommonMark's inline definitions; the block
scanner (markdown_blocks.py) uses them too.
"""

from __future__ import annotations

import re

OBJECT = "\ufffc"  # neither a word character nor whitespace for `re`

_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
OPEN_TAG = rf"<{_TAG_NAME}{_ATTRIBUTE}*\s*/?>"
CLOSE_TAG = rf"</{_TAG_NAME}\s*>"

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_INLINE_HTML = re.compile(
    rf"<!-->|<!--->|<!--(?P<comment>[\s\S]*?)-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>"
    rf"|<![A-Za-z][^>]*>|{CLOSE_TAG}|{OPEN_TAG}"
)
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<]*", re.I)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_BACKTICKS = re.compile(r"`+")


def link_label(label: str) -> str:
    """Link labels match case-insensitively, with runs of whitespace as one space."""
    return " ".join(label.split()).casefold()


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
                if close > i + 2 and link_label(s[i + 2 : close]) in labels:
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
