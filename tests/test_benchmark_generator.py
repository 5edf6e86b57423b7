"""benchmarks/run.py generates the same bytes every time, and a glossary termcheck can load."""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

from checker.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("benchmarks_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _snapshot(out: Path) -> dict[str, bytes]:
    files = {}
    for p in sorted(out.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            if p.name == "manifest.json":  # all but the generation time must match
                manifest = json.loads(data)
                manifest.pop("seconds", None)
                data = json.dumps(manifest, sort_keys=True).encode()
            files[p.relative_to(out).as_posix()] = data
    return files


def test_generation_is_deterministic_and_loads(tmp_path):
    run = _bench()
    args = ["--mb", "0.05", "--terms", "20", "--pool", "20", "--generate-only"]
    assert run.main([*args, "--out", str(tmp_path / "a")]) == 0
    assert run.main([*args, "--out", str(tmp_path / "b")]) == 0
    a, b = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert "0.05mb/corpus/en/part-0001.txt" in a and "terms-20/terms.txt" in a
    assert a == b

    glossary = load_glossary(str(tmp_path / "a" / "terms-20" / "glossary.yml"))
    assert len(glossary.terms) == 20
    renderings = [r.text for r in glossary.renderings("en")]
    assert renderings == a["terms-20/terms.txt"].decode().splitlines()
    text = a["0.05mb/corpus/en/part-0001.txt"].decode()
    assert 45_000 <= len(text) <= 52_000 and "\n\n" in text


def test_regex_baseline_reports_per_file_and_progress(tmp_path, monkeypatch):
    run = _bench()
    monkeypatch.setattr(run, "REGEX_PROGRESS_EVERY", 1)
    terms = tmp_path / "terms.txt"
    terms.write_text("kalori tomev\ntomev\nbrask\n", encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Kalori tomev and TOMEV, not tomevs nor xtomev.\n", encoding="utf-8")
    b.write_text("brask brask-kalori\n", encoding="utf-8")
    out = io.StringIO()
    assert run.regex_baseline(str(terms), [str(a), str(b)], out=out) == 0
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert lines[0] == ["compiled", "3"]
    # every regex counts on its own ("tomev" inside "Kalori tomev" too); resolved leftmost-longest: 2
    assert ["file", str(a), "3", "2"] in lines and ["file", str(b), "2", "2"] in lines
    assert ["hit", str(a), "1", "1"] in lines and ["hit", str(a), "2", "2"] in lines
    assert ["progress", str(a), "1", "1"] in lines and ["progress", str(a), "2", "3"] in lines

    seen = run.RegexProgress()
    for k, line in enumerate(out.getvalue().splitlines()[:7]):  # stopped inside b.txt
        seen(line.encode(), float(k))
    assert seen.per_file == {str(a): 2} and seen.raw_per_file == {str(a): 3}
    assert seen.partial == (str(b), 1, 0, {})
    seen = run.RegexProgress()
    for k, line in enumerate(out.getvalue().splitlines()):
        seen(line.encode(), float(k))
    assert seen.per_file == {str(a): 2, str(b): 2} and seen.partial is None


def test_overlapping_renderings():
    run = _bench()
    renderings = ["a b", "b c", "x y z", "Y", "q", "p q r"]
    # "a b"/"b c" overlap in "a b c"; "y" and "q" are inside longer ones; "x y z", "p q r" contain them
    assert run.overlapping_renderings(renderings) == {0, 1, 3, 4}


def test_count_check_flags_a_mismatch():
    run = _bench()
    termcheck = {"per_document": {"a": 3, "b": 2},
                 "per_rendering": {"a": {"x": 1, "y": 2}, "b": {"x": 2}}}
    ok = run.compare_counts(termcheck, {"per_file": {"a": 3, "b": 2}},
                            {"per_file": {"a": 3}, "partial": ("b", 1, 2, {1: 2})}, ["x", "y"])
    assert ok["agree"] and ok["compared"] == {"grep": 2, "regex": 1}
    bad = run.compare_counts(termcheck, {"per_file": {"a": 4}}, {"per_file": {}, "partial": ("a", 1, 2, {1: 2})},
                             ["x", "y"])
    assert not bad["agree"]
    assert [(r["file"], r["agree"]) for r in bad["rows"]] == [("a", False), ("a", False)]
    # an overlapping rendering may be counted more often by its regex, never less
    overlap = {"per_document": {"a": 1}, "per_rendering": {"a": {"x y": 1}}}
    assert run.compare_counts(overlap, None, {"per_file": {}, "partial": ("a", 2, 2, {1: 1, 2: 1})},
                              ["x y", "y"])["agree"]
    assert not run.compare_counts(overlap, None, {"per_file": {}, "partial": ("a", 2, 0, {})},
                                  ["x y", "y"])["agree"]


def test_a_small_run_measures_every_tool_and_checks_counts(tmp_path, capsys):
    run = _bench()
    args = ["--mb", "0.05", "--terms", "20", "--pool", "20", "--out", str(tmp_path), "--grep-budget", "60",
            "--json", str(tmp_path / "results.json")]
    assert run.main(args) == 0
    printed = capsys.readouterr().out
    assert "counts agree" in printed
    record = json.loads((tmp_path / "results.json").read_text())
    tools = {(r["tool"], r["jobs"]) for r in record["results"]}
    assert {("termcheck", 1), ("termcheck --no-stemming", 1), ("termcheck --discover", 1),
            (run.GREP_LABEL, 1), (run.REGEX_LABEL, 1)} <= tools
    assert record["count_checks"]["20"]["agree"] and not record["failures"]
    nostem = next(r for r in record["results"] if r["tool"] == "termcheck --no-stemming" and r["jobs"] == 1)
    grep = next(r for r in record["results"] if r["tool"] == run.GREP_LABEL)
    regex = next(r for r in record["results"] if r["tool"] == run.REGEX_LABEL)
    assert nostem["matches"] == grep["matches"] == regex["matches"] > 0
