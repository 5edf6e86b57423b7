"""Helpers for the reader tests: a check run as the command line runs it, and the proof that
each character of a segment is where Segment.position() says."""

from __future__ import annotations

import json
from pathlib import Path

from checker.documents.pieces import OBJECT
from tests.conftest import termcheck


def check_json(*args: str | Path) -> tuple[int, dict]:
    """`termcheck check ARGS --format json -j 1`: its exit status (0 or 1) and its report."""
    result = termcheck("check", "--format", "json", "-j", "1", *map(str, args))
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def assert_exact(segs, content: str) -> None:  # noqa: ANN001 - Segments
    """Every character kept in a segment is the file's character at Segment.position()
    (for the readers whose segments keep the file's characters: no entities, no blanking)."""
    lines = content.split("\n")
    for seg in segs:
        for i, ch in enumerate(seg.text):
            if ch == OBJECT:
                continue
            line, column = seg.position(i)
            written = lines[line - 1][column - 1] if column <= len(lines[line - 1]) else "\n"
            assert written == ch, (seg.text, i)
