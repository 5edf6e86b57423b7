"""PO reader: entries, plurals, fuzzy/obsolete handling, exact positions, charsets, errors."""

from __future__ import annotations

import pytest

from checker.documents import ReadError, read_document

HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Language: de_DE\\n"\n'
    '"X-Source-Language: en\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    "\n"
)

BODY = (
    "# Translator note\n"  # 8
    "# second line\n"
    "#. extracted comment\n"
    "#: src/app.py:10\n"
    'msgid "Save file"\n'  # 12
    'msgstr "Datei speichern"\n'  # 13
    "\n"
    "#, fuzzy\n"
    'msgid "Open"\n'
    'msgstr "Öffnen"\n'  # 17
    "\n"
    'msgctxt "menu"\n'  # 19
    'msgid "File"\n'
    'msgstr ""\n'
    '"Da"\n'  # 22
    '"tei \\"x\\"\\n"\n'  # 23
    '"  Zeile drei"\n'  # 24
    "\n"
    'msgid "One file"\n'  # 26
    'msgid_plural "%d files"\n'  # 27
    'msgstr[0] "Eine Datei"\n'  # 28
    'msgstr[1] "%d Dateien"\n'  # 29
    "\n"
    'msgid "untranslated"\n'
    'msgstr ""\n'
    "\n"
    '#~ msgid "old"\n'
    '#~ msgstr "alt"\n'
)


def file_char(content: str, line: int, column: int) -> str:
    return content.split("\n")[line - 1][column - 1]


@pytest.fixture
def po(write):
    content = HEADER + BODY
    return content, read_document(write("po/app.po", content))


def test_header_language_and_metadata(po):
    _, doc = po
    assert doc.format == "po" and doc.bilingual
    assert (doc.language, doc.language_source) == ("de-DE", "header")
    assert doc.source_language == "en"
    assert doc.encoding == "utf-8"
    assert doc.metadata["Plural-Forms"].startswith("nplurals=2")


def test_entries_fuzzy_obsolete_untranslated(po):
    _, doc = po
    assert [(s.unit_id, s.text) for s in doc.segments] == [
        ("Save file", "Datei speichern"),
        ("menu\x04File", 'Datei "x"\n  Zeile drei'),
        ("One file[0]", "Eine Datei"),
        ("One file[1]", "%d Dateien"),
    ]


def test_include_fuzzy(write):
    doc = read_document(write("po/app.po", HEADER + BODY), include_fuzzy=True)
    assert "Öffnen" in [s.text for s in doc.segments]
    fuzzy = next(s for s in doc.segments if s.text == "Öffnen")
    assert (fuzzy.line, fuzzy.column, fuzzy.source) == (17, 9, "Open")


def test_simple_entry_positions_and_comments(po):
    content, doc = po
    seg = doc.segments[0]
    assert (seg.line, seg.column) == (13, 9)
    assert (seg.source, seg.source_line, seg.source_column) == ("Save file", 12, 8)
    assert seg.comments == ("Translator note", "second line")
    assert seg.position(6) == (13, 15)
    assert file_char(content, *seg.position(6)) == "s"
    assert file_char(content, *seg.source_position(5)) == "f"


def test_multiline_msgstr_positions(po):
    content, doc = po
    seg = doc.segments[1]
    # msgstr "" is empty: the text starts on the first continuation line.
    assert (seg.line, seg.column) == (22, 2)
    assert (seg.source_line, seg.source_column) == (20, 8)
    for offset, ch in enumerate(seg.text):
        line, column = seg.position(offset)
        if ch == '"':
            assert file_char(content, line, column) == "\\"  # the escape sequence
            assert file_char(content, line, column + 1) == '"'
        elif ch == "\n":
            assert (line, column) == (23, 11)
            assert content.split("\n")[22][column - 1 : column + 1] == "\\n"
        else:
            assert file_char(content, line, column) == ch
    assert seg.position(seg.text.index("tei")) == (23, 2)
    assert seg.position(seg.text.index("x")) == (23, 8)
    assert seg.position(seg.text.index("Zeile")) == (24, 4)


def test_plural_sources_and_positions(po):
    _, doc = po
    zero, one = doc.segments[2], doc.segments[3]
    assert (zero.source, zero.source_line, zero.line, zero.column) == ("One file", 26, 28, 12)
    assert (one.source, one.source_line, one.line, one.column) == ("%d files", 27, 29, 12)


def test_pot_has_no_target_segments(write):
    content = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\n'
        'msgid "Hello"\nmsgstr ""\n\nmsgid "One"\nmsgid_plural "Many"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    )
    doc = read_document(write("po/app.pot", content))
    assert doc.segments == ()
    assert doc.language_source == "unknown"


