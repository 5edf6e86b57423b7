"""The HTML report (`--format html`), without a browser: structure checked with html.parser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from checker.findings import Finding, Location
from checker.glossary import load_glossary
from checker.pipeline import run_check
from checker.reporters import html as html_reporter
from checker.result import CheckResult, DocumentSummary
from checker.scores import RenderingCount, TermScore

ROOT = Path(__file__).resolve().parents[2]
DOC_000 = "translations/en/000-mid-unofficial-translation.txt"
DOC_002 = "translations/en/002-german-sourced-report.txt"
VOID = {"meta", "br", "input", "link", "img", "hr", "wbr", "col", "source", "area", "base", "embed", "track"}


# ---------------------------------------------------------------------------- a small DOM


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        return [
            n for n in self.iter()
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> "Node":
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        raise AssertionError(f"stray </{tag}>")

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[n.tag for n in builder.stack[1:]]}"
    return builder.root


# ---------------------------------------------------------------------------- fixtures


def _in_root(fn, *args):
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return fn(*args)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return _in_root(lambda: run_check(["translations/"], load_glossary("glossary.yml")))


@pytest.fixture(scope="module")
def page(result) -> str:
    return html_reporter.render(result)


@pytest.fixture(scope="module")
def dom(page) -> Node:
    return parse(page)


@pytest.fixture(scope="module")
def compared():
    from checker.comparison import run_compare

    return _in_root(lambda: run_compare([DOC_000, DOC_002], load_glossary("glossary.yml")))


# ---------------------------------------------------------------------------- the check page


def test_page_is_one_self_contained_document(page, dom):
    assert page.startswith("<!DOCTYPE html>")
    assert dom.find("html").attrs["lang"] == "en"
    assert dom.find_all("style") and dom.find_all("script")
    # nothing is loaded from anywhere: no external scripts, stylesheets, imports or URLs in CSS
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert not re.search(r"\b(src|href)\s*=\s*['\"]?(https?:)?//", page, re.I)
    csp = dom.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_light_dark_and_print_styles(page):
    assert "prefers-color-scheme: dark" in page
    assert "@media print" in page
    assert 'name="color-scheme" content="light dark"' in page


def test_overview_documents_severity_counts_consistency_signature(result, dom):
    overview = dom.find("section", id="overview")
    rows = overview.find("table", cls="documents").find("tbody").find_all("tr")
    assert len(rows) == len(result.documents) == 4
    by_path = {r.find("code").text(): [c.text().strip() for c in r.find_all("td")] for r in rows}
    cells = by_path[DOC_002]
    assert cells[3].startswith("en") and "from path" in cells[3]
    assert cells[4] == "12"  # segments
    counts = Counter((f.path, f.severity) for f in result.findings)
    assert cells[5:] == [str(counts[(DOC_002, s)]) for s in ("error", "warning", "info")]
    assert cells[5] == "2"  # Kiev, twice
    occurrences = sum(t.occurrences for t in result.terms)
    expected = sum(t.consistency * t.occurrences for t in result.terms) / occurrences
    assert overview.find(cls="score").text() == f"{expected:.2f}"
    assert dom.find("code", cls="signature").text() == result.signature


def test_heat_map_has_a_row_per_term_and_a_column_per_document(result, dom):
    table = dom.find("table", cls="heatmap")
    columns = table.find("thead").find_all("th", cls="doc")
    # every document uses glossary terms: all are columns, in path order, in one band "en"
    assert [c.attrs["title"].split("\n")[0] for c in columns] == [d.path for d in result.documents]
    uses = Counter()
    for t in result.terms:
        for r in t.renderings:
            uses.update(r.documents)
    assert [c.attrs["title"].split("\n")[1] for c in columns] == [
        f"{uses[d.path]} occurrences of glossary terms" for d in result.documents
    ]
    # the file names tell the four apart: the column shows no more of the path
    assert [c.find(cls="name").text() for c in columns] == [Path(d.path).name for d in result.documents]
    (band,) = table.find("thead").find_all("th", cls="band")
    assert band.text().split() == ["en", "4", "documents"] and band.attrs["colspan"] == "4"
    assert not table.find_all("td", cls="other-language")
    assert "columns-note" not in {c for n in dom.iter() for c in n.classes}
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(result.terms) == 15
    expected = [t.term_id for t in sorted(result.terms, key=lambda t: (-t.variation, t.term_id))]
    assert [r.attrs["data-term"] for r in rows] == expected
    for row in rows:
        cells = [c for c in row.find_all("td", cls="cell") if "total" not in c.classes]
        assert len(cells) == len(result.documents)


def test_heat_map_sphere_of_influence_is_in_000_only(dom):
    row = dom.find("table", cls="heatmap").find("tr", data_term="sphere-of-influence")
    cells = [c for c in row.find_all("td", cls="cell") if "total" not in c.classes]
    first, *others = cells
    assert first.text() == "1.00" and "c4" in first.classes and "absent" not in first.classes
    assert "1 of 1" in first.attrs["title"]
    for cell in others:
        assert "absent" in cell.classes and cell.text() == ""


def test_heat_map_cell_is_the_documents_share_of_the_reference(dom):
    row = dom.find("table", cls="heatmap").find("tr", data_term="indivisible-security")
    cells = [c.text() for c in row.find_all("td", cls="cell")]
    # 000: 5 'indivisible security' of 7; 001: 1 of 1; 002: 1 of 3; 004: 3 of 3; all: 0.71
    assert cells == ["0.71", "1.00", "0.33", "1.00", "0.71"]
    kyiv = dom.find("table", cls="heatmap").find("tr", data_term="kyiv")
    assert kyiv.find_all("span", cls="flag-f")  # 'Kiev' is forbidden: said, not only coloured


def test_each_term_has_bars_with_a_segment_per_rendering(result, dom):
    for t in result.terms:
        article = dom.find("article", id=f"term-{t.term_id}-{t.language}")
        bars = article.find_all(cls="bar-row")
        paths = sorted({p for r in t.renderings for p in r.documents})
        assert [b.find(cls="bar-label").attrs["title"] for b in bars] == [
            d.path for d in result.documents if d.path in paths
        ]
        for bar in bars:
            path = bar.find(cls="bar-label").attrs["title"]
            segments = bar.find_all("span", cls="seg")
            used = [r for r in t.renderings if r.documents.get(path)]
            assert [s.find("span", cls="seg-text").text() for s in segments] == [r.text for r in used]
            assert all(f"s-{r.status}" in s.classes for s, r in zip(segments, used))
            assert all(s.find("b").text() for s in segments)  # a status letter: not colour alone
        rows = article.find("table", cls="renderings").find("tbody").find_all("tr")
        (entry,) = [e for e in result.entries if (e.term_id, e.language) == (t.term_id, t.language)]
        # the whole glossary entry: the used renderings first, then the unused with a count of 0
        assert len(rows) == len(entry.renderings) >= len(t.renderings)
        assert "Glossary entry" in article.find("caption").text()


def test_unused_renderings_of_the_glossary_entry_are_listed(dom):
    article = dom.find("article", id="term-indivisible-security-en")
    rows = article.find("table", cls="renderings").find("tbody").find_all("tr")
    cells = [[td.text() for td in row.find_all("td")] for row in rows]
    assert [c[1:4] for c in cells][-1] == ["undivided security", "forbidden", "0"]


def test_bar_widths_are_shares_of_the_document(dom):
    article = dom.find("article", id="term-indivisible-security-en")
    bar = next(b for b in article.find_all(cls="bar-row") if b.find(cls="bar-label").attrs["title"] == DOC_000)
    widths = [s.attrs["style"] for s in bar.find_all("span", cls="seg")]
    assert widths == ["width:71.43%", "width:28.57%"]
    assert bar.find(cls="bar-total").text() == "7"


def test_unlisted_renderings_are_counted_per_document(root):
    from checker.pipeline import CheckOptions

    result = _in_root(lambda: run_check(["translations/"], load_glossary("glossary.yml"), CheckOptions(discover=True)))
    dom = parse(html_reporter.render(result))
    unlisted = Counter(f.path for f in result.findings if f.rule == "unlisted-rendering" and f.term == "indivisible-security")
    assert unlisted[DOC_000] == 3
    article = dom.find("article", id="term-indivisible-security-en")
    bar = next(b for b in article.find_all(cls="bar-row") if b.find(cls="bar-label").attrs["title"] == DOC_000)
    segment = bar.find("span", cls="s-unlisted")
    assert segment.find("b").text() == "U" and "×3" in segment.text()
    assert bar.find(cls="bar-total").text() == "10"  # 7 listed + 3 unlisted


def test_every_finding_is_listed_with_rule_and_severity(result, dom):
    items = dom.find_all("li", cls="finding")
    assert len(items) == len(result.findings) > 0
    assert Counter((i.attrs["data-rule"], i.attrs["data-severity"]) for i in items) == Counter(
        (f.rule, f.severity) for f in result.findings
    )
    kiev = [i for i in items if i.attrs["data-rule"] == "forbidden-rendering"]
    assert len(kiev) == 2
    first = kiev[0]
    assert first.find(cls="where").text() == "15:140"
    assert first.find(cls="term").text() == "[kyiv]"
    assert first.find("mark").text() == "Kiev"
    snippet = first.find("q", cls="snippet").text()
    assert "Ukrainian president in Kiev. Boris Johnson" in snippet
    groups = dom.find("section", id="findings").find_all("section", cls="finding-group")
    assert [g.find("code").text() for g in groups] == [d.path for d in result.documents]


def test_filters_work_without_javascript_too(dom, result):
    form = dom.find("form", cls="controls")
    assert "hidden" in form.attrs  # shown by the script; without it, every finding is simply listed
    options = [o.attrs["value"] for o in form.find("select").find_all("option")]
    assert options == ["", *sorted({f.rule for f in result.findings})]
    assert "forbidden-rendering" in options  # Kiev
    assert [i.attrs["value"] for i in form.find_all("input", name="severity")] == ["error", "warning", "info"]
    assert form.find("input", type="search")
    assert not [i for i in dom.find_all("li", cls="finding") if "hidden" in i.attrs]


def test_rendering_is_deterministic(result, page):
    assert html_reporter.render(result) == page


def test_absent_terms_are_listed(result):
    import dataclasses

    with_absent = dataclasses.replace(result, absent=(("de", "astana-declaration"), ("en", "osce-minsk")))
    dom = parse(html_reporter.render(with_absent))
    listed = dom.find("ul", cls="absent-terms").text()
    assert "astana-declaration" in listed and "osce-minsk" in listed


def test_document_text_is_escaped(tmp_path):
    evil = 'Kiev <script>alert(1)</script> and "onerror=alert(2) <img src=x onerror=alert(3)> & more.'
    name = "a<b>'\"x.txt"
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / name).write_text(f"The president in {evil}\n", encoding="utf-8")
    glossary = load_glossary(str(ROOT / "glossary.yml"))
    result = run_check([str(tmp_path / "en")], glossary)
    assert any(f.rule == "forbidden-rendering" for f in result.findings)
    page = html_reporter.render(result)
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>'" not in page
    assert '"onerror=' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    dom = parse(page)
    assert len(dom.find_all("script")) == 1
    assert not [n for n in dom.iter() if any(k.startswith("on") for k in n.attrs)]
    snippet = dom.find("q", cls="snippet").text()
    assert "<script>alert(1)</script>" in snippet  # shown as text, as written
    assert dom.find("section", cls="finding-group").find("code").text().endswith(name)


def _synthetic(documents: int, terms: int, findings_per_rule: dict[str, int]) -> CheckResult:
    docs = tuple(DocumentSummary(f"corpus/en/part-{i:04d}.txt", "text", "en", "path", 100) for i in range(documents))
    scores = []
    for k in range(terms):
        renderings = (
            RenderingCount(f"term {k}", "preferred", 2 * documents, {d.path: 2 for d in docs}),
            RenderingCount(f"term {k} variant", "variant", documents, {d.path: 1 for d in docs}),
        )
        scores.append(TermScore(f"term-{k:05d}", "en", 3 * documents, renderings, f"term {k}", 0.6667,
                                ((f"term {k}", 2 / 3), (f"term {k} variant", 1 / 3))))
    findings = []
    for rule, n in findings_per_rule.items():
        severity = "error" if rule == "forbidden-rendering" else "warning"
        for i in range(n):
            doc = docs[i % documents].path
            findings.append(Finding(rule, severity, doc, i + 1, 5, f"message {i} about <term>", f"term-{i % terms:05d}",
                                    "term", context=("before " * 8, " after" * 8)))
    findings.sort(key=Finding.sort_key)
    return CheckResult(docs, tuple(scores), tuple(findings), "termcheck:test")


# ---------------------------------------------------------------------------- many languages


def _catalog(app: str, language: str) -> str:
    return f"site/{app}/locale/{language}/LC_MESSAGES/django.po"


#: (app, language) -> occurrences of 'password' (de 'Passwort', fr 'mot de passe'); es uses none
MULTILINGUAL_USES = {("admin", "de"): 4, ("auth", "de"): 3, ("admin", "fr"): 3, ("core", "fr"): 1}


def _multilingual() -> CheckResult:
    """3 languages x 3 catalogs, as Django lays them out; 4 catalogs use the glossary."""
    docs = tuple(DocumentSummary(_catalog(app, lang), "po", lang, "header", 20)
                 for app in ("admin", "auth", "core") for lang in ("de", "es", "fr"))
    terms = []
    for lang, text in (("de", "Passwort"), ("fr", "mot de passe")):
        used = {_catalog(app, l): n for (app, l), n in MULTILINGUAL_USES.items() if l == lang}
        terms.append(TermScore("password", lang, sum(used.values()),
                               (RenderingCount(text, "preferred", sum(used.values()), used),), text, 1.0,
                               ((text, 1.0),)))
    return CheckResult(docs, tuple(terms), (), "termcheck:multilingual")


def _heat_columns(dom: Node) -> list[Node]:
    return dom.find("table", cls="heatmap").find("thead").find_all("th", cls="doc")


def _column_note(dom: Node) -> str:
    return " ".join(dom.find("p", cls="columns-note").text().split())


def test_heat_map_groups_columns_by_language_and_leaves_out_unused_documents():
    dom = parse(html_reporter.render(_multilingual()))
    table = dom.find("table", cls="heatmap")
    bands = [(" ".join(b.text().split()), b.attrs["colspan"]) for b in table.find_all("th", cls="band")]
    assert bands == [("de 2 of 3 documents", "2"), ("fr 2 of 3 documents", "2")]  # Spanish uses no term: no band
    columns = _heat_columns(dom)
    assert [c.attrs["title"].split("\n")[0] for c in columns] == [
        _catalog("admin", "de"), _catalog("auth", "de"), _catalog("admin", "fr"), _catalog("core", "fr")]
    # the same catalog in two languages has the same label; the band says which language
    assert [c.find(cls="name").text() for c in columns] == [
        "admin/…/django.po", "auth/…/django.po", "admin/…/django.po", "core/…/django.po"]
    # a rule before each language's first column
    assert ["group-start" in c.classes for c in columns] == [True, False, True, False]
    assert _column_note(dom) == ("Not shown as columns: 5 documents use no glossary term "
                                 "(the JSON report lists them all).")
    # the German term in French catalogs: blank, not "unused" (hatched)
    de_row = next(r for r in table.find("tbody").find_all("tr") if r.find("span", cls="lang").text() == "de")
    cells = [c for c in de_row.find_all("td", cls="cell") if "total" not in c.classes]
    assert [c.text() for c in cells[:2]] == ["1.00", "1.00"]
    assert all("other-language" in c.classes and "absent" not in c.classes for c in cells[2:])


def test_heat_map_shows_the_documents_using_the_glossary_most(monkeypatch):
    monkeypatch.setattr(html_reporter, "MAX_HEATMAP_DOCUMENTS", 2)
    dom = parse(html_reporter.render(_multilingual()))
    # de/admin uses 4; de/auth and fr/admin 3 each: the tie goes to the path that sorts first
    shown = [c.attrs["title"].split("\n")[0] for c in _heat_columns(dom)]
    assert shown == [_catalog("admin", "de"), _catalog("admin", "fr")]
    assert _column_note(dom) == ("Not shown as columns: 2 more documents with fewer uses of glossary terms; "
                                 "5 documents use no glossary term (the JSON report lists them all).")


def test_a_document_without_a_use_is_never_a_column():
    result = _multilingual()
    dom = parse(html_reporter.render(result))
    shown = {c.attrs["title"].split("\n")[0] for c in _heat_columns(dom)}
    assert shown == {_catalog(app, lang) for app, lang in MULTILINGUAL_USES}
    assert len(result.documents) - len(shown) == 5


def test_term_bars_are_labelled_with_the_distinguishing_path_and_language(monkeypatch):
    page = html_reporter.render(_multilingual())
    article = parse(page).find("article", id="term-password-de")
    labels = [" ".join(b.find(cls="bar-label").text().split()) for b in article.find_all(cls="bar-row")]
    assert labels == [f"[{n}] {app}/…/django.po de" for n, app in ((1, "admin"), (4, "auth"))]
    # too many documents for bars: those using the term most are kept
    monkeypatch.setattr(html_reporter, "MAX_BARS_PER_TERM", 1)
    article = parse(html_reporter.render(_multilingual())).find("article", id="term-password-de")
    (bar,) = article.find_all(cls="bar-row")
    assert bar.find(cls="bar-label").attrs["title"] == _catalog("admin", "de")
    assert "and 1 more documents" in article.text()


@pytest.mark.parametrize(("docs", "expected"), [
    # Django: apps tell catalogs apart, the language directory and LC_MESSAGES do not
    ([("dj/conf/locale/de/LC_MESSAGES/django.po", "de"), ("dj/contrib/admin/locale/de/LC_MESSAGES/django.po", "de"),
      ("dj/contrib/admin/locale/de/LC_MESSAGES/djangojs.po", "de"),
      ("dj/contrib/admindocs/locale/en_GB/LC_MESSAGES/django.po", "en-GB")],
     ["conf/…/django.po", "admin/…/django.po", "djangojs.po", "admindocs/…/django.po"]),
    # distinct file names are enough
    ([("translations/en/a.txt", "en"), ("translations/en/b.txt", "en")], ["a.txt", "b.txt"]),
    # catalogs named for their language: the file name, as it is
    ([("po/de.po", "de"), ("po/fr.po", "fr"), ("po/pt_BR.po", "pt-BR")], ["de.po", "fr.po", "pt_BR.po"]),
    # language suffixes: one guide in two languages, a second guide
    ([("docs/guide.fr.md", "fr"), ("docs/guide.de.md", "de"), ("docs/api/guide.de.md", "de")],
     ["docs/guide.fr.md", "docs/guide.de.md", "api/guide.de.md"]),
    # adjacent directories that differ are both kept, skipped ones become "…"
    ([("a/x/y/z/f.txt", "en"), ("b/x/q/z/f.txt", "en"), ("b/x/y/z/f.txt", "en")],
     ["a/…/y/…/f.txt", "q/…/f.txt", "b/…/y/…/f.txt"]),
    # two German catalogs that differ only in the language directory: the whole path
    ([("app/de/x.po", "de"), ("app/de_DE/x.po", "de")], ["de/x.po", "de_DE/x.po"]),
    # a document of unknown language keeps every directory as it is
    ([("notes/de/x.txt", "?"), ("notes/fr/x.txt", "?")], ["de/x.txt", "fr/x.txt"]),
])
def test_distinguishing_labels(docs, expected):
    labels = html_reporter.distinguishing_labels(docs)
    assert [labels[path] for path, _ in docs] == expected
    assert html_reporter.distinguishing_labels(list(reversed(docs))) == labels  # order does not matter


def test_multilingual_rendering_is_deterministic():
    assert html_reporter.render(_multilingual()) == html_reporter.render(_multilingual())


def test_large_results_are_capped(tmp_path):
    limit = html_reporter.MAX_FINDINGS_PER_RULE
    result = _synthetic(documents=100, terms=2000, findings_per_rule={
        "variant-rendering": 40_000, "inconsistent-rendering": 20_000, "forbidden-rendering": 150,
    })
    page = html_reporter.render(result)
    assert len(page.encode("utf-8")) < 2_000_000, len(page)
    dom = parse(page)
    shown = Counter(i.attrs["data-rule"] for i in dom.find_all("li", cls="finding"))
    assert shown == {"variant-rendering": limit, "inconsistent-rendering": limit, "forbidden-rendering": 150}
    more = Counter()
    for li in dom.find_all("li", cls="more"):
        more[li.attrs["data-rule"]] += int(re.match(r"and (\d+) more", li.text()).group(1))
    assert more == {"variant-rendering": 40_000 - limit, "inconsistent-rendering": 20_000 - limit}
    # the filter still counts every finding
    option = dom.find("option", value="variant-rendering")
    assert option.text() == "variant-rendering (40000)"
    heat = dom.find("table", cls="heatmap")
    assert len(heat.find("tbody").find_all("tr")) == html_reporter.MAX_HEATMAP_TERMS
    assert len(heat.find("thead").find_all("th", cls="doc")) == html_reporter.MAX_HEATMAP_DOCUMENTS
    assert len(dom.find_all("article", cls="term-card")) == html_reporter.MAX_TERM_SECTIONS
    assert f"and {2000 - html_reporter.MAX_TERM_SECTIONS} more terms" in page


def test_small_results_are_not_capped():
    result = _synthetic(documents=3, terms=5, findings_per_rule={"variant-rendering": 30})
    dom = parse(html_reporter.render(result))
    assert len(dom.find_all("li", cls="finding")) == 30
    assert not dom.find_all("li", cls="more")
    assert "more terms" not in html_reporter.render(result)


def test_empty_result_renders():
    page = html_reporter.render(CheckResult((), (), (), "termcheck:empty"))
    dom = parse(page)
    assert "No findings." in page and "No glossary term was found" in page
    assert not dom.find_all("table", cls="heatmap")


# ---------------------------------------------------------------------------- the compare page


def test_compare_page_pairs_side_by_side_with_divergent_renderings(compared):
    page = html_reporter.render_compare(compared)
    dom = parse(page)
    comparison = compared.comparisons[0]
    section = dom.find("section", id="compare-2")
    facts = {d.find("dt").text(): d.find("dd").text() for d in section.find("dl").find_all("div")}
    assert facts["chrF"] == f"{comparison.similarity.chrf:.2f}" and facts["BLEU"] == f"{comparison.similarity.bleu:.2f}"
    assert comparison.similarity.chrf_signature in section.text()
    assert comparison.similarity.bleu_signature in section.text()
    rows = section.find("table", cls="pairs").find("tbody").find_all("tr")
    assert len(rows) == len(comparison.pairs) == 8
    assert [r.find("td", cls="score").text().rstrip("≠") for r in rows] == [f"{p.score:.2f}" for p in comparison.pairs]
    # 'indivisible security' (000:25:66) and 'indivisibility of security' (002:9:734) are one pair
    pair = next(r for r in rows if r.find("span", cls="where").text() == "25:1")
    reference, version = pair.find_all("td")[1:]
    ref_divergent = [m.text() for m in reference.find_all("mark", cls="divergent")]
    ver_divergent = [m.text() for m in version.find_all("mark", cls="divergent")]
    assert "indivisible security" in ref_divergent and "indivisibility of security" in ver_divergent
    assert "has-divergent" in pair.classes
    # terms are highlighted in both sides, divergent or not
    assert [m.text() for m in reference.find_all("mark", cls="term")][:1] == ["indivisible security"]
    # the sentence text survives the highlighting unchanged
    sentence = comparison.reference.sentences[comparison.pairs[6].reference[0]]
    assert sentence.text in reference.text()
    divergent = [f for f in compared.findings if f.rule == "divergent-rendering"]
    titles = [m.attrs["title"] for m in section.find("table", cls="pairs").find_all("mark", cls="divergent")]
    assert len(divergent) == 4 and all(sum(f.message in t for t in titles) == 2 for f in divergent)  # both sides


def test_compare_page_terms_and_findings(compared):
    dom = parse(html_reporter.render_compare(compared))
    table = dom.find("table", cls="term-table")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == len(compared.terms)
    sphere = next(r for r in rows if r.find("th").text().startswith("sphere-of-influence"))
    cells = sphere.find_all("td")
    assert "✗ no" in cells[0].text() and "absent from [2]" in cells[0].text()
    assert "sphere of influence" in cells[1].text() and cells[2].text() == "—"
    items = dom.find_all("li", cls="finding")
    assert Counter((i.attrs["data-rule"], i.attrs["data-severity"]) for i in items) == Counter(
        (f.rule, f.severity) for f in compared.findings
    )
    assert dom.find("form", cls="controls")
    assert html_reporter.render_compare(compared) == html_reporter.render_compare(compared)


def test_highlight_places_occurrences_and_escapes_pieces():
    from checker.comparison import Sentence
    from checker.matching.corpus import Occurrence
    from checker.glossary import Rendering

    kyiv = Rendering("kyiv", "en", "Kiev", "forbidden")
    text = "<b>Kiev</b> and Kiev again"
    occurrences = (
        Occurrence(kyiv, "a.txt", 3, 14, "Kiev", 0),  # by position: offset 3
        Occurrence(kyiv, "a.txt", 99, 1, "Kiev", 0),  # wrong position: the next unused 'Kiev'
    )
    sentence = Sentence(0, text, 3, 11, occurrences)
    pieces = html_reporter.highlight(sentence, {("a.txt", 3, 14): "differs"}, "a.txt")
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.kind, p.divergent) for p in pieces if p.kind] == [("Kiev", "forbidden", True),
                                                                         ("Kiev", "forbidden", False)]
    assert pieces[0].text == "<b>" and pieces[2].text == "</b> and "
    env = html_reporter._environment()
    out = str(env.get_template("_macros.html.j2").module.passage(pieces))
    assert "&lt;b&gt;" in out and "<b>" not in out and out.count("<mark") == 2


def test_compare_finding_related_location_marks_the_reference_side():
    from checker.comparison import Sentence
    from checker.matching.corpus import Occurrence
    from checker.glossary import Rendering

    r = Rendering("t", "en", "alpha", "preferred")
    sentence = Sentence(0, "x alpha", 1, 1, (Occurrence(r, "ref.txt", 1, 3, "alpha", 0),))
    marks = {}
    finding = Finding("divergent-rendering", "warning", "v.txt", 1, 1, "m", "t", "beta",
                      (Location("ref.txt", 1, 3),))
    assert finding.related[0] == Location("ref.txt", 1, 3)
    marks[("ref.txt", 1, 3)] = finding.message
    (plain, marked) = html_reporter.highlight(sentence, marks, "ref.txt")
    assert plain.text == "x " and marked.divergent and "divergent: m" in marked.title


# ---------------------------------------------------------------------------- command line and start-up


def test_cli_writes_html_reports(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    report, compare = tmp_path / "report.html", tmp_path / "compare.html"
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        checked = runner.invoke(main, ["check", "--format", "html", "-o", str(report)], catch_exceptions=False)
        compared = runner.invoke(main, ["compare", DOC_000, DOC_002, "--format", "html", "-o", str(compare)],
                                 catch_exceptions=False)
    finally:
        os.chdir(old)
    assert checked.exit_code == 1 and checked.output == ""  # Kiev is forbidden
    assert compared.exit_code == 0
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert 'id="compare-2"' in compare.read_text(encoding="utf-8")


def test_jinja_is_imported_only_to_render():
    probe = ("import sys, checker, checker.cli, checker.reporters, checker.reporters.html; "
             "print('jinja2' in sys.modules, 'markupsafe' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_templates_ship_with_the_package():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'\[tool\.setuptools\.package-data\]\s*checker = \["templates/\*"\]', pyproject)
    assert {"report.html.j2", "compare.html.j2", "report.css", "report.js"} <= {
        p.name for p in html_reporter.TEMPLATES.iterdir()
    }
