"""SARIF report: valid against the official SARIF 2.1.0 schema, and true to the findings and files."""

from __future__ import annotations

import inspect
import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

import pytest
from jsonschema import Draft7Validator, FormatChecker

from checker.checks import ALL_RULES
from checker.findings import Finding, Location
from checker.glossary import load_glossary
from checker.pipeline import run_check
from checker.reporters import sarif
from checker.result import CheckResult

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
# RFC 3986 characters, every '%' starting an escape: jsonschema checks the "uri" formats
# only with optional packages, so the tests check them themselves.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def check_default_corpus() -> CheckResult:
    old = os.getcwd()
    os.chdir(ROOT)  # paths as the README's `termcheck check` gives them: translations/en/...
    try:
        return run_check(["translations/"], load_glossary("glossary.yml"))
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def corpus() -> CheckResult:
    return check_default_corpus()


@pytest.fixture(scope="module")
def log(corpus: CheckResult) -> dict:
    return json.loads(sarif.render(corpus))


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def assert_valid(validator: Draft7Validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    for uri in _uris(log):
        assert URI_REFERENCE.match(uri), uri


def _uris(node) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k in ("uri", "informationUri", "$schema") and isinstance(v, str)]
        return found + [u for v in node.values() for u in _uris(v)]
    if isinstance(node, list):
        return [u for v in node for u in _uris(v)]
    return []


def result_of(*findings: Finding) -> CheckResult:
    return CheckResult(documents=(), terms=(), findings=findings, signature="termcheck:test")


def file_of(location: dict, base: Path = ROOT) -> Path:
    artifact = location["physicalLocation"]["artifactLocation"]
    if artifact.get("uriBaseId") == "%SRCROOT%":
        return base / unquote(artifact["uri"])
    return Path(url2pathname(urlparse(artifact["uri"]).path))


def region_text(content: str, region: dict) -> str:
    """The text a SARIF region designates (columns in code points, endColumn exclusive)."""
    lines = content.split("\n")
    start, end = region["startLine"], region.get("endLine", region["startLine"])
    first, last = region["startColumn"] - 1, region["endColumn"] - 1
    if start == end:
        return lines[start - 1][first:last]
    return "\n".join([lines[start - 1][first:], *lines[start : end - 1], lines[end - 1][:last]])


def read(path: Path) -> str:
    # Universal newlines: \r\n and \r count as one break, as the readers count them.
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def test_the_schema_is_the_official_sarif_2_1_0_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert {"run", "result", "reportingDescriptor", "region"} <= schema["definitions"].keys()


