"""XLIFF reader: 1.2 and 2.0 units, inline elements, positions, notes, refusals, errors."""

from __future__ import annotations

import pytest

from checker.documents import ReadError, read_document
from checker.documents.xliff import OBJECT

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="de_DE" datatype="plaintext" original="a.txt">
    <header><note>file level, not a unit note</note></header>
    <body>
      <group id="g1">
        <trans-unit id="u1">
          <source>Save the <g id="1">file</g> now</source>
          <target>Die <g id="1">Datei</g> &amp; jetzt<x id="2"/>speichern</target>
          <note>Menu item</note>
          <alt-trans><target>Alternative</target></alt-trans>
        </trans-unit>
      </group>
      <trans-unit id="u2"><source>Empty</source><target></target></trans-unit>
      <trans-unit id="u3"><source>No target</source></trans-unit>
      <trans-unit id="u4">
        <source>Bold text</source>
        <target><bpt id="1">&lt;b&gt;</bpt>Fett<ept id="1">&lt;/b&gt;</ept>
zweite <mrk mtype="term">Zeile</mrk></target>
      </trans-unit>
      <trans-unit id="u5" translate="no"><source>X</source><target>X</target></trans-unit>
      <trans-unit id="u6"><source>Data</source><target><![CDATA[a <b> c]]></target></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr-ca">
 <file id="f1">
  <unit id="1">
   <notes><note>Check this</note></notes>
   <segment id="s1">
    <source>Hello <pc id="1">world</pc></source>
    <target>Bonjour <pc id="1">le monde</pc><ph id="2"/>!</target>
   </segment>
   <ignorable><source> </source><target> </target></ignorable>
   <segment><source>Two</source><target>Deux</target></segment>
  </unit>
  <group id="g">
   <unit id="2"><segment><source>Only source</source></segment></unit>
   <unit id="3"><segment><source>Three</source><target>Trois <sc id="1"/>gras<ec startRef="1"/></target></segment></unit>
  </group>
 </file>
