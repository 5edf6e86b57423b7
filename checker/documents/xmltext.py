"""What the XML readers (XLIFF, TMX, and the localization formats' element tree in
checker.documents.l10n.xmltree) share: parsing with defusedxml's expat SAX reader, the
encodings expat cannot read itself, and text collected with the anchors that place it.

ElementTree keeps no positions: the SAX locator gives the line and column where each run
of character data starts, and each run becomes an Anchor, so positions stay exact across
entities (`&amp;`), inline tags and CDATA. Entity declarations are refused (ReadError); a
DOCTYPE naming an external DTD is accepted but never fetched.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from typing import TypeVar

from checker.documents.model import ReadError, Segment
from checker.documents.pieces import OBJECT, Pieces

__all__ = ["OBJECT", "CapturingHandler", "CollectedText", "WrongRoot", "locator_position", "parse_xml", "unit_segment"]

_ENCODING_DECL = re.compile(rb"""^(\s*<\?xml[^>]*?)(encoding\s*=\s*(["'])([A-Za-z0-9._-]+)\3)""")


class CollectedText(Pieces):
    """Text being collected from one element, with the anchors placing it in the file.

    Expat reports text in pieces (at newlines, entities, buffer ends): Pieces gives an anchor
    only to a piece that does not simply continue the previous one."""

    __slots__ = ("counting",)

    def __init__(self) -> None:
        super().__init__()
        #: one entry per open inline element: does its character data count?
        self.counting: list[bool] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, data: str, line: int, column: int) -> None:
        if self.counting and not self.counting[-1]:
            return  # inside native code
        Pieces.add(self, data, line, column)


class CapturingHandler:
    """What the XLIFF and TMX SAX handlers share, mixed into xml.sax's ContentHandler (which
    is only imported when such a file is read): positions from the locator, and the text of
    the element being captured (a target, a `<seg>`, a note) with its inline elements.

    Inside a capture, an element named in `placeholders` stands for native code: one U+FFFC,
    its content dropped; one in `dropped` is a formatting code whose content is dropped too;
    a `<sub>` flow inside code is text again; any other inline element's text counts as the
    text around it does."""

    placeholders: frozenset[str] = frozenset()
    dropped: frozenset[str] = frozenset()

    def __init__(self) -> None:
        super().__init__()
        self.locator = None
        self.depth = 0
        self.capture: CollectedText | None = None
        self.capture_depth = 0
        self.capture_kind = ""

    def setDocumentLocator(self, locator) -> None:  # noqa: ANN001, N802
        self.locator = locator

    def position(self) -> tuple[int, int]:
        return locator_position(self.locator)

    def start_capture(self, text: CollectedText, kind: str) -> None:
        """Collect the text of the element just opened (at `depth`) into `text`."""
        self.capture, self.capture_depth, self.capture_kind = text, self.depth, kind

    def inline_start(self, local: str) -> None:
        """An element opened inside the capture."""
        capture = self.capture
        assert capture is not None
        if local in self.placeholders:
            capture.add(OBJECT, *self.position())  # (add() keeps nothing inside native code)
            capture.counting.append(False)  # native code, not text
        elif local == "sub":
            capture.counting.append(True)
        elif local in self.dropped:
            capture.counting.append(False)
        else:
            capture.counting.append(not capture.counting or capture.counting[-1])

    def capture_ends(self) -> bool:
        """At an element's end inside the capture: whether it is the captured element itself
        (else an inline element closes)."""
        if self.depth == self.capture_depth:
            return True
        assert self.capture is not None
        self.capture.counting.pop()
        return False

    def characters(self, content: str) -> None:
        if self.capture is not None:
            self.capture.add(content, *self.position())

    def skippedEntity(self, name: str) -> None:  # noqa: N802
        # An entity defined in an external DTD we do not fetch.
        if self.capture is not None:
            self.capture.add(OBJECT, *self.position())


def unit_segment(
    path: str, target: CollectedText, source: CollectedText | None, unit_id: str | None, comments: tuple[str, ...]
) -> Segment:
    """A bilingual unit's Segment: `target`'s text where it is written, `source`'s text and
    first position."""
    first = target.anchors[0]
    source_first = source.anchors[0] if source is not None and source.anchors else None
    return Segment(
        path=path,
        line=first.line,
        column=first.column,
        text=target.text,
        anchors=tuple(target.anchors) if len(target.anchors) > 1 else (),
        source=source.text if source is not None else None,
        source_line=source_first.line if source_first else None,
        source_column=source_first.column if source_first else None,
        unit_id=unit_id,
        comments=comments,
    )


class WrongRoot(Exception):
    """Raised by a handler whose file's root element is not the format's."""

    def __init__(self, root: str, line: int, column: int) -> None:
        super().__init__(root)
        self.root, self.line, self.column = root, line, column


def locator_position(locator) -> tuple[int, int]:  # noqa: ANN001
    """Line and column (1-based) where the SAX event being handled starts."""
    if locator is None:
        return 1, 1
    return locator.getLineNumber() or 1, (locator.getColumnNumber() or 0) + 1


H = TypeVar("H")
_UTF32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))


