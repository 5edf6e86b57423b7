"""The HTML report in a real browser: Playwright driving the system's headless Chromium.

Outside CI the test is skipped when Playwright or Chromium is missing; in CI (CI set) it
fails instead, so a broken browser install cannot hide a broken report. A screenshot of the
default corpus's report is kept in benchmarks/out/report.png (git-ignored) to look at, and one of
a small multilingual corpus's heat map in benchmarks/out/report-multilingual.png.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.glossary import load_glossary
from checker.pipeline import run_check
from checker.reporters import html as html_reporter

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "benchmarks" / "out"
DOC_000 = "translations/en/000-mid-unofficial-translation.txt"
DOC_002 = "translations/en/002-german-sourced-report.txt"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str):
    if in_ci():
        pytest.fail(f"{reason} (CI is set: the browser test must run)")
    pytest.skip(reason)


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install playwright)")
    executable = chromium_path()
    if executable is None:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _in_root(fn):
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return fn()
    finally:
        os.chdir(old)


def _open(browser, path: Path, scheme: str = "light"):
    """A page on the report, with every request that is not the file itself refused and recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    own = path.as_uri()

    def route(r):
        if r.request.url == own:
            r.continue_()
        else:
            problems.append(f"request: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.goto(own)
    return page, problems


def test_report_in_chromium(browser, tmp_path):
    result = _in_root(lambda: run_check(["translations/"], load_glossary("glossary.yml")))
    report = tmp_path / "report.html"
    report.write_text(html_reporter.render(result), encoding="utf-8")
    page, problems = _open(browser, report)

    # the heat map: a row per term, sphere-of-influence in 000 only
    heatmap = page.locator("table.heatmap")
    assert heatmap.is_visible()
    assert page.locator("table.heatmap tbody tr").count() == len(result.terms)
    sphere = page.locator('table.heatmap tr[data-term="sphere-of-influence"] td.cell:not(.total)')
    assert sphere.count() == 4
    assert sphere.nth(0).inner_text() == "1.00" and sphere.nth(0).is_visible()
    assert [sphere.nth(i).inner_text() for i in (1, 2, 3)] == ["", "", ""]

    # a term's bars, with labelled segments that take their share of the width
    bars = page.locator("#term-indivisible-security-en .bar-row")
    assert bars.count() == 4 and bars.first.is_visible()
    first, second = bars.first.locator(".seg").nth(0), bars.first.locator(".seg").nth(1)
    assert first.inner_text().startswith("P1 ×5") and second.inner_text().startswith("V2 ×2")
    w1, w2 = first.bounding_box()["width"], second.bounding_box()["width"]
    assert 2.2 < w1 / w2 < 2.8  # 5 : 2

    # the findings: the script shows the controls; filter by rule, severity, text
    visible = page.locator("li.finding:visible")
    total = len(result.findings)
    assert page.locator("form.controls").is_visible()
    assert visible.count() == total > 0
    assert page.locator("#filter-count").inner_text() == f"{total} of {total} shown"
    page.select_option("#filter-rule", "forbidden-rendering")
    assert visible.count() == 2
    assert page.locator("#filter-count").inner_text() == f"2 of {total} shown"
    assert page.locator("section.finding-group:visible").count() == 1
    assert "Kiev" in visible.first.inner_text()
    page.select_option("#filter-rule", "")
    assert visible.count() == total
    page.uncheck('input[name="severity"][value="warning"]')
    assert visible.count() == sum(1 for f in result.findings if f.severity != "warning")
    page.check('input[name="severity"][value="warning"]')
    page.fill("#filter-search", "blinken")
    # the search looks through what a finding shows: rule, term, message, snippet
    blinken = [f for f in result.findings
               if "blinken" in " ".join((f.rule, f.term or "", f.message, *f.context, f.text)).lower()]
    assert visible.count() == len(blinken) > 0
    assert all("Blinken" in visible.nth(i).inner_text() for i in range(len(blinken)))
    page.fill("#filter-search", "")
    assert visible.count() == total

    # printing shows everything and drops the navigation
    page.fill("#filter-search", "no such text anywhere")
    assert visible.count() == 0
    page.emulate_media(media="print")
    assert visible.count() == total
    assert not page.locator("header.top nav").is_visible()
    page.emulate_media(media="screen")
    page.fill("#filter-search", "")

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "report.png")
    page.close()

    dark, dark_problems = _open(browser, report, scheme="dark")
    background = dark.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(15, 20, 25)"
    dark.screenshot(path=str(tmp_path / "report-dark.png"), full_page=True)
    shutil.copyfile(tmp_path / "report-dark.png", ARTIFACTS / "report-dark.png")
    dark.close()
    assert problems == [] and dark_problems == []


