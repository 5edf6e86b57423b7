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
        ("de/letter.po", 13, 2, "missing-rendering", "sphere-of-influence", "sphere of influence"),
        ("de/letter.po", 21, 9, "missing-rendering", "charter-for-european-security", "Istanbul Charter"),
        ("de/letter.po", 21, 9, "missing-rendering", "osce-abbreviation", "OSCE"),
        ("de/letter.po", 21, 9, "wrong-language", None, "The Istanbul Charter"),
        # Markdown: the heading counts; inline code, the link target, front matter and code do not
        ("notes.md", 4, 12, "forbidden-rendering", "kyiv", "Kiev"),
        ("notes.md", 12, 1, "variant-rendering", "sergey-lavrov", "Sergei Lavrov"),
        ("ru/letter.xlf", 13, 17, "missing-rendering", "sphere-of-influence", "sphere of influence"),
    ]


def test_fuzzy_entries_only_with_include_fuzzy(root):
    default = run(root)
    fuzzy = run(root, "--include-fuzzy")
    assert ("de/letter.po", 18, 36, "variant-rendering", "kyiv", "Kiew") in brief(fuzzy)
    assert all(f["line"] != 18 for f in default["findings"])
    segments = {d["path"]: d["segments"] for d in fuzzy["documents"]}
    assert segments["de/letter.po"] == 4
