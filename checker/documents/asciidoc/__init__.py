"""AsciiDoc (`.adoc`, `.asciidoc`, `.asc`): the prose of a document, code and markup left out.

A line-based reader of the constructs documentation uses, since PyPI has no maintained
AsciiDoc parser that keeps positions (`asciidoc` is the legacy toolchain, a converter, and
Asciidoctor is Ruby). It follows the Asciidoctor syntax reference
(tests/data/real/formats/asciidoc/syntax.adoc is that reference, read in the tests).

Checked: section titles (`=` and `#`), block titles (`.Title`), paragraphs, list items
(`*`, `-`, `.`, `1.`, checklists), description lists (term and description), admonition
paragraphs (`NOTE:` and the others, the label left out), callout lists, the content of
example (`====`), sidebar (`****`), quote and verse (`____`) and open (`--`) blocks and of
`[NOTE]`-style admonition blocks, table cells (`|===`, `!===`), image alt texts, and the
text of links, cross references, footnotes, `btn:` and `menu:` (see inline.py).

Not checked: listing (`----`), literal (`....`), passthrough (`++++`) and fenced code
blocks, comment blocks (`////`) and line comments (`//`), indented literal paragraphs,
blocks styled `[source]`, `[listing]`, `[literal]`, `[pass]`, `[stem]`, `[comment]` or a
diagram, document attributes (`:name: value`) and attribute lists, the document header's
author and revision lines, block macros (`include::` is never followed), literal and
monospace table cells, CSV and DSV tables, inline code, passthroughs, attribute references
and URLs. Not supported: two-line (setext) section titles, tables nested in cells beyond
their text, and substitutions or conditionals (`ifdef::`) evaluated: both branches are read.

Positions: each run of prose keeps the line and column where it is written (formatting
marks dropped, so `**enumerated** lists` is found as "enumerated lists"); a comment line
`// termcheck: ignore[...]` carries a suppression.
"""

from __future__ import annotations

from checker.documents.model import Document, Segment
from checker.documents.pieces import OBJECT, Pieces
from checker.documents.prose import read_prose


def read_asciidoc(path: str, data: bytes) -> Document:
    """A Document of the prose segments of an AsciiDoc file."""
    return read_prose(path, data, "asciidoc", segments)


def segments(path: str, text: str) -> list[Segment]:
    """The prose segments of AsciiDoc `text` (newlines normalised), in file order."""
    from checker.documents.asciidoc.blocks import Scanner
    from checker.documents.asciidoc.inline import spans

    scanner = Scanner(text)
    scanner.run()
    position = scanner.index.position
    out = []
    for block in scanner.blocks:
        found = spans(block.text)
        if len(found) == 1 and not isinstance(found[0], int):
            # One run of prose (a heading, a list item, a cell without markup): a slice of
            # the file, which needs no anchors.
            a, b = found[0]
            body = block.text[a:b]
            lead = len(body) - len(body.lstrip())
            body = body.strip()
            if body:
                out.append(Segment(path, *position(block.start + a + lead), body))
            continue
        pieces = Pieces()
        for span in found:
            if isinstance(span, int):
                pieces.add_char(OBJECT, *position(block.start + span))
            else:
                a, b = span
                pieces.add(block.text[a:b], *position(block.start + a))
        segment = pieces.segment(path)
        if segment is not None:
            out.append(segment)
    return sorted(out, key=lambda s: (s.line, s.column))

