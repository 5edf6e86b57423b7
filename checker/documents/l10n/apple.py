"""Apple `.strings` and `.stringsdict` (`de.lproj/Localizable.strings`), paired with the
`en.lproj` or `Base.lproj` file of the same name.

`.strings`: `"key" = "value";` entries with `/* */` and `//` comments (the comment just
before an entry is its note), keys quoted or bare, values with the escapes `\\"`, `\\\\`,
`\\n`, `\\t`, `\\r`, `\\U00e9` and octal `\\012` (anchored). Read by a small scanner over the
decoded text (UTF-16 with BOM or UTF-8, as Xcode writes them): Translate Toolkit's
`stringsfile` parses at half the PO reader's speed and keeps no positions.

`.stringsdict`: a property list whose `NSStringLocalizedFormatKey` strings and plural
variants (`zero`, `one`, `two`, `few`, `many`, `other`) are checked; keys
`KEY/NSStringLocalizedFormatKey` and `KEY/VARIABLE/one`, a form the source lacks falling
back on its `other`. Parsed with checker.documents.l10n.xmltree for positions.
"""

from __future__ import annotations

import re

from checker.documents.encoding import decode, normalise_newlines
from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.escapes import unescape
from checker.documents.l10n.xmltree import Element, parse, text_of
from checker.documents.lines import Lines
from checker.documents.model import ReadError

_TOKEN = re.compile(
    r'(?P<space>\s+)|(?P<comment>/\*[\s\S]*?\*/|//[^\n]*)'
    r'|(?P<key>"(?:[^"\\]|\\[\s\S])*"|[\w.$:/+-]+)\s*(?:=\s*(?P<value>"(?:[^"\\]|\\[\s\S])*")\s*)?;'
)
_ESCAPE = re.compile(r"\\([Uu][0-9A-Fa-f]{4}|[0-7]{1,3}|[\s\S])")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def _replace(m: re.Match[str]) -> str:
    code = m.group(1)
    if len(code) == 5 and code[0] in "Uu":
        return chr(int(code[1:], 16))
    if code[0] in "01234567":
        return chr(int(code, 8))
    return _SIMPLE.get(code, code)


def read_strings(path: str, data: bytes, **_: object) -> Catalog:
    """The entries of an Apple `.strings` file."""
    text, encoding = decode(data, path)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    lines = Lines(text)
    entries: list[Entry] = []
    note: tuple[str, ...] = ()
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise ReadError(path, "malformed .strings file: expected \"key\" = \"value\";", *lines.position(pos))
        pos = m.end()
        if m.group("space") is not None:
            continue
        if m.group("comment") is not None:
            body = m.group("comment")
            body = body[2:-2] if body.startswith("/*") else body[2:]
            note = tuple(line.strip(" *\t") for line in body.strip().splitlines() if line.strip(" *\t"))
            continue
        raw_key, raw_value = m.group("key"), m.group("value")
        key = _ESCAPE.sub(_replace, raw_key[1:-1]) if raw_key.startswith('"') else raw_key
        if raw_value is not None:
            start = m.start("value") + 1
            value, line, column, anchors = unescape((raw_value[1:-1], *lines.position(start), ()), _ESCAPE, _replace)
            if value.strip():
                entries.append(Entry(key, value, line, column, anchors, note))
        note = ()
    return Catalog(tuple(entries), encoding, text=text)


def read_stringsdict(path: str, data: bytes, **_: object) -> Catalog:
    """The format strings and plural variants of an Apple `.stringsdict` file."""
    root, encoding = parse(path, data, "a property list")
    top = root.first("dict") if root.name == "plist" else None
    if top is None:
        raise ReadError(path, f"not a .stringsdict property list (root element <{root.name}>)", root.line, root.column)
    entries: list[Entry] = []
    for key, value in _pairs(top):
        if value.name != "dict":
            continue
        for name, inner in _pairs(value):
            if name == "NSStringLocalizedFormatKey" and inner.name == "string":
                entries.extend(_entry(f"{key}/{name}", inner))
            elif inner.name == "dict":
                for form, string in _pairs(inner):
                    if form in _PLURAL_FORMS and string.name == "string":
                        entries.extend(_entry(f"{key}/{name}/{form}", string, f"{key}/{name}/other"))
    return Catalog(tuple(entries), encoding)


def _pairs(element: Element) -> list[tuple[str, Element]]:
    """The (key, value element) pairs of a plist `<dict>`."""
    children = element.elements()
    out = []
    for i in range(0, len(children) - 1):
        if children[i].name == "key":
            out.append((text_of(children[i])[0], children[i + 1]))
    return out


def _entry(key: str, element: Element, fallback: str | None = None) -> list[Entry]:
    text, line, column, anchors = text_of(element)
    return [Entry(key, text, line, column, anchors, fallback=fallback)] if text.strip() else []
