"""The map step: one file -> its DocumentOutcome (reading, matching, document rules).

An engine (checker/engines/) runs it over the files, here or elsewhere; what it returns
is small and picklable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from checker.checks import DOCUMENT_RULES, READ_ERROR
from checker.documents import read_document, sniff_language
from checker.documents.model import ReadError
from checker.findings import Finding
from checker.language import detectable, same_language
from checker.matching.corpus import Occurrence, match_document
from checker.matching.matcher import Matcher
from checker.pipeline.options import CheckOptions
from checker.project.suppressions.markers import Suppression
from checker.project.suppressions.scan import read_suppressions, scan_suppressions
from checker.result import DocumentSummary


@dataclass(frozen=True)
class DocumentOutcome:
    """What the map step keeps of one file: small and picklable, so it can come back from
    another process or machine. Renderings travel as their glossary `order`, since a
    pickled Rendering is a copy and renderings are counted by identity."""

    path: str
    summary: DocumentSummary | None  # None: unreadable, or not in a checked language
    findings: tuple[Finding, ...] = ()
    counts: tuple[tuple[int, int], ...] = ()  # rendering order -> matches in this document
    first: tuple[tuple[int, Occurrence], ...] = ()  # rendering order -> its first occurrence here
    suppressions: tuple[Suppression, ...] = ()


class DocumentChecker:
    """The map step: one file -> its DocumentOutcome (reading, matching, document rules)."""

    def __init__(self, matcher: Matcher, options: CheckOptions) -> None:
        self.matcher = matcher
        self.glossary = matcher.glossary
        self.options = options
        self.discoverers = discoverers_for(matcher, options.threshold) if options.discover else None
        # A disabled rule is not run at all: `disable = ["wrong-language"]` saves its detection.
        self.rules = tuple(rule for rule in DOCUMENT_RULES if rule.id not in options.disable)

    def __call__(self, path: str, data: bytes | None = None) -> DocumentOutcome:
        """The outcome of the file at `path` (of `data` as its content, if given)."""
        options, glossary = self.options, self.glossary
        if options.languages and data is None:
            # `languages`: a file whose header, --lang or path says another language is not parsed.
            known = sniff_language(path, options.lang)
            if known is not None and not any(same_language(known, lang) for lang in options.languages):
                return DocumentOutcome(path, None)
        try:
            item = read_document(path, lang=options.lang, include_fuzzy=options.include_fuzzy,
                                 max_size=options.max_file_size, data=data, source_lang=options.source_lang)
        except ReadError as error:
            return DocumentOutcome(path, None, (READ_ERROR.from_error(error),))
        if item.language is None and len(glossary.languages) == 1:
            # Too short to detect: a one-language glossary can only mean its language.
            item = replace(item, language=glossary.languages[0], language_source="glossary")
        if options.languages and not any(same_language(item.language, lang) for lang in options.languages):
            return DocumentOutcome(path, None)
        doc = match_document(item, self.matcher, glossary, options.source_lang, self.discoverers)
        suppressions = ()
        if options.suppressions:
            if item.text is not None:
                found = scan_suppressions(item.path, item.text, item.format, include_fuzzy=options.include_fuzzy)
            else:
                found = read_suppressions(item.path, item.format, item.encoding, include_fuzzy=options.include_fuzzy)
            suppressions = tuple(found)
        return DocumentOutcome(
            path=path,
            summary=DocumentSummary(
                item.path, item.format, item.language, item.language_source, len(item.segments),
                language_verifiable=item.language is None or detectable(item.language)
                or "wrong-language" in options.disable,
            ),
            findings=tuple(f for rule in self.rules for f in rule.check(doc, glossary)),
            counts=tuple((r.order, n) for r, n in doc.counts.items()),
            first=tuple((r.order, occ) for r, occ in doc.first.items()),
            suppressions=suppressions,
        )


def discoverers_for(matcher: Matcher, threshold: float):
    """Glossary language -> its Discoverer, built on first use."""
    from checker.matching.discovery import Discoverer

    built: dict[str, Discoverer] = {}

    def get(language: str) -> Discoverer:
        if language not in built:
            built[language] = Discoverer(matcher.index(language), matcher.glossary.renderings(language), threshold)
        return built[language]

    return get
