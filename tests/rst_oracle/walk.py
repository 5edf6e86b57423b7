"""The docutils-based reader's doctree walk (tests/rst_oracle, the reference of the
fast reader): which reStructuredText nodes are prose, and their text placed in the file.

Blocks (paragraphs, titles, terms, captions, lines of a line block, substitution texts,
image `:alt:` texts) become segments; inside one, emphasis, strong, hyperlink text and
inline targets are part of the sentence, while inline literals, math, footnote, citation
and substitution references, `interpreted text` (the title-reference default role: in
technical documents, code) and unknown roles are one U+FFFC each. Of the roles docutils does
not know (Sphinx's), the shown text of `:ref:`title <target>``, `:doc:`, `:numref:`,
`:download:`, `:any:` is checked when a title is given, and `:term:`, `:abbr:`,
`:guilabel:`, `:menuselection:`, `:dfn:` always; the rest (`:func:`, `:class:`...) are code.
Blocks docutils leaves out (literal blocks, comments, targets, the directives it reports) are
found in the file too, so that no later block is searched inside them (see locate.py).
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.documents.model import Segment
from checker.documents.pieces import OBJECT, Pieces
from tests.rst_oracle.locate import REACH, Source

#: nodes whose text is one segment
BLOCKS = frozenset(
    {"paragraph", "title", "subtitle", "term", "caption", "line", "attribution", "rubric", "substitution_definition"}
)
#: blocks that are no prose but are found in the file all the same (see Walker._pass)
PASSED = frozenset({"comment", "literal_block", "doctest_block", "math_block", "system_message", "target", "pending"})
#: nodes whose whole subtree is no prose (or not written where it stands)
SKIPPED = frozenset(
    {"comment", "literal_block", "doctest_block", "math_block", "raw", "system_message", "pending", "label",
     "classifier", "field_name", "option_string", "option_argument", "meta"}
)
#: inline nodes that are code or stand for text written elsewhere: one U+FFFC
INLINE_OBJECTS = frozenset(
    {"literal", "math", "footnote_reference", "citation_reference", "substitution_reference", "title_reference",
     "raw", "image"}
)
_ROLE = re.compile(r":(?P<role>[A-Za-z0-9_.+:-]+):`(?P<content>.*)`$", re.S)
_PROSE_ROLES = frozenset({"term", "abbr", "guilabel", "menuselection", "dfn"})
_TITLED_ROLES = frozenset({"ref", "doc", "numref", "download", "any", "term"})
_TITLE = re.compile(r"^(?P<title>.*?)\s*<[^<>]*>\s*$", re.S)


class Walker:
    """Builds the segments of one parsed document from its doctree and its source."""

    def __init__(self, path: str, source: Source) -> None:
        self.path = path
        self.source = source
        self.segments: list[Segment] = []

    def walk(self, node) -> None:  # noqa: ANN001 - a docutils node
        # (docutils puts the `header` and `footer` directives' content first: it is written
        # where the directive stands, so it is walked last, not to search the rest after it)
        children = [c for c in node.children if c.tagname != "decoration"]
        children += [c for c in node.children if c.tagname == "decoration"]
        for child in children:
            name = child.tagname
            if name == "#text":
                continue
            if name in PASSED:
                self._pass(child)
            elif name in SKIPPED:
                continue
            elif name in BLOCKS:
                self._block(child)
            elif name == "image":
                self._alt(child)
            else:
                self.walk(child)

    def _pass(self, node) -> None:  # noqa: ANN001
        """A block docutils leaves out (literal block, comment, target, a directive it reports):
        found in the file so that no later block is searched inside it."""
        if node.tagname == "system_message":
            for child in node.children:
                if child.tagname == "literal_block":
                    self._pass_raw(child.rawsource, node.get("line"))
            return
        # (a directive's literal block has the line of the directive's end: not a hint)
        self._pass_raw(node.rawsource, None)

    def _pass_raw(self, raw: str, line: int | None) -> None:
        lines = [x.strip() for x in raw.split("\n") if x.strip()]
        if not lines:
            return
        start = self.source.find_block(lines[0], line, free=False) if line is not None else None
        if start is None:
            start = self.source.find_next(lines[0], REACH * 4)
        if start is None:
            return
        end = start + len(lines[0])
        for piece in lines[1:]:
            found = self.source.find(piece, end)
            if found is None:
                break
            end = found + len(piece)
        self.source.skip_to(end)

    # --- blocks ----------------------------------------------------------------------

    def _block(self, node) -> None:  # noqa: ANN001
        raw = node.rawsource
        if not raw.strip():
            return  # made by docutils (a contents title), not written in the file
        start = self.source.find_block(raw.lstrip().split("\n")[0], _line_of(node), not _in_table(node))
        if start is None:
            return
        if node.tagname == "substitution_definition":
            # its text comes after `.. |name| directive::`, not inside the name
            marker = self.source.text.find("::", start)
            start = marker + 2 if marker >= 0 else start
        pieces = Pieces()
        self._inline(node, start, pieces)
        segment = pieces.segment(self.path)
        if segment is not None:
            self.segments.append(segment)

    def _alt(self, node) -> None:  # noqa: ANN001
        alt = node.get("alt")
        raw = node.rawsource
        if not alt or not raw.strip():
            return
        start = self.source.find_block(raw.lstrip().split("\n")[0], _line_of(node))
        option = self.source.find(":alt:", start) if start is not None else None
        if option is None:
            return
        pieces = Pieces()
        self._text(alt, option + 5, pieces)
        segment = pieces.segment(self.path)
        if segment is not None:
            self.segments.append(segment)

    # --- inline ----------------------------------------------------------------------

    def _inline(self, node, pos: int, pieces: Pieces) -> int:  # noqa: ANN001
        """Add the text of `node`'s children found from `pos` on; where the walk has got to."""
        for child in node.children:
            name = child.tagname
            if name == "#text":
                pos = self._text(str(child), pos, pieces)
            elif name in INLINE_OBJECTS or name in SKIPPED or (name == "reference" and _ROLE.match(child.rawsource)):
                # (a reference written as a role, `:PEP:`8``, shows text of docutils' making)
                pos = self._object(child.rawsource, pos, pieces)
            elif name == "problematic":
                pos = self._role(child.rawsource, pos, pieces)
            elif name == "target" and not child.children:
                pos = self._skip(child.rawsource.strip(), pos)[1]  # an embedded URI: `text <uri>`_
            elif name == "reference":
                # (an anonymous reference to an embedded URI, `text <uri>`__, has no target
                # node after it: its whole source is passed over here)
                raw = child.rawsource
                end = self._skip(raw, pos)[1] if "<" in raw and raw.endswith("__") else pos
                pos = max(self._inline(child, pos, pieces), end)
            else:
                role = _ROLE.match(getattr(child, "rawsource", "") or "")
                if role is not None:
                    # a role that styles its text (`:sub:`s``): the text is after the role's name
                    found = self.source.find(child.rawsource.split("\n")[0].strip(), pos)
                    if found is not None:
                        pos = found + len(role.group("role")) + 3
                pos = self._inline(child, pos, pieces)
        return pos

    def _text(self, text: str, pos: int, pieces: Pieces) -> int:
        """Add a Text node's content (NUL marks a backslash escape), line by line."""
        source = self.source
        fragments = text.split("\n")
        for i, fragment in enumerate(fragments):
            if i and not fragments[i - 1].endswith("\x00"):  # an escaped line break is no character
                newline = source.text.find("\n", pos)
                if newline < 0:
                    break
                pieces.add_char("\n", *source.position(newline))
                pos = newline + 1
            if not fragment:
                continue
            found = source.find(fragment.replace("\x00", "\\"), pos)
            if found is None:
                pieces.add_char(OBJECT, *source.position(pos))  # not found: left out, never misplaced
                continue
            pos = found
            for j, part in enumerate(fragment.split("\x00")):
                if j:
                    pos += 1  # the backslash
                    if part[:1] in (" ", ""):
                        pos += len(part[:1])  # an escaped space is removed
                        part = part[1:]
                if part:
                    pieces.add(part, *source.position(pos))
                    pos += len(part)
            source.use(found, pos)
        return pos

    def _object(self, raw: str, pos: int, pieces: Pieces) -> int:
        start, end = self._skip(raw, pos)
        pieces.add_char(OBJECT, *self.source.position(start))
        return end

    def _skip(self, raw: str, pos: int) -> tuple[int, int]:
        """Where the raw text of an inline node starts and ends, from `pos` on ((pos, pos) if
        it cannot be found: the next piece of text is then searched from here)."""
        start = end = None
        for line in raw.split("\n"):
            line = line.strip()
            if not line:
                continue
            found = self.source.find(line, pos if end is None else end)
            if found is None:
                break
            start = found if start is None else start
            end = found + len(line)
            self.source.use(found, end)
        return (pos, pos) if start is None or end is None else (start, end)

    def _role(self, raw: str, pos: int, pieces: Pieces) -> int:
        """An interpreted text role docutils does not know: its shown text, or code."""
        m = _ROLE.match(raw)
        if m is None:
            return self._object(raw, pos, pieces)
        role = m.group("role").lower().rpartition(":")[2]
        content = m.group("content")
        titled = _TITLE.match(content)
        if role in _TITLED_ROLES and titled is not None:
            shown = titled.group("title")
        elif role in _PROSE_ROLES:
            shown = content
        else:
            return self._object(raw, pos, pieces)
        start, end = self._skip(raw, pos)
        if (start, end) == (pos, pos):
            return self._object(raw, pos, pieces)
        self._text(shown, start + len(m.group("role")) + 3, pieces)
        return end


def _in_table(node) -> bool:  # noqa: ANN001
    """Whether `node` is in a table cell (its text need not end its line)."""
    while node is not None:
        if node.tagname == "entry":
            return True
        node = node.parent
    return False


def _line_of(node) -> int | None:  # noqa: ANN001
    """docutils' line of `node` itself (an ancestor's may be far off), if it is the block's
    first line: a term's is its definition's last line, so a term is found after the block
    before it instead."""
    return None if node.tagname == "term" else node.line


def iter_comments(document) -> Iterator:  # noqa: ANN001
    """The comment nodes of a doctree, in order."""
    from docutils import nodes

    yield from document.findall(nodes.comment) if hasattr(document, "findall") else document.traverse(nodes.comment)
