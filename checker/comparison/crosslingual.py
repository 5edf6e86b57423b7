"""`termcheck compare` across languages: a source and its translations, aligned sentence by
sentence (crossalign), each source term followed into the aligned translation.

For every aligned pair and every glossary term the source side holds (that has renderings
in the translation's language), the translation side has: its `preferred` rendering, a
`variant`, a `forbidden` one (worst first, so that a problem shows), an unlisted span that
resembles a rendering (`other`, found by discovery, chrF >= the discovery threshold), or
nothing (`absent`). missing-rendering, forbidden-rendering and variant-rendering report on
those, each finding naming the source passage as its related place.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from checker.comparison.model import (
    AlignedPair, Chain, ChainStep, Comparison, Similarity, Trace, Version,
)
from checker.findings import Finding, Location
from checker.matching.corpus import Occurrence
from checker.matching.matcher import Matcher

_WORST_FIRST = {"forbidden": 0, "variant": 1, "preferred": 2}


class Classifier:
    """What a translation's sentences have for a term (with discovery of unlisted spans)."""

    def __init__(self, matcher: Matcher, threshold: float | None = None) -> None:
        from checker.matching.discovery import DEFAULT_THRESHOLD
        from checker.pipeline import discoverers_for

        self.matcher = matcher
        self.glossary = matcher.glossary
        self._discoverers = discoverers_for(matcher, threshold if threshold is not None else DEFAULT_THRESHOLD)

    def has_renderings(self, term_id: str, version: Version) -> bool:
        lang = self.glossary.resolve_language(version.language)
        term = self.glossary.by_id.get(term_id)
        return bool(lang and term and term.renderings.get(lang))

    def classify(self, term_id: str, version: Version, indices: Sequence[int]
                 ) -> tuple[str, Occurrence | None, str, tuple[str, int, int]]:
        """(status, the occurrence found, the text, where it is: an unlisted span's own
        place, else where the sentences start)."""
        first = version.sentences[indices[0]]
        place = (version.path, first.line, first.column)
        found = [o for i in indices for o in version.sentences[i].occurrences if o.term_id == term_id]
        if found:
            best = min(found, key=lambda o: _WORST_FIRST.get(o.rendering.status, 3))
            return best.rendering.status, best, best.text, place
        span = self._discover(term_id, version, indices)
        if span is None:
            return "absent", None, "", place
        text, where = span
        return "other", None, text, where

    def _discover(self, term_id: str, version: Version, indices: Sequence[int]
                  ) -> tuple[str, tuple[str, int, int]] | None:
        """An unlisted span resembling a rendering of `term_id`, and its place."""
        lang = self.glossary.resolve_language(version.language)
        if not lang:
            return None
        index = self.matcher.index(lang)
        discoverer = self._discoverers(lang)
        for i in indices:
            text = version.sentences[i].text
            tokens = index.tokenise(text)
            for d in discoverer.find(text, tokens, list(index.find(text, tokens))):
                if d.term_id == term_id:
                    line, column = version.place(i, d.start)
                    return " ".join(text[d.start:d.end].split()), (version.path, line, column)
        return None


def compare_across(reference: Version, other: Version, classifier: Classifier) -> Comparison:
    """`other` (a translation of `reference`) aligned with it and its terms traced."""
    from checker.comparison.crossalign import Sentence, align_across

    def sentences(version: Version) -> list[Sentence]:
        return [Sentence(s.text, frozenset(o.term_id for o in s.occurrences), s.segment) for s in version.sentences]

    raw = align_across(sentences(reference), sentences(other), reference.language, other.language)
    pairs = tuple(AlignedPair(p.reference, p.other, p.score) for p in raw)
    n_ref = sum(len(p.reference) for p in pairs)
    n_other = sum(len(p.other) for p in pairs)
    similarity = Similarity(
        chrf=None, bleu=None,
        aligned_reference=round(n_ref / len(reference.sentences), 4) if reference.sentences else 0.0,
        aligned_other=round(n_other / len(other.sentences), 4) if other.sentences else 0.0,
        chrf_signature="", bleu_signature="",
    )
    traces = tuple(_traces(reference, other, pairs, classifier))
    return Comparison(reference, other, pairs, similarity, True, traces, tuple(p.features for p in raw))


