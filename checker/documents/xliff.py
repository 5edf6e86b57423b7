"""XLIFF 1.2 and 2.x: one segment per translated `<target>`, with its `<source>`.

Parsed with defusedxml's expat SAX reader because ElementTree keeps no positions:
the SAX locator gives the line and column where each run of character data starts,
and each run becomes an Anchor, so positions stay exact across entities (`&amp;`),
inline tags and CDATA.

Inline content: text inside `<g>`, `<mrk>`, `<pc>`, `<sub>` counts; standalone
placeholders (`<x/>`, `<ph>`, `<it>`, `<cp/>`) become one U+FFFC, so no term matches
across them, and their native-code content is dropped; the boundaries of paired
codes (`<bx/>`, `<ex/>`, `<bpt>`, `<ept>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`) are
formatting inside the sentence and contribute nothing, like the tags of `<g>`.

Entity declarations are refused (ReadError). A DOCTYPE naming an external DTD, as
old XLIFF 1.0/1.1 files have, is accepted but never fetched.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from checker.documents.model import Anchor, Document, ReadError, Segment
from checker.language import normalise_tag

OBJECT = "\ufffc"
_XLIFF_NS = "urn:oasis:names:tc:xliff:document:"
_PLACEHOLDERS = frozenset({"x", "ph", "it", "cp"})
_PAIRED_CODES = frozenset({"bx", "ex", "bpt", "ept", "sc", "ec", "sm", "em"})
_ENCODING_DECL = re.compile(rb"""^(\s*<\?xml[^>]*?)(encoding\s*=\s*(["'])([A-Za-z0-9._-]+)\3)""")


@dataclass
class _Text:
    """Text being collected from one element, with the anchors placing it in the file."""

    parts: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    length: int = 0
    # Where the next character would sit if it followed the last one in the file.
    next_position: tuple[int, int] = (0, 0)
    # One entry per open inline element: does its character data count?
    counting: list[bool] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, data: str, line: int, column: int) -> None:
        if self.counting and not self.counting[-1]:
            return
        if not data:
            return
        if self.anchors and self.anchors[-1].offset == self.length:
            self.anchors.pop()  # nothing was added at the old anchor
        # Expat reports text in pieces (at newlines, entities, buffer ends); a piece
        # that simply continues the previous one needs no anchor of its own.
        if not self.anchors or self.next_position != (line, column):
            self.anchors.append(Anchor(self.length, line, column))
        self.parts.append(data)
        self.length += len(data)
        newlines = data.count("\n")
        if newlines:
            self.next_position = (line + newlines, len(data) - data.rfind("\n"))
        else:
            self.next_position = (line, column + len(data))


@dataclass
class _Unit:
    id: str | None
    translate: bool = True
    notes: list[str] = field(default_factory=list)
    # (segment id, source, target) in document order
    #: (segment id, source, target, state of the translation)
    pairs: list[tuple[str | None, _Text | None, _Text | None, str | None]] = field(default_factory=list)


class _NotXliff(Exception):
    def __init__(self, root: str, line: int, column: int) -> None:
        super().__init__(root)
        self.root, self.line, self.column = root, line, column


def _content_handler_class():  # noqa: ANN202
    # xml.sax is only imported when an XLIFF file is read.
    from xml.sax.handler import ContentHandler

    class Handler(ContentHandler):
        """Collects units, their source/target text and notes, with positions."""

        def __init__(self) -> None:
            super().__init__()
            self.locator = None
            self.depth = 0
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
            self.capture: _Text | None = None  # the source, target or note being read
            self.capture_depth = 0
            self.capture_kind = ""

        def setDocumentLocator(self, locator) -> None:  # noqa: ANN001, N802
            self.locator = locator

        def position(self) -> tuple[int, int]:
            if self.locator is None:
                return 1, 1
            return self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1

        def startElementNS(self, name, qname, attrs) -> None:  # noqa: ANN001, N802
            uri, local = name
            attr = {k[1]: v for k, v in attrs.items() if k[0] is None}
            self.depth += 1
            ours = uri is None or uri.startswith(_XLIFF_NS)
            if self.depth == 1:
                if local != "xliff":
                    raise _NotXliff(local, *self.position())
                self.version2 = attr.get("version", "").startswith("2") or (uri or "").startswith(
                    _XLIFF_NS + "2"
                )
                if self.version2:
                    self.source_language = attr.get("srcLang")
                    self.target_language = attr.get("trgLang")
            parent = self.path[-1] if self.path else ""
            self.path.append(local)
            if self.capture is not None:
                self._inline_start(local)
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
                self._capture(text, local)
            elif local == "note":
                self._capture(_Text(), "note")

        def _capture(self, text: _Text, kind: str) -> None:
            self.capture, self.capture_depth, self.capture_kind = text, self.depth, kind

        def _inline_start(self, local: str) -> None:
            capture = self.capture
            assert capture is not None
            counting = not capture.counting or capture.counting[-1]
            if local in _PLACEHOLDERS:
                capture.add(OBJECT, *self.position())
                capture.counting.append(False)  # native code, not text
            elif local == "sub":
                capture.counting.append(True)  # a sub-flow inside code is text again
            elif local in _PAIRED_CODES:
                capture.counting.append(False)
            else:
                capture.counting.append(counting)

        def endElementNS(self, name, qname) -> None:  # noqa: ANN001, N802
            local = name[1]
            if self.capture is not None:
                if self.depth == self.capture_depth:
                    if self.capture_kind == "note" and self.unit is not None:
                        note = self.capture.text.strip()
                        if note:
                            self.unit.notes.extend(note.splitlines())
                    self.capture = None
                else:
                    self.capture.counting.pop()
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

        def characters(self, content: str) -> None:
            if self.capture is not None:
                self.capture.add(content, *self.position())

        def skippedEntity(self, name: str) -> None:  # noqa: N802
            # An entity defined in an external DTD we do not fetch.
            if self.capture is not None:
                self.capture.add(OBJECT, *self.position())

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
    handler, encoding = _parse(path, data)
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
            first = target.anchors[0]
            source_first = source.anchors[0] if source is not None and source.anchors else None
            segments.append(
                Segment(
                    path=path,
                    line=first.line,
                    column=first.column,
                    text=target.text,
                    anchors=tuple(target.anchors) if len(target.anchors) > 1 else (),
                    source=source.text if source is not None else None,
                    source_line=source_first.line if source_first else None,
                    source_column=source_first.column if source_first else None,
                    unit_id=unit_id,
                    comments=tuple(unit.notes),
                )
            )
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


def _parse(path: str, data: bytes):  # noqa: ANN202
    """Run the SAX handler over `data`; every parse failure becomes a ReadError."""
    m = _ENCODING_DECL.match(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # expat reads the BOM itself
    else:
        encoding = m.group(4).decode("ascii").lower() if m else "utf-8"
    try:
        return _run(path, data), encoding
    except _MultiByte:
        pass
    # Expat only knows single-byte encodings beyond UTF-8/16: decode in Python and
    # blank out the declaration (same length, so columns stay put) to parse UTF-8.
    if m is None:
        raise ReadError(path, "unsupported multi-byte encoding")
    from checker.documents.encoding import decode_as

    text = decode_as(data, encoding, path)
    blanked = m.group(1).decode("ascii") + " " * len(m.group(2))
    utf8 = blanked.encode("utf-8") + text[len(m.group(0)) :].encode("utf-8")
    return _run(path, utf8), encoding


class _MultiByte(Exception):
    pass


def _run(path: str, data: bytes):  # noqa: ANN202
    from xml.sax import SAXException, SAXParseException
    from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces
    from xml.sax.xmlreader import InputSource

    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
    from defusedxml.sax import make_parser

    handler = _content_handler_class()()
    parser = make_parser()
    parser.forbid_entities = True
    parser.forbid_dtd = False
    # Nothing external is ever fetched (the two features below), so an external DTD
    # reference is harmless and old XLIFF files with a DOCTYPE stay readable.
    parser.forbid_external = False
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    try:
        parser.parse(source)
    except SAXParseException as e:
        raise ReadError(
            path, f"malformed XML: {e.getMessage()}", e.getLineNumber() or 1, (e.getColumnNumber() or 0) + 1
        ) from None
    except _NotXliff as e:
        raise ReadError(path, f"not an XLIFF file (root element <{e.root}>)", e.line, e.column) from None
    except EntitiesForbidden as e:
        raise ReadError(
            path, f"refused: XML entity declarations are not allowed (entity {e.name!r})", *handler.position()
        ) from None
    except DTDForbidden:
        raise ReadError(path, "refused: DTDs are not allowed", *handler.position()) from None
    except DefusedXmlException as e:
        raise ReadError(path, f"refused: {type(e).__name__}", *handler.position()) from None
    except ValueError as e:
        if "multi-byte encodings" in str(e):
            raise _MultiByte from None
        raise ReadError(path, f"cannot parse XML: {e}", *handler.position()) from None
    except (SAXException, LookupError, UnicodeError) as e:
        raise ReadError(path, f"cannot parse XML: {e}", *handler.position()) from None
    return handler
