from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from checker.checks.base import CorpusRule
from checker.checks.forbidden import ForbiddenRendering
from checker.checks.variant import VariantRendering
from checker.matching.corpus import Occurrence
from checker.findings import Finding
from checker.glossary import Rendering
from checker.matching.usage import Usage

#: rules that report every occurrence of a rendering of some status: each owns its places
OWNERS = frozenset({ForbiddenRendering.id, VariantRendering.id})


class InconsistentRendering(CorpusRule):
    """A term is rendered in more than one way across the checked documents.

    ## What it does
    For each term and language used in more than one distinct rendering, takes as
    reference the preferred rendering if it occurs (else the most frequent one) and
    reports, once per document, the first place where another rendering is used,
    with the corpus-wide breakdown. One place, one finding: where that place holds a
    variant or forbidden rendering that variant-rendering or forbidden-rendering
    reports, the breakdown is added to their finding instead.

    With every rule enabled every such place is owned: a rendering other than the
    reference is always a variant or a forbidden one. The rule reports on its own where
    those rules are disabled (`disable = ["variant-rendering"]`: variants are fine,
    mixing them is not). Ownership is settled on what the rules report, before
    suppressions and the baseline: `ignore[variant-rendering]` silences the one finding,
    `ignore[inconsistent-rendering]` at an owned place suppresses nothing
    (unused-suppression), and a baseline entry of this rule for an owned place, written
    by an older termcheck, matches nothing and is ignored like any stale entry. The
    finding keeps its owner's severity.

    ## Why is this bad?
    Readers of several versions of one text should meet one name for one thing.
    Even two accepted variants, mixed, look like two different concepts.

    ## Example
    `translations/en/000.txt` writes "Sergey Lavrov" and `002.txt` "Sergei Lavrov", a
    variant; with `disable = ["variant-rendering"]`:

        002.txt:3:117: warning inconsistent-rendering [sergey-lavrov] 'Sergei Lavrov' here,
        reference 'Sergey Lavrov' (across documents [en]: 'Sergey Lavrov' 3, 'Sergei Lavrov' 2)

    With variant-rendering enabled, the place has one finding:

        002.txt:3:117: warning variant-rendering [sergey-lavrov] variant 'Sergei Lavrov';
        preferred: 'Sergey Lavrov' (across documents [en]: 'Sergey Lavrov' 3, 'Sergei Lavrov' 2)

    Use one rendering everywhere: the preferred one.
    """

    id = "inconsistent-rendering"
    severity = "warning"
    summary = "a term occurs in more than one distinct rendering across the checked documents"

    def check(self, usages: list[Usage]) -> Iterable[Finding]:
        for occ, reference, across in _deviations(usages):
            yield self._own(occ, reference, across)

    def merge(self, findings: list[Finding], usages: list[Usage]) -> list[Finding]:
        """`findings` with the breakdown added to the variant or forbidden finding at each
        place this rule would report, and a finding of its own where there is none."""
        places = {(occ.path, occ.line, occ.column, occ.term_id): (occ, ref, across)
                  for occ, ref, across in _deviations(usages)}
        out: list[Finding] = []
        for f in findings:
            # pop: should two owners share a place, the breakdown is said once
            hit = places.pop(f.place, None) if f.rule in OWNERS else None
            out.append(replace(f, message=f"{f.message} {hit[2]}") if hit else f)
        out.extend(self._own(occ, ref, across) for occ, ref, across in places.values())
        return out

    def _own(self, occ: Occurrence, reference: Rendering, across: str) -> Finding:
        return self.finding_at(occ, f"'{occ.text}' here, reference '{reference.text}' {across}")


def _deviations(usages: list[Usage]) -> Iterator[tuple[Occurrence, Rendering, str]]:
    """Per term, language and document that uses a rendering other than the reference: the
    first such occurrence, the reference, and the breakdown "(across documents [lang]: ...)"."""
    for usage in usages:
        if len(usage.counts) < 2:
            continue
        reference = usage.reference
        breakdown = ", ".join(f"'{r.text}' {usage.total(r)}" for r in usage.renderings())
        across = f"(across documents [{usage.language}]: {breakdown})"
        paths = sorted({p for r in usage.counts if r != reference for p in usage.first[r]})
        for path in paths:
            firsts = [usage.first[r][path] for r in usage.counts if r != reference and path in usage.first[r]]
            yield min(firsts, key=lambda o: (o.line, o.column)), reference, across
