"""The Dask engine: the same map and reduce on a distributed cluster, the same report."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.glossary import load_glossary
from checker.matching.matcher import Matcher
from checker.engines import choose
from checker.pipeline import CheckOptions, run_check
from checker.reporters.json import render

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_dask_report_is_byte_identical_to_local(cluster, monkeypatch):
    monkeypatch.chdir(ROOT)
    glossary = load_glossary("glossary.yml")
    options = CheckOptions(discover=True)
    local = render(run_check(["translations/", "tests/data/samples"], glossary, options))
    remote = render(run_check(["translations/", "tests/data/samples"], glossary, options,
                              map_step=choose(scheduler=cluster.scheduler_address)))
    assert remote == local
    assert '"unlisted-rendering"' in local and '"missing-rendering"' in local


def test_workers_build_the_glossary_index_once(cluster, monkeypatch):
    monkeypatch.chdir(ROOT)
    glossary = load_glossary("glossary.yml")

    def indexes() -> dict:
        with distributed.Client(cluster.scheduler_address) as client:
            return client.run(lambda: len(__import__("checker.engines.dask_cluster", fromlist=["x"])._WORKER_CHECKERS))

    before = indexes()  # the cluster is shared with the other tests of this module
    run_check(["translations/"], glossary, CheckOptions(), map_step=choose(scheduler=cluster.scheduler_address))
    cached = indexes()
    # each worker that got a file built one index for these options (the scheduler may give
    # one worker all four files)
    assert all(0 <= cached[w] - before.get(w, 0) <= 1 for w in cached) and sum(cached.values()) > sum(before.values())
    run_check(["translations/"], glossary, CheckOptions(), map_step=choose(scheduler=cluster.scheduler_address))
    again = indexes()
    assert again == cached  # the same options: no second index per worker


def _blind(dask_worker=None):  # noqa: ANN001
    """Run on each worker: from now on it can read none of the client's files (as on a
    cluster without a shared file system)."""
    import checker.documents.encoding as encoding
    import checker.engines.dask_cluster as engine
    from checker.documents.model import ReadError

    def no_such_file(path, max_size=None):  # noqa: ANN001, ANN202
        raise ReadError(path, "no such file or directory")

    engine.readable = lambda where: False
    encoding.read_bytes = no_such_file
    engine.read_bytes = no_such_file


def _sighted(dask_worker=None):  # noqa: ANN001
    import importlib

    import checker.documents.encoding as encoding
    import checker.engines.dask_cluster as engine

    importlib.reload(encoding)
    importlib.reload(engine)


def test_workers_that_cannot_read_the_files_are_sent_their_content(cluster, monkeypatch):
    from checker.engines.dask_cluster import map_dask

    monkeypatch.chdir(ROOT)
    glossary = load_glossary("glossary.yml")
    options = CheckOptions()
    local = render(run_check(["translations/", "tests/data/samples"], glossary, options))
    with distributed.Client(cluster.scheduler_address) as client:
        client.run(_blind)
        try:
            sent = render(run_check(["translations/", "tests/data/samples"], glossary, options,
                                    map_step=choose(scheduler=cluster.scheduler_address)))
            assert sent == local  # auto: the probe failed, the content travelled
            with pytest.raises(RuntimeError, match=r"the Dask workers cannot read .*000-mid-unofficial"):
                list(map_dask(["translations/en/000-mid-unofficial-translation.txt"], Matcher(glossary), options,
                              cluster.scheduler_address, send="never"))
        finally:
            client.run(_sighted)
    always = render(run_check(["translations/"], glossary, options,
                              map_step=choose(scheduler=cluster.scheduler_address, send="always")))
    assert always == render(run_check(["translations/"], glossary, options))


def test_files_in_object_storage_the_workers_cannot_see_are_sent(cluster):
    # memory:// lives in this process only: the probe finds the workers blind, and auto sends
    # the content (a real s3:// prefix would be read by the workers themselves)
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/dask/en/a.txt", b"They met in Kiev.\n")
    fs.pipe("/dask/en/b.txt", b"Sergei Lavrov spoke.\n")
    try:
        glossary = load_glossary(str(ROOT / "glossary.yml"))
        local = render(run_check(["memory://dask"], glossary, CheckOptions()))
        remote = render(run_check(["memory://dask"], glossary, CheckOptions(),
                                  map_step=choose(scheduler=cluster.scheduler_address)))
        assert remote == local and '"forbidden-rendering"' in local
    finally:
        fs.rm("/dask", recursive=True)


@pytest.mark.parametrize("send", ["auto", "always"])
def test_batched_tasks_give_the_local_report_with_a_file_unreadable_on_the_client(cluster, tmp_path, monkeypatch, send):
    import checker.engines.dask_cluster as engine

    monkeypatch.setattr(engine, "BATCH", 3)  # 11 files: 4 tasks, 2 in flight at once
    monkeypatch.setattr(engine, "IN_FLIGHT", 2)
    monkeypatch.setattr(engine, "BATCH_BYTES", 40)  # a shipped batch ends early when its files are large
    lines = ["They met in Kiev.", "Sergei Lavrov spoke of indivisible security.", "Nothing to see here."]
    for i in range(11):
        text = "x" * 500 if i == 5 else f"File {i}. {lines[i % 3]}\n"  # file 5: above the size limit
        (tmp_path / "en").mkdir(exist_ok=True)
        (tmp_path / "en" / f"f{i:02d}.txt").write_text(text, encoding="utf-8")
    glossary = load_glossary(str(ROOT / "glossary.yml"))
    options = CheckOptions(max_file_size=200)
    local = render(run_check([str(tmp_path / "en")], glossary, options))
    remote = render(run_check([str(tmp_path / "en")], glossary, options,
                              map_step=choose(scheduler=cluster.scheduler_address, send=send)))
    assert remote == local
    assert local.count('"read-error"') == 1 and local.count('"path"') >= 11
