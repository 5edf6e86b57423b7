"""Writing glossary.yml and editing it without touching what terminologists wrote."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.glossary import GlossaryError, load_glossary, parse_glossary
from checker.glossary import GlossaryEditError
from checker.glossary.data import glossary_data
from checker.glossary.dump import dump_glossary, round_trip
from checker.glossary.edit import add_renderings
from checker.glossary.yaml_nodes import detect_indent

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "yaml" / "commented-glossary.yml"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) of a line diff."""
    removed, added = [], []
    for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        (removed if line[0] == "-" else added).append(line[1:])
    return removed, added


def content(text: str) -> dict:
    return glossary_data(parse_glossary(text))


# -- round trip through ruamel.yaml -------------------------------------------------------


@pytest.mark.parametrize("path", [ROOT / "glossary.yml", FIXTURE], ids=["repository", "commented"])
def test_untouched_round_trip_is_byte_identical(path):
    text = read(path)
    assert round_trip(text) == text


def test_round_trip_keeps_other_indentations():
    four = (
        "version: 1\nterms:\n    -   id: kyiv\n        note: Capital   # since 2019\n        renderings:\n"
        "            en:\n                preferred: Kyiv\n                forbidden:\n                    -   Kiev\n"
        "            de: Kyjiw\n"
    )
    indentless = "version: 1\nterms:\n- id: kyiv\n  renderings:\n    en:\n      preferred: Kyiv\n      forbidden:\n      - Kiev\n"
    assert detect_indent(four) == (4, 8, 4)
    assert detect_indent(indentless) == (2, 2, 0)
    assert detect_indent(read(ROOT / "glossary.yml")) == (2, 4, 2)
    assert round_trip(four) == four
    assert round_trip(indentless) == indentless


# -- dump_glossary --------------------------------------------------------------------------


def test_dump_of_repository_glossary_loads_equal():
    original = load_glossary(str(ROOT / "glossary.yml"))
    text = dump_glossary(glossary_data(original), header="written by a test")
    assert text.startswith("# written by a test\nversion: 1\nterms:\n  - id: indivisible-security\n")
    assert content(text) == glossary_data(original)
    # the format the brief asks for: shorthand, flow lists, a blank line between terms
    assert "      ru: неделимость безопасности\n" in text
    assert "        variants: [indivisibility of security]\n        forbidden: [undivided security]\n" in text
    assert "\n\n  - id: sphere-of-influence\n" in text
    assert text.count("case_sensitive: true") == 1 and "case_sensitive: false" not in text
    assert round_trip(text) == text


def test_dump_quotes_what_other_yaml_readers_would_not_read_as_strings():
    data = {
        "version": 1,
        "terms": [
            {
                "id": "odd",
                "note": "first line\nsecond: line",
                "case_sensitive": False,
                "renderings": {
                    "no": {"preferred": "yes", "variants": ["1.0", "a, b", "x: y"], "forbidden": ["#hash", "[x]"]},
                    "en": {"preferred": "it's \"quoted\"", "variants": [], "forbidden": []},
                },
            }
        ],
    }
    text = dump_glossary(data)
    assert '"no":' in text and "note: |-\n" in text
    assert content(text) == data
    # PyYAML's default (YAML 1.1) loader reads the same strings, not booleans or floats
    loaded = yaml.safe_load(text)["terms"][0]
    assert loaded["renderings"]["no"]["preferred"] == "yes"
    assert loaded["renderings"]["no"]["variants"] == ["1.0", "a, b", "x: y"]


def test_dump_refuses_a_language_without_preferred():
    data = {"version": 1, "terms": [{"id": "a", "renderings": {"en": {"preferred": "", "variants": ["x"], "forbidden": []}}}]}
    with pytest.raises(ValueError, match="no preferred"):
        dump_glossary(data)


# -- add_renderings: only the lines that must change change -------------------------------


