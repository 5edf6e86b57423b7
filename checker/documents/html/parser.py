"""The HTML walk: text nodes and checked attributes, each with its place in the file.

Python's `html.parser` (the standard library's tokenizer, forgiving like a browser) gives
the line and column of every tag, run of text and character reference, which a tree
builder such as selectolax or lxml does not keep. References come as events of their own
(`convert_charrefs=False`), so each decoded character keeps its own anchor; attribute
values are found again in the tag's own text to place them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from checker.documents.html.entities import reference_at
from checker.documents.model import Segment
from checker.documents.pieces import OBJECT, Pieces

#: elements whose content is code or not prose: left out, one U+FFFC in the sentence
SKIPPED = frozenset({"code", "pre", "script", "style", "kbd", "samp", "var", "tt", "math", "svg", "textarea"})
#: elements that end a segment where they start and end (a sentence never runs across them)
BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav noscript "
    "ol optgroup option p pre search section select summary table tbody td template tfoot th thead title tr ul "
    "button label".split()
)
#: elements with no end tag
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: void elements that stand for something in the sentence (a line break, a picture)
_REPLACED = frozenset({"br", "img", "input", "embed"})
#: attributes whose values are prose
CHECKED_ATTRIBUTES = frozenset({"alt", "title", "placeholder", "aria-label", "aria-description"})

# The attribute syntax html.parser accepts (its `attrfind_tolerant`), to find each value's offset.
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)


class Walker(HTMLParser):
    """Collects the prose segments of one HTML text (newlines normalised)."""

    def __init__(self, path: str, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.path = path
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.segments: list[Segment] = []
        #: (line, column, comment text) of every comment, in order
        self.comments: list[tuple[int, int, str]] = []
        self.language: tuple[str, int] | None = None  # <html lang>, and its line
        self._primary: str | None = None  # the document language's primary subtag
        self._open: list[tuple[str, bool]] = []  # (tag, skipped) of the open elements
        self._pieces = Pieces()

    def run(self) -> None:
        self.feed(self.text)
        self.close()
        self._flush()
        self.segments.sort(key=lambda s: (s.line, s.column))

    # --- state -----------------------------------------------------------------------

    @property
    def _skipping(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def _flush(self) -> None:
        if not self._pieces.parts:
            return
        segment = self._pieces.segment(self.path)
        if segment is not None:
            self.segments.append(segment)
        self._pieces = Pieces()

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line, offset + 1

    # --- events ----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self._position()
        values = {name: value for name, value in attrs if value is not None}
        if tag == "html" and self.language is None and (values.get("lang") or values.get("xml:lang")):
            declared = (values.get("lang") or values.get("xml:lang") or "").strip()
            self.language = (declared, line)
            self._primary = declared.split("-")[0].split("_")[0].lower()
        skipped = self._skipping or tag in SKIPPED or self._foreign(values)
        if tag in BLOCKS:
            self._flush()
        elif skipped and not self._skipping:
            self._pieces.add_char(OBJECT, line, column)
        elif tag in _REPLACED and not self._skipping:
            self._pieces.add_char(OBJECT, line, column)
        if not skipped:
            self._attributes(line, column, tag, values)
        if tag not in VOID:
            self._open.append((tag, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
        # Close up to the matching open element; an end tag nothing opened is ignored.
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        # White space between blocks (most of it, in a page) starts no segment.
        if not self._skipping and (self._pieces.parts or not data.isspace()):
            line, column = self._position()
            self._pieces.add(data, line, column)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def handle_comment(self, data: str) -> None:
        line, column = self._position()
        self.comments.append((line, column, data))

    # --- helpers ---------------------------------------------------------------------

    def _foreign(self, values: dict[str, str]) -> bool:
        """Whether the element says it holds another language than the document's, or not to translate."""
        if values.get("translate", "").strip().lower() == "no" or "notranslate" in values.get("class", "").split():
            return True
        lang = values.get("lang")
        if lang is None or self._primary is None:
            return False
        return lang.strip().split("-")[0].split("_")[0].lower() != self._primary

    def _reference(self, size: int) -> None:
        """A character reference the parser found: decoded here from the file's own text, one
        anchor per decoded part (`&copy2` is "©" at the `&` and "2" where it is written)."""
        if self._skipping:
            return
        line, offset = self.getpos()
        start = self.starts[line - 1] + offset
        end = start + size
        if self.text.startswith(";", end):
            end += 1
        self._add_raw(self.text[start:end], line, offset + 1)

    def _add_raw(self, raw: str, line: int, column: int) -> None:
        """Text as written in the file (one line or more, with references) at `line`:`column`."""
        pieces = self._pieces
        i = 0
        while i < len(raw):
            j = raw.find("&", i)
            if j < 0:
                j = len(raw)
            if j > i:
                pieces.add(raw[i:j], line, column)
                line, column = _after(raw[i:j], line, column)
                i = j
                continue
            found = reference_at(raw, i)
            if found is None:
                pieces.add("&", line, column)
                size = 1
            else:
                size, decoded = found
                for char in decoded:
                    pieces.add_char(char, line, column)
            column += size  # a reference never spans lines
            i += size

    def _attributes(self, line: int, column: int, tag: str, values: dict[str, str]) -> None:
        """A segment for each checked attribute value (and a page's description), where written."""
        if not any(name in CHECKED_ATTRIBUTES for name in values) and tag != "meta":
            return
        raw = self.get_starttag_text() or ""
        m = _TAG_NAME.match(raw)
        pos = m.end() if m else 0
        describes = tag == "meta" and values.get("name", "").lower() in ("description", "keywords")
        while True:
            a = _ATTRIBUTE.match(raw, pos)
            if a is None or a.end() == pos:
                break
            pos = a.end()
            name, value = a.group(1).lower(), a.group(3)
            if value is None or not (name in CHECKED_ATTRIBUTES or (describes and name == "content")):
                continue
            start = a.start(3)
            if value[:1] in ("'", '"') and value[:1] == value[-1:] and len(value) > 1:
                start, value = start + 1, value[1:-1]
            if not value.strip():
                continue
            at_line, at_column = _after(raw[:start], line, column)
            self._flush_into_attribute(value, at_line, at_column)

    def _flush_into_attribute(self, raw: str, line: int, column: int) -> None:
        # An attribute is a segment of its own: collect it apart from the running text.
        running, self._pieces = self._pieces, Pieces()
        self._add_raw(raw, line, column)
        self._flush()
        self._pieces = running


def _after(text: str, line: int, column: int) -> tuple[int, int]:
    """Where the character after `text` sits, `text` starting at `line`:`column`."""
    newlines = text.count("\n")
    if not newlines:
        return line, column + len(text)
    return line + newlines, len(text) - text.rfind("\n")

