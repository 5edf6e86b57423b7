"""GitHub Actions workflow commands: the line format, escaping, and the summary line."""

from __future__ import annotations

import os
from pathlib import Path

from checker.findings import Finding
from checker.glossary import load_glossary
from checker.pipeline import run_check
from checker.reporters import github
from checker.result import CheckResult, DocumentSummary

ROOT = Path(__file__).resolve().parents[2]


def result_of(*findings: Finding, documents: int = 1) -> CheckResult:
    docs = tuple(DocumentSummary(f"d{i}.txt", "text", "en", "path", 1) for i in range(documents))
    return CheckResult(documents=docs, terms=(), findings=findings, signature="termcheck:test")


def test_error_line() -> None:
    f = Finding("forbidden-rendering", "error", "translations/en/002.txt", 15, 140,
                "forbidden rendering 'Kiev'; use 'Kyiv'", term="kyiv", text="Kiev")
    assert github.command(f) == (
        "::error file=translations/en/002.txt,line=15,col=140,endColumn=144,"
        "title=forbidden-rendering [kyiv]::forbidden rendering 'Kiev'; use 'Kyiv'"
    )


def test_warning_and_notice_lines() -> None:
    warning = Finding("variant-rendering", "warning", "a.md", 3, 7, "variant 'Sergei Lavrov'",
                      term="sergey-lavrov", text="Sergei Lavrov")
    notice = Finding("term-omitted", "info", "b.txt", 1, 1, "not in the other version")
    assert github.command(warning) == (
        "::warning file=a.md,line=3,col=7,endColumn=20,title=variant-rendering [sergey-lavrov]::variant 'Sergei Lavrov'"
    )
    # No term: the title is the rule alone; no text: no end column.
    assert github.command(notice) == "::notice file=b.txt,line=1,col=1,title=term-omitted::not in the other version"


def test_text_across_lines_gets_end_line_and_no_columns() -> None:
    """The runner drops an annotation whose col/endColumn span lines."""
    f = Finding("forbidden-rendering", "error", "a.txt", 4, 30, "forbidden", term="t", text="undivided\n  security")
    assert github.command(f) == "::error file=a.txt,line=4,endLine=5,title=forbidden-rendering [t]::forbidden"


def test_message_escaping() -> None:
    f = Finding("wrong-language", "warning", "a.txt", 1, 1, "100% sure, it's 'de':\r\nnot 'en'")
    line = github.command(f)
    # In the data only %, \r and \n are escaped; ',' and ':' stay.
    assert line.endswith("::100%25 sure, it's 'de':%0D%0Anot 'en'")
    assert "\n" not in line and "\r" not in line


def test_property_escaping() -> None:
    f = Finding("read-error", "error", "dir,v2/50%:draft\nnew.po", 14, 1, "syntax error: unterminated string")
    assert github.command(f) == (
        "::error file=dir%2Cv2/50%25%3Adraft%0Anew.po,line=14,col=1,title=read-error"
        "::syntax error: unterminated string"
    )
    assert github.escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae"
    assert github.escape_data("a:b,c%d\r\ne") == "a:b,c%25d%0D%0Ae"
    # '%' first, so an escape is never escaped twice.
    assert github.escape_data("%0A") == "%250A"


def test_summary_line() -> None:
    f = Finding("forbidden-rendering", "error", "a.txt", 1, 1, "forbidden", term="t", text="x")
    assert github.render(result_of(f)).splitlines()[-1] == "termcheck: 1 error, 0 warnings, 0 info in 1 document"
    assert github.render(result_of(documents=0)) == "termcheck: 0 errors, 0 warnings, 0 info in 0 documents\n"


def test_default_corpus() -> None:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = run_check(["translations/"], load_glossary("glossary.yml"))
    finally:
        os.chdir(old)
    lines = github.render(result).splitlines()
    assert len(lines) == len(result.findings) + 1
    assert lines[-1] == "termcheck: 2 errors, 19 warnings, 0 info in 4 documents"  # one per place
    assert sum(line.startswith("::error file=translations/en/") for line in lines) == 2
    assert sum(line.startswith("::warning file=translations/en/") for line in lines) == 19
    assert (
        "::error file=translations/en/002-german-sourced-report.txt,line=15,col=140,endColumn=144,"
        "title=forbidden-rendering [kyiv]::forbidden rendering 'Kiev'; use 'Kyiv'"
    ) in lines
