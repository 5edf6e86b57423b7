"""`termcheck check --engine dask` at scale (issue 18): many small files on a cluster started
apart; wall time and peak memory of the client, the scheduler and each worker, next to
local runs on the same files.

    python benchmarks/dask_scale.py                          # 10,000 and 100,000 files (about 20 minutes here)
    python benchmarks/dask_scale.py --quick                  # smoke run: 2,000 files
    python benchmarks/dask_scale.py --files 100000 --only dask --json benchmarks/out/dask-scale.json

Files: benchmarks/out/dask-scale/corpus/en/dKKK/fNNNNNN.txt, 1,000 per directory, each 2-5
lines, every line a sentence of the default corpus (translations/en/*.txt), so that some
hold glossary terms (and findings: 'Kiev', variants). File i is drawn from its own seed, so
the first N files are the same whatever the largest N generated; files already there are
reused (manifest.json records the seed, the generator version and the sentence pool's
SHA-256), missing ones are added. A run on N files names the directories (and, for a
remainder, the files) that hold the first N.

Runs, for each N (--only picks among them), each `python -m checker check PATHS -g
glossary.yml --isolated --fail-on never` from benchmarks/out/dask-scale with a private,
warmed compiled-glossary cache:

* local-j2: `-j 2 --format json -o FILE` (the reference report);
* local-j1: `-j 1 --format json -o FILE` (everything in one process: what a report of N
  documents costs in memory when nothing is distributed);
* local-q: `-j 1 -q --format text -o /dev/null` (no JSON report written: the difference
  to local-j1 is what writing the JSON report costs; the CheckResult, which lists every
  document, is built either way);
* dask: `--engine dask --scheduler ADDRESS --format json -o FILE`;
* dask-q: the same with `-q --format text -o /dev/null` (the client's growth with N, next to
  local-q's, tells what the Dask engine adds to the result's own cost).

Every Dask run gets a fresh cluster in a directory of its own (benchmarks/out/dask-scale/
cluster): `python -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0
--no-dashboard --scheduler-file F` and two `python -m distributed.cli.dask_worker ADDRESS
--nthreads 1 --no-nanny --no-dashboard` (no nanny, so the worker's PID is the process that
runs the tasks), each in its own process group, always stopped at the end (SIGTERM, then
SIGKILL). The client's wall time is measured around it; its CPU seconds and peak RSS come
from os.wait4 in a small wrapper process that starts it (ru_maxrss: the largest single
process, children included; started from the benchmark itself, the client's figure would
start from the benchmark's own peak RSS). The scheduler's and each worker's peak RSS
(VmHWM) and CPU seconds are read from /proc/PID just before they are stopped; their RSS
when idle, right after start-up, is shown too. Each Dask report must equal the local-j2
report byte for byte (so must local-j1's).

Exit status 0; 1 if a report differs from local-j2's; 2 if a run fails or times out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Self

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out" / "dask-scale"
GLOSSARY = ROOT / "glossary.yml"
SOURCES = ROOT / "translations" / "en"
PER_DIR = 1000  # files per directory: 100,000 files in one directory slows every listing
SEED = 18
GENERATOR = 1  # bump when the generated text changes
RUNS = ("local-j2", "local-j1", "local-q", "dask", "dask-q")
START_TIMEOUT = 60.0


class BenchError(Exception):
    """A run that cannot go on: one line for the user."""


# --- the files -------------------------------------------------------------------------------

def sentence_pool() -> list[str]:
    """The default corpus's English sentences, in a fixed order (files sorted, text order)."""
    pool: list[str] = []
    for path in sorted(SOURCES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            # A sentence ends at '.', '!' or '?' before a space and a capital or a quote.
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line.strip()):
                if 20 <= len(sentence) <= 400:
                    pool.append(sentence)
    if not pool:
        raise BenchError(f"{SOURCES}: no English sentences to draw from")
    return pool


def file_path(corpus: Path, i: int) -> Path:
    return corpus / "en" / f"d{i // PER_DIR:03d}" / f"f{i:06d}.txt"


def file_text(pool: list[str], i: int) -> str:
    rng = random.Random(f"{SEED}:{i}")  # per file, so the first N files never depend on the largest N
    return "".join(rng.choice(pool) + "\n" for _ in range(rng.randint(2, 5)))


