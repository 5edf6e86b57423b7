"""The Python API: `from checker import check, compare, load_glossary, report`, the same
results and reports as the command line, without it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker
from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_root(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))


def test_check_gives_the_report_of_termcheck_check(in_root):
    result = checker.check("translations/", "glossary.yml")
    cli = CliRunner().invoke(main, ["check", "--format", "json"]).output
    assert checker.report(result, "json") == cli
    assert [f.rule for f in result.findings if f.severity == "error"] == ["forbidden-rendering"] * 2
    assert result.fails("error")


def test_check_takes_a_loaded_glossary_options_and_processes(in_root):
    glossary = checker.load_glossary("glossary.yml")
    one = checker.check(["translations/en"], glossary, disable=frozenset({"variant-rendering"}))
    assert {f.rule for f in one.findings} == {"forbidden-rendering", "inconsistent-rendering"}
    options = checker.CheckOptions(disable=frozenset({"variant-rendering"}))
    assert checker.check(["translations/en"], glossary, options=options, jobs=2) == one
    with pytest.raises(TypeError):
        checker.check(["translations/en"], glossary, options=options, lang="en")


def test_unreadable_files_are_findings_and_a_bad_glossary_an_exception(in_root, tmp_path):
    missing = checker.check([str(tmp_path / "nope.txt")], "glossary.yml")
    assert [f.rule for f in missing.findings] == ["read-error"]
    bad = tmp_path / "g.yml"
    bad.write_text("version: 1\nterms:\n  - id: x\n    renderings:\n      en: {prefered: y}\n", encoding="utf-8")
    with pytest.raises(checker.GlossaryError, match=r"g\.yml:5:.*did you mean 'preferred'"):
        checker.load_glossary(bad)


def test_compare_gives_the_report_of_termcheck_compare(in_root):
    paths = ["translations/en/000-mid-unofficial-translation.txt", "translations/en/002-german-sourced-report.txt"]
    result = checker.compare(paths, "glossary.yml")
    assert isinstance(result, checker.CompareResult)
    cli = CliRunner().invoke(main, ["compare", *paths, "--format", "json"]).output
    assert checker.report(result, "json") == cli
    assert json.loads(cli)["documents"][0]["path"] == paths[0]


def test_importing_checker_stays_cheap():
    code = "import sys, checker; print(sorted(m for m in sys.modules if m.startswith('checker')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "['checker']"
    assert checker.__version__ and set(checker.__all__) >= {"check", "compare", "load_glossary", "report"}


def test_the_api_functions_are_not_shadowed_by_subpackages():
    # Importing checker.comparison (or any subpackage) must leave checker.compare the function.
    import checker.cli.check  # noqa: F401
    import checker.comparison  # noqa: F401

    assert callable(checker.check) and callable(checker.compare) and callable(checker.load_glossary)
