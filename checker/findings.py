"""Findings: what a rule reports, where, and how bad it is."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1, "never": 4}


def count_by_severity(findings) -> dict[str, int]:
    """error, warning, info -> number of findings (every severity present, in that order)."""
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts


def fails(findings, fail_on: str) -> bool:
    """True if some finding is at or above the `fail_on` severity ('never' never fails)."""
    if fail_on == "never":
        return False
    threshold = severity_rank(fail_on)
    return any(severity_rank(f.severity) >= threshold for f in findings)


def severity_rank(severity: str) -> int:
    """error 3 > warning 2 > info 1; 'never' (a --fail-on level) ranks above them all."""
    return _RANK[severity]


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    """One problem at one place. `text` is the matched text as written in the file;
    `related` are other places the finding concerns (the aligned passage of `compare`)."""

    rule: str
    severity: str
    path: str
    line: int
    column: int
    message: str
    term: str | None = None
    text: str = ""
    related: tuple[Location, ...] = ()
    #: text just before and after `text` in the file, for reports that show snippets
    context: tuple[str, str] = field(default=("", ""), compare=False)
    #: line and column just after `text` in the file (exclusive), where the reader knows
    #: it: PO continuation lines and escapes make the file longer than the text
    end: tuple[int, int] | None = field(default=None, compare=False)

    @property
    def place(self) -> tuple[str, int, int, str | None]:
        """Where the finding is and about which term: a report holds one finding per place."""
        return (self.path, self.line, self.column, self.term)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.term or "", self.message)
