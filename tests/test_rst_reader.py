"""The fast reStructuredText reader (checker.documents.rst): every construct its docstring
promises, at the file's own places; what the docutils-based reader it replaced got wrong; and
no docutils at run time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checker.documents.pieces import OBJECT
from checker.documents.rst import segments
from tests.conftest import KYIV_GLOSSARY
from tests.documents.conftest import assert_exact

# One of each construct, each holding "Kiev" where it is prose and where it is not.
CONSTRUCTS = """\
=========================
 Kiev: a document title
=========================

Section Kiev
============

A paragraph on *Kiev* and **Kiev**, ``Kiev`` in code, `Kiev` interpreted,
:emphasis:`Kiev role`, :sub:`Kiev`, :code:`Kiev`, :math:`Kiev`, |Kiev sub|,
a footnote [1]_, a citation [CIT2002]_, a `Kiev link <https://kiev.example>`_,
an anonymous `Kiev page <https://kiev.example/page>`__, _`Kiev target`, and
Sphinx's :ref:`Kiev title <kiev>`, :term:`Kiev`, :doc:`kiev`, :func:`kiev`.
An escaped \\*Kiev* and a line break escaped \\
on purpose.

1. Enumerated Kiev
2. Second Kiev

   a) Nested Kiev
   b) Alpha Kiev

- Bullet Kiev

  continued in a second paragraph

Term Kiev : classifier
   Definition Kiev.

:Field Kiev: Field body Kiev
:Another: Second body

-o FILE     Option description Kiev.
--long      Another description.

| Line block Kiev
|    indented line
| last line

    A block quote on Kiev.

    -- Attribution Kiev

+------------+------------------+
| Grid Kiev  | Second cell      |
+============+==================+
| Body Kiev  | - list in a cell |
+------------+------------------+

=====  ===========
Head   Simple Kiev
=====  ===========
A      Cell Kiev
B      Other
=====  ===========

.. note:: Note Kiev
   continues.

.. admonition:: Admonition title Kiev

   Admonition body Kiev.

.. topic:: Topic title Kiev

   Topic body Kiev.

.. sidebar:: Sidebar Kiev
   :subtitle: Subtitle Kiev

   Sidebar body Kiev.

.. rubric:: Rubric Kiev

.. figure:: kiev.png
   :alt: Figure alt Kiev

   Caption Kiev.

   Legend Kiev.

.. image:: kiev.png
   :alt: Image alt Kiev

.. table:: Table title Kiev

   ====  ====
   T1    T2
   ====  ====

.. list-table:: List table Kiev

   * - Row one Kiev
     - Cell two
   * - Row two
     - Cell four

.. csv-table:: CSV Kiev
   :header: "Head Kiev", "Second"

   "Quoted Kiev", plain Kiev

.. epigraph::

   Epigraph Kiev.

.. container:: box

   Container Kiev.

.. |Kiev sub| replace:: Replaced Kiev
.. |trade| unicode:: Kiev U+2122

.. [1] Footnote Kiev.
.. [CIT2002] Citation Kiev.

.. _kiev: https://kiev.example

.. a comment on Kiev

.. code-block:: python

   kiev = 1

.. math::

   Kiev

.. raw:: html

   <b>Kiev</b>

.. toctree::

   kiev

.. versionadded:: 1.0
   Kiev added.

>>> print("Kiev")

Literal::

    Kiev in a literal block

Quoted literal::

> Kiev quoted

After the literal blocks, Kiev.

----

