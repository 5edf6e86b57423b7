"""`termcheck check` end to end: the default corpus, report formats, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GLOSSARY = """version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
  - id: sergey-lavrov
    renderings:
      en:
        preferred: Sergey Lavrov
        variants: [Sergei Lavrov]
"""


def invoke(*args: str, cwd: str | Path | None = None):
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TERMCHECK_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), "report changed; review and rerun with TERMCHECK_UPDATE_GOLDEN=1"


def test_default_corpus_text_report(root):
    result = invoke("check", cwd=root)
    assert result.exit_code == 1  # 002 writes "Kiev", which the glossary forbids
    check_golden("check-default-corpus.txt", result.output)


def test_default_corpus_verbose_text_report_lists_every_document_and_term(root):
    result = invoke("check", "--verbose", cwd=root)
    assert result.exit_code == 1
    check_golden("check-default-corpus-verbose.txt", result.output)


@pytest.fixture(scope="module")
def default_json(root=Path(__file__).resolve().parents[2]):
    result = invoke("check", "--format", "json", cwd=root)
    return json.loads(result.output)


def test_default_corpus_shows_the_founding_case(default_json):
    report = default_json
    assert report["version"] == 1
    docs = [d["path"] for d in report["documents"]]
    assert docs == [
        "translations/en/000-mid-unofficial-translation.txt",
        "translations/en/001-rt-summary.txt",
        "translations/en/002-german-sourced-report.txt",
        "translations/en/004-reuters-report.txt",
    ]
    terms = {t["id"]: t for t in report["terms"]}
    d000, d002 = docs[0], docs[2]

    def docs_of(term_id: str, text: str) -> dict:
        (r,) = [r for r in terms[term_id]["renderings"] if r["text"] == text]
        return r["documents"]

    # "indivisible security" and "indivisibility of security" both used, in 000 and in 002
    for text in ("indivisible security", "indivisibility of security"):
        assert d000 in docs_of("indivisible-security", text) and d002 in docs_of("indivisible-security", text)
    # "sphere of influence" and "as they evolve" only in 000
    assert docs_of("sphere-of-influence", "sphere of influence") == {d000: 1}
    assert docs_of("as-they-evolve", "as they evolve") == {d000: 2}

    findings = report["findings"]
    # a variant's finding also says how the corpus renders the term (one finding per place)
    inconsistent = {(f["term"], f["text"]) for f in findings
                    if f["rule"] == "variant-rendering" and "(across documents [en]: " in f["message"]}
    assert ("sergey-lavrov", "Sergei Lavrov") in inconsistent
    assert ("antony-blinken", "Tony Blinken") in inconsistent
    forbidden = [(f["path"], f["text"]) for f in findings if f["rule"] == "forbidden-rendering"]
    assert forbidden == [(d002, "Kiev"), (d002, "Kiev")]
    assert report["summary"] == {
        "error": sum(f["severity"] == "error" for f in findings),
        "warning": sum(f["severity"] == "warning" for f in findings),
        "info": sum(f["severity"] == "info" for f in findings),
    }
    assert 0 < terms["indivisible-security"]["variation"] < 0.5
    assert terms["sphere-of-influence"]["consistency"] == 1.0


def test_json_output_is_byte_identical_across_runs(root, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        result = invoke("check", "--format", "json", "-o", str(out), cwd=root)
        assert result.exit_code == 1 and result.output == ""
    assert a.read_bytes() == b.read_bytes()


def test_exit_codes(write, tmp_path):
    g = write("glossary.yml", GLOSSARY)
    clean = write("en/clean.txt", "Sergey Lavrov went to Kyiv.")
    warn = write("en/warn.txt", "Sergei Lavrov went to Kyiv.")
    bad = write("en/bad.txt", "Sergey Lavrov went to Kiev.")
    assert invoke("check", "-g", g, clean).exit_code == 0
    assert invoke("check", "-g", g, warn).exit_code == 0
    assert invoke("check", "-g", g, warn, "--fail-on", "warning").exit_code == 1
    assert invoke("check", "-g", g, bad).exit_code == 1
    assert invoke("check", "-g", g, bad, "--fail-on", "never").exit_code == 0
    assert invoke("check", "-g", g, clean, "--fail-on", "bogus").exit_code == 2
    assert invoke("check", "-g", g, clean, "--lang", "not a tag").exit_code == 2


def test_text_findings_format(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "Title\n\nThey went to\nKiev.")
    out = invoke("check", "-g", g, doc).output
    assert out.splitlines()[0] == f"{doc}:4:1: error forbidden-rendering [kyiv] forbidden rendering 'Kiev'; use 'Kyiv'"


def test_bad_glossary_exits_2_with_one_line_per_problem(write):
    g = write("glossary.yml", "version: 1\nterms:\n  - id: a\n    renderings:\n      en: ''\n  - id: a\n    renderings: {en: x}\n")
    result = CliRunner().invoke(main, ["check", "-g", g, write("en/a.txt", "x")])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"{g}:5:11: error: term 'a' [en]: empty preferred rendering",
        f"{g}:6:5: error: duplicate term id 'a' (first at line 3)",
    ]
    missing = CliRunner().invoke(main, ["check", "-g", str(Path(g).parent / "nope.yml")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output and "cannot read glossary" in missing.output


def test_bad_file_is_reported_and_others_still_checked(write, tmp_path):
    g = write("glossary.yml", GLOSSARY)
    write("corpus/en/a.txt", "Sergey Lavrov in Kiev.")
    write("corpus/en/b.po", 'msgid "x"\nmsgstr "y"\ngarbage line here\n')
    write("corpus/en/c.txt", "Sergei Lavrov.")
    result = invoke("check", "-g", g, "--format", "json", str(tmp_path / "corpus"))
    report = json.loads(result.output)
    assert [os.path.basename(d["path"]) for d in report["documents"]] == ["a.txt", "c.txt"]
    found = [(f["rule"], os.path.basename(f["path"])) for f in report["findings"]]
    assert ("read-error", "b.po") in found
    assert ("forbidden-rendering", "a.txt") in found and ("variant-rendering", "c.txt") in found
    assert "Traceback" not in result.output


def test_missing_path_is_a_usage_error(write, tmp_path):
    g = write("glossary.yml", GLOSSARY)
    result = CliRunner().invoke(main, ["check", "-g", g, str(tmp_path / "nope.txt"), "--format", "json"])
    assert result.exit_code == 2 and result.output == f"Error: path '{tmp_path / 'nope.txt'}' does not exist\n"


def test_python_dash_m_checker(root):
    proc = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", "translations/en/004-reuters-report.txt"],
        cwd=root, capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["language"] == "en"


def test_rule_command_prints_documentation():
    out = invoke("rule", "forbidden-rendering").output
    assert out.startswith("forbidden-rendering (error)") and "## Example" in out
    listing = invoke("rule").output
    assert "inconsistent-rendering" in listing and "read-error" in listing


def test_quiet_prints_only_findings_and_nothing_when_clean(write):
    g = write("glossary.yml", GLOSSARY)
    clean = write("en/clean.txt", "Sergey Lavrov went to Kyiv.")
    bad = write("en/bad.txt", "Sergey Lavrov went to Kiev.")
    assert invoke("check", "-q", "-g", g, clean).output == ""
    lines = invoke("check", "-q", "-g", g, bad).output.splitlines()
    assert lines[0].startswith(f"{bad}:1:23: error forbidden-rendering [kyiv]")
    assert lines[-1] == "1 finding (1 error, 0 warnings, 0 info) in 1 document"
    assert not any(line.startswith("Documents") or line.startswith("Terms") for line in lines)


def test_short_document_of_unknown_language_uses_a_one_language_glossary(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("note.md", "They met in Kiev.")  # no language in the path, too short to detect
    result = invoke("check", "-g", g, doc, "--format", "json")
    report = json.loads(result.output)
    assert report["documents"][0]["language_source"] == "glossary"
    assert [f["rule"] for f in report["findings"]] == ["forbidden-rendering"]
