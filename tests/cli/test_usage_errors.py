"""Usage errors a new user meets: every command treats paths, glossaries and names alike,
and a misspelt name gets a "did you mean"."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

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


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project as `termcheck init` would leave it: glossary.yml and translations/, as cwd."""
    (tmp_path / ".git").mkdir()  # configuration and glossary are not looked for above it
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "translations" / "en").mkdir(parents=True)
    (tmp_path / "translations" / "en" / "a.txt").write_text("Sergey Lavrov went to Kiev.", encoding="utf-8")
    (tmp_path / "translations" / "en" / "b.txt").write_text("Sergei Lavrov left Kyiv.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [["check"], ["compare", "translations/en/a.txt"], ["glossary", "stats"],
                                     ["glossary", "suggest"]])
def test_a_path_that_does_not_exist_is_a_usage_error_in_every_command(project, command):
    result = run(*command, "nope.txt")
    assert result.exit_code == 2
    assert result.stderr == "Error: path 'nope.txt' does not exist\n" and result.stdout == ""


def test_without_paths_outside_a_project_the_missing_default_says_what_to_do(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["glossary", "stats"], ["glossary", "suggest"]):
        result = run(*command)
        assert result.exit_code == 2, command
        error, hint = result.stderr.splitlines()
        assert error == f"Error: no path given, and the default 'translations/' does not exist in {tmp_path}"
        assert hint.startswith("Hint: give the files or directories to check") and "termcheck init" in hint


def test_a_file_that_exists_but_cannot_be_read_stays_a_finding_and_the_others_are_checked(project):
    os.symlink(project / "gone.txt", project / "translations" / "en" / "broken.txt")
    result = run("check", "--format", "json", "translations/en/broken.txt", "translations/en/a.txt")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(f["rule"], os.path.basename(f["path"])) for f in report["findings"]] == [
        ("forbidden-rendering", "a.txt"), ("read-error", "broken.txt"),
    ]


def test_an_unknown_term_id_is_a_usage_error_with_the_closest_id(project):
    result = run("glossary", "suggest", "--term", "sergey-lavrow")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --term: no term 'sergey-lavrow' in glossary.yml; did you mean 'sergey-lavrov'?"
    )
    unrelated = run("glossary", "suggest", "--term", "nonexist")
    assert unrelated.exit_code == 2 and "no term 'nonexist' in glossary.yml" in unrelated.stderr
    assert "did you mean" not in unrelated.stderr
    assert run("glossary", "suggest", "--term", "kyiv").exit_code == 0


def test_stats_and_suggest_read_the_documents_and_glossary_check_reads(project):
    # The configured glossary, and include patterns that leave one document out.
    (project / "glossary.yml").rename(project / "terms.yml")
    (project / ".termcheck.toml").write_text('glossary = "terms.yml"\nexclude = ["*/b.txt"]\n', encoding="utf-8")
    check = run("check", "--format", "json")
    stats = run("glossary", "stats", "--format", "json")
    assert check.exit_code == 1 and stats.exit_code == 0, stats.output
    checked = json.loads(check.stdout)["documents"]
    counted = json.loads(stats.stdout)
    assert [d["path"] for d in checked] == ["translations/en/a.txt"]
    assert counted["glossary"] == "terms.yml" and counted["documents"] == len(checked) == 1
    suggest = run("glossary", "suggest", "--format", "json")
    assert suggest.exit_code == 0, suggest.output


def test_a_directory_without_supported_files_is_said_on_stderr(project):
    (project / "notes").mkdir()
    (project / "notes" / "a.csv").write_text("Kiev\n", encoding="utf-8")
    (project / "notes" / ".hidden").mkdir()
    (project / "notes" / ".hidden" / "b.txt").write_text("Kiev\n", encoding="utf-8")  # not walked
    result = run("check", "-q", "notes", "notes/a.csv")
    assert result.exit_code == 0 and result.stdout == ""  # nothing to fail: a warning, not an error
    from checker.documents import SUFFIXES

    known = ", ".join(SUFFIXES)  # every reader's suffixes, as the warning lists them
    assert known.startswith(".txt, .md, .markdown, .po, .pot, .xlf, .xliff, ")
    assert result.stderr.splitlines() == [
        f"warning: no supported files ({known}) under notes",
        f"warning: notes/a.csv is not a supported file ({known}); not checked",
    ]
    assert "warning:" not in run("check", "-q", "translations").stderr
    stats = run("glossary", "stats", "notes")
    assert stats.exit_code == 0 and "warning: no supported files" in stats.stderr