def test_additions_to_the_commented_fixture_change_only_their_lines():
    before = read(FIXTURE)
    after = add_renderings(
        before,
        [
            ("indivisible-security", "en", "indivisible-security x", "variant"),  # flow list, appended in place
            ("indivisible-security", "de", "ungeteilte Sicherheit", "forbidden"),  # new key after a block list
            ("indivisible-security", "de", "Unteilbarkeit", "variant"),  # block list gets an item
            ("indivisible-security", "ru", "неделимая безопасность", "variant"),  # shorthand -> mapping
            ("kyiv", "en", "Kyjiw", "variant"),  # new key after preferred, before forbidden
            ("kyiv", "de", "Kiew", "variant"),  # shorthand with a comment
            ("kyiv", "en", "Kiev", "forbidden"),  # already there: nothing to do
            ("kyiv", "it", "Kyiv", "preferred"),  # new language, shorthand
            ("kyiv", "pl", "Kijów", "preferred"),  # new language, mapping
            ("kyiv", "PL", "Kijow", "variant"),
            ("osce-abbreviation", "de", "OSCE", "forbidden"),  # flow mapping
            ("osce-abbreviation", "fr", "OSCE", "preferred"),
            ("quoting", "no", "yes", "variant"),  # quoted so it stays a string everywhere
            ("quoting", "en", "e, f", "forbidden"),
        ],
    )
    removed, added = changes(before, after)
    assert removed == [
        "        variants: [indivisibility of security, 'security that is indivisible']\n",
        "      ru: неделимость безопасности\n",
        "      de: 'Kyjiw'   # Duden\n",
        "    renderings: {en: OSCE, de: OSZE}\n",
        '      "no": udelelig sikkerhet\n',
    ]
    assert added == [
        "        variants: [indivisibility of security, 'security that is indivisible', indivisible-security x]\n",
        "          - Unteilbarkeit\n",
        "        forbidden: [ungeteilte Sicherheit]\n",
        "      ru:\n",
        "        preferred: неделимость безопасности\n",
        "        variants: [неделимая безопасность]\n",
        "        variants: [Kyjiw]\n",
        "      de:\n",
        "        preferred: 'Kyjiw'   # Duden\n",
        "        variants: [Kiew]\n",
        "      it: Kyiv\n",
        "      pl:\n",
        "        preferred: Kijów\n",
        "        variants: [Kijow]\n",
        "    renderings: {en: OSCE, de: {preferred: OSZE, forbidden: [OSCE]}, fr: OSCE}\n",
        '      "no":\n',
        "        preferred: udelelig sikkerhet\n",
        '        variants: ["yes"]\n',
        '        forbidden: ["e, f"]\n',
    ]
    # the diff is all there is: every other line, comments and blank lines included, is kept
    assert len(after.splitlines()) == len(before.splitlines()) - len(removed) + len(added)
    terms = {t["id"]: t for t in content(after)["terms"]}
    assert terms["kyiv"]["renderings"]["pl"] == {"preferred": "Kijów", "variants": ["Kijow"], "forbidden": []}
    assert terms["indivisible-security"]["renderings"]["de"]["variants"][-1] == "Unteilbarkeit"
    assert round_trip(after) == after


def test_additions_to_the_repository_glossary():
    before = read(ROOT / "glossary.yml")
    after = add_renderings(
        before, [("kyiv", "ru", "Киів", "forbidden"), ("osce", "en", "Organisation for Security & Co-operation", "variant")]
    )
    removed, added = changes(before, after)
    assert removed == ["      ru: Киев\n"]
    assert added == [
        "          - Organisation for Security & Co-operation\n",
        "      ru:\n",
        "        preferred: Киев\n",
        "        forbidden: [Киів]\n",
    ]
    # the block list item is added below the last one, with the same indentation
    assert (
        "          - Organisation for Security and Cooperation in Europe\n"
        "          - Organisation for Security & Co-operation\n"
    ) in after


def test_scalar_and_empty_lists_are_extended():
    before = (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n        preferred: one\n"
        "        variants: two, three\n        forbidden: []\n"
    )
    after = add_renderings(before, [("a", "en", "four", "variant"), ("a", "en", "five", "forbidden")])
    assert changes(before, after) == (
        ["        variants: two, three\n", "        forbidden: []\n"],
        ['        variants: ["two, three", four]\n', "        forbidden: [five]\n"],
    )


def test_multi_line_shorthand_is_rewritten_on_one_line():
    before = "version: 1\nterms:\n  - id: a\n    renderings:\n      en: >-\n        a long\n        rendering\n      de: b\n"
    after = add_renderings(before, [("a", "en", "short", "variant")])
    assert after == (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n        preferred: a long rendering\n"
        "        variants: [short]\n      de: b\n"
    )


