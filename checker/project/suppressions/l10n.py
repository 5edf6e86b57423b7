"""Where `termcheck: ignore` markers count in the localization formats: in the notes the
format has for a string, never in the string itself.

- Android `strings.xml`, Qt `.ts`, `.resx`: an XML comment just before a unit
  (`<string>`, `<plurals>`, `<string-array>`; `<message>`; `<data>`) or inside it, and
  the unit's note elements (Qt `<comment>`, `<extracomment>`, `<translatorcomment>`; RESX
  `<comment>`). It covers the comment and the whole unit.
- `.properties`, Apple `.strings`, YAML: a comment (`#`/`!`; `/* */`, `//`; `#`) on the
  lines just before an entry covers the comment and the entry; a comment at the end of
  an entry's line covers that entry.
- JSON (ARB `@key.description`, Chrome `description`) and `.xcstrings` (`comment`): the
  key's note covers the key's entry. i18next JSON has no notes, so no markers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from checker.project.suppressions.markers import Suppression, TextIndex, find_markers

_XML_UNITS = {
    "android": r"string|plurals|string-array",
    "qt": r"message",
    "resx": r"data",
}
_XML_NOTES = {"qt": r"comment|extracomment|translatorcomment", "resx": r"comment"}
_COMMENT = re.compile(r"<!--([\s\S]*?)-->")

FORMATS = frozenset({*_XML_UNITS, "properties", "strings", "yaml", "json", "xcstrings"})


def scan_l10n(path: str, text: str, format: str) -> Iterator[Suppression]:
    """The suppressions of a localization file (newlines normalised), in file order."""
    if format in _XML_UNITS:
        yield from _scan_xml(path, text, format)
    elif format == "strings":
        yield from _scan_strings(path, text)
    elif format in _LINE_COMMENTS:
        yield from _scan_lines(path, text, format)
    elif format in ("json", "xcstrings"):
        yield from _scan_json(path, text, format)


def _scan_xml(path: str, text: str, format: str) -> Iterator[Suppression]:
    index = TextIndex(text)
    names = _XML_UNITS[format]
    opening = re.compile(rf"<(?:[\w.-]+:)?({names})(?=[\s/>])[^>]*?(/?)>")
    units: list[tuple[int, int]] = []  # (start, end) of each unit element
    pos = 0
    while True:
        m = opening.search(text, pos)
        if m is None:
            break
        if m.group(2):
            end = m.end()
        else:
            close = re.compile(rf"</(?:[\w.-]+:)?{m.group(1)}\s*>").search(text, m.end())
            end = close.end() if close else len(text)
        units.append((m.start(), end))
        pos = end
    starts = [u[0] for u in units]
    found: list[tuple[int, int, int, int]] = []  # (marker start, marker end, unit start, unit end)
    for c in _COMMENT.finditer(text):
        i = bisect_right(starts, c.start()) - 1
        if i >= 0 and units[i][0] < c.start() < units[i][1]:
            found.append((c.start(1), c.end(1), c.start(), units[i][1]))
            continue
        following = i + 1
        if following < len(units) and not _COMMENT.sub("", text[c.end() : units[following][0]]).strip():
            found.append((c.start(1), c.end(1), c.start(), units[following][1]))
    if format in _XML_NOTES:
        note = re.compile(rf"<(?:[\w.-]+:)?({_XML_NOTES[format]})(?=[\s>])[^>]*(?<!/)>([\s\S]*?)</(?:[\w.-]+:)?\1\s*>")
        for start, end in units:
            for n in note.finditer(text, start, end):
                found.append((n.start(2), n.end(2), start, end))
    for a, b, unit_start, unit_end in sorted(found):
        first, _ = index.position(unit_start)
        last, _ = index.position(max(unit_end - 1, unit_start))
        yield from index.markers(path, a, b, first, last)


# --- line formats ------------------------------------------------------------------

_LINE_COMMENTS = {
    "properties": re.compile(r"^[ \t\f]*[#!]"),
    "yaml": re.compile(r"^[ \t]*#"),
}
_TRAILING = {
    "yaml": re.compile(r"\s#[^\n]*$"),
    "properties": None,
}


def _scan_lines(path: str, text: str, format: str) -> Iterator[Suppression]:
    lines = text.split("\n")
    comment = _LINE_COMMENTS[format]
    trailing = _TRAILING[format]
    block: list[int] = []  # 0-based indices of the comment lines just above
    for i, line in enumerate(lines):
        if comment.match(line):
            block.append(i)
            continue
        if not line.strip():
            block = []  # a blank line ends a comment's reach
            continue
        last = _entry_end(lines, i, format)
        for j in block:
            yield from find_markers(path, lines[j], j + 1, 1, block[0] + 1, last + 1)
        block = []
        if trailing is not None:
            m = trailing.search(line)
            if m:
                yield from find_markers(path, m.group(), i + 1, m.start() + 1, i + 1, last + 1)


def _entry_end(lines: list[str], i: int, format: str) -> int:
    """The last line (0-based) of the entry starting on line `i`."""
    if format == "properties":
        j = i
        while j + 1 < len(lines) and _continues(lines[j]):
            j += 1
        return j
    if format == "yaml":
        indent = len(lines[i]) - len(lines[i].lstrip())
        j = i
        while j + 1 < len(lines) and (not lines[j + 1].strip() or len(lines[j + 1]) - len(lines[j + 1].lstrip()) > indent):
            j += 1
        while j > i and not lines[j].strip():
            j -= 1
        return j
    return i


def _continues(line: str) -> bool:
    """A .properties line continues on the next when it ends with an odd number of backslashes."""
    stripped = line.rstrip("\r")
    return (len(stripped) - len(stripped.rstrip("\\"))) % 2 == 1


def _scan_strings(path: str, text: str) -> Iterator[Suppression]:
    """Apple .strings: the comments just before an entry (only white space between) cover
    them and the entry; a comment after the entry's `;` on its last line covers the entry."""
    from checker.documents.l10n.apple import _TOKEN

    index = TextIndex(text)
    comments: list[tuple[int, int]] = []  # (start, end) of the comments waiting for an entry
    last_entry: tuple[int, int] | None = None  # lines of the entry just read
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return
        pos = m.end()
        if m.group("space") is not None:
            if m.group().count("\n") > 1:
                comments = []  # a blank line between a comment and the entry ends its reach
            if "\n" in m.group():
                last_entry = None
            continue
        if m.group("comment") is not None:
            if last_entry is not None:  # on the entry's line, after its `;`
                yield from index.markers(path, m.start(), m.end(), *last_entry)
            else:
                comments.append((m.start(), m.end()))
            continue
        first, _ = index.position(m.start())
        last, _ = index.position(m.end() - 1)
        for a, b in comments:
            yield from index.markers(path, a, b, index.position(comments[0][0])[0], last)
        comments, last_entry = [], (first, last)


# --- JSON ----------------------------------------------------------------------------


def _scan_json(path: str, text: str, format: str) -> Iterator[Suppression]:
    if format == "json":
        from checker.documents.l10n.jsonl10n import notes_with_places
    else:
        from checker.documents.l10n.xcstrings import notes_with_places

    index = TextIndex(text)
    for note_start, note_end, first, last in notes_with_places(text):
        yield from index.markers(path, note_start, note_end, first, last)
