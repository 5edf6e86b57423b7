"""reStructuredText reader: docutils' prose only, each character at its exact place in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.documents import ReadError, read_document
from checker.documents.pieces import OBJECT
from checker.documents.rst import segments
from tests.documents.conftest import assert_exact

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "formats" / "rst" / "quickstart.rst"


SAMPLE = """\
Title with *emph*
=================

A para with \\*escaped* and ``literal`` and :ref:`Kiev title <kiev-target>` and
:func:`os.path` and |sub| and a [#]_ footnote and `Kiev link <http://x>`_ end.
Second line with `title ref`, :emphasis:`role text` and a\\ b.

.. |sub| replace:: Substituted Kiev

.. [#] Footnote Kiev text.

- item one
  continued Kiev

  1. nested Kiev

.. note:: Note Kiev
   continues.

.. code-block:: python

   Kiev = 1

.. math::

   Kiev

.. raw:: html

   <b>Kiev</b>

.. versionadded:: 1.2
   Kiev added.

.. a comment on Kiev

+------------+------------+
| Cell Kiev  | Cell two   |
| two lines  |            |
+------------+------------+

Term Kiev
   Definition Kiev.

:Field Kiev: Body Kiev

.. image:: x.png
   :alt: Alt Kiev

| Line block Kiev
| second

>>> print("Kiev")

Para::

   literal Kiev
"""


def test_prose_blocks_and_their_places():
    segs = segments("doc.rst", SAMPLE)
    assert [(s.line, s.column, s.text) for s in segs] == [
        (1, 1, "Title with emph"),
        (4, 1, f"A para with *escaped* and {OBJECT} and Kiev title and\n{OBJECT} and {OBJECT} and a {OBJECT} "
               f"footnote and Kiev link end.\nSecond line with {OBJECT}, role text and ab."),
        (8, 20, "Substituted Kiev"),
        (10, 8, "Footnote Kiev text."),
        (12, 3, "item one\ncontinued Kiev"),
        (15, 6, "nested Kiev"),
        (17, 11, "Note Kiev\ncontinues."),
        (38, 3, "Cell Kiev\ntwo lines"),
        (38, 16, "Cell two"),
        (42, 1, "Term Kiev"),
        (43, 4, "Definition Kiev."),
        (45, 14, "Body Kiev"),
        (48, 10, "Alt Kiev"),
        (50, 3, "Line block Kiev"),
        (51, 3, "second"),
        (55, 1, "Para:"),
    ]
    assert_exact(segs, SAMPLE)
    para = segs[1]
    assert para.position(para.text.index("*escaped")) == (4, 14)  # after the backslash
    assert para.position(para.text.index("Kiev title")) == (4, 50)  # in :ref:`...`
    assert para.position(para.text.index("ab.")) == (6, 57)


def test_real_document_positions_are_exact():
    content = REAL.read_text(encoding="utf-8")
    segs = segments(str(REAL), content)
    assert len(segs) == 77
    assert_exact(segs, content)
    texts = "\n".join(s.text for s in segs)
    assert "Lookie here" not in texts  # a literal block
    assert "quickref.html" not in texts  # a hyperlink target
    assert "header2.txt" not in texts and "Docutils-users" in texts  # an include, not followed


def test_nothing_else_is_read_and_nothing_printed(write, capsys):
    secret = write("secret.txt", "Secret Kiev text\n")
    doc = read_document(write("en/doc.rst", f".. include:: {secret}\n\n.. raw:: html\n   :file: {secret}\n\n"
                                            ".. toctree::\n\n   other\n\n:unknown-role:`x` text.\n"))
    assert [s.text for s in doc.segments] == ["text."]
    assert capsys.readouterr() == ("", "")
    assert (doc.format, doc.language) == ("rst", "en")


@pytest.mark.parametrize(
    "content",
    ["", "*", "``", ".. ", "=====\nTitle\n", "+--+\n|  |\n", "- a\n" * 3 + "  - b\n", "`a <`_", "\t\ttabs *x*\n",
     "\ufeffBOM text\n", "\x00"],
)
def test_odd_input_never_raises(write, content):
    doc = read_document(write("en/odd.rst", content))
    assert_exact(doc.segments, content.removeprefix("\ufeff"))


def test_deep_nesting_is_a_read_error_or_read(write):
    content = "".join("  " * i + "- item\n\n" for i in range(300))
    try:
        doc = read_document(write("en/deep.rst", content))
    except ReadError as e:
        assert "reStructuredText" in e.message
    else:
        assert_exact(doc.segments, content)


def test_terms_after_a_long_literal_block_are_found():
    code = "".join(f"   code line {i} with Kiev\n" for i in range(200))
    content = f"Intro::\n\n{code}\nTerm Kiev\n   Definition Kiev.\n\nTerm two\n   Def two.\n"
    segs = segments("doc.rst", content)
    assert [(s.line, s.text) for s in segs] == [
        (1, "Intro:"), (204, "Term Kiev"), (205, "Definition Kiev."), (207, "Term two"), (208, "Def two.")]
    assert_exact(segs, content)
