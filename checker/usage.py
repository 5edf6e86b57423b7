"""How a corpus renders each term: counts per rendering and document (the "reduce" step)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from checker.corpus import Occurrence
from checker.glossary import Rendering


@dataclass
class Usage:
    """The renderings of one term in one language across the checked documents."""

    term_id: str
    language: str
    #: rendering -> path -> count
    counts: dict[Rendering, Counter] = field(default_factory=dict)
    #: rendering -> path -> first occurrence there
    first: dict[Rendering, dict[str, Occurrence]] = field(default_factory=dict)

    def add(self, occ: Occurrence) -> None:
        per_doc = self.counts.setdefault(occ.rendering, Counter())
        per_doc[occ.path] += 1
        firsts = self.first.setdefault(occ.rendering, {})
        if occ.path not in firsts:
            firsts[occ.path] = occ

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


def collect_usage(occurrences: Iterable[Occurrence]) -> list[Usage]:
    """Group occurrences by term and language, in a deterministic order."""
    usages: dict[tuple[str, str], Usage] = {}
    for occ in occurrences:
        key = (occ.rendering.term_id, occ.rendering.language)
        usage = usages.get(key)
        if usage is None:
            usage = usages[key] = Usage(*key)
        usage.add(occ)
    return [usages[k] for k in sorted(usages)]
