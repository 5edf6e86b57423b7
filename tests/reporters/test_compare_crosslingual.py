"""The compare reports across languages (text, JSON, HTML) on a real source and its
translations: an excerpt of the Debian Reference, chapter 2, in English, German and French
(tests/data/real/parallel-mini/, GPL-2+). The glossary sets one term per status: 'Spiegel-Server'
forbidden, 'Nutzer' a variant, 'Beherrschung von Risiken' where the German text has
'Beherrschung der Risiken' (other); the German leaves out 'archive' once (absent)."""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.comparison import run_compare
from checker.glossary import load_glossary
from checker.reporters import html as html_reporter

ROOT = Path(__file__).resolve().parents[2]
DATA = "tests/data/real/parallel-mini"
EN, DE, FR = f"{DATA}/ch02.en.html", f"{DATA}/ch02.de.html", f"{DATA}/ch02.fr.html"
GLOSSARY = f"{DATA}/glossary.yml"
GOLDEN = ROOT / "tests" / "golden" / "compare-crosslingual.txt"
#: the labelled parallel set (Debian Reference 1.2-1.2.4 in en, de, fr, ja; see its README)
PARALLEL = "tests/data/real/parallel"


def in_root(fn):
    """fn() run in the checkout, where the reports name the files as given here."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return fn()
    finally:
        os.chdir(old)


def invoke(*args: str):
    return in_root(lambda: CliRunner().invoke(main, list(args), catch_exceptions=False))


def compared(paths: list[str], glossary: str = GLOSSARY, **options):
    return in_root(lambda: run_compare(paths, load_glossary(glossary), **options))


def text_at(path: str, line: int, column: int, length: int) -> str:
    """`length` characters of `path` from line:column (1-based, in characters, as the
    reports count them; a span may run onto the next lines)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: line - 1]) + column - 1
    return text[start : start + length]


@pytest.fixture(scope="module")
def report() -> dict:
    result = invoke("compare", EN, DE, "-g", GLOSSARY, "--source-lang", "en", "--format", "json")
    assert result.exit_code == 0
    return json.loads(result.output)


@pytest.fixture(scope="module")
def chained():
    return compared([EN, DE, FR], chain=True)


# ---------------------------------------------------------------------------- text


def test_text_report_shows_each_terms_status_under_its_pair():
    result = invoke("compare", EN, DE, "-g", GLOSSARY, "--source-lang", "en")
    out = result.output
    assert "[2] against [1], across languages (en -> de): 27 aligned pairs" in out
    assert "chrF" not in out and "BLEU" not in out
    assert "mirror-site: 'mirror sites' -> forbidden 'Spiegel-Servern'" in out
    assert "user: 'user' -> variant 'Nutzer'" in out
    assert "risk-containment: 'risk containment' -> other 'Beherrschung der Risiken'" in out
    assert "archive: 'archive' -> absent" in out
    # findings name the translation's place and the source passage they come from
    assert (f"{DE}:19:157: error forbidden-rendering [mirror-site] forbidden 'Spiegel-Servern' for 'mirror sites' "
            f"in the aligned source passage {EN}:16:168; preferred: 'Spiegelserver'") in out
    if os.environ.get("TERMCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8"), "report changed; review and rerun with TERMCHECK_UPDATE_GOLDEN=1"


def test_text_report_of_a_clean_translation_has_no_finding(tmp_path):
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("version: 1\nterms:\n"
                        "  - id: security-risk\n    renderings: {en: security risk, de: Sicherheitsrisiko}\n"
                        "  - id: system-administrator\n    renderings: {en: system administrator, de: Systemadministrator}\n",
                        encoding="utf-8")
    result = invoke("compare", EN, DE, "-g", str(glossary), "--source-lang", "en", "--fail-on", "info")
    assert result.exit_code == 0
    assert "27 aligned pairs, all with every term rendered as preferred, or none" in result.output
    assert result.output.endswith("\n0 findings (0 errors, 0 warnings, 0 info) in 2 documents\n")


