"""The HTML report in a real browser: Playwright driving the system's headless Chromium.

Outside CI the test is skipped when Playwright or Chromium is missing; in CI (CI set) it
fails instead, so a broken browser install cannot hide a broken report. A screenshot of the
default corpus's report is kept in benchmarks/out/report.png (git-ignored) to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from checker.glossary import load_glossary
from checker.pipeline import run_check
from checker.reporters import html as html_reporter

ROOT = Path(__file__).resolve().parent.parent
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
    assert page.locator("form.controls").is_visible()
    assert visible.count() == len(result.findings) == 35
    assert page.locator("#filter-count").inner_text() == "35 of 35 shown"
    page.select_option("#filter-rule", "forbidden-rendering")
    assert visible.count() == 2
    assert page.locator("#filter-count").inner_text() == "2 of 35 shown"
    assert page.locator("section.finding-group:visible").count() == 1
    assert "Kiev" in visible.first.inner_text()
    page.select_option("#filter-rule", "")
    assert visible.count() == 35
    page.uncheck('input[name="severity"][value="warning"]')
    assert visible.count() == 2
    page.check('input[name="severity"][value="warning"]')
    page.fill("#filter-search", "blinken")
    assert visible.count() == 2  # 'Tony Blinken': inconsistent-rendering and variant-rendering
    assert all("Blinken" in visible.nth(i).inner_text() for i in range(2))
    page.fill("#filter-search", "")
    assert visible.count() == 35

    # printing shows everything and drops the navigation
    page.fill("#filter-search", "no such text anywhere")
    assert visible.count() == 0
    page.emulate_media(media="print")
    assert visible.count() == 35
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


def test_compare_page_in_chromium(browser, tmp_path):
    from checker.compare import run_compare

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
