from __future__ import annotations

from typing import Iterable

from checker.checks.base import DocumentRule, preferred_text
from checker.matching.corpus import DocumentMatches
from checker.findings import Finding
from checker.glossary import Glossary


class VariantRendering(DocumentRule):
    """An accepted variant is used where the glossary prefers another rendering.

    ## What it does
    Reports every occurrence of a rendering listed under `variants:` and names
    the preferred one.

    The finding owns its place: where inconsistent-rendering would report the same
    occurrence (a document's first rendering of a term other than the corpus's
    reference), its corpus-wide breakdown is added to this finding, and
    inconsistent-rendering reports nothing there.

    ## Why is this bad?
    Variants are correct but not house style; a reader meeting two forms of one
    name may take them for two things.

    ## Example
    With `sergey-lavrov: {en: {preferred: Sergey Lavrov, variants: [Sergei Lavrov]}}`:

        Foreign Minister Sergei Lavrov accused Western countries ...

    When other documents write "Sergey Lavrov", the first variant of each document also
    gives the corpus-wide breakdown (what inconsistent-rendering would say there):

        002.txt:3:117: warning variant-rendering [sergey-lavrov] variant 'Sergei Lavrov';
        preferred: 'Sergey Lavrov' (across documents [en]: 'Sergey Lavrov' 3, 'Sergei Lavrov' 2)

    Use instead:

        Foreign Minister Sergey Lavrov accused Western countries ...
    """

    id = "variant-rendering"
    severity = "warning"
    summary = "an accepted variant is used instead of the preferred rendering"

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        for occ in doc.occurrences("variant"):
            r = occ.rendering
            preferred = preferred_text(glossary, r.term_id, r.language)
            yield self.finding_at(occ, f"variant '{occ.text}'; preferred: '{preferred}'")
