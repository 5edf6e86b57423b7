"""Android string resources (`res/values*/strings.xml`): `<string>`, `<plurals>` items and
`<string-array>` items.

Parsed into a positioned element tree (checker.documents.l10n.xmltree: defusedxml's expat
SAX reader, exact line:column for every character). Translate Toolkit's
`aresource.AndroidResourceFile` reads at about the same speed but keeps no column. Android's
backslash escapes (`\\'`, `\\"`, `\\n`, `\\@`, `\\u00e9`) are unescaped with anchors;
whitespace is kept as written (a term matches across a line break anyway). `<xliff:g>`
content is code or a name never to translate: it counts as one placeable (U+FFFC); the
text of other inline markup (`<b>`, `<i>`, `<annotation>`) is checked. Strings marked
`translatable="false"` are skipped. The XML comments just before an element are its notes.

Keys: `name`, `name[one]` for a plural item (falling back on the source's `name[other]`
for a plural form the source language lacks), `name[0]` for an array item.
"""

from __future__ import annotations

import re

from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.escapes import unescape
from checker.documents.l10n.xmltree import Comment, Element, Run, parse, text_of
from checker.documents.model import ReadError

_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|[\s\S])")
_SIMPLE = {"n": "\n", "t": "\t"}
_PLACEHOLDERS = frozenset({"g"})  # xliff:g


def _replace(m: re.Match[str]) -> str:
    code = m.group(1)
    if code.startswith("u") and len(code) == 5:
        return chr(int(code[1:], 16))
    return _SIMPLE.get(code, code)


def read_android(path: str, data: bytes, **_: object) -> Catalog:
    """The strings of an Android `<resources>` file."""
    root, encoding = parse(path, data, "an Android resources file")
    if root.name != "resources":
        raise ReadError(path, f"not an Android resources file (root element <{root.name}>)", root.line, root.column)
    entries: list[Entry] = []
    notes: list[str] = []
    for child in root.children:
        if isinstance(child, Comment):
            notes.extend(line.strip() for line in child.text.strip().splitlines() if line.strip())
            continue
        if isinstance(child, Run):
            if child.text.strip():
                notes = []
            continue
        comments, notes = tuple(notes), []
        name = child.attrs.get("name")
        if name is None or child.attrs.get("translatable") == "false":
            continue
        if child.name == "string":
            entries.append(_entry(name, child, comments))
        elif child.name == "plurals":
            for item in child.elements("item"):
                quantity = item.attrs.get("quantity", "")
                entries.append(_entry(f"{name}[{quantity}]", item, comments, fallback=f"{name}[other]"))
        elif child.name == "string-array":
            for index, item in enumerate(child.elements("item")):
                entries.append(_entry(f"{name}[{index}]", item, comments))
    return Catalog(tuple(e for e in entries if e.text.strip()), encoding=encoding)


def _entry(key: str, element: Element, comments: tuple[str, ...], fallback: str | None = None) -> Entry:
    placed = unescape(text_of(element, _PLACEHOLDERS), _ESCAPE, _replace)
    text, line, column, anchors = placed
    return Entry(key, text, line, column, anchors, comments, fallback=fallback)
