"""The baseline: recording findings, surviving unrelated edits, counting, rejecting bad files."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from checker.project.baseline import (
    Baseline,
    BaselineError,
    LineSource,
    fingerprint,
    load_baseline,
    write_baseline,
)
from checker.findings import Finding
from checker.glossary import parse_glossary
from checker.pipeline import CheckOptions, run_check

GLOSSARY = parse_glossary(
    """
version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
  - id: sergey-lavrov
    renderings:
      en:
        preferred: Sergey Lavrov
        variants: [Sergei Lavrov]
""",
    "g.yml",
)
LETTER = (
    "The ministers met in Kiev to discuss the security of the continent.\n"
    "Sergei Lavrov wrote a letter to his counterparts about it.\n"
)


def findings(*paths: str) -> list[Finding]:
    return list(run_check(list(paths), GLOSSARY, CheckOptions(lang="en")).findings)


def where(found: list[Finding]) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in found]


def test_round_trip_hides_every_recorded_finding(write, tmp_path):
    doc = write("en/letter.txt", LETTER)
    found = findings(doc)
    assert where(found) == [("forbidden-rendering", 1), ("variant-rendering", 2)]
    baseline = str(tmp_path / "baseline.json")
    write_baseline(baseline, found)
    assert load_baseline(baseline).filter(found) == []
    assert len(load_baseline(baseline)) == 2


def test_file_is_sorted_deterministic_and_reviewable(write, tmp_path):
    doc = write("en/letter.txt", LETTER)
    found = findings(doc)
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    write_baseline(str(first), found)
    write_baseline(str(second), list(reversed(found)))
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert text.endswith("}\n") and text.count("\n") > 10  # indented: one key per line
    data = json.loads(text)
    assert (data["version"], data["tool"]) == (1, "termcheck")
    assert [list(e) for e in data["findings"]] == [["rule", "term", "path", "fingerprint", "text", "count"]] * 2
    assert [(e["rule"], e["term"], e["path"], e["text"], e["count"]) for e in data["findings"]] == [
        ("forbidden-rendering", "kyiv", doc, "Kiev", 1),
        ("variant-rendering", "sergey-lavrov", doc, "Sergei Lavrov", 1),
    ]
    assert all(len(e["fingerprint"]) == 64 for e in data["findings"])


def test_baseline_survives_lines_inserted_above(write, tmp_path):
    doc = write("en/letter.txt", LETTER)
    baseline = str(tmp_path / "baseline.json")
    write_baseline(baseline, findings(doc))
    Path(doc).write_text("A heading\n\nAn unrelated paragraph about the weather.\n\n" + LETTER, encoding="utf-8")
    moved = findings(doc)
    assert where(moved) == [("forbidden-rendering", 5), ("variant-rendering", 6)]
    assert load_baseline(baseline).filter(moved) == []


def test_a_new_finding_after_the_baseline_is_reported(write, tmp_path):
    doc = write("en/letter.txt", LETTER)
    baseline = str(tmp_path / "baseline.json")
    write_baseline(baseline, findings(doc))
    Path(doc).write_text(LETTER + "Later they returned to Kiev by train.\n", encoding="utf-8")
    assert where(load_baseline(baseline).filter(findings(doc))) == [("forbidden-rendering", 3)]


def test_editing_the_finding_line_makes_it_new(write, tmp_path):
    doc = write("en/letter.txt", LETTER)
    baseline = str(tmp_path / "baseline.json")
    write_baseline(baseline, findings(doc))
    Path(doc).write_text(LETTER.replace("to discuss", "to talk about"), encoding="utf-8")
    assert where(load_baseline(baseline).filter(findings(doc))) == [("forbidden-rendering", 1)]


def test_identical_findings_are_counted(write, tmp_path):
    line = "They flew to Kiev and back from Kiev.\n"
    doc = write("en/trips.txt", line + "\n" + line)
    found = findings(doc)
    assert where(found) == [("forbidden-rendering", 1)] * 2 + [("forbidden-rendering", 3)] * 2
    baseline = str(tmp_path / "baseline.json")
    write_baseline(baseline, found)
    (entry,) = json.loads(Path(baseline).read_text(encoding="utf-8"))["findings"]
    assert entry["count"] == 4
    # The same line a third time: its two findings are beyond the count, and reported.
    Path(doc).write_text(line + "\n" + line + "\n" + line, encoding="utf-8")
    assert where(load_baseline(baseline).filter(findings(doc))) == [("forbidden-rendering", 5)] * 2


def test_count_hides_only_as_many_as_recorded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kiev\nKiev\nKiev\n", encoding="utf-8")
    same = [Finding("forbidden-rendering", "error", str(path), n, 1, "m", "kyiv", "Kiev") for n in (1, 2, 3)]
    baseline = str(tmp_path / "b.json")
    write_baseline(baseline, same[:2])
    assert load_baseline(baseline).filter(same) == [same[2]]


def test_fingerprint_ignores_the_line_number_and_spacing(tmp_path):
    f = Finding("forbidden-rendering", "error", "a.txt", 3, 1, "m", "kyiv", "Kiev")
    g = Finding("forbidden-rendering", "error", "a.txt", 90, 7, "other message", "kyiv", "Kiev")
    assert fingerprint(f, "  met in   Kiev\t") == fingerprint(g, "met in Kiev")
    assert fingerprint(f, "met in Kiev") != fingerprint(f, "met in Kiev today")
    other_path = Finding("forbidden-rendering", "error", "./a.txt", 3, 1, "m", "kyiv", "Kiev")
    assert fingerprint(f, "x") != fingerprint(other_path, "x")  # paths are used as given


def test_line_source_reads_each_file_once_and_handles_boms(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("\ufeffone\r\ntwo Kiev\r\n".encode("utf-16-le"))
    lines = LineSource()
    assert lines.line(str(path), 2) == "two Kiev"
    path.unlink()
    assert lines.line(str(path), 1) == "one"  # cached
    assert lines.line(str(path), 99) == "" and lines.line(str(tmp_path / "missing"), 1) == ""


def test_read_errors_are_never_baselined(tmp_path):
    error = Finding("read-error", "error", str(tmp_path / "bad.po"), 1, 1, "PO syntax error")
    baseline = str(tmp_path / "b.json")
    write_baseline(baseline, [error])
    assert json.loads(Path(baseline).read_text(encoding="utf-8"))["findings"] == []
    assert load_baseline(baseline).filter([error]) == [error]


def test_write_is_atomic_and_keeps_permissions(write, tmp_path):
    doc = write("en/letter.txt", LETTER)
    baseline = tmp_path / "baseline.json"
    baseline.write_text("old", encoding="utf-8")
    os.chmod(baseline, 0o640)
    write_baseline(str(baseline), findings(doc))
    assert stat.S_IMODE(os.stat(baseline).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "en"]  # no temp file left
    with pytest.raises(BaselineError, match=r"missing/b\.json: cannot write baseline"):
        write_baseline(str(tmp_path / "missing" / "b.json"), [])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1, "tool": "termcheck", "findings": [', r"b\.json:1:\d+: invalid JSON: "),
        ("[]", r'b\.json: not a termcheck baseline \(expected an object with "tool": "termcheck"\)'),
        ('{"version": 2, "tool": "termcheck", "findings": []}', r"b\.json: unsupported baseline version 2; expected 1"),
        ('{"version": 1, "tool": "termcheck"}', r'b\.json: "findings" must be a list'),
        ('{"version": 1, "tool": "termcheck", "findings": [{"rule": "x", "path": "a"}]}',
         r"b\.json: findings\[0\]: 'fingerprint' must be a non-empty string"),
        ('{"version": 1, "tool": "termcheck", "findings": [{"rule": "x", "path": "a", "fingerprint": "f", '
         '"count": 0}]}', r"b\.json: findings\[0\]: 'count' must be a positive integer"),
        (b"\xff\xfe{", r"b\.json: not valid UTF-8 at byte 0"),
    ],
)
def test_corrupt_baseline_is_a_one_line_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "b.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as info:
        load_baseline(str(path))
    assert "\n" not in str(info.value) and str(info.value).startswith(str(path))


def test_missing_baseline(tmp_path):
    with pytest.raises(BaselineError, match=r"nope\.json: no such baseline file$"):
        load_baseline(str(tmp_path / "nope.json"))


def test_hand_made_baseline_sums_duplicate_entries(tmp_path):
    entry = {"rule": "r", "term": None, "path": "a", "fingerprint": "f", "text": "", "count": 1}
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"version": 1, "tool": "termcheck", "findings": [entry, entry]}), encoding="utf-8")
    assert len(load_baseline(str(path))) == 2
    assert len(Baseline([])) == 0 and Baseline([]).filter([]) == []
