"""Segment positions: exact, and computed by bisection after one pass (issue 13: a long
segment with many occurrences was quadratic)."""

from __future__ import annotations

import random

from checker.documents.model import Anchor, Segment


def naive(text: str, anchors: tuple[Anchor, ...], offset: int, line: int, column: int) -> tuple[int, int]:
    base = max((a for a in anchors if a.offset <= offset), key=lambda a: a.offset, default=None)
    start, line, column = (base.offset, base.line, base.column) if base else (0, line, column)
    for ch in text[start:offset]:
        if ch == "\n":
            line, column = line + 1, 1
        else:
            column += 1
    return line, column


def test_positions_match_a_character_by_character_count():
    rng = random.Random(13)
    for _ in range(50):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 400)))
        anchors = tuple(sorted(
            {o: Anchor(o, rng.randint(1, 50), rng.randint(1, 20)) for o in rng.sample(range(len(text) + 1), min(5, len(text) + 1))}.values(),
            key=lambda a: a.offset,
        )) if rng.random() < 0.5 else ()
        seg = Segment("f", 3, 7, text, anchors, source=text[::-1], source_line=2, source_column=5)
        for offset in range(len(text) + 1):
            assert seg.position(offset) == naive(text, anchors, offset, 3, 7), (text, anchors, offset)
            assert seg.source_position(offset) == naive(text[::-1], (), offset, 2, 5)


def test_a_segment_counts_its_line_breaks_once():
    text = "Kiev\n" * 20_000
    seg = Segment("f", 1, 1, text)
    assert seg.position(len(text) - 5) == (20_000, 1)
    cached = seg.__dict__["_text_newlines"]
    assert seg.position(7) == (2, 3)
    assert seg.__dict__["_text_newlines"] is cached  # no second pass
