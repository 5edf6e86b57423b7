"""`termcheck glossary extract`: what a terminologist runs on years of translations."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real"
DE = str(REAL / "django" / "de")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "glossary", "extract", *args], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=300)


def test_text_report_lists_terms_with_renderings_and_examples(tmp_path):
    result = run(DE, "-t", "de", "--isolated", "-g", str(tmp_path / "none.yml"), "--limit", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("translated units (en -> de)")
    assert any(line.strip().startswith("1. ") for line in lines)
    assert "password" in result.stdout and "Passwort (" in result.stdout
    example = next(line for line in lines if "django.po:" in line)
    assert " => " in example


def test_json_examples_point_at_the_unit_in_the_file(tmp_path):
    result = run(DE, "-t", "de", "--isolated", "-g", str(tmp_path / "none.yml"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["source_language"] == "en" and data["target_language"] == "de" and data["units"] > 50
    term = next(t for t in data["terms"] if t["source"] == "password")
    assert term["renderings"][0]["text"] == "Passwort" and term["renderings"][0]["units"] >= 3
    for example in term["examples"]:
        lines = Path(example["path"]).read_text(encoding="utf-8").splitlines()
        assert "msgstr" in lines[example["line"] - 1] or "Passwort" in lines[example["line"] - 1]
        assert "assword" in example["source"]


def test_csv_has_one_row_per_term_and_rendering(tmp_path):
    result = run(DE, "-t", "de", "--isolated", "-g", str(REAL / "glossary-de.yml"), "--format", "csv", "--limit", "3")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["kind"] for r in rows} == {"new", "glossary"}
    password = [r for r in rows if r["kind"] == "glossary" and r["id"] == "password"]
    assert password[0]["rank"] == "1" and password[0]["rendering"] == "Passwort"


def test_write_adds_new_terms_and_only_what_glossary_terms_lack(tmp_path):
    glossary = tmp_path / "glossary.yml"
    original = ("# our terms: keep this comment\nversion: 1\nterms:\n"
                "  - id: password   # the login secret\n    renderings:\n      en: password\n      de: Passwort\n"
                "  - id: field\n    renderings:\n      en: field\n")
    glossary.write_text(original, encoding="utf-8")
    result = run(DE, "-t", "de", "--isolated", "-g", str(glossary), "--limit", "4", "--write")
    assert result.returncode == 0, result.stderr
    text = glossary.read_text(encoding="utf-8")
    assert text.startswith("# our terms: keep this comment\n")
    assert "  - id: password   # the login secret\n    renderings:\n      en: password\n      de: Passwort\n" in text
    data = yaml.safe_load(text)
    by_id = {t["id"]: t for t in data["terms"]}
    de = by_id["field"]["renderings"]["de"]  # the term lacked German: it gets the dominant rendering
    assert (de if isinstance(de, str) else de["preferred"]) == "Feld"
    new = [t for t in data["terms"] if t["id"] not in ("password", "field")]
    assert new and text.count("# found by glossary extract: review") == len(new)
    assert all("en" in t["renderings"] and "de" in t["renderings"] for t in new)
    check = subprocess.run([sys.executable, "-m", "checker", "glossary", "lint", str(glossary)],
                           capture_output=True, text=True)
    assert "error" not in check.stdout
    # the glossary's terms have what was found now: looking them up again changes nothing
    before = glossary.read_bytes()
    again = run(DE, "-t", "de", "--isolated", "-g", str(glossary), "--limit", "0", "--write")
    assert again.returncode == 0 and glossary.read_bytes() == before
    assert "has everything found already" in again.stderr


def test_write_without_a_glossary_creates_one(tmp_path):
    result = run(DE, "-t", "de", "--isolated", "-g", str(tmp_path / "new.yml"), "--limit", "3", "--write")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((tmp_path / "new.yml").read_text(encoding="utf-8"))
    assert len(data["terms"]) == 3 and data["terms"][0]["renderings"]["en"] == "password"


def test_tmx_memories_are_read(tmp_path):
    result = run(str(REAL / "tmx" / "omegat-de.tmx"), "-t", "de", "--isolated", "-g", str(tmp_path / "none.yml"),
                 "--min-units", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    terms = {t["source"]: t for t in json.loads(result.stdout)["terms"]}
    assert terms["folder"]["renderings"][0]["text"] == "Ordner"


def test_usage_errors_are_one_line(tmp_path):
    bad = run(DE, "-t", "xx-!!", "--isolated")
    assert bad.returncode == 2 and "'xx-!!' is not a language code" in bad.stderr
    none = run(DE, "-t", "fr", "--isolated", "-g", str(tmp_path / "none.yml"))
    assert none.returncode == 2 and "no translated units in fr" in none.stderr
    assert "Traceback" not in bad.stderr + none.stderr


def test_an_unreadable_file_is_reported_and_the_others_read(tmp_path):
    shutil.copytree(REAL / "django" / "de", tmp_path / "de")
    (tmp_path / "de" / "broken.po").write_text('msgid "x"\nmsgstr "y\n', encoding="utf-8")
    result = run(str(tmp_path / "de"), "-t", "de", "--isolated", "-g", str(tmp_path / "none.yml"), "--limit", "2")
    assert result.returncode == 1
    assert "broken.po:" in result.stderr and "error:" in result.stderr
    assert "Passwort" in result.stdout
