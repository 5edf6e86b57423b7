"""Apple .strings (UTF-16, as Xcode writes them), .stringsdict and .xcstrings: a notes
app's catalogs, written for the test (no reachable registry ships an Xcode project)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.documents import ReadError, read_document
from tests.documents.l10n.conftest import check, check_sample, findings, where

APP = "Jotter"


def plant16(path: Path, old: str, new: str) -> None:
    """plant() for a UTF-16 file."""
    text = path.read_bytes().decode("utf-16")
    assert text.count(old) == 1, old
    path.write_bytes(text.replace(old, new).encode("utf-16"))


def where16(path: Path, needle: str) -> tuple[int, int]:
    text = path.read_bytes().decode("utf-16")
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def test_strings_in_utf16_paired_with_en_lproj(sample):
    path = sample("apple") / APP / "de.lproj/Localizable.strings"
    doc = read_document(str(path))
    assert (doc.format, doc.language, doc.source_language, doc.encoding) == ("strings", "de", "en", "utf-16-le")
    units = {s.unit_id: s for s in doc.segments}
    assert units["notes.title"].comments == ("Title of the list of every note",)
    assert units["trash.empty"].text == "Der Papierkorb ist leer.\nGelöschte Notizen erscheinen hier."
    failed = units["sync.failed"]
    assert failed.text.endswith('Prüfe deine "Konto"-Einstellungen.')
    assert failed.position(failed.text.index("Einstellungen")) == where16(path, "Einstellungen")
    assert failed.masked.startswith("„\ufffc\ufffc“")  # %@ is a placeable
    assert failed.source_path.endswith("en.lproj/Localizable.strings")


def test_stringsdict_plural_variants(sample):
    path = sample("apple") / APP / "de.lproj/Localizable.stringsdict"
    doc = read_document(str(path))
    units = {s.unit_id: s for s in doc.segments}
    assert units["trash.count/items/one"].text == "%lld Notiz"
    assert units["trash.count/items/one"].source == "%lld note"
    assert units["trash.count/NSStringLocalizedFormatKey"].masked == "\ufffc" * 9 + " im Papierkorb"
    assert units["trash.count/items/other"].position(5) == where(path, "Notizen</string>")


def test_xcstrings_one_language_against_the_source(sample):
    path = sample("apple") / APP / "Localizable.xcstrings"
    doc = read_document(str(path))
    assert (doc.format, doc.language, doc.language_source, doc.source_language) == ("xcstrings", "de", "header", "en")
    units = {s.unit_id: s for s in doc.segments}
    # shouldTranslate false and needs_review are skipped; the key is the source where en has no value
    assert sorted(units) == ["Move to Trash", "Sign in with your account to sync notes.", "trash.days[plural.one]",
                             "trash.days[plural.other]"]
    assert units["Move to Trash"].source == "Move to Trash"
    assert units["Move to Trash"].comments == ("Swipe action on a note",)
    assert units["trash.days[plural.other]"].source == "Notes stay %lld days in the trash."
    assert "Synchronisierungskonto" in [s.text for s in read_document(str(path), include_fuzzy=True).segments]


def test_xcstrings_of_several_languages_needs_lang(tmp_path):
    path = tmp_path / "Localizable.xcstrings"
    path.write_text('{"sourceLanguage": "en", "strings": {"Trash": {"localizations": {'
                    '"de": {"stringUnit": {"state": "translated", "value": "Papierkorb"}},'
                    '"fr": {"stringUnit": {"state": "translated", "value": "Corbeille"}}}}}, "version": "1.0"}')
    with pytest.raises(ReadError, match=r"catalog of 2 languages \(de, fr\): check one at a time with --lang"):
        read_document(str(path))
    assert [s.text for s in read_document(str(path), lang="fr").segments] == ["Corbeille"]


def test_clean_files_give_no_finding(sample):
    root = sample("apple")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings_in_each_format(sample):
    root = sample("apple") / APP
    strings, plurals, catalog = (root / "de.lproj/Localizable.strings", root / "de.lproj/Localizable.stringsdict",
                                 root / "Localizable.xcstrings")
    plant16(strings, "mit deinem Konto an", "mit deinem Account an")
    plant16(strings, '"Neue Notiz"', '"Neu"')
    text = plurals.read_text(encoding="utf-8").replace("<string>%lld Notiz</string>", "<string>%lld Zettel</string>")
    plurals.write_text(text, encoding="utf-8")
    text = catalog.read_text(encoding="utf-8").replace('"In den Papierkorb"', '"In den Mülleimer"')
    catalog.write_text(text, encoding="utf-8")
    assert findings(check(str(root.parent), "-g", str(root.parent / "glossary.yml"))) == [
        ("Localizable.xcstrings", *where(catalog, "In den M"), "missing-rendering", "trash"),
        ("Localizable.xcstrings", *where(catalog, "Mülleimer"), "forbidden-rendering", "trash"),
        ("Localizable.strings", *where16(strings, "Neu\""), "missing-rendering", "note"),
        ("Localizable.strings", *where16(strings, "Melde"), "missing-rendering", "account"),
        ("Localizable.strings", *where16(strings, "Account"), "forbidden-rendering", "account"),
        ("Localizable.stringsdict", *where(plurals, "%lld Zettel"), "missing-rendering", "note"),
        ("Localizable.stringsdict", *where(plurals, "Zettel"), "forbidden-rendering", "note"),
    ]


def test_fix_in_each_format(sample):
    root = sample("apple") / APP
    strings, catalog = root / "de.lproj/Localizable.strings", root / "Localizable.xcstrings"
    plurals = root / "de.lproj/Localizable.stringsdict"
    before = strings.read_bytes(), catalog.read_bytes(), plurals.read_bytes()
    plant16(strings, "mit deinem Konto an", "mit deinem Account an")
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('"In den Papierkorb"', '"In den Mülleimer"'),
                       encoding="utf-8")
    plurals.write_text(plurals.read_text(encoding="utf-8").replace("<string>%lld Notiz</string>",
                                                                   "<string>%lld Zettel</string>"), encoding="utf-8")
    check(str(root.parent), "-g", str(root.parent / "glossary.yml"), "--fix")
    assert (strings.read_bytes(), catalog.read_bytes(), plurals.read_bytes()) == before


def test_comments_suppress(sample):
    root = sample("apple") / APP
    strings, catalog = root / "de.lproj/Localizable.strings", root / "Localizable.xcstrings"
    plant16(strings, '"sync.signin" = "Melde dich mit deinem Konto an',
            '/* termcheck: ignore[forbidden-rendering] */\n"sync.signin" = "Melde dich mit deinem Account an')
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('"In den Papierkorb"', '"In den Mülleimer"')
                       .replace('"Swipe action on a note"', '"Swipe action. termcheck: ignore[forbidden-rendering]"'),
                       encoding="utf-8")
    report = check(str(root.parent), "-g", str(root.parent / "glossary.yml"))
    assert [f for f in findings(report) if f[3] == "forbidden-rendering"] == []
