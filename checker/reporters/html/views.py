"""The HTML report's view models: frozen records of what the templates print, every number
already formatted; and the findings list that the check and compare pages share.

Built by the check page (html.py) and the compare page (html_compare.py) from a finished
result; nothing here reads files or computes beyond grouping and capping for display.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from checker.findings import SEVERITIES, Finding

MAX_FINDINGS_PER_RULE = 200  # findings shown per rule (the rest: "and N more")


@dataclass(frozen=True)
class DocView:
    number: int
    path: str
    name: str
    format: str = ""
    language: str = "?"
    language_source: str = ""
    size: int = 0  # segments (check) or sentences (compare)
    counts: dict[str, int] = field(default_factory=dict)  # severity -> findings
    label: str = ""  # the part of the path that tells it apart from the other documents shown
    uses: int = 0  # occurrences of glossary terms (any term, any rendering)


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    doc: int | None  # number of its document, if it is one of the result's


@dataclass(frozen=True)
class MoreView:
    rule: str
    severity: str
    count: int


@dataclass(frozen=True)
class FindingGroup:
    path: str
    doc: int | None
    findings: tuple[FindingView, ...]
    more: tuple[MoreView, ...]


@dataclass(frozen=True)
class FindingsView:
    groups: tuple[FindingGroup, ...]
    total: int
    shown: int
    rules: tuple[tuple[str, int], ...]  # rule id, findings (all, not only shown)
    severities: tuple[tuple[str, int], ...]
    limit: int


@dataclass(frozen=True)
class HeatColumn:
    doc: DocView
    first: bool  # the first column of its language


@dataclass(frozen=True)
class LanguageBand:
    language: str  # "?" for documents of unknown language
    span: int  # columns
    documents: int  # documents of the language, shown or not


@dataclass(frozen=True)
class HeatCell:
    bucket: str  # colour class, "" when the term is absent from the document
    share: str  # "0.71"
    title: str
    forbidden: int = 0  # occurrences of forbidden renderings
    other_language: bool = False  # the term has no rendering in the document's language


@dataclass(frozen=True)
class HeatRow:
    anchor: str
    term: str
    language: str
    occurrences: int
    consistency: str
    variation: str
    bucket: str
    cells: tuple[HeatCell, ...]
    detailed: bool  # has a section below


@dataclass(frozen=True)
class Segment:
    status: str
    letter: str
    text: str
    count: int
    width: str  # percentage of the bar, "71.43"
    title: str


@dataclass(frozen=True)
class Bar:
    doc: DocView
    total: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class RenderingRow:
    letter: str
    text: str
    status: str
    count: int
    reference: bool
    documents: str  # "[1] 5, [3] 2"


@dataclass(frozen=True)
class TermSection:
    anchor: str
    term: str
    language: str
    occurrences: int
    consistency: str
    variation: str
    reference: str
    renderings: tuple[RenderingRow, ...]
    bars: tuple[Bar, ...]
    more_bars: int
    unlisted: int


@dataclass(frozen=True)
class Piece:
    """A run of a sentence: plain text, or a term's rendering (`kind` set) to highlight."""

    text: str
    kind: str = ""  # "", "preferred", "variant", "forbidden"; across languages also "other", "absent"
    divergent: bool = False
    title: str = ""


@dataclass(frozen=True)
class PairView:
    score: str
    reference_at: str
    other_at: str
    reference: tuple[Piece, ...]
    other: tuple[Piece, ...]
    divergent: bool


@dataclass(frozen=True)
class TraceView:
    """A source term of an aligned pair and what the translation has for it."""

    term: str
    status: str  # preferred, variant, forbidden, other, absent
    source: str  # the source's words
    found: str  # the translation's words ("" when absent)
    source_at: str  # "16:168"
    found_at: str  # where `found` is (an unlisted span for other); for absent, where the passage starts


@dataclass(frozen=True)
class CrossPairView:
    """An aligned pair of a source and its translation, each traced term highlighted on both sides."""

    number: int  # 1 for the first aligned pair
    score: str
    shared: str  # what both sides share and the aligner went by: "term:package, number:2"
    reference_at: str
    other_at: str
    reference: tuple[Piece, ...]
    other: tuple[Piece, ...]
    traces: tuple[TraceView, ...]
    statuses: str  # its traces' statuses, space-separated, with "not-preferred" if one is not preferred


@dataclass(frozen=True)
class ChainCell:
    """A document's column of a chain row: the term's status and text there."""

    status: str  # "" where the chain stops before this document
    text: str
    at: str  # "line:column"
    drift: bool  # the first document whose rendering is no longer the preferred one


@dataclass(frozen=True)
class ChainRowView:
    term: str
    cells: tuple[ChainCell, ...]  # one per document, in order
    drifts: bool


@dataclass(frozen=True)
class ComparisonView:
    reference: DocView
    other: DocView
    chrf: str
    bleu: str
    aligned_reference: str
    aligned_other: str
    chrf_signature: str
    bleu_signature: str
    pairs: tuple[PairView | CrossPairView, ...]
    pair_count: int
    divergent: int  # divergent renderings; across languages: traced terms not rendered as preferred
    #: across languages (the reference is the source, `other` its translation)
    crosslingual: bool = False
    languages: str = ""  # "en -> de"
    statuses: tuple[tuple[str, int], ...] = ()  # status -> traced terms, in STATUSES order
    flagged: int = 0  # aligned pairs with a term not rendered as preferred (all, not only shown)


@dataclass(frozen=True)
class TermRowView:
    term: str
    language: str
    agree: bool
    state: str
    cells: tuple[tuple[tuple[str, int], ...], ...]  # per document: (rendering, count)...


def fmt(value: float, digits: int = 2) -> str:
    """`value` with `digits` decimals, as every score in the report is shown ("0.71")."""
    return f"{value:.{digits}f}"


def findings_view(findings: Sequence[Finding], numbers: dict[str, int], limit: int = MAX_FINDINGS_PER_RULE) -> FindingsView:
    """Group findings by document (in their sorted order), at most `limit` per rule overall."""
    seen: Counter = Counter()
    groups: dict[str, tuple[list[FindingView], Counter]] = {}
    for f in findings:
        shown, more = groups.setdefault(f.path, ([], Counter()))
        if seen[f.rule] < limit:
            shown.append(FindingView(f, numbers.get(f.path)))
        else:
            more[(f.rule, f.severity)] += 1
        seen[f.rule] += 1
    severity = Counter(f.severity for f in findings)
    return FindingsView(
        groups=tuple(
            FindingGroup(path, numbers.get(path), tuple(shown),
                         tuple(MoreView(r, s, n) for (r, s), n in sorted(more.items())))
            for path, (shown, more) in groups.items()
        ),
        total=len(findings),
        shown=sum(len(g[0]) for g in groups.values()),
        rules=tuple(sorted(seen.items())),
        severities=tuple((s, severity[s]) for s in SEVERITIES),
        limit=limit,
    )
