"""Loading glossary.yml: the format, shorthand, and one clear line per problem."""

from __future__ import annotations

import pytest

from checker.glossary import GlossaryError, load_glossary, parse_glossary


def problems(text: str) -> list[str]:
    with pytest.raises(GlossaryError) as exc:
        parse_glossary(text, "g.yml")
    return [str(p) for p in exc.value.problems]


def test_full_and_shorthand_renderings():
    g = parse_glossary(
        """
version: 1
terms:
  - id: indivisible-security
    note: OSCE principle
    renderings:
      en:
        preferred: indivisible security
        variants: [indivisibility of security]
        forbidden: [undivided security]
      de: unteilbare Sicherheit
      no: udelelig sikkerhet
"""
    )
    (term,) = g.terms
    assert term.note == "OSCE principle" and term.case_sensitive is False
    assert [(r.text, r.status) for r in term.renderings["en"]] == [
        ("indivisible security", "preferred"),
        ("indivisibility of security", "variant"),
        ("undivided security", "forbidden"),
    ]
    assert term.preferred("de").text == "unteilbare Sicherheit"
    # 'no' stays Norwegian, not YAML's boolean false
    assert term.preferred("no").text == "udelelig sikkerhet"
    assert term.renderings["en"][1].line == 9
    assert g.languages == ("de", "en", "no")


def test_default_glossary_loads(root):
    g = load_glossary(str(root / "glossary.yml"))
    ids = {t.id for t in g.terms}
    assert {"indivisible-security", "sphere-of-influence", "as-they-evolve", "kyiv"} <= ids


def test_yaml_syntax_error_names_the_line():
    (p,) = problems("version: 1\nterms:\n  - id: a\n    renderings: [unclosed\n")
    assert p.startswith("g.yml:5:") or p.startswith("g.yml:4:")
    assert "YAML syntax error" in p


def test_every_problem_reported_with_its_line():
    text = """version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev, Kiev]
  - id: kyiv
    renderings:
      en: Kyiv
  - id: Bad_Id
    renderings:
      en:
        variants: [x]
  - id: empty
    colour: red
    renderings:
      en: ""
"""
    assert problems(text) == [
        "g.yml:7:27: term 'kyiv' [en]: rendering 'Kiev' listed twice (as forbidden at line 7 and as forbidden)",
        "g.yml:8:5: duplicate term id 'kyiv' (first at line 3)",
        "g.yml:11:9: term id 'Bad_Id' must be lowercase letters, digits and '-'",
        "g.yml:13:7: term 'Bad_Id' [en]: missing 'preferred'",
        "g.yml:16:5: term: unknown key 'colour' (expected one of: id, note, case_sensitive, match, exceptions, renderings)",
        "g.yml:18:11: term 'empty' [en]: empty preferred rendering",
    ]


def test_empty_rendering():
    (p,) = problems("version: 1\nterms:\n  - id: a\n    renderings:\n      en: ''\n")
    assert p == "g.yml:5:11: term 'a' [en]: empty preferred rendering"


def test_rendering_listed_twice_ignores_case_and_spacing():
    (p,) = problems(
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n        preferred: Kyiv\n        variants: ['kyiv ']\n"
    )
    assert "listed twice" in p and p.startswith("g.yml:7:")


def test_duplicate_yaml_key_is_not_silently_overwritten():
    (p,) = problems("version: 1\nterms:\n  - id: a\n    id: b\n    renderings:\n      en: x\n")
    assert p == "g.yml:4:5: term: duplicate key 'id' (first at line 3)"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "glossary is empty"),
        ("terms: []\n", "missing 'version: 1'"),
        ("version: 2\nterms: []\n", "unsupported glossary version '2'"),
        ("version: 1\nterms: {}\n", "'terms' must be a list"),
        ("version: 1\nterms:\n  - id: a\n    renderings:\n      english!: x\n", "not a language code"),
        ("version: 1\nterms:\n  - id: a\n    case_sensitive: maybe\n    renderings:\n      en: x\n", "true or false"),
        ("version: 1\nterms:\n  - id: a\n", "missing 'renderings'"),
    ],
)
def test_structural_problems(text, message):
    assert any(message in p for p in problems(text))


def test_unreadable_and_undecodable_files(tmp_path):
    with pytest.raises(GlossaryError) as exc:
        load_glossary(str(tmp_path / "missing.yml"))
    assert "cannot read glossary" in str(exc.value)
    bad = tmp_path / "latin1.yml"
    bad.write_bytes("version: 1\nterms:\n  - id: k\n    note: caf\xe9\n".encode("latin-1"))
    with pytest.raises(GlossaryError) as exc:
        load_glossary(str(bad))
    assert str(exc.value) == f"{bad}:4:1: glossary is not valid UTF-8"


# -- match modes and exceptions -----------------------------------------------------------

