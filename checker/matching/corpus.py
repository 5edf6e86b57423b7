"""The matcher's output for a document: which renderings occur where (the "map" step).

Matches are kept as offsets; an Occurrence, with its line and column, is built only
where something needs a place (a finding, the first use of a rendering in a
document), so a corpus with a million matches pays for positions only where reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from checker.documents.model import Document, Segment
from checker.glossary import Glossary, Rendering
from checker.matching.matcher import Match, Matcher

if TYPE_CHECKING:
    from checker.matching.discovery import Discoverer, Discovery


@dataclass(frozen=True)
class Occurrence:
    """Rendering `rendering` written as `text` at path:line:column."""

    rendering: Rendering
    path: str
    line: int
    column: int
    text: str
    segment: int  # index of the segment in its document
    #: text just before and after the occurrence, whitespace collapsed (for reports)
    context: tuple[str, str] = field(default=("", ""), compare=False)
    #: line and column just after the occurrence in the file (exclusive)
    end: tuple[int, int] | None = field(default=None, compare=False)

    @property
    def term_id(self) -> str:
        return self.rendering.term_id


CONTEXT = 60  # characters of context kept on each side of a reported occurrence


def context_of(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """Up to `width` characters before and after text[start:end], whitespace runs as one space."""
    return _collapse(text[max(0, start - width) : start]), _collapse(text[end : end + width])


_SPACES = re.compile(r"\s+")


def _collapse(text: str) -> str:
    # Of the characters \s matches only the ASCII space is printable: a printable text
    # without a double space is already collapsed (most contexts; a dense report has
    # hundreds of thousands), and two C-level tests spare the regex.
    return text if text.isprintable() and "  " not in text else _SPACES.sub(" ", text)


@dataclass(frozen=True)
class UnitMatches:
    """A segment's matches: in its target text and, for bilingual units, in its source."""

    segment: Segment
    index: int
    target: tuple[Match, ...]
    source: tuple[Match, ...] = ()

    def occurrence(self, m: Match) -> Occurrence:
        seg = self.segment
        return Occurrence(
            m.rendering, seg.path, *seg.position(m.start), seg.text[m.start : m.end], self.index,
            context_of(seg.text, m.start, m.end), seg.end_position(m.end),
        )

    def source_occurrence(self, m: Match) -> Occurrence:
        seg = self.segment
        src = seg.source or ""
        return Occurrence(
            m.rendering, seg.source_path or seg.path, *seg.source_position(m.start), src[m.start : m.end], self.index,
            context_of(src, m.start, m.end),
        )


@dataclass(frozen=True)
class DocumentMatches:
    document: Document
    language: str | None  # glossary language used for the target text
    source_language: str | None  # glossary language used for bilingual sources
    units: tuple[UnitMatches, ...]
    #: target renderings -> number of matches in this document
    counts: dict[Rendering, int]
    #: target renderings -> their first occurrence in this document
    first: dict[Rendering, Occurrence]
    #: unlisted renderings found by discovery (only when discovery is on)
    discoveries: tuple[tuple[UnitMatches, "Discovery"], ...] = ()

    def occurrences(self, *statuses: str) -> Iterator[Occurrence]:
        """Target occurrences in document order, only of the given statuses if any are given."""
        if statuses and not any(r.status in statuses for r in self.counts):
            return
        for unit in self.units:
            for m in unit.target:
                if not statuses or m.rendering.status in statuses:
                    yield unit.occurrence(m)


def match_document(
    document: Document,
    matcher: Matcher,
    glossary: Glossary,
    source_language: str | None = None,
    discoverers: "Callable[[str], Discoverer | None] | None" = None,
) -> DocumentMatches:
    """Find every rendering in every segment of `document` (and, given `discoverers`, a
    function from glossary language to Discoverer, the unlisted renderings too)."""
    lang = glossary.resolve_language(document.language)
    src_lang = glossary.resolve_language(document.source_language or source_language)
    target_index = matcher.index(lang) if lang else None
    # Source matches serve missing-rendering only, which needs renderings in the target language.
    find_source = matcher.index(src_lang).find if src_lang and lang and document.bilingual else None
    discoverer = discoverers(lang) if discoverers is not None and lang else None
    units = []
    counts: Counter[Rendering] = Counter()
    first: dict[Rendering, Occurrence] = {}
    discoveries = []
    for i, seg in enumerate(document.segments):
        target: tuple[Match, ...] = ()
        found = []
        # Placeables are masked (same length, so offsets hold): `%(object)s` is no term.
        if target_index is not None and seg.text:
            text = seg.masked
            tokens = target_index.tokenise(text)
            target = tuple(target_index.find(text, tokens))
            if discoverer is not None:
                found = discoverer.find(text, tokens, list(target))
        source = tuple(find_source(seg.masked_source)) if find_source is not None and seg.source else ()
        if not (target or source or seg.bilingual or found):
            continue
        unit = UnitMatches(seg, i, target, source)
        units.append(unit)
        discoveries.extend((unit, d) for d in found)
        if target:
            counts.update(m.rendering for m in target)
            for m in target:
                if m.rendering not in first:
                    first[m.rendering] = unit.occurrence(m)
    return DocumentMatches(document, lang, src_lang, tuple(units), dict(counts), first, tuple(discoveries))
