"""Which file is the source of a localization file, by each format's convention."""

from __future__ import annotations

from checker.documents import read_document
from checker.documents.l10n.pairing import path_language, source_files


def touch(root, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("")


def test_source_files_by_convention(tmp_path):
    touch(tmp_path, "a/Base.lproj/Main.strings", "a/de.lproj/Main.strings", "p/messages.properties",
          "p/messages_en.properties", "p/messages_pt_BR.properties", "r/S.resx", "r/S.fr.resx",
          "j/locales/en_US/x.json", "j/locales/de/x.json", "y/devise.en.yml", "y/devise.de.yml",
          "res/values/strings.xml", "res/values-night/strings.xml", "res/values-de-night/strings.xml")
    rel = lambda paths: [p[len(str(tmp_path)) + 1 :] for p in paths]  # noqa: E731
    assert rel(source_files(str(tmp_path / "a/de.lproj/Main.strings"), "strings", "en")) == ["a/Base.lproj/Main.strings"]
    assert rel(source_files(str(tmp_path / "p/messages_pt_BR.properties"), "properties", "en")) == [
        "p/messages_en.properties", "p/messages.properties"]
    assert rel(source_files(str(tmp_path / "r/S.fr.resx"), "resx", "en")) == ["r/S.resx"]
    assert rel(source_files(str(tmp_path / "j/locales/de/x.json"), "json", "en")) == ["j/locales/en_US/x.json"]
    assert rel(source_files(str(tmp_path / "y/devise.de.yml"), "yaml", "en")) == ["y/devise.en.yml"]
    # other qualifiers are kept: night mode pairs with night mode
    assert rel(source_files(str(tmp_path / "res/values-de-night/strings.xml"), "android", "en")) == [
        "res/values-night/strings.xml"]
    assert path_language(str(tmp_path / "a/Base.lproj/Main.strings"), "strings", "en") == "en"
    assert path_language(str(tmp_path / "r/S.resx"), "resx", "en") == "en"


def test_a_german_source_project_pairs_with_the_german_file(tmp_path):
    touch(tmp_path, "locales/de/app.json", "locales/en/app.json")
    (tmp_path / "locales/de/app.json").write_text('{"title": "Papierkorb"}', encoding="utf-8")
    (tmp_path / "locales/en/app.json").write_text('{"title": "Trash"}', encoding="utf-8")
    english = read_document(str(tmp_path / "locales/en/app.json"), source_lang="de")
    assert (english.source_language, english.segments[0].source) == ("de", "Papierkorb")
    german = read_document(str(tmp_path / "locales/de/app.json"), source_lang="de")
    assert (german.language, german.source_language, german.bilingual) == ("de", None, False)


def test_no_source_file_is_no_error(tmp_path):
    touch(tmp_path, "res/values-de/strings.xml")
    (tmp_path / "res/values-de/strings.xml").write_text('<resources><string name="a">Papierkorb</string></resources>')
    doc = read_document(str(tmp_path / "res/values-de/strings.xml"))
    assert (doc.language, doc.source_language, doc.bilingual, doc.segments[0].source) == ("de", None, False, None)
