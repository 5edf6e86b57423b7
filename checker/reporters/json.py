"""JSON report (schema version 1, documented in docs/json-report.md); byte-identical for identical input."""

from __future__ import annotations

from checker.reporters.output import dumps
from checker.result import CheckResult


def as_dict(result: CheckResult) -> dict:
    return {
        "version": 1,
        "signature": result.signature,
        "documents": [
            {
                "path": d.path,
                "format": d.format,
                "language": d.language,
                "language_source": d.language_source,
                "segments": d.segments,
                "language_verifiable": d.language_verifiable,
            }
            for d in result.documents
        ],
        "terms": [
            {
                "id": t.term_id,
                "language": t.language,
                "occurrences": t.occurrences,
                "reference": t.reference,
                "renderings": [
                    {"text": r.text, "status": r.status, "count": r.count, "documents": r.documents}
                    for r in t.renderings
                ],
                "consistency": t.consistency,
                "variation": t.variation,
            }
            for t in result.terms
        ],
        "absent": [{"id": term_id, "language": lang} for lang, term_id in result.absent],
        "findings": [_finding(f) for f in result.findings],
        "summary": result.summary,
    }


def _finding(f) -> dict:
    out = {
        "rule": f.rule,
        "severity": f.severity,
        "term": f.term,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "text": f.text,
        "message": f.message,
    }
    if f.end is not None:
        out["end_line"], out["end_column"] = f.end
    if f.context != ("", ""):
        out["context"] = list(f.context)
    if f.related:
        out["related"] = [{"path": r.path, "line": r.line, "column": r.column} for r in f.related]
    return out


def render(result: CheckResult, color: bool = False) -> str:
    return dumps(as_dict(result))


def compare_as_dict(result) -> dict:
    """The JSON of a CompareResult (documented in docs/json-report.md next to `check`'s)."""
    ref = result.versions[0]
    return {
        "version": 1,
        "signature": result.signature,
        "reference": ref.path,
        "documents": [
            {"path": v.path, "language": v.language, "sentences": len(v.sentences)} for v in result.versions
        ],
        "comparisons": [
            {
                "document": c.other.path,
                **({"reference": c.reference.path, "crosslingual": True} if c.crosslingual else {}),
                "similarity": {
                    "chrf": c.similarity.chrf,
                    "bleu": c.similarity.bleu,
                    "aligned_reference": c.similarity.aligned_reference,
                    "aligned_document": c.similarity.aligned_other,
                    "chrf_signature": c.similarity.chrf_signature,
                    "bleu_signature": c.similarity.bleu_signature,
                },
                "pairs": [
                    {
                        "reference": [_sentence(c.reference, i) for i in p.reference],
                        "document": [_sentence(c.other, j) for j in p.other],
                        "score": p.score,
                        **({"shared": list(c.features[k])} if c.crosslingual else {}),
                    }
                    for k, p in enumerate(c.pairs)
                ],
                **({"terms": [_trace(t) for t in c.traces]} if c.crosslingual else {}),
            }
            for c in result.comparisons
        ],
        **({"chains": [
            {"term": ch.term_id, "drift": ch.drift,
             "steps": [{"path": st.path, "line": st.line, "column": st.column, "status": st.status, "text": st.text}
                       for st in ch.steps]}
            for ch in result.chains
        ]} if result.chains else {}),
        "terms": [
            {"id": t.term_id, "language": t.language, "agree": t.agree, "documents": t.documents}
            for t in result.terms
        ],
        "findings": [_finding(f) for f in result.findings],
        "summary": result.summary,
    }


def _trace(t) -> dict:  # noqa: ANN001 - a comparison.model.Trace
    """A source term in an aligned pair and what the translation has for it."""
    src = t.source
    out = {"pair": t.pair, "term": src.term_id,
           "source": {"path": src.path, "line": src.line, "column": src.column, "text": src.text},
           "status": t.status}
    if t.found is not None:
        out["found"] = {"path": t.found.path, "line": t.found.line, "column": t.found.column, "text": t.found.text}
    elif t.text:
        out["found"] = {"path": t.place[0], "line": t.place[1], "column": t.place[2], "text": t.text}
    return out


def _sentence(version, index: int) -> dict:
    s = version.sentences[index]
    return {"index": s.index, "line": s.line, "column": s.column, "text": s.text}


def render_compare(result, color: bool = False) -> str:
    return dumps(compare_as_dict(result))
