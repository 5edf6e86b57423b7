"""Configuration files: discovery, every key, command-line precedence, errors with file and line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.project.config import ConfigError, find_config, load_config

GLOSSARY = """version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
      de:
        preferred: Kyjiw
        variants: [Kiew]
  - id: sergey-lavrov
    renderings:
      en:
        preferred: Sergey Lavrov
        variants: [Sergei Lavrov]
"""


@pytest.fixture
def project(tmp_path: Path, write):
    write("project/terms/glossary.yml", GLOSSARY)
    write("project/docs/en/a.md", "Sergei Lavrov went to Kiev.\n")
    write("project/docs/en/drafts/b.md", "Kiev again.\n")
    write("project/docs/de/c.txt", "Sergej Lawrow reiste nach Kiew.\n")
    (tmp_path / "project" / ".git").mkdir()  # the search for configuration stops at the repository's top
    return tmp_path / "project"


def run(cwd: Path, *args: str):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return result


def findings(result) -> list[tuple[str, str, str]]:
    return [(f["path"], f["rule"], f["severity"]) for f in json.loads(result.output)["findings"]]


def test_pyproject_table_found_from_checked_path(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.termcheck]\nglossary = "terms/glossary.yml"\nexclude = ["*/drafts/*"]\n'
        'disable = ["inconsistent-rendering"]\nfail-on = "warning"\nlanguages = ["en"]\n\n'
        '[tool.termcheck.severity]\nforbidden-rendering = "info"\n'
    )
    result = run(project / "docs", ".")
    assert findings(result) == [
        ("en/a.md", "variant-rendering", "warning"),
        ("en/a.md", "forbidden-rendering", "info"),
    ]
    assert result.exit_code == 1  # fail-on = warning


def test_command_line_overrides_configuration(project):
    (project / ".termcheck.toml").write_text('glossary = "terms/glossary.yml"\nfail-on = "warning"\n')
    assert run(project, "docs", "--fail-on", "never").exit_code == 0
    other = project / "other.yml"
    other.write_text(GLOSSARY.replace("forbidden: [Kiev]", "variants: [Kiev]"))
    result = run(project, "docs", "-g", str(other), "--fail-on", "error")
    assert result.exit_code == 0 and all(rule != "forbidden-rendering" for _, rule, _ in findings(result))


def test_dot_termcheck_toml_wins_over_pyproject(project):
    (project / "pyproject.toml").write_text('[tool.termcheck]\nglossary = "missing.yml"\n')
    (project / ".termcheck.toml").write_text('glossary = "terms/glossary.yml"\n')
    assert find_config(str(project / "docs")) == project / ".termcheck.toml"
    assert run(project, "docs").exit_code == 1


def test_pyproject_without_table_is_passed_over(project, tmp_path):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(str(project / "docs")) is None


def test_include_patterns(project):
    (project / ".termcheck.toml").write_text('glossary = "terms/glossary.yml"\ninclude = ["docs/de/*"]\n')
    result = run(project, "docs")
    assert {p for p, _, _ in findings(result)} == {"docs/de/c.txt"}


def test_isolated_ignores_configuration(project):
    (project / ".termcheck.toml").write_text('glossary = "terms/glossary.yml"\ndisable = ["forbidden-rendering"]\n')
    assert run(project, "docs").exit_code == 0
    assert run(project, "docs", "--isolated", "-g", "terms/glossary.yml").exit_code == 1


def test_glossary_found_above_the_checked_files_without_configuration(project):
    (project / "glossary.yml").write_text(GLOSSARY)
    result = run(project / "docs", "en/a.md")
    assert ("en/a.md", "forbidden-rendering", "error") in findings(result)


@pytest.mark.parametrize(
    "text, message",
    [
        ('glossary = "g.yml"\ncolour = "red"\n', ":2:1: unknown key 'colour'"),
        ('disable = ["no-such-rule"]\n', ":1:1: unknown rule 'no-such-rule' in 'disable'"),
        ('fail-on = "sometimes"\n', ":1:1: 'fail-on' must be one of"),
        ('\n\n[severity]\nvariant-rendering = "loud"\n', ":4:1: severity of 'variant-rendering' must be one of"),
        ('lang = "not a tag"\n', ":1:1: 'not a tag' is not a language code"),
        ("exclude = 'x'\n", ":1:1: 'exclude' must be a list"),
        ("glossary = \n", ":1:"),
    ],
)
def test_invalid_configuration_names_file_and_line(project, text, message):
    config = project / ".termcheck.toml"
    config.write_text(text)
    with pytest.raises(ConfigError) as exc:
        load_config(config)
    assert str(exc.value).startswith(str(config)) and message in str(exc.value)
    result = CliRunner().invoke(main, ["check", str(project / "docs")])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_configured_paths_are_what_check_reads_when_none_is_given(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from checker.cli import main

    (tmp_path / "locale" / "en").mkdir(parents=True)
    (tmp_path / "locale" / "en" / "a.txt").write_text("They met in Kiev.\n", encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(
        "version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en: {preferred: Kyiv, forbidden: [Kiev]}\n",
        encoding="utf-8")
    (tmp_path / ".termcheck.toml").write_text('paths = ["locale"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / ".cache"))
    result = CliRunner().invoke(main, ["check", "-q"])
    assert result.exit_code == 1 and result.output.startswith("locale/en/a.txt:1:13: error forbidden-rendering")
    # the paths are the configuration file's: from a subdirectory they are found all the same
    monkeypatch.chdir(sub)
    result = CliRunner().invoke(main, ["check", "-q"])
    assert result.exit_code == 1 and result.output.startswith("../locale/en/a.txt:1:13:")
    (tmp_path / ".termcheck.toml").write_text('paths = ["nowhere"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "-q"])
    assert result.exit_code == 2 and "path '../nowhere' does not exist" in result.output