def test_default_corpus_is_valid_sarif(log: dict, validator: Draft7Validator, corpus: CheckResult) -> None:
    assert_valid(validator, log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert len(run["results"]) == len(corpus.findings) == 21  # one per place
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["columnKind"] == "unicodeCodePoints"
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "termcheck"
    assert driver["informationUri"] == sarif.INFORMATION_URI


def test_invalid_sarif_is_caught(log: dict, validator: Draft7Validator) -> None:
    """The schema really constrains the report: a bad level or a region at line 0 fails."""
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "info"
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(list(validator.iter_errors(broken))) == 2


def test_rules_describe_every_rule(log: dict) -> None:
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(ALL_RULES)
    by_id = {r["id"]: r for r in rules}
    forbidden = by_id["forbidden-rendering"]
    assert forbidden["name"] == "ForbiddenRendering"
    assert forbidden["shortDescription"]["text"] == ALL_RULES["forbidden-rendering"].summary
    assert forbidden["fullDescription"]["text"] == (
        "Reports every occurrence of a rendering listed under `forbidden:` for the "
        "document's language, and names the preferred rendering to use instead."
    )
    assert forbidden["defaultConfiguration"]["level"] == "error"
    assert by_id["read-error"]["name"] == "ReadError"
    assert by_id["variant-rendering"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["term-omitted"]["defaultConfiguration"]["level"] == "note"  # info -> note
    for rule_id, rule in ALL_RULES.items():
        assert by_id[rule_id]["help"]["text"] == inspect.getdoc(rule)
        assert by_id[rule_id]["help"]["markdown"] == inspect.getdoc(rule)


def test_results_point_at_their_rules(log: dict, corpus: CheckResult) -> None:
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    for item, finding in zip(run["results"], corpus.findings):
        assert item["ruleId"] in ids
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"] == finding.rule
        assert item["level"] in ("error", "warning", "note")
        assert item["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert item["message"]["text"] == f"[{finding.term}] {finding.message}"
        assert len(item["locations"]) == 1


def test_regions_and_snippets_match_the_files(log: dict, corpus: CheckResult) -> None:
    checked = 0
    for item, finding in zip(log["runs"][0]["results"], corpus.findings):
        (location,) = item["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": finding.path, "uriBaseId": "%SRCROOT%"}  # plain relative paths
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert region["snippet"]["text"] == finding.text
        assert region_text(read(file_of(location)), region) == finding.text
        checked += 1
    assert checked == 21


def test_a_rendering_across_a_line_break_gets_an_end_line(tmp_path: Path, validator: Draft7Validator) -> None:
    doc = tmp_path / "en" / "note.txt"
    doc.parent.mkdir()
    doc.write_text("We insist on the principle of undivided\n  security in Europe.\n", encoding="utf-8")
    result = run_check([str(doc)], load_glossary(str(ROOT / "glossary.yml")))
    log = json.loads(sarif.render(result))
    assert_valid(validator, log)
    (item,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "forbidden-rendering"]
    (location,) = item["locations"]
    region = location["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "undivided\n  security"
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (1, 31, 2, 11)
    assert region_text(read(file_of(location)), region) == "undivided\n  security"


def test_region_of_single_and_multi_line_text() -> None:
    assert sarif.region(3, 5, "Kiev") == {"startLine": 3, "startColumn": 5, "endColumn": 9, "snippet": {"text": "Kiev"}}
    assert sarif.region(3, 5, "Sergei\r\nLavrov") == {
        "startLine": 3, "startColumn": 5, "endLine": 4, "endColumn": 7, "snippet": {"text": "Sergei\r\nLavrov"},
    }
    assert sarif.region(3, 5, "Unteilbare Sicherheit für Europa")["endColumn"] == 5 + 32  # code points
    assert sarif.region(0, 0) == {"startLine": 1, "startColumn": 1}  # SARIF positions start at 1


def test_rendering_is_deterministic(corpus: CheckResult) -> None:
    first = sarif.render(corpus)
    assert sarif.render(corpus) == first
    assert sarif.render(check_default_corpus()) == first  # a second run of the check, too
    assert first.endswith("}\n")


def test_related_locations(validator: Draft7Validator) -> None:
    finding = Finding(
        "divergent-rendering", "warning", "b/002.txt", 9, 735, "'indivisibility of security' here",
        term="indivisible-security", text="indivisibility of security",
        related=(Location("a/000.txt", 35, 1), Location("a dir/001.txt", 4, 2)),
    )
    log = json.loads(sarif.render(result_of(finding)))
    assert_valid(validator, log)
    (item,) = log["runs"][0]["results"]
    assert item["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "a/000.txt", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 35, "startColumn": 1},
            },
        },
        {
            "id": 2,
            "physicalLocation": {
                "artifactLocation": {"uri": "a%20dir/001.txt", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 4, "startColumn": 2},
            },
        },
    ]


def test_absolute_path_becomes_a_file_uri(tmp_path: Path, validator: Draft7Validator) -> None:
    path = tmp_path / "my docs" / "Übersetzung #1.txt"
    finding = Finding("wrong-language", "warning", str(path), 1, 1, "text in 'de', expected 'en'")
    log = json.loads(sarif.render(result_of(finding)))
    assert_valid(validator, log)
    (item,) = log["runs"][0]["results"]
    artifact = item["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in artifact
    assert artifact["uri"].startswith("file:///")
    assert "my%20docs/%C3%9Cbersetzung%20%231.txt" in artifact["uri"]
    assert file_of(item["locations"][0]) == path
    assert item["message"]["text"] == "text in 'de', expected 'en'"  # no term, no prefix
    assert "endColumn" not in item["locations"][0]["physicalLocation"]["region"]  # no text, no end


def test_relative_paths_are_posix_uris() -> None:
    assert sarif.artifact_location("./translations//en/a b.txt") == {
        "uri": "translations/en/a%20b.txt", "uriBaseId": "%SRCROOT%",
    }
    assert sarif.artifact_location("notes:v2,final.md")["uri"] == "notes%3Av2%2Cfinal.md"


def test_fingerprints_are_stable_and_unique(log: dict, corpus: CheckResult) -> None:
    prints = [r["partialFingerprints"]["termcheck/v1"] for r in log["runs"][0]["results"]]
    assert len(set(prints)) == len(prints)  # one alert per finding
    kiev = [p for r, p in zip(log["runs"][0]["results"], prints) if r["ruleId"] == "forbidden-rendering"]
    assert [p.rsplit(":", 1)[1] for p in kiev] == ["1", "2"]  # the same 'Kiev' twice in one file
    assert kiev[0].rsplit(":", 1)[0] == kiev[1].rsplit(":", 1)[0]
    # The line is not part of the identity: an edit above a finding keeps its alert.
    moved = [Finding(f.rule, f.severity, f.path, f.line + 3, f.column, f.message, f.term, f.text) for f in corpus.findings]
    moved_log = json.loads(sarif.render(result_of(*moved)))
    assert [r["partialFingerprints"] for r in moved_log["runs"][0]["results"]] == [
        r["partialFingerprints"] for r in log["runs"][0]["results"]
    ]


def test_a_rule_outside_the_catalogue_still_gets_a_descriptor(validator: Draft7Validator) -> None:
    finding = Finding("new-rule", "info", "a.txt", 2, 3, "something", term="t", text="x")
    log = json.loads(sarif.render(result_of(finding)))
    assert_valid(validator, log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    (item,) = log["runs"][0]["results"]
    assert rules[item["ruleIndex"]]["id"] == "new-rule"
    assert item["level"] == "note"
