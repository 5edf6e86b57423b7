"""What the readers of plain text, Markdown, reStructuredText and AsciiDoc share: the file
decoded (checker.documents.encoding), its newlines normalised, its segments found by the
format's own function, and no language yet: the file declares none, so read_document settles
it from --lang, the path or the text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checker.documents.encoding import decode, normalise_newlines
from checker.documents.model import Document, Segment


def read_prose(path: str, data: bytes, format: str, segments: Callable[[str, str], Iterable[Segment]]) -> Document:
    """A Document of `format` whose segments are `segments(path, text)` of the decoded text."""
    text, encoding = decode(data, path)
    text = normalise_newlines(text)
    return Document(
        path=path,
        format=format,
        language=None,
        language_source="unknown",
        segments=tuple(segments(path, text)),
        encoding=encoding,
        text=text,  # kept for the suppression scan
    )
