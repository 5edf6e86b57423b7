"""Android string resources: values-de/strings.xml paired with values/strings.xml."""

from __future__ import annotations

from pathlib import Path

from checker.documents import iter_paths, read_document
from checker.documents.l10n.pairing import android_language
from tests.documents.l10n.conftest import assert_fix_undoes, check, check_sample, findings, plant, where


def test_strings_plurals_and_arrays_are_read_with_their_source(sample):
    root = sample("android")
    doc = read_document(str(root / "res/values-de/strings.xml"))
    assert (doc.format, doc.language, doc.language_source, doc.source_language) == ("android", "de", "path", "en")
    units = {s.unit_id: s for s in doc.segments}
    assert sorted(units) == [
        "action_move_to_trash", "action_new_note", "empty_trash", "msg_note_moved", "msg_sign_in",
        "msg_sync_failed", "notes_selected[one]", "notes_selected[other]", "sort_orders[0]", "sort_orders[1]",
        "title_account", "title_notes",
    ]
    moved = units["msg_note_moved"]
    # <xliff:g> content is one placeable; the source comes from values/strings.xml
    assert moved.text == "Notiz in den Papierkorb verschoben. Sie wird nach \ufffc Tagen gelöscht."
    assert moved.source.startswith("Note moved to the trash.")
    assert moved.source_path.endswith("res/values/strings.xml")
    assert units["title_notes"].comments == ("Title of the screen listing every note",)
    # escapes are unescaped, markup text kept
    assert units["msg_sync_failed"].text.startswith('"\ufffc" konnte')
    assert units["empty_trash"].text == "Der Papierkorb ist leer.\nGelöschte Notizen erscheinen hier."


def test_positions_are_exact_after_escapes_and_placeholders(sample):
    path = sample("android") / "res/values-de/strings.xml"
    doc = read_document(str(path))
    failed = next(s for s in doc.segments if s.unit_id == "msg_sync_failed")
    offset = failed.text.index("Verbindung")
    assert failed.position(offset) == where(path, "Verbindung")
    empty = next(s for s in doc.segments if s.unit_id == "empty_trash")
    assert empty.position(empty.text.index("Gelöschte")) == where(path, "Gelöschte")


def test_a_utf32_file_is_read_at_the_same_places(sample):
    # expat reads no UTF-32: the XML readers share the decoding that XLIFF and TMX files get
    path = sample("android") / "res/values-de/strings.xml"
    utf8 = read_document(str(path))
    text = path.read_text(encoding="utf-8").replace('encoding="utf-8"', 'encoding="utf-32"')
    assert text != path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-32"))
    utf32 = read_document(str(path))
    assert utf32.encoding == "utf-32"
    assert [(s.unit_id, s.text, s.position(len(s.text) - 1)) for s in utf32.segments] == [
        (s.unit_id, s.text, s.position(len(s.text) - 1)) for s in utf8.segments
    ]


def test_clean_files_give_no_finding(sample):
    root = sample("android")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings_are_found_where_they_are(sample):
    root = sample("android")
    de = root / "res/values-de/strings.xml"
    plant(de, "mit deinem Konto an", "mit deinem Account an")
    plant(de, "In den Papierkorb verschieben", "Wegwerfen")
    report = check_sample(root)
    assert findings(report) == [
        ("strings.xml", *where(de, "Wegwerfen"), "missing-rendering", "trash"),
        ("strings.xml", *where(de, "Melde dich"), "missing-rendering", "account"),
        ("strings.xml", *where(de, "Account"), "forbidden-rendering", "account"),
    ]
    missing = report["findings"][0]
    # the source occurrence is in the source file
    assert missing["related"][0]["path"].endswith("res/values/strings.xml")


def test_fix_replaces_only_the_forbidden_rendering(sample):
    root = sample("android")
    assert_fix_undoes(root, (root / "res/values-de/strings.xml", "Der Papierkorb ist leer", "Der Mülleimer ist leer"))


def test_a_marker_in_the_comment_before_a_string_suppresses_it(sample):
    root = sample("android")
    de = root / "res/values-de/strings.xml"
    plant(de, "<string name=\"action_new_note\">Neue Notiz", "<string name=\"action_new_note\">Neuer Zettel")
    plant(de, "    <string name=\"action_new_note\">", "    <!-- termcheck: ignore[forbidden-rendering:note] -->\n    <string name=\"action_new_note\">")
    report = check_sample(root)
    assert [f for f in findings(report) if f[3] == "forbidden-rendering"] == []


def test_a_walk_takes_only_values_directories(tmp_path, sample):
    root = sample("android")
    (root / "res/layout").mkdir()
    (root / "res/layout/main.xml").write_text("<LinearLayout/>")
    (root / "pom.xml").write_text("<project/>")
    assert [Path(p).relative_to(root).as_posix() for p in iter_paths([str(root)])] == [
        "res/values/strings.xml", "res/values-de/strings.xml",
    ]


def test_a_named_file_that_is_no_resources_file_is_one_read_error(tmp_path):
    pom = tmp_path / "pom.xml"
    pom.write_text("<project>\n</project>\n")
    report = check(str(pom))
    assert [(f["rule"], f["line"], f["message"]) for f in report["findings"]] == [
        ("read-error", 1, "not an Android resources file (root element <project>)"),
    ]


def test_language_qualifiers():
    assert android_language("values-de") == ("de", "values")
    assert android_language("values-pt-rBR") == ("pt-BR", "values")
    assert android_language("values-b+zh+Hans") == ("zh-Hans", "values")
    assert android_language("values-de-rDE-land") == ("de-DE", "values-land")
    assert android_language("values-night") == (None, "values-night")
    assert android_language("layout") is None
