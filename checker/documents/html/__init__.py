"""HTML (`.html`, `.htm`): the text a reader of the page sees, nothing of its code.

What is checked: text nodes, one segment per block (a paragraph, a heading, a list item, a
table cell, the page title...), inline elements (`<a>`, `<em>`, `<span>`) joined into the
sentence; and the values of the attributes a reader sees or hears: `alt`, `title`,
`placeholder`, `aria-label`, `aria-description`, and `<meta name="description">`'s
`content`, each a segment of its own at its exact place.

What is not: `<code>`, `<pre>`, `<script>`, `<style>`, `<kbd>`, `<samp>`, `<var>`, `<tt>`,
`<math>`, `<svg>`, `<textarea>`, and elements marked `translate="no"` or
`class="notranslate"`, or whose `lang` names another language than the page's (a quotation
in the original); inside a sentence such an element is one U+FFFC, so no term matches
across it. Comments are no prose; they carry `termcheck: ignore[...]` markers.

Character references (`&amp;`, `&nbsp;`, `&#233;`) are decoded, each with an anchor, so
positions stay exact. `<html lang="de">` (or `xml:lang`) gives the page's language. The
encoding is the BOM's, UTF-8, a `<meta charset>` in the first 1024 bytes, else detected.
"""

from __future__ import annotations

import re

from checker.documents.encoding import decode, decode_as, normalise_newlines
from checker.documents.model import Document
from checker.language import normalise_tag

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def read_html(path: str, data: bytes) -> Document:
    """A Document of the prose segments of an HTML page."""
    from checker.documents.html.parser import Walker

    text, encoding = _decode(data, path)
    text = normalise_newlines(text)
    walker = Walker(path, text)
    walker.run()
    language = problem = None
    if walker.language is not None:
        declared, line = walker.language
        language = normalise_tag(declared)
        if language is None:
            problem = (line, f"HTML lang '{declared}' is not a language tag")
    return Document(
        path=path,
        format="html",
        language=language,
        language_source="header" if language else "unknown",
        segments=tuple(walker.segments),
        encoding=encoding,
        language_problem=problem,
        text=text,
    )


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """UTF-8 (or a BOM's encoding) first; a page that is not UTF-8 may name its charset."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        m = _META_CHARSET.search(data[:1024])
        if m is not None:
            declared = m.group(1).decode("ascii").lower()
            line = data.count(b"\n", 0, m.start(1)) + 1
            column = m.start(1) - (data.rfind(b"\n", 0, m.start(1)) + 1) + 1
            return decode_as(data, declared, path, (line, column)), declared
    return decode(data, path)
