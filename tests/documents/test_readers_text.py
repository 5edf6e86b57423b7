"""Plain-text reader and the encoding layer underneath every reader."""

from __future__ import annotations

import os
import sys

import pytest

from checker.documents import ReadError, read_document
from checker.documents.encoding import decode


def test_paragraphs_positions_and_text(write):
    path = write(
        "fr/letter.txt",
        "Title line\n\n   Indented first line\ncontinues here  \n\n\n  \nLast one.   \n",
    )
    doc = read_document(path)
    assert doc.format == "text"
    assert not doc.bilingual
    assert [(s.text, s.line, s.column) for s in doc.segments] == [
        ("Title line", 1, 1),
        ("Indented first line\ncontinues here", 3, 4),
        ("Last one.", 8, 1),
    ]
    second = doc.segments[1]
    # Offsets map back onto the file, across the internal newline.
    assert second.position(0) == (3, 4)
    assert second.position(second.text.index("continues")) == (4, 1)
    assert second.source is None and second.unit_id is None


def test_internal_indentation_is_kept(write):
    doc = read_document(write("en/a.txt", "one\n    two\n"))
    (seg,) = doc.segments
    assert seg.text == "one\n    two"
    assert seg.position(seg.text.index("two")) == (2, 5)


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_windows_and_old_mac_line_endings(write, newline):
    data = newline.join([b"alpha", b"beta", b"", b"gamma"])
    doc = read_document(write("en/crlf.txt", data))
    assert [(s.text, s.line) for s in doc.segments] == [("alpha\nbeta", 1), ("gamma", 4)]


def test_empty_file_has_no_segments(write):
    doc = read_document(write("en/empty.txt", ""))
    assert doc.segments == ()
    assert doc.language == "en" and doc.language_source == "path"


def test_blank_only_file_has_no_segments(write):
    assert read_document(write("en/blank.txt", "\n  \n\t\n")).segments == ()


def test_language_from_path(write):
    doc = read_document(write("translations/de/x.txt", "Hallo"))
    assert (doc.language, doc.language_source) == ("de", "path")


def test_language_option_when_path_says_nothing(write):
    doc = read_document(write("corpus/x.txt", "Hallo"), lang="pt_br")
    assert (doc.language, doc.language_source) == ("pt-BR", "option")


def test_option_wins_over_path(write):
    # --lang is what the user says; a path is only a guess (issue 11).
    doc = read_document(write("it/x.txt", "Ciao"), lang="de")
    assert (doc.language, doc.language_source) == ("de", "option")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("api/os.md", None),  # a bare stem is no language (Ossetian)
        ("en/ro.txt", "en"),  # nor inside another language's directory
        ("node_modules/ms/license.md", None),  # a package directory, not Malay
        ("vendor/pkg/de/readme.md", None),
        ("docs/guide.fr.md", "fr"),
        ("po/de.po", "de"),
        ("po/pt_BR.po", "pt-BR"),
        ("locale/sr@latin/LC_MESSAGES/app.po", "sr-Latn"),
        ("Resources/translations/validators.de.xlf", "de"),
        ("translations/en/letter.txt", "en"),
    ],
)
def test_language_from_path_only_from_directories_and_suffixes(path, expected):
    from checker.language import language_from_path

    assert language_from_path(path) == expected


def test_language_detected(write):
    text = (
        "Die Bundesregierung hat heute beschlossen, die Verhandlungen über den "
        "neuen Vertrag fortzusetzen, obwohl viele Fragen noch offen sind."
    )
    doc = read_document(write("corpus/x.txt", text))
    assert (doc.language, doc.language_source) == ("de", "detected")


def test_language_unknown_when_too_short(write):
    doc = read_document(write("corpus/x.txt", "Hi."))
    assert (doc.language, doc.language_source) == (None, "unknown")


# --- encodings -------------------------------------------------------------


def test_utf8_bom_is_stripped(write):
    doc = read_document(write("en/bom.txt", "\ufeffHello".encode("utf-8")))
    assert doc.segments[0].text == "Hello"
    assert doc.segments[0].column == 1


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-16-be"])
def test_utf16_and_utf32_with_bom(write, codec):
    data = "Grüße\n\nzweiter Absatz".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = read_document(write("de/u.txt", data))
    assert [s.text for s in doc.segments] == ["Grüße", "zweiter Absatz"]
    assert doc.encoding.startswith(codec[:6])


def test_legacy_encoding_is_detected(write):
    text = "Größe, Maße und Übermaß sind schöne deutsche Wörter für Äpfel und Öl."
    doc = read_document(write("de/latin.txt", text.encode("cp1252")))
    assert doc.segments[0].text == text
    assert doc.encoding != "utf-8"


def test_undecodable_bytes_report_their_line(write):
    data = b"fine line\nsecond \x00\x81\xfe\xff\x00\x01\x02\x03\x9d\x8f\x00\xff" * 3
    with pytest.raises(ReadError) as info:
        read_document(write("en/binary.txt", data))
    err = info.value
    assert err.line == 2
    assert "encoding could not be detected" in err.message
    assert err.path.endswith("binary.txt")


def test_decode_reports_first_bad_byte():
    with pytest.raises(ReadError) as info:
        decode(b"ok\n\x00\x00\x81\x00\xff\xfe\x00\x00\x00\x01" * 2, "f.txt")
    # \x00 is valid UTF-8; \x81 (offset 5, third byte of line 2) is the first bad one.
    assert (info.value.line, info.value.column) == (2, 3)
    assert "not valid UTF-8 at byte 5" in info.value.message


# --- file errors -----------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(ReadError) as info:
        read_document(str(tmp_path / "nope.txt"))
    assert info.value.message == "no such file or directory"
    assert (info.value.line, info.value.column) == (1, 1)


def test_directory_is_an_error(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ReadError) as info:
        read_document(str(tmp_path / "dir.txt"))
    assert "directory" in info.value.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(write):
    path = write("en/secret.txt", "x")
    os.chmod(path, 0)
    try:
        with pytest.raises(ReadError) as info:
            read_document(path)
        assert info.value.message == "permission denied"
    finally:
        os.chmod(path, 0o644)


def test_unknown_suffix_read_directly(write):
    with pytest.raises(ReadError) as info:
        read_document(write("en/notes.rtf", "x"))
    assert "unsupported file type .rtf" in info.value.message


def test_read_error_str_has_location(write):
    err = ReadError("a/b.po", "PO syntax error", 7, 3)
    assert str(err) == "a/b.po:7:3: PO syntax error"


def test_permission_denied_simulated(write, monkeypatch):
    # Runs even as root, where chmod cannot take read access away.
    import checker.documents.encoding as encoding

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(encoding, "open", refuse, raising=False)
    with pytest.raises(ReadError) as info:
        read_document(write("en/secret.txt", "x"))
    assert info.value.message == "permission denied"
