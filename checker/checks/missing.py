from __future__ import annotations

from typing import Iterable

from checker.checks.base import DocumentRule
from checker.matching.corpus import DocumentMatches
from checker.findings import Finding, Location
from checker.glossary import Glossary


class MissingRendering(DocumentRule):
    """A bilingual unit's source uses a term and its translation has no accepted rendering of it.

    ## What it does
    In PO and XLIFF units, when the source contains a rendering of a term in the
    source language and the (non-empty) target contains none of that term's
    preferred or variant renderings in the target language, reports the unit.
    Terms without a rendering in the target language are not checked.

    The finding's region is the target text; the source occurrence is its related
    location.

    ## Why is this bad?
    The key term was dropped, paraphrased or translated with an unlisted word.

    ## Example
    With `sphere-of-influence: {en: sphere of influence, de: Einflusssphäre}`:

        msgid "No State can consider any part of the area as its sphere of influence."
        msgstr "Kein Staat darf einen Teil des Gebiets als sein Revier betrachten."

    Use instead:

        msgstr "Kein Staat darf einen Teil des Gebiets als seine Einflusssphäre betrachten."
    """

    id = "missing-rendering"
    severity = "error"
    summary = "a bilingual unit's target lacks the term its source uses"

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        if doc.language is None or doc.source_language is None:
            return
        for unit in doc.units:
            seg = unit.segment
            if not unit.source or not seg.text.strip():
                continue
            accepted = {m.term_id for m in unit.target if m.rendering.status != "forbidden"}
            reported: set[str] = set()
            for m in unit.source:
                term_id = m.term_id
                if term_id in accepted or term_id in reported:
                    continue
                term = glossary.by_id[term_id]
                target = term.preferred(doc.language)
                if target is None:
                    continue
                reported.add(term_id)
                occ = unit.source_occurrence(m)
                # The finding is about the target: its region covers the target text; the
                # source occurrence is where the term came from.
                yield self.finding(
                    seg.path, seg.line, seg.column,
                    f"source has '{occ.text}' but the target has no accepted {doc.language} "
                    f"rendering; expected '{target.text}'",
                    term_id, seg.text, related=(Location(occ.path, occ.line, occ.column),),
                    end=seg.end_position(len(seg.text)),
                )
