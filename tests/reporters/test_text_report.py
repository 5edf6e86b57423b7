"""The text report: one line per finding, a short summary for large multilingual corpora
(the full lists with --verbose), counts that say what they count, in correct English."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from checker.cli import main
from checker.findings import Finding
from checker.reporters.text import render
from checker.result import CheckResult, DocumentSummary
from checker.scores import RenderingCount, TermScore

GLOSSARY = """version: 1
terms:
  - id: hash
    renderings:
      en:
        preferred: hash functions
        variants: [hashing algorithms]
        forbidden: [hash thingies]
"""


def invoke(*args: str, cwd: str | None = None):
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def test_rendering_across_a_line_break_or_tab_stays_on_one_line(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "We use hashing\nalgorithms here.\n\nNot hash\tthingies, nor hash  \r\n  thingies.\n")
    out = invoke("check", "-g", g, doc, "-j", "1").output
    head = out.split("\n\n")[0].splitlines()  # the findings, before the first blank line
    assert all(line.startswith(f"{doc}:") for line in head), head  # no finding broken over two lines
    assert [line.split(" [hash] ")[1].split(";")[0] for line in head] == [
        "variant 'hashing algorithms'",
        "forbidden rendering 'hash thingies'",
        "forbidden rendering 'hash thingies'",
    ]
    # The JSON report keeps the text exactly as written.
    report = json.loads(invoke("check", "-g", g, doc, "-j", "1", "--format", "json").output)
    assert [f["text"] for f in report["findings"]] == ["hashing\nalgorithms", "hash\tthingies", "hash  \n  thingies"]


def _doc(path: str, language: str | None = "en", segments: int = 1, verifiable: bool = True) -> DocumentSummary:
    return DocumentSummary(path, "text", language, "path" if language else "unknown", segments, verifiable)


def _term(term_id: str, language: str, *renderings: tuple[str, str, dict[str, int]]) -> TermScore:
    counts = tuple(RenderingCount(text, status, sum(docs.values()), docs) for text, status, docs in renderings)
    total = sum(r.count for r in counts)
    return TermScore(term_id, language, total, counts, counts[0].text, round(counts[0].count / total, 4),
                     tuple((r.text, r.count / total) for r in counts))


def _result(documents, terms=(), findings=(), absent=()) -> CheckResult:
    return CheckResult(tuple(documents), tuple(terms), tuple(findings), "sig", tuple(absent))


def test_file_names_and_control_characters_are_escaped_not_printed():
    finding = Finding("forbidden-rendering", "error", "en/a\nb.txt", 1, 5, "forbidden rendering 'x\x1b[2Jy'; use 'z'", "t")
    out = render(_result([_doc("en/a\nb.txt")], findings=[finding]))
    assert out.splitlines()[0] == "en/a\\nb.txt:1:5: error forbidden-rendering [t] forbidden rendering 'x\\x1b[2Jy'; use 'z'"
    assert "\x1b" not in out
    verbose = render(_result([_doc("en/a\nb.txt")], findings=[finding]), verbose=True)
    assert "  [1] en/a\\nb.txt (en, from path; 1 segment)" in verbose.splitlines()


def test_documents_are_summarised_per_language_and_listed_with_verbose():
    docs = [_doc("de/1.txt", "de"), _doc("fr/1.txt", "fr", segments=0), _doc("de/2.txt", "de"),
            _doc("eo/1.txt", "eo", verifiable=False), _doc("x/1.txt", None), _doc("eo/2.txt", "eo", verifiable=False)]
    lines = render(_result(docs)).splitlines()
    assert lines[0] == ("Documents: 6 in 3 languages (de 2, eo 2, fr 1, unknown 1); language from: path 5, unknown 1; "
                        "1 with no segments")
    assert lines[1] == "  not verified (no detection model, wrong-language silent): 2 documents in 1 language: eo"
    assert not any("de/1.txt" in line for line in lines)
    verbose = render(_result(docs), verbose=True).splitlines()
    assert [line for line in verbose if line.startswith("  [")] == [
        "  [1] de/1.txt (de, from path; 1 segment)",
        "  [2] fr/1.txt (fr, from path; 0 segments)",
        "  [3] de/2.txt (de, from path; 1 segment)",
        "  [4] eo/1.txt (eo, from path; 1 segment)",
        "  [5] x/1.txt (?, from unknown; 1 segment)",
        "  [6] eo/2.txt (eo, from path; 1 segment)",
    ]


LANGUAGES = ("af ar bg bn ca cs cy da de el en es et fa fi fr he hi hr hu id it ja kn ko lt lv mk ml mr "
             "ne nl pa pl pt ro ru sk sl sq sv sw ta te th tr uk ur vi zh").split()


def test_a_large_multilingual_corpus_reports_in_few_lines(write, tmp_path):
    g = write("glossary.yml", "version: 1\nterms:\n  - id: x\n    renderings:\n" +
              "".join(f"      {lang}: {{preferred: Kyiv, forbidden: [Kiev]}}\n" for lang in LANGUAGES))
    for lang in LANGUAGES:
        for i in range(4):
            write(f"c/{lang}/{i}.txt", "Kiev." if (lang, i) == ("uk", 3) else "Kyiv.")
    # --no-stemming: 50 languages' dictionaries would take a minute to load, and change nothing here
    args = ("check", "-g", g, str(tmp_path / "c"), "-j", "1", "--no-stemming")
    out = invoke(*args).output
    lines = out.splitlines()
    assert f"c{os.sep}uk{os.sep}3.txt:1:1: error forbidden-rendering [x] forbidden rendering 'Kiev'" in lines[0]
    assert len(lines) < 20, out  # 200 documents, 50 term-language pairs: no list of either
    assert lines[2] == "Documents: 200 in 50 languages; language from: path 200"
    assert "  af 4, ar 4, bg 4," in out and out.count(" 4,") == 49  # every language once, sorted
    assert "  x (uk): 4 occurrences, consistency 0.75, variation" in out
    assert "  49 more with one rendering each and no findings" in lines
    assert lines[-1] == ("1 finding (1 error, 0 warnings, 0 info) in 200 documents; "
                         "1 term found in 50 languages (50 term-language pairs)")
    assert invoke(*args).output == out  # deterministic
    verbose = invoke(*args, "--verbose").output
    assert sum(line.startswith("  [") for line in verbose.splitlines()) == 200
    assert "  x (af): 4 occurrences, consistency 1.00, variation 0.00" in verbose


def test_term_tables_only_for_varied_terms_and_terms_with_findings():
    docs = [_doc("de/a.po", "de-AT"), _doc("en/a.txt", "en")]
    terms = [
        _term("account", "de", ("Konto", "preferred", {"de/a.po": 3}), ("Account", "forbidden", {"de/a.po": 2})),
        _term("field", "de", ("Feld", "preferred", {"de/a.po": 4})),
        _term("field", "en", ("field", "preferred", {"en/a.txt": 1})),
        _term("kyiv", "en", ("Kiev", "forbidden", {"en/a.txt": 2})),
        _term("user", "de", ("Benutzer", "preferred", {"de/a.po": 1})),
    ]
    findings = [
        Finding("missing-rendering", "error", "de/a.po", 3, 1, "source has 'field' but ...", "field"),
        Finding("forbidden-rendering", "error", "en/a.txt", 1, 1, "forbidden rendering 'Kiev'", "kyiv"),
    ]
    result = _result(docs, terms, findings, absent=[("de", "limit"), ("de", "token"), ("en", "limit"),
                                                     ("en", "token"), ("fr", "limit")])
    # A finding in a de-AT document names the de term, not the en one.
    assert result.terms_with_findings == {("field", "de"), ("kyiv", "en")}
    lines = render(result).splitlines()
    start = lines.index("Terms with more than one rendering or with findings: 3 of 5 (--verbose: all)")
    assert lines[start + 1:] == [
        "  account (de): 5 occurrences, consistency 0.60, variation 0.41",
        "       3  Konto    preferred  in 1 document",
        "       2  Account  forbidden  in 1 document",
        "  kyiv (en): 2 occurrences, consistency 1.00, variation 0.00",
        "       2  Kiev  forbidden  in 1 document",
        "  only the preferred rendering, with findings (de): field",
        "  2 more with one rendering each and no findings",
        "  not found (de, en): limit, token",
        "  not found (fr): limit",
        "",
        "2 findings (2 errors, 0 warnings, 0 info) in 2 documents; 4 terms found in 2 languages "
        "(5 term-language pairs)",
    ]
    verbose = render(result, verbose=True)
    assert "  user (de): 1 occurrence, consistency 1.00, variation 0.00\n       1  Benutzer  preferred  [1] 1\n" in verbose


def test_counts_are_singular_when_one(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "Hash thingies.")
    out = invoke("check", "-g", g, doc).output.splitlines()
    assert out[-1] == "1 finding (1 error, 0 warnings, 0 info) in 1 document; 1 term found in 1 language"
    assert "  hash (en): 1 occurrence, consistency 1.00, variation 0.00" in out
    assert f"  [1] {doc} (en, from path; 1 segment)" in invoke("check", "-g", g, doc, "-v").output.splitlines()
    clean = invoke("check", "-g", g, write("en/b.txt", "No term here.")).output.splitlines()
    assert clean[-1] == "0 findings (0 errors, 0 warnings, 0 info) in 1 document; 0 terms found"


def test_quiet_and_verbose_exclude_each_other(write):
    g = write("glossary.yml", GLOSSARY)
    result = CliRunner().invoke(main, ["check", "-q", "-v", "-g", g, write("en/a.txt", "x")])
    assert result.exit_code == 2 and "-q/--quiet and -v/--verbose exclude each other" in result.output
