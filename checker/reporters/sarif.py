"""SARIF 2.1.0 report, in the subset GitHub code scanning accepts; byte-identical for identical input."""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import checker
from checker.checks import ALL_RULES
from checker.findings import Finding, Location
from checker.reporters.output import dumps
from checker.result import CheckResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/termcheck/termcheck"  # placeholder until the project has a home page
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "termcheck/v1"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# The readers count \r\n, a lone \r and \n each as one line break (documents/encoding.py).
_NEWLINE = re.compile(r"\r\n|\r|\n")


def level(severity: str) -> str:
    """SARIF level of a termcheck severity: error, warning, note."""
    return _LEVELS.get(severity, "warning")


def rule_name(rule_id: str) -> str:
    """CamelCase name of a rule id: forbidden-rendering -> ForbiddenRendering."""
    return "".join(part[:1].upper() + part[1:] for part in rule_id.split("-"))


def full_description(doc: str, fallback: str) -> str:
    """The first paragraph under '## What it does' of a rule's docstring, on one line."""
    lines = doc.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip().lower() == "## what it does") + 1
    except StopIteration:
        return fallback
    paragraph: list[str] = []
    for line in lines[start:]:
        if not line.strip():
            if paragraph:
                break
            continue
        if line.lstrip().startswith("#"):
            break
        paragraph.append(line.strip())
    return " ".join(paragraph) or fallback


def artifact_location(path: str) -> dict:
    """`path` as a SARIF artifactLocation: a file:// URI if absolute, else a relative URI
    (POSIX separators, percent-encoded) against %SRCROOT%, the directory termcheck ran in."""
    if os.path.isabs(path):
        try:
            return {"uri": Path(path).as_uri()}
        except ValueError:  # rooted but without a drive on Windows ("\\dir\\file")
            return {"uri": "file://" + quote(_bytes(Path(path).as_posix()), safe="/")}
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            return {"uri": "file://" + quote(_bytes(Path(path).as_posix()), safe="/")}
    # PurePosixPath drops "./" and doubled slashes, so "./a//b.txt" and "a/b.txt" are one artifact.
    relative = str(PurePosixPath(Path(path).as_posix()))
    return {"uri": quote(_bytes(relative), safe="/"), "uriBaseId": SRCROOT}


def _bytes(path: str) -> bytes:
    """The bytes of a file name for its URI: a name that is not UTF-8 (byte 0xFF read as
    U+DCFF, PEP 383) gets its own bytes back, so the URI says en/d%FF.txt, the file on disk."""
    try:
        return path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogatepass")


def region(line: int, column: int, text: str = "", end: tuple[int, int] | None = None) -> dict:
    """Start of a finding and, when the matched text is known, its end (endColumn is exclusive).

    `end`, where the reader knows it, is exact even when the file spells the text longer
    (PO continuation lines and escapes); else the end is reckoned from the text."""
    start_line, start_column = max(line, 1), max(column, 1)  # SARIF positions start at 1
    out: dict = {"startLine": start_line, "startColumn": start_column}
    if text and end is not None:
        if end[0] > start_line:
            out["endLine"] = end[0]
        out["endColumn"] = max(end[1], 1)
        out["snippet"] = {"text": text}
    elif text:
        lines = _NEWLINE.split(text)
        if len(lines) == 1:
            out["endColumn"] = start_column + len(text)
        else:
            out["endLine"] = start_line + len(lines) - 1
            out["endColumn"] = len(lines[-1]) + 1
        out["snippet"] = {"text": text}
    return out


def fingerprint(rule: str, term: str | None, uri: str, text: str, occurrence: int) -> str:
    """Stable across runs: what was found in which file, not the line (which moves when text
    above it is edited). `occurrence` (1, 2, ...) tells apart identical findings in one file, as
    GitHub's own primaryLocationLineHash does: results sharing a fingerprint merge into one alert."""
    key = json.dumps([rule, term or "", uri, text], ensure_ascii=False)
    # surrogatepass: the same bytes as strict UTF-8 for every valid text, and never an error
    return f"{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()}:{occurrence}"


def _descriptor(rule_id: str, severity: str, summary: str, doc: str) -> dict:
    return {
        "id": rule_id,
        "name": rule_name(rule_id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full_description(doc, summary)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": level(severity)},
    }


def rule_descriptors(findings: tuple[Finding, ...] = ()) -> list[dict]:
    """Every rule, sorted by id; a finding of a rule not in ALL_RULES still gets a descriptor,
    because code scanning rejects a result whose ruleId names no rule."""
    descriptors = {}
    for rule_id, rule in ALL_RULES.items():
        doc = inspect.getdoc(rule) or rule.summary
        descriptors[rule_id] = _descriptor(rule_id, rule.severity, rule.summary, doc)
    for f in findings:
        if f.rule not in descriptors:
            descriptors[f.rule] = _descriptor(f.rule, f.severity, f.rule, f.rule)
    return [descriptors[rule_id] for rule_id in sorted(descriptors)]


def _message(f: Finding) -> str:
    text = f.message or f.rule  # code scanning rejects an empty message
    return f"[{f.term}] {text}" if f.term else text


def _related(related: tuple[Location, ...]) -> list[dict]:
    return [
        {
            "id": i,
            "physicalLocation": {"artifactLocation": artifact_location(r.path), "region": region(r.line, r.column)},
        }
        for i, r in enumerate(related, 1)
    ]


def as_dict(result: CheckResult) -> dict:
    """The SARIF log of `result`: one run, every rule described, one result per finding."""
    rules = rule_descriptors(result.findings)
    index = {r["id"]: i for i, r in enumerate(rules)}
    seen: Counter[tuple] = Counter()
    results = []
    for f in result.findings:
        artifact = artifact_location(f.path)
        item = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": level(f.severity),
            "message": {"text": _message(f)},
            "locations": [
                {"physicalLocation": {"artifactLocation": artifact, "region": region(f.line, f.column, f.text, f.end)}}
            ],
        }
        if f.related:
            item["relatedLocations"] = _related(f.related)
        identity = (f.rule, f.term, artifact["uri"], f.text)
        seen[identity] += 1
        item["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(*identity, seen[identity])}
        results.append(item)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "termcheck",
                        "version": checker.__version__,
                        "semanticVersion": checker.__version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [{"executionSuccessful": True}],
                # No absolute URI here: it would make the report depend on the machine it ran on.
                "originalUriBaseIds": {
                    SRCROOT: {"description": {"text": "The directory termcheck ran in; relative paths start there."}}
                },
                "results": results,
                # Our columns count characters (code points), not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "properties": {"signature": result.signature},
            }
        ],
    }


def render(result: CheckResult, color: bool = False) -> str:
    """The SARIF log as JSON text (`color` is ignored: SARIF is for machines)."""
    return dumps(as_dict(result))
