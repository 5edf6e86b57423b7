"""`termcheck glossary lint | stats | suggest` end to end."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args: str, cwd: Path = ROOT):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


LINTY = """version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        variants: [Kievs]
        forbidden: [Kiev]
      xx: Kyiv
  - id: capital
    renderings:
      en:
        preferred: "Kyiv "
        variants: ["“capital”"]
      de: Hauptstadt
"""


def test_lint_reports_warnings_with_file_and_line(write):
    g = write("g.yml", LINTY)
    result = invoke("glossary", "lint", g)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{g}:9:1: warning: 'xx' is not a valid BCP 47 language tag") for line in lines)
    assert f"{g}:13:20: warning: 'Kyiv' [en] is also a rendering of 'kyiv' (line 6)" in lines
    assert f"{g}:13:20: warning: rendering 'Kyiv ' has leading or trailing spaces" in lines
    assert f"{g}:14:20: warning: rendering '“capital”' starts or ends with a quotation mark" in lines
    assert any(line.startswith(f"{g}:3:1: warning: term 'kyiv' has no rendering in de") for line in lines)


def test_lint_warns_when_renderings_share_keys(write):
    # "accounts" is a form of "account" and "Einträge" of "Eintrag" (issue 12): within a
    # term the matcher takes the spelling; across terms the first term takes them all.
    g = write("g.yml", """version: 1
terms:
  - id: account
    renderings:
      en:
        preferred: user account
        variants: [user accounts]
        forbidden: [user acount]
  - id: entry
    renderings:
      de: Eintrag
  - id: entries
    renderings:
      de: Einträge
""")
    lines = invoke("glossary", "lint", g).output.splitlines()
    assert f"{g}:7:20: warning: variant 'user accounts' and preferred 'user account' are the same words once reduced to dictionary forms [en]: inflected forms count as the first" in lines
    assert f"{g}:14:11: warning: 'Einträge' [de] of 'entries' and 'Eintrag' of 'entry' (line 11) are the same words to the matcher: every occurrence counts for 'entry'" in lines
    assert not any("user acount" in line for line in lines)


def test_lint_reports_what_check_rejects(write):
    g = write("g.yml", "version: 1\nterms:\n  - id: a\n    renderings:\n      en: ''\n")
    result = invoke("glossary", "lint", g)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{g}:5:11: error: term 'a' [en]: empty preferred rendering"


def test_lint_clean_glossary_exits_0(write):
    g = write("g.yml", "version: 1\nterms:\n  - id: a\n    renderings:\n      en: alpha\n")
    result = invoke("glossary", "lint", g)
    assert result.exit_code == 0 and result.output == ""


def test_stats_on_the_default_corpus():
    report = json.loads(invoke("glossary", "stats", "--format", "json").output)
    langs = {c["language"]: c for c in report["languages"]}
    assert langs["en"]["completeness"] == 1.0 and langs["en"]["seen"] == 15
    assert langs["de"]["with_rendering"] == 12
    terms = {(t["id"], t["language"]): t for t in report["terms"]}
    kyiv = {r["text"]: r["count"] for r in terms[("kyiv", "en")]["renderings"]}
    assert kyiv == {"Kyiv": 0, "Kiev": 2}
    undivided = {r["text"]: r["count"] for r in terms[("indivisible-security", "en")]["renderings"]}
    assert undivided["undivided security"] == 0 and undivided["indivisible security"] == 10


def test_stats_lists_terms_never_seen(write, tmp_path):
    g = write("g.yml", "version: 1\nterms:\n  - id: a\n    renderings:\n      en: alpha\n  - id: b\n    renderings:\n      en: beta\n")
    doc = write("en/a.txt", "Alpha and more alpha.")
    report = json.loads(invoke("glossary", "stats", "-g", g, doc, "--format", "json").output)
    assert report["never_seen"] == [{"id": "b", "language": "en"}]


def reduced(write) -> str:
    text = (ROOT / "glossary.yml").read_text(encoding="utf-8")
    for r in ("Sergei Lavrov", "Tony Blinken", "Paris Charter for New Europe", "indivisibility of security"):
        text = text.replace(f", {r}", "").replace(f"{r}, ", "").replace(f"[{r}]", "[]")
    return write("reduced.yml", text)


def test_suggest_finds_the_renderings_the_corpus_uses(write):
    g = reduced(write)
    report = json.loads(invoke("glossary", "suggest", "-g", g, "--format", "json").output)
    found = {(s["term"], s["text"]): s for s in report["suggestions"]}
    lavrov = found[("sergey-lavrov", "Sergei Lavrov")]
    assert lavrov["count"] == 2 and len(lavrov["documents"]) == 2 and lavrov["closest"] == "Sergey Lavrov"
    assert len(lavrov["contexts"]) == 2 and "[Sergei Lavrov]" in lavrov["contexts"][0]
    assert ("antony-blinken", "Tony Blinken") in found
    assert ("charter-of-paris", "Paris Charter for New Europe") in found
    assert found[("indivisible-security", "indivisibility of security")]["count"] == 4


def test_suggest_filters_by_term_and_count(write):
    g = reduced(write)
    report = json.loads(invoke("glossary", "suggest", "-g", g, "--format", "json", "--term", "sergey-lavrov").output)
    assert {s["term"] for s in report["suggestions"]} == {"sergey-lavrov"}
    report = json.loads(invoke("glossary", "suggest", "-g", g, "--format", "json", "--min-count", "2").output)
    assert all(s["count"] >= 2 for s in report["suggestions"]) and report["suggestions"]


def test_export_import_round_trip_via_cli(tmp_path):
    from checker.glossary import load_glossary

    original = load_glossary(str(ROOT / "glossary.yml"))
    for fmt in ("tbx", "csv"):
        exported = tmp_path / f"g.{fmt}"
        assert invoke("glossary", "export", "--format", fmt, "-o", str(exported)).exit_code == 0
        back = tmp_path / f"from-{fmt}.yml"
        assert invoke("glossary", "import", str(exported), "-o", str(back)).exit_code == 0
        again = load_glossary(str(back))
        assert [t.id for t in again.terms] == [t.id for t in original.terms]
        for a, b in zip(original.terms, again.terms):
            assert (a.note, a.case_sensitive) == (b.note, b.case_sensitive)
            assert {lang: [(r.text, r.status) for r in rs] for lang, rs in a.renderings.items()} == {
                lang: [(r.text, r.status) for r in rs] for lang, rs in b.renderings.items()
            }
        refused = invoke("glossary", "import", str(exported), "-o", str(back))
        assert refused.exit_code == 2


def test_import_refuses_a_malicious_tbx():
    result = CliRunner().invoke(main, ["glossary", "import", str(ROOT / "tests" / "data" / "tbx" / "billion-laughs.tbx")])
    assert result.exit_code == 2 and "Traceback" not in result.output and "entit" in result.output.lower()


def test_suggest_write_adds_variants_and_changes_only_those_lines(write):
    import difflib

    g = reduced(write)
    before = Path(g).read_text(encoding="utf-8")
    result = invoke("glossary", "suggest", "-g", g, "--term", "sergey-lavrov", "--term", "antony-blinken", "--write")
    assert result.exit_code == 0
    after = Path(g).read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        "-        variants: []", "+        variants: [Sergei Lavrov]",
        "-        variants: []", "+        variants: [Tony Blinken]",
    ]
    report = json.loads(invoke("glossary", "suggest", "-g", g, "--format", "json", "--term", "sergey-lavrov").output)
    assert report["suggestions"] == []  # now listed


def test_lint_reports_bad_match_modes_and_exceptions(write):
    g = write("g.yml", (
        "version: 1\nterms:\n  - id: kyiv\n    match: fuzzy\n    renderings:\n      en:\n        preferred: Kyiv\n"
        "        forbidden: [{text: Kiev, exceptions: Chicken Kiev}, {match: exact}]\n"
    ))
    result = invoke("glossary", "lint", g)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{g}:4:12: error: term 'kyiv': unknown match mode 'fuzzy' (expected one of: lemma, stem, exact)",
        f"{g}:8:46: error: term 'kyiv' [en] forbidden rendering: exceptions must be a list of phrases",
        f"{g}:8:61: error: term 'kyiv' [en] forbidden rendering: missing 'text'",
        "3 errors, 0 warnings",
    ]


def test_lint_warns_about_exceptions_that_can_never_apply(write):
    g = write("g.yml", """version: 1