def ensure_files(n: int) -> Path:
    """The corpus directory holding at least the first `n` files, generated or reused."""
    pool = sentence_pool()
    pool_sha = hashlib.sha256("\n".join(pool).encode("utf-8")).hexdigest()
    corpus = OUT / "corpus"
    manifest_path = OUT / "manifest.json"
    want = {"seed": SEED, "generator": GENERATOR, "pool_sha256": pool_sha, "per_dir": PER_DIR}
    have = 0
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if {k: manifest.get(k) for k in want} == want:
            have = manifest.get("files", 0)
    if have and not file_path(corpus, have - 1).is_file():
        have = 0  # damaged: start again
    if have == 0 and corpus.exists():
        shutil.rmtree(corpus)
    if have >= n:
        return corpus
    started = time.monotonic()
    for i in range(have, n):
        path = file_path(corpus, i)
        if i % PER_DIR == 0 or i == have:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(file_text(pool, i), encoding="utf-8")
    manifest_path.write_text(json.dumps({**want, "files": n}, indent=2) + "\n", encoding="utf-8")
    print(f"generated files {have:,}-{n - 1:,} in {time.monotonic() - started:.1f} s", flush=True)
    return corpus


def paths_for(corpus: Path, n: int) -> list[str]:
    """Arguments naming the first `n` files, relative to OUT: whole directories, then files."""
    full, rest = divmod(n, PER_DIR)
    args = [str(file_path(corpus, d * PER_DIR).parent.relative_to(OUT)) for d in range(full)]
    args += [str(file_path(corpus, full * PER_DIR + k).relative_to(OUT)) for k in range(rest)]
    return args


# --- processes -------------------------------------------------------------------------------

def proc_status(pid: int) -> dict[str, float]:
    """Peak and current RSS (MB) and CPU seconds of a live process, from /proc."""
    out: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0]) / 1024
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rpartition(")")[2].split()  # the command name may hold spaces
    out["cpu"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return out


def stop(proc: subprocess.Popen) -> None:
    """Stop a process started in its own session, and its group; SIGKILL if SIGTERM is ignored."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    except ProcessLookupError:
        pass


@dataclass
class Member:
    """A scheduler or worker process, and what it used."""
    name: str
    proc: subprocess.Popen
    idle_mb: float = 0.0
    peak_mb: float = 0.0
    cpu: float = 0.0


class Cluster:
    """A scheduler and two single-threaded workers without nanny, started apart in `where`."""

    def __init__(self, where: Path, workers: int = 2) -> None:
        self.where = where
        self.workers = workers
        self.members: list[Member] = []
        self.address = ""

    def _start(self, name: str, args: list[str]) -> Member:
        log = open(self.where / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen([sys.executable, "-m", *args], cwd=self.where, stdout=log, stderr=log,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        member = Member(name, proc)
        self.members.append(member)
        return member

    def __enter__(self) -> Self:
        if self.where.exists():
            shutil.rmtree(self.where)
        self.where.mkdir(parents=True)
        try:
            self._up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _up(self) -> None:
        scheduler_file = self.where / "scheduler.json"
        scheduler = self._start("scheduler", ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                                              "--no-dashboard", "--scheduler-file", str(scheduler_file)])
        deadline = time.monotonic() + START_TIMEOUT
        while not scheduler_file.exists():
            if scheduler.proc.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"the scheduler did not start; see {self.where / 'scheduler.log'}")
            time.sleep(0.1)
        time.sleep(0.1)  # the file is written in one go, but may still be being written
        self.address = json.loads(scheduler_file.read_text(encoding="utf-8"))["address"]
        for k in range(1, self.workers + 1):
            self._start(f"worker-{k}", ["distributed.cli.dask_worker", self.address, "--nthreads", "1", "--no-nanny",
                                        "--no-dashboard", "--name", f"w{k}", "--local-directory", str(self.where)])
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(self.workers, timeout=START_TIMEOUT)
        for member in self.members:
            member.idle_mb = proc_status(member.proc.pid)["VmRSS"]

    def read(self) -> None:
        """Peak RSS and CPU of every member, read while they still run."""
        for member in self.members:
            if member.proc.poll() is not None:
                raise BenchError(f"{member.name} died during the run; see {self.where / (member.name + '.log')}")
            status = proc_status(member.proc.pid)
            member.peak_mb, member.cpu = status["VmHWM"], status["cpu"]

    def __exit__(self, *exc: object) -> None:
        for member in reversed(self.members):
            stop(member.proc)


@dataclass
class Run:
    """One measured `termcheck check` run."""
    files: int
    name: str
    wall: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    report_mb: float = 0.0
    identical: bool | None = None
    cluster: list[dict] = field(default_factory=list)


#: Runs its arguments and prints their exit status, CPU seconds and peak RSS (KiB). A child's
#: ru_maxrss starts from its parent's peak RSS (Linux folds the parent's high-water mark in at
#: exec), so the client is started from this small process, not from the benchmark, which
#: holds a Dask client of its own.
WRAPPER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
proc.returncode = os.waitstatus_to_exitcode(status)
print(proc.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run_client(args: list[str], env: dict[str, str], timeout: float, log: Path) -> tuple[float, float, float]:
    """Run `python -m checker check ARGS` from OUT; (wall s, CPU s, peak RSS MB)."""
    with open(log, "wb") as err:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", WRAPPER, sys.executable, "-m", "checker", "check", *args],
                                cwd=OUT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                                start_new_session=True)  # its own group: stopped with the client inside
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            out = b""
        finally:
            stop(proc)  # after a timeout or an interrupt; nothing to do once it has ended
        wall = time.monotonic() - started
    fields = out.split()
    if len(fields) != 3 or fields[0] != b"0":
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] or ["(no message)"]
        why = "killed after the timeout" if wall >= timeout else f"exit status {fields[0].decode() if fields else '?'}"
        raise BenchError(f"`check {' '.join(args[-6:])}` failed ({why}): {tail[0]}")
    return wall, float(fields[1]), int(fields[2]) / 1024  # ru_maxrss is in KiB on Linux


def measure(n: int, name: str, paths: list[str], env: dict[str, str], timeout: float, send: str) -> Run:
    run = Run(n, name)
    report = OUT / "reports" / f"{n}-{name}.json"
    common = [*paths, "-g", str(GLOSSARY), "--isolated", "--fail-on", "never"]
    out = ["--format", "json", "-o", str(report)]
    log = OUT / "reports" / f"{n}-{name}.stderr"
    if name.endswith("-q"):
        out = ["-q", "--format", "text", "-o", os.devnull]
    if name.startswith("local"):
        jobs = "2" if name == "local-j2" else "1"
        run.wall, run.cpu, run.peak_mb = run_client([*common, "-j", jobs, *out], env, timeout, log)
    else:
        with Cluster(OUT / "cluster") as cluster:
            dask = ["--engine", "dask", "--scheduler", cluster.address, "--send-files", send]
            run.wall, run.cpu, run.peak_mb = run_client([*common, *dask, *out], env, timeout, log)
            cluster.read()
            run.cluster = [{"name": m.name, "idle_mb": m.idle_mb, "peak_mb": m.peak_mb, "cpu": m.cpu}
                           for m in cluster.members]
    if not name.endswith("-q"):
        run.report_mb = report.stat().st_size / 1e6
    return run


def compare(runs: list[Run]) -> bool:
    """Mark each run whose JSON report equals local-j2's (same N, this invocation's: a report
    left by an earlier run may come from other code); False if any differs."""
    ok = True
    for n in sorted({r.files for r in runs if r.name == "local-j2"}):
        reference = OUT / "reports" / f"{n}-local-j2.json"
        expected = reference.read_bytes()
        for run in runs:
            if run.files == n and run.name != "local-j2" and not run.name.endswith("-q"):
                run.identical = (OUT / "reports" / f"{n}-{run.name}.json").read_bytes() == expected
                ok = ok and run.identical
    return ok


# --- output ----------------------------------------------------------------------------------

def table(runs: list[Run]) -> str:
    lines = [
        ("| files | run | wall s | files/s | client CPU s | client peak MB | scheduler peak MB (idle) "
         "| scheduler CPU s | workers peak MB (idle) | workers CPU s | report MB | = local-j2 |"),
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        sched = [m for m in r.cluster if m["name"] == "scheduler"]
        workers = [m for m in r.cluster if m["name"] != "scheduler"]
        s = f"{sched[0]['peak_mb']:.0f} ({sched[0]['idle_mb']:.0f}) | {sched[0]['cpu']:.1f}" if sched else " | "
        w = " / ".join(f"{m['peak_mb']:.0f} ({m['idle_mb']:.0f})" for m in workers)
        wc = " / ".join(f"{m['cpu']:.1f}" for m in workers)
        same = {None: "", True: "identical", False: "DIFFERS"}[r.identical]
        lines.append(f"| {r.files:,} | {r.name} | {r.wall:.1f} | {r.files / r.wall:,.0f} | {r.cpu:.1f} | "
                     f"{r.peak_mb:.0f} | {s} | {w} | {wc} | {r.report_mb:.1f} | {same} |")
    return "\n".join(lines)


def growth(runs: list[Run]) -> list[str]:
    """The closing note: how the client's peak RSS grows from the smallest N to the largest."""
    sizes = sorted({r.files for r in runs})
    if len(sizes) < 2:
        return []
    lo, hi = sizes[0], sizes[-1]
    by = {(r.files, r.name): r for r in runs}
    notes = [f"client peak RSS from {lo:,} to {hi:,} files:"]
    for name in RUNS:
        a, b = by.get((lo, name)), by.get((hi, name))
        if a and b:
            per = (b.peak_mb - a.peak_mb) * 1024 * 1024 / (hi - lo)
            notes.append(f"  {name:9} {a.peak_mb:7.0f} -> {b.peak_mb:7.0f} MB  (+{b.peak_mb - a.peak_mb:.0f} MB, "
                         f"{per:,.0f} bytes per file; report {a.report_mb:.1f} -> {b.report_mb:.1f} MB)")
    return notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", default="10000,100000", help="numbers of files, comma-separated (default 10000,100000)")
    parser.add_argument("--only", default=",".join(RUNS), help=f"runs: {','.join(RUNS)} (default: all)")
    parser.add_argument("--send-files", default="auto", choices=("auto", "always", "never"),
                        help="passed to the Dask runs (default auto: the workers read the files themselves)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="stop a run after this many seconds (default 3600)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2,000 files")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    try:
        sizes = [2000] if args.quick else sorted({int(x.replace("_", "")) for x in args.files.split(",") if x.strip()})
    except ValueError:
        print(f"benchmarks/dask_scale.py: --files: not a list of numbers: {args.files!r}", file=sys.stderr)
        return 2
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    unknown = [w for w in wanted if w not in RUNS] + [str(n) for n in sizes if n < 1]
    if unknown or not sizes:
        print(f"benchmarks/dask_scale.py: no run or size {unknown[0] if unknown else args.files!r} "
              f"(runs: {', '.join(RUNS)}; sizes: positive numbers)", file=sys.stderr)
        return 2
    if any(w.startswith("dask") for w in wanted):
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("benchmarks/dask_scale.py: needs Dask: pip install 'termcheck[dask]'", file=sys.stderr)
            return 2
    names = [name for name in RUNS if name in wanted]  # local-j2 first: the reference

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # so that the `finally`s stop the cluster and the client

    signal.signal(signal.SIGTERM, interrupted)
    runs: list[Run] = []
    try:
        corpus = ensure_files(max(sizes))
        (OUT / "reports").mkdir(parents=True, exist_ok=True)
        cache = OUT / "cache"
        cache.mkdir(mode=0o700, exist_ok=True)
        cache.chmod(0o700)  # the cache refuses a directory others may write to
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(cache)}
        run_client([paths_for(corpus, 1)[0], "-g", str(GLOSSARY), "--isolated", "--fail-on", "never", "-q",
                    "-o", os.devnull], env, args.timeout, OUT / "reports" / "warm.stderr")  # warm the cache
        for n in sizes:
            paths = paths_for(corpus, n)
            for name in names:
                print(f"{n:,} files: {name} ...", end=" ", flush=True)
                run = measure(n, name, paths, env, args.timeout, args.send_files)
                runs.append(run)
                print(f"{run.wall:.1f} s, client peak {run.peak_mb:.0f} MB", flush=True)
    except BenchError as error:
        print(f"benchmarks/dask_scale.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("benchmarks/dask_scale.py: interrupted", file=sys.stderr)
        return 2
    ok = compare(runs)
    print()
    print(table(runs))
    print()
    for line in growth(runs):
        print(line)
    differ = [f"{r.files:,} {r.name}" for r in runs if r.identical is False]
    if differ:
        print(f"reports: DIFFER from local-j2's: {', '.join(differ)} (kept in {OUT / 'reports'})")
    elif any(r.identical for r in runs):
        print("reports: identical to local-j2's")
    else:
        print("reports: not compared (no local-j2 run, or nothing to compare with it)")
    if args.json:
        args.json.write_text(json.dumps({"cores": len(os.sched_getaffinity(0)), "runs": [asdict(r) for r in runs]},
                                        indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
