"""JSON with positions: a tree whose every node knows its offsets in the text.

Python's `json` gives values without positions, and Translate Toolkit's `jsonl10n` none
either. This scanner walks the text with the standard library's own C tokenizer pieces
(`json.decoder.scanstring` for strings, `json.scanner.py_make_scanner`'s number pattern)
and keeps each node's offsets, so a string's characters map back to the file through the
escapes it contains (`\\"`, `\\u00e9`, surrogate pairs). Strictly JSON: no comments, no
trailing commas; duplicate keys are kept in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from json.decoder import scanstring
from typing import Any

from checker.documents.l10n.catalog import anchored
from checker.documents.lines import Lines
from checker.documents.model import Anchor, ReadError

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_ESCAPE = re.compile(r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}
_MAX_DEPTH = 200


@dataclass
class Node:
    """A JSON value at text[start:end]: `value` is a str for a string, a list of (key,
    key offset, Node) for an object, a list of Nodes for an array, else the number,
    boolean or None."""

    kind: str  # "object", "array", "string", "number", "literal"
    start: int
    end: int
    value: Any

    def get(self, key: str) -> "Node | None":
        if self.kind != "object":
            return None
        return next((node for k, _, node in self.value if k == key), None)


class _Error(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message, self.offset = message, offset


def parse(path: str, text: str) -> Node:
    """The tree of `text`; a ReadError at the place of any syntax error."""
    try:
        node, end = _value(text, _WS.match(text, 0).end(), 0)  # type: ignore[union-attr]
        end = _WS.match(text, end).end()  # type: ignore[union-attr]
        if end != len(text):
            raise _Error("extra data after the JSON value", end)
    except _Error as e:
        raise ReadError(path, f"malformed JSON: {e.message}", *Lines(text).position(e.offset)) from None
    except RecursionError:
        raise ReadError(path, "malformed JSON: nested too deeply") from None
    return node


def _value(text: str, pos: int, depth: int) -> tuple[Node, int]:
    if depth > _MAX_DEPTH:
        raise _Error("nested too deeply", pos)
    c = text[pos : pos + 1]
    if c == '"':
        try:
            value, end = scanstring(text, pos + 1, True)
        except ValueError as e:
            raise _Error(_message(e), getattr(e, "pos", pos)) from None
        return Node("string", pos, end, value), end
    if c == "{":
        return _object(text, pos, depth)
    if c == "[":
        return _array(text, pos, depth)
    m = _NUMBER.match(text, pos)
    if m:
        return Node("number", pos, m.end(), m.group()), m.end()
    for word, value in _LITERALS.items():
        if text.startswith(word, pos):
            return Node("literal", pos, pos + len(word), value), pos + len(word)
    raise _Error("expecting a value", pos)


def _message(error: ValueError) -> str:
    message = getattr(error, "msg", None) or str(error)
    return message[:1].lower() + message[1:]


def _skip(text: str, pos: int) -> int:
    return _WS.match(text, pos).end()  # type: ignore[union-attr]


def _object(text: str, pos: int, depth: int) -> tuple[Node, int]:
    items: list[tuple[str, int, Node]] = []
    start, pos = pos, _skip(text, pos + 1)
    if text.startswith("}", pos):
        return Node("object", start, pos + 1, items), pos + 1
    while True:
        if not text.startswith('"', pos):
            raise _Error("expecting a property name in double quotes", pos)
        try:
            key, after = scanstring(text, pos + 1, True)
        except ValueError as e:
            raise _Error(_message(e), getattr(e, "pos", pos)) from None
        colon = _skip(text, after)
        if not text.startswith(":", colon):
            raise _Error("expecting ':'", colon)
        key_start = pos
        node, pos = _value(text, _skip(text, colon + 1), depth + 1)
        items.append((key, key_start, node))
        pos = _skip(text, pos)
        if text.startswith("}", pos):
            return Node("object", start, pos + 1, items), pos + 1
        if not text.startswith(",", pos):
            raise _Error("expecting ',' or '}'", pos)
        pos = _skip(text, pos + 1)


def _array(text: str, pos: int, depth: int) -> tuple[Node, int]:
    items: list[Node] = []
    start, pos = pos, _skip(text, pos + 1)
    if text.startswith("]", pos):
        return Node("array", start, pos + 1, items), pos + 1
    while True:
        node, pos = _value(text, pos, depth + 1)
        items.append(node)
        pos = _skip(text, pos)
        if text.startswith("]", pos):
            return Node("array", start, pos + 1, items), pos + 1
        if not text.startswith(",", pos):
            raise _Error("expecting ',' or ']'", pos)
        pos = _skip(text, pos + 1)


def placed(node: Node, text: str, lines: Lines) -> tuple[str, int, int, tuple[Anchor, ...]]:
    """A string node's value, the line and column of its first character, and anchors
    past each escape (a JSON string is on one line, so columns only)."""
    line, column = lines.position(node.start + 1)
    raw_start = node.start + 1
    if "\\" not in text[raw_start : node.end - 1]:
        return node.value, line, column, ()
    pieces: list[tuple[int, int, int]] = [(0, line, column)]
    offset, last = 0, raw_start
    for m in _ESCAPE.finditer(text, raw_start, node.end - 1):
        offset += m.start() - last
        if m.group(1):
            offset += 1  # a surrogate pair: one character
        elif m.group(3):
            offset += 1
        else:
            offset += len(_SIMPLE.get(m.group(4), m.group(4)))
        last = m.end()
        pieces.append((offset, line, column + m.end() - raw_start))
    return node.value, line, column, anchored(pieces, len(node.value))
