"""Backslash escapes with positions: the unescaped text of a quoted string and the anchors
that keep each character's place in the file (`\\n`, `\\"`, `\\u00e9`, a line continuation).

Every line format of this package (.properties, Apple .strings, JSON strings, YAML double
quotes) and Android's escapes inside XML text go through `unescape`, as the PO reader
anchors its escapes.
"""

from __future__ import annotations

import re
from typing import Callable

from checker.documents.l10n.catalog import anchored
from checker.documents.model import Anchor, Segment

Placed = tuple[str, int, int, tuple[Anchor, ...]]  # text, line, column, anchors


def unescape(placed: Placed, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Placed:
    """`placed` with each match of `pattern` replaced by `replace(match)`; anchors follow.

    The first character a replacement gives sits where its escape starts; the text after
    it is anchored where the escape ends, so a replacement that is a line break (`\\n`) or
    nothing at all (a continuation) shifts nothing after it.
    """
    text, line, column, anchors = placed
    if "\\" not in text and pattern.pattern.startswith("\\\\"):
        return placed
    matches = list(pattern.finditer(text))
    if not matches:
        return placed
    where = Segment("", line, column, text, anchors)
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = [(a.offset, a.line, a.column) for a in anchors] or [(0, line, column)]
    new_pieces: list[tuple[int, int, int]] = []
    shift = 0  # new offset = old offset - shift, after the escapes so far
    last = 0
    k = 0  # next old anchor
    for m in matches:
        a, b = m.span()
        while k < len(pieces) and pieces[k][0] <= a:
            new_pieces.append((pieces[k][0] - shift, pieces[k][1], pieces[k][2]))
            k += 1
        while k < len(pieces) and pieces[k][0] <= b:
            k += 1  # inside the escape, or at its end: replaced by the anchor below
        replacement = replace(m)
        parts.append(text[last:a])
        parts.append(replacement)
        last = b
        shift += (b - a) - len(replacement)
        new_pieces.append((b - shift, *where.position(b)))
    parts.append(text[last:])
    while k < len(pieces):
        new_pieces.append((pieces[k][0] - shift, pieces[k][1], pieces[k][2]))
        k += 1
    new_text = "".join(parts)
    first = new_pieces[0]
    return new_text, first[1], first[2], anchored(new_pieces, len(new_text))


def strip(placed: Placed, start: int, end: int) -> Placed:
    """`placed` cut to text[start:end] (quotes, surrounding space), anchors kept."""
    text, line, column, anchors = placed
    where = Segment("", line, column, text, anchors)
    new_line, new_column = where.position(start)
    pieces = [(start, new_line, new_column)] + [(a.offset, a.line, a.column) for a in anchors if start < a.offset < end]
    cut = text[start:end]
    return cut, new_line, new_column, anchored([(o - start, li, co) for o, li, co in pieces], len(cut))