def test_every_glossary_subcommand_takes_the_glossary_as_argument_or_with_g(project):
    (project / "glossary.yml").rename(project / "terms.yml")
    lint = [run("glossary", "lint", *args) for args in (["terms.yml"], ["-g", "terms.yml"], ["--glossary", "terms.yml"])]
    assert {(r.exit_code, r.output) for r in lint} == {(0, "")}
    export = [run("glossary", "export", "--format", "csv", *args) for args in (["terms.yml"], ["-g", "terms.yml"])]
    assert export[0].exit_code == 0 and export[0].stdout == export[1].stdout
    assert export[0].stdout.startswith("id,language,preferred") and "Sergey Lavrov" in export[0].stdout
    both = run("glossary", "lint", "terms.yml", "-g", "other.yml")
    assert both.exit_code == 2 and "two glossaries given" in both.stderr
    # With neither, the configured glossary, as for check.
    (project / ".termcheck.toml").write_text('glossary = "terms.yml"\n', encoding="utf-8")
    assert run("glossary", "export", "--format", "csv").stdout == export[0].stdout
    assert run("glossary", "lint").exit_code == 0


@pytest.mark.parametrize(("files", "args", "expected"), [
    # glossary lint reports a glossary's problems with status 1, like its warnings
    ({"glossary.yml": GLOSSARY.replace("preferred: Kyiv", "prefered: Kyiv")}, ["glossary", "lint"],
     "glossary.yml:6:9: error: term 'kyiv' [en]: unknown key 'prefered' (expected one of: preferred, variants, "
     "forbidden); did you mean 'preferred'?"),
    ({".termcheck.toml": 'fail_on = "warning"\n'}, ["check"],
     "{root}/.termcheck.toml:1:1: error: unknown key 'fail_on' (expected one of: glossary, paths, include, exclude, disable, "
     "severity, fail-on, lang, source-lang, languages, include-fuzzy, discover, threshold, max-file-size); "
     "did you mean 'fail-on'?"),
    ({"pyproject.toml": '[tool.termcheck]\ndisable = ["wrong-langauge"]\n'}, ["check"],
     "{root}/pyproject.toml:2:1: error: unknown rule 'wrong-langauge' in 'disable'; did you mean 'wrong-language'?"),
    ({".termcheck.toml": '[severity]\nvariant-rendering = "warn"\n'}, ["check"],
     "{root}/.termcheck.toml:2:1: error: severity of 'variant-rendering' must be one of error, warning, info; "
     "did you mean 'warning'?"),
    ({}, ["rule", "wrong-lang"],
     "Error: Invalid value for RULE_ID: no rule 'wrong-lang'; did you mean 'wrong-language'?"),
])
def test_a_misspelt_name_gets_did_you_mean(project, files, args, expected):
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    result = run(*args)
    assert result.exit_code == (1 if args[0] == "glossary" else 2)
    assert expected.replace("{root}", str(project)) in result.output.splitlines()


def test_a_name_close_to_nothing_gets_no_guess(project):
    (project / ".termcheck.toml").write_text('colour = "red"\n', encoding="utf-8")
    assert "did you mean" not in run("check").stderr
    assert run("rule", "zzz").stderr.splitlines()[-1] == "Error: Invalid value for RULE_ID: no rule 'zzz' (try 'termcheck rule')"


def test_suggest_write_to_an_unknown_term_names_the_closest():
    from checker.glossary import GlossaryEditError
    from checker.glossary.edit import add_renderings

    with pytest.raises(GlossaryEditError, match=r"^no term 'kyvi' in the glossary; did you mean 'kyiv'\?$"):
        add_renderings(GLOSSARY, [("kyvi", "en", "Kiew", "variant")])


def test_glossary_import_of_a_missing_file_is_one_line(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    result = CliRunner().invoke(main, ["glossary", "import", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and result.output == f"Error: path '{tmp_path / 'nope.csv'}' does not exist\n"
    result = CliRunner().invoke(main, ["glossary", "import", str(tmp_path)])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and str(tmp_path) in result.output
