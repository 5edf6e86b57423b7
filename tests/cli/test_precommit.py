"""The pre-commit hook for real: a git repository uses this checkout's hook, a commit with a
forbidden rendering is refused with the finding printed, the fixed file commits."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = """version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
"""


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check)


def head_of_checkout() -> str | None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else None


@pytest.mark.skipif(head_of_checkout() is None, reason="needs git and a git checkout of termcheck")
def test_hook_refuses_a_forbidden_rendering_then_accepts_the_fix(tmp_path):
    pytest.importorskip("pre_commit")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "TERMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    git(repo, "init", "-q")
    (repo / "glossary.yml").write_text(GLOSSARY)
    (repo / ".termcheck.toml").write_text('lang = "en"\n')
    # The hook as a project adds it: this checkout's .pre-commit-hooks.yaml at its current commit.
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {head_of_checkout()}\n    hooks:\n      - id: termcheck\n"
    )
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    doc = repo / "docs" / "note.md"
    doc.parent.mkdir()
    doc.write_text("# Trip\n\nThe ministers met in Kiev on Tuesday.\n")
    git(repo, "add", ".")

    refused = subprocess.run(["git", "commit", "-m", "add note"], cwd=repo, env=env, capture_output=True, text=True)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "docs/note.md:3:22: error forbidden-rendering [kyiv] forbidden rendering 'Kiev'; use 'Kyiv'" in output
    assert git(repo, "log", check=False).returncode != 0  # nothing was committed

    doc.write_text("# Trip\n\nThe ministers met in Kyiv on Tuesday.\n")
    git(repo, "add", ".")
    accepted = subprocess.run(["git", "commit", "-m", "add note"], cwd=repo, env=env, capture_output=True, text=True)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"termcheck\.+Passed", accepted.stdout + accepted.stderr)
