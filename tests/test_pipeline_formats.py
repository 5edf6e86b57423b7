"""A check over PO, XLIFF and Markdown files together, against the default glossary."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main

SAMPLES = Path(__file__).parent / "data" / "samples"


def run(root: Path, *extra: str) -> dict:
    old = os.getcwd()
    os.chdir(SAMPLES)
    try:
        result = CliRunner().invoke(
            main, ["check", "-g", str(root / "glossary.yml"), "--format", "json", "--lang", "en", *extra,
                   "de", "ru", "notes.md"], catch_exceptions=False,
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    return json.loads(result.output)


def brief(report: dict) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["rule"], f["term"], f["text"][:20]) for f in report["findings"]]


def test_languages_come_from_headers_and_option(root):
    docs = {d["path"]: (d["format"], d["language"], d["language_source"]) for d in run(root)["documents"]}
    assert docs == {
        "de/letter.po": ("po", "de", "header"),
        "notes.md": ("markdown", "en", "option"),
        "ru/letter.xlf": ("xliff", "ru", "header"),
    }


def test_findings_across_formats(root):
    assert brief(run(root)) == [
        # missing-rendering covers the target text (its source occurrence is under `related`)
        ("de/letter.po", 13, 2, "missing-rendering", "sphere-of-influence", "Kein Staat darf eine"),
        ("de/letter.po", 21, 9, "missing-rendering", "charter-for-european-security", "The Istanbul Charter"),
        ("de/letter.po", 21, 9, "missing-rendering", "osce-abbreviation", "The Istanbul Charter"),
        ("de/letter.po", 21, 9, "wrong-language", None, "The Istanbul Charter"),
        # Markdown: the heading counts; inline code, the link target, front matter and code do not
        ("notes.md", 4, 12, "forbidden-rendering", "kyiv", "Kiev"),
        ("notes.md", 12, 1, "variant-rendering", "sergey-lavrov", "Sergei Lavrov"),
        ("ru/letter.xlf", 13, 17, "missing-rendering", "sphere-of-influence", "Её зона влияния."),
    ]


def test_fuzzy_entries_only_with_include_fuzzy(root):
    default = run(root)
    fuzzy = run(root, "--include-fuzzy")
    assert ("de/letter.po", 18, 36, "variant-rendering", "kyiv", "Kiew") in brief(fuzzy)
    assert all(f["line"] != 18 for f in default["findings"])
    segments = {d["path"]: d["segments"] for d in fuzzy["documents"]}
    assert segments["de/letter.po"] == 4


def test_missing_rendering_region_is_the_target_and_related_is_the_source(root):
    (finding,) = [f for f in run(root)["findings"] if f["rule"] == "missing-rendering" and f["path"] == "de/letter.po" and f["line"] == 13]
    # msgstr "" / "Kein Staat darf einen Teil des OSZE-Gebiets " / "als sein Revier betrachten."
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (13, 2, 14, 29)
    assert finding["text"] == "Kein Staat darf einen Teil des OSZE-Gebiets als sein Revier betrachten."
    # msgid "No State can consider any part of the OSCE area as its sphere of influence."
    source = "No State can consider any part of the OSCE area as its sphere of influence."
    assert finding["related"] == [{"path": "de/letter.po", "line": 11, "column": 8 + source.index("sphere")}]


def test_sarif_and_github_regions_of_missing_rendering_cover_the_target(root):
    from checker.reporters.github import command
    from checker.reporters.sarif import region

    report = run(root)
    (f,) = [f for f in report["findings"] if f["rule"] == "missing-rendering" and f["path"] == "de/letter.po" and f["line"] == 13]
    assert region(f["line"], f["column"], f["text"], (f["end_line"], f["end_column"])) == {
        "startLine": 13, "startColumn": 2, "endLine": 14, "endColumn": 29, "snippet": {"text": f["text"]},
    }
    from checker.findings import Finding

    one_line = Finding("missing-rendering", "error", "a.xlf", 13, 17, "m", "t", "Её зона влияния.", end=(13, 33))
    assert "col=17,endColumn=33" in command(one_line)
