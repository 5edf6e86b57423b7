"""CSV export and import: one row per term and language, for spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from checker.glossary import GlossaryError, load_glossary, parse_glossary
from checker.glossary_csv import COLUMNS, export_csv, import_csv, join_renderings, split_renderings
from checker.glossary_yaml import GlossaryIOError, dump_glossary, glossary_data

ROOT = Path(__file__).resolve().parent.parent
HEADER = ",".join(COLUMNS)


def csv_import(text: str, name: str = "in.csv") -> dict:
    return import_csv(text.encode("utf-8"), name)


def test_repository_glossary_round_trips_through_csv():
    original = load_glossary(str(ROOT / "glossary.yml"))
    imported = csv_import(export_csv(original), "glossary.csv")
    assert imported == glossary_data(original)
    assert glossary_data(parse_glossary(dump_glossary(imported))) == glossary_data(original)


def test_export_rows():
    text = export_csv(load_glossary(str(ROOT / "glossary.yml")))
    lines = text.split("\r\n")
    assert lines[0] == HEADER
    assert "kyiv,en,Kyiv,,Kiev,Capital of Ukraine; English style guides adopted the Ukrainian-based spelling in 2019-2022,false" in lines
    assert "osce-abbreviation,de,OSZE,,,The abbreviation differs per language; written in capitals,true" in lines
    assert (
        "charter-of-paris,en,Charter of Paris for a New Europe,"
        "Paris Charter for New Europe | Charter of Paris | Paris Charter,,"
        '"Charter of Paris for a New Europe, CSCE Paris Summit, November 1990",false'
    ) in lines


def test_separators_quotes_and_newlines_round_trip():
    glossary = parse_glossary(
        "version: 1\nterms:\n  - id: odd\n"
        '    note: "a \\"quoted\\", note\\non two lines"\n'
        "    renderings:\n      en:\n        preferred: A|B\n"
        '        variants: ["C | D", "back\\\\slash", "x\\\\|y", "e, f"]\n'
        '        forbidden: ["\\\\"]\n'
    )
    text = export_csv(glossary)
    row = next(csv.reader(io.StringIO(text.split("\r\n", 1)[1])))
    assert row[2] == "A|B"  # one rendering: nothing to escape
    assert row[3] == "C \\| D | back\\\\slash | x\\\\\\|y | e, f"
    assert csv_import(text) == glossary_data(glossary)


def test_split_and_join():
    assert split_renderings("a | b|c |  | d ") == ["a", "b", "c", "d"]
    assert split_renderings(r"a\|b | c\\ | d\x") == ["a|b", "c\\", r"d\x"]
    items = ["a|b", "c\\", "\\|", "d"]
    assert split_renderings(join_renderings(items)) == items


def test_spreadsheet_variations_are_read():
    text = (
        "\ufeffLanguage;ID;Preferred;Forbidden;Note\r\n"
        "en;kyiv;Kyiv;Kiev;Capital of Ukraine\r\n"
        ";;;;\r\n"
        "en;osce;OSCE;;\r\n"
        "de;kyiv;Kyjiw;;\r\n"  # a term's rows need not be adjacent; the note is the term's
        "EN_gb;osce;OSCE;;\r\n"
    )
    data = csv_import(text)
    assert data == {
        "version": 1,
        "terms": [
            {"id": "kyiv", "note": "Capital of Ukraine", "case_sensitive": False, "renderings": {
                "en": {"preferred": "Kyiv", "variants": [], "forbidden": ["Kiev"]},
                "de": {"preferred": "Kyjiw", "variants": [], "forbidden": []},
            }},
            {"id": "osce", "note": None, "case_sensitive": False, "renderings": {
                "en": {"preferred": "OSCE", "variants": [], "forbidden": []},
                "en-GB": {"preferred": "OSCE", "variants": [], "forbidden": []},
            }},
        ],
    }
    tabs = csv_import("id\tlanguage\tpreferred\tcase_sensitive\na\ten\tOSCE\tyes\na\tfr\tOSCE\t\n")
    assert tabs["terms"][0]["case_sensitive"] is True


def bad(text: str) -> GlossaryIOError:
    with pytest.raises(GlossaryIOError) as exc:
        csv_import(text, "terms.csv")
    assert isinstance(exc.value, GlossaryError)
    return exc.value


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        (f"{HEADER},owner\n", 1, "unknown column 'owner'"),
        ("id,language,variants\n", 1, "missing column: preferred"),
        ("id,id,language,preferred\n", 1, "column 'id' given twice"),
        (f"{HEADER}\nkyiv,en,Kyiv,,,,\n,de,Kyjiw,,,,\n", 3, "missing id"),
        (f"{HEADER}\nkyiv,,Kyiv,,,,\n", 2, "term 'kyiv': missing language"),
        (f"{HEADER}\nkyiv,en, ,,,,\n", 2, "term 'kyiv' [en]: missing preferred rendering"),
        (f"{HEADER}\nKyiv,en,Kyiv,,,,\n", 2, "term id 'Kyiv' must be lowercase letters"),
        (f"{HEADER}\nkyiv,english,Kyiv,,,,\n", 2, "'english' is not a language code"),
        (f"{HEADER}\nkyiv,en,Kyiv,,,,\nkyiv,EN,Kyiv,,,,\n", 3, "term 'kyiv' [en]: second row (first at line 2)"),
        (f"{HEADER}\nkyiv,en,Kyiv,,,a,\nkyiv,de,Kyjiw,,,b,\n", 3, "note differs from the one at line 2"),
        (f"{HEADER}\nkyiv,en,Kyiv,,,,true\nkyiv,de,Kyjiw,,,,false\n", 3, "case_sensitive differs from the one at line 2"),
        (f"{HEADER}\nkyiv,en,Kyiv,,,,maybe\n", 2, "case_sensitive must be true or false, not 'maybe'"),
        (f"{HEADER}\nkyiv,en,Kyiv,Kiev,kiev,,\n", 2, "'kiev' listed twice (as variant and as forbidden)"),
        (f"{HEADER}\nkyiv,en,Kyiv,,,,,extra\n", 2, "8 fields, but the header names 7"),
        # a quoted note over three lines: the next row starts on line 5
        (f'{HEADER}\nkyiv,en,Kyiv,,,"one\ntwo\nthree",\nkyiv,de,,,,,\n', 5, "missing preferred"),
        (f'{HEADER}\nkyiv,en,"Ky"iv,,,,\n', 2, "malformed CSV"),
        ("", 1, "empty file"),
    ],
)
def test_bad_rows_name_their_line(rows, line, message):
    error = bad(rows)
    assert (error.path, error.line) == ("terms.csv", line)
    assert message in error.message
    assert str(error).startswith(f"terms.csv:{line}:1: ")


def test_duplicates_that_differ_in_case_are_fine_when_the_term_is_case_sensitive():
    # the flag is on a later row: duplicates are judged once every row is read
    data = csv_import(f"{HEADER}\nosce,en,OSCE,,Osce,,\nosce,de,OSZE,,,,true\n")
    assert data["terms"][0]["renderings"]["en"]["forbidden"] == ["Osce"]


def test_invalid_utf8_names_its_line():
    with pytest.raises(GlossaryIOError) as exc:
        import_csv(f"{HEADER}\nkyiv,de,Kyjiw,,,,\nkyiv,fr,".encode() + b"Kiev\xe9,,,,\n", "latin.csv")
    assert exc.value.line == 3 and "UTF-8" in exc.value.message
