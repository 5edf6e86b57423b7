"""The finished result of a check: what reporters receive (they format it, never compute)."""

from __future__ import annotations

from dataclasses import dataclass

from checker.findings import Finding, count_by_severity, fails
from checker.scores import TermScore


@dataclass(frozen=True)
class DocumentSummary:
    path: str
    format: str
    language: str | None
    language_source: str
    segments: int
    #: False when the language is one langdetect has no model for (wrong-language is silent there)
    language_verifiable: bool = True


@dataclass(frozen=True)
class GlossaryEntry:
    """A term's glossary entry in one language, for reports that show it next to its use."""

    term_id: str
    language: str
    note: str | None
    renderings: tuple[tuple[str, str], ...]  # (text, status) in glossary order


@dataclass(frozen=True)
class CheckResult:
    documents: tuple[DocumentSummary, ...]
    terms: tuple[TermScore, ...]
    findings: tuple[Finding, ...]
    #: every parameter that changes a figure, sacrebleu-style: version, glossary hash, options
    signature: str
    #: (language, term id) of glossary terms with a rendering in a checked language, never found
    absent: tuple[tuple[str, str], ...] = ()
    #: the glossary entries of the terms in `terms`
    entries: tuple[GlossaryEntry, ...] = ()

    @property
    def unverified_languages(self) -> dict[str, int]:
        """Language -> number of documents whose language could not be verified."""
        out: dict[str, int] = {}
        for d in self.documents:
            if not d.language_verifiable and d.language:
                out[d.language] = out.get(d.language, 0) + 1
        return dict(sorted(out.items()))

    @property
    def summary(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    def fails(self, fail_on: str) -> bool:
        """True if some finding is at or above the `fail_on` severity ('never' never fails)."""
        return fails(self.findings, fail_on)
