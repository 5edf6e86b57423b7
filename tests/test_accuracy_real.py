"""termcheck on real catalogs labelled by hand (tests/data/real/, benchmarks/accuracy.py).

Issue 11's targets: no finding caused by a placeable, and wrong-language never wrong,
on Django's and Symfony's units in de, fr, ru, es, fi, ja and zh.
"""

from __future__ import annotations

import importlib.util
import json
import xml.dom.minidom
from pathlib import Path

import polib
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "real"


def _accuracy():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


accuracy = _accuracy()


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    return {lang: accuracy.evaluate(lang) for lang in accuracy.LANGUAGES}


@pytest.mark.parametrize("language", accuracy.LANGUAGES)
def test_no_finding_is_caused_by_a_placeable(results, language):
    for rule, row in results[language]["rules"].items():
        assert row["placeable"] == 0, (rule, row["false_positives"])


@pytest.mark.parametrize("language", accuracy.LANGUAGES)
def test_wrong_language_is_never_wrong(results, language):
    row = results[language]["rules"]["wrong-language"]
    assert row["fp"] == 0, row["false_positives"]


def test_wrong_language_finds_untranslated_english_units(results):
    assert sum(r["rules"]["wrong-language"]["tp"] for r in results.values()) >= 4


@pytest.mark.parametrize("language", accuracy.LANGUAGES)
def test_forbidden_and_variant_findings_agree_with_the_labels(results, language):
    for rule in ("forbidden-rendering", "variant-rendering"):
        assert results[language]["rules"][rule]["fp"] == 0, results[language]["rules"][rule]["false_positives"]


# --- the labelled set itself, read without termcheck -----------------------------


def _units(path: Path) -> set[str]:
    if path.suffix == ".po":
        units = set()
        for e in polib.pofile(str(path)):
            key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
            units.add(key)
            units.update(f"{key}[{n}]" for n in e.msgstr_plural)
        return units
    dom = xml.dom.minidom.parse(str(path))
    return {u.getAttribute("id") for u in dom.getElementsByTagName("trans-unit")}


@pytest.mark.parametrize("language", accuracy.LANGUAGES)
def test_every_label_names_a_unit_of_its_file_and_a_term_of_its_glossary(language):
    glossary = yaml.safe_load((DATA / f"glossary-{language}.yml").read_text(encoding="utf-8"))
    terms = {t["id"] for t in glossary["terms"]}
    assert len(terms) >= 25
    units: dict[str, set[str]] = {}
    with open(DATA / f"labels-{language}.jsonl", encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    assert labels
    for lab in labels:
        if lab["file"] not in units:
            units[lab["file"]] = _units(DATA / lab["file"])
        assert lab["unit"] in units[lab["file"]], lab
        assert lab["term"] == "*language*" or lab["term"] in terms, lab
        assert lab["source"] in ("text", "placeholder")
        assert lab["target"] in ("preferred", "variant", "forbidden", "other", "absent", "-", "wrong")


# --- issue 12's targets: word forms, compounds, scripts without spaces ------------------


@pytest.mark.parametrize("language", accuracy.LANGUAGES)
def test_missing_rendering_precision_and_recall(results, language):
    row = results[language]["rules"]["missing-rendering"]
    precision = row["tp"] / (row["tp"] + row["fp"])
    recall = row["tp"] / (row["tp"] + row["fn"])
    assert precision >= 0.95, row["false_positives"]
    assert recall >= 0.90, row["false_negatives"]


@pytest.mark.parametrize("language", accuracy.LANGUAGES)
def test_occurrence_counts_of_listed_renderings(results, language):
    assert results[language]["count_precision"] >= 0.98
    assert results[language]["count_recall"] >= 0.95
