"""`termcheck init`: a first use on one's own project, never at the cost of an existing file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main
from checker.project.config import load_config
from checker.glossary import load_glossary

ROOT = Path(__file__).resolve().parents[2]

PO = """\
msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Edit the user account"
msgstr "{t1}"

msgid "Delete the user account %(name)s?"
msgstr "{t2}"

msgid "The user account was saved."
msgstr "{t3}"

msgid "Choose a password."
msgstr "{t4}"

msgid "The password is too short."
msgstr "{t5}"
"""

TARGETS = {
    "de": ("Benutzerkonto bearbeiten", "Benutzerkonto %(name)s löschen?", "Das Benutzerkonto wurde gespeichert.",
           "Wählen Sie ein Passwort.", "Das Passwort ist zu kurz."),
    "fr": ("Modifier le compte", "Supprimer le compte %(name)s ?", "Le compte a été enregistré.",
           "Choisissez un mot de passe.", "Le mot de passe est trop court."),
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    for lang, texts in TARGETS.items():
        d = tmp_path / "locale" / lang / "LC_MESSAGES"
        d.mkdir(parents=True)
        (d / "app.po").write_text(PO.format(lang=lang, **{f"t{i}": t for i, t in enumerate(texts, 1)}),
                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / ".cache"))
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["init", *args], catch_exceptions=False)


def test_init_on_translated_catalogs_proposes_terms_with_their_renderings(project):
    result = run("locale")
    assert result.exit_code == 0, result.output
    glossary = load_glossary("glossary.yml")  # it loads as written
    assert [t.id for t in glossary.terms] == ["user-account", "password"]
    by_id = glossary.by_id
    assert by_id["user-account"].preferred("de").text == "Benutzerkonto"
    assert by_id["user-account"].preferred("fr").text == "compte"
    assert by_id["password"].preferred("de").text == "Passwort"
    assert by_id["password"].preferred("fr").text == "mot de passe"
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    # placeables are no words: nothing proposes "name" from %(name)s
    assert "en: name" not in text and "Review them" in text


def test_init_on_monolingual_files_proposes_frequent_phrases(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(3):
        (docs / f"page{n}.md").write_text(f"# Page {n}\n\nEdit the user account. The user account is saved.\n",
                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / ".cache"))
    assert run("docs").exit_code == 0
    text = (tmp_path / "glossary.yml").read_text(encoding="utf-8")
    assert "en: user account" in text and "frequent phrases" in text


def test_init_writes_configuration_and_hook_and_says_what_next(project):
    result = run("locale")
    config = load_config(project / ".termcheck.toml")
    assert config.glossary is not None and config.glossary.endswith("glossary.yml")
    assert config.source_lang == "en" and config.paths == ("locale",)
    hook = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (entry,) = hook["repos"][0]["hooks"]
    assert entry["id"] == "termcheck" and entry["entry"] == "termcheck check --quiet"
    lines = result.output.splitlines()
    assert lines[:3] == ["wrote glossary.yml (2 terms (en) with their renderings in de, fr)", "wrote .termcheck.toml",
                         "wrote .pre-commit-config.yaml"]
    assert "  2. termcheck check    # reads locale, the configured paths" in lines and "  3. pre-commit install    # then every commit is checked" in lines


def test_the_starter_project_checks_cleanly_with_no_path_given(project):
    run("locale")
    result = CliRunner().invoke(main, ["check", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    # the configured paths were read: both catalogs are documents of the report
    report = CliRunner().invoke(main, ["check", "--format", "json"], catch_exceptions=False).output
    import json

    assert sorted(d["path"] for d in json.loads(report)["documents"]) == [
        "locale/de/LC_MESSAGES/app.po", "locale/fr/LC_MESSAGES/app.po"]


def test_init_never_overwrites_a_file(project):
    (project / "glossary.yml").write_text("version: 1\nterms: []\n# mine\n", encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.termcheck]\nglossary = "glossary.yml"\n', encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    result = run("locale")
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()} == before
    assert not (project / ".termcheck.toml").exists()
    assert "kept  glossary.yml (exists)" in result.output
    assert "kept  pyproject.toml [tool.termcheck] (exists)" in result.output
    # the hook the user has to add is shown instead
    assert "add under `repos:`" in result.output and "entry: termcheck check --quiet" in result.output


def test_init_imports_a_csv_glossary(project):
    (project / "terms.csv").write_text(
        "id,language,preferred,variants,forbidden,note,case_sensitive\n"
        "user-account,en,user account,,,,false\nuser-account,de,Benutzerkonto,,Account,,false\n",
        encoding="utf-8")
    result = run("locale", "--from", "terms.csv")
    assert result.exit_code == 0, result.output
    assert "glossary.yml (1 term imported from terms.csv)" in result.output
    glossary = load_glossary("glossary.yml")
    assert [t.id for t in glossary.terms] == ["user-account"]


def test_a_bad_csv_or_a_missing_path_is_one_line_and_writes_nothing(project):
    (project / "terms.csv").write_text("nonsense\n", encoding="utf-8")
    result = run("locale", "--from", "terms.csv")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "terms.csv" in result.output
    result = run("nowhere")
    assert result.exit_code == 2 and result.output == "termcheck: nowhere: no such file or directory\n"
    assert not any((project / name).exists() for name in ("glossary.yml", ".termcheck.toml", ".pre-commit-config.yaml"))


def test_init_without_paths_writes_an_example(project):
    result = run()
    assert result.exit_code == 0
    text = (project / "glossary.yml").read_text(encoding="utf-8")
    assert "en: example term" in text
    load_glossary("glossary.yml")


def test_pre_commit_accepts_the_written_configuration(project):
    run("locale")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
                          cwd=project, capture_output=True, text=True, env={**os.environ})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_frequent_phrases_prefer_the_longer_phrase_and_skip_function_words():
    from checker.glossary.candidates import frequent_phrases

    texts = ["The indivisible security of Europe.", "Indivisible security matters.",
             "Indivisible security, again.", "Security for all.", "Security of the state."]
    found = [(c.text, c.texts) for c in frequent_phrases(texts, "en", 5)]
    # "security" occurs in all five texts, "indivisible security" in three: both are terms;
    # "indivisible" alone is always inside the longer phrase, "the"/"of"/"for" never edge one
    assert found == [("security", 5), ("indivisible security", 3)]
    assert frequent_phrases(list(reversed(texts)), "en", 5) == frequent_phrases(texts, "en", 5)
