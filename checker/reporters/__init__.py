"""Reporters turn a finished CheckResult into text; one module per format, no computing."""

from __future__ import annotations

from typing import Callable

from checker.reporters.output import dumps, escape_surrogates  # noqa: F401 (the package's API)
from checker.result import CheckResult

FORMATS = ("text", "json", "sarif", "github", "html")


def get_reporter(name: str) -> Callable[..., str]:
    if name == "json":
        from checker.reporters.json import render
    elif name == "sarif":
        from checker.reporters.sarif import render
    elif name == "github":
        from checker.reporters.github import render
    elif name == "html":
        from checker.reporters.html import render
    else:
        from checker.reporters.text import render
    return render


def render(result: CheckResult, fmt: str, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    if fmt == "text":
        from checker.reporters.text import render as text

        return text(result, color=color, quiet=quiet, verbose=verbose)
    return get_reporter(fmt)(result, color=color)


def render_compare(result, fmt: str, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    if fmt == "json":
        from checker.reporters.json import render_compare as _render
    elif fmt == "html":
        from checker.reporters.html import render_compare as _render
    else:
        from checker.reporters.text import render_compare as text

        return text(result, color=color, quiet=quiet, verbose=verbose)
    return _render(result, color=color)
