"""One place, one finding: a variant or forbidden rendering's finding also carries what
inconsistent-rendering knows about that place, in every format, with suppressions and baselines."""

from __future__ import annotations

import inspect
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.project.baseline import BaselineEntry, dumps, fingerprint
from checker.checks.forbidden import ForbiddenRendering
from checker.checks.inconsistent import InconsistentRendering
from checker.checks.variant import VariantRendering
from checker.cli import main
from checker.findings import Finding
from checker.glossary import load_glossary
from checker.pipeline import CheckOptions, run_check

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real"
OWNERS = frozenset({"forbidden-rendering", "variant-rendering"})
ACROSS = re.compile(r" \(across documents \[[^]]+\]: .*\)$")
GLOSSARY = """version: 1
terms:
  - id: kyiv
    renderings:
      en: {preferred: Kyiv, forbidden: [Kiev]}
  - id: sergey-lavrov
    renderings:
      en: {preferred: Sergey Lavrov, variants: [Sergei Lavrov]}
"""


def default_corpus(**options) -> tuple[Finding, ...]:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return run_check(["translations/"], load_glossary("glossary.yml"), CheckOptions(**options)).findings
    finally:
        os.chdir(old)


def invoke(*args: str, cwd: Path) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def places(findings) -> Counter:
    return Counter(f.place for f in findings)


def shown(f: Finding) -> str:
    """The finding as the text report writes it, less the path (rules' examples shorten it)."""
    return f":{f.line}:{f.column}: {f.severity} {f.rule} [{f.term}] {f.message}"


def examples(rule) -> list[str]:
    """The findings a rule's docstring shows, each joined onto one line."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", inspect.getdoc(rule)):
        lines = block.splitlines()
        if lines and lines[0].startswith("    ") and re.match(r"\s+\S+:\d+:\d+: ", lines[0]):
            out.append(" ".join(line.strip() for line in lines))
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two documents render Sergey Lavrov's name two ways, and one writes Kiev."""
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    en = tmp_path / "en"
    en.mkdir()
    (en / "a.md").write_text("Sergey Lavrov met Sergey Lavrov's staff in Kyiv.\n", encoding="utf-8")
    (en / "b.md").write_text("Sergei Lavrov flew to Kiev.\n\nSergei Lavrov flew back.\n", encoding="utf-8")
    return tmp_path


# --- the default corpus -----------------------------------------------------------------


def test_default_corpus_has_one_finding_per_place_and_loses_no_fact():
    merged = default_corpus()
    assert max(places(merged).values()) == 1
    assert not [f for f in merged if f.rule == "inconsistent-rendering"]
    # what inconsistent-rendering says on its own (its owners disabled) is said at each of
    # its places by the one finding there, breakdown for breakdown
    alone = [f for f in default_corpus(disable=frozenset(OWNERS)) if f.rule == "inconsistent-rendering"]
    assert len(alone) >= 10
    at = {f.place: f for f in merged}
    for f in alone:
        owner = at[f.place]
        assert owner.rule in OWNERS and owner.text == f.text
        assert ACROSS.search(owner.message).group() == ACROSS.search(f.message).group()
    assert sum(bool(ACROSS.search(f.message)) for f in merged) == len(alone)


def test_every_format_counts_one_finding_per_place(root):
    findings = default_corpus()
    code, out = invoke("check", "--format", "json", cwd=root)
    report = json.loads(out)
    assert len(report["findings"]) == len(findings) == len(places(findings))
    assert sum(report["summary"].values()) == len(findings)
    assert not [f for f in report["findings"] if f["rule"] == "inconsistent-rendering"]
    code, out = invoke("check", "--format", "sarif", cwd=root)
    (run,) = json.loads(out)["runs"]
    assert len(run["results"]) == len(findings)
    assert "inconsistent-rendering" in {r["id"] for r in run["tool"]["driver"]["rules"]}  # still described
    code, out = invoke("check", "--format", "github", cwd=root)
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == len(findings)
    assert any("title=variant-rendering [sergey-lavrov]::" in a and "(across documents [en]: " in a
               for a in annotations)


# --- the rules' own words stay true ------------------------------------------------------


def test_variant_and_inconsistent_examples_are_what_the_default_corpus_reports():
    merged = default_corpus()
    alone = default_corpus(disable=frozenset({"variant-rendering"}))
    for rule, findings in ((VariantRendering, merged), (InconsistentRendering, merged + alone)):
        for example in examples(rule):
            stem, rest = example.split(":", 1)
            got = [f for f in findings if os.path.basename(f.path).startswith(stem.split(".")[0])
                   and shown(f) == ":" + rest]
            assert got, f"{rule.id} example not reported: {example}"


