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
        "g.yml:16:5: term: unknown key 'colour' (expected one of: id, note, case_sensitive, renderings)",
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
