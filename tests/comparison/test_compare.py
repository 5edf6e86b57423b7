"""`termcheck compare`: sentence alignment of versions, divergent renderings and omitted terms."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.comparison import run_compare
from checker.glossary import parse_glossary

GLOSS_YAML = """version: 1
terms:
  - id: indivisible-security
    renderings:
      en:
        preferred: indivisible security
        variants: [indivisibility of security]
  - id: sphere-of-influence
    renderings:
      en: sphere of influence
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
"""
GLOSSARY = parse_glossary(GLOSS_YAML)

REFERENCE = """The principle of indivisible security is fundamental to European security.

No State can consider any part of the area as its sphere of influence.

The ministers met in Kyiv on Tuesday to discuss the next steps.
"""
REPORT = """Moscow said the principle of the indivisibility of security is fundamental to security in Europe.

The ministers met in Kyiv on Tuesday to discuss the next steps of the talks.

Weather in the capital was cold and snowy all week.
"""


def compare(write, reference=REFERENCE, report=REPORT):
    a = write("en/ref.txt", reference)
    b = write("en/report.txt", report)
    return run_compare([a, b], GLOSSARY), a, b


def test_alignment_pairs_what_says_the_same(write):
    result, a, b = compare(write)
    (c,) = result.comparisons
    assert [(p.reference, p.other) for p in c.pairs] == [((0,), (0,)), ((2,), (1,))]
    assert all(p.score > 30 for p in c.pairs)
    assert c.similarity.aligned_reference == pytest.approx(2 / 3, abs=1e-3)
    assert c.similarity.aligned_other == pytest.approx(2 / 3, abs=1e-3)
    assert c.similarity.chrf > 50 and 0 < c.similarity.bleu <= 100
    assert c.similarity.chrf_signature.startswith("nrefs:1|case:mixed")


def test_divergent_rendering_points_at_both_places(write):
    result, a, b = compare(write)
    (f,) = [f for f in result.findings if f.rule == "divergent-rendering"]
    assert (f.path, f.line, f.column, f.term, f.text, f.severity) == (
        b, 1, 34, "indivisible-security", "indivisibility of security", "warning"
    )
    assert [(r.path, r.line, r.column) for r in f.related] == [(a, 1, 18)]


def test_term_omitted_from_the_other_document(write):
    result, a, b = compare(write)
    omitted = [(f.path, f.line, f.term, f.severity) for f in result.findings if f.rule == "term-omitted"]
    assert omitted == [(a, 3, "sphere-of-influence", "info")]


def test_term_omitted_from_the_aligned_passage_only(write):
    reference = REFERENCE.replace("met in Kyiv", "met in Kyiv and spoke of indivisible security")
    result, a, b = compare(write, reference=reference)
    passage = [f for f in result.findings if f.rule == "term-omitted" and f.term == "indivisible-security"]
    assert [(f.path, f.line) for f in passage] == [(a, 5)]
    assert "not in the aligned passage" in passage[0].message and passage[0].related[0].line == 3


def test_side_by_side_term_rows(write):
    result, a, b = compare(write)
    rows = {t.term_id: t for t in result.terms}
    assert rows["kyiv"].agree and rows["kyiv"].documents == {a: {"Kyiv": 1}, b: {"Kyiv": 1}}
    assert not rows["indivisible-security"].agree
    assert rows["sphere-of-influence"].absent == [b]


def test_documents_in_different_languages_are_compared_as_source_and_translation(write):
    a = write("en/a.txt", REFERENCE)
    b = write("de/b.txt", "Das Prinzip der unteilbaren Sicherheit ist grundlegend.")
    (comparison,) = run_compare([a, b], GLOSSARY).comparisons
    assert comparison.crosslingual and comparison.similarity.chrf is None  # chrF measures nothing across languages


def test_cli_compare_json_on_the_default_corpus(root):
    old = os.getcwd()
    os.chdir(root)
    try:
        args = ["compare", "translations/en/000-mid-unofficial-translation.txt",
                "translations/en/002-german-sourced-report.txt", "--format", "json"]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        again = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0
    assert result.output == again.output  # deterministic
    report = json.loads(result.output)
    (c,) = report["comparisons"]
    texts = [(" ".join(s["text"] for s in p["reference"]), " ".join(s["text"] for s in p["document"])) for p in c["pairs"]]
    assert any("Charter for European Security signed at the OSCE Summit in Istanbul" in r
               and "Charter for European Security" in d for r, d in texts)
    assert any("either there is security for all or there is no security for anyone" in r
               and "security for all or no security for anyone" in d for r, d in texts)
    found = {(f["rule"], f["term"]) for f in report["findings"]}
    assert ("divergent-rendering", "indivisible-security") in found
    assert ("term-omitted", "sphere-of-influence") in found and ("term-omitted", "as-they-evolve") in found


def test_cli_compare_usage_errors(write, root):
    a = write("en/a.txt", REFERENCE)
    assert CliRunner().invoke(main, ["compare", a]).exit_code == 2
    missing = CliRunner().invoke(main, ["compare", a, a + ".missing.txt", "-g", str(root / "glossary.yml")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_cli_compare_text_shows_only_the_pairs_whose_terms_differ(write):
    g = write("glossary.yml", GLOSS_YAML)
    a = write("en/ref.txt", REFERENCE)
    b = write("en/report.txt", REPORT)
    out = CliRunner().invoke(main, ["compare", a, b, "-g", g], catch_exceptions=False).output
    lines = out.splitlines()
    # The first pair renders indivisible-security differently; the Kyiv pair says the same.
    assert any(line.endswith("The principle of indivisible security is fundamental to European security.")
               and "[1] 1:1" in line for line in lines)
    assert not any("The ministers met in Kyiv" in line for line in lines)
    assert "  1 more aligned pair with the same terms in the same renderings on both sides (--verbose shows them)" in lines
    assert "1 term rendered the same in every document: kyiv" in lines
    assert "  kyiv (en): same renderings" not in lines
    verbose = CliRunner().invoke(main, ["compare", a, b, "-g", g, "--verbose"], catch_exceptions=False).output
    assert sum("The ministers met in Kyiv" in line for line in verbose.splitlines()) == 2  # both sides
    assert "  kyiv (en): same renderings" in verbose.splitlines() and "more aligned pair" not in verbose


def test_cli_compare_quiet_prints_findings_and_summary_only(write):
    g = write("glossary.yml", GLOSS_YAML)
    a = write("en/ref.txt", REFERENCE)
    b = write("en/report.txt", REPORT)
    lines = CliRunner().invoke(main, ["compare", "-q", a, b, "-g", g], catch_exceptions=False).output.splitlines()
    # divergent-rendering (indivisible-security) and term-omitted (sphere-of-influence), nothing else
    assert [line.split(" ")[2] for line in lines[:-2]] == ["term-omitted", "divergent-rendering"]
    assert lines[-2:] == ["", "2 findings (0 errors, 1 warning, 1 info) in 2 documents"]
    assert CliRunner().invoke(main, ["compare", "-q", a, a, "-g", g], catch_exceptions=False).output == ""
    both = CliRunner().invoke(main, ["compare", "-q", "-v", a, b, "-g", g])
    assert both.exit_code == 2 and "exclude each other" in both.output


def test_one_file_compared_with_itself_has_two_labelled_sides(write):
    g = write("glossary.yml", GLOSS_YAML)
    a = write("en/ref.txt", REFERENCE)
    result = run_compare([a, a], GLOSSARY)
    rows = {t.term_id: t for t in result.terms}
    assert rows["kyiv"].counts == ({"Kyiv": 1}, {"Kyiv": 1}) and rows["kyiv"].agree
    out = CliRunner().invoke(main, ["compare", a, a, "-g", g, "-v"], catch_exceptions=False).output.splitlines()
    assert out[:3] == ["Documents", f"  [1] {a} (en; 3 sentences)  (reference)", f"  [2] {a} (en; 3 sentences)"]
    assert out[4].startswith("[2] against [1]: chrF 100.00, BLEU 100.00 over 3 aligned pairs; "
                             "aligned 100% of [1]'s sentences, 100% of [2]'s")
    assert "  kyiv (en): same renderings" in out and "    [1] Kyiv 1" in out and "    [2] Kyiv 1" in out


def test_two_one_sentence_documents_are_compared(tmp_path):
    # every shared word weighs nothing in a two-sentence corpus: that was a ZeroDivisionError
    from click.testing import CliRunner

    from checker.cli import main

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "one.txt").write_text("Sergey Lavrov spoke of indivisible security.\n", encoding="utf-8")
    (tmp_path / "en" / "two.txt").write_text("Sergei Lavrov spoke of indivisibility of security.\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "en" / "one.txt"), str(tmp_path / "en" / "two.txt"),
                                       "-g", str(root / "glossary.yml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {f["rule"] for f in json.loads(result.output)["findings"]} == {"divergent-rendering"}