Transition above.
"""

READ = [
    (2, 2, 'Kiev: a document title'),
    (5, 1, 'Section Kiev'),
    (8, 1, "A paragraph on Kiev and Kiev, ￼ in code, ￼ interpreted,\nKiev role, Kiev, ￼, ￼, ￼,\na footnote ￼, a citation ￼, a Kiev link,\nan anonymous Kiev page, Kiev target, and\nSphinx's Kiev title, Kiev, ￼, ￼.\nAn escaped *Kiev* and a line break escaped on purpose."),
    (16, 4, 'Enumerated Kiev'),
    (17, 4, 'Second Kiev'),
    (19, 7, 'Nested Kiev'),
    (20, 7, 'Alpha Kiev'),
    (22, 3, 'Bullet Kiev'),
    (24, 3, 'continued in a second paragraph'),
    (26, 1, 'Term Kiev'),
    (27, 4, 'Definition Kiev.'),
    (29, 14, 'Field body Kiev'),
    (30, 11, 'Second body'),
    (32, 13, 'Option description Kiev.'),
    (33, 13, 'Another description.'),
    (35, 3, 'Line block Kiev'),
    (36, 6, 'indented line'),
    (37, 3, 'last line'),
    (39, 5, 'A block quote on Kiev.'),
    (41, 8, 'Attribution Kiev'),
    (44, 3, 'Grid Kiev'),
    (44, 16, 'Second cell'),
    (46, 3, 'Body Kiev'),
    (46, 18, 'list in a cell'),
    (50, 1, 'Head'),
    (50, 8, 'Simple Kiev'),
    (52, 1, 'A'),
    (52, 8, 'Cell Kiev'),
    (53, 1, 'B'),
    (53, 8, 'Other'),
    (56, 11, 'Note Kiev\ncontinues.'),
    (59, 17, 'Admonition title Kiev'),
    (61, 4, 'Admonition body Kiev.'),
    (63, 12, 'Topic title Kiev'),
    (65, 4, 'Topic body Kiev.'),
    (67, 14, 'Sidebar Kiev'),
    (68, 15, 'Subtitle Kiev'),
    (70, 4, 'Sidebar body Kiev.'),
    (72, 13, 'Rubric Kiev'),
    (75, 10, 'Figure alt Kiev'),
    (77, 4, 'Caption Kiev.'),
    (79, 4, 'Legend Kiev.'),
    (82, 10, 'Image alt Kiev'),
    (84, 12, 'Table title Kiev'),
    (87, 4, 'T1'),
    (87, 10, 'T2'),
    (90, 17, 'List table Kiev'),
    (92, 8, 'Row one Kiev'),
    (93, 8, 'Cell two'),
    (94, 8, 'Row two'),
    (95, 8, 'Cell four'),
    (97, 16, 'CSV Kiev'),
    (98, 14, 'Head Kiev'),
    (98, 27, 'Second'),
    (100, 5, 'Quoted Kiev'),
    (100, 19, 'plain Kiev'),
    (104, 4, 'Epigraph Kiev.'),
    (108, 4, 'Container Kiev.'),
    (110, 25, 'Replaced Kiev'),
    (111, 22, 'Kiev'),
    (113, 8, 'Footnote Kiev.'),
    (114, 14, 'Citation Kiev.'),
    (141, 1, 'Literal:'),
    (145, 1, 'Quoted literal:'),
    (149, 1, 'After the literal blocks, Kiev.'),
    (153, 1, 'Transition above.'),
]


def test_each_construct_is_read_where_it_is_written():
    segs = segments("doc.rst", CONSTRUCTS)
    assert [(s.line, s.column, s.text) for s in segs] == READ
    assert_exact(segs, CONSTRUCTS)
    kept = "\n".join(s.text for s in segs)
    for code in ("kiev = 1", "<b>Kiev</b>", "Kiev added", 'print("Kiev")', "Kiev in a literal block",
                 "Kiev quoted", "a comment on Kiev", "https://kiev.example", "classifier", "Field Kiev",
                 "CIT2002", "toctree"):
        assert code not in kept, code


def test_the_docutils_based_reader_reads_the_constructs_alike():
    pytest.importorskip("docutils")
    import tests.rst_oracle as oracle

    def key(s):  # noqa: ANN001, ANN202
        return s.line, s.column, s.text, s.anchors

    assert [key(s) for s in segments("doc.rst", CONSTRUCTS)] == [key(s) for s in oracle.segments("doc.rst", CONSTRUCTS)]


@pytest.mark.parametrize(
    "content, expected",
    [
        # the old reader dropped the text after an escaped line break
        ("Keep \\\nthe text after it.\n", [(1, 1, "Keep the text after it.")]),
        # it found an item's text at its enumerator, a substitution's text in its name
        ("C. C\nD. D\n", [(1, 4, "C"), (2, 4, "D")]),
        ("Text |Python|.\n\n.. |Python| replace:: Python\n", [(1, 1, f"Text {OBJECT}."), (3, 23, "Python")]),
        # and lost a paragraph holding a tab (it searched docutils' spaces)
        ("A tab\there.\n", [(1, 1, "A tab\there.")]),
    ],
)
def test_what_the_old_reader_misplaced(content, expected):
    segs = segments("doc.rst", content)
    assert [(s.line, s.column, s.text) for s in segs] == expected
    assert_exact(segs, content)


@pytest.mark.parametrize(
    "content, text, offset, place",
    [
        # the period after an anonymous embedded URI is the one after it, not one inside it
        ("See `docs <https://x.example/a.b>`__.\n", "See docs.", 8, (1, 37)),
        # the text of a role that styles it is inside the role, not in its name
        ("H\\ :sub:`2`\\ O and :sub:`s` here.\n", "H2O and s here.", 8, (1, 26)),
        # a line break of a table cell's paragraph is where the table's line ends
        ("+------+-----+\n| a    | c   |\n| b    |     |\n+------+-----+\n", "a\nb", 1, (2, 15)),
    ],
)
def test_characters_are_where_the_file_has_them(content, text, offset, place):
    (seg, *_) = [s for s in segments("doc.rst", content) if s.text == text]
    assert seg.position(offset) == place


def test_reading_and_suppressions_need_no_docutils(tmp_path):
    """docutils is a test dependency now: checking a .rst file (with a `termcheck: ignore`
    comment, which the suppression scan reads) must not import it."""
    doc = tmp_path / "en" / "doc.rst"
    doc.parent.mkdir()
    doc.write_text(".. termcheck: ignore[forbidden-rendering]\n\nKiev here.\n\nKiev there.\n", encoding="utf-8")
    glossary = tmp_path / "glossary.yml"
    glossary.write_text(KYIV_GLOSSARY, encoding="utf-8")
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'docutils':\n"
        "            raise ImportError('docutils blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from checker.cli import main\n"
        "sys.argv = ['termcheck', 'check', '-g', sys.argv[1], '--format', 'text', sys.argv[2]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(glossary), str(doc)], capture_output=True, text=True, check=False
    )
    assert "docutils" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert "doc.rst:5:1" in result.stdout and "doc.rst:3:" not in result.stdout
