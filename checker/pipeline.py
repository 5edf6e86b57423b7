"""`termcheck check` from top to bottom: glossary -> documents -> matches -> rules -> scores."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from checker import __version__
from checker.checks import CORPUS_RULES, DOCUMENT_RULES, READ_ERROR
from checker.corpus import match_document
from checker.documents import iter_documents
from checker.documents.model import ReadError
from checker.findings import Finding
from checker.glossary import Glossary
from checker.language import same_language
from checker.matcher import Matcher
from checker.perf import gc_paused
from checker.result import CheckResult, DocumentSummary
from checker.scores import score_usage
from checker.suppressions import apply_suppressions, read_suppressions
from checker.usage import UsageTable


@dataclass(frozen=True)
class CheckOptions:
    lang: str | None = None  # language of documents whose file and path do not say
    source_lang: str = "en"  # language of bilingual sources when the file does not say
    include_fuzzy: bool = False
    stem: bool = True
    disable: frozenset[str] = frozenset()  # rule ids not to report
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> severity override
    languages: tuple[str, ...] = ()  # check only documents in these languages (all if empty)
    select: Callable[[str], bool] | None = None  # include/exclude patterns of the configuration
    discover: bool = False  # look for unlisted renderings (unlisted-rendering)
    threshold: float = 45.0  # chrF a discovered span needs
    suppressions: bool = True  # honour `termcheck: ignore` markers

    def signature(self, glossary: Glossary) -> str:
        return "|".join(
            (
                f"termcheck:{__version__}",
                f"glossary:sha256:{glossary.sha256[:12] or 'none'}",
                f"stem:{'yes' if self.stem else 'no'}",
                f"fuzzy:{'yes' if self.include_fuzzy else 'no'}",
                f"lang:{self.lang or 'auto'}",
                f"srclang:{self.source_lang}",
                f"discover:{self.threshold:g}" if self.discover else "discover:no",
            )
        )


def run_check(
    paths: Sequence[str], glossary: Glossary, options: CheckOptions = CheckOptions(), matcher: Matcher | None = None
) -> CheckResult:
    """Check `paths` against `glossary` (with `matcher`, its compiled form, if already built)."""
    with gc_paused():
        return _run_check(paths, glossary, options, matcher or Matcher(glossary, stem=options.stem))


def _run_check(paths: Sequence[str], glossary: Glossary, options: CheckOptions, matcher: Matcher) -> CheckResult:
    findings: list[Finding] = []
    summaries: list[DocumentSummary] = []
    usage = UsageTable()
    documents = iter_documents(paths, lang=options.lang, include_fuzzy=options.include_fuzzy, select=options.select)
    discoverers = _discoverers(matcher, glossary, options.threshold) if options.discover else None
    suppressions = []
    for item in documents:
        if isinstance(item, ReadError):
            findings.append(READ_ERROR.from_error(item))
            continue
        if item.language is None and len(glossary.languages) == 1:
            # Too short to detect: a one-language glossary can only mean its language.
            item = replace(item, language=glossary.languages[0], language_source="glossary")
        if options.languages and not any(same_language(item.language, lang) for lang in options.languages):
            continue
        doc = match_document(item, matcher, glossary, options.source_lang, discoverers)
        if options.suppressions:
            suppressions.extend(
                read_suppressions(item.path, item.format, item.encoding, include_fuzzy=options.include_fuzzy)
            )
        summaries.append(
            DocumentSummary(item.path, item.format, item.language, item.language_source, len(item.segments))
        )
        usage.add_document(doc)
        for rule in DOCUMENT_RULES:
            findings.extend(rule.check(doc, glossary))
    usages = usage.usages()
    for rule in CORPUS_RULES:
        findings.extend(rule.check(usages))
    if options.suppressions:
        kept, unused = apply_suppressions(findings, suppressions)
        findings = kept + unused
    found = {(u.language, u.term_id) for u in usages}
    checked = {glossary.resolve_language(d.language) for d in summaries} - {None}
    absent = sorted(
        (lang, t.id) for t in glossary.terms for lang in t.renderings if lang in checked and (lang, t.id) not in found
    )
    return CheckResult(
        documents=tuple(sorted(summaries, key=lambda d: d.path)),
        terms=tuple(score_usage(u) for u in usages),
        findings=tuple(sorted(configure(findings, options), key=Finding.sort_key)),
        signature=options.signature(glossary),
        absent=tuple(absent),
    )


def _discoverers(matcher: Matcher, glossary: Glossary, threshold: float):
    """Glossary language -> its Discoverer, built on first use."""
    from checker.discovery import Discoverer

    built: dict[str, Discoverer] = {}

    def get(language: str) -> Discoverer:
        if language not in built:
            built[language] = Discoverer(matcher.index(language), glossary.renderings(language), threshold)
        return built[language]

    return get


def configure(findings: list[Finding], options: CheckOptions) -> list[Finding]:
    """Drop disabled rules and apply severity overrides."""
    out = []
    for f in findings:
        if f.rule in options.disable:
            continue
        level = options.severity.get(f.rule)
        out.append(replace(f, severity=level) if level and level != f.severity else f)
    return out
