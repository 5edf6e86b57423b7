"""Building a segment from pieces of text that each know where they start in the file.

The prose readers (HTML, reStructuredText, AsciiDoc) extract a paragraph as runs of text
separated by markup the text leaves out (`<em>`, `*`, an entity written `&amp;`): each
run is added with its line and column, and one anchor per run that does not simply
continue the previous one keeps Segment.position() exact. The XML readers collect their
elements' text the same way (checker.documents.xmltext, checker.documents.l10n.xmltree).
"""

from __future__ import annotations

from checker.documents.model import Anchor, Segment

OBJECT = "\ufffc"  # stands for left-out code: no term matches across it
_BLANK = " \t\n\r\f" + OBJECT


class Pieces:
    """The text of one segment being collected, with the anchors that place it."""

    __slots__ = ("parts", "anchors", "length", "next_position")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.anchors: list[Anchor] = []
        self.length = 0
        # Where the next character would sit if it followed the last one in the file.
        self.next_position = (0, 0)

    def add(self, data: str, line: int, column: int) -> None:
        """`data`, whose first character is at `line`:`column` and the rest follow it in the file."""
        if not data:
            return
        if self.next_position != (line, column):
            self.anchors.append(Anchor(self.length, line, column))
        self.parts.append(data)
        self.length += len(data)
        newlines = data.count("\n")
        if newlines:
            self.next_position = (line + newlines, len(data) - data.rfind("\n"))
        else:
            self.next_position = (line, column + len(data))

    def add_char(self, char: str, line: int, column: int) -> None:
        """One character standing for markup or code at `line`:`column` (U+FFFC, a decoded
        entity): the text after it gets an anchor of its own."""
        self.anchors.append(Anchor(self.length, line, column))
        self.parts.append(char)
        self.length += len(char)
        self.next_position = (0, 0)

    def segment(self, path: str, **fields: object) -> Segment | None:
        """The collected text as a Segment, outer whitespace dropped; None if no prose is left."""
        if not self.parts:
            return None
        text = "".join(self.parts)
        start = len(text) - len(text.lstrip(_BLANK))
        if start == len(text):
            return None
        end = len(text.rstrip(_BLANK))
        first = self.anchors[0]
        if start == 0 and first.offset == 0:
            line, column = first.line, first.column
        else:
            line, column = Segment(path, 1, 1, text, tuple(self.anchors)).position(start)
        anchors = [Anchor(0, line, column)]
        anchors += [Anchor(a.offset - start, a.line, a.column) for a in self.anchors if start < a.offset < end]
        # A slice of the file needs no anchors at all.
        kept = tuple(anchors) if len(anchors) > 1 else ()
        return Segment(path, line, column, text[start:end], kept, **fields)  # type: ignore[arg-type]
