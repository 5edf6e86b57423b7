"""Helpers for the localization-format tests: a copy of a format's sample project to plant
findings in, a check run as the command line runs it, and where a text is in a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.documents.conftest import check_json

FORMATS = Path(__file__).resolve().parents[2] / "data" / "real" / "formats"


@pytest.fixture
def sample(tmp_path: Path):
    """sample("android") copies tests/data/real/formats/android to a temporary directory."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FORMATS / name, target)
        return target

    return copy


def check(*args: str) -> dict:
    """`termcheck check ARGS --format json`, its report."""
    return check_json(*args)[1]


def check_sample(root: Path, *args: str) -> dict:
    """The report of `termcheck check` on a sample project (see `sample`) with its own glossary."""
    return check(str(root), "-g", str(root / "glossary.yml"), *args)


def findings(report: dict) -> list[tuple]:
    return [(Path(f["path"]).name, f["line"], f["column"], f["rule"], f["term"]) for f in report["findings"]]


def where(path: Path, needle: str, nth: int = 1) -> tuple[int, int]:
    """Line and column (1-based, in characters) of the `nth` occurrence of `needle` in the file."""
    text = path.read_text(encoding="utf-8-sig")
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def plant(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file by `new` (bytes elsewhere kept)."""
    data = path.read_bytes()
    assert data.count(old.encode("utf-8")) == 1, old
    path.write_bytes(data.replace(old.encode("utf-8"), new.encode("utf-8")))


def assert_fix_undoes(root: Path, *plants: tuple[Path, str, str]) -> None:
    """Plant forbidden renderings (`old` -> `new`, once each, in their files) in a sample
    project, run `check --fix` on it: every file is back byte for byte."""
    before = [path.read_bytes() for path, _, _ in plants]
    for path, old, new in plants:
        plant(path, old, new)
    check_sample(root, "--fix")
    assert [path.read_bytes() for path, _, _ in plants] == before
