"""`termcheck check` from top to bottom: glossary -> documents -> matches -> rules -> scores."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Callable, Iterable, Sequence

from checker import __version__
from checker.checks import CORPUS_RULES, DOCUMENT_RULES, READ_ERROR
from checker.matching.corpus import Occurrence, match_document
from checker.documents import iter_paths, links_out_of_tree, read_document, sniff_language
from checker.documents.encoding import DEFAULT_MAX_FILE_SIZE
from checker.documents.model import ReadError
from checker.findings import Finding
from checker.glossary import Glossary
from checker.language import detectable, same_language
from checker.matching.matcher import Matcher
from checker.perf import gc_paused
from checker.result import CheckResult, DocumentSummary, GlossaryEntry
from checker.scores import score_usage
from checker.project.suppressions import Suppression, apply_suppressions, read_suppressions, scan_suppressions
from checker.matching.usage import UsageTable


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
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE  # bytes; a larger file is a read-error

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


def run_check(
    paths: Sequence[str],
    glossary: Glossary,
    options: CheckOptions = CheckOptions(),
    matcher: Matcher | None = None,
    jobs: int = 1,
    scheduler=None,
) -> CheckResult:
    """Check `paths` against `glossary` (with `matcher`, its compiled form, if already built),
    in `jobs` processes, or on the Dask cluster at `scheduler`; the result is the same."""
    matcher = matcher or Matcher(glossary, stem=options.stem)
    with gc_paused():
        files = [p for p in iter_paths(paths) if options.select is None or options.select(p)]
        refused = links_out_of_tree(files, paths)
        if refused:
            files = [p for p in files if p not in refused]
        if scheduler is not None:
            from checker.engines.dask_cluster import map_dask

            outcomes = map_dask(files, glossary, options, scheduler)
        elif jobs > 1 and len(files) > 1:
            from checker.engines.local import map_processes

            outcomes = map_processes(files, matcher, options, jobs)
        else:
            checker = DocumentChecker(matcher, options)
            outcomes = map(checker, files)
        if refused:
            outcomes = chain(outcomes, (DocumentOutcome(p, None, (READ_ERROR.finding(p, 1, 1, why),))
                                        for p, why in sorted(refused.items())))
        return reduce_outcomes(outcomes, glossary, options)


class DocumentChecker:
    """The map step: one file -> its DocumentOutcome (reading, matching, document rules)."""

    def __init__(self, matcher: Matcher, options: CheckOptions) -> None:
        self.matcher = matcher
        self.glossary = matcher.glossary
        self.options = options
        self.discoverers = discoverers_for(matcher, options.threshold) if options.discover else None
        # A disabled rule is not run at all: `disable = ["wrong-language"]` saves its detection.
        self.rules = tuple(rule for rule in DOCUMENT_RULES if rule.id not in options.disable)

    def __call__(self, path: str) -> DocumentOutcome:
        options, glossary = self.options, self.glossary
        if options.languages:
            # `languages`: a file whose header, --lang or path says another language is not parsed.
            known = sniff_language(path, options.lang)
            if known is not None and not any(same_language(known, lang) for lang in options.languages):
                return DocumentOutcome(path, None)
        try:
            item = read_document(path, lang=options.lang, include_fuzzy=options.include_fuzzy,
                                 max_size=options.max_file_size)
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


def reduce_outcomes(outcomes: Iterable[DocumentOutcome], glossary: Glossary, options: CheckOptions) -> CheckResult:
    """The reduce step: usage, corpus rules, suppressions, scores, in the files' order."""
    by_order = {r.order: r for t in glossary.terms for rs in t.renderings.values() for r in rs}
    findings: list[Finding] = []
    summaries: list[DocumentSummary] = []
    suppressions: list[Suppression] = []
    usage = UsageTable()
    for outcome in outcomes:
        findings.extend(outcome.findings)
        suppressions.extend(outcome.suppressions)
        if outcome.summary is None:
            continue
        summaries.append(outcome.summary)
        first = dict(outcome.first)
        for order, count in outcome.counts:
            rendering = by_order[order]
            occ = first[order]
            usage.add(replace(occ, rendering=rendering) if occ.rendering is not rendering else occ, count)
    usages = usage.usages()
    for rule in CORPUS_RULES:
        if rule.id not in options.disable:
            findings = rule.merge(findings, usages)  # one finding per place
    if options.suppressions:
        kept, unused = apply_suppressions(findings, suppressions)
        findings = kept + unused
    found = {(u.language, u.term_id) for u in usages}
    checked = {glossary.resolve_language(d.language) for d in summaries} - {None}
    absent = sorted(
        (lang, t.id) for t in glossary.terms for lang in t.renderings if lang in checked and (lang, t.id) not in found
    )
    entries = tuple(
        GlossaryEntry(u.term_id, u.language, glossary.by_id[u.term_id].note,
                      tuple((r.text, r.status) for r in glossary.by_id[u.term_id].renderings.get(u.language, ())))
        for u in usages
    )
    return CheckResult(
        documents=tuple(sorted(summaries, key=lambda d: d.path)),
        terms=tuple(score_usage(u) for u in usages),
        entries=entries,
        findings=tuple(sorted(configure(findings, options), key=Finding.sort_key)),
        signature=options.signature(glossary),
        absent=tuple(absent),
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


def configure(findings: list[Finding], options: CheckOptions) -> list[Finding]:
    """Drop disabled rules and apply severity overrides."""
    out = []
    for f in findings:
        if f.rule in options.disable:
            continue
        level = options.severity.get(f.rule)
        out.append(replace(f, severity=level) if level and level != f.severity else f)
    return out
