from __future__ import annotations

from typing import Iterable

from checker.checks.base import DocumentRule, preferred_text
from checker.matching.corpus import DocumentMatches
from checker.findings import Finding
from checker.glossary import Glossary


class ForbiddenRendering(DocumentRule):
    """A rendering the glossary forbids is used.

    ## What it does
    Reports every occurrence of a rendering listed under `forbidden:` for the
    document's language, and names the preferred rendering to use instead.

    The finding owns its place: where inconsistent-rendering would report the same
    occurrence, its corpus-wide breakdown is added to this finding, and
    inconsistent-rendering reports nothing there.

    ## Why is this bad?
    Forbidden renderings are the ones an editor has ruled out: outdated names,
    wrong or politically loaded translations.

    ## Example
    With `kyiv: {en: {preferred: Kyiv, forbidden: [Kiev]}}`:

        The prime ministers met the Ukrainian president in Kiev.

        news.txt:1:52: error forbidden-rendering [kyiv] forbidden rendering 'Kiev'; use 'Kyiv'

    When other documents write "Kyiv", the first "Kiev" of each document also gives the
    corpus-wide breakdown (what inconsistent-rendering would say there):

        news.txt:1:52: error forbidden-rendering [kyiv] forbidden rendering 'Kiev'; use 'Kyiv'
        (across documents [en]: 'Kyiv' 3, 'Kiev' 1)

    Use instead:

        The prime ministers met the Ukrainian president in Kyiv.
    """

    id = "forbidden-rendering"
    severity = "error"
    summary = "a forbidden rendering is used"

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        for occ in doc.occurrences("forbidden"):
            r = occ.rendering
            preferred = preferred_text(glossary, r.term_id, r.language)
            yield self.finding_at(occ, f"forbidden rendering '{occ.text}'; use '{preferred}'")
