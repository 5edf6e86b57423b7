"""The compare page across languages: a source and its translation aligned side by side,
each traced term highlighted on both sides with what the translation has for it
(preferred, variant, forbidden, other, absent), and, with --chain, each source occurrence
followed through the documents.

Everything shown comes from the comparison's traces and chains; this module only picks
which rows to show under the caps (those with a problem first) and where to put the marks.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from checker.comparison.model import STATUSES
from checker.reporters.html.spans import cut, occurrence_start, words_span
from checker.reporters.html.views import (
    ChainCell,
    ChainRowView,
    ComparisonView,
    CrossPairView,
    DocView,
    Piece,
    TraceView,
    fmt,
)

MAX_CHAIN_ROWS = 400  # rows of the "Terms through the chain" table

#: what each status means, for the legend
STATUS_NOTES = {
    "preferred": "the preferred rendering",
    "variant": "an accepted variant",
    "forbidden": "a forbidden rendering",
    "other": "unlisted words resembling a rendering",
    "absent": "no rendering in the aligned translation",
}


def shown_rows(flagged: Sequence[bool], limit: int) -> list[int]:
    """Indices of the rows to show, at most `limit`: the flagged ones first, then the
    others, in their order."""
    first = [k for k, f in enumerate(flagged) if f][:limit]
    rest = [k for k, f in enumerate(flagged) if not f][: limit - len(first)]
    return sorted(first + rest)


def crosslingual_comparison(c, docs: dict[str, DocView], limit: int) -> ComparisonView:  # noqa: ANN001
    """The view of a translation aligned with its source (a Comparison with crosslingual set)."""
    by_pair: dict[int, list] = {}
    for t in c.traces:
        by_pair.setdefault(t.pair, []).append(t)
    flagged = [any(t.status != "preferred" for t in by_pair.get(k, ())) for k in range(len(c.pairs))]
    counts = Counter(t.status for t in c.traces)
    s = c.similarity
    return ComparisonView(
        reference=docs[c.reference.path], other=docs[c.other.path], chrf="—", bleu="—",
        aligned_reference=f"{100 * s.aligned_reference:.0f}%", aligned_other=f"{100 * s.aligned_other:.0f}%",
        chrf_signature="", bleu_signature="",
        pairs=tuple(_pair(c, k, by_pair.get(k, [])) for k in shown_rows(flagged, limit)),
        pair_count=len(c.pairs),
        divergent=sum(n for status, n in counts.items() if status != "preferred"),
        crosslingual=True, languages=f"{c.reference.language} -> {c.other.language}",
        statuses=tuple((status, counts[status]) for status in STATUSES), flagged=sum(flagged),
    )


def _pair(c, k: int, traces: list) -> CrossPairView:  # noqa: ANN001
    pair = c.pairs[k]
    status_of = {t.source.term_id: t.status for t in traces}
    reference = _side(c.reference, pair.reference, lambda occ: status_of.get(occ.term_id, ""),
                      lambda occ: _trace_title(next(t for t in traces if t.source.term_id == occ.term_id)))
    others = [t for t in traces if t.status == "other" and t.text]
    other = _side(c.other, pair.other, lambda occ: occ.rendering.status,
                  lambda occ: f"{occ.term_id}: '{occ.rendering.text}' ({occ.rendering.status})", others)
    r, o = c.reference.sentences[pair.reference[0]], c.other.sentences[pair.other[0]]
    statuses = sorted({t.status for t in traces}, key=STATUSES.index)
    if any(x != "preferred" for x in statuses):
        statuses.append("not-preferred")
    return CrossPairView(
        number=k + 1, score=fmt(pair.score), shared=", ".join(c.features[k]) if k < len(c.features) else "",
        reference_at=f"{r.line}:{r.column}", other_at=f"{o.line}:{o.column}",
        reference=reference, other=other, traces=tuple(_trace(t) for t in traces), statuses=" ".join(statuses),
    )


def _side(version, indices: Sequence[int], kind_of, title_of, others: Sequence = ()) -> tuple[Piece, ...]:  # noqa: ANN001
    """The sentences at `indices`, each occurrence with a kind marked (an `other` trace's
    words marked where the sentence holds them)."""
    pieces: list[Piece] = []
    placed: set[str] = set()
    for n, i in enumerate(indices):
        sentence = version.sentences[i]
        spans = []
        for occ in sentence.occurrences:
            kind = kind_of(occ)
            start = occurrence_start(sentence, occ.line, occ.column, occ.text) if kind else None
            if start is not None:
                spans.append((start, start + len(occ.text), kind, title_of(occ)))
        for t in others:
            span = None if t.source.term_id in placed else words_span(sentence.text, t.text)
            if span:
                placed.add(t.source.term_id)
                spans.append((*span, "other", f"{t.source.term_id}: '{t.text}' resembles a rendering but is not listed"))
        if n:
            pieces.append(Piece(" "))
        pieces.extend(cut(sentence.text, spans))
    return tuple(pieces)


def _trace_title(t) -> str:  # noqa: ANN001
    found = f" '{t.text}'" if t.text else ""
    return f"{t.source.term_id}: '{t.source.text}' -> {t.status}{found}"


def _trace(t) -> TraceView:  # noqa: ANN001
    if t.found is not None:
        found_at = f"{t.found.line}:{t.found.column}"
    else:
        found_at = f"{t.place[1]}:{t.place[2]}"
    return TraceView(t.source.term_id, t.status, t.source.text, t.text,
                     f"{t.source.line}:{t.source.column}", found_at)


def chain_rows(chains: Sequence, documents: int, limit: int = MAX_CHAIN_ROWS) -> list[ChainRowView]:
    """One row per source occurrence (those that drift first under the cap), one cell per
    document: step k of a chain is in document k + 1 (SOURCE -> A -> B)."""
    rows = []
    for k in shown_rows([ch.drift is not None for ch in chains], limit):
        ch = chains[k]
        cells = [ChainCell(st.status, st.text, f"{st.line}:{st.column}", ch.drift == n)
                 for n, st in enumerate(ch.steps[:documents])]
        cells += [ChainCell("", "", "", False)] * (documents - len(cells))
        rows.append(ChainRowView(ch.term_id, tuple(cells), ch.drift is not None))
    return rows
