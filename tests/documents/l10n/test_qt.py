"""Qt Linguist .ts (ReText 8.1's retext_de.ts, from its PyPI source distribution):
bilingual, the language from the TS element."""

from __future__ import annotations

from checker.documents import iter_paths, read_document
from tests.documents.l10n.conftest import assert_fix_undoes, check, check_sample, findings, plant, where

TS = "retext_de.ts"


def test_messages_with_their_source_notes_and_state(sample):
    path = sample("qt") / TS
    doc = read_document(str(path))
    assert (doc.format, doc.language, doc.language_source, doc.source_language, doc.bilingual) == (
        "qt", "de", "header", "en", True)
    units = {s.unit_id: s for s in doc.segments}
    files = units["ReTextWindow\x04%s files\x04Example of final string: Markdown files"]
    assert (files.text, files.source, files.comments) == ("%s-Dateien", "%s files", ("Example of final string: Markdown files",))
    assert (files.source_line, files.source_column) == where(path, "%s files")
    # unfinished translations are skipped (they are empty here anyway)
    assert not any("Create missing file" in s.source for s in doc.segments)
    parse = next(s for s in doc.segments if s.source.startswith("Could not parse"))
    # entities decoded, positions exact after them
    assert parse.text.startswith('Konnte den Dateiinhalt nicht parsen. Überprüfen Sie, ob das <a href="%s">')
    assert parse.position(parse.text.index("benötigte")) == where(path, "benötigte")


def test_plural_forms_and_unfinished_translations(tmp_path):
    path = tmp_path / "app_de.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE" sourcelanguage="en">\n'
        "<context><name>Main</name>\n"
        '<message numerus="yes"><source>%n file(s)</source>\n'
        "<translation><numerusform>%n Datei</numerusform><numerusform>%n Dateien</numerusform></translation></message>\n"
        '<message><source>Open</source><translation type="unfinished">Öffnen</translation></message>\n'
        '<message><source>Old</source><translation type="vanished">Alt</translation></message>\n'
        "</context></TS>\n", encoding="utf-8")
    doc = read_document(str(path))
    assert doc.language == "de-DE"
    assert [(s.unit_id.split("\x04")[1], s.text, s.line, s.column) for s in doc.segments] == [
        ("%n file(s)[0]", "%n Datei", 6, 27), ("%n file(s)[1]", "%n Dateien", 6, 62),
    ]
    fuzzy = read_document(str(path), include_fuzzy=True)
    assert [s.text for s in fuzzy.segments] == ["%n Datei", "%n Dateien", "Öffnen"]


def test_clean_file_gives_no_finding(sample):
    root = sample("qt")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings(sample):
    root = sample("qt")
    path = root / TS
    plant(path, "<translation>Dokument drucken</translation>", "<translation>Schriftstück drucken</translation>")
    plant(path, "<translation>Datei speichern</translation>", "<translation>Sichern</translation>")
    assert findings(check_sample(root)) == [
        (TS, *where(path, "Sichern"), "missing-rendering", "file"),
        (TS, *where(path, "Schriftstück"), "forbidden-rendering", "document"),
        (TS, *where(path, "Schriftstück"), "missing-rendering", "document"),
    ]


def test_fix(sample):
    root = sample("qt")
    assert_fix_undoes(root, (root / TS, "<translation>Dokument drucken</translation>",
                             "<translation>Schriftstück drucken</translation>"))


def test_a_translator_comment_suppresses_its_message(sample):
    root = sample("qt")
    path = root / TS
    plant(path, "<translation>Dokument drucken</translation>",
          "<translatorcomment>termcheck: ignore[forbidden-rendering]</translatorcomment>\n"
          "      <translation>Schriftstück drucken</translation>")
    assert [f for f in findings(check_sample(root)) if f[3] == "forbidden-rendering"] == []


def test_a_walk_takes_ts_files_that_are_xml_not_typescript(tmp_path, sample):
    root = sample("qt")
    (root / "main.ts").write_text("export const x: Array<TS> = [];\n")
    assert [p.rsplit("/", 1)[1] for p in iter_paths([str(root)])] == [TS]
    report = check(str(root / "main.ts"))
    assert [f["message"] for f in report["findings"]] == ["not a Qt Linguist file: not XML (TypeScript?)"]
