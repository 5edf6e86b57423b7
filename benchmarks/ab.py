#!/usr/bin/env python3
"""Two checkouts of termcheck timed side by side on the same workloads, interleaved.

    git worktree add /tmp/before <commit>
    python benchmarks/ab.py --before /tmp/before            # every workload, best of 2
    python benchmarks/ab.py --before /tmp/before --only django,prose-100 --repeat 3

The machine is shared, so each workload runs the two checkouts one after the other, N
times, and keeps each side's least CPU (user+sys of the process, from wait4) with its peak
RSS; ratios compare figures of the same run. Each side runs `python -m checker` from its
own directory with its own compiled-glossary cache (under benchmarks/out/ab/), warmed by
an untimed run over the same files, and writes its JSON report; the script says whether the two reports are
byte-identical, which they must be where a change only makes things faster.

Workloads use files that `benchmarks/run.py` and `benchmarks/real.py` generate under
benchmarks/out/ (a missing one is skipped with the command that makes it):

* django: the 1,226 catalogs of the Django 5.2.17 wheel, tests/data/real/glossary-de.yml
* prose-15, prose-100, prose-1000: 20 MB of the default corpus repeated, glossaries of real.py
* generated-1000, generated-50000: run.py's 20 MB generated text and glossaries
* generated-100mb: run.py's 100 MB text with the 1,000-term glossary (memory in corpus size)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

WORKLOADS = {
    "django": (OUT / "django-5.2.17-po", ROOT / "tests" / "data" / "real" / "glossary-de.yml",
               "python benchmarks/real.py --only django,termcheck"),
    "prose-15": (OUT / "real" / "prose-20mb-200" / "corpus", ROOT / "glossary.yml",
                 "python benchmarks/real.py --only prose,termcheck"),
    "prose-100": (OUT / "real" / "prose-20mb-200" / "corpus", OUT / "real" / "glossaries" / "glossary-100.yml",
                  "python benchmarks/real.py --only prose,termcheck"),
    "prose-1000": (OUT / "real" / "prose-20mb-200" / "corpus", OUT / "real" / "glossaries" / "glossary-1000.yml",
                   "python benchmarks/real.py --only prose,termcheck"),
    "generated-1000": (OUT / "20mb" / "corpus", OUT / "terms-1000" / "glossary.yml",
                       "python benchmarks/run.py --generate-only"),
    "generated-50000": (OUT / "20mb" / "corpus", OUT / "terms-50000" / "glossary.yml",
                        "python benchmarks/run.py --generate-only"),
    "generated-100mb": (OUT / "100mb" / "corpus", OUT / "terms-1000" / "glossary.yml",
                        "python benchmarks/run.py --generate-only --mb 100"),
}


GNU_TIME = Path("/usr/bin/time").exists()


def run(side: Path, args: list[str], cache: Path) -> tuple[float, float, int]:
    """CPU seconds, peak RSS in MB and exit status of `python -m checker ARGS` run in `side`.

    The peak comes from GNU time, not from wait4: Linux starts a child's ru_maxrss at the
    RSS of the process that spawned it, so once this script has held two large reports
    every later run would read as at least that large."""
    env = {**os.environ, "TERMCHECK_CACHE_DIR": str(cache), "PYTHONPATH": str(side)}
    cmd = [sys.executable, "-m", "checker", *args]
    peak_file = cache.parent / f"peak-{os.getpid()}.txt"
    if GNU_TIME:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", str(peak_file), *cmd]
    proc = subprocess.Popen(cmd, cwd=side, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    peak = usage.ru_maxrss / 1024
    if GNU_TIME:
        peak = int(peak_file.read_text().split()[-1]) / 1024
        peak_file.unlink()
    return usage.ru_utime + usage.ru_stime, peak, os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", type=Path, required=True, help="the other checkout (a git worktree)")
    ap.add_argument("--after", type=Path, default=ROOT, help="default: this checkout")
    ap.add_argument("--only", default=",".join(WORKLOADS), help="comma-separated workloads")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    work = OUT / "ab"
    rows = []
    for name in args.only.split(","):
        corpus, glossary, makes = WORKLOADS[name]
        if not corpus.exists() or not glossary.exists():
            print(f"{name}: skipped, run `{makes}` first", flush=True)
            continue
        best: dict[str, tuple[float, float]] = {}
        reports = {}
        for side_name, side in (("before", args.before.resolve()), ("after", args.after.resolve())):
            cache = work / "cache" / side_name
            cache.mkdir(parents=True, exist_ok=True)
            cache.chmod(0o700)  # termcheck refuses a cache directory others may write to
            reports[side_name] = work / f"{name}-{side_name}.json"
            # Warm the cache on the corpus itself: an index is compiled per language checked.
            run(side, ["check", str(corpus), "-g", str(glossary), "-j", "1", "--format", "json", "-o", os.devnull,
                       "--fail-on", "never"], cache)
        for _ in range(args.repeat):
            for side_name, side in (("before", args.before.resolve()), ("after", args.after.resolve())):
                cpu, rss, code = run(side, ["check", str(corpus), "-g", str(glossary), "-j", "1", "--format", "json",
                                            "-o", str(reports[side_name]), "--fail-on", "never"],
                                     work / "cache" / side_name)
                if code != 0:
                    print(f"{name}: {side_name} exited with status {code}", flush=True)
                old = best.get(side_name)
                best[side_name] = (min(cpu, old[0]), max(rss, old[1])) if old else (cpu, rss)
        same = reports["before"].read_bytes() == reports["after"].read_bytes()  # paths are absolute on both sides
        (b_cpu, b_rss), (a_cpu, a_rss) = best["before"], best["after"]
        rows.append((name, b_cpu, a_cpu, b_cpu / a_cpu, b_rss, a_rss, "yes" if same else "NO"))
        print(f"{name}: before {b_cpu:.2f} s {b_rss:.0f} MB, after {a_cpu:.2f} s {a_rss:.0f} MB, "
              f"{b_cpu / a_cpu:.2f}x, reports identical: {'yes' if same else 'NO'}", flush=True)
    print()
    print("| workload | before CPU s | after CPU s | speed-up | before peak MB | after peak MB | same report |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, b, a, x, br, ar, same in rows:
        print(f"| {name} | {b:.2f} | {a:.2f} | {x:.2f}x | {br:.0f} | {ar:.0f} | {same} |")
    shutil.rmtree(work / "cache", ignore_errors=True)
    return 0 if all(r[-1] == "yes" for r in rows) else 1



if __name__ == "__main__":
    sys.exit(main())
