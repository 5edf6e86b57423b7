"""Java `.properties` resource bundles (`messages_de.properties`): one entry per key.

Read as `java.util.Properties.load` reads them: `#` and `!` comment lines, keys ending at
the first unescaped `=`, `:` or white space, logical lines continued by an odd number of
trailing backslashes (the next line's leading white space dropped), and the escapes
`\\uXXXX`, `\\t`, `\\n`, `\\r`, `\\f` and `\\` before any other character. A small
scanner, not Translate Toolkit's `properties.javafile` nor jproperties: both give a
value's line at best, never its column or where a continuation or `\\u00fc` puts each
character; here every escape is an anchor. The comment lines just above a key are its
notes.

Encoding: UTF-8 (with or without BOM), as Java 9's ResourceBundle reads it; a file that is
not valid UTF-8 is ISO-8859-1, the encoding `Properties.load(InputStream)` always used.
Message placeholders (`{0}`, `{0,number}`, `${validatedValue}`) are masked before matching.
"""

from __future__ import annotations

import re

from checker.documents.encoding import normalise_newlines
from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.escapes import unescape

_WS = " \t\f"
_KEY = re.compile(r"[ \t\f]*((?:\\[\s\S]|[^ \t\f=:\\])*)[ \t\f]*[=:]?[ \t\f]*")
# A continuation (backslash, line break, the next line's leading white space) reads as nothing.
_ESCAPE = re.compile(r"\\(\n[ \t\f]*|u[0-9A-Fa-f]{4}|[\s\S])")
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


def _replace(m: re.Match[str]) -> str:
    code = m.group(1)
    if code[0] == "\n":
        return ""
    if len(code) == 5 and code[0] == "u":
        return chr(int(code[1:], 16))
    return _SIMPLE.get(code, code)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_properties(path: str, data: bytes, **_: object) -> Catalog:
    """The entries of a `.properties` file."""
    text, encoding = _decode(data)
    text = normalise_newlines(text)
    lines = text.split("\n")
    entries: list[Entry] = []
    notes: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip(_WS)
        if not stripped:
            notes = []
            i += 1
            continue
        if stripped[0] in "#!":
            notes.append(stripped[1:].strip())
            i += 1
            continue
        first = i
        while _continues(lines[i]) and i + 1 < len(lines):
            i += 1
        logical = "\n".join(lines[first : i + 1])
        i += 1
        m = _KEY.match(logical)
        assert m is not None  # the pattern matches any text
        key = _ESCAPE.sub(_replace, m.group(1))
        raw = logical[m.end() :]
        if raw.endswith("\\") and _continues(raw):
            raw = raw[:-1]  # a continuation on the file's last line continues nothing
        start_line = first + 1 + logical.count("\n", 0, m.end())
        start_column = m.end() - (logical.rfind("\n", 0, m.end()) + 1) + 1
        value, line_no, column, anchors = unescape((raw, start_line, start_column, ()), _ESCAPE, _replace)
        comments, notes = tuple(n for n in notes if n), []
        if value.strip():
            entries.append(Entry(key, value, line_no, column, anchors, comments))
    return Catalog(tuple(entries), encoding=encoding, text=text)


def _continues(line: str) -> bool:
    """A line continues on the next when it ends with an odd number of backslashes."""
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1
