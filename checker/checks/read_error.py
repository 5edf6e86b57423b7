from __future__ import annotations

from checker.checks.base import Rule
from checker.documents.model import ReadError
from checker.findings import Finding


class ReadErrorRule(Rule):
    """A file cannot be read, decoded or parsed.

    ## What it does
    Reports the file, and the line and column where reading failed, then goes on
    with the other files: one bad file never stops a check.

    ## Why is this bad?
    Nothing in that file was checked.

    ## Example

        locale/de.po:14:1: error read-error syntax error: unterminated string

    Fix the file (or its encoding) and run the check again.
    """

    id = "read-error"
    severity = "error"
    summary = "the file cannot be read, decoded or parsed"

    def from_error(self, error: ReadError) -> Finding:
        return self.finding(error.path, error.line, error.column, error.message)
