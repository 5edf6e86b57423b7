"""JSON report (schema version 1, documented in the README); byte-identical for identical input."""

from __future__ import annotations

import json

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
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "term": f.term,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "text": f.text,
                "message": f.message,
            }
            for f in result.findings
        ],
        "summary": result.summary,
    }


def render(result: CheckResult, color: bool = False) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
