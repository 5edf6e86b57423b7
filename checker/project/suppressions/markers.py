"""The `termcheck: ignore[...]` marker: its syntax, and the Suppression one marker makes.

Forms (rule ids as in `checker.checks.ALL_RULES`, term ids as in the glossary):

    termcheck: ignore                                   every rule
    termcheck: ignore[variant-rendering]                one rule, every term
    termcheck: ignore[forbidden-rendering:kyiv]         one rule, one term
    termcheck: ignore[variant-rendering, forbidden-rendering:kyiv]

Where a marker counts in each format, and which lines it covers, is
checker.project.suppressions.scan's; what it silences, checker.project.suppressions'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from checker.documents.lines import Lines

Item = tuple[str, "str | None"]  # (rule id, term id or None for every term)

# `ignore[` without its `]` on the same line is kept as malformed rather than read as
# a bare `ignore`, which would silently widen it to every rule.
MARKER = re.compile(
    r"(?<![\w-])termcheck:[ \t]*ignore(?:\[(?P<body>[^\]\n]*)(?P<close>\])?|(?![\w-]))",
    re.IGNORECASE,
)
#: a cheap first look: text without it holds no marker
QUICK = re.compile(r"termcheck:", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    """One marker: where it is written, what it silences and which lines it covers."""

    path: str
    line: int
    column: int
    #: (rule, term) pairs, term None for every term; None for a bare `ignore` (every rule)
    rules: frozenset[Item] | None
    first_line: int
    last_line: int
    text: str  # the marker as written
    #: why the marker is malformed (it then suppresses nothing), else None
    error: str | None = field(default=None, compare=False)


def blank_markers(text: str) -> str:
    """`text` with every marker replaced by spaces, offsets kept.

    For readers of formats where a marker sits in the checked prose (plain text):
    the ids in `ignore[forbidden-rendering:kyiv]` are no prose, yet `kyiv` would
    match the rendering "Kyiv".
    """
    if not QUICK.search(text):
        return text
    return MARKER.sub(lambda m: " " * len(m.group()), text)


def find_markers(path: str, s: str, line: int, column: int, first: int, last: int) -> Iterator[Suppression]:
    """The markers in `s`, one line of the file starting at `line`:`column`, covering `first`..`last`."""
    for m in MARKER.finditer(s):
        body, error = m.group("body"), None
        if body is None:
            rules: frozenset[Item] | None = None
        elif m.group("close") is None:
            rules, error = frozenset(), "unclosed '['"
        else:
            rules = _parse_items(body)
            if not rules:
                error = "no rule between '[' and ']'"
        written = m.group(0).rstrip()
        yield Suppression(path, line, column + m.start(), rules, first, last, written, error)


def _parse_items(body: str) -> frozenset[Item]:
    items: set[Item] = set()
    for raw in body.split(","):
        raw = raw.strip()
        if not raw:
            continue  # a trailing comma
        rule, sep, term = raw.partition(":")
        # An empty term (`rule:`) stays "", which matches no finding and is reported.
        items.add((rule.strip().lower(), term.strip().lower() if sep else None))
    return frozenset(items)


class TextIndex(Lines):
    """A text whose markers are found by offset (in a comment, a note) and reported by line."""

    __slots__ = ()

    def markers(self, path: str, start: int, end: int, first: int, last: int) -> Iterator[Suppression]:
        """Markers in text[start:end], which may span lines, covering `first`..`last`."""
        offset = start
        for piece in self.text[start:end].split("\n"):
            line, column = self.position(offset)
            yield from find_markers(path, piece, line, column, first, last)
            offset += len(piece) + 1
