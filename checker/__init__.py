"""termcheck: check that translations render a glossary's key terms consistently.

The Python API, for tools that call termcheck without its command line (a CAT tool's
plug-in, a translation platform's check, a notebook)::

    import checker

    glossary = checker.load_glossary("glossary.yml")
    result = checker.check(["translations/"], glossary, lang="en")
    for finding in result.findings:          # checker.findings.Finding
        print(finding.path, finding.line, finding.rule, finding.message)
    print(checker.report(result, "json"))    # the reports of `termcheck check`

    versions = checker.compare(["a.txt", "b.txt"], glossary)   # as `termcheck compare`

The results are the objects the reporters read (checker.result.CheckResult,
checker.comparison.CompareResult). Importing this package is cheap on purpose: heavy
libraries (sacrebleu, langdetect, polib, PyYAML) are imported where they are used, so a
pre-commit hook starts fast.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Sequence, Union

__version__ = "0.1.0"

__all__ = ["check", "compare", "load_glossary", "report", "CheckOptions", "CheckResult", "CompareResult",
           "Finding", "Glossary", "GlossaryError", "__version__"]

if TYPE_CHECKING:
    from checker.comparison.model import CompareResult
    from checker.findings import Finding
    from checker.glossary import Glossary, GlossaryError
    from checker.pipeline.options import CheckOptions
    from checker.result import CheckResult

PathLike = Union[str, "os.PathLike[str]"]

# The classes of the API, imported when first asked for (`checker.CheckOptions`).
_LAZY = {
    "CheckOptions": "checker.pipeline.options", "CheckResult": "checker.result",
    "CompareResult": "checker.comparison.model", "Finding": "checker.findings",
    "Glossary": "checker.glossary", "GlossaryError": "checker.glossary",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'checker' has no attribute '{name}'")
    import importlib

    return getattr(importlib.import_module(module), name)


def load_glossary(path: PathLike) -> "Glossary":
    """The glossary at `path` (glossary.yml, version 1); GlossaryError, naming the file and
    line, if it is not a valid one."""
    from checker.glossary import load_glossary as load

    return load(os.fspath(path))


def check(
    paths: PathLike | Sequence[PathLike],
    glossary: "PathLike | Glossary",
    *,
    options: "CheckOptions | None" = None,
    jobs: int = 1,
    scheduler: Any = None,
    **settings: Any,
) -> "CheckResult":
    """Check files (or every supported file under directories) against `glossary` (a path
    or a loaded Glossary), as `termcheck check` does, and return the result its reports show.

    `settings` are CheckOptions fields (`lang="de"`, `source_lang="en"`, `include_fuzzy=True`,
    `disable=frozenset({"wrong-language"})`, `languages=("de",)`, `discover=True`, ...), or
    pass `options` whole. `jobs` > 1 checks files in forked processes, `scheduler` on a Dask
    cluster (an address, a distributed Client or LocalCluster); the result is the same.
    Unreadable files are `read-error` findings, never exceptions.
    """
    from checker.engines import choose
    from checker.pipeline import CheckOptions, run_check

    if options is not None and settings:
        raise TypeError("give either options or settings, not both")
    if not hasattr(glossary, "terms"):
        glossary = load_glossary(glossary)  # type: ignore[arg-type]
    names = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    return run_check([os.fspath(p) for p in names], glossary, options or CheckOptions(**settings),  # type: ignore[arg-type]
                     map_step=choose(jobs, scheduler))


def compare(paths: Sequence[PathLike], glossary: "PathLike | Glossary", *, lang: str | None = None) -> "CompareResult":
    """Align versions of one source (`paths`, the reference first) and compare their terms,
    as `termcheck compare` does; CompareError if fewer than two can be read."""
    from checker.comparison import run_compare

    if not hasattr(glossary, "terms"):
        glossary = load_glossary(glossary)  # type: ignore[arg-type]
    return run_compare([os.fspath(p) for p in paths], glossary, lang)  # type: ignore[arg-type]


def report(result: "CheckResult | CompareResult", format: str = "text") -> str:  # noqa: A002
    """`result` as the command line reports it: "text", "json", "sarif", "github" or "html"
    ("text", "json" or "html" for a comparison)."""
    from checker.reporters import render, render_compare
    from checker.result import CheckResult

    if isinstance(result, CheckResult):
        return render(result, format)
    return render_compare(result, format)
