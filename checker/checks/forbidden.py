from __future__ import annotations

from typing import Iterable

from checker.checks.base import DocumentRule, preferred_text
from checker.corpus import DocumentMatches
from checker.findings import Finding
from checker.glossary import Glossary


class ForbiddenRendering(DocumentRule):
    """A rendering the glossary forbids is used.

    ## What it does
    Reports every occurrence of a rendering listed under `forbidden:` for the
    document's language, and names the preferred rendering to use instead.

    ## Why is this bad?
    Forbidden renderings are the ones an editor has ruled out: outdated names,
    wrong or politically loaded translations.

    ## Example
    With `kyiv: {en: {preferred: Kyiv, forbidden: [Kiev]}}`:

        The prime ministers met the Ukrainian president in Kiev.

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