GLOSSARY = """version: 1
terms:
  - id: password
    renderings:
      en: password
      de:
        preferred: Passwort
        variants: [Kennwort]
      fr: mot de passe
  - id: user
    renderings:
      en: user
      de: Benutzer
      fr: utilisateur
"""
#: (app, language) -> (msgid, msgstr) pairs; Spanish has no glossary rendering, "core" no term
CATALOGS = {
    ("admin", "de"): [("Password", "Passwort"), ("Change password", "Kennwort ändern"),
                      ("Password reset", "Passwort zurücksetzen"), ("User", "Benutzer")],
    ("auth", "de"): [("User", "Benutzer"), ("Users", "Benutzer")],
    ("core", "de"): [("Date", "Datum")],
    ("admin", "fr"): [("Password", "Mot de passe")],
    ("auth", "fr"): [("User", "Utilisateur"), ("Users", "Utilisateurs"), ("Password", "Mot de passe")],
    ("core", "fr"): [("Date", "Date")],
    **{(app, "es"): [("Password", "Contraseña"), ("Date", "Fecha")] for app in ("admin", "auth", "core")},
}


def _write_catalogs(root: Path) -> None:
    """Django's layout: site/<app>/locale/<language>/LC_MESSAGES/django.po."""
    for (app, language), entries in CATALOGS.items():
        path = root / "site" / app / "locale" / language / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True)
        body = "".join(f'\nmsgid "{source}"\nmsgstr "{target}"\n' for source, target in entries)
        path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                        f'"Language: {language}\\n"\n{body}', encoding="utf-8")


def test_multilingual_heat_map_in_chromium(browser, tmp_path):
    _write_catalogs(tmp_path)
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    result = run_check([str(tmp_path / "site")], load_glossary(str(tmp_path / "glossary.yml")))
    assert len(result.documents) == 9
    report = tmp_path / "multilingual.html"
    report.write_text(html_reporter.render(result), encoding="utf-8")
    page, problems = _open(browser, report)

    # a band per language that uses the glossary, over exactly its columns
    bands = page.locator("table.heatmap th.band")
    assert [bands.nth(i).inner_text().split()[0] for i in range(bands.count())] == ["de", "fr"]
    columns = page.locator("table.heatmap th.doc")
    assert columns.count() == 4  # admin and auth in each; core and all of Spanish use no term
    for band, (first, last) in enumerate(((0, 1), (2, 3))):
        box = bands.nth(band).bounding_box()
        left, right = columns.nth(first).bounding_box(), columns.nth(last).bounding_box()
        assert abs(box["x"] - left["x"]) < 1.5 and abs(box["x"] + box["width"] - right["x"] - right["width"]) < 1.5

    # labels: the app that tells the catalogs apart, whole (not clipped), the full path as a tooltip
    names = page.locator("table.heatmap th.doc .name")
    labels = [names.nth(i).inner_text().replace("\n", "") for i in range(4)]
    assert labels == ["admin/…/django.po", "auth/…/django.po"] * 2
    for i in range(4):
        assert names.nth(i).is_visible()
        assert names.nth(i).evaluate("e => e.scrollWidth <= e.clientWidth")
    title = columns.first.get_attribute("title")
    assert title.startswith(str(tmp_path / "site" / "admin" / "locale" / "de" / "LC_MESSAGES" / "django.po"))
    assert title.endswith("4 occurrences of glossary terms")  # Passwort 2, Kennwort 1, Benutzer 1

    # German 'password' in the German admin catalog: 2 of 3 'Passwort'; blank under French
    row = page.locator('table.heatmap tr[data-term="password"]').filter(has=page.locator("span.lang", has_text="de"))
    cells = row.locator("td.cell:not(.total)")
    assert [cells.nth(i).inner_text() for i in range(4)] == ["0.67", "", "", ""]
    assert "absent" in cells.nth(1).get_attribute("class")  # German, not used: hatched
    assert "other-language" in cells.nth(2).get_attribute("class")  # French: blank

    note = page.locator("p.columns-note")
    assert note.is_visible() and "5 documents use no glossary term" in note.inner_text()

    page.locator("#heatmap").screenshot(path=str(tmp_path / "multilingual.png"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "multilingual.png", ARTIFACTS / "report-multilingual.png")
    page.close()
    assert problems == []


def test_compare_page_in_chromium(browser, tmp_path):
    from checker.comparison import run_compare

    result = _in_root(lambda: run_compare([DOC_000, DOC_002], load_glossary("glossary.yml")))
    path = tmp_path / "compare.html"
    path.write_text(html_reporter.render_compare(result), encoding="utf-8")
    page, problems = _open(browser, path)
    assert page.locator("table.pairs tbody tr").count() == len(result.comparisons[0].pairs)
    divergent = page.locator("table.pairs mark.divergent")
    assert divergent.count() == 8 and divergent.first.is_visible()
    assert page.locator("table.term-table tbody tr").count() == len(result.terms)
    visible = page.locator("li.finding:visible")
    assert visible.count() == len(result.findings)
    page.select_option("#filter-rule", "divergent-rendering")
    assert visible.count() == 4
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "compare.png", ARTIFACTS / "compare.png")
    page.close()
    assert problems == []


