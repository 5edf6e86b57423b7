"""What `termcheck compare` produces: versions of one source as sentences with their
terms, aligned pairs, similarity, per-term rows, the result (data only)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.findings import Finding, count_by_severity, fails
from checker.matching.corpus import Occurrence


@dataclass(frozen=True)
class Sentence:
    """A sentence of a version, where it starts, and the glossary terms it contains."""

    index: int
    text: str
    line: int
    column: int
    occurrences: tuple[Occurrence, ...]
    #: index of the segment (paragraph, unit) the sentence is part of
    segment: int = 0
    #: offset of the sentence in its segment's text
    start: int = 0


@dataclass(frozen=True)
class Version:
    """One document of a comparison, split into sentences."""

    path: str
    language: str | None
    sentences: tuple[Sentence, ...]
    #: the document's segments, which map an offset in a sentence to its place in the file
    segments: tuple = field(default=(), compare=False, repr=False)

    def place(self, sentence: int, offset: int) -> tuple[int, int]:
        """Line and column in the file of character `offset` of sentence `sentence`."""
        s = self.sentences[sentence]
        if not self.segments:
            return s.line, s.column
        return self.segments[s.segment].position(s.start + offset)

    def term_counts(self) -> dict[str, Counter]:
        """term id -> rendering text -> count."""
        out: dict[str, Counter] = {}
        for s in self.sentences:
            for o in s.occurrences:
                out.setdefault(o.term_id, Counter())[o.rendering.text] += 1
        return out

    def first_occurrence(self, term_id: str) -> Occurrence | None:
        for s in self.sentences:
            for o in s.occurrences:
                if o.term_id == term_id:
                    return o
        return None


@dataclass(frozen=True)
class AlignedPair:
    reference: tuple[int, ...]  # sentence indices in the reference
    other: tuple[int, ...]  # sentence indices in the compared version
    score: float  # sentence chrF of the pair


@dataclass(frozen=True)
class Similarity:
    """Document-level similarity to the reference, over the aligned pairs (sacrebleu);
    chrF and BLEU are None across languages, where they measure nothing."""

    chrf: float | None
    bleu: float | None
    aligned_reference: float  # share of reference sentences aligned
    aligned_other: float  # share of the version's sentences aligned
    chrf_signature: str
    bleu_signature: str


#: what an aligned translation has for a term of its source (see Trace)
STATUSES = ("preferred", "variant", "forbidden", "other", "absent")


@dataclass(frozen=True)
class Trace:
    """A term of a source sentence and what its aligned translation has for it: a listed
    rendering (`preferred`, `variant`, `forbidden`: `found` is that occurrence), an
    unlisted span resembling one (`other`: `text` is the span), or nothing (`absent`)."""

    pair: int  # index into Comparison.pairs
    source: Occurrence
    status: str
    found: Occurrence | None = None
    text: str = ""
    #: `absent`: where the translation's pair starts; `other`: where the unlisted span is
    place: tuple[str, int, int] = ("", 0, 0)


@dataclass(frozen=True)
class Comparison:
    reference: Version
    other: Version
    pairs: tuple[AlignedPair, ...]  # aligned pairs only, in order
    similarity: Similarity
    #: across languages: the reference is a source, `other` its translation
    crosslingual: bool = False
    traces: tuple[Trace, ...] = ()
    #: the features each pair's sides share (across languages: terms, numbers, tokens)
    features: tuple[tuple[str, ...], ...] = ()

    def terms_differ(self, pair: AlignedPair) -> bool:
        """True unless both sides of `pair` hold the same terms in the same renderings: the
        pairs worth showing (those the compare rules may report on)."""
        return _forms(self.reference, pair.reference) != _forms(self.other, pair.other)


def _forms(version: Version, indices: tuple[int, ...]) -> dict[str, set[str]]:
    """term id -> the renderings (glossary texts) the sentences at `indices` use."""
    out: dict[str, set[str]] = {}
    for i in indices:
        for o in version.sentences[i].occurrences:
            out.setdefault(o.term_id, set()).add(o.rendering.text)
    return out


@dataclass(frozen=True)
class TermRow:
    """A term's renderings side by side: per version, rendering text -> count."""

    term_id: str
    language: str
    paths: tuple[str, ...]  # the versions' paths in order; one file given twice is there twice
    counts: tuple[dict[str, int], ...]  # per version, in the same order

    @property
    def documents(self) -> dict[str, dict[str, int]]:
        """path -> rendering text -> count (a path given twice appears once)."""
        return dict(zip(self.paths, self.counts))

    @property
    def absent(self) -> list[str]:
        """Paths of the documents that do not use the term."""
        return [p for p, c in self.documents.items() if not c]

    @property
    def absent_from(self) -> list[int]:
        """Numbers (1 for the reference) of the versions that do not use the term."""
        return [i for i, c in enumerate(self.counts, 1) if not c]

    @property
    def agree(self) -> bool:
        """Every version uses the term, and in the same renderings."""
        used = [frozenset(c) for c in self.counts]
        return all(used) and len(set(used)) == 1


@dataclass(frozen=True)
class ChainStep:
    """One document of a chain: the term's status there, and the text it has."""

    path: str
    status: str
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Chain:
    """A source occurrence of a term followed through SOURCE -> A -> B: each step's status."""

    term_id: str
    steps: tuple[ChainStep, ...]

    @property
    def drift(self) -> int | None:
        """Index of the first step whose rendering is no longer the preferred one, or None."""
        return next((k for k, step in enumerate(self.steps) if k and step.status != "preferred"), None)


@dataclass(frozen=True)
class CompareResult:
    versions: tuple[Version, ...]
    comparisons: tuple[Comparison, ...]
    terms: tuple[TermRow, ...]
    findings: tuple[Finding, ...]
    signature: str
    #: with --chain: each source occurrence followed through the documents in order
    chains: tuple[Chain, ...] = ()

    @property
    def summary(self) -> dict[str, int]:
        return count_by_severity(self.findings)

    def fails(self, fail_on: str) -> bool:
        return fails(self.findings, fail_on)


class CompareError(Exception):
    """The documents cannot be compared (unreadable, or not in one language)."""
