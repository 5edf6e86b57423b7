"""benchmarks/real.py --quick runs every workload with termcheck alone (no peer, no download)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from checker.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent


def test_quick_run_times_termcheck_on_every_workload(tmp_path):
    out = tmp_path / "out"
    record = tmp_path / "real.json"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "real.py"), "--quick", "--only", "termcheck",
                           "--no-install", "--out", str(out), "--json", str(record)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - start
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert took < 20, f"the smoke test took {took:.1f} s"

    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["failures"] == [] and data["notes"] == []
    rows = data["results"]
    assert {r["tool"] for r in rows} == {"termcheck -j 1", "termcheck check -q"}  # no peer ran
    workloads = [r["workload"] for r in rows]
    assert workloads[0].startswith("django catalogs")
    assert [r.get("terms") for r in rows if r["workload"].startswith("prose")] == [15, 100, 1000]
    assert [r.get("terms") for r in rows if r["workload"].startswith("docs")] == [100, 1000]
    assert sum(w.startswith("pre-commit") for w in workloads) == 2
    for r in rows:
        assert r["cpu"] > 0 and r["seconds"] > 0 and r["rss_mb"] > 0, r
        assert "error" not in r, r

    # the table: one line per row, ratios to termcheck
    assert "CPU / termcheck" in proc.stdout
    assert proc.stdout.count("termcheck -j 1") >= 3

    # the generated 100-term glossary is valid; the reports were written
    assert len(load_glossary(str(out / "real-quick" / "glossaries" / "glossary-100.yml")).terms) == 100
    assert len(load_glossary(str(out / "real-quick" / "glossaries" / "glossary-1000.yml")).terms) == 1000
    report = json.loads((out / "real-quick" / "output" / "prose-100-termcheck.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 10
    prh = (out / "real-quick" / "glossaries" / "prh-15.yml").read_text(encoding="utf-8")
    assert "/Organisation for Security and Co-operation in Europe/" in prh  # "-" kept out of prh's escaping
