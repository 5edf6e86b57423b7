""".NET .resx (written for the test on Visual Studio's template: NuGet is not reachable):
Strings.de.resx paired with the neutral Strings.resx."""

from __future__ import annotations

from checker.documents import read_document
from tests.documents.l10n.conftest import assert_fix_undoes, check_sample, findings, plant, where

DE = "Jotter/Properties/Strings.de.resx"


def test_string_data_with_the_neutral_file_as_source(sample):
    root = sample("resx")
    doc = read_document(str(root / DE))
    assert (doc.format, doc.language, doc.language_source, doc.source_language) == ("resx", "de", "path", "en")
    units = {s.unit_id: s for s in doc.segments}
    assert sorted(units) == ["MoveToTrash", "NoteMoved", "NotesTitle", "SignIn", "SyncFailed"]  # no AppIcon
    sign_in = units["SignIn"]
    assert sign_in.source == "Sign in with your account to sync notes & settings."
    assert sign_in.position(sign_in.text.index("Einstellungen")) == where(root / DE, "Einstellungen")
    assert units["NoteMoved"].masked.count("\ufffc") == 3  # {0}
    neutral = read_document(str(root / "Jotter/Properties/Strings.resx"))
    assert (neutral.language, neutral.source_language) == ("en", None)
    assert neutral.segments[0].comments == ("Title of the list of every note",)


def test_clean_files_give_no_finding(sample):
    root = sample("resx")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings(sample):
    root = sample("resx")
    de = root / DE
    plant(de, "<value>Notizen</value>", "<value>Zettel</value>")
    plant(de, "<value>In den Papierkorb verschieben</value>", "<value>Wegwerfen</value>")
    assert findings(check_sample(root)) == [
        ("Strings.de.resx", *where(de, "Zettel"), "forbidden-rendering", "note"),
        ("Strings.de.resx", *where(de, "Zettel"), "missing-rendering", "note"),
        ("Strings.de.resx", *where(de, "Wegwerfen"), "missing-rendering", "trash"),
    ]


def test_fix(sample):
    root = sample("resx")
    assert_fix_undoes(root, (root / DE, "deinem Konto an, um Notizen &amp;", "deinem Account an, um Notizen &amp;"))


def test_a_comment_element_suppresses_its_data(sample):
    root = sample("resx")
    de = root / DE
    plant(de, "<value>Notizen</value>", "<value>Zettel</value>\n    <comment>termcheck: ignore[forbidden-rendering]</comment>")
    assert [f for f in findings(check_sample(root)) if f[3] == "forbidden-rendering"] == []
