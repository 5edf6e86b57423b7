"""The fast reStructuredText reader against the docutils-based one it replaced (the oracle,
tests/rst_oracle/): on real documents both give the same segments, same texts at
the same places, and the same comments (where `termcheck: ignore` markers count).

Run as a script, it measures the agreement over any set of documents (files, directories
searched for .rst/.rest/.txt, or files listing one path a line) and prints the figures that
checker/documents/rst/__init__.py and benchmarks/README.md quote:

    python tests/test_rst_oracle.py /usr/share/cmake-3.25/Help docutils-0.19/docs
"""

from __future__ import annotations

import os
import sys
import sysconfig
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.documents.encoding import decode, normalise_newlines  # noqa: E402
from checker.documents.model import ReadError  # noqa: E402
from checker.documents.rst import segments  # noqa: E402

REAL = sorted((ROOT / "tests" / "data" / "real" / "formats" / "rst").glob("*.rst"))


def _text(path: Path) -> str:
    text, _ = decode(path.read_bytes(), str(path))
    return normalise_newlines(text)


def _key(segment) -> tuple:  # noqa: ANN001 - a Segment
    return segment.line, segment.column, segment.text, segment.anchors


def compare(path: Path) -> tuple[list[tuple], list[tuple]]:
    """The segments only the oracle gives and those only the fast reader gives."""
    only_old, only_new, _ = _compare_counted(path)
    return only_old, only_new


def _installed_documents(per_package: int = 3, limit: int = 24) -> list[Path]:
    """The largest .rst files of each Python package installed here, `limit` in all (none
    with a tab, where the readers differ by design: see checker/documents/rst/__init__.py)."""
    by_package: dict[str, list[Path]] = {}
    for key in ("purelib", "platlib"):
        base = Path(sysconfig.get_paths()[key])
        if not base.is_dir():
            continue
        for path in base.rglob("*.rst"):
            if path.is_file() and 2_000 < path.stat().st_size < 200_000 and b"\t" not in path.read_bytes():
                by_package.setdefault(path.relative_to(base).parts[0], []).append(path)
    chosen = []
    for package in sorted(by_package):
        chosen += sorted(set(by_package[package]), key=lambda p: (-p.stat().st_size, str(p)))[:per_package]
    return chosen[:limit]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_documents_read_the_same_by_both_readers(path):
    pytest.importorskip("docutils")
    only_old, only_new = compare(path)
    assert (only_old, only_new) == ([], [])
    assert segments(str(path), _text(path))  # (not vacuous)


# What is installed differs from machine to machine: run on demand, not in CI.
@pytest.mark.skipif(not os.environ.get("TERMCHECK_RST_INSTALLED"), reason="set TERMCHECK_RST_INSTALLED=1 to run")
@pytest.mark.parametrize("path", _installed_documents() if os.environ.get("TERMCHECK_RST_INSTALLED") else [],
                         ids=lambda p: "/".join(p.parts[-3:]))
def test_installed_packages_documents_read_the_same(path):
    pytest.importorskip("docutils")
    assert compare(path) == ([], [])


def _docutils_comments(path: str, text: str) -> list[str]:
    from tests.rst_oracle import parse
    from tests.rst_oracle.walk import iter_comments

    return [c.rawsource for c in iter_comments(parse(path, text)) if c.rawsource]


COMMENTS = """\
.. a comment on one line

..
   a comment below its marker

.. termcheck: ignore[forbidden-rendering]
   and a second line

   after a blank line, still the comment

..

   not a comment: an empty one, then a block quote

.. _target: https://example.org

.. [#] A footnote, no comment.

.. |sub| replace:: no comment either

.. note:: A directive.

Text::

   .. a literal block, no comment

- .. a comment in a list item
"""


@pytest.mark.parametrize("name", ["comments", *[p.name for p in REAL]])
def test_comments_are_those_docutils_finds(name):
    pytest.importorskip("docutils")
    from checker.documents.rst.blocks import Scanner

    text = COMMENTS if name == "comments" else _text(REAL[[p.name for p in REAL].index(name)])
    scanner = Scanner(text)
    scanner.run()
    assert [body for _, body in scanner.comments] == _docutils_comments(name, text)
    if name == "comments":
        assert [index + 1 for index, _ in scanner.comments] == [1, 4, 6, 27]


# --- the agreement figures -------------------------------------------------------------


def _documents(arguments: list[str]) -> list[Path]:
    """The documents named: .rst/.rest/.txt files, those under directories, and those listed
    (one path a line) in any other file."""
    suffixes = (".rst", ".rest", ".txt")
    paths: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths += sorted(p for p in path.rglob("*") if p.suffix in suffixes and p.is_file())
        elif path.suffix in suffixes:
            paths.append(path)
        else:
            paths += [Path(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return paths


def main(arguments: list[str]) -> int:
    documents = _documents(arguments)
    files = identical_files = old_total = new_total = unread = 0
    differences = []
    for path in documents:
        try:
            only_old, only_new, old = _compare_counted(path)
        except ReadError:
            unread += 1
            continue
        files += 1
        old_total += old
        new_total += old - len(only_old) + len(only_new)
        if only_old or only_new:
            differences.append((path, only_old, only_new))
        else:
            identical_files += 1
    identical = old_total - sum(len(d[1]) for d in differences)
    size = sum(p.stat().st_size for p in documents)
    print(f"{files} files ({size / 1e6:.2f} MB), {identical_files} read the same; segments: docutils-based "
          f"{old_total}, fast {new_total}, identical {identical}"
          + (f"; {unread} the docutils-based reader could not read" if unread else ""))
    for path, only_old, only_new in differences:
        print(f"{path}:")
        for line, column, text, _ in only_old:
            print(f"  docutils-based {line}:{column} {text[:100]!r}")
        for line, column, text, _ in only_new:
            print(f"  fast           {line}:{column} {text[:100]!r}")
    return 0


def _compare_counted(path: Path) -> tuple[list[tuple], list[tuple], int]:
    import tests.rst_oracle as oracle

    text = _text(path)
    old = Counter(_key(s) for s in oracle.segments(str(path), text))
    new = Counter(_key(s) for s in segments(str(path), text))
    return sorted((old - new).elements()), sorted((new - old).elements()), sum(old.values())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
