"""Inline `termcheck: ignore` markers: every form and format, unused and malformed markers."""

from __future__ import annotations

import pytest

from checker.checks.unused_suppression import UnusedSuppression
from checker.findings import Finding
from checker.glossary import parse_glossary
from checker.pipeline import CheckOptions, run_check
from checker.project.suppressions.markers import Suppression, blank_markers
from checker.project.suppressions.scan import read_suppressions, scan_suppressions
from checker.project.suppressions import apply_suppressions

GLOSSARY = parse_glossary(
    """
version: 1
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
""",
    "g.yml",
)


def check(*paths: str, include_fuzzy: bool = False) -> tuple[list[Finding], list[Finding]]:
    """The real pipeline, which applies suppressions: (kept findings, unused-suppression findings)."""
    result = run_check(list(paths), GLOSSARY, CheckOptions(lang="en", include_fuzzy=include_fuzzy))
    kept = [f for f in result.findings if f.rule != "unused-suppression"]
    return kept, [f for f in result.findings if f.rule == "unused-suppression"]


def test_pipeline_without_suppressions_reports_everything(write):
    path = write("en/a.txt", "They met in Kiev. termcheck: ignore[forbidden-rendering]\n")
    result = run_check([path], GLOSSARY, CheckOptions(lang="en", suppressions=False))
    assert [f.rule for f in result.findings] == ["forbidden-rendering"]


# Rules a marker's words could sway in very short test files; not about suppressions.
MARKER_AS_PROSE = ("wrong-language", "inconsistent-rendering")


def where(findings: list[Finding], rule: str | None = None) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in findings if rule is None or f.rule == rule]


def where_text(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in findings if f.rule not in MARKER_AS_PROSE]


def finding(rule: str, line: int, term: str | None = "kyiv", path: str = "a.txt") -> Finding:
    return Finding(rule, "warning", path, line, 1, "m", term, "Kiev")


def marker(line: int, rules, first: int | None = None, last: int | None = None, path: str = "a.txt") -> Suppression:
    rules = None if rules is None else frozenset(rules)
    return Suppression(path, line, 1, rules, first or line, last or line, "termcheck: ignore[...]")


# --- plain text ---------------------------------------------------------------------


def test_text_marker_on_the_finding_line(write):
    path = write("en/a.txt", "They met in Kiev. termcheck: ignore[forbidden-rendering]\n")
    kept, unused = check(path)
    assert where_text(kept) == [] and unused == []


def test_text_marker_on_a_line_of_its_own_covers_the_next_line(write):
    path = write("en/a.txt", "Intro.\n# termcheck: ignore[forbidden-rendering:kyiv]\nThey met in Kiev.\nKiev again.\n")
    kept, unused = check(path)
    # Line 4 is two lines below the marker: not covered.
    assert where(kept, "forbidden-rendering") == [("forbidden-rendering", 4)]
    assert unused == []


def test_text_marker_after_prose_covers_only_its_own_line(write):
    path = write("en/a.txt", "Some prose. termcheck: ignore[forbidden-rendering]\nThey met in Kiev.\n")
    kept, unused = check(path)
    assert where_text(kept) == [("forbidden-rendering", 2)]
    (u,) = unused
    assert (u.rule, u.severity, u.line, u.column) == ("unused-suppression", "info", 1, 13)
    assert u.message == "suppression 'termcheck: ignore[forbidden-rendering]' suppresses nothing"
    assert u.text == "termcheck: ignore[forbidden-rendering]" and u.term is None


def test_text_scan_positions_and_covered_lines():
    text = "a\n  termcheck: ignore\nb termcheck: ignore[variant-rendering] c\n"
    bare, ruled = scan_suppressions("a.txt", text, "text")
    assert (bare.line, bare.column, bare.rules, bare.first_line, bare.last_line) == (2, 3, None, 2, 3)
    assert (ruled.line, ruled.column, ruled.first_line, ruled.last_line) == (3, 3, 3, 3)
    assert ruled.rules == frozenset({("variant-rendering", None)})


