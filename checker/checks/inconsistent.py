from __future__ import annotations

from typing import Iterable

from checker.checks.base import CorpusRule
from checker.findings import Finding
from checker.usage import Usage


class InconsistentRendering(CorpusRule):
    """A term is rendered in more than one way across the checked documents.

    ## What it does
    For each term and language used in more than one distinct rendering, takes as
    reference the preferred rendering if it occurs (else the most frequent one) and
    reports, once per document, the first place where another rendering is used,
    with the corpus-wide breakdown.

    ## Why is this bad?
    Readers of several versions of one text should meet one name for one thing.
    Even two accepted variants, mixed, look like two different concepts.

    ## Example
    `translations/en/000.txt` writes "Sergey Lavrov" and `002.txt` "Sergei Lavrov":

        002.txt:3:35: warning inconsistent-rendering [sergey-lavrov] 'Sergei Lavrov' here,
        reference 'Sergey Lavrov' (across documents [en]: 'Sergey Lavrov' 3, 'Sergei Lavrov' 2)

    Use one rendering everywhere: the preferred one.
    """

    id = "inconsistent-rendering"
    severity = "warning"
    summary = "a term occurs in more than one distinct rendering across the checked documents"

    def check(self, usages: list[Usage]) -> Iterable[Finding]:
        for usage in usages:
            if len(usage.counts) < 2:
                continue
            reference = usage.reference
            breakdown = ", ".join(f"'{r.text}' {usage.total(r)}" for r in usage.renderings())
            paths = sorted({p for r in usage.counts if r != reference for p in usage.first[r]})
            for path in paths:
                firsts = [usage.first[r][path] for r in usage.counts if r != reference and path in usage.first[r]]
                occ = min(firsts, key=lambda o: (o.line, o.column))
                yield self.finding_at(
                    occ, f"'{occ.text}' here, reference '{reference.text}' "
                    f"(across documents [{usage.language}]: {breakdown})",
                )
