"""`termcheck check --diff`: a fix plan as a unified diff."""

from __future__ import annotations

import difflib
import re

from checker.project.fix.plan import FixPlan


def _lines(text: str) -> list[str]:
    """The lines of `text` without their ends (\r\n, \r or \n), as the readers count them."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def render_diff(plan: FixPlan) -> str:
    """A unified diff (`--- a/PATH` / `+++ b/PATH`) of every planned change, files in path order."""
    out: list[str] = []
    for path, fix in sorted(plan.files.items()):
        name = path.lstrip("/")
        out.extend(
            difflib.unified_diff(
                _lines(fix.text), _lines(fix.new_text), f"a/{name}", f"b/{name}", lineterm=""
            )
        )
    return "".join(line + "\n" for line in out)
