"""TMX 1.4b (and 1.1) translation memories: one segment per `<tu>` that has a `<tuv>` in
the target language, its `<seg>` checked against the source language's `<seg>`.

Languages: the source is the header's `srclang` (for `*all*` or none, the language of the
first `<tuv>`); the target is the file's other language, or the one `lang` (--lang) names
when the file holds several. Tags are compared as everywhere in termcheck: `en` in the
header finds an `en-US` variant, `de` a `de-DE` one (checker.language.same_language).

Inline codes: `<ph>` and `<it>` become one U+FFFC (no term matches across them) and their
native code is dropped; `<bpt>`, `<ept>` and `<ut>` are formatting inside the sentence and
contribute nothing; the text of `<hi>` counts, and so does a `<sub>` flow inside a code.
Notes and properties of the unit and of its two variants become the segment's comments
(a `termcheck: ignore` in a note covers the unit, like an XLIFF note).

Parsed with defusedxml's expat SAX reader (checker.documents.xmltext): positions stay exact
across entities, inline tags and CDATA; entity declarations are refused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.documents.model import Document, ReadError, Segment
from checker.documents.xmltext import CapturingHandler, CollectedText, WrongRoot, parse_xml, unit_segment
from checker.language import normalise_tag, same_language

__all__ = ["read_tmx"]

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_PLACEHOLDERS = frozenset({"ph", "it"})
_DROPPED = frozenset({"bpt", "ept", "ut"})


@dataclass
class _Variant:
    """One `<tuv>`: its language as written and as a key, its text and its comments."""

    language: str
    key: str
    line: int
    column: int
    seg: CollectedText | None = None
    comments: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    tuid: str | None
    ordinal: int
    comments: list[str] = field(default_factory=list)
    variants: list[_Variant] = field(default_factory=list)


def _key(tag: str) -> str:
    """The tag as compared: canonical BCP 47, or as written (lower-cased) if it is none."""
    return normalise_tag(tag) or tag.strip().lower()


def _handler_class():  # noqa: ANN202
    # xml.sax is only imported when a TMX file is read.
    from xml.sax.handler import ContentHandler

    class Handler(CapturingHandler, ContentHandler):
        """Collects units, their variants' text and notes, with positions."""

        path = ""  # set by read_tmx: errors raised while parsing name the file
        placeholders = _PLACEHOLDERS
        dropped = _DROPPED

        def __init__(self) -> None:
            super().__init__()
            self.version = ""
            self.srclang = ""
            self.units: list[_Unit] = []
            self.unit: _Unit | None = None
            self.variant: _Variant | None = None
            self.prop_type = ""

        def startElementNS(self, name, qname, attrs) -> None:  # noqa: ANN001, N802
            local = name[1]
            self.depth += 1
            if self.depth == 1:
                if local != "tmx":
                    raise WrongRoot(local, *self.position())
                self.version = attrs.get((None, "version"), "")
            if self.capture is not None:
                self.inline_start(local)
            elif local == "header" and self.depth == 2:
                self.srclang = attrs.get((None, "srclang"), "").strip()
            elif local == "tu" and self.unit is None:
                self.unit = _Unit(attrs.get((None, "tuid")), len(self.units) + 1)
            elif self.unit is None:
                return
            elif local == "tuv" and self.variant is None:
                # TMX 1.4 writes xml:lang, TMX 1.1 (OmegaT's project_save.tmx) lang.
                language = (attrs.get((_XML_NS, "lang")) or attrs.get((None, "lang")) or "").strip()
                if not language:
                    raise ReadError(self.path, "a <tuv> without xml:lang", *self.position())
                self.variant = _Variant(language, _key(language), *self.position())
            elif local == "seg" and self.variant is not None:
                self.variant.seg = CollectedText()
                self.start_capture(self.variant.seg, "seg")
            elif local in ("note", "prop"):
                self.prop_type = attrs.get((None, "type"), "") if local == "prop" else ""
                self.start_capture(CollectedText(), local)

        def endElementNS(self, name, qname) -> None:  # noqa: ANN001, N802
            local = name[1]
            if self.capture is not None:
                if self.capture_ends():
                    self._end_capture()
            elif local == "tuv" and self.variant is not None and self.unit is not None:
                self.unit.variants.append(self.variant)
                self.variant = None
            elif local == "tu" and self.unit is not None:
                self.units.append(self.unit)
                self.unit = None
            self.depth -= 1

        def _end_capture(self) -> None:
            capture, kind = self.capture, self.capture_kind
            assert capture is not None
            self.capture = None
            if kind == "seg" or self.unit is None:
                return
            text = capture.text.strip()
            if kind == "prop" and self.prop_type and text:
                text = f"{self.prop_type}: {text}"
            if text:
                owner = self.variant if self.variant is not None else self.unit
                owner.comments.extend(text.splitlines())

    return Handler


