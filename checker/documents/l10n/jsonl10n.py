"""JSON localization files: i18next (nested objects of strings), Flutter ARB and Chrome
extension `messages.json`.

Parsed with checker.documents.l10n.jsonscan (positions for every string; Translate
Toolkit's `jsonl10n` keeps none). Which kind a file is:

- ARB (`.arb`, or a top-level `@@locale`): each top-level string whose key does not start
  with `@` is a message; `@key` holds its metadata, whose `description` is the message's
  note (never checked); `@@locale` gives the language.
- Chrome (`_locales/de/messages.json`: every top-level value an object with a `message`):
  the `message` is checked, `description` is its note, `placeholders` are skipped.
- i18next (anything else that is an object of strings, nested objects and arrays): keys
  joined with dots (`errors.too_small.array.exact`); plural keys (`item_one`, `item_few`,
  `item_other`) fall back on the source's `_other` form.

A file with the shape of something else (package.json, tsconfig.json) is refused with one
line. ICU MessageFormat bodies, `{{name}}`, `$t(key)` and Chrome `$name$` are masked as
placeables; the text of plural and select branches is checked.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.documents.encoding import decode, normalise_newlines
from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.jsonscan import Node, parse, placed
from checker.documents.lines import Lines
from checker.documents.model import ReadError

# Top-level keys of JSON files that are not translations.
_FOREIGN = ("dependencies", "devDependencies", "scripts", "compilerOptions", "$schema", "extends", "workspaces")
_PLURAL = re.compile(r"^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$")


def read_json(path: str, data: bytes, **_: object) -> Catalog:
    """The messages of an i18next, ARB or Chrome `messages.json` file."""
    text, encoding = decode(data, path)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    root = parse(path, text)
    if root.kind != "object":
        raise ReadError(path, f"not a localization JSON file: the top level is {_a(root.kind)}, not an object")
    lines = Lines(text)
    dialect = dialect_of(path, root)
    if dialect == "arb":
        entries = list(_arb(root, text, lines))
        locale = root.get("@@locale")
        language = locale.value if locale is not None and locale.kind == "string" else None
        line = lines.position(locale.start)[0] if locale is not None else 1
        return Catalog(tuple(entries), encoding, language, line, text=text, metadata={"dialect": "arb"})
    if dialect == "chrome":
        entries = list(_chrome(root, text, lines))
    else:
        foreign = [k for k, _, _ in root.value if k in _FOREIGN]
        if foreign:
            raise ReadError(path, f"not a localization JSON file (it has a top-level '{foreign[0]}')",
                            *lines.position(next(s for k, s, _ in root.value if k == foreign[0])))
        entries = list(_i18next(root, "", text, lines))
    return Catalog(tuple(entries), encoding, text=text, metadata={"dialect": dialect})


def _a(kind: str) -> str:
    return {"array": "an array", "string": "a string", "number": "a number"}.get(kind, "a literal")


def dialect_of(path: str, root: Node) -> str:
    """'arb', 'chrome' or 'i18next'."""
    if path.lower().endswith(".arb") or root.get("@@locale") is not None:
        return "arb"
    values = [node for _, _, node in root.value]
    if values and all(v.kind == "object" and (m := v.get("message")) is not None and m.kind == "string" for v in values):
        return "chrome"
    return "i18next"


def _entry(key: str, node: Node, text: str, lines: Lines, comments: tuple[str, ...] = (),
           fallback: str | None = None) -> Entry | None:
    if not node.value.strip():
        return None
    value, line, column, anchors = placed(node, text, lines)
    return Entry(key, value, line, column, anchors, comments, fallback=fallback)


def _arb(root: Node, text: str, lines: Lines) -> Iterator[Entry]:
    for key, _, node in root.value:
        if key.startswith("@") or node.kind != "string":
            continue
        meta = root.get("@" + key)
        description = meta.get("description") if meta is not None else None
        notes = tuple(description.value.splitlines()) if description is not None and description.kind == "string" else ()
        entry = _entry(key, node, text, lines, notes)
        if entry is not None:
            yield entry


def _chrome(root: Node, text: str, lines: Lines) -> Iterator[Entry]:
    for key, _, node in root.value:
        message = node.get("message")
        description = node.get("description")
        notes = tuple(description.value.splitlines()) if description is not None and description.kind == "string" else ()
        entry = _entry(key, message, text, lines, notes) if message is not None else None
        if entry is not None:
            yield entry


def _i18next(node: Node, prefix: str, text: str, lines: Lines) -> Iterator[Entry]:
    if node.kind == "object":
        for key, _, child in node.value:
            yield from _i18next(child, f"{prefix}.{key}" if prefix else key, text, lines)
    elif node.kind == "array":
        for index, child in enumerate(node.value):
            yield from _i18next(child, f"{prefix}[{index}]", text, lines)
    elif node.kind == "string":
        m = _PLURAL.match(prefix)
        fallback = f"{m.group(1)}{m.group(2) or ''}_other" if m else None
        entry = _entry(prefix, node, text, lines, fallback=fallback)
        if entry is not None:
            yield entry


def notes_with_places(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(start, end) offsets of each note's text and the first and last line of the entry
    it belongs to: ARB `@key.description`, Chrome `description` (for suppressions)."""
    try:
        root = parse("", text)
    except ReadError:
        return
    if root.kind != "object":
        return
    lines = Lines(text)
    dialect = dialect_of("", root)
    for key, key_start, node in root.value:
        if dialect == "arb" and key.startswith("@") and not key.startswith("@@"):
            description = node.get("description")
            message = next(((s, n) for k, s, n in root.value if k == key[1:]), None)
            if description is None or message is None:
                continue
            first = min(lines.position(message[0])[0], lines.position(key_start)[0])
            last = max(lines.position(message[1].end - 1)[0], lines.position(node.end - 1)[0])
            yield description.start + 1, description.end - 1, first, last
        elif dialect == "chrome":
            description = node.get("description")
            if description is not None:
                yield (description.start + 1, description.end - 1, lines.position(key_start)[0],
                       lines.position(node.end - 1)[0])