terms:
  - id: kyiv
    exceptions: [Kievan Rus, Chicken Kyiv, Dnipro]
    renderings:
      en:
        preferred: Kyiv
        forbidden:
          - text: Kiev
            exceptions: [CHICKEN KIEV, Kiev–class, Kiev-class, Kyiv Pechersk]
      de: {text: Kyjiw, match: exact, exceptions: [Kyjiwer Rus]}
""")
    result = invoke("glossary", "lint", g)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{g}:4:44: warning: exception 'Dnipro' of term 'kyiv' contains none of its renderings: it can never apply",
        f"{g}:10:64: warning: exception 'Kyiv Pechersk' does not contain the rendering 'Kiev' [en]: it can never apply",
        "0 errors, 2 warnings",
    ]


def test_export_import_round_trip_of_match_modes_and_exceptions_via_cli(write, tmp_path):
    from checker.glossary import load_glossary

    g = write("g.yml", """version: 1
terms:
  - id: kyiv
    match: exact
    exceptions: [Kievan Rus]
    renderings:
      en:
        preferred: Kyiv
        forbidden:
          - text: Kiev
            exceptions: [Chicken Kiev, Kiev-class]
      de: {text: Kyjiw, match: lemma}
""")
    original = load_glossary(g)

    def model(glossary):
        return [(t.id, t.match, t.exceptions, [(r.text, r.status, r.match, r.exceptions, r.own_match, r.own_exceptions)
                                               for rs in t.renderings.values() for r in rs]) for t in glossary.terms]

    for fmt in ("tbx", "csv"):
        exported = tmp_path / f"g.{fmt}"
        assert invoke("glossary", "export", "-g", g, "--format", fmt, "-o", str(exported)).exit_code == 0
        back = tmp_path / f"from-{fmt}.yml"
        assert invoke("glossary", "import", str(exported), "-o", str(back)).exit_code == 0
        assert model(load_glossary(str(back))) == model(original)


def test_glossary_messages_count_in_words(write):
    g = write("g.yml", "version: 1\nterms:\n  - id: a\n    renderings:\n      en: alpha\n      de: Alpha\n"
                       "  - id: b\n    renderings:\n      en: beta\n      xx: beta\n")
    doc = write("en/a.txt", "Alpha and more alpha.")
    assert "(1 document checked)" in invoke("glossary", "stats", "-g", g, doc).output
    bad = write("bad.yml", "version: 1\nterms:\n  - id: a\n    match: fuzzy\n    renderings:\n      en: alpha\n")
    assert invoke("glossary", "lint", bad).output.splitlines()[-1] == "1 error, 0 warnings"