def test_forbidden_example_is_what_termcheck_reports(tmp_path: Path):
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "news.txt").write_text("The prime ministers met the Ukrainian president in Kiev.\n")
    glossary = load_glossary(str(tmp_path / "glossary.yml"))
    alone = run_check([str(tmp_path / "en")], glossary).findings
    (tmp_path / "en" / "other.txt").write_text("Kyiv, Kyiv and Kyiv.\n")
    mixed = run_check([str(tmp_path / "en")], glossary).findings
    assert [":" + e.split(":", 1)[1] for e in examples(ForbiddenRendering)] == [shown(alone[0]), shown(mixed[0])]


# --- suppressions and baselines ----------------------------------------------------------


def test_a_marker_for_the_owner_silences_the_place(corpus: Path):
    b = corpus / "en" / "b.md"
    b.write_text("Sergei Lavrov flew to Kiev. <!-- termcheck: ignore[variant-rendering] -->\n", encoding="utf-8")
    code, out = invoke("check", "-q", "--format", "json", "en", cwd=corpus)
    report = json.loads(out)
    assert [(f["rule"], f["text"]) for f in report["findings"]] == [("forbidden-rendering", "Kiev")]


def test_a_marker_for_inconsistent_rendering_at_an_owned_place_suppresses_nothing(corpus: Path):
    b = corpus / "en" / "b.md"
    b.write_text("Sergei Lavrov flew to Kiev. <!-- termcheck: ignore[inconsistent-rendering] -->\n", encoding="utf-8")
    code, out = invoke("check", "-q", "--format", "json", "en", cwd=corpus)
    findings = json.loads(out)["findings"]
    assert [f["rule"] for f in findings] == ["variant-rendering", "forbidden-rendering", "unused-suppression"]
    assert findings[0]["message"].endswith("(across documents [en]: 'Sergey Lavrov' 2, 'Sergei Lavrov' 1)")


def test_a_baseline_written_before_one_finding_per_place_still_hides_everything(corpus: Path):
    """The old baseline recorded inconsistent-rendering and variant-rendering at the same
    place: the variant entry hides the finding (its fingerprint is not its message), the
    inconsistent entry matches nothing and is ignored like any stale entry."""
    lavrov = ("sergey-lavrov", "Sergei Lavrov")
    old = [  # rule, line, column, term, text as the old report had them (messages are no part of it)
        Finding("inconsistent-rendering", "warning", "en/b.md", 1, 1, "'Sergei Lavrov' here, ...", *lavrov),
        Finding("variant-rendering", "warning", "en/b.md", 1, 1, "variant 'Sergei Lavrov'; ...", *lavrov),
        Finding("variant-rendering", "warning", "en/b.md", 3, 1, "variant 'Sergei Lavrov'; ...", *lavrov),
        Finding("forbidden-rendering", "error", "en/b.md", 1, 23, "forbidden rendering 'Kiev'; ...", "kyiv", "Kiev"),
    ]
    lines = {1: "Sergei Lavrov flew to Kiev.", 3: "Sergei Lavrov flew back."}
    entries = [BaselineEntry(f.rule, f.term, f.path, fingerprint(f, lines[f.line]), f.text, 1) for f in old]
    (corpus / "old.json").write_text(dumps(entries), encoding="utf-8")
    code, out = invoke("check", "-q", "--baseline", "old.json", "en", cwd=corpus)
    assert (code, out) == (0, "")
    # a baseline written today records one entry per place
    code, _ = invoke("check", "-q", "--write-baseline", "new.json", "en", cwd=corpus)
    recorded = json.loads((corpus / "new.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(e["rule"] for e in recorded) == ["forbidden-rendering", "variant-rendering", "variant-rendering"]


# --- real catalogs -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "fr", "es", "ja", "zh"])  # ru and fi: 20 s more, nothing new
def test_real_catalogs_have_one_rendering_finding_per_place(lang: str):
    """Django and Symfony, one language at a time: the two projects render terms
    differently, so inconsistent-rendering has places, all of them owned."""
    glossary = load_glossary(str(REAL / f"glossary-{lang}.yml"))
    django = "zh_Hans" if lang == "zh" else lang
    symfony = "zh_CN" if lang == "zh" else lang
    paths = [str(REAL / "django" / django), str(REAL / "symfony" / f"validators.{symfony}.xlf")]
    findings = run_check(paths, glossary).findings
    rendering = [f for f in findings if f.rule in OWNERS | {"inconsistent-rendering"}]
    assert max(places(rendering).values(), default=1) == 1
    assert not [f for f in rendering if f.rule == "inconsistent-rendering"]
    alone = [f for f in run_check(paths, glossary, CheckOptions(disable=OWNERS)).findings
             if f.rule == "inconsistent-rendering"]
    assert sum(bool(ACROSS.search(f.message)) for f in rendering) == len(alone)
