"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
which the runner turns into annotations on the files, then a plain summary line."""

from __future__ import annotations

import re
from pathlib import Path

from checker.findings import Finding
from checker.result import CheckResult

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_NEWLINE = re.compile(r"\r\n|\r|\n")  # line breaks as the readers count them


def escape_data(text: str) -> str:
    """Escape a command's message: a raw newline would end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: ',' separates properties and ':' ends them, so both are escaped too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(f: Finding) -> list[tuple[str, str]]:
    props = [("file", Path(f.path).as_posix()), ("line", str(max(f.line, 1)))]
    lines = _NEWLINE.split(f.text) if f.text else []
    if f.text and f.end is not None:
        if f.end[0] > max(f.line, 1):
            props.append(("endLine", str(f.end[0])))
        else:
            props.append(("col", str(max(f.column, 1))))
            props.append(("endColumn", str(f.end[1])))
    elif len(lines) > 1:
        # The runner drops an annotation with col/endColumn when line and endLine differ.
        props.append(("endLine", str(max(f.line, 1) + len(lines) - 1)))
    else:
        column = max(f.column, 1)
        props.append(("col", str(column)))
        if f.text:
            props.append(("endColumn", str(column + len(f.text))))  # exclusive, as in SARIF
    props.append(("title", f"{f.rule} [{f.term}]" if f.term else f.rule))
    return props


def command(f: Finding) -> str:
    """`::error file=PATH,line=L,col=C,endColumn=E,title=RULE [TERM]::MESSAGE`."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in _properties(f))
    return f"::{_COMMANDS.get(f.severity, 'warning')} {props}::{escape_data(f.message)}"


def summary_line(result: CheckResult) -> str:
    """`termcheck: 2 errors, 33 warnings, 0 info in 4 documents`."""
    from checker.reporters.text import severity_counts

    documents = len(result.documents)
    return f"termcheck: {severity_counts(result.summary)} in {documents} document{'s' if documents != 1 else ''}"


def render(result: CheckResult, color: bool = False) -> str:
    """One workflow command per finding, then the summary (`color` is ignored: the runner parses it)."""
    from checker.reporters.output import escape_surrogates

    return escape_surrogates("".join(f"{command(f)}\n" for f in result.findings) + summary_line(result) + "\n")