def _traces(reference: Version, other: Version, pairs: Sequence[AlignedPair], classifier: Classifier
            ) -> Iterable[Trace]:
    for k, pair in enumerate(pairs):
        seen: set[str] = set()
        for i in pair.reference:
            for occ in reference.sentences[i].occurrences:
                if occ.term_id in seen or not classifier.has_renderings(occ.term_id, other):
                    continue
                seen.add(occ.term_id)
                status, found, text, place = classifier.classify(occ.term_id, other, pair.other)
                yield Trace(k, occ, status, found, text, place)


def crosslingual_findings(comparison: Comparison, glossary) -> list[Finding]:  # noqa: ANN001
    """missing-rendering, forbidden-rendering and variant-rendering on the traces."""
    from checker.checks.base import preferred_text
    from checker.checks.forbidden import ForbiddenRendering
    from checker.checks.missing import MissingRendering
    from checker.checks.variant import VariantRendering

    missing, forbidden, variant = MissingRendering(), ForbiddenRendering(), VariantRendering()
    lang = glossary.resolve_language(comparison.other.language)
    out = []
    for trace in comparison.traces:
        src = trace.source
        there = f"'{src.text}' in the aligned source passage {src.path}:{src.line}:{src.column}"
        related = (Location(src.path, src.line, src.column),)
        preferred = preferred_text(glossary, src.term_id, lang) if lang else None
        if trace.status in ("absent", "other"):
            path, line, column = trace.place
            found = f"; '{trace.text}' here resembles a rendering but is not listed" if trace.text else ""
            out.append(missing.finding(path, line, column, f"no rendering of {there}; preferred: '{preferred}'{found}",
                                       src.term_id, trace.text, related))
        elif trace.status == "forbidden" and trace.found is not None:
            out.append(forbidden.finding_at(trace.found, f"forbidden '{trace.found.text}' for {there}; "
                                                         f"preferred: '{preferred}'", related))
        elif trace.status == "variant" and trace.found is not None:
            out.append(variant.finding_at(trace.found, f"variant '{trace.found.text}' for {there}; "
                                                       f"preferred: '{preferred}'", related))
    return out


def chains(comparisons: Sequence[Comparison], classifier: Classifier) -> list[Chain]:
    """Each source occurrence of the first comparison followed through the next ones
    (SOURCE -> A -> B: comparison k aligns document k with document k + 1)."""
    # sentence of a comparison's reference -> the pair holding it (a pair per trace would
    # otherwise be searched for among all pairs: quadratic on long documents)
    holding = [{i: p for p in c.pairs for i in p.reference} for c in comparisons]
    out = []
    for trace in comparisons[0].traces if comparisons else ():
        src = trace.source
        steps = [ChainStep(src.path, src.rendering.status, src.text, src.line, src.column)]
        indices = comparisons[0].pairs[trace.pair].other
        status, found, text, place = trace.status, trace.found, trace.text, trace.place
        steps.append(_step(status, found, text, place))
        for comparison, pairs in zip(comparisons[1:], holding[1:]):
            pair = next((pairs[i] for i in indices if i in pairs), None)
            if pair is None or not classifier.has_renderings(src.term_id, comparison.other):
                break
            status, found, text, place = classifier.classify(src.term_id, comparison.other, pair.other)
            steps.append(_step(status, found, text, place))
            indices = pair.other
        out.append(Chain(src.term_id, tuple(steps)))
    return out


def _step(status: str, found: Occurrence | None, text: str, place: tuple[str, int, int]) -> ChainStep:
    if found is not None:
        return ChainStep(found.path, status, found.text, found.line, found.column)
    return ChainStep(place[0], status, text, place[1], place[2])
