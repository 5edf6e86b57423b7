"""Markdown: the prose of a document, with code, markup and URLs blanked out.

A line-based scanner rather than markdown-it-py: a parser's tokens carry line
ranges but no columns, and rebuilding exact offsets from its rendered inline
content is harder than recognising the few block and inline constructs that
matter here. The scanner follows CommonMark (plus GFM tables, footnotes and bare
URLs) closely enough to tell prose from code; where it simplifies (nested
containers more than one level deep, HTML blocks ending inside containers), the
error is towards treating odd lines as prose.

Each segment (paragraph, heading, list item paragraph, table row) is a slice of
the file from its first character, so Segment.position() needs no anchors. Inside
it, code spans, inline HTML, autolinks, link destinations and reference labels
are blanked: every character becomes a space (newlines stay) except the first and
last, which become U+FFFC, so no term can match across the removed code.

This module reads a file into segments; markdown_blocks.py finds the blocks,
markdown_inline.py blanks what is not prose inside them.
"""

from __future__ import annotations

from checker.documents.markdown.blocks import BlockScanner
from checker.documents.markdown.inline import OBJECT, mask_inline
from checker.documents.model import Document, Segment
from checker.documents.prose import read_prose


def read_markdown(path: str, data: bytes) -> Document:
    """A Document of the prose segments of a Markdown file."""
    return read_prose(path, data, "markdown", segments)


def segments(path: str, text: str) -> list[Segment]:
    """The prose segments of Markdown `text` (newlines already normalised)."""
    scanner = BlockScanner(text)
    scanner.run()
    out = []
    for block in scanner.blocks:
        masked, comments = mask_inline(text[block.start : block.end], scanner.labels)
        masked = masked.rstrip()
        if not masked.strip(" \t\n" + OBJECT):
            continue  # nothing left once code and markup are gone
        out.append(
            Segment(
                path=path,
                line=block.line + 1,
                column=block.start - scanner.starts[block.line] + 1,
                text=masked,
                comments=(*block.comments, *comments),
            )
        )
    return out
