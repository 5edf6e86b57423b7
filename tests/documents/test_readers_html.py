"""HTML reader: text nodes and checked attributes only, at their exact places in the file."""

from __future__ import annotations

import pytest

from checker.documents import read_document
from checker.documents.html.entities import reference_at, unescape
from checker.documents.pieces import OBJECT


def read(write, content: str | bytes, name: str = "page.html"):
    return read_document(write(name, content))


def assert_exact(doc, content: str) -> None:
    """Every character of every segment is where Segment.position() says, in the file as
    written: itself, or the character reference that stands for it."""
    lines = content.split("\n")
    for seg in doc.segments:
        for i, ch in enumerate(seg.text):
            line, column = seg.position(i)
            if ch == "\n":
                assert column - 1 == len(lines[line - 1]), (seg.text, i)
                continue
            written = lines[line - 1][column - 1 :]
            if ch == OBJECT:
                assert written.startswith("<"), (seg.text, i, written[:10])
            elif written.startswith("&") and reference_at(written, 0):
                assert ch in reference_at(written, 0)[1], (seg.text, i, written[:10])
            else:
                assert written[0] == ch, (seg.text, i, written[:10])


PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
  <title>Über die Stadt</title>
  <meta name="description" content="Eine Seite &uuml;ber Kiew">
  <style>p { content: "Kiew"; }</style>
  <script>var city = "<p>Kiew</p>";</script>
</head>
<body>
  <h1>Die Stadt <em>Kiew</em></h1>
  <p>Erste Zeile mit &amp; und&nbsp;Kiew
     und <code>Kiew</code> hier <img src="kiew.png" alt="Bild von Kiew">.</p>
  <pre>Kiew im Code</pre>
  <p lang="en">Kiev in English</p>
  <p translate="no">Kiew untranslated</p>
  <p>Eine <kbd>Taste</kbd>, <samp>Ausgabe</samp> und <var>x</var>.</p>
  <p title='Titel "Kiew"'>Ende &copy2022 Kiew</p>
  <input placeholder="Suche" aria-label="Suchfeld" value="not checked">
</body>
</html>
"""


def test_text_nodes_blocks_and_attributes(write):
    doc = read(write, PAGE)
    assert doc.format == "html"
    assert (doc.language, doc.language_source) == ("de", "header")
    assert [(s.line, s.column, s.text) for s in doc.segments] == [
        (4, 10, "Über die Stadt"),
        (5, 37, "Eine Seite über Kiew"),
        (10, 7, "Die Stadt Kiew"),
        (11, 6, f"Erste Zeile mit & und\xa0Kiew\n     und {OBJECT} hier {OBJECT}."),
        (12, 58, "Bild von Kiew"),
        (16, 6, f"Eine {OBJECT}, {OBJECT} und {OBJECT}."),
        (17, 13, 'Titel "Kiew"'),
        (17, 27, "Ende ©2022 Kiew"),
        (18, 23, "Suche"),
        (18, 42, "Suchfeld"),
    ]
    assert_exact(doc, PAGE)


def test_entity_positions_are_exact(write):
    content = "<p>a&amp;b &#x4B;iev &nbsp;&copy2 x</p>\n<p>Line\none &lt;Kiev&gt;</p>\n"
    doc = read(write, content, "en/p.html")
    first, second = doc.segments
    assert first.text == "a&b Kiev \xa0©2 x"
    assert first.position(first.text.index("K")) == (1, 12)  # the `&#x4B;`
    assert first.position(first.text.index("iev")) == (1, 18)
    assert first.position(first.text.index("2")) == (1, 33)  # after `&copy`
    assert second.position(second.text.index("Kiev")) == (3, 9)
    assert_exact(doc, content)


def test_inline_elements_join_the_sentence(write):
    doc = read(write, "<p>The <a href='x'>indivisible</a>\n<b>se</b>curity</p>", "en/p.html")
    (seg,) = doc.segments
    assert seg.text == "The indivisible\nsecurity"
    assert seg.position(seg.text.index("curity")) == (2, 10)


def test_unclosed_and_stray_tags_do_not_lose_text(write):
    content = "<p>One<p>Two</span><li>Three<code>x</p><p>Four"
    doc = read(write, content, "en/p.html")
    assert [s.text for s in doc.segments] == ["One", "Two", "Three", "Four"]


def test_language_problem_and_no_language(write):
    doc = read(write, '<html lang="not a tag!"><p>Text</p></html>', "en/p.html")
    assert doc.language_problem == (1, "HTML lang 'not a tag!' is not a language tag")
    assert read(write, "<p>Text</p>", "fr/p.htm").language == "fr"  # from the path


def test_meta_charset_names_the_encoding(write):
    content = '<html><head><meta charset="windows-1251"></head><body><p>Киев</p></body></html>'
    doc = read(write, content.encode("windows-1251"), "ru/p.html")
    assert doc.encoding == "windows-1251"
    assert [s.text for s in doc.segments] == ["Киев"]


@pytest.mark.parametrize(
    "content",
    ["<", "<p", "<!--", "<p title='x", "&", "&#", "&#xZZ;", "<script>", "</p></div>", "<p>\x00</p>", "<![CDATA[x"],
)
def test_broken_markup_never_raises(write, content):
    doc = read(write, content, "en/p.html")
    assert doc.format == "html"


def test_unescape_follows_html():
    from html import unescape as python_unescape

    for raw in ("&amp;", "&copy2022", "&notin;", "&notit;", "&#0;", "&#x110000;", "&bogus;", "a&b", "&AMP"):
        assert unescape(raw) == python_unescape(raw), raw
