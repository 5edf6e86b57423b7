"""Rails YAML (Redmine 5.0's config/locales, from Debian's redmine package): de.yml
paired with en.yml, the locale from the top key."""

from __future__ import annotations

from checker.documents import iter_paths, read_document
from tests.documents.l10n.conftest import assert_fix_undoes, check, check_sample, findings, plant, where

DE = "config/locales/de.yml"


def test_keys_under_the_locale_with_plural_forms_and_arrays(sample):
    root = sample("yaml")
    doc = read_document(str(root / DE))
    assert (doc.format, doc.language, doc.language_source, doc.source_language) == ("yaml", "de", "header", "en")
    units = {s.unit_id: s for s in doc.segments}
    assert units["field_project"].source == "Project"
    assert units["date.day_names[1]"].text == "Montag"
    assert "date.month_names[0]" not in units  # `~` is no text
    assert units["datetime.distance_in_words.x_seconds.other"].source == "%{count} seconds"
    # a tagged single-quoted scalar, read without its quotes
    assert units["mail_body_settings_updated"].text == "Die folgenden Einstellungen wurden geändert:"
    assert units["date.formats.default"].comments[0].startswith("Use the strftime")


def test_every_character_of_every_string_is_where_the_file_has_it(sample):
    path = sample("yaml") / DE
    lines = path.read_text(encoding="utf-8").split("\n")
    for seg in read_document(str(path)).segments:
        for i, ch in enumerate(seg.text):
            line, column = seg.position(i)
            assert lines[line - 1][column - 1] == ch, (seg.unit_id, i)


def test_quoted_folded_and_escaped_scalars_keep_positions(tmp_path):
    path = tmp_path / "de.yml"
    path.write_text(
        'de:\n  a: "Gr\\u00fc\\u00dfe aus \\"Kiew\\""\n  b: >\n    Ein Text\n    über Kiew\n'
        "  c: 'It''s Kiew'\n  d: Lang\n    in Kiew\n", encoding="utf-8")
    doc = read_document(str(path))
    places = {s.unit_id: s.position(s.text.index("Kiew")) for s in doc.segments}
    assert places == {"a": (2, 29), "b": (5, 10), "c": (6, 13), "d": (8, 8)}
    assert [s.text for s in doc.segments] == ['Grüße aus "Kiew"', "Ein Text über Kiew\n", "It's Kiew", "Lang in Kiew"]


def test_clean_files_give_no_finding(sample):
    root = sample("yaml")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings(sample):
    root = sample("yaml")
    de = root / DE
    plant(de, "field_project: Projekt", "field_project: Vorhaben")
    plant(de, "label_issue_new: Neues Ticket", "label_issue_new: Neuer Eintrag")
    assert findings(check_sample(root)) == [
        ("de.yml", *where(de, "Vorhaben"), "forbidden-rendering", "project"),
        ("de.yml", *where(de, "Vorhaben"), "missing-rendering", "project"),
        ("de.yml", *where(de, "Neuer Eintrag"), "missing-rendering", "issue"),
    ]


def test_fix_in_a_quoted_scalar(sample):
    root = sample("yaml")
    assert_fix_undoes(root, (root / DE, "'Das Ticket wurde nicht gefunden", "'Das Vorgang wurde nicht gefunden"))


def test_a_comment_above_a_key_suppresses_it(sample):
    root = sample("yaml")
    de = root / DE
    plant(de, "  field_project: Projekt", "  # termcheck: ignore[forbidden-rendering]\n  field_project: Vorhaben")
    assert [f for f in findings(check_sample(root)) if f[3] == "forbidden-rendering"] == []


def test_a_walk_takes_locale_yaml_only(tmp_path):
    for name in (".github/workflows/ci.yml", "docker-compose.yml", "glossary.yml", "config/locales/de.yml",
                 "config/locales/devise.de.yml", "config/database.yml", "de.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("de:\n  a: b\n")
    assert [p[len(str(tmp_path)) + 1 :] for p in iter_paths([str(tmp_path)])] == [
        "config/locales/de.yml", "config/locales/devise.de.yml", "de.yaml",
    ]


def test_a_named_yaml_file_that_is_no_locale_file(tmp_path):
    (tmp_path / "list.yml").write_text("- a\n- b\n")
    (tmp_path / "bad.yml").write_text("de:\n  a: [b\n")
    report = check(str(tmp_path / "list.yml"), str(tmp_path / "bad.yml"))
    assert sorted((f["path"].rsplit("/", 1)[1], f["line"], f["message"][:40]) for f in report["findings"]) == [
        ("bad.yml", 3, "malformed YAML: did not find expected ',"),
        ("list.yml", 1, "not a Rails locale file: the top level i"),
    ]