def test_blank_markers_keeps_offsets_and_hides_the_ids():
    text = "Kiev. termcheck: ignore[forbidden-rendering:kyiv]\nnext"
    blanked = blank_markers(text)
    assert len(blanked) == len(text) and "kyiv" not in blanked and blanked.startswith("Kiev. ")
    assert blanked.endswith("\nnext")
    assert blank_markers("no marker") == "no marker"


# --- Markdown -----------------------------------------------------------------------


def test_markdown_comment_on_the_finding_line(write):
    path = write("en/a.md", "# Title\n\nThey met in Kiev. <!-- termcheck: ignore[forbidden-rendering] -->\n")
    kept, unused = check(path)
    assert where(kept) == [] and unused == []


def test_markdown_comment_on_the_line_before(write):
    path = write(
        "en/a.md",
        "# Title\n\n<!-- termcheck: ignore[variant-rendering:sergey-lavrov] -->\nSergei Lavrov wrote.\n\n"
        "Sergei Lavrov again.\n",
    )
    kept, unused = check(path)
    assert where(kept, "variant-rendering") == [("variant-rendering", 6)]
    assert unused == []


def test_markdown_marker_outside_a_comment_does_not_count():
    assert scan_suppressions("a.md", "Kiev termcheck: ignore\n", "markdown") == []


def test_markdown_markers_in_code_do_not_count():
    text = (
        "---\ntitle: <!-- termcheck: ignore -->\n---\n"
        "Use `<!-- termcheck: ignore -->` like this.\n\n"
        "```md\n<!-- termcheck: ignore -->\n```\n\n"
        "~~~\n<!-- termcheck: ignore -->\n~~~\n\n"
        "    <!-- termcheck: ignore -->\n\n"
        "<!-- termcheck: ignore[variant-rendering] -->\n"
    )
    (only,) = scan_suppressions("a.md", text, "markdown")
    assert (only.line, only.column, only.rules) == (16, 6, frozenset({("variant-rendering", None)}))


def test_markdown_comment_spanning_lines_and_in_a_blockquote():
    text = "<!--\ntermcheck: ignore[forbidden-rendering]\n-->\nKiev\n\n> <!-- termcheck: ignore -->\n> Kiev\n"
    multi, quoted = scan_suppressions("a.md", text, "markdown")
    assert (multi.line, multi.column, multi.first_line, multi.last_line) == (2, 1, 1, 4)
    assert (quoted.line, quoted.first_line, quoted.last_line) == (6, 6, 7)


def test_markdown_indented_list_content_is_not_code():
    text = "- item\n\n    <!-- termcheck: ignore -->\n    Kiev\n"
    (s,) = scan_suppressions("a.md", text, "markdown")
    assert (s.line, s.first_line, s.last_line) == (3, 3, 4)


# --- PO ------------------------------------------------------------------------------

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

# termcheck: ignore[variant-rendering:kyiv]
#: letter.txt:1
msgid "They met in Kyiv."
msgstr ""
"Sie trafen sich "
"in Kiew."

#. termcheck: ignore[variant-rendering]
msgid "Back to Kyiv."
msgstr "Zurück nach Kiew."