def parse_xml(
    path: str, data: bytes, make_handler: Callable[[], H], kind: str, *, comments: bool = False
) -> tuple[H, str]:
    """A SAX handler from `make_handler` run over `data`, and the file's encoding; every
    parse failure becomes a ReadError (a WrongRoot one says the file is not `kind`,
    "an XLIFF file"). With `comments`, the handler is the lexical handler too: its
    `comment` method receives the XML comments."""
    m = _ENCODING_DECL.match(data)
    for bom, codec in _UTF32_BOMS:  # expat reads no UTF-32: decode here, parse as UTF-8
        if data.startswith(bom):
            text = _decode(data[len(bom) :], codec, path)
            if m := _ENCODING_DECL.match(text.encode("utf-8")):
                text = m.group(1).decode("ascii") + " " * len(m.group(2)) + text[len(m.group(0)) :]
            return _run(path, text.encode("utf-8"), make_handler(), kind, comments), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # expat reads the BOM itself
    else:
        encoding = m.group(4).decode("ascii").lower() if m else "utf-8"
    try:
        return _run(path, data, make_handler(), kind, comments), encoding
    except _MultiByte:
        pass
    # Expat only knows single-byte encodings beyond UTF-8/16: decode in Python and
    # blank out the declaration (same length, so columns stay put) to parse UTF-8.
    if m is None:
        raise ReadError(path, "unsupported multi-byte encoding")
    from checker.documents.encoding import decode_as

    text = decode_as(data, encoding, path)
    blanked = m.group(1).decode("ascii") + " " * len(m.group(2))
    return _run(path, blanked.encode("utf-8") + text[len(m.group(0)) :].encode("utf-8"), make_handler(), kind, comments), encoding


def _decode(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise ReadError(path, f"cannot decode as {codec.upper()}: {e.reason}") from None


class _MultiByte(Exception):
    pass


def _run(path: str, data: bytes, handler: H, kind: str, comments: bool) -> H:
    from xml.sax import SAXException, SAXParseException
    from xml.sax.handler import (
        feature_external_ges,
        feature_external_pes,
        feature_namespaces,
        property_lexical_handler,
    )
    from xml.sax.xmlreader import InputSource

    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
    from defusedxml.sax import make_parser

    parser = make_parser()
    parser.forbid_entities = True
    parser.forbid_dtd = False
    # Nothing external is ever fetched (the two features below), so an external DTD
    # reference is harmless and old files with a DOCTYPE (XLIFF 1.1, TMX, Qt's `<!DOCTYPE TS>`)
    # stay readable.
    parser.forbid_external = False
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setFeature(feature_namespaces, True)
    if comments:
        parser.setProperty(property_lexical_handler, handler)
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))

    def where() -> tuple[int, int]:
        return locator_position(getattr(handler, "locator", None))

    try:
        parser.parse(source)
    except SAXParseException as e:
        raise ReadError(
            path, f"malformed XML: {e.getMessage()}", e.getLineNumber() or 1, (e.getColumnNumber() or 0) + 1
        ) from None
    except WrongRoot as e:
        raise ReadError(path, f"not {kind} (root element <{e.root}>)", e.line, e.column) from None
    except ReadError:
        raise
    except EntitiesForbidden as e:
        raise ReadError(path, f"refused: XML entity declarations are not allowed (entity {e.name!r})", *where()) from None
    except DTDForbidden:
        raise ReadError(path, "refused: DTDs are not allowed", *where()) from None
    except DefusedXmlException as e:
        raise ReadError(path, f"refused: {type(e).__name__}", *where()) from None
    except ValueError as e:
        if "multi-byte encodings" in str(e):
            raise _MultiByte from None
        raise ReadError(path, f"cannot parse XML: {e}", *where()) from None
    except (SAXException, LookupError, UnicodeError) as e:
        raise ReadError(path, f"cannot parse XML: {e}", *where()) from None
    return handler