def test_crosslingual_compare_page_in_chromium(browser, tmp_path):
    """A source, its German translation and the French one after it (--chain), from the
    Debian Reference (tests/data/real/parallel-mini/): statuses highlighted, the pair filter,
    the chain table; in light and dark schemes, with no script error."""
    from checker.comparison import run_compare

    data = "tests/data/real/parallel-mini"
    paths = [f"{data}/ch02.en.html", f"{data}/ch02.de.html", f"{data}/ch02.fr.html"]
    result = _in_root(lambda: run_compare(paths, load_glossary(f"{data}/glossary.yml"), chain=True))
    path = tmp_path / "crosslingual.html"
    path.write_text(html_reporter.render_compare(result), encoding="utf-8")
    page, problems = _open(browser, path)

    section = page.locator("#compare-2")
    assert "Aligned across languages (en -> de)" in section.inner_text()
    rows = section.locator("table.pairs tbody tr")
    shown = section.locator("table.pairs tbody tr:visible")
    # by default only the pairs with a term not rendered as preferred; any status, or all, on demand
    assert rows.count() == 27 and shown.count() == 6
    assert section.locator("form.row-filter output").inner_text() == "6 of 27 shown"
    section.locator("form.row-filter select").select_option("")
    assert shown.count() == 27
    section.locator("form.row-filter select").select_option("forbidden")
    assert shown.count() == 1 and "Spiegel-Servern" in shown.first.inner_text()
    section.locator("form.row-filter select").select_option("absent")
    assert shown.count() == 4
    # each status has its own look: no two share colour and line style
    section.locator("form.row-filter select").select_option("")
    styles = {}
    for status in ("preferred", "variant", "forbidden", "other", "absent"):
        mark = section.locator(f"table.pairs mark.term.s-{status}").first
        assert mark.is_visible()
        styles[status] = mark.evaluate("e => { const s = getComputedStyle(e); "
                                       "return s.textDecorationColor + ' ' + s.textDecorationStyle; }")
    assert len(set(styles.values())) == 5, styles
    # the traced terms beside each pair say the status in words
    chips = section.locator("ul.traces .key:visible")
    assert {chips.nth(i).inner_text() for i in range(chips.count())} == {
        "preferred", "variant", "forbidden", "other", "absent"}

    # the chain: drifting occurrences by default, the drift cell outlined
    chain = page.locator("#chains")
    assert chain.locator("tbody tr:visible").count() == 12
    drift = chain.locator("td.drift").first
    assert drift.is_visible() and "forbidden" in drift.inner_text()
    assert drift.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"

    # printing shows every row and no filter
    page.emulate_media(media="print")
    assert shown.count() == 27 and chain.locator("tbody tr:visible").count() == 41
    assert not section.locator("form.row-filter").is_visible()
    page.emulate_media(media="screen")
    page.screenshot(path=str(tmp_path / "crosslingual.png"), full_page=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tmp_path / "crosslingual.png", ARTIFACTS / "compare-crosslingual.png")
    page.close()

    dark, dark_problems = _open(browser, path, scheme="dark")
    assert dark.locator("#compare-2 mark.term.s-absent").first.is_visible()
    dark.close()
    assert problems == [] and dark_problems == []
