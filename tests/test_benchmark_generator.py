"""benchmarks/run.py generates the same bytes every time, and a glossary termcheck can load."""

from __future__ import annotations

import importlib.util
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
