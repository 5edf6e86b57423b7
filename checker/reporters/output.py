"""What every report writes must be: valid UTF-8 whatever the file names hold, and JSON
indented the same way in every format."""

from __future__ import annotations

import re

# A file name that is not valid UTF-8 reaches us from os.listdir with each bad byte as a
# lone surrogate (PEP 383 "surrogateescape": byte 0xFF is U+DCFF); no report may hold one,
# since it cannot be written as UTF-8. Every format shows it the same way, as Python's
# escape of the byte: en/d\xff.txt (any other lone surrogate as \udxxx).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_surrogates(text: str) -> str:
    """`text` with every lone surrogate written as its escape (`\\xff`): valid UTF-8."""
    return _SURROGATE.sub(lambda m: _escape(m.group()), text) if _SURROGATE.search(text) else text


def dumps(data) -> str:
    """`data` as indented JSON (non-ASCII kept), valid UTF-8 whatever its strings hold: a lone
    surrogate becomes the text of its escape (the JSON string holds `\\xff`, as other formats show)."""
    from checker.reporters.indented_json import dumps_indented

    text = dumps_indented(data) + "\n"
    # Surrogates only occur inside JSON strings, where a backslash is written \\.
    return _SURROGATE.sub(lambda m: "\\" + _escape(m.group()), text) if _SURROGATE.search(text) else text
