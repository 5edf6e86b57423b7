"""The reduce step: the files' outcomes, in order -> the CheckResult (corpus rules,
suppressions, scores)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from checker.checks import CORPUS_RULES
from checker.findings import Finding
from checker.glossary import Glossary
from checker.matching.usage import UsageTable
from checker.pipeline.map_step import DocumentOutcome
from checker.pipeline.options import CheckOptions
from checker.project.suppressions.markers import Suppression
from checker.project.suppressions import apply_suppressions
from checker.result import CheckResult, DocumentSummary, GlossaryEntry
from checker.scores import score_usage


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


def configure(findings: list[Finding], options: CheckOptions) -> list[Finding]:
    """Drop disabled rules and apply severity overrides."""
    out = []
    for f in findings:
        if f.rule in options.disable:
            continue
        level = options.severity.get(f.rule)
        out.append(replace(f, severity=level) if level and level != f.severity else f)
    return out
