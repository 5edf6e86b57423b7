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
    def languages(self) -> dict[str | None, int]:
        """Document language -> number of documents, sorted; None (unknown) last."""
        out: dict[str | None, int] = {}
        for d in self.documents:
            out[d.language] = out.get(d.language, 0) + 1
        return dict(sorted(out.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))

    @property
    def language_sources(self) -> dict[str, int]:
        """Where documents' languages came from ("header", "path", ...) -> number of documents."""
        out: dict[str, int] = {}
        for d in self.documents:
            out[d.language_source] = out.get(d.language_source, 0) + 1
        return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def terms_with_findings(self) -> frozenset[tuple[str, str]]:
        """(term id, language) of the scored terms some finding names, the language being the
        term's language in the finding's document ('de' for a 'de-AT' catalog)."""
        from checker.language import primary

        by_term: dict[str, list[str]] = {}
        for t in self.terms:
            by_term.setdefault(t.term_id, []).append(t.language)
        doc_language = {d.path: d.language for d in self.documents}
        out: set[tuple[str, str]] = set()
        for f in self.findings:
            candidates = by_term.get(f.term or "")
            if not candidates:
                continue
            lang = doc_language.get(f.path)
            if lang is None:
                if len(candidates) == 1:  # a document of unknown language: the only one it can be
                    out.add((f.term, candidates[0]))
                continue
            # The glossary's own resolution: the exact tag, else the bare language, else a variety.
            same = [c for c in candidates if primary(c) == primary(lang)]
            chosen = lang if lang in candidates else next((c for c in same if "-" not in c), same[0] if same else None)
            if chosen is not None:
                out.add((f.term, chosen))
        return frozenset(out)

    @property
    def summary(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    def fails(self, fail_on: str) -> bool:
        """True if some finding is at or above the `fail_on` severity ('never' never fails)."""
        return fails(self.findings, fail_on)
