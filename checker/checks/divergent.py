from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from checker.checks.base import CompareRule
from checker.findings import Finding, Location

if TYPE_CHECKING:  # compare (alignment, sentences) is loaded only by `termcheck compare`
    from checker.comparison.model import Comparison


class DivergentRendering(CompareRule):
    """Two aligned passages render the same term differently.

    ## What it does
    In `termcheck compare`, for every pair of aligned sentences (reference and
    compared version) in which a glossary term occurs on both sides, reports the
    pair when the sides use different renderings of it. The finding points at the
    compared version and names the reference's place.

    ## Why is this bad?
    Readers of two versions of one text meet two names for one concept, exactly
    where the texts say the same thing.

    ## Example
    000 (reference): "The very essence of the agreements on indivisible security is ..."
    002 (compared):  "the meaning of the agreement on the indivisibility of security is ..."

        002.txt:9:735: warning divergent-rendering [indivisible-security]
        'indivisibility of security' here, 'indivisible security' in the aligned
        passage of 000.txt:35:1

    Use the same rendering in both versions, preferably the glossary's preferred one.
    """

    id = "divergent-rendering"
    severity = "warning"
    summary = "an aligned pair renders the same term differently"

    def check(self, comparison: Comparison) -> Iterable[Finding]:
        ref, other = comparison.reference, comparison.other
        for pair in comparison.pairs:
            ref_occ = [o for i in pair.reference for o in ref.sentences[i].occurrences]
            oth_occ = [o for j in pair.other for o in other.sentences[j].occurrences]
            for term_id in sorted({o.term_id for o in ref_occ} & {o.term_id for o in oth_occ}):
                r_side = [o for o in ref_occ if o.term_id == term_id]
                o_side = [o for o in oth_occ if o.term_id == term_id]
                r_forms = {o.rendering.text for o in r_side}
                o_forms = {o.rendering.text for o in o_side}
                if r_forms == o_forms:
                    continue
                here = next((o for o in o_side if o.rendering.text not in r_forms), o_side[0])
                there = next((o for o in r_side if o.rendering.text not in o_forms), r_side[0])
                yield self.finding_at(
                    here, f"'{here.text}' here, '{there.text}' in the aligned passage of "
                    f"{there.path}:{there.line}:{there.column}",
                    (Location(there.path, there.line, there.column),),
                )