def test_chain_report_names_where_each_term_drifts():
    out = invoke("compare", EN, DE, FR, "-g", GLOSSARY, "--chain").output
    assert "Terms through the chain: 41 source occurrences, 12 drifting" in out
    assert ("mirror-site: [1] 'mirror sites' preferred -> [2] 'Spiegel-Servern' forbidden -> "
            f"[3] 'sites-miroirs' preferred  (drifts at [2] {DE}:19:157)") in out
    # the French translation left this paragraph in English: 'package' is lost at [3]
    assert f"package: [1] 'package' preferred -> [2] 'Paket' preferred -> [3] '—' absent  (drifts at [3] {FR}:23:10)" in out


# ---------------------------------------------------------------------------- JSON


def test_json_marks_the_comparison_as_crosslingual(report):
    c = report["comparisons"][0]
    assert (c["document"], c["reference"], c["crosslingual"]) == (DE, EN, True)
    assert c["similarity"]["chrf"] is None and c["similarity"]["bleu"] is None
    # a faithful translation: (nearly) every sentence of each side is in a pair
    assert c["similarity"]["aligned_reference"] >= 0.9 and c["similarity"]["aligned_document"] >= 0.9
    assert len(c["pairs"]) == 27 and all("shared" in p for p in c["pairs"])
    assert "term:mirror-site" in c["pairs"][6]["shared"]


def test_json_traces_point_at_the_words_in_both_files(report):
    terms = report["comparisons"][0]["terms"]
    assert Counter(t["status"] for t in terms) == {"preferred": 34, "absent": 4, "variant": 1, "forbidden": 1, "other": 1}
    for t in terms:
        src = t["source"]
        assert src["path"] == EN
        assert text_at(EN, src["line"], src["column"], len(src["text"])) == src["text"]
        if t["status"] in ("preferred", "variant", "forbidden"):
            found = t["found"]
            assert found["path"] == DE
            assert text_at(DE, found["line"], found["column"], len(found["text"])) == found["text"]
        elif t["status"] == "absent":
            assert "found" not in t
    by_term = {(t["term"], t["status"]): t for t in terms}
    forbidden = by_term["mirror-site", "forbidden"]
    assert (forbidden["source"]["line"], forbidden["source"]["column"], forbidden["source"]["text"]) == (16, 168, "mirror sites")
    assert (forbidden["found"]["line"], forbidden["found"]["column"], forbidden["found"]["text"]) == (19, 157, "Spiegel-Servern")
    # `other` is an unlisted span: its place is where those words are
    other = by_term["risk-containment", "other"]
    found = other["found"]
    assert found["text"] == "Beherrschung der Risiken"
    line = (ROOT / DE).read_text(encoding="utf-8").splitlines()[found["line"] - 1]
    assert line[found["column"] - 1:].startswith("Beherrschung der Risiken")


def test_json_findings_relate_to_the_source_passage(report):
    findings = {(f["rule"], f["term"]): f for f in report["findings"]}
    assert {rule for rule, _ in findings} == {"forbidden-rendering", "variant-rendering", "missing-rendering"}
    variant = findings["variant-rendering", "user"]
    assert (variant["path"], variant["line"], variant["column"]) == (DE, 23, 57)
    assert text_at(DE, 23, 57, 6) == "Nutzer"
    assert variant["related"] == [{"path": EN, "line": 18, "column": 124}]
    assert text_at(EN, 18, 124, 4) == "user"


def test_json_chains(chained):
    from checker.reporters.json import compare_as_dict

    chains = compare_as_dict(chained)["chains"]
    assert len(chains) == 41 and sum(1 for ch in chains if ch["drift"] is not None) == 12
    user = next(ch for ch in chains if ch["term"] == "user")
    assert [(s["path"], s["status"], s["text"]) for s in user["steps"]] == [
        (EN, "preferred", "user"), (DE, "variant", "Nutzer"), (FR, "preferred", "utilisateur")]
    assert user["drift"] == 1
    for step in user["steps"]:
        assert text_at(step["path"], step["line"], step["column"], len(step["text"])) == step["text"]


