"""Documents and glossaries by URL (fsspec): memory://, and http:// from a local web server."""

from __future__ import annotations

import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

fsspec = pytest.importorskip("fsspec")
ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = (ROOT / "glossary.yml").read_bytes()


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    fs.pipe("/proj/en/a.txt", b"They met in Kiev.\n")
    fs.pipe("/proj/en/b.md", b"# B\n\nSergei Lavrov spoke.\n")
    fs.pipe("/proj/en/.draft.txt", b"Kiev\n")  # hidden: skipped, as in a local walk
    fs.pipe("/proj/en/notes.bin", b"Kiev\n")  # no suffix termcheck reads
    fs.pipe("/terms/glossary.yml", GLOSSARY)
    yield fs
    fs.rm("/proj", recursive=True)
    fs.rm("/terms", recursive=True)


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args, "--format", "json", "--fail-on", "never"])


def test_a_prefix_and_a_glossary_in_object_storage(memory):
    result = check("memory://proj", "-g", "memory://terms/glossary.yml")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [d["path"] for d in report["documents"]] == ["memory:///proj/en/a.txt", "memory:///proj/en/b.md"]
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in report["findings"]] == [
        ("memory:///proj/en/a.txt", 1, 13, "forbidden-rendering"),
        ("memory:///proj/en/b.md", 3, 1, "variant-rendering"),
    ]


def test_a_missing_url_is_a_usage_error_and_a_bad_glossary_url_one_line(memory):
    result = CliRunner().invoke(main, ["check", "memory://nowhere/x.txt", "-g", "memory://terms/glossary.yml"])
    assert result.exit_code == 2 and result.output == "Error: path 'memory://nowhere/x.txt' does not exist\n"
    result = CliRunner().invoke(main, ["check", "memory://proj", "-g", "memory://terms/missing.yml"])
    assert result.exit_code == 2
    assert result.output == "memory://terms/missing.yml:1:1: error: cannot read glossary: no such file or directory\n"


def test_compare_reads_urls(memory):
    memory.pipe("/v/one.txt", b"Sergey Lavrov spoke of indivisible security.\n")
    memory.pipe("/v/two.txt", b"Sergei Lavrov spoke of indivisibility of security.\n")
    result = CliRunner().invoke(main, ["compare", "memory://v/one.txt", "memory://v/two.txt", "-g",
                                       "memory://terms/glossary.yml", "--lang", "en", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {f["rule"] for f in json.loads(result.output)["findings"]} == {"divergent-rendering"}


@pytest.fixture
def web(tmp_path):
    pytest.importorskip("aiohttp")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.txt").write_text("They met in Kiev.\n", encoding="utf-8")
    (tmp_path / "en" / "b.txt").write_text("Sergei Lavrov spoke.\n", encoding="utf-8")
    (tmp_path / "glossary.yml").write_bytes(GLOSSARY)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):  # noqa: ANN002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_files_and_a_directory_listing_from_a_web_server(web):
    one = check(f"{web}/en/a.txt", "-g", f"{web}/glossary.yml")
    assert one.exit_code == 0, one.output
    (finding,) = json.loads(one.output)["findings"]
    assert (finding["path"], finding["line"], finding["column"], finding["rule"]) == (
        f"{web}/en/a.txt", 1, 13, "forbidden-rendering")
    listed = check(f"{web}/en/", "-g", f"{web}/glossary.yml")
    assert [d["path"] for d in json.loads(listed.output)["documents"]] == [f"{web}/en/a.txt", f"{web}/en/b.txt"]
    gone = CliRunner().invoke(main, ["check", f"{web}/en/zzz.txt", "-g", f"{web}/glossary.yml"])
    assert gone.exit_code == 2 and gone.output.count("\n") == 1 and "does not exist" in gone.output
