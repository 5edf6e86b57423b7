"""Plain text: one segment per paragraph (lines separated by blank lines)."""

from __future__ import annotations

from checker.documents.model import Document, Segment
from checker.documents.prose import read_prose
from checker.project.suppressions.markers import blank_markers


def read_text(path: str, data: bytes) -> Document:
    """A Document of `data`'s paragraphs; language is left for the caller to settle."""
    # Suppression markers are no prose: blanked (offsets kept) before anything is matched.
    return read_prose(path, data, "text", lambda path, text: paragraphs(path, blank_markers(text)))


def paragraphs(path: str, text: str) -> list[Segment]:
    """Runs of non-blank lines, each starting at its first non-space character.

    Internal newlines and indentation are kept so that Segment.position() needs no
    anchors; only the paragraph's trailing whitespace is dropped.
    """
    segments: list[Segment] = []
    lines = text.split("\n")
    start: int | None = None  # index of the paragraph's first line
    for i, line in enumerate([*lines, ""]):  # the sentinel closes the last paragraph
        if line.strip():
            if start is None:
                start = i
            continue
        if start is not None:
            first = lines[start]
            indent = len(first) - len(first.lstrip())
            body = "\n".join([first[indent:], *lines[start + 1 : i]]).rstrip()
            segments.append(Segment(path=path, line=start + 1, column=indent + 1, text=body))
            start = None
    return segments