def test_line_ends_bom_and_last_line_are_kept():
    before = "\ufeffversion: 1\r\nterms:\r\n  - id: a\r\n    renderings:\r\n      en: one"
    after = add_renderings(before, [("a", "en", "two", "variant"), ("a", "de", "eins", "preferred")])
    assert after == (
        "\ufeffversion: 1\r\nterms:\r\n  - id: a\r\n    renderings:\r\n      en:\r\n        preferred: one\r\n"
        "        variants: [two]\r\n      de: eins\r\n"
    )
    # a last line without line end keeps it when nothing goes after it
    before = "version: 1\nterms:\n  - id: a\n    renderings:\n      en: {preferred: one, variants: [two]}"
    assert add_renderings(before, [("a", "en", "three", "variant")]) == before.replace("two]", "two, three]")


def test_nothing_to_add_returns_the_text_unchanged():
    before = read(FIXTURE)
    assert add_renderings(before, [("kyiv", "en", "KIEV", "forbidden"), ("kyiv", "en", "kyiv", "preferred")]) is before


@pytest.mark.parametrize(
    ("addition", "message"),
    [
        (("nope", "en", "x", "variant"), "no term 'nope'"),
        (("kyiv", "english", "x", "variant"), "not a language code"),
        (("kyiv", "en", "x", "admitted"), "unknown status"),
        (("kyiv", "en", "  ", "variant"), "empty rendering"),
        (("kyiv", "en", "kiev", "variant"), "already a forbidden rendering"),
        (("kyiv", "en", "Kyjiw", "preferred"), "already has the preferred rendering 'Kyiv'"),
        (("kyiv", "es", "Kiev", "forbidden"), "has no 'es' rendering"),
    ],
)
def test_additions_that_cannot_be_made(addition, message):
    with pytest.raises(GlossaryEditError, match=message):
        add_renderings(read(FIXTURE), [addition])


def test_an_invalid_glossary_is_not_edited():
    with pytest.raises(GlossaryError):
        add_renderings("version: 1\nterms:\n  - id: a\n", [("a", "en", "x", "preferred")])


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en: &x {preferred: one}\n  - id: b\n    renderings:\n      en: *x\n",
        "version: 1\nterms:\n  - id: a\n    renderings:\n      de: &x eins\n  - id: b\n    renderings:\n      en: *x\n",
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en: {preferred: x, variants: &v [y]}\n"
        "  - id: b\n    renderings:\n      en:\n        preferred: one\n        variants: *v\n",
    ],
    ids=["language", "shorthand", "list"],
)
def test_renderings_shared_through_an_alias_are_refused(text):
    # a glossary with anchors and aliases does not load at all (issue 13): nothing is edited
    with pytest.raises(GlossaryError, match="anchors and aliases are not allowed"):
        add_renderings(text, [("b", "en", "two", "variant")])


def test_layouts_of_the_file_are_followed():
    # a shorthand written on the next line; a language indented by 4; a list item after `-   `
    before = (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n          preferred: one\n"
        "          forbidden:\n          -   bad\n      de:\n        eins\n"
    )
    after = add_renderings(before, [("a", "de", "zwei", "variant"), ("a", "en", "worse", "forbidden")])
    assert after == (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n          preferred: one\n"
        "          forbidden:\n          -   bad\n          -   worse\n      de:\n          preferred: eins\n"
        "          variants: [zwei]\n"
    )


