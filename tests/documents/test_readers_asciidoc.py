"""AsciiDoc reader: prose blocks, markup dropped, code left out, each character where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.documents import read_document
from checker.documents.asciidoc import segments
from checker.documents.pieces import OBJECT
from tests.documents.conftest import assert_exact

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "formats" / "asciidoc" / "syntax.adoc"


SAMPLE = """\
= Document Title
Author Name <author@example.org>
:toc: left

== Section *One* ==

A *strong* and _emphasised_ word, `code`, +pass+ and {attribute}.
// a comment inside the paragraph
The **un**constrained and "`curved`" https://example.org[link text] end. +
See <<anchor,the anchor text>> and footnote:[A footnote.]

* item one
continued here
** [x] nested done

NOTE: An admonition.

term:: its description

.A block title
[source,python]
----
code = "not prose"
----

[NOTE]
====
Example content.
====

 literal paragraph

|===
| Cell one | Cell \\| two
l| literal cell
|===

image::file.png[Alt text,100]
"""


def test_blocks_and_inline_markup():
    segs = segments("doc.adoc", SAMPLE)
    assert [(s.line, s.column, s.text) for s in segs] == [
        (1, 3, "Document Title"),
        (5, 4, "Section One"),
        (7, 1, f"A strong and emphasised word, {OBJECT}, {OBJECT} and {OBJECT}.\n"
               f"The unconstrained and curved {OBJECT}link text end.\n"
               f"See {OBJECT}the anchor text and {OBJECT}A footnote."),
        (12, 3, "item one\ncontinued here"),
        (14, 8, "nested done"),
        (16, 7, "An admonition."),
        (18, 1, "term"),
        (18, 8, "its description"),
        (20, 2, "A block title"),
        (28, 1, "Example content."),
        (34, 3, "Cell one"),
        (34, 14, "Cell | two"),
        (38, 17, "Alt text"),
    ]
    assert_exact(segs, SAMPLE)
    paragraph = segs[2]
    assert paragraph.position(paragraph.text.index("unconstrained")) == (9, 7)  # `**un**` dropped
    assert paragraph.position(paragraph.text.index("constrained")) == (9, 11)


def test_real_reference_positions_are_exact():
    content = REAL.read_text(encoding="utf-8")
    segs = segments(str(REAL), content)
    assert len(segs) == 95
    assert_exact(segs, content)
    texts = "\n".join(s.text for s in segs)
    for code in ("puts 'Hello", "program output", "source code", "raw HTML", "x = y^2", "basics.adoc", "Author Name"):
        assert code not in texts


def test_read_document_by_suffix(write):
    for name in ("en/a.adoc", "en/b.asciidoc"):
        doc = read_document(write(name, "Some *prose* here.\n"))
        assert (doc.format, doc.language, [s.text for s in doc.segments]) == ("asciidoc", "en", ["Some prose here."])


@pytest.mark.parametrize(
    "content",
    ["", "=", "----", "|===", "|===\n|", "* ", "::", "term::", "`unclosed", "*a", "[source]", "////\nopen comment",
     "link:x[", "<<", "+", ".\n", "\ufeff== Title\n", "a\\", "image::x[", "|===\n2+| a | b\n|==="],
)
def test_odd_input_never_raises(write, content):
    doc = read_document(write("en/odd.adoc", content))
    assert_exact(doc.segments, content.removeprefix("\ufeff"))