# termcheck: ignore[variant-rendering]
#, fuzzy
msgid "Kyiv once more."
msgstr "Noch einmal Kiew."
"""


def test_po_translator_comment_covers_its_entry(write):
    path = write("a.po", PO)
    kept, unused = check(path)
    # Entry 1 (finding on a continuation line) is suppressed; an extracted comment (#.) is
    # no translator comment; the fuzzy entry is not checked, so its marker is not reported.
    assert where(kept) == [("variant-rendering", 15)]
    assert unused == []


def test_po_fuzzy_entries_count_with_include_fuzzy(write):
    path = write("a.po", PO)
    kept, unused = check(path, include_fuzzy=True)
    assert where(kept) == [("variant-rendering", 15)] and unused == []


def test_po_entry_ranges_without_blank_lines_and_obsolete_entries():
    text = (
        '# termcheck: ignore\nmsgid "a"\nmsgstr "b"\n'
        '# termcheck: ignore[variant-rendering]\nmsgid "c"\nmsgstr "d"\n\n'
        '# termcheck: ignore\n#~ msgid "e"\n#~ msgstr "f"\n'
    )
    first, second = scan_suppressions("a.po", text, "po")
    assert (first.line, first.column, first.first_line, first.last_line) == (1, 3, 1, 3)
    assert (second.line, second.first_line, second.last_line) == (4, 4, 6)


# --- XLIFF ---------------------------------------------------------------------------

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="a">
    <body>
      <trans-unit id="1">
        <source>They met in Kyiv.</source>
        <target>Sie trafen sich in Kiew.</target>
        <note>termcheck: ignore[variant-rendering]</note>
      </trans-unit>
      <!-- <trans-unit id="x"><note>termcheck: ignore</note></trans-unit> -->
      <trans-unit id="2">
        <source>Back to Kyiv.</source>
        <target>Zurück nach Kiew.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_note_covers_its_unit(write):
    path = write("a.xlf", XLIFF)
    kept, unused = check(path)
    assert where(kept) == [("variant-rendering", 13)] and unused == []
    (s,) = scan_suppressions(path, XLIFF, "xliff")
    assert (s.line, s.column, s.first_line, s.last_line) == (8, 15, 5, 9)


# --- what a marker matches --------------------------------------------------------------


def test_rule_only_matches_every_term_and_findings_without_term():
    findings = [finding("variant-rendering", 3), finding("variant-rendering", 3, "sergey-lavrov"),
                finding("variant-rendering", 3, None)]
    kept, unused = apply_suppressions(findings, [marker(3, {("variant-rendering", None)})])
    assert kept == [] and unused == []


def test_rule_and_term_matches_only_that_term():
    other = finding("variant-rendering", 3, "sergey-lavrov")
    no_term = finding("variant-rendering", 3, None)
    kept, unused = apply_suppressions(
        [finding("variant-rendering", 3), other, no_term], [marker(3, {("variant-rendering", "kyiv")})]
    )
    assert kept == [other, no_term] and unused == []


def test_bare_ignore_matches_every_rule():
    findings = [finding("forbidden-rendering", 3), finding("wrong-language", 3, None),
                finding("inconsistent-rendering", 3)]
    kept, unused = apply_suppressions(findings, [marker(3, None)])
    assert kept == [] and unused == []


def test_list_of_rules(write):
    path = write(
        "en/a.txt",
        "# termcheck: ignore[variant-rendering, forbidden-rendering:kyiv]\nSergei Lavrov went to Kiev.\n",
    )
    kept, unused = check(path)
    assert where_text(kept) == [] and unused == []


def test_partly_used_list_names_the_idle_entries():
    used_rule = finding("variant-rendering", 3)
    s = Suppression("a.txt", 2, 3, frozenset({("variant-rendering", None), ("forbidden-rendering", "kyiv")}),
                    2, 3, "termcheck: ignore[variant-rendering, forbidden-rendering:kyiv]")
    kept, (u,) = apply_suppressions([used_rule], [s])
    assert kept == []
    assert u.message == (
        "'forbidden-rendering:kyiv' in suppression "
        "'termcheck: ignore[variant-rendering, forbidden-rendering:kyiv]' suppresses nothing"
    )
    assert (u.path, u.line, u.column) == ("a.txt", 2, 3)


def test_non_matching_suppressions_are_left_alone_and_reported():
    findings = [finding("forbidden-rendering", 3), finding("forbidden-rendering", 9, path="b.txt")]
    suppressions = [
        marker(3, {("variant-rendering", None)}),  # another rule
        marker(3, {("forbidden-rendering", "sergey-lavrov")}),  # another term
        marker(5, None),  # another line
        marker(9, None),  # another file
    ]
    kept, unused = apply_suppressions(findings, suppressions)
    assert kept == findings
    assert [(u.path, u.line) for u in unused] == [("a.txt", 3), ("a.txt", 3), ("a.txt", 5), ("a.txt", 9)]
    assert all(u.rule == "unused-suppression" and u.severity == "info" for u in unused)


def test_every_covering_suppression_counts_as_used():
    kept, unused = apply_suppressions([finding("forbidden-rendering", 3)], [marker(3, None), marker(2, None, 2, 3)])
    assert kept == [] and unused == []


def test_unknown_rule_is_reported_not_a_crash(write):
    path = write("en/a.txt", "Kiev. termcheck: ignore[forbiden-rendering, variant-rendering]\nSergei Lavrov.\n")
    kept, unused = check(path)
    assert where_text(kept) == [("forbidden-rendering", 1), ("variant-rendering", 2)]
    messages = sorted(u.message for u in unused)
    assert messages == [
        "suppression 'termcheck: ignore[forbiden-rendering, variant-rendering]' suppresses nothing",
        "unknown rule 'forbiden-rendering' in suppression "
        "'termcheck: ignore[forbiden-rendering, variant-rendering]'; did you mean 'forbidden-rendering'?",
    ]


def test_read_error_is_never_suppressed():
    error = Finding("read-error", "error", "a.po", 1, 1, "PO syntax error")
    s = Suppression("a.po", 1, 3, frozenset({("read-error", None)}), 1, 1, "termcheck: ignore[read-error]")
    kept, unused = apply_suppressions([error], [marker(1, None, path="a.po"), s])
    assert kept == [error]
    assert sorted(u.message for u in unused) == [
        "rule 'read-error' cannot be suppressed (in 'termcheck: ignore[read-error]')",
        "suppression 'termcheck: ignore[...]' suppresses nothing",
    ]


def test_read_error_of_a_missing_file_is_kept(tmp_path):
    kept, unused = check(str(tmp_path / "missing.txt"))
    assert where(kept) == [("read-error", 1)] and unused == []
    assert read_suppressions(str(tmp_path / "missing.txt"), "text") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("termcheck: ignore[variant-rendering", "unclosed '['"),
        ("termcheck: ignore[]", "no rule between '[' and ']'"),
        ("termcheck: ignore[ , ]", "no rule between '[' and ']'"),
    ],
)
def test_malformed_markers_suppress_nothing_and_are_reported(text, problem):
    (s,) = scan_suppressions("a.txt", f"Kiev {text}\n", "text")
    kept, (u,) = apply_suppressions([finding("variant-rendering", 1)], [s])
    assert len(kept) == 1  # never widened to a bare `ignore`
    assert u.message == f"malformed suppression '{text}': {problem}"


def test_marker_syntax_is_tolerant_of_case_and_spacing():
    (s,) = scan_suppressions("a.txt", "x TermCheck:IGNORE[ Variant-Rendering : KYIV ,]\n", "text")
    assert s.rules == frozenset({("variant-rendering", "kyiv")})
    assert scan_suppressions("a.txt", "termcheck: ignored\nmytermcheck: ignore\n", "text") == []


def test_unknown_format_has_no_suppressions():
    assert scan_suppressions("a.csv", "termcheck: ignore\n", "csv") == []


def test_unused_suppression_rule_is_documented():
    rule = UnusedSuppression()
    assert (rule.id, rule.severity) == ("unused-suppression", "info") and rule.summary
    doc = UnusedSuppression.__doc__ or ""
    for section in ("## What it does", "## Why is this bad?", "## Example"):
        assert section in doc