def read_tmx(path: str, data: bytes, *, lang: str | None = None) -> Document:
    """Segments for the units of a TMX file that have a variant in the target language.

    Raises ReadError for a file that is no TMX, cannot be parsed, or holds several target
    languages of which `lang` (--lang) names none.
    """
    handler_class = _handler_class()

    def make_handler():  # noqa: ANN202
        handler = handler_class()
        handler.path = path
        return handler

    handler, encoding = parse_xml(path, data, make_handler, "a TMX file")
    units: list[_Unit] = handler.units
    source = _source_key(handler.srclang, units)
    sources = [_pick(unit.variants, source) if source else None for unit in units]
    wanted = _target_key(path, lang, source, units, sources)
    segments: list[Segment] = []
    used: Counter[str] = Counter()
    for unit, src in zip(units, sources):
        target = _pick([v for v in unit.variants if v is not src], wanted) if wanted else None
        if target is None or target.seg is None or not target.seg.text.strip():
            continue  # no translation in this language
        used[target.key] += 1
        unit_id = unit.tuid if unit.tuid is not None else f"tu-{unit.ordinal}"
        comments = (*unit.comments, *(src.comments if src else ()), *target.comments)
        segments.append(unit_segment(path, target.seg, src.seg if src is not None else None, unit_id, comments))
    # The document's language: the tag its checked variants carry most often.
    chosen = min(used, key=lambda k: (-used[k], k)) if used else wanted
    language = normalise_tag(chosen) if chosen else None
    problem = None
    if chosen and language is None:
        line = next((v.line for u in units for v in u.variants if v.key == chosen), 1)
        problem = (line, f"TMX target language '{chosen}' is not a language tag")
    return Document(
        path=path,
        format="tmx",
        language=language,
        language_source="header" if language else "unknown",
        segments=tuple(segments),
        source_language=normalise_tag(source) if source else None,
        encoding=encoding,
        metadata={"version": handler.version, "target": wanted or ""},
        language_problem=problem,
    )


def _source_key(srclang: str, units: list[_Unit]) -> str | None:
    """The header's srclang; for `*all*` or none, the language of the first variant."""
    if srclang and srclang.lower() != "*all*":
        return _key(srclang)
    return next((v.key for u in units for v in u.variants), None)


def _pick(variants: list[_Variant], wanted: str) -> _Variant | None:
    """The variant in language `wanted`: the same tag, else the first of the same language
    (`de` finds `de-DE`)."""
    for variant in variants:
        if variant.key == wanted:
            return variant
    return next((v for v in variants if same_language(v.key, wanted)), None)


def _target_key(
    path: str, lang: str | None, source: str | None, units: list[_Unit], sources: list[_Variant | None]
) -> str | None:
    """The target language to check: `lang` if the file has it, else the file's only other
    language; a ReadError if the file holds several and `lang` names none of them."""
    others: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, int]] = {}
    for unit, src in zip(units, sources):
        for variant in unit.variants:
            if variant is not src:
                others[variant.key] += 1
                first_seen.setdefault(variant.key, (variant.line, variant.column))
    wanted = (normalise_tag(lang) or lang.strip().lower()) if lang else None
    if wanted and any(same_language(key, wanted) for key in others):
        return wanted
    groups: list[list[str]] = []  # the other languages, regions aside, in order of appearance
    for key in sorted(others, key=first_seen.__getitem__):
        group = next((g for g in groups if same_language(g[0], key)), None)
        if group is None:
            groups.append([key])
        else:
            group.append(key)
    if len(groups) <= 1:
        # One other language: the file says what it is, as an XLIFF header does over --lang.
        return min(groups[0], key=lambda k: (-others[k], k)) if groups else None
    found = ", ".join([source or "?"] + sorted(others))
    line, column = first_seen[groups[1][0]]
    if wanted:
        raise ReadError(path, f"holds {found}; --lang {lang} names none of its target languages", line, column)
    raise ReadError(path, f"holds {found}; choose the target language with --lang", line, column)
