"""What every localization reader returns: keyed entries with their places in the file.

A reader (Android, .properties, JSON, YAML, Qt, Apple, RESX) only parses; turning its
entries into a Document, with the language settled by the format's convention and the
source taken from the source-language file, is checker.documents.l10n's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.documents.model import Anchor


@dataclass(frozen=True)
class Entry:
    """One translatable string: `key` identifies it across the languages of a project
    (`app.title`, `items[one]` for a plural form); `text` sits at `line`:`column`, with
    `anchors` where it does not map onto the file character for character (escapes,
    entities, inline markup, line continuations)."""

    key: str
    text: str
    line: int
    column: int
    anchors: tuple[Anchor, ...] = ()
    #: developer notes and comments (never checked; they carry suppressions)
    comments: tuple[str, ...] = ()
    #: a bilingual format's own source text (Qt `<source>`, an .xcstrings key)
    source: str | None = None
    source_line: int | None = None
    source_column: int | None = None
    #: the source key to fall back on when the source file lacks `key` (a plural form the
    #: source language does not have: Russian `[few]` against English `[other]`)
    fallback: str | None = None


@dataclass(frozen=True)
class Catalog:
    """A parsed localization file."""

    entries: tuple[Entry, ...]
    encoding: str = "utf-8"
    #: the language the file declares (Qt `language`, a Rails top key, ARB `@@locale`)
    language: str | None = None
    #: the line that declares it, for a declaration that is no language tag
    language_line: int = 1
    source_language: str | None = None
    #: the decoded text, newlines normalised (for the suppression scan), if kept
    text: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def anchored(pieces: list[tuple[int, int, int]], length: int) -> tuple[Anchor, ...]:
    """Anchors from (text offset, line, column) pieces: consecutive duplicates and
    anchors at or past the end dropped; none at all when one anchor suffices."""
    out: list[Anchor] = []
    for offset, line, column in pieces:
        if out and out[-1].offset == offset:
            out.pop()
        if offset < length or not out:
            out.append(Anchor(offset, line, column))
    return tuple(out) if len(out) > 1 else ()
