"""Where `termcheck: ignore` markers count in each format, and which lines they cover.

- text (`.txt`): anywhere in a line. It covers its own line; a marker on a line of
  its own (nothing else but punctuation, e.g. `# termcheck: ignore`) also covers
  the next line.
- Markdown: only inside an HTML comment `<!-- termcheck: ignore[...] -->` that is
  not in code (fenced, indented, inline) or front matter. It covers the comment's
  lines; a comment on a line of its own also covers the next line.
- PO: in a translator comment (`# termcheck: ignore[...]`) of an entry; it covers
  the whole entry, from its first comment line to its last msgstr line. Entries the
  check skips (obsolete; fuzzy unless `include_fuzzy`) contribute none.
- XLIFF: in a `<note>` of a `<trans-unit>` (1.2) or `<unit>` (2.0); it covers the unit.
- TMX: in a `<note>` of a `<tu>` or of one of its `<tuv>`s; it covers the unit.
- Localization files (Android, .properties, JSON, YAML, Qt, Apple, RESX): in the
  notes and comments of a string; see checker.project.suppressions.l10n.
- HTML, reStructuredText, AsciiDoc: in the format's comments; see
  checker.project.suppressions.prose.

A marker is written on one line and covers only the lines said above (stacked
markers do not chain: put several rules in one list).

Scanning works on the decoded text with the readers' line numbering (newlines
normalised), so a suppression's lines are those of the findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from checker.project.suppressions.markers import MARKER, QUICK, Suppression, TextIndex, find_markers


def read_suppressions(path: str, format: str, encoding: str = "utf-8", *, include_fuzzy: bool = False) -> list[Suppression]:
    """scan_suppressions() of the file at `path`, decoded with `encoding` (a Document's).

    A file that cannot be read gives no suppressions: its read-error is reported anyway.
    """
    from checker.documents.encoding import read_bytes
    from checker.documents.model import ReadError

    try:
        # Like the reader: never waits on a FIFO the path became since (no size limit: the
        # reader applied it already).
        data = read_bytes(path, None)
    except ReadError:
        return []
    text = _decode_leniently(data, encoding)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return scan_suppressions(path, text, format, include_fuzzy=include_fuzzy)


def _decode_leniently(data: bytes, encoding: str) -> str:
    """`data` as the reader decoded it: strictly first (the reader did, so this is the
    common case), then with replacement characters, then as UTF-8. Some codecs refuse the
    `replace` handler (`idna`) or fail without a position (`punycode`): whatever a codec
    raises, this returns text."""
    for codec, errors in ((encoding, "strict"), (encoding, "replace"), ("utf-8", "replace")):
        try:
            text = data.decode(codec, errors)
        except Exception:  # noqa: BLE001 - LookupError, UnicodeError, ValueError, TypeError...
            continue
        if isinstance(text, str):
            return text
    return data.decode("utf-8", "replace")  # pragma: no cover - the last step above cannot fail


def scan_suppressions(path: str, text: str, format: str, *, include_fuzzy: bool = False) -> list[Suppression]:
    """The suppressions written in `text` (newlines normalised), in file order.

    `format` is a value of `checker.documents.SUFFIXES`; an unknown one gives none.
    """
    if not QUICK.search(text):
        return []  # the common case: no marker at all, skip the format's scan
    if format == "text":
        return list(_scan_text(path, text))
    if format == "markdown":
        return list(_scan_markdown(path, text))
    if format == "po":
        return list(_scan_po(path, text, include_fuzzy))
    if format == "xliff":
        return list(_scan_xliff(path, text, include_fuzzy))
    if format == "tmx":
        return list(_scan_tmx(path, text))
    from checker.project.suppressions.l10n import FORMATS as L10N, scan_l10n  # Android, .properties, JSON...

    if format in L10N:
        return list(scan_l10n(path, text, format))
    from checker.project.suppressions.prose import FORMATS, scan_prose  # HTML, reST, AsciiDoc

    if format in FORMATS:
        return list(scan_prose(path, text, format))
    return []


# --- text ------------------------------------------------------------------------------


def _own_line(rest: str) -> bool:
    """True if what surrounds a marker on its line is only punctuation and spaces."""
    return not any(c.isalnum() for c in rest)


def _scan_text(path: str, text: str) -> Iterator[Suppression]:
    for number, line in enumerate(text.split("\n"), 1):
        if not QUICK.search(line):
            continue
        last = number + 1 if _own_line(MARKER.sub("", line)) else number
        yield from find_markers(path, line, number, 1, number, last)


# --- Markdown --------------------------------------------------------------------

_QUOTE_PREFIX = re.compile(r"(?:[ ]{0,3}>[ ]?)*")
_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_INLINE = re.compile(r"`+|<!--")
_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


def _scan_markdown(path: str, text: str) -> Iterator[Suppression]:
    lines = text.split("\n")
    code = _markdown_code_lines(lines)
    # Blank out code lines (keeping every offset) so that one pass finds the comments.
    prose = "\n".join(" " * len(line) if i in code else line for i, line in enumerate(lines))
    index = TextIndex(text)
    pos = 0
    while True:
        m = _INLINE.search(prose, pos)
        if m is None:
            return
        if m.group().startswith("`"):
            pos = _after_code_span(prose, m.start(), len(m.group()))
            continue
        if prose.startswith(("<!-->", "<!--->"), m.start()):
            pos = m.end() + 1  # an empty comment, by CommonMark
            continue
        end = prose.find("-->", m.end())
        if end < 0:
            return  # an unclosed comment runs to the end; it is no suppression
        yield from _comment_markers(path, index, m.start(), end)
        pos = end + 3


def _after_code_span(prose: str, start: int, run: int) -> int:
    """Offset after the code span opened by `run` backticks at `start` (or after the run if unmatched)."""
    stop = _BLANK_LINE.search(prose, start)
    limit = stop.start() if stop else len(prose)
    closer = re.compile(rf"(?<!`)`{{{run}}}(?!`)")
    m = closer.search(prose, start + run, limit)
    return m.end() if m else start + run


def _comment_markers(path: str, index: TextIndex, start: int, end: int) -> Iterator[Suppression]:
    """Markers in the comment text[start:end+3]; they cover its lines, and the next one
    if the comment stands on lines of its own."""
    text = index.text
    first, _ = index.position(start)
    last, _ = index.position(end)
    before = text[index.starts[first - 1] : start]
    after_end = text.find("\n", end)
    after = text[end + 3 : after_end if after_end >= 0 else len(text)]
    own = not _QUOTE_PREFIX.sub("", before).strip() and not after.strip()
    yield from index.markers(path, start + 4, end, first, last + 1 if own else last)


def _markdown_code_lines(lines: list[str]) -> set[int]:
    """0-based indices of front matter, fenced and indented code lines.

    An approximation of CommonMark, like the reader's: where unsure (fences inside list
    items at any indentation), a line is taken for code, so a doubtful marker does not count.
    """
    code: set[int] = set()
    start = 0
    if lines and lines[0].rstrip() in ("---", "+++"):
        closers = ("---", "...") if lines[0].rstrip() == "---" else ("+++",)
        for i in range(1, len(lines)):
            if lines[i].rstrip() in closers:
                code.update(range(i + 1))
                start = i + 1
                break
    fence: tuple[str, int] | None = None
    previous_blank, in_indented, in_list = True, False, False
    for i in range(start, len(lines)):
        body = lines[i][_QUOTE_PREFIX.match(lines[i]).end() :].expandtabs(4)  # type: ignore[union-attr]
        stripped = body.lstrip(" ")
        indent = len(body) - len(stripped)
        if fence is not None:
            code.add(i)
            closing = stripped.rstrip()
            if closing and set(closing) == {fence[0]} and len(closing) >= fence[1]:
                fence = None
            continue
        if not stripped:
            previous_blank = True
            continue
        if indent >= 4 and not in_list and (previous_blank or in_indented):
            code.add(i)
            in_indented, previous_blank = True, False
            continue
        in_indented = False
        m = _FENCE_OPEN.match(stripped)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            code.add(i)
            fence = (m.group(1)[0], len(m.group(1)))
        elif indent <= 3 and _LIST_ITEM.match(stripped):
            in_list = True
        elif indent == 0 and previous_blank:
            in_list = False  # a paragraph after a blank line at the margin ends the list
        previous_blank = False
    return code


# --- PO ------------------------------------------------------------------------------

_PO_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*\"")


@dataclass
class _Entry:
    first: int
    last: int
    comments: list[tuple[int, str]] = field(default_factory=list)  # (line, translator comment)
    seen_msgid: bool = False
    seen_msgstr: bool = False
    fuzzy: bool = False
    obsolete: bool = False


def _po_entries(lines: list[str]) -> Iterator[_Entry]:
    """Entries as line ranges; they end at a blank line or where the next one begins."""
    entry: _Entry | None = None
    for number, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            if entry:
                yield entry
            entry = None
            continue
        starts_new = False
        if s.startswith("#"):
            # A comment after a msgstr belongs to the next entry (written without a blank line).
            starts_new = bool(entry and entry.seen_msgstr)
        else:
            m = _PO_KEYWORD.match(s)
            if m and m.group(1) in ("msgctxt", "msgid") and entry and (entry.seen_msgstr or entry.seen_msgid):
                starts_new = True
        if starts_new and entry:
            yield entry
            entry = None
        if entry is None:
            entry = _Entry(number, number)
        entry.last = number
        if s.startswith("#~"):
            entry.obsolete = entry.obsolete or not entry.seen_msgid
        elif s.startswith("#,"):
            entry.fuzzy = entry.fuzzy or "fuzzy" in (f.strip() for f in s[2:].split(","))
        elif s.startswith("#") and (len(s) == 1 or s[1] in " \t"):
            entry.comments.append((number, line))
        elif not s.startswith("#"):
            m = _PO_KEYWORD.match(s)
            if m:
                entry.seen_msgid = entry.seen_msgid or m.group(1) == "msgid"
                entry.seen_msgstr = entry.seen_msgstr or m.group(1).startswith("msgstr")
    if entry:
        yield entry


def _scan_po(path: str, text: str, include_fuzzy: bool) -> Iterator[Suppression]:
    for entry in _po_entries(text.split("\n")):
        if entry.obsolete or (entry.fuzzy and not include_fuzzy):
            continue  # the check skips the entry: a marker there would always be "unused"
        for number, line in entry.comments:
            yield from find_markers(path, line, number, 1, entry.first, entry.last)


# --- XLIFF -----------------------------------------------------------------------------

_XML_COMMENT = re.compile(r"<!--[\s\S]*?-->")
_UNIT = re.compile(r"<(?:[\w.-]+:)?(trans-unit|unit)(?=[\s>])[^>]*(?<!/)>")
_NOTE = re.compile(r"<(?:[\w.-]+:)?note(?=[\s>])[^>]*(?<!/)>([\s\S]*?)</(?:[\w.-]+:)?note\s*>")


_STATE = re.compile(r"<(?:[\w.-]+:)?(?:target|segment)(?=[\s>])[^>]*\sstate\s*=\s*[\"']([\w-]+)[\"']")


def _scan_xliff(path: str, text: str, include_unfinished: bool = False) -> Iterator[Suppression]:
    from checker.documents.xliff import UNFINISHED_STATES

    # Commented-out markup is no note: blank it, keeping offsets.
    text = _XML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    index = TextIndex(text)
    for unit in _UNIT.finditer(text):
        close = re.compile(rf"</(?:[\w.-]+:)?{unit.group(1)}\s*>").search(text, unit.end())
        end = close.end() if close else len(text)
        first, _ = index.position(unit.start())
        last, _ = index.position(end - 1)
        if not include_unfinished and any(
            m.group(1) in UNFINISHED_STATES for m in _STATE.finditer(text, unit.end(), end)
        ):
            continue  # the check skips unfinished units: their markers are not unused
        for note in _NOTE.finditer(text, unit.end(), end):
            yield from index.markers(path, note.start(1), note.end(1), first, last)


# --- TMX -------------------------------------------------------------------------------

_TU = re.compile(r"<tu(?=[\s>])[^>]*(?<!/)>")
_TU_END = re.compile(r"</tu\s*>")


def _scan_tmx(path: str, text: str) -> Iterator[Suppression]:
    text = _XML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    index = TextIndex(text)
    for unit in _TU.finditer(text):
        close = _TU_END.search(text, unit.end())
        end = close.end() if close else len(text)
        first, _ = index.position(unit.start())
        last, _ = index.position(end - 1)
        for note in _NOTE.finditer(text, unit.end(), end):
            yield from index.markers(path, note.start(1), note.end(1), first, last)
