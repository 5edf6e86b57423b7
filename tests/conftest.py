from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The glossary most tests plant a finding against: "Kiev" is a forbidden rendering of the
#: term `kyiv`, whose preferred rendering is "Kyiv" (tests add terms after it).
KYIV_GLOSSARY = """\
version: 1
terms:
  - id: kyiv
    renderings:
      en: {preferred: Kyiv, forbidden: [Kiev]}
"""


def termcheck(*args: str, cwd: str | os.PathLike[str] | None = None):  # noqa: ANN201 - click's Result
    """`termcheck ARGS` run in this process as the console command runs it (in the directory
    `cwd`, if given): click's Result, with exit_code, stdout and stderr."""
    from click.testing import CliRunner

    from checker.cli import main

    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def write(tmp_path: Path):
    """write("a/b.txt", "text") creates tmp_path/a/b.txt (UTF-8) and returns its path as str."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's compiled-glossary cache."""
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
