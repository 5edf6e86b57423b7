"""Walking paths and reading many documents: order, filtering, error isolation, laziness."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from checker.documents import SUFFIXES, Document, ReadError, iter_documents, iter_paths


def make_tree(root: Path) -> None:
    files = {
        "b/z.txt": "z",
        "b/a.md": "a",
        "a.txt": "top",
        "a/x.po": 'msgid "a"\nmsgstr "b"\n',
        "a/y.xlf": "<xliff/>",
        "a/notes.rtf": "skip me",
        "a/image.png": "skip me",
        ".git/HEAD.txt": "hidden",
        "b/.cache/c.txt": "hidden",
        "b/.hidden.txt": "hidden",
        "c/UPPER.MD": "upper-case suffix",
        "c/d.pot": "",
        "c/e.xliff": "<xliff/>",
        "c/f.markdown": "m",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def test_walk_is_sorted_and_filtered(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert list(iter_paths(["."])) == [
        "a/x.po",
        "a/y.xlf",
        "a.txt",
        "b/a.md",
        "b/z.txt",
        "c/UPPER.MD",
        "c/d.pot",
        "c/e.xliff",
        "c/f.markdown",
    ]


def test_paths_are_joined_with_the_given_prefix(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert list(iter_paths(["b/"])) == ["b/a.md", "b/z.txt"]
    assert list(iter_paths([str(tmp_path / "b")])) == [
        (tmp_path / "b" / "a.md").as_posix(),
        (tmp_path / "b" / "z.txt").as_posix(),
    ]


def test_explicit_files(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    # Unknown suffix named explicitly: skipped. Hidden file named explicitly: kept.
    # Duplicates: once. Missing: yielded so that reading reports it.
    assert list(iter_paths(["a/notes.rtf", "b/.hidden.txt", "a.txt", "./a.txt", "gone.md", "b"])) == [
        "b/.hidden.txt",
        "a.txt",
        "gone.md",
        "b/a.md",
        "b/z.txt",
    ]


def test_explicit_hidden_directory_is_walked(tmp_path, monkeypatch):
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert list(iter_paths([".git"])) == [".git/HEAD.txt"]


def test_iter_documents_continues_after_bad_files(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "1-good.txt").write_text("First good file.")
    (tmp_path / "en" / "2-bad.po").write_text('msgid "a"\nnonsense\n')
    (tmp_path / "en" / "3-bad.xlf").write_text("<xliff>")
    (tmp_path / "en" / "4-good.md").write_text("# Second good file")
    monkeypatch.chdir(tmp_path)
    results = list(iter_documents(["en", "missing.txt"]))
    kinds = [(type(r).__name__, r.path) for r in results]
    assert kinds == [
        ("Document", "en/1-good.txt"),
        ("ReadError", "en/2-bad.po"),
        ("ReadError", "en/3-bad.xlf"),
        ("Document", "en/4-good.md"),
        ("ReadError", "missing.txt"),
    ]
    assert results[1].line == 2
    assert results[4].message == "no such file or directory"
    good = [r for r in results if isinstance(r, Document)]
    assert all(d.language == "en" and d.language_source == "path" for d in good)


def test_iter_documents_passes_options(tmp_path, monkeypatch):
    (tmp_path / "x.po").write_text('#, fuzzy\nmsgid "a"\nmsgstr "b"\n')
    monkeypatch.chdir(tmp_path)
    (plain,) = iter_documents(["x.po"], lang="de")
    (fuzzy,) = iter_documents(["x.po"], lang="de", include_fuzzy=True)
    assert plain.segments == () and len(fuzzy.segments) == 1
    assert (plain.language, plain.language_source) == ("de", "option")


def test_unreadable_directory_is_reported(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a")
    locked = tmp_path / "docs" / "locked"
    locked.mkdir()
    monkeypatch.chdir(tmp_path)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(iter_documents(["docs"]))
    assert isinstance(results[0], Document)
    assert isinstance(results[1], ReadError)
    assert results[1].path == "docs/locked"
    assert results[1].message == "cannot list directory: permission denied"


def test_directory_named_like_a_document(tmp_path, monkeypatch):
    (tmp_path / "odd.txt").mkdir()
    (tmp_path / "odd.txt" / "inner.md").write_text("inner")
    monkeypatch.chdir(tmp_path)
    assert list(iter_paths(["odd.txt"])) == ["odd.txt/inner.md"]


def test_suffixes_cover_every_reader():
    assert set(SUFFIXES.values()) == {"text", "markdown", "po", "xliff", "html", "rst", "asciidoc", "tmx"} | {
        "android", "properties", "json", "yaml", "qt", "strings", "stringsdict", "xcstrings", "resx"}


def test_import_is_lazy():
    # The pre-commit hook imports this package on every commit: no heavy libraries.
    code = (
        "import sys, checker.documents\n"
        "heavy = {'polib', 'defusedxml', 'charset_normalizer', 'langdetect', 'xml.sax'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
