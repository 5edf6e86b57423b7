"""The compare page of the HTML report: each pair of versions with its aligned sentences,
term occurrences highlighted (divergent renderings marked), and the table of terms across
the versions."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Sequence

from checker.findings import SEVERITIES, Finding
from checker.reporters.html.crosslingual import STATUS_NOTES, chain_rows, crosslingual_comparison
from checker.reporters.html.labels import file_name
from checker.reporters.html.spans import sentence_offset
from checker.reporters.html.views import ComparisonView, DocView, PairView, Piece, TermRowView, findings_view, fmt

MAX_PAIRS = 400  # aligned pairs shown per comparison
MAX_TERM_ROWS = 300  # rows of the compare page's term table


def highlight(sentence, marks: dict[tuple[str, int, int], str], path: str) -> list[Piece]:
    """Split a sentence into plain runs and its term occurrences (never marking up text: the
    template escapes each piece). An occurrence is placed by its line and column when they
    point at its text inside the sentence, else at the first unused match of its text."""
    text = sentence.text
    spans: list[tuple[int, int, Any]] = []
    used_until = 0
    for occ in sentence.occurrences:
        start = sentence_offset(text, sentence.line, sentence.column, occ.line, occ.column)
        if start is None or text[start : start + len(occ.text)] != occ.text or start < used_until:
            start = text.find(occ.text, used_until) if occ.text else -1
        if start < 0 or start < used_until:
            continue
        spans.append((start, start + len(occ.text), occ))
        used_until = start + len(occ.text)
    pieces: list[Piece] = []
    at = 0
    for start, end, occ in spans:
        if start > at:
            pieces.append(Piece(text[at:start]))
        r = occ.rendering
        note = marks.get((path, occ.line, occ.column))
        title = f"{r.term_id}: '{r.text}' ({r.status})" + (f" — divergent: {note}" if note else "")
        pieces.append(Piece(text[start:end], r.status, note is not None, title))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


def _passage(version, indices: Iterable[int], marks, path: str) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    for k, i in enumerate(indices):
        if k:
            pieces.append(Piece(" "))
        pieces.extend(highlight(version.sentences[i], marks, path))
    return tuple(pieces)


def _comparison(c, docs: dict[str, DocView], findings: Sequence[Finding]) -> ComparisonView:
    if c.crosslingual:
        return crosslingual_comparison(c, docs, MAX_PAIRS)
    marks: dict[tuple[str, int, int], str] = {}
    for f in findings:
        if f.rule == "divergent-rendering" and f.path == c.other.path:
            marks[(f.path, f.line, f.column)] = f.message
            for loc in f.related:
                if loc.path == c.reference.path:
                    marks.setdefault((loc.path, loc.line, loc.column), f.message)
    pairs = []
    for p in c.pairs[:MAX_PAIRS]:
        r, o = c.reference.sentences[p.reference[0]], c.other.sentences[p.other[0]]
        ref_pieces = _passage(c.reference, p.reference, marks, c.reference.path)
        other_pieces = _passage(c.other, p.other, marks, c.other.path)
        pairs.append(PairView(
            fmt(p.score), f"{r.line}:{r.column}", f"{o.line}:{o.column}", ref_pieces, other_pieces,
            any(x.divergent for x in ref_pieces + other_pieces),
        ))
    s = c.similarity
    return ComparisonView(
        reference=docs[c.reference.path], other=docs[c.other.path],
        chrf=fmt(s.chrf), bleu=fmt(s.bleu),
        aligned_reference=f"{100 * s.aligned_reference:.0f}%", aligned_other=f"{100 * s.aligned_other:.0f}%",
        chrf_signature=s.chrf_signature, bleu_signature=s.bleu_signature,
        pairs=tuple(pairs), pair_count=len(c.pairs),
        divergent=sum(1 for f in findings if f.rule == "divergent-rendering" and f.path == c.other.path),
    )


def compare_context(result) -> dict[str, Any]:
    """Everything the compare template shows, ready to print."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for f in result.findings:
        counts[f.path][f.severity] += 1
    docs = [
        DocView(i, v.path, file_name(v.path), "", v.language or "?", "", len(v.sentences),
                {s: counts[v.path][s] for s in SEVERITIES})
        for i, v in enumerate(result.versions, 1)
    ]
    by_path = {d.path: d for d in docs}
    crosslingual = any(c.crosslingual for c in result.comparisons)
    rows = []
    for t in result.terms[:MAX_TERM_ROWS]:
        # across languages renderings differ by design: a row says whether a document lacks the term
        agree = not t.absent if crosslingual else t.agree
        if t.agree:
            state = "same renderings"
        elif t.absent:
            state = "absent from " + ", ".join(f"[{by_path[p].number}]" for p in t.absent)
        else:
            state = "in every document" if crosslingual else "different renderings"
        rows.append(TermRowView(t.term_id, t.language, agree, state,
                                tuple(tuple(t.documents.get(d.path, {}).items()) for d in docs)))
    chains = chain_rows(result.chains, len(docs))
    extra = {} if not crosslingual else {
        "status_notes": STATUS_NOTES,
        "chains": chains,
        "more_chains": len(result.chains) - len(chains),
        "drifting": sum(1 for ch in result.chains if ch.drift is not None),
    }
    return {
        "crosslingual": crosslingual,
        # with --chain each document is compared with the one before it, not with [1]
        "chained": any(c.reference is not result.versions[0] for c in result.comparisons),
        **extra,
        "title": "termcheck comparison",
        "signature": result.signature,
        "summary": result.summary,
        "documents": docs,
        "comparisons": [_comparison(c, by_path, result.findings) for c in result.comparisons],
        "max_pairs": MAX_PAIRS,
        "terms": rows,
        "more_terms": max(0, len(result.terms) - len(rows)),
        "findings": findings_view(result.findings, {d.path: d.number for d in docs}),
    }
