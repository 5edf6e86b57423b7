"""A small element tree with positions, for the XML localization formats (Android
`strings.xml`, Qt `.ts`, `.resx`, `.stringsdict`).

Parsed with defusedxml's expat SAX reader (checker.documents.xmltext), as XLIFF and TMX are: ElementTree and
lxml keep a line per element at best, while the SAX locator gives the line and column of
every run of character data, so text keeps exact positions across entities (`&amp;`),
CDATA and inline markup. Translate Toolkit's storage classes for these formats are lxml
trees (`sourceline` only, no column). Entity declarations are refused; nothing external is
ever fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.documents.model import Anchor, ReadError
from checker.documents.pieces import OBJECT, Pieces
from checker.documents.xmltext import parse_xml


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
    pieces = Pieces()

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, Run):
                pieces.add(child.text, child.line, child.column)
            elif isinstance(child, Element):
                if child.name in placeholders:
                    pieces.add(OBJECT, child.line, child.column)
                    pieces.next_position = (0, 0)  # the text after it gets an anchor of its own
                else:
                    walk(child)

    walk(element)
    if not pieces.anchors:
        return "", element.line, element.column, ()
    first = pieces.anchors[0]
    return "".join(pieces.parts), first.line, first.column, tuple(pieces.anchors) if len(pieces.anchors) > 1 else ()


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
    handler, encoding = parse_xml(path, data, _handler_class(), what, comments=True)
    if handler.root is None:
        raise ReadError(path, f"not {what}: no root element")
    return handler.root, encoding