KYIV = """version: 1
terms:
  - id: kyiv
    match: exact
    exceptions: [Kievan Rus]
    renderings:
      en:
        preferred: Kyiv
        variants: [{text: Kyyiv, match: stem}]
        forbidden:
          - text: Kiev
            exceptions: [Chicken Kiev, kievan rus, Kiev-class]
          - Kiew
      de: {text: Kyjiw, match: lemma, exceptions: [Kyjiw-Petschersk]}
  - id: plain
    renderings:
      en: plain
"""


def test_match_and_exceptions_on_term_and_rendering_give_effective_values():
    g = parse_glossary(KYIV)
    kyiv, plain = g.terms
    assert (kyiv.match, kyiv.exceptions) == ("exact", ("Kievan Rus",))
    en = {r.text: r for r in kyiv.renderings["en"]}
    # the term's settings, unless the rendering sets its own
    assert (en["Kyiv"].match, en["Kyiv"].exceptions, en["Kyiv"].own_match, en["Kyiv"].own_exceptions) == (
        "exact", ("Kievan Rus",), None, ()
    )
    assert (en["Kyyiv"].status, en["Kyyiv"].match, en["Kyyiv"].own_match) == ("variant", "stem", "stem")
    # the term's exceptions first, then the rendering's, a repeat (in another case) dropped
    kiev = en["Kiev"]
    assert (kiev.status, kiev.match) == ("forbidden", "exact")
    assert kiev.exceptions == ("Kievan Rus", "Chicken Kiev", "Kiev-class")
    assert kiev.own_exceptions == ("Chicken Kiev", "kievan rus", "Kiev-class")
    assert (kiev.line, kiev.column) == (11, 19)  # where its text is
    assert en["Kiew"].exceptions == ("Kievan Rus",) and en["Kiew"].match == "exact"
    # a mapping as the shorthand is the preferred rendering
    (de,) = kyiv.renderings["de"]
    assert (de.text, de.status, de.match) == ("Kyjiw", "preferred", "lemma")
    assert de.exceptions == ("Kievan Rus", "Kyjiw-Petschersk")
    # nothing set: the language's default, no exceptions
    (p,) = plain.renderings["en"]
    assert (plain.match, plain.exceptions, p.match, p.exceptions) == (None, (), None, ())
    # renderings are still one object each
    assert en["Kyiv"] != parse_glossary(KYIV).terms[0].renderings["en"][0]


def test_glossaries_without_match_or_exceptions_load_as_before(root):
    g = load_glossary(str(root / "glossary.yml"))
    assert all(t.match is None and t.exceptions == () for t in g.terms)
    assert all(r.match is None and r.exceptions == () for lang in g.languages for r in g.renderings(lang))


def test_bad_match_modes_and_exceptions_name_their_place():
    text = """version: 1
terms:
  - id: kyiv
    match: fuzzy
    exceptions: Chicken Kiev
    renderings:
      en:
        preferred: {match: exact}
        variants: [{text: Kyyiv, colour: red}, [x], {text: [y]}]
        forbidden:
          - text: Kiev
            exceptions: [Chicken Kiev, "", [a]]
            match: Exact
      de: {text: Kyjiw, exceptions: {a: b}}
"""
    assert problems(text) == [
        "g.yml:4:12: term 'kyiv': unknown match mode 'fuzzy' (expected one of: lemma, stem, exact)",
        "g.yml:5:17: term 'kyiv': exceptions must be a list of phrases",
        "g.yml:8:20: term 'kyiv' [en] preferred rendering: missing 'text'",
        "g.yml:9:34: term 'kyiv' [en] variant rendering: unknown key 'colour' (expected one of: text, match, exceptions)",
        "g.yml:9:48: term 'kyiv' [en]: a variant rendering must be a string or a {text: ...} mapping",
        "g.yml:9:60: term 'kyiv' [en] variant rendering text must be a string",
        "g.yml:12:40: term 'kyiv' [en] forbidden rendering: empty exception",
        "g.yml:12:44: term 'kyiv' [en] forbidden rendering: each exception must be a string",
        "g.yml:13:20: term 'kyiv' [en] forbidden rendering: unknown match mode 'Exact' (expected one of: lemma, stem, exact); "
        "did you mean 'exact'?",
        "g.yml:14:37: term 'kyiv' [de] preferred rendering: exceptions must be a list of phrases",
    ]


def test_rendering_mappings_are_checked_like_strings():
    text = (
        "version: 1\nterms:\n  - id: a\n    renderings:\n      en:\n        preferred: {text: Kyiv}\n"
        "        forbidden: [{text: KYIV}, {text: ' '}]\n"
    )
    assert problems(text) == [
        "g.yml:7:28: term 'a' [en]: rendering 'KYIV' listed twice (as preferred at line 6 and as forbidden)",
        "g.yml:7:42: term 'a' [en]: empty forbidden rendering",
    ]
