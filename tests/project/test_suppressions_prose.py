"""`termcheck: ignore` markers in the prose formats' comments: where they count, what they cover."""

from __future__ import annotations

import json

from checker.project.suppressions.scan import scan_suppressions
from tests.conftest import KYIV_GLOSSARY, termcheck


def check(write, name: str, content: str) -> list[tuple]:
    glossary = write("glossary.yml", KYIV_GLOSSARY)
    result = termcheck("check", "-g", glossary, "--format", "json", write(name, content))
    return [(f["line"], f["column"], f["rule"]) for f in json.loads(result.output)["findings"]]


def covered(text: str, format: str) -> list[tuple]:
    return [(s.line, s.column, s.first_line, s.last_line, s.text) for s in scan_suppressions("f", text, format)]


def test_html_comment_on_its_own_lines_covers_the_next_line():
    text = (
        "<p>a</p>\n"
        "  <!-- termcheck: ignore[forbidden-rendering] -->\n"
        "<p>Kiev</p>\n"
        "<p>Kiev <!-- termcheck: ignore --></p>\n"
        "<!--\n  termcheck: ignore[variant-rendering]\n-->\n"
    )
    assert covered(text, "html") == [
        (2, 8, 2, 3, "termcheck: ignore[forbidden-rendering]"),
        (4, 14, 4, 4, "termcheck: ignore"),
        (6, 3, 5, 8, "termcheck: ignore[variant-rendering]"),
    ]


def test_html_markers_in_script_style_and_text_do_not_count():
    text = (
        "<script>var s = '<!-- termcheck: ignore -->';</script>\n"
        "<style>/* <!-- termcheck: ignore --> */</style>\n"
        "<p>termcheck: ignore is written here as prose</p>\n"
    )
    assert covered(text, "html") == []


def test_html_marker_silences_the_finding(write):
    content = '<html lang="en"><body>\n<!-- termcheck: ignore[forbidden-rendering:kyiv] -->\n<p>Kiev</p>\n<p>Kiev</p>\n'
    assert check(write, "page.html", content) == [(4, 4, "forbidden-rendering")]


def test_rst_comment_covers_itself_and_the_next_paragraph():
    text = (
        "Intro.\n"
        "\n"
        ".. termcheck: ignore[forbidden-rendering]\n"
        "   and more comment\n"
        "\n"
        "Suppressed Kiev\n"
        "and Kiev again.\n"
        "\n"
        "Not covered.\n"
        "\n"
        "::\n"
        "\n"
        "   .. termcheck: ignore\n"
    )
    assert covered(text, "rst") == [(3, 4, 3, 7, "termcheck: ignore[forbidden-rendering]")]


def test_rst_marker_silences_the_next_paragraph_only(write):
    content = ".. termcheck: ignore[forbidden-rendering:kyiv]\n\nKiev and\nKiev.\n\nKiev.\n"
    assert check(write, "en/doc.rst", content) == [(6, 1, "forbidden-rendering")]


def test_asciidoc_comment_lines_and_blocks():
    text = (
        "A paragraph\n"
        "// termcheck: ignore[forbidden-rendering]\n"
        "with Kiev.\n"
        "\n"
        "////\n"
        "termcheck: ignore\n"
        "////\n"
        "Kiev.\n"
        "\n"
        "----\n"
        "// termcheck: ignore\n"
        "----\n"
    )
    assert covered(text, "asciidoc") == [
        (2, 4, 2, 3, "termcheck: ignore[forbidden-rendering]"),
        (6, 1, 5, 8, "termcheck: ignore"),
    ]


def test_asciidoc_marker_silences_the_next_line(write):
    content = "Kiev and\n// termcheck: ignore[forbidden-rendering:kyiv]\nKiev and\nKiev.\n"
    assert check(write, "en/doc.adoc", content) == [(1, 1, "forbidden-rendering"), (4, 1, "forbidden-rendering")]
