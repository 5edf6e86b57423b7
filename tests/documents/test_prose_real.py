"""Prose formats on real documents (tests/data/real/formats, from packages): `termcheck check
FILE -g GLOSSARY --format json` finds the forbidden and variant renderings at their exact line
and column, and nothing in code, markup or link targets; a clean page gives no finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.conftest import check_json

FORMATS = Path(__file__).resolve().parents[1] / "data" / "real" / "formats"
GLOSSARY = FORMATS / "glossary-prose.yml"


def check(*paths: str | Path, glossary: Path = GLOSSARY) -> tuple[int, dict]:
    return check_json("-g", glossary, *paths)


def findings(report: dict) -> list[tuple]:
    return [(f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["text"]) for f in report["findings"]]


# Every place is checked by hand against the file: the docutils primer as Debian's docutils-doc
# ships it, in HTML (written by docutils 0.19) and in its reStructuredText source.
EXPECTED = {
    "html/quickstart.html": [
        (131, 13, 131, 38, "variant-rendering", "enumerated</strong> lists"),
        (156, 36, 156, 51, "variant-rendering", "enumerated list"),
        (189, 32, 189, 48, "variant-rendering", "enumerated lists"),
        (240, 94, 241, 6, "forbidden-rendering", "preformatted\nblock"),
        (242, 35, 242, 53, "forbidden-rendering", "preformatted block"),
        (281, 59, 281, 74, "forbidden-rendering", "section headers"),
        (331, 14, 331, 29, "forbidden-rendering", "section headers"),
    ],
    "rst/quickstart.rst": [
        (114, 3, 114, 21, "variant-rendering", "enumerated** lists"),
        (141, 35, 141, 50, "variant-rendering", "enumerated list"),
        (168, 13, 168, 29, "variant-rendering", "enumerated lists"),
        (221, 54, 222, 6, "forbidden-rendering", "preformatted\nblock"),
        (223, 35, 223, 53, "forbidden-rendering", "preformatted block"),
        (268, 50, 268, 65, "forbidden-rendering", "section headers"),
        (319, 11, 319, 26, "forbidden-rendering", "section headers"),
    ],
    # Asciidoctor's syntax reference: "source code", "program output" and "raw HTML" are in
    # listing, literal and passthrough blocks, "admonition icons" in a comment: none is found.
    "asciidoc/syntax.adoc": [
        (21, 1, 21, 7, "variant-rendering", "Notice"),
        (104, 99, 104, 109, "forbidden-rendering", "open block"),
        (177, 26, 177, 41, "forbidden-rendering", "content wrapper"),
        (184, 16, 184, 22, "variant-rendering", "notice"),
    ],
}
LANGUAGE_FROM = {"html": "header", "rst": "detected", "asciidoc": "detected"}


def file_text(path: Path, start: tuple[int, int], end: tuple[int, int]) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    (l1, c1), (l2, c2) = start, end
    if l1 == l2:
        return lines[l1 - 1][c1 - 1 : c2 - 1]
    return "\n".join([lines[l1 - 1][c1 - 1 :], *lines[l1 : l2 - 1], lines[l2 - 1][: c2 - 1]])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_document_findings_at_exact_places(name):
    path = FORMATS / name
    code, report = check(path)
    assert code == 1
    got = findings(report)
    assert [(a, b, c, d, rule) for a, b, c, d, rule, _ in got] == [e[:5] for e in EXPECTED[name]]
    for line, column, end_line, end_column, _, written in EXPECTED[name]:
        assert file_text(path, (line, column), (end_line, end_column)) == written
    (doc,) = report["documents"]
    assert (doc["language"], doc["language_source"]) == ("en", LANGUAGE_FROM[name.split("/")[0]])


CLEAN = {
    "en/clean.html": """<!DOCTYPE html>
<html lang="en">
<head><title>Lists</title><style>.section-header { color: red }</style></head>
<body>
<!-- a comment on a section header is no prose -->
<p class="section-header" data-x="preformatted block">A numbered list and a literal block
under a <a href="#section-header">section title</a>.</p>
<pre>section header, preformatted block</pre>
<p>Write <code>enumerated list</code> or <kbd>section header</kbd>.</p>
<script>document.title = "section header";</script>
</body>
</html>
""",
    "en/clean.rst": """Lists
=====

.. a comment on a section header is no prose

A numbered list and a literal block under a `section title`_. Write ``enumerated list``
or :kbd:`section header`, or :func:`preformatted_block`::

   section header, preformatted block

.. code-block:: text

   enumerated list

.. _section title: https://example.org/section-header
""",
    "en/clean.adoc": """= Lists
:description: a section header

// a comment on a section header is no prose
A numbered list and a literal block under a <<section-header,section title>>.
Write `enumerated list`, +section header+ or pass:[preformatted block],
see https://example.org/section-header[the section title].

[source,text]
section header in a source paragraph

----
preformatted block
----

....
enumerated list
....

 an indented literal section header

////
section header
////
""",
}


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_document_gives_no_finding(tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CLEAN[name], encoding="utf-8")
    code, report = check(path)
    assert (code, report["findings"]) == (0, [])
    assert report["documents"][0]["segments"] > 0
