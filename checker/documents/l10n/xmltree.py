"""A small element tree with positions, for the XML localization formats (Android
`strings.xml`, Qt `.ts`, `.resx`, `.stringsdict`).

Parsed with defusedxml's expat SAX reader, as checker.documents.xliff is: ElementTree and
lxml keep a line per element at best, while the SAX locator gives the line and column of
every run of character data, so text keeps exact positions across entities (`&amp;`),
CDATA and inline markup. Translate Toolkit's storage classes for these formats are lxml
trees (`sourceline` only, no column). Entity declarations are refused; nothing external is
ever fetched.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from checker.documents.l10n.catalog import anchored
from checker.documents.model import Anchor, ReadError

OBJECT = "\ufffc"
_ENCODING_DECL = re.compile(rb"""^(\s*<\?xml[^>]*?)(encoding\s*=\s*(["'])([A-Za-z0-9._-]+)\3)""")


@dataclass
class Run:
    """Character data starting at `line`:`column`."""

    text: str
    line: int
    column: int


@dataclass
class Comment:
    text: str
    line: int
    column: int


@dataclass
class Element:
    name: str  # local name
    attrs: dict[str, str]  # local (or `prefix:local` for xml:, tools: ...) names
    line: int
    column: int
    uri: str | None = None
    children: list["Element | Run | Comment"] = field(default_factory=list)

    def elements(self, name: str | None = None) -> list["Element"]:
        return [c for c in self.children if isinstance(c, Element) and (name is None or c.name == name)]

    def first(self, name: str) -> "Element | None":
        return next((c for c in self.children if isinstance(c, Element) and c.name == name), None)


def text_of(element: Element, placeholders: frozenset[str] = frozenset()) -> tuple[str, int, int, tuple[Anchor, ...]]:
    """The text inside `element` (inline elements' text included, each element named in
    `placeholders` as one U+FFFC), its first line and column, and its anchors."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    state = {"length": 0, "next": (0, 0)}

    def add(text: str, line: int, column: int) -> None:
        if not text:
            return
        if state["next"] != (line, column) or not pieces:
            pieces.append((state["length"], line, column))
        parts.append(text)
        state["length"] += len(text)
        newlines = text.count("\n")
        state["next"] = (line + newlines, len(text) - text.rfind("\n")) if newlines else (line, column + len(text))

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, Run):
                add(child.text, child.line, child.column)
            elif isinstance(child, Element):
                if child.name in placeholders:
                    add(OBJECT, child.line, child.column)
                    state["next"] = (0, 0)
                else:
                    walk(child)

    walk(element)
    text = "".join(parts)
    if not pieces:
        return "", element.line, element.column, ()
    first = pieces[0]
    return text, first[1], first[2], anchored(pieces, len(text))


def _handler_class():  # noqa: ANN202
    from xml.sax.handler import ContentHandler

    class Handler(ContentHandler):
        def __init__(self) -> None:
            super().__init__()
            self.locator = None
            self.expat = None
            self.stack: list[Element] = []
            self.root: Element | None = None
            self.pending: list[Comment] = []  # comments before the root element

        def setDocumentLocator(self, locator) -> None:  # noqa: ANN001, N802
            self.locator = locator

        def position(self) -> tuple[int, int]:
            parser = self.expat
            if parser is None:
                if self.locator is None:
                    return 1, 1
                # The expat parser behind the SAX locator, asked directly: the locator's
                # two calls per event cost a fifth of the parse.
                parser = self.expat = getattr(getattr(self.locator, "_ref", None), "_parser", None)
                if parser is None:
                    return self.locator.getLineNumber() or 1, (self.locator.getColumnNumber() or 0) + 1
            return parser.CurrentLineNumber or 1, parser.CurrentColumnNumber + 1

        def startElementNS(self, name, qname, attrs) -> None:  # noqa: ANN001, N802
            uri, local = name
            names = {}
            for (a_uri, a_local), value in attrs.items():
                names[a_local if a_uri is None else f"{_PREFIXES.get(a_uri, a_uri)}:{a_local}"] = value
            element = Element(local, names, *self.position(), uri=uri)
            if self.stack:
                self.stack[-1].children.append(element)
            else:
                self.root = element
            self.stack.append(element)

        def endElementNS(self, name, qname) -> None:  # noqa: ANN001, N802
            self.stack.pop()

        def characters(self, content: str) -> None:
            if self.stack:
                self.stack[-1].children.append(Run(content, *self.position()))

        def comment(self, content: str) -> None:
            node = Comment(content, *self.position())
            if self.stack:
                self.stack[-1].children.append(node)

        def skippedEntity(self, name: str) -> None:  # noqa: N802
            if self.stack:
                self.stack[-1].children.append(Run(OBJECT, *self.position()))

        # LexicalHandler's other callbacks
        def startDTD(self, *args) -> None:  # noqa: ANN002, N802
            pass

        def endDTD(self) -> None:  # noqa: N802
            pass

        def startCDATA(self) -> None:  # noqa: N802
            pass

        def endCDATA(self) -> None:  # noqa: N802
            pass

    return Handler


_PREFIXES = {"http://www.w3.org/XML/1998/namespace": "xml"}


def parse(path: str, data: bytes, what: str) -> tuple[Element, str]:
    """The root element of `data` and the file's encoding; every failure is a ReadError
    (`what` names the format in messages)."""
    m = _ENCODING_DECL.match(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # expat reads the BOM itself
    else:
        encoding = m.group(4).decode("ascii").lower() if m else "utf-8"
    try:
        return _run(path, data, what), encoding
    except _MultiByte:
        pass
    # Expat only knows single-byte encodings beyond UTF-8/16: decode in Python and blank
    # out the declaration (same length, so columns stay put) to parse UTF-8.
    if m is None:
        raise ReadError(path, "unsupported multi-byte encoding")
    from checker.documents.encoding import decode_as

    text = decode_as(data, encoding, path)
    blanked = m.group(1).decode("ascii") + " " * len(m.group(2))
    return _run(path, blanked.encode("utf-8") + text[len(m.group(0)) :].encode("utf-8"), what), encoding


class _MultiByte(Exception):
    pass


def _run(path: str, data: bytes, what: str) -> Element:
    from xml.sax import SAXException, SAXParseException
    from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces, property_lexical_handler
    from xml.sax.xmlreader import InputSource

    from defusedxml import DefusedXmlException, EntitiesForbidden
    from defusedxml.sax import make_parser

    handler = _handler_class()()
    parser = make_parser()
    parser.forbid_entities = True
    parser.forbid_dtd = False  # `<!DOCTYPE TS>` heads every Qt file; nothing is fetched
    parser.forbid_external = False
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    parser.setFeature(feature_namespaces, True)
    parser.setProperty(property_lexical_handler, handler)
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    try:
        parser.parse(source)
    except SAXParseException as e:
        raise ReadError(
            path, f"malformed XML: {e.getMessage()}", e.getLineNumber() or 1, (e.getColumnNumber() or 0) + 1
        ) from None
    except EntitiesForbidden as e:
        raise ReadError(path, f"refused: XML entity declarations are not allowed (entity {e.name!r})",
                        *handler.position()) from None
    except DefusedXmlException as e:
        raise ReadError(path, f"refused: {type(e).__name__}", *handler.position()) from None
    except ValueError as e:
        if "multi-byte encodings" in str(e):
            raise _MultiByte from None
        raise ReadError(path, f"cannot parse XML: {e}", *handler.position()) from None
    except (SAXException, LookupError, UnicodeError) as e:
        raise ReadError(path, f"cannot parse XML: {e}", *handler.position()) from None
    if handler.root is None:
        raise ReadError(path, f"not {what}: no root element")
    return handler.root
