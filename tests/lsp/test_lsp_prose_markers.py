"""The language server's "ignore here" quick fix in the prose formats: the marker it inserts
silences the finding it was asked for, and nothing more."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402

from checker.lsp.features import _ignore  # noqa: E402
from checker.project.suppressions.scan import scan_suppressions  # noqa: E402

CASES = {
    # name: (text, 0-based line of the finding, format)
    "page.html": ("<p>One.</p>\n<p>Kiev is\n  here.</p>\n<p>Kiev again.</p>\n", 1, "html"),
    "doc.rst": ("Title\n=====\n\nA paragraph\nabout Kiev.\n\nKiev again.\n", 4, "rst"),
    "doc.adoc": ("= Title\n\nA paragraph\nabout Kiev.\nKiev again.\n", 3, "asciidoc"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_marker_covers_the_finding_line_only(name):
    text, line, format = CASES[name]
    lines = text.split("\n")
    column = lines[line].index("Kiev")
    diagnostic = types.Diagnostic(range=types.Range(start=types.Position(line=line, character=column),
                                                    end=types.Position(line=line, character=column + 4)),
                                  message="forbidden", code="forbidden-rendering")
    action = _ignore("file:///" + name, name, lines, diagnostic, "forbidden-rendering", "kyiv")
    (edit,) = action.edit.changes["file:///" + name]
    at = edit.range.start.line
    fixed = "\n".join(lines[:at]) + ("\n" if at else "") + edit.new_text + "\n".join(lines[at:])
    (marker,) = scan_suppressions(name, fixed, format)
    inserted = edit.new_text.count("\n")
    assert marker.rules == frozenset({("forbidden-rendering", "kyiv")})
    assert marker.first_line <= line + 1 + inserted <= marker.last_line
    other = [i + 1 + inserted for i, l in enumerate(lines) if "Kiev" in l and i != line]
    assert all(not marker.first_line <= n <= marker.last_line for n in other)