def test_language_from_path_without_header(write):
    doc = read_document(write("locale/fr/LC_MESSAGES/app.po", 'msgid "a"\nmsgstr "b"\n'))
    assert (doc.language, doc.language_source) == ("fr", "path")
    assert doc.source_language is None
    (seg,) = doc.segments
    assert (seg.unit_id, seg.text, seg.line, seg.column) == ("a", "b", 2, 9)


def test_declared_latin1_charset(write):
    content = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgid "Caf\xe9 menu"\nmsgstr "Menu du caf\xe9 \xe0 la fran\xe7aise"\n'
    )
    doc = read_document(write("po/fr.po", content.encode("latin-1")))
    assert doc.encoding == "iso8859-1"
    (seg,) = doc.segments
    assert seg.text == "Menu du café à la française"
    assert seg.source == "Café menu"
    assert seg.position(seg.text.index("à")) == (7, 22)


def test_declared_charset_that_does_not_fit(write):
    content = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xe9"\n'
    with pytest.raises(ReadError) as info:
        read_document(write("po/x.po", content.encode("latin-1")))
    assert info.value.line == 6
    assert "not valid utf-8" in info.value.message


def test_crlf_and_bom(write):
    data = ("\ufeff" + HEADER + BODY).replace("\n", "\r\n").encode("utf-8")
    doc = read_document(write("po/crlf.po", data))
    assert [(s.line, s.column) for s in doc.segments][:2] == [(13, 9), (22, 2)]


def test_line_separators_inside_strings(write):
    # str.splitlines() would break these lines apart; positions must not shift.
    content = 'msgid "a"\nmsgstr "x\u2028y\x0cz"\n\nmsgid "b"\nmsgstr "second"\n'
    doc = read_document(write("po/de.po", content))
    assert [(s.text, s.line) for s in doc.segments] == [("x\u2028y\x0cz", 2), ("second", 5)]


def test_entries_without_blank_lines_between(write):
    content = 'msgid "a"\nmsgstr "A"\nmsgid "b"\nmsgstr "B"\n'
    doc = read_document(write("po/de.po", content))
    assert [(s.text, s.line, s.source_line) for s in doc.segments] == [("A", 2, 1), ("B", 4, 3)]


def test_syntax_error_has_line(write):
    content = HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nthis is not po\n'
    with pytest.raises(ReadError) as info:
        read_document(write("po/broken.po", content))
    assert info.value.line == 12
    assert info.value.message.startswith("PO syntax error")


def test_unescaped_quote_is_reported(write):
    with pytest.raises(ReadError) as info:
        read_document(write("po/q.po", 'msgid "a"\nmsgstr "say "hi""\n'))
    assert info.value.line == 2
    assert "unescaped double quote" in info.value.message


def test_undecodable_po_without_charset(write):
    data = b'msgid "a"\nmsgstr "\x00\x81\xff\xfe\x00\x01\x9d\x00"\n' * 3
    with pytest.raises(ReadError) as info:
        read_document(write("po/bin.po", data))
    assert info.value.line == 2


# --- syntax polib lets through but `msgfmt -c` rejects (issue 11) ---------------

SHORT_HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    "body, line, column, message",
    [
        ('msgid "Save"\nmsgstr "Speichern\n\nmsgid "Open"\nmsgstr "Öffnen"\n', 7, 18, "end of line within string"),
        ('msgid "Save"\n"cont\nmsgstr "Speichern"\n', 7, 6, "end of line within string"),
        ('msgid "Save"\nmsgstr "Spei\\qchern"\n', 7, 13, "invalid escape sequence '\\q'"),
        ('msgid "Save"\nmsgstr "Speichern"\n\nmsgid "Save"\nmsgstr "Sichern"\n', 9, 1, "duplicate message definition"),
        ('garbage here\nmsgid "Save"\nmsgstr "Speichern"\n', 6, 1, "PO syntax error"),
    ],
)
def test_syntax_msgfmt_rejects_is_a_read_error_with_its_line(write, body, line, column, message):
    with pytest.raises(ReadError) as caught:
        read_document(write("de.po", SHORT_HEADER + body))
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message


def test_same_msgid_in_other_contexts_is_no_duplicate(write):
    body = 'msgctxt "a"\nmsgid "Save"\nmsgstr "Speichern"\n\nmsgctxt "b"\nmsgid "Save"\nmsgstr "Sichern"\n\nmsgid "Save"\nmsgstr "X"\n'
    assert len(read_document(write("de.po", SHORT_HEADER + body)).segments) == 3