def test_importing_the_module_loads_no_yaml_writer():
    probe = (
        "import sys, checker.glossary.dump, checker.glossary.edit, checker.glossary.tbx, checker.glossary.tbx_import, checker.glossary.csv_io; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('ruamel', 'defusedxml', 'yaml')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- match modes and exceptions -------------------------------------------------------------

MATCHING = """version: 1
terms:
  - id: kyiv
    match: exact   # no inflection
    exceptions: [Kievan Rus]
    renderings:
      en:
        preferred: Kyiv
        forbidden:
          - text: Kiev
            exceptions: [Chicken Kiev, 'Kiev-class']   # ship names
          - {text: Kiew, match: stem}
      de: {text: Kyjiw, match: lemma}   # Duden
      fr:
        text: Kyiv
        exceptions:
          - Kyiv-Pechersk
      uk:
        preferred:
          text: Київ
          match: lemma
        variants: [{text: Киев, exceptions: ["Киев-Печерск"]}]

  - id: osce
    exceptions:
      - OSCE PA
    renderings: {en: {text: OSCE, match: exact}, de: OSZE}
"""


def test_glossary_with_match_modes_and_exceptions_loads_and_round_trips_byte_identical():
    terms = content(MATCHING)["terms"]
    assert [t.get("match") for t in terms] == ["exact", None]
    assert round_trip(MATCHING) == MATCHING


def test_additions_to_a_term_that_uses_rendering_mappings():
    after = add_renderings(
        MATCHING,
        [
            ("kyiv", "en", "Kyjiv", "variant"),  # new key after a plain preferred
            ("kyiv", "en", "Kijev", "forbidden"),  # block list of mappings gets an item
            ("kyiv", "de", "Kiew", "forbidden"),  # flow mapping shorthand -> preferred
            ("kyiv", "fr", "Kiev", "forbidden"),  # block mapping shorthand -> preferred, one level deeper
            ("kyiv", "uk", "Киів", "forbidden"),  # after a preferred given as a block mapping
            ("osce", "en", "O.S.C.E.", "variant"),  # flow mapping inside flow renderings
        ],
    )
    removed, added = changes(MATCHING, after)
    assert removed == [
        "      de: {text: Kyjiw, match: lemma}   # Duden\n",
        "        text: Kyiv\n",
        "        exceptions:\n",
        "          - Kyiv-Pechersk\n",
        "    renderings: {en: {text: OSCE, match: exact}, de: OSZE}\n",
    ]
    assert added == [
        "        variants: [Kyjiv]\n",
        "          - Kijev\n",
        "      de:\n",
        "        preferred: {text: Kyjiw, match: lemma}   # Duden\n",
        "        forbidden: [Kiew]\n",
        "        preferred:\n",
        "          text: Kyiv\n",
        "          exceptions:\n",
        "            - Kyiv-Pechersk\n",
        "        forbidden: [Kiev]\n",
        "        forbidden: [Киів]\n",
        "    renderings: {en: {preferred: {text: OSCE, match: exact}, variants: [O.S.C.E.]}, de: OSZE}\n",
    ]
    # the settings stay where they were
    before, now = parse_glossary(MATCHING), parse_glossary(after)
    for old, new in zip(before.terms, now.terms):
        assert (old.match, old.exceptions) == (new.match, new.exceptions)
        for lang, rs in old.renderings.items():
            kept = {r.text: (r.match, r.exceptions) for r in new.renderings[lang]}
            assert all(kept[r.text] == (r.match, r.exceptions) for r in rs)
    fr = {r.text: r for r in now.by_id["kyiv"].renderings["fr"]}
    assert fr["Kyiv"].exceptions == ("Kievan Rus", "Kyiv-Pechersk") and fr["Kiev"].match == "exact"
    assert round_trip(after) == after


def test_a_rendering_mapping_over_several_lines_is_rewritten_on_one():
    before = (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en: {text: one,\n           match: exact}\n"
    )
    after = add_renderings(before, [("a", "en", "two", "variant")])
    assert after == (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n        preferred: {text: one, match: exact}\n"
        "        variants: [two]\n"
    )


def test_dump_writes_match_modes_and_exceptions():
    data = glossary_data(parse_glossary(MATCHING))
    assert data["terms"][0]["match"] == "exact" and data["terms"][0]["exceptions"] == ["Kievan Rus"]
    assert data["terms"][0]["renderings"]["en"]["forbidden"] == [
        {"text": "Kiev", "exceptions": ["Chicken Kiev", "Kiev-class"]},
        {"text": "Kiew", "match": "stem"},
    ]
    assert data["terms"][0]["renderings"]["de"]["preferred"] == {"text": "Kyjiw", "match": "lemma"}
    assert "match" not in data["terms"][1] and data["terms"][1]["renderings"]["de"]["preferred"] == "OSZE"
    text = dump_glossary(data)
    assert "    match: exact\n    exceptions: [Kievan Rus]\n" in text
    assert "        forbidden: [{text: Kiev, exceptions: [Chicken Kiev, Kiev-class]}, {text: Kiew, match: stem}]\n" in text
    assert "      de:\n        preferred: {text: Kyjiw, match: lemma}\n" in text
    assert content(text) == data
    assert round_trip(text) == text
