"""Variation scores: how consistently the corpus renders each term.

- consistency: share of occurrences that use the reference rendering (1.0 with one rendering);
- variation: expected dissimilarity of two occurrences drawn at random,
  sum over i, j of p_i p_j d(r_i, r_j), with d(a, b) = 1 - (chrF(a, b) + chrF(b, a)) / 200
  (sacrebleu's sentence chrF, default parameters). Light variants ("indivisible
  security" / "indivisibility of security") score low; unrelated renderings high.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from checker.matching.usage import Usage


@dataclass(frozen=True)
class RenderingCount:
    text: str
    status: str
    count: int
    documents: dict[str, int]


@dataclass(frozen=True)
class TermScore:
    term_id: str
    language: str
    occurrences: int
    renderings: tuple[RenderingCount, ...]
    reference: str
    consistency: float
    #: each rendering's text and its share of the occurrences, in the renderings' order
    shares: tuple[tuple[str, float], ...] = ()

    @cached_property
    def variation(self) -> float:
        """Computed when a report first shows it: a run whose report has no scores (a
        pre-commit hook's `-q`) never imports sacrebleu."""
        return round(sum(pi * pj * distance(ri, rj) for ri, pi in self.shares for rj, pj in self.shares), 4)


@lru_cache(maxsize=1)
def _chrf():
    # sacrebleu is heavy to import: only corpora with variation pay for it.
    from sacrebleu.metrics import CHRF

    return CHRF()


@lru_cache(maxsize=65536)
def distance(a: str, b: str) -> float:
    """Symmetric chrF distance in [0, 1]: 0 for identical strings."""
    if a == b:
        return 0.0
    chrf = _chrf()
    ab = chrf.sentence_score(a, [b]).score
    ba = chrf.sentence_score(b, [a]).score
    return 1.0 - (ab + ba) / 200.0


def score_usage(usage: Usage) -> TermScore:
    renderings = usage.renderings()
    total = usage.occurrences
    reference = usage.reference
    counts = tuple(
        RenderingCount(r.text, r.status, usage.total(r), dict(sorted(usage.counts[r].items())))
        for r in renderings
    )
    return TermScore(
        term_id=usage.term_id,
        language=usage.language,
        occurrences=total,
        renderings=counts,
        reference=reference.text,
        consistency=round(usage.total(reference) / total, 4),
        shares=tuple((r.text, usage.total(r) / total) for r in renderings),
    )
