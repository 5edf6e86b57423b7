"""What every rule declares: a stable id, a default severity, a one-line summary, and a
docstring that documents it (what it does, why it matters, an example)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable

from checker.matching.corpus import DocumentMatches, Occurrence
from checker.findings import Finding, Location
from checker.glossary import Glossary
from checker.matching.usage import Usage

if TYPE_CHECKING:
    from checker.comparison.model import Comparison


class Rule:
    id: ClassVar[str]
    severity: ClassVar[str]
    summary: ClassVar[str]

    def finding(
        self, path: str, line: int, column: int, message: str, term: str | None = None, text: str = "",
        related: tuple[Location, ...] = (), context: tuple[str, str] = ("", ""),
        end: tuple[int, int] | None = None,
    ) -> Finding:
        return Finding(self.id, self.severity, path, line, column, message, term, text, related, context, end)

    def finding_at(self, occ: "Occurrence", message: str, related: tuple[Location, ...] = ()) -> Finding:
        """A finding at an occurrence: its place, term, text, context and end."""
        return self.finding(
            occ.path, occ.line, occ.column, message, occ.term_id, occ.text, related, occ.context, occ.end
        )


class DocumentRule(Rule):
    """A rule that looks at one document at a time."""

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule that needs the usage of terms across every checked document."""

    def check(self, usages: list[Usage]) -> Iterable[Finding]:
        """The rule's findings as if no other rule had reported anything."""
        raise NotImplementedError

    def merge(self, findings: list[Finding], usages: list[Usage]) -> list[Finding]:
        """The document rules' `findings` with this rule's added; a rule whose places other
        rules may already report says so there (one finding per place) instead of adding."""
        return [*findings, *self.check(usages)]


class CompareRule(Rule):
    """A rule that looks at a version aligned with the reference (`termcheck compare`)."""

    def check(self, comparison: "Comparison") -> Iterable[Finding]:
        raise NotImplementedError


def preferred_text(glossary: Glossary, term_id: str, language: str) -> str | None:
    term = glossary.by_id.get(term_id)
    r = term.preferred(language) if term else None
    return r.text if r else None