</xliff>
"""


def file_char(content: str, line: int, column: int) -> str:
    return content.split("\n")[line - 1][column - 1]


def test_xliff12_units(write):
    doc = read_document(write("x/app.xlf", XLIFF12))
    assert doc.format == "xliff" and doc.bilingual
    assert (doc.language, doc.language_source, doc.source_language) == ("de-DE", "header", "en-US")
    assert [(s.unit_id, s.source, s.text) for s in doc.segments] == [
        ("u1", "Save the file now", "Die Datei & jetzt" + OBJECT + "speichern"),
        ("u4", "Bold text", "Fett\nzweite Zeile"),
        ("u6", "Data", "a <b> c"),
    ]
    assert doc.segments[0].comments == ("Menu item",)
    assert doc.segments[1].comments == ()


def test_xliff12_positions(write):
    doc = read_document(write("x/app.xlf", XLIFF12))
    u1, u4, u6 = doc.segments
    assert (u1.line, u1.column, u1.source_line, u1.source_column) == (9, 19, 8, 19)
    # Across an inline tag, an entity and a placeholder, positions stay exact.
    for word in ("Die", "Datei", "jetzt", "speichern"):
        line, column = u1.position(u1.text.index(word))
        assert XLIFF12.split("\n")[line - 1][column - 1 :].startswith(word)
    assert file_char(XLIFF12, *u1.position(u1.text.index("&"))) == "&"
    assert file_char(XLIFF12, *u1.position(u1.text.index(OBJECT))) == "<"
    assert u4.position(u4.text.index("Fett"))[0] == 18
    assert u4.position(u4.text.index("zweite")) == (19, 1)
    line, column = u4.position(u4.text.index("Zeile"))
    assert XLIFF12.split("\n")[line - 1][column - 1 :].startswith("Zeile")
    line, column = u6.position(0)
    assert XLIFF12.split("\n")[line - 1][column - 1 :].startswith("a <b> c]]>")


def test_xliff20_units(write):
    doc = read_document(write("x/app.xliff", XLIFF20))
    assert (doc.language, doc.language_source, doc.source_language) == ("fr-CA", "header", "en")
    assert [(s.unit_id, s.source, s.text) for s in doc.segments] == [
        ("1[s1]", "Hello world", "Bonjour le monde" + OBJECT + "!"),
        ("1[1]", "Two", "Deux"),
        ("3", "Three", "Trois gras"),
    ]
    assert doc.segments[0].comments == ("Check this",)
    first = doc.segments[0]
    assert (first.line, first.column) == (7, 13)
    line, column = first.position(first.text.index("monde"))
    assert XLIFF20.split("\n")[line - 1][column - 1 :].startswith("monde")
    last = doc.segments[2]
    line, column = last.position(last.text.index("gras"))
    assert XLIFF20.split("\n")[line - 1][column - 1 :].startswith("gras")


def test_language_falls_back_to_path(write):
    content = (
        '<xliff version="1.2"><file><body><trans-unit id="a"><source>a</source>'
        "<target>b</target></trans-unit></body></file></xliff>"
    )
    doc = read_document(write("locale/es/app.xlf", content))
    assert (doc.language, doc.language_source) == ("es", "path")


def test_crlf_and_non_ascii_columns(write):
    content = (
        '<xliff version="1.2">\r\n<file target-language="de"><body>\r\n'
        '<trans-unit id="a"><source>ä</source><target>Größe &lt; Maß</target></trans-unit>\r\n'
        "</body></file></xliff>"
    )
    doc = read_document(write("x/a.xlf", content.encode("utf-8")))
    (seg,) = doc.segments
    third = content.split("\r\n")[2]
    assert (seg.line, seg.column) == (3, third.index("Größe") + 1)
    assert seg.position(seg.text.index("Maß")) == (3, third.index("Maß") + 1)


def test_declared_single_and_multi_byte_encodings(write):
    body = (
        '<xliff version="1.2"><file target-language="ja"><body><trans-unit id="a">'
        "<source>a</source><target>日本語のテキスト</target></trans-unit></body></file></xliff>"
    )
    declaration = '<?xml version="1.0" encoding="Shift_JIS"?>'
    doc = read_document(write("x/sjis.xlf", (declaration + body).encode("shift_jis")))
    assert doc.segments[0].text == "日本語のテキスト"
    # Columns count characters, and the declaration is not shifted by re-encoding.
    assert doc.segments[0].column == len(declaration) + body.index("日本語") + 1
    assert doc.encoding == "shift_jis"
    latin = body.replace("ja", "fr").replace("日本語のテキスト", "café crème")
    doc = read_document(write("x/l1.xlf", ('<?xml version="1.0" encoding="ISO-8859-1"?>' + latin).encode("latin-1")))
    assert doc.segments[0].text == "café crème"


def test_entity_declarations_are_refused(write):
    content = (
        '<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY lol "lol">]>\n'
        '<xliff version="1.2"><file><body><trans-unit id="a"><source>&lol;</source>'
        "<target>x</target></trans-unit></body></file></xliff>"
    )
    with pytest.raises(ReadError) as info:
        read_document(write("x/bomb.xlf", content))
    assert info.value.message.startswith("refused: XML entity declarations are not allowed")
    assert info.value.line == 2


def test_external_dtd_is_not_fetched(write, tmp_path):
    secret = tmp_path / "secret.dtd"
    secret.write_text('<!ENTITY leak "SECRET">')
    content = (
        f'<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "{secret.as_uri()}">\n'
        '<xliff version="1.1"><file target-language="de"><body><trans-unit id="a">'
        "<source>a</source><target>b &leak; c</target></trans-unit></body></file></xliff>"
    )
    doc = read_document(write("x/old.xlf", content))
    assert doc.segments[0].text == "b " + OBJECT + " c"


def test_malformed_xml_has_line_and_column(write):
    with pytest.raises(ReadError) as info:
        read_document(write("x/bad.xlf", '<xliff version="1.2">\n  <file>\n</xliff>\n'))
    assert (info.value.line, info.value.column) == (3, 3)
    assert info.value.message == "malformed XML: mismatched tag"


def test_empty_file_is_malformed(write):
    with pytest.raises(ReadError) as info:
        read_document(write("x/empty.xlf", ""))
    assert "malformed XML" in info.value.message


def test_not_xliff(write):
    with pytest.raises(ReadError) as info:
        read_document(write("x/page.xlf", "\n<html><body/></html>"))
    assert info.value.message == "not an XLIFF file (root element <html>)"
    assert (info.value.line, info.value.column) == (2, 1)


def test_wrong_bytes_for_declared_encoding(write):
    content = b'<xliff version="1.2"><file><body><trans-unit id="a"><target>caf\xe9</target></trans-unit></body></file></xliff>'
    with pytest.raises(ReadError) as info:
        read_document(write("x/enc.xlf", content))
    assert info.value.line == 1
    assert "malformed XML" in info.value.message


# --- unfinished units: skipped like fuzzy PO entries unless asked for (issue 11) ---

STATES12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="fi" datatype="plaintext" original="v">
    <body>
      <trans-unit id="1"><source>Done</source><target state="translated">Valmis</target></trans-unit>
      <trans-unit id="2"><source>Review</source><target state="needs-review-translation">Tarkista</target></trans-unit>
      <trans-unit id="3"><source>New</source><target state="new">Uusi</target></trans-unit>
      <trans-unit id="4"><source>Final</source><target state="final">Lopullinen</target></trans-unit>
      <trans-unit id="5"><source>None</source><target>Ei tilaa</target></trans-unit>
    </body>
  </file>
</xliff>
"""

STATES20 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1">
  <unit id="a"><segment state="initial"><source>One</source><target>Un</target></segment></unit>
  <unit id="b"><segment state="translated"><source>Two</source><target>Deux</target></segment></unit>
 </file>
</xliff>
"""


def test_unfinished_xliff12_targets_are_skipped_like_fuzzy_entries(write):
    path = write("v.fi.xlf", STATES12)
    assert [s.unit_id for s in read_document(path).segments] == ["1", "4", "5"]
    assert [s.unit_id for s in read_document(path, include_fuzzy=True).segments] == ["1", "2", "3", "4", "5"]


def test_initial_xliff20_segments_are_skipped_like_fuzzy_entries(write):
    path = write("v.xlf", STATES20)
    assert [s.text for s in read_document(path).segments] == ["Deux"]
    assert [s.text for s in read_document(path, include_fuzzy=True).segments] == ["Un", "Deux"]


def test_a_marker_in_a_skipped_unit_is_not_reported_unused(write):
    from checker.project.suppressions.scan import scan_suppressions

    text = STATES12.replace(
        '<target state="new">Uusi</target>', '<target state="new">Uusi</target><note>termcheck: ignore</note>'
    )
    assert scan_suppressions("v.xlf", text, "xliff") == []
    assert len(scan_suppressions("v.xlf", text, "xliff", include_fuzzy=True)) == 1
