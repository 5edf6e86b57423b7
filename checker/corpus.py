"""The matcher's output for a document: every occurrence of a term, with its place.

This is the "map" step of a check: it needs one document at a time and keeps no text
beyond the matched words, so documents can be processed one by one (or elsewhere) and
only occurrences are merged.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.documents.model import Document, Segment
from checker.glossary import Glossary, Rendering
from checker.matcher import Matcher


@dataclass(frozen=True)
class Occurrence:
    """Rendering `rendering` written as `text` at path:line:column."""

    rendering: Rendering
    path: str
    line: int
    column: int
    text: str
    segment: int  # index of the segment in its document

    @property
    def term_id(self) -> str:
        return self.rendering.term_id


@dataclass(frozen=True)
class UnitMatches:
    """A segment's occurrences: in its target text and, for bilingual units, its source."""

    segment: Segment
    index: int
    target: tuple[Occurrence, ...]
    source: tuple[Occurrence, ...] = ()


@dataclass(frozen=True)
class DocumentMatches:
    document: Document
    language: str | None  # glossary language used for the target text
    source_language: str | None  # glossary language used for bilingual sources
    units: tuple[UnitMatches, ...]

    @property
    def occurrences(self) -> list[Occurrence]:
        return [o for u in self.units for o in u.target]


def match_document(
    document: Document, matcher: Matcher, glossary: Glossary, source_language: str | None = None
) -> DocumentMatches:
    """Find every rendering in every segment of `document`."""
    lang = glossary.resolve_language(document.language)
    src_lang = glossary.resolve_language(document.source_language or source_language)
    target_index = matcher.index(lang) if lang else None
    source_index = matcher.index(src_lang) if src_lang and document.bilingual else None
    units = []
    for i, seg in enumerate(document.segments):
        target: tuple[Occurrence, ...] = ()
        if target_index is not None and seg.text:
            target = tuple(
                Occurrence(m.rendering, seg.path, *seg.position(m.start), seg.text[m.start : m.end], i)
                for m in target_index.find(seg.text)
            )
        source: tuple[Occurrence, ...] = ()
        if source_index is not None and seg.source:
            source = tuple(
                Occurrence(m.rendering, seg.path, *seg.source_position(m.start), seg.source[m.start : m.end], i)
                for m in source_index.find(seg.source)
            )
        if target or source or seg.bilingual:
            units.append(UnitMatches(seg, i, target, source))
    return DocumentMatches(document, lang, src_lang, tuple(units))
