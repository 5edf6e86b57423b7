"""CSV export and import: one row per term and language, for spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from checker.glossary import GlossaryError, GlossaryIOError, load_glossary, parse_glossary
from checker.glossary.data import glossary_data
from checker.glossary.dump import dump_glossary
from checker.glossary.csv_io import COLUMNS, export_csv, import_csv, join_renderings, split_renderings

ROOT = Path(__file__).resolve().parents[2]
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


# -- match modes and exceptions -----------------------------------------------------------

MATCHING = """version: 1
terms:
  - id: kyiv
    match: exact
    exceptions: [Kievan Rus, "Kyiv | Co"]
    renderings:
      en:
        preferred: Kyiv
        variants: [{text: Kyyiv, match: stem}]
        forbidden:
          - text: Kiev
            exceptions: [Chicken Kiev, Kievan Rus, "Kiev \\"class\\""]
      de: {text: Kyjiw, match: lemma, exceptions: [Kyjiw-Petschersk]}
  - id: osce
    renderings:
      en: OSCE
"""


def model(glossary) -> list:
    return [
        (t.id, t.note, t.case_sensitive, t.match, t.exceptions, [
            (r.language, r.text, r.status, r.match, r.exceptions, r.own_match, r.own_exceptions)
            for rs in t.renderings.values() for r in rs
        ])
        for t in glossary.terms
    ]


def test_match_modes_and_exceptions_round_trip_through_csv():
    original = parse_glossary(MATCHING)
    text = export_csv(original)
    lines = text.split("\r\n")
    assert lines[0] == HEADER + ",match,exceptions,rendering_options"
    assert lines[3] == "osce,en,OSCE,,,,false,,,"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert (rows[0]["match"], rows[0]["exceptions"]) == ("exact", "Kievan Rus | Kyiv \\| Co")
    assert rows[0]["rendering_options"] == (
        '{"Kyyiv": {"match": "stem"}, "Kiev": {"exceptions": ["Chicken Kiev", "Kievan Rus", "Kiev \\"class\\""]}}'
    )
    imported = csv_import(text)
    assert imported == glossary_data(original)
    assert model(parse_glossary(dump_glossary(imported))) == model(original)


def test_match_columns_are_written_only_when_used():
    assert export_csv(parse_glossary("version: 1\nterms:\n  - id: a\n    renderings:\n      en: x\n")).split("\r\n")[0] == HEADER
    # a glossary that sets only a rendering's match still gets them
    text = export_csv(parse_glossary("version: 1\nterms:\n  - id: a\n    renderings:\n      en: {text: x, match: exact}\n"))
    assert text.split("\r\n")[:2] == [HEADER + ",match,exceptions,rendering_options", 'a,en,x,,,,false,,,"{""x"": {""match"": ""exact""}}"']


def test_match_columns_are_read_in_any_order_and_agree_over_a_term():
    data = csv_import(
        "id,language,preferred,forbidden,rendering_options,exceptions,match\n"
        'kyiv,en,Kyiv,Kiev,"{""Kiev"": {""exceptions"": [""Chicken  Kiev""]}}",Kievan Rus,exact\n'
        "kyiv,de,Kyjiw,,,,\n"  # blank: as on the term's other rows
    )
    (term,) = data["terms"]
    assert (term["match"], term["exceptions"]) == ("exact", ["Kievan Rus"])
    assert term["renderings"]["en"]["forbidden"] == [{"text": "Kiev", "exceptions": ["Chicken Kiev"]}]
    assert term["renderings"]["de"] == {"preferred": "Kyjiw", "variants": [], "forbidden": []}


MATCH_HEADER = HEADER + ",match,exceptions,rendering_options"


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        (f"{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,fuzzy,,\n", 2, "term 'kyiv': unknown match mode 'fuzzy'"),
        (f"{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,exact,,\nkyiv,de,Kyjiw,,,,,stem,,\n", 3,
         "term 'kyiv': match differs from the one at line 2"),
        (f"{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,,a,\nkyiv,de,Kyjiw,,,,,,b,\n", 3,
         "term 'kyiv': exceptions differ from the ones at line 2"),
        (f"{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,,,{{x\n", 2, "term 'kyiv' [en]: rendering_options is not valid JSON"),
        (f'{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,,,"[1]"\n', 2, "term 'kyiv' [en]: rendering_options must be a JSON object"),
        (f'{MATCH_HEADER}\nkyiv,en,Kyiv,,Kiev,,,,,"{{""Kiew"": {{}}}}"\n', 2,
         "term 'kyiv' [en]: rendering_options: 'Kiew' is not a rendering of this row"),
        (f'{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,,,"{{""Kyiv"": {{""mode"": ""exact""}}}}"\n', 2,
         "'Kyiv' must map to an object with \"match\" and/or \"exceptions\""),
        (f'{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,,,"{{""Kyiv"": {{""match"": ""Exact""}}}}"\n', 2,
         "'Kyiv': unknown match mode 'Exact'"),
        (f'{MATCH_HEADER}\nkyiv,en,Kyiv,,,,,,,"{{""Kyiv"": {{""exceptions"": [""a"", "" ""]}}}}"\n', 2,
         "'Kyiv': exceptions must be a list of non-empty strings"),
    ],
)
def test_bad_match_cells_name_their_line(rows, line, message):
    error = bad(rows)
    assert error.line == line
    assert message in error.message