@pytest.mark.parametrize("language", ["de", "fr", "ja"])
def test_json_trace_places_on_a_larger_real_section(language):
    """Every source term and every rendering found starts where the JSON says, in Latin and
    Japanese script alike (a rendering may run across markup: "sticky</strong></span> bit")."""
    from checker.reporters.json import compare_as_dict

    result = compared([f"{PARALLEL}/debian-reference-en.html", f"{PARALLEL}/debian-reference-{language}.html"],
                      f"{PARALLEL}/glossary.yml")
    terms = compare_as_dict(result)["comparisons"][0]["terms"]
    assert len(terms) > 200
    places = [t["source"] for t in terms] + [t["found"] for t in terms if t["status"] in ("preferred", "variant", "forbidden")]
    for place in places:
        # the file from that place, read as text: markup dropped, entities decoded, spaces collapsed
        raw = text_at(place["path"], place["line"], place["column"], len(place["text"]) + 200)
        read = " ".join(html.unescape(re.sub(r"<[^>]*>", "", raw)).split())
        assert read.startswith(" ".join(place["text"].split())), place


# ---------------------------------------------------------------------------- HTML


class Marks(HTMLParser):
    """The parts of the compare page these tests look at: sections, marks, pair rows, chain cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.section = ""
        self.open: list[str] = []  # classes of the marks being read
        self.marks: list[tuple[str, str, str]] = []  # section, class, text
        self.rows: list[dict] = []  # pair rows: section, statuses
        self.drift_cells = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("id", "")
        if tag == "tr" and "data-statuses" in a and self.section.startswith("compare-"):
            self.rows.append({"section": self.section, "statuses": a["data-statuses"].split()})
        if tag == "td" and "drift" in (a.get("class") or "").split():
            self.drift_cells += 1
        if tag == "mark":
            self.open.append(a.get("class") or "")
            self.text = []

    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            self.marks.append((self.section, self.open.pop(), "".join(self.text)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_page_has_no_chrf_and_highlights_each_status_on_both_sides():
    result = compared([EN, DE], source_lang="en")
    page = html_reporter.render_compare(result)
    assert page == html_reporter.render_compare(result)  # deterministic
    assert "Aligned across languages (en -&gt; de)" in page and "chrF signature" not in page
    parsed = Marks()
    parsed.feed(page)
    marks = [(cls, text) for section, cls, text in parsed.marks if section == "compare-2"]
    # the translation's words, marked with their status
    assert ("term s-forbidden", "Spiegel-Servern") in marks and ("term s-variant", "Nutzer") in marks
    assert ("term s-other", "Beherrschung der Risiken") in marks
    # the source's words, marked with what the translation has for them
    assert ("term s-forbidden", "mirror sites") in marks and ("term s-other", "risk containment") in marks
    assert ("term s-absent", "archive") in marks
    legend = [text for cls, text in marks if cls.startswith("term s-")][:5]
    assert legend == ["preferred", "variant", "forbidden", "other", "absent"]
    # every aligned pair is there; 6 have a term not rendered as preferred (the filter's default)
    rows = [r for r in parsed.rows if r["section"] == "compare-2"]
    assert len(rows) == 27 and sum("not-preferred" in r["statuses"] for r in rows) == 6
    assert '<option value="not-preferred" selected>' in page


def test_html_chain_table_marks_the_drift(chained):
    page = html_reporter.render_compare(chained)
    assert 'id="chains"' in page and "Terms through the chain" in page
    parsed = Marks()
    parsed.feed(page)
    assert parsed.drift_cells == 12  # one per drifting occurrence


def test_same_language_pages_carry_no_crosslingual_assets():
    result = compared(["translations/en/000-mid-unofficial-translation.txt",
                       "translations/en/002-german-sourced-report.txt"], "glossary.yml")
    page = html_reporter.render_compare(result)
    assert "row-filter" not in page and "s-absent" not in page and "Terms through the chain" not in page
