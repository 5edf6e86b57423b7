"""Cost of discovery: `termcheck check` with and without `--discover` on 10 MB and 1,000 terms,
in one run, interleaved (the target is at most 3x).

    python benchmarks/discovery.py [--runs 3]

Uses the corpus and glossary of benchmarks/run.py (generated on first use).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = OUT / "20mb" / "corpus" / "en"
    glossary = OUT / "terms-1000" / "glossary.yml"
    if not glossary.exists() or len(list(corpus.glob("part-*.txt"))) < 10:
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--generate-only"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        ten = Path(tmp) / "corpus" / "en"
        ten.mkdir(parents=True)
        for part in sorted(corpus.glob("part-*.txt"))[:10]:
            (ten / part.name).symlink_to(part)
        mb = sum(p.stat().st_size for p in ten.iterdir()) / 1e6
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        base = [sys.executable, "-m", "checker", "check", str(ten.parent), "-g", str(glossary),
                "--format", "json", "--fail-on", "never"]
        times: dict[str, list[float]] = {"check": [], "check --discover": []}
        found = 0
        for run in range(args.runs + 1):  # the first round fills the cache and is not counted
            for name, extra in (("check", []), ("check --discover", ["--discover"])):
                report = Path(tmp) / "report.json"
                start = time.perf_counter()
                subprocess.run([*base, *extra, "-o", str(report)], env=env, cwd=ROOT, check=True)
                if run:
                    times[name].append(time.perf_counter() - start)
                if extra:
                    found = sum(f["rule"] == "unlisted-rendering" for f in json.loads(report.read_text())["findings"])
    plain, disc = min(times["check"]), min(times["check --discover"])
    print(f"corpus {mb:.1f} MB, 1,000 terms, best of {args.runs}")
    print(f"termcheck check            : {plain:6.2f} s")
    print(f"termcheck check --discover : {disc:6.2f} s  ({found} unlisted renderings)")
    print(f"ratio                      : {disc / plain:.2f}x (target: at most 3x)")


if __name__ == "__main__":
    main()
