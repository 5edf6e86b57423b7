"""Counts in words, the same in every report and message."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 document`, `2 documents` (`many` for irregular plurals: `plural(2, "entry", "entries")`)."""
    return f"{n} {word if n == 1 else many or word + 's'}"
