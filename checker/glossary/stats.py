"""`termcheck glossary stats`: which of the glossary's terms a corpus uses, and how completely
each language is covered."""

from __future__ import annotations

from dataclasses import dataclass

from checker.glossary import Glossary
from checker.result import CheckResult
from checker.scores import RenderingCount


@dataclass(frozen=True)
class LanguageCoverage:
    language: str
    terms_total: int
    with_rendering: int  # terms with a rendering in this language
    seen: int  # of those, terms the corpus uses

    @property
    def completeness(self) -> float:
        return round(self.with_rendering / self.terms_total, 4) if self.terms_total else 0.0


@dataclass(frozen=True)
class TermStat:
    term_id: str
    language: str
    occurrences: int
    renderings: tuple[RenderingCount, ...]  # every glossary rendering, used or not


@dataclass(frozen=True)
class GlossaryStats:
    glossary: str
    documents: int
    languages: tuple[LanguageCoverage, ...]
    terms: tuple[TermStat, ...]
    never_seen: tuple[tuple[str, str], ...]  # (term id, language) in a checked language


def glossary_stats(glossary: Glossary, result: CheckResult) -> GlossaryStats:
    used = {(t.term_id, t.language): t for t in result.terms}
    checked = {glossary.resolve_language(d.language) for d in result.documents} - {None}
    terms: list[TermStat] = []
    never: list[tuple[str, str]] = []
    for term in glossary.terms:
        for lang, renderings in sorted(term.renderings.items()):
            score = used.get((term.id, lang))
            counts = {r.text: r for r in score.renderings} if score else {}
            stats = tuple(
                RenderingCount(r.text, r.status, counts[r.text].count if r.text in counts else 0,
                              counts[r.text].documents if r.text in counts else {})
                for r in renderings
            )
            if score:
                terms.append(TermStat(term.id, lang, score.occurrences, stats))
            elif lang in checked:
                never.append((term.id, lang))
                terms.append(TermStat(term.id, lang, 0, stats))
    coverage = []
    for lang in glossary.languages:
        with_rendering = sum(1 for t in glossary.terms if lang in t.renderings)
        seen = sum(1 for t in glossary.terms if (t.id, lang) in used)
        coverage.append(LanguageCoverage(lang, len(glossary.terms), with_rendering, seen))
    return GlossaryStats(glossary.path, len(result.documents), tuple(coverage), tuple(terms), tuple(never))
