"""Where a term's words are inside a sentence of the compare page, and the sentence cut into
plain runs and marked spans (never marked up here: the template escapes each piece)."""

from __future__ import annotations

import re
from typing import Iterable

from checker.reporters.html.views import Piece


def sentence_offset(text: str, line: int, column: int, at_line: int, at_column: int) -> int | None:
    """Offset in `text` (starting at line:column) of at_line:at_column, if the text reaches it."""
    if at_line == line:
        return at_column - column if at_column >= column else None
    if at_line < line:
        return None
    start = 0
    for _ in range(at_line - line):
        nl = text.find("\n", start)
        if nl < 0:
            return None
        start = nl + 1
    return start + at_column - 1


def occurrence_start(sentence, line: int, column: int, words: str) -> int | None:  # noqa: ANN001
    """Offset of `words` (found at line:column of the file) in `sentence`: by the position
    when it points at them, else their first place in the sentence."""
    text = sentence.text
    start = sentence_offset(text, sentence.line, sentence.column, line, column)
    if start is None or text[start : start + len(words)] != words:
        start = text.find(words) if words else -1
    return None if start < 0 else start


def words_span(text: str, words: str) -> tuple[int, int] | None:
    """The first span of `text` holding `words` (whitespace-normalised, as discovery gives
    them) with any whitespace between them, e.g. across a line break."""
    parts = words.split()
    if not parts:
        return None
    m = re.search(r"\s+".join(map(re.escape, parts)), text)
    return (m.start(), m.end()) if m else None


def cut(text: str, spans: Iterable[tuple[int, int, str, str]]) -> list[Piece]:
    """`text` as pieces: each (start, end, kind, title) span marked, the rest plain; a span
    overlapping an earlier one is left out (the earlier one is shown)."""
    pieces: list[Piece] = []
    at = 0
    for start, end, kind, title in sorted(spans):
        if start < at:
            continue
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], kind, False, title))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces
