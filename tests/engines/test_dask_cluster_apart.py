"""`--engine dask` against a cluster started apart, as a user starts one: `dask scheduler`
and `dask worker` processes of their own, in another working directory."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@pytest.fixture
def cluster(tmp_path):
    """(address, {name: worker process}): a scheduler and two single-process workers
    (no nanny, so that killing one kills it), all in a directory of their own."""
    where = tmp_path / "cluster"
    where.mkdir()
    scheduler_file = where / "scheduler.json"
    procs = [_start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(scheduler_file)], where)]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        workers = {}
        for name in ("a", "b"):
            workers[name] = _start(["distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny",
                                    "--no-dashboard", "--name", name], where)
            procs.append(workers[name])
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address, workers
    finally:
        for proc in reversed(procs):
            _stop(proc)


def _check(args: list[str], cwd: Path, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TERMCHECK_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "checker", "check", *args, "--format", "json", "--fail-on", "never"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_relative_paths_from_another_directory_give_the_local_report(cluster, tmp_path):
    address, _ = cluster
    local = _check(["translations", "tests/data/samples"], ROOT, tmp_path / "cache")
    remote = _check(["translations", "tests/data/samples", "--engine", "dask", "--scheduler", address], ROOT,
                    tmp_path / "cache")
    assert remote.returncode == 0, remote.stderr
    assert "read-error" not in remote.stdout
    assert remote.stdout == local.stdout


def test_a_worker_killed_during_the_run_loses_nothing(cluster, tmp_path):
    address, workers = cluster
    corpus = tmp_path / "corpus" / "en"
    corpus.mkdir(parents=True)
    lines = ["They met in Kiev.", "Sergei Lavrov spoke of indivisible security.", "Nothing to see here."]
    for i in range(2000):  # 60 lines each: the run lasts long enough to lose a worker in its middle
        body = "".join(f"Line {k} of file {i}. {lines[(i + k) % 3]}\n" for k in range(60))
        (corpus / f"f{i:04d}.txt").write_text(body, encoding="utf-8")
    (tmp_path / "glossary.yml").write_text((ROOT / "glossary.yml").read_text(encoding="utf-8"), encoding="utf-8")
    local = _check(["corpus"], tmp_path, tmp_path / ".cache")
    env = {**os.environ, "TERMCHECK_CACHE_DIR": str(tmp_path / ".cache")}
    run = subprocess.Popen([sys.executable, "-m", "checker", "check", "corpus", "--engine", "dask", "--scheduler",
                            address, "--format", "json", "--fail-on", "never", "-o", str(tmp_path / "remote.json")],
                           cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    from distributed import Client

    with Client(address, timeout=60) as client:
        deadline = time.monotonic() + 120
        while sum(client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) for _ in [0]) < 3:
            assert time.monotonic() < deadline and run.poll() is None, "the run never reached the cluster"
            time.sleep(0.05)
    assert run.poll() is None, "the run ended before a worker could be killed"
    workers["a"].send_signal(signal.SIGKILL)  # mid-run: its tasks are run again on b
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    assert workers["a"].wait(10) is not None
    assert (tmp_path / "remote.json").read_text(encoding="utf-8") == local.stdout
    report = json.loads(local.stdout)
    assert len(report["documents"]) == 2000 and not any(f["rule"] == "read-error" for f in report["findings"])
