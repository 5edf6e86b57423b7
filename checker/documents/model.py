"""The values every reader produces: documents made of segments that know where they are."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from checker.matching.placeables import mask


@dataclass(frozen=True)
class Anchor:
    """Text offset `offset` of a segment sits at `line`:`column` of its file (1-based)."""

    offset: int
    line: int
    column: int


# A catalog's msgids recur in every language's catalog (Django: ~100 times each): their
# masked text is worked out once.
_mask_source = lru_cache(maxsize=65536)(mask)


@dataclass(frozen=True)
class Segment:
    """A run of checkable text (a paragraph, a PO entry's msgstr, an XLIFF target).

    `text` is the target text exactly as the reader extracted it (never normalised);
    `line`/`column` locate its first character. Where the text does not map onto the
    file character for character (PO continuation lines and escapes, XLIFF inline tags),
    the reader supplies `anchors`: each says where one text offset lies in the file.

    Bilingual units also keep `source` (and its position) and `unit_id`.
    """

    path: str
    line: int
    column: int
    text: str
    anchors: tuple[Anchor, ...] = ()
    source: str | None = None
    source_line: int | None = None
    source_column: int | None = None
    unit_id: str | None = None
    #: PO translator comment / XLIFF note lines, kept for suppressions and context.
    comments: tuple[str, ...] = ()
    #: PO entry flags (`python-format`, `c-format`, ...): which placeables to expect.
    flags: tuple[str, ...] = ()
    #: the file `source` comes from when it is not this one (a localization file paired
    #: with its source-language file: `values/strings.xml` for `values-de/strings.xml`)
    source_path: str | None = None

    @property
    def masked(self) -> str:
        """`text` with its placeables (format codes, markup, URLs...) masked, same length
        (computed once: matching and wrong-language both need it)."""
        cached = self.__dict__.get("_masked")
        if cached is None:
            cached = mask(self.text, self.flags)
            object.__setattr__(self, "_masked", cached)
        return cached

    @property
    def masked_source(self) -> str:
        """`source` with its placeables masked."""
        cached = self.__dict__.get("_masked_source")
        if cached is None:
            cached = _mask_source(self.source or "", self.flags)
            object.__setattr__(self, "_masked_source", cached)
        return cached

    @property
    def bilingual(self) -> bool:
        return self.source is not None

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based) in the file of character `offset` of `text`.

        O(log n) per call after one pass over the text (cached on the segment): a segment of
        megabytes with thousands of occurrences must not recount its lines for each."""
        newlines = self._newlines(False)
        if self.anchors:
            offsets = self._anchor_offsets()
            i = bisect_right(offsets, offset) - 1
            if i >= 0:
                a = self.anchors[i]
                return _advance(newlines, a.offset, offset, a.line, a.column)
        return _advance(newlines, 0, offset, self.line, self.column)

    def _newlines(self, source: bool) -> list[int]:
        name = "_source_newlines" if source else "_text_newlines"
        cached = self.__dict__.get(name)
        if cached is None:
            text = (self.source or "") if source else self.text
            cached = [m.start() for m in _NEWLINE.finditer(text)]
            object.__setattr__(self, name, cached)  # a cache, not a field: frozen stays frozen
        return cached

    def _anchor_offsets(self) -> list[int]:
        cached = self.__dict__.get("_offsets")
        if cached is None:
            cached = [a.offset for a in self.anchors]
            object.__setattr__(self, "_offsets", cached)
        return cached

    def end_position(self, end: int) -> tuple[int, int] | None:
        """Line and column just after character `end - 1` of `text` (exclusive end), or
        None for an empty span."""
        if end <= 0:
            return None
        line, column = self.position(end - 1)
        return line, column + 1

    def source_position(self, offset: int) -> tuple[int, int]:
        """Line and column of character `offset` of `source` (no anchors: first line)."""
        line = self.source_line if self.source_line is not None else self.line
        column = self.source_column if self.source_column is not None else 1
        return _advance(self._newlines(True), 0, offset, line, column)


_NEWLINE = re.compile("\n")


def _advance(newlines: list[int], start: int, offset: int, line: int, column: int) -> tuple[int, int]:
    """Where `offset` lies, counting from `start` at `line`:`column` (`newlines`: the
    offsets of the text's line breaks, sorted)."""
    first = bisect_left(newlines, start)
    last = bisect_left(newlines, offset)  # breaks before offset
    if last == first:
        return line, column + offset - start
    return line + last - first, offset - newlines[last - 1]


@dataclass(frozen=True)
class Document:
    """One checked file.

    `language` is the language the text is expected to be in (the target language of
    a bilingual file); `language_source` says where it came from: "header" (PO
    Language, XLIFF trgLang/target-language), "option" (--lang), "path", "detected"
    (langdetect), "glossary" (a one-language glossary) or "unknown".
    """

    path: str
    format: str  # "text", "markdown", "po", "xliff", a localization format ("android", "json"...), "tmx"
    language: str | None
    language_source: str
    segments: tuple[Segment, ...]
    source_language: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, str] = field(default_factory=dict, compare=False)
    #: (line, message) when the file declares a language that is no language tag
    language_problem: tuple[int, str] | None = None
    #: the file's decoded text, newlines normalised (the suppression scan reads it: the
    #: file need not be read and decoded twice); None where a reader does not keep it
    text: str | None = field(default=None, compare=False, repr=False)

    @property
    def bilingual(self) -> bool:
        # A localization file (Android, .properties, JSON...) is bilingual once paired with
        # its source-language file: its segments then carry a source.
        return self.format in ("po", "xliff", "tmx") or any(s.source is not None for s in self.segments)


class ReadError(Exception):
    """A file that cannot be read, decoded or parsed; becomes a `read-error` finding."""

    def __init__(self, path: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.message = message
        self.line = line
        self.column = column
