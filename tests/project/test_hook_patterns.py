"""The pre-commit hooks (the repository's `.pre-commit-hooks.yaml` and the one `termcheck init`
writes) run on every prose format termcheck reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker.documents import SUFFIXES
from checker.project.init import PRE_COMMIT_HOOK

ROOT = Path(__file__).resolve().parents[2]
# .txt, .md, .markdown, and the prose formats of issue 20: .html, .htm, .rst, .rest, .adoc, .asciidoc
PROSE = sorted(s for s, fmt in SUFFIXES.items() if fmt in ("text", "markdown", "html", "rst", "asciidoc"))


def patterns() -> list[str]:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (repo,) = yaml.safe_load(PRE_COMMIT_HOOK)
    (written,) = repo["hooks"]
    return [hook["files"], written["files"]]


@pytest.mark.parametrize("suffix", PROSE)
def test_hooks_take_every_prose_suffix(suffix):
    for pattern in patterns():
        assert re.search(pattern, f"docs/guide{suffix}"), (pattern, suffix)
        assert re.search(pattern, f"docs/guide{suffix}.orig") is None
