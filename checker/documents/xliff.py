"""XLIFF 1.2 and 2.x: one segment per translated `<target>`, with its `<source>`.

Parsed with defusedxml's expat SAX reader (checker.documents.xmltext), so positions stay
exact across entities (`&amp;`), inline tags and CDATA.

Inline content: text inside `<g>`, `<mrk>`, `<pc>`, `<sub>` counts; standalone
placeholders (`<x/>`, `<ph>`, `<it>`, `<cp/>`) become one U+FFFC, so no term matches
across them, and their native-code content is dropped; the boundaries of paired
codes (`<bx/>`, `<ex/>`, `<bpt>`, `<ept>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`) are
formatting inside the sentence and contribute nothing, like the tags of `<g>`.

Entity declarations are refused (ReadError). A DOCTYPE naming an external DTD, as
old XLIFF 1.0/1.1 files have, is accepted but never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.documents.model import Document, Segment
from checker.documents.xmltext import OBJECT, CapturingHandler, WrongRoot, parse_xml, unit_segment
from checker.documents.xmltext import CollectedText as _Text
from checker.language import normalise_tag

__all__ = ["OBJECT", "UNFINISHED_STATES", "read_xliff"]

_XLIFF_NS = "urn:oasis:names:tc:xliff:document:"
_PLACEHOLDERS = frozenset({"x", "ph", "it", "cp"})
_PAIRED_CODES = frozenset({"bx", "ex", "bpt", "ept", "sc", "ec", "sm", "em"})


@dataclass
class _Unit:
    id: str | None
    translate: bool = True
    notes: list[str] = field(default_factory=list)
    # (segment id, source, target) in document order
    #: (segment id, source, target, state of the translation)
    pairs: list[tuple[str | None, _Text | None, _Text | None, str | None]] = field(default_factory=list)


def _content_handler_class():  # noqa: ANN202
    # xml.sax is only imported when an XLIFF file is read.
    from xml.sax.handler import ContentHandler

    class Handler(CapturingHandler, ContentHandler):
        """Collects units, their source/target text and notes, with positions."""

        placeholders = _PLACEHOLDERS
        dropped = _PAIRED_CODES

        def __init__(self) -> None:
            super().__init__()
            self.version2 = False
            self.source_language: str | None = None
            self.target_language: str | None = None
            self.units: list[_Unit] = []
            self.path: list[str] = []  # local names of the open elements
            self.unit: _Unit | None = None
            self.segment_id: str | None = None
            self.state: str | None = None
            self.source: _Text | None = None
            self.target: _Text | None = None

        def startElementNS(self, name, qname, attrs) -> None:  # noqa: ANN001, N802
            uri, local = name
            attr = {k[1]: v for k, v in attrs.items() if k[0] is None}
            self.depth += 1
            ours = uri is None or uri.startswith(_XLIFF_NS)
            if self.depth == 1:
                if local != "xliff":
                    raise WrongRoot(local, *self.position())
                self.version2 = attr.get("version", "").startswith("2") or (uri or "").startswith(
                    _XLIFF_NS + "2"
                )
                if self.version2:
                    self.source_language = attr.get("srcLang")
                    self.target_language = attr.get("trgLang")
            parent = self.path[-1] if self.path else ""
            self.path.append(local)
            if self.capture is not None:
                self.inline_start(local)
                return
            if not ours:
                return
            if not self.version2 and local == "file":
                self.source_language = self.source_language or attr.get("source-language")
                self.target_language = self.target_language or attr.get("target-language")
            elif local in ("trans-unit", "unit") and self.unit is None:
                self.unit = _Unit(attr.get("id"), attr.get("translate", "yes") != "no")
                self.source = self.target = None
                self.state = None
            elif self.unit is None:
                return
            elif local == "segment" and self.version2:
                self.segment_id = attr.get("id")
                self.state = attr.get("state")
                self.source = self.target = None
            elif local in ("source", "target") and parent == ("segment" if self.version2 else "trans-unit"):
                if local == "target" and not self.version2:
                    self.state = attr.get("state")
                text = _Text()
                setattr(self, local, text)
                self.start_capture(text, local)
            elif local == "note":
                self.start_capture(_Text(), "note")

        def endElementNS(self, name, qname) -> None:  # noqa: ANN001, N802
            local = name[1]
            if self.capture is not None:
                if self.capture_ends():
                    if self.capture_kind == "note" and self.unit is not None:
                        note = self.capture.text.strip()
                        if note:
                            self.unit.notes.extend(note.splitlines())
                    self.capture = None
            elif self.unit is not None:
                if local == "segment" and self.version2:
                    self.unit.pairs.append((self.segment_id, self.source, self.target, self.state))
                elif local in ("trans-unit", "unit"):
                    if not self.version2:
                        self.unit.pairs.append((None, self.source, self.target, self.state))
                    self.units.append(self.unit)
                    self.unit = None
            self.path.pop()
            self.depth -= 1

    return Handler


# Targets not yet translated or awaiting review: XLIFF 1.2 `state` values (and any
# `x-` extension is taken as done), XLIFF 2.0 `initial`. Like fuzzy PO entries.
UNFINISHED_STATES = frozenset({
    "new", "needs-translation", "needs-adaptation", "needs-l10n",
    "needs-review-translation", "needs-review-adaptation", "needs-review-l10n", "initial",
})


def read_xliff(path: str, data: bytes, *, include_unfinished: bool = False) -> Document:
    """Segments for the translated targets of an XLIFF 1.x or 2.x file (unfinished ones,
    by their `state`, only with `include_unfinished`)."""
    handler, encoding = parse_xml(path, data, _content_handler_class(), "an XLIFF file")
    segments: list[Segment] = []
    for unit in handler.units:
        if not unit.translate:
            continue
        several = len(unit.pairs) > 1
        for index, (segment_id, source, target, state) in enumerate(unit.pairs):
            if target is None or not target.text.strip():
                continue  # untranslated
            if state in UNFINISHED_STATES and not include_unfinished:
                continue
            unit_id = unit.id
            if several:
                unit_id = f"{unit.id}[{segment_id if segment_id is not None else index}]"
            segments.append(unit_segment(path, target, source, unit_id, tuple(unit.notes)))
    declared = (handler.target_language or "").strip()
    language = normalise_tag(declared) if declared else None
    problem = (1, f"XLIFF target language '{declared}' is not a language tag") if declared and language is None else None
    return Document(
        path=path,
        format="xliff",
        language=language,
        language_source="header" if language else "unknown",
        segments=tuple(segments),
        source_language=normalise_tag(handler.source_language or ""),
        encoding=encoding,
        metadata={"version": "2" if handler.version2 else "1"},
        language_problem=problem,
    )
