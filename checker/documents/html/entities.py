"""HTML character references: how many characters of the file one stands for, and what it means.

Shared by the reader (each reference is a run of text with its own place in the file) and
by `--fix` (a replacement that would need escaping is escaped, and the characters a match
covers are found again in the file). Decoding follows the HTML standard as Python's
`html.unescape` does: `&amp;`, `&#233;`, `&#xE9;`, and the legacy names that may go
without their semicolon (`&copy2019` is "©2019").
"""

from __future__ import annotations

import re
from functools import lru_cache

_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")


@lru_cache(maxsize=4096)
def _decode_reference(raw: str) -> tuple[int, str] | None:
    """(characters of `raw` consumed, their meaning) for a reference at the start of `raw`."""
    from html import unescape
    from html.entities import html5

    if raw[1] == "#":
        return len(raw), unescape(raw)
    if raw.endswith(";") and raw[1:] in html5:
        return len(raw), html5[raw[1:]]
    # The legacy names (`amp`, `copy`, `nbsp`...) also count without the semicolon, and
    # the longest one that starts the name wins, as in html.unescape.
    name = raw[1:].rstrip(";")
    for size in range(min(len(name), 32), 1, -1):
        if name[:size] in html5:
            return size + 1, html5[name[:size]]
    return None


def reference_at(text: str, offset: int) -> tuple[int, str] | None:
    """(length in `text`, decoded characters) of the character reference at `offset`, or
    None if none starts there (a lone `&` is a literal ampersand)."""
    m = _REFERENCE.match(text, offset)
    if m is None:
        return None
    return _decode_reference(m.group())


def unescape(raw: str) -> str:
    """`raw` with its character references decoded."""
    if "&" not in raw:
        return raw
    out, i = [], 0
    while i < len(raw):
        j = raw.find("&", i)
        if j < 0:
            out.append(raw[i:])
            break
        out.append(raw[i:j])
        found = reference_at(raw, j)
        if found is None:
            out.append("&")
            i = j + 1
        else:
            out.append(found[1])
            i = j + found[0]
    return "".join(out)


def escape(text: str, quote: bool = True) -> str:
    """`text` as HTML writes it: `&`, `<`, `>` (and quotes, for attribute values) escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
