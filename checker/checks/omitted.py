from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from checker.checks.base import CompareRule
from checker.findings import Finding, Location

if TYPE_CHECKING:  # compare (alignment, sentences) is loaded only by `termcheck compare`
    from checker.comparison.model import Comparison


class TermOmitted(CompareRule):
    """A term of one version is missing from the other: from its aligned passage, or altogether.

    ## What it does
    In `termcheck compare`, reports a glossary term that one document uses and the
    other never does (at its first use), and, for terms both use, a term that occurs
    in one side of an aligned pair and not in the other.

    ## Why is this bad?
    Often nothing: summaries drop things. But a key qualification silently dropped
    changes what a text says ("as they evolve", "sphere of influence").

    ## Example
    000 (reference): "... including treaties of alliances, as they evolve, ..."
    002 (compared):  "... every state ... is free to choose an alliance."

        000.txt:17:414: info term-omitted [as-they-evolve] 'as they evolve' does not
        occur in 002.txt

    Check whether the omission is deliberate.
    """

    id = "term-omitted"
    severity = "info"
    summary = "a term occurs in one version and not in the other (or not in its aligned passage)"

    def check(self, comparison: Comparison) -> Iterable[Finding]:
        ref, other = comparison.reference, comparison.other
        ref_terms, oth_terms = set(ref.term_counts()), set(other.term_counts())
        for has, lacks, missing in ((ref, other, ref_terms - oth_terms), (other, ref, oth_terms - ref_terms)):
            for term_id in sorted(missing):
                occ = has.first_occurrence(term_id)
                if occ is not None:
                    yield self.finding_at(occ, f"'{occ.text}' does not occur in {lacks.path}")
        shared = ref_terms & oth_terms
        for pair in comparison.pairs:
            sides = ((ref, pair.reference, other, pair.other), (other, pair.other, ref, pair.reference))
            for has, mine, lacks, theirs in sides:
                mine_occ = [o for i in mine for o in has.sentences[i].occurrences]
                their_terms = {o.term_id for j in theirs for o in lacks.sentences[j].occurrences}
                reported: set[str] = set()
                for occ in mine_occ:
                    if occ.term_id in shared and occ.term_id not in their_terms and occ.term_id not in reported:
                        reported.add(occ.term_id)
                        first = lacks.sentences[theirs[0]]
                        yield self.finding_at(
                            occ, f"'{occ.text}' is not in the aligned passage of {lacks.path}:{first.line}:{first.column}",
                            (Location(lacks.path, first.line, first.column),),
                        )
