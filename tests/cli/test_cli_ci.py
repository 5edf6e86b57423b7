"""`termcheck check` as CI and hooks use it: SARIF, GitHub annotations, baseline, --fix, --diff."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from checker.cli import main

GLOSSARY = """version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
"""


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def test_sarif_and_github_formats(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "They met in Kiev.")
    sarif = json.loads(run("-g", g, doc, "--format", "sarif").output)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "forbidden-rendering" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 13
    github = run("-g", g, doc, "--format", "github").output.splitlines()
    assert github[0].startswith("::error file=") and ",line=1,col=13," in github[0]


def test_baseline_survives_an_unrelated_edit_and_catches_new_findings(write, tmp_path):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "They met in Kiev.\n")
    baseline = str(tmp_path / "baseline.json")
    written = run("-g", g, doc, "--write-baseline", baseline)
    assert written.exit_code == 0 and os.path.exists(baseline)
    write("en/a.txt", "A new first paragraph.\n\nThey met in Kiev.\n")
    quiet = run("-g", g, doc, "--baseline", baseline, "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    write("en/a.txt", "A new first paragraph.\n\nThey met in Kiev.\n\nAnd Kiev again, later.\n")
    again = run("-g", g, doc, "--baseline", baseline, "--format", "json")
    assert [f["line"] for f in json.loads(again.output)["findings"]] == [5]
    assert again.exit_code == 1


def test_broken_baseline_is_a_usage_error(write, tmp_path):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "Kyiv.\n")
    bad = write("baseline.json", "{not json")
    result = CliRunner().invoke(main, ["check", "-g", g, doc, "--baseline", bad])
    assert result.exit_code == 2 and bad in result.output and "Traceback" not in result.output


def test_diff_shows_and_fix_writes(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "They met in Kiev.\r\nKIEV was cold.\r\n")
    diff = CliRunner().invoke(main, ["check", "-g", g, doc, "--diff"])
    assert diff.exit_code == 1
    assert "-They met in Kiev.\n" in diff.output and "+They met in Kyiv.\n" in diff.output
    assert open(doc, "rb").read() == b"They met in Kiev.\r\nKIEV was cold.\r\n"
    fixed = CliRunner().invoke(main, ["check", "-g", g, doc, "--fix"])
    assert fixed.exit_code == 0, fixed.output  # the report describes the fixed file
    assert open(doc, "rb").read() == b"They met in Kyiv.\r\nKYIV was cold.\r\n"


def test_inline_suppression_via_cli(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.md", "<!-- termcheck: ignore[forbidden-rendering:kyiv] -->\nThey met in Kiev.\n\nKiev again.\n")
    report = json.loads(run("-g", g, doc, "--format", "json").output)
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("forbidden-rendering", 4)]
    unsuppressed = json.loads(run("-g", g, doc, "--format", "json", "--no-suppressions").output)
    assert [f["line"] for f in unsuppressed["findings"]] == [2, 4]
