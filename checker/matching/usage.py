"""How a corpus renders each term: counts per rendering and document (the "reduce" step)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from checker.matching.corpus import DocumentMatches, Occurrence
from checker.glossary import Rendering


@dataclass
class Usage:
    """The renderings of one term in one language across the checked documents."""

    term_id: str
    language: str
    #: rendering -> path -> count
    counts: dict[Rendering, Counter] = field(default_factory=dict)
    #: rendering -> path -> first occurrence there, for every rendering but the preferred
    #: one (the reference whenever it is used, so never a deviation to point at: keeping
    #: its first occurrence in every document made memory grow with the corpus)
    first: dict[Rendering, dict[str, Occurrence]] = field(default_factory=dict)

    def add(self, occ: Occurrence, count: int = 1) -> None:
        """Count `count` uses of occ's rendering in occ's document, occ being the first there."""
        self.counts.setdefault(occ.rendering, Counter())[occ.path] += count
        if occ.rendering.status != "preferred":
            self.first.setdefault(occ.rendering, {}).setdefault(occ.path, occ)

    @property
    def occurrences(self) -> int:
        return sum(self.total(r) for r in self.counts)

    def total(self, rendering: Rendering) -> int:
        return sum(self.counts[rendering].values())

    def renderings(self) -> list[Rendering]:
        """Used renderings, most frequent first, then in glossary order."""
        return sorted(self.counts, key=lambda r: (-self.total(r), r.order))

    @property
    def reference(self) -> Rendering:
        """The preferred rendering if the corpus uses it, else the most frequent one."""
        for r in self.counts:
            if r.status == "preferred":
                return r
        return self.renderings()[0]


class UsageTable:
    """Accumulates usage document by document; documents need not be kept."""

    def __init__(self) -> None:
        self._usages: dict[tuple[str, str], Usage] = {}

    def _usage(self, rendering: Rendering) -> Usage:
        key = (rendering.term_id, rendering.language)
        usage = self._usages.get(key)
        if usage is None:
            usage = self._usages[key] = Usage(*key)
        return usage

    def add(self, first: Occurrence, count: int = 1) -> None:
        """`count` uses of first's rendering in first's document, `first` the first of them."""
        self._usage(first.rendering).add(first, count)

    def add_occurrence(self, occ: Occurrence) -> None:
        self.add(occ)

    def add_document(self, doc: DocumentMatches) -> None:
        for rendering, count in doc.counts.items():
            self._usage(rendering).add(doc.first[rendering], count)

    def usages(self) -> list[Usage]:
        """Every term and language used, sorted by term id then language."""
        return [self._usages[k] for k in sorted(self._usages)]


def collect_usage(items: Iterable[DocumentMatches | Occurrence]) -> list[Usage]:
    """Usage of documents' matches (or of single occurrences), deterministic order."""
    table = UsageTable()
    for item in items:
        if isinstance(item, DocumentMatches):
            table.add_document(item)
        else:
            table.add_occurrence(item)
    return table.usages()
