"""What the XML readers (XLIFF, TMX) share: parsing with defusedxml's expat SAX reader,
the encodings expat cannot read itself, and text collected with the anchors that place it.

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
from dataclasses import dataclass, field
from typing import TypeVar

from checker.documents.model import Anchor, ReadError

#: What an inline placeholder (a tag standing for native code) becomes in the text.
OBJECT = "\ufffc"
_ENCODING_DECL = re.compile(rb"""^(\s*<\?xml[^>]*?)(encoding\s*=\s*(["'])([A-Za-z0-9._-]+)\3)""")


@dataclass
class CollectedText:
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


def parse_xml(path: str, data: bytes, make_handler: Callable[[], H], kind: str) -> tuple[H, str]:
    """A SAX handler from `make_handler` run over `data`, and the file's encoding; every
    parse failure becomes a ReadError (a WrongRoot one says the file is not `kind`,
    "an XLIFF file")."""
    m = _ENCODING_DECL.match(data)
    for bom, codec in _UTF32_BOMS:  # expat reads no UTF-32: decode here, parse as UTF-8
        if data.startswith(bom):
            text = _decode(data[len(bom) :], codec, path)
            if m := _ENCODING_DECL.match(text.encode("utf-8")):
                text = m.group(1).decode("ascii") + " " * len(m.group(2)) + text[len(m.group(0)) :]
            return _run(path, text.encode("utf-8"), make_handler(), kind), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # expat reads the BOM itself
    else:
        encoding = m.group(4).decode("ascii").lower() if m else "utf-8"
    try:
        return _run(path, data, make_handler(), kind), encoding
    except _MultiByte:
        pass
    # Expat only knows single-byte encodings beyond UTF-8/16: decode in Python and
    # blank out the declaration (same length, so columns stay put) to parse UTF-8.
    if m is None:
        raise ReadError(path, "unsupported multi-byte encoding")
    from checker.documents.encoding import decode_as

    text = decode_as(data, encoding, path)
    blanked = m.group(1).decode("ascii") + " " * len(m.group(2))
    return _run(path, blanked.encode("utf-8") + text[len(m.group(0)) :].encode("utf-8"), make_handler(), kind), encoding


def _decode(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise ReadError(path, f"cannot decode as {codec.upper()}: {e.reason}") from None


class _MultiByte(Exception):
    pass


def _run(path: str, data: bytes, handler: H, kind: str) -> H:
    from xml.sax import SAXException, SAXParseException
    from xml.sax.handler import (
        feature_external_ges,
        feature_external_pes,
        feature_namespaces,
    )
    from xml.sax.xmlreader import InputSource

    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
    from defusedxml.sax import make_parser

    parser = make_parser()
    parser.forbid_entities = True
    parser.forbid_dtd = False
    # Nothing external is ever fetched (the two features below), so an external DTD
    # reference is harmless and old files with a DOCTYPE (XLIFF 1.1, TMX) stay readable.
    parser.forbid_external = False
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setFeature(feature_namespaces, True)
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
