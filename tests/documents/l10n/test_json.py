"""JSON localization files: i18next (zod-i18n-map's locales/<lang>/zod.json, from npm),
Chrome extension messages (Privacy Badger's _locales, from Debian's webext-privacy-badger)
and Flutter ARB (written for the test: no reachable registry ships one)."""

from __future__ import annotations

import json

from checker.documents import iter_paths, read_document
from tests.documents.l10n.conftest import assert_fix_undoes, check, check_sample, findings, plant, where

ZOD_DE = "i18next/locales/de/zod.json"
BADGER_DE = "chrome/_locales/de/messages.json"


def test_i18next_keys_are_dotted_paths_paired_with_the_english_file(sample):
    root = sample("json")
    doc = read_document(str(root / ZOD_DE))
    assert (doc.format, doc.language, doc.language_source, doc.source_language) == ("json", "de", "path", "en")
    assert doc.metadata["dialect"] == "i18next"
    units = {s.unit_id: s for s in doc.segments}
    exact = units["errors.too_small.array.exact"]
    assert exact.text == "Array muss genau {{minimum}} Element(e) enthalten"
    assert exact.source == "Array must contain exactly {{minimum}} element(s)"
    assert exact.masked.startswith("Array muss genau \ufffc")
    # an escaped quote keeps the positions after it exact
    starts = units["errors.invalid_string.startsWith"]
    path = root / ZOD_DE
    assert starts.position(starts.text.index("beginnen")) == where(path, "beginnen")


def test_chrome_messages_are_checked_descriptions_are_notes(sample):
    root = sample("json")
    doc = read_document(str(root / BADGER_DE))
    assert (doc.metadata["dialect"], doc.language, doc.source_language) == ("chrome", "de", "en")
    block = next(s for s in doc.segments if s.unit_id == "badger_status_block")
    assert (block.text, block.source) == ("$DOMAIN$ geblockt", "Blocked $DOMAIN$")
    assert block.masked == "\ufffc" * 8 + " geblockt"
    assert block.comments[0].startswith("Tooltip shown when you hover")
    assert block.source_path.endswith("_locales/en_US/messages.json")


def test_arb_metadata_is_skipped_and_the_locale_declared(sample):
    root = sample("json")
    doc = read_document(str(root / "arb/app_de.arb"))
    assert (doc.metadata["dialect"], doc.language, doc.language_source) == ("arb", "de", "header")
    units = {s.unit_id: s for s in doc.segments}
    assert sorted(units) == ["appTitle", "cartItemCount", "checkoutButton", "emptyCart", "greeting"]
    count = units["cartItemCount"]
    assert count.comments == ("How many items the shopping cart holds",)
    # ICU plural: the branch text is checked, the argument and keywords are masked
    assert "1 Artikel im Warenkorb" in count.masked and "quantity" not in count.masked


def test_clean_files_give_no_finding(sample):
    root = sample("json")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings_in_each_dialect(sample):
    root = sample("json")
    zod, badger, arb = root / ZOD_DE, root / BADGER_DE, root / "arb/app_de.arb"
    plant(zod, '"invalid_union": "Ungültige Eingabe"', '"invalid_union": "Ungültiger Input"')
    plant(badger, "Bitte eine gültige Domain oder Adresse", "Bitte eine gültige Domäne oder Adresse")
    plant(arb, "=1{1 Artikel im Warenkorb}", "=1{1 Artikel im Einkaufswagen}")
    plant(arb, "Dein Warenkorb ist leer.", "Hier ist nichts.")
    assert findings(check_sample(root)) == [
        ("app_de.arb", *where(arb, "Einkaufswagen"), "forbidden-rendering", "cart"),
        ("app_de.arb", *where(arb, "Hier ist nichts."), "missing-rendering", "cart"),
        ("messages.json", *where(badger, "Bitte eine"), "missing-rendering", "domain"),
        ("messages.json", *where(badger, "Domäne"), "forbidden-rendering", "domain"),
        ("zod.json", *where(zod, "Ungültiger Input"), "missing-rendering", "input"),
        ("zod.json", *where(zod, "Input\""), "forbidden-rendering", "input"),
    ]


def test_fix_writes_only_the_replacements(sample):
    root = sample("json")
    assert_fix_undoes(
        root,
        (root / ZOD_DE, '"invalid_union": "Ungültige Eingabe"', '"invalid_union": "Ungültige Input"'),
        (root / "arb/app_de.arb", "=1{1 Artikel im Warenkorb}", "=1{1 Artikel im Einkaufswagen}"),
    )


def test_a_description_suppresses_its_message(sample):
    root = sample("json")
    badger = root / BADGER_DE
    plant(badger, "Bitte eine gültige Domain oder Adresse", "Bitte eine gültige Domäne oder Adresse")
    data = json.loads(badger.read_text(encoding="utf-8"))
    assert data["invalid_domain"]["description"] == ""
    text = badger.read_text(encoding="utf-8").replace(
        '"invalid_domain": {\n        "message": "Bitte eine gültige Domäne oder Adresse hinzufügen.",\n        "description": ""',
        '"invalid_domain": {\n        "message": "Bitte eine gültige Domäne oder Adresse hinzufügen.",\n'
        '        "description": "termcheck: ignore[forbidden-rendering:domain]"')
    badger.write_text(text, encoding="utf-8")
    assert [f for f in findings(check_sample(root)) if f[3] == "forbidden-rendering"] == []


def test_a_walk_takes_locale_json_only(tmp_path):
    for name in ("package.json", "tsconfig.json", "src/config.json", "locales/de/app.json", "i18n/fr.json",
                 "public/_locales/de/messages.json", "lib/l10n/app_de.arb", "de.json",
                 "node_modules/x/locales/de.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    assert [p[len(str(tmp_path)) + 1 :] for p in iter_paths([str(tmp_path)])] == [
        "de.json", "i18n/fr.json", "lib/l10n/app_de.arb", "locales/de/app.json", "public/_locales/de/messages.json",
    ]


def test_named_files_that_are_no_translations_are_one_read_error(tmp_path):
    (tmp_path / "package.json").write_text('{\n  "name": "x",\n  "dependencies": {"a": "1"}\n}\n')
    (tmp_path / "list.json").write_text('["a", "b"]')
    (tmp_path / "bad.json").write_text('{"a": "b",\n "c": }')
    report = check(str(tmp_path / "package.json"), str(tmp_path / "list.json"), str(tmp_path / "bad.json"))
    assert sorted((f["path"].rsplit("/", 1)[1], f["line"], f["column"], f["message"]) for f in report["findings"]) == [
        ("bad.json", 2, 7, "malformed JSON: expecting a value"),
        ("list.json", 1, 1, "not a localization JSON file: the top level is an array, not an object"),
        ("package.json", 3, 3, "not a localization JSON file (it has a top-level 'dependencies')"),
    ]
