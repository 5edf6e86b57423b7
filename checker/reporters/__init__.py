"""Reporters turn a finished CheckResult into text; one module per format, no computing."""

from __future__ import annotations

import re
from typing import Callable

from checker.result import CheckResult

FORMATS = ("text", "json", "sarif", "github", "html")

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


def get_reporter(name: str) -> Callable[..., str]:
    if name == "json":
        from checker.reporters.json import render
    elif name == "sarif":
        from checker.reporters.sarif import render
    elif name == "github":
        from checker.reporters.github import render
    elif name == "html":
        from checker.reporters.html import render
    else:
        from checker.reporters.text import render
    return render


def render(result: CheckResult, fmt: str, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    if fmt == "text":
        from checker.reporters.text import render as text

        return text(result, color=color, quiet=quiet, verbose=verbose)
    return get_reporter(fmt)(result, color=color)


def render_compare(result, fmt: str, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    if fmt == "json":
        from checker.reporters.json import render_compare as _render
    elif fmt == "html":
        from checker.reporters.html import render_compare as _render
    else:
        from checker.reporters.text import render_compare as text

        return text(result, color=color, quiet=quiet, verbose=verbose)
    return _render(result, color=color)
