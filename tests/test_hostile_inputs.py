"""Issue 13, hostile and broken inputs: PO charsets (#4), configuration (#7), file names that
are not UTF-8 (#8), special files and the size limit (#10). Each test asserts what a user
relies on: the exit status, one line naming the file and line, the other files still reported.

Reproducers that are files are in tests/data/hostile/; a FIFO, a symbolic link, a socket and a
file name that is not UTF-8 are made here at run time (they cannot all be committed).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import KYIV_GLOSSARY, termcheck

HOSTILE = Path(__file__).parent / "data" / "hostile"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and byte file names are POSIX")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A checkout: a glossary, one good file with a forbidden rendering, a repository top."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "glossary.yml").write_text(KYIV_GLOSSARY, encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "good.txt").write_text("He went to Kiev.\n", encoding="utf-8")
    return tmp_path


def findings(result) -> list[tuple[str, int, str, str]]:
    return [(f["path"], f["line"], f["rule"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def check_json(cwd: Path, *args: str):
    return termcheck("check", "en", "--isolated", "-j", "1", "--format", "json", *args, cwd=cwd)


# --- 4: PO charsets --------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["undefined", "punycode", "idna"])
def test_po_charset_is_a_read_error_or_read_never_a_crash(tree, charset):
    shutil.copy(HOSTILE / f"po-charset-{charset}.po", tree / "en" / "bad.po")
    result = check_json(tree)
    assert result.exit_code == 1, result.stderr  # the forbidden "Kiev" in good.txt, not a traceback
    got = findings(result)
    assert ("en/good.txt", 1, "forbidden-rendering", "forbidden rendering 'Kiev'; use 'Kyiv'") in got
    bad = [f for f in got if f[0] == "en/bad.po"]
    if charset == "idna":  # idna decodes this file: it is checked, its marker suppresses its finding
        assert bad == []
    else:  # one read-error, at the header line that names the charset
        assert len(bad) == 1 and bad[0][1:3] == (3, "read-error") and charset in bad[0][3], bad


def test_every_codec_name_reads_the_po_file_or_is_one_read_error():
    import encodings
    import encodings.aliases
    import pkgutil

    from checker.documents.model import ReadError
    from checker.documents.po import read_po
    from checker.project.suppressions.scan import _decode_leniently

    names = set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
    names |= {m.name for m in pkgutil.iter_modules(encodings.__path__)} | {"CHARSET", "x-unknown"}
    bodies = [b'msgid "Kyiv"\nmsgstr "Kiev \\xff"\n', 'msgid "a"\nmsgstr "Kíev"\n'.encode("latin-1"),
              b'msgid "a"\nmsgstr "+2AA-"\n', b"\xff\xfe\x00"]
    for name in sorted(names):
        for body in bodies:
            data = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=' + name.encode() + b'\\n"\n\n' + body
            try:
                doc = read_po("x.po", data)
            except ReadError as e:
                assert e.line >= 1 and "\n" not in e.message
            else:
                assert isinstance(_decode_leniently(data, doc.encoding), str)


def test_po_charset_on_a_dask_worker_is_a_read_error_not_a_cluster_failure(tree):
    # What a Dask worker runs per file: before the fix its UnicodeError reached the client,
    # which reported "the Dask cluster failed".
    from checker.engines.dask_cluster import _check_on_worker
    from checker.glossary import parse_glossary
    from checker.pipeline import CheckOptions

    shutil.copy(HOSTILE / "po-charset-undefined.po", tree / "en" / "bad.po")
    data = (tree / "glossary.yml").read_bytes()
    glossary = parse_glossary(data.decode(), str(tree / "glossary.yml"))
    bad = str(tree / "en" / "bad.po")
    outcome = _check_on_worker(bad, bad, data, str(tree / "glossary.yml"), glossary.sha256, CheckOptions())
    assert [(f.rule, f.line) for f in outcome.findings] == [("read-error", 3)]


# --- 7: configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, where, message",
    [
        ("config-deep-include.toml", ":2:43: error: ", "arrays and tables nested more than 32 deep"),
        ("config-huge-threshold.toml", ":2:13: error: ", "number too large"),
        ("config-threshold-nan.toml", ":2:1: error: ", "'threshold' must be a number from 0 to 100"),
        ("config-threshold-inf.toml", ":2:1: error: ", "'threshold' must be a number from 0 to 100"),
        ("config-threshold-negative.toml", ":2:1: error: ", "'threshold' must be a number from 0 to 100"),
        ("config-threshold-1e400.toml", ":2:1: error: ", "'threshold' must be a number from 0 to 100"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(tree, name, where, message):
    config = tree / ".termcheck.toml"
    shutil.copy(HOSTILE / name, config)
    result = termcheck("check", "en", cwd=tree)  # found by walking up, as in a pre-commit hook
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{config}{where}{message}"]
    assert "Traceback" not in result.stdout + result.stderr


def test_deeply_nested_pyproject_in_the_checked_tree_is_one_line_and_exit_2(tree):
    shutil.copy(HOSTILE / "pyproject-deep.toml", tree / "pyproject.toml")
    result = termcheck("check", "en", cwd=tree)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{tree / 'pyproject.toml'}:8:37: error: arrays and tables nested more than 32 deep"]


@pytest.mark.parametrize("value", ["0", "100", "45.5", '"not a number"'])
def test_threshold_range_ends_are_valid(tree, value):
    from checker.project.config import ConfigError, load_config

    (tree / ".termcheck.toml").write_text(f"threshold = {value}\n")
    if value.startswith('"'):
        with pytest.raises(ConfigError, match=":1:1: 'threshold' must be a number"):
            load_config(tree / ".termcheck.toml")
    else:
        assert load_config(tree / ".termcheck.toml").threshold == float(value)


def test_threshold_nan_on_the_command_line_is_a_usage_error(tree):
    result = termcheck("check", "en", "--isolated", "--threshold", "nan", cwd=tree)
    assert result.exit_code == 2 and "nan is not a number from 0 to 100" in result.stderr


# --- 8: file names that are not UTF-8 --------------------------------------------------------


@posix_only
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_file_name_not_utf8_is_escaped_in_every_format(tree, fmt):
    if sys.platform == "darwin":
        pytest.skip("APFS refuses file names that are not UTF-8")
    shutil.copy(HOSTILE / "name-not-utf8.txt", os.path.join(os.fsencode(tree / "en"), b"d\xff.txt"))
    out = tree / f"report.{fmt}"
    result = termcheck("check", "en", "--isolated", "-j", "1", "--format", fmt, "-o", str(out), cwd=tree)
    assert result.exit_code == 1, result.stderr  # both files have "Kiev"
    report = out.read_bytes().decode("utf-8")  # valid UTF-8, or this raises
    stdout = termcheck("check", "en", "--isolated", "-j", "1", "--format", fmt, cwd=tree).stdout_bytes.decode("utf-8")
    assert stdout == report
    if fmt == "json":
        paths = [f["path"] for f in json.loads(report)["findings"]]
        assert paths == ["en/d\\xff.txt", "en/good.txt"]
    elif fmt == "sarif":
        results = json.loads(report)["runs"][0]["results"]
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
        assert uris == ["en/d%FF.txt", "en/good.txt"]  # a URI carries the byte itself
    elif fmt == "text":
        assert report.startswith("en/d\\xff.txt:1:12: error forbidden-rendering [kyiv] ")
    elif fmt == "github":
        assert report.startswith("::error file=en/d\\xff.txt,line=1,col=12,")
    else:
        assert "<code>en/d\\xff.txt</code>" in report


# --- 10: special files and the size limit ----------------------------------------------------


def _release_fifo(path: Path, stop: threading.Event) -> None:
    """Before the fix the reader blocked in open(): let it go (with an empty file) instead of
    hanging the test run. Never blocks itself: it opens for writing only once a reader waits."""
    deadline = time.monotonic() + 10
    while not stop.is_set() and time.monotonic() < deadline:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        time.sleep(0.02)


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fifo_and_symlink_to_device_are_reported_and_skipped(tree, jobs):
    en = tree / "en"
    os.mkfifo(en / "a.txt")
    os.symlink("/dev/zero", en / "z.txt")
    (en / "target.md").write_text("Kiev again.\n", encoding="utf-8")
    os.symlink("target.md", en / "link.md")  # a link to a regular file inside: checked
    stop = threading.Event()
    threading.Thread(target=_release_fifo, args=(en / "a.txt", stop), daemon=True).start()
    try:
        started = time.monotonic()
        result = check_json(tree, "--max-file-size", "1MB", "-j", jobs)
        assert time.monotonic() - started < 5
    finally:
        stop.set()
    assert result.exit_code == 1
    assert findings(result) == [
        ("en/a.txt", 1, "read-error", "a FIFO (named pipe), not a regular file; skipped"),
        ("en/good.txt", 1, "forbidden-rendering", "forbidden rendering 'Kiev'; use 'Kyiv'"),
        ("en/link.md", 1, "forbidden-rendering", "forbidden rendering 'Kiev'; use 'Kyiv'"),
        ("en/target.md", 1, "forbidden-rendering", "forbidden rendering 'Kiev'; use 'Kyiv'"),
        ("en/z.txt", 1, "read-error", "a symbolic link to a character device, not a regular file; skipped"),
    ]


@posix_only
def test_socket_and_broken_symlink_are_read_errors(tree):
    from checker.documents.encoding import read_bytes
    from checker.documents.model import ReadError

    os.symlink("nowhere.txt", tree / "en" / "broken.txt")
    with pytest.raises(ReadError, match="broken symbolic link"):
        read_bytes(str(tree / "en" / "broken.txt"), 1000)
    sock = socket.socket(socket.AF_UNIX)
    old = os.getcwd()
    os.chdir(tree / "en")  # AF_UNIX paths are short: bind a relative name
    try:
        sock.bind("s.txt")
        with pytest.raises(ReadError, match="a socket, not a regular file"):
            read_bytes("s.txt", 1000)
    finally:
        os.chdir(old)
        sock.close()


def test_file_above_the_size_limit_is_a_read_error(tree):
    shutil.copy(HOSTILE / "oversized.txt", tree / "en" / "big.txt")
    result = check_json(tree, "--max-file-size", "1kB")
    assert result.exit_code == 1
    assert findings(result) == [
        ("en/big.txt", 1, "read-error", "3,400 bytes is more than the limit of 1,000 bytes (--max-file-size); not read"),
        ("en/good.txt", 1, "forbidden-rendering", "forbidden rendering 'Kiev'; use 'Kyiv'"),
    ]
    (tree / ".termcheck.toml").write_text('max-file-size = "4 KiB"\n')  # the configuration raises it
    result = termcheck("check", "en", "-j", "1", "--format", "json", cwd=tree)
    assert [f[0] for f in findings(result)] == ["en/big.txt"] * 200 + ["en/good.txt"]
    result = termcheck("check", "en", "-j", "1", "--max-file-size", "2000", cwd=tree)  # the option wins
    assert result.exit_code == 1 and "en/big.txt:1:1: error read-error 3,400 bytes" in result.stdout


@pytest.mark.parametrize("value", ['"lots"', "0", "-1", "1.5", '"2 PB"'])
def test_invalid_max_file_size_in_configuration(tree, value):
    (tree / ".termcheck.toml").write_text(f"max-file-size = {value}\n")
    result = termcheck("check", "en", cwd=tree)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tree / '.termcheck.toml'}:1:1: error: 'max-file-size' must be a ")


def test_default_size_limit_is_documented():
    from checker.documents.encoding import DEFAULT_MAX_FILE_SIZE

    page = (Path(__file__).parent.parent / "docs" / "input-formats.md").read_text(encoding="utf-8")
    assert DEFAULT_MAX_FILE_SIZE == 50_000_000 and "--max-file-size" in page and "50 MB" in page


def test_a_walked_link_to_a_file_outside_the_tree_is_not_read(tmp_path):
    # A pull request can commit en/notes.txt -> /some/secret: its text must not reach a report.
    from checker.glossary import parse_glossary
    from checker.pipeline import CheckOptions, run_check

    outside = tmp_path / "secret.txt"
    outside.write_text("They met in Kiev.", encoding="utf-8")
    tree = tmp_path / "tree" / "en"
    tree.mkdir(parents=True)
    (tree / "inside.txt").write_text("Kiev again.", encoding="utf-8")
    (tree / "notes.txt").symlink_to(outside)
    (tree / "alias.txt").symlink_to(tree / "inside.txt")  # a link inside the tree is fine
    g = parse_glossary("version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en: {preferred: Kyiv, forbidden: [Kiev]}\n")
    result = run_check([str(tmp_path / "tree")], g, CheckOptions())
    found = sorted((f.path.rsplit("/", 1)[-1], f.rule) for f in result.findings)
    assert found == [("alias.txt", "forbidden-rendering"), ("inside.txt", "forbidden-rendering"),
                     ("notes.txt", "read-error")]
    assert not any("secret" in f.message or "They met" in f.text for f in result.findings)
    # named on the command line, the link is read: the user asked for it
    named = run_check([str(tree / "notes.txt")], g, CheckOptions())
    assert [f.rule for f in named.findings] == ["forbidden-rendering"]
