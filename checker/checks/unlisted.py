from __future__ import annotations

from typing import Iterable

from checker.checks.base import DocumentRule
from checker.matching.corpus import DocumentMatches, context_of
from checker.findings import Finding
from checker.glossary import Glossary


class UnlistedRendering(DocumentRule):
    """A span resembles a glossary term but is none of its listed renderings (discovery).

    ## What it does
    With `--discover`, finds spans that share the content words of a term's
    rendering ("indivisibility of the security", "Paris Charter for New Europe") and
    score at least the threshold (default 45) in sacrebleu's sentence chrF against the
    term's closest rendering, and reports them with that rendering and the score.

    ## Why is this bad?
    It may not be: it is how terminologists learn which renderings translators really
    use. Either list the span in the glossary (as a variant, or as forbidden) or fix it.
    `termcheck glossary suggest` ranks these across a corpus and can add them.

    ## Example

        001.txt:18:209: info unlisted-rendering [charter-of-paris] 'Paris Charter for New
        Europe' is not in the glossary; closest: 'Charter of Paris for a New Europe' (chrF 59.1)

    Use instead: a listed rendering, or add the span to the glossary.
    """

    id = "unlisted-rendering"
    severity = "info"
    summary = "a span resembles a term but is none of its listed renderings (with --discover)"

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        for unit, d in doc.discoveries:
            seg = unit.segment
            text = seg.text[d.start : d.end]
            line, column = seg.position(d.start)
            yield self.finding(
                seg.path, line, column,
                f"'{text}' is not in the glossary; closest: '{d.closest.text}' (chrF {d.score:.1f})",
                d.term_id, text, context=context_of(seg.text, d.start, d.end),
            )
