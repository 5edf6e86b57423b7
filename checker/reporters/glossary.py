"""Text and JSON for the `termcheck glossary` commands (stats, suggest)."""

from __future__ import annotations

from checker.glossary.stats import GlossaryStats
from checker.reporters.output import dumps, escape_surrogates
from checker.wording import plural


def stats_json(stats: GlossaryStats) -> str:
    data = {
        "version": 1,
        "glossary": stats.glossary,
        "documents": stats.documents,
        "languages": [
            {"language": c.language, "terms": c.terms_total, "with_rendering": c.with_rendering,
             "completeness": c.completeness, "seen": c.seen}
            for c in stats.languages
        ],
        "terms": [
            {"id": t.term_id, "language": t.language, "occurrences": t.occurrences,
             "renderings": [{"text": r.text, "status": r.status, "count": r.count, "documents": r.documents}
                            for r in t.renderings]}
            for t in stats.terms
        ],
        "never_seen": [{"id": i, "language": lang} for i, lang in stats.never_seen],
    }
    return dumps(data)


def stats_text(stats: GlossaryStats) -> str:
    out = [f"Glossary {stats.glossary}: coverage by language ({plural(stats.documents, 'document')} checked)"]
    for c in stats.languages:
        out.append(f"  {c.language:<6} {c.with_rendering:>4} of {plural(c.terms_total, 'term')} have a rendering "
                   f"({c.completeness:.0%}); {c.seen} seen in the corpus")
    out.append("")
    out.append("Occurrences by rendering")
    for t in stats.terms:
        out.append(f"  {t.term_id} ({t.language}): {t.occurrences}")
        for r in t.renderings:
            out.append(f"    {r.count:>5}  {r.text}  [{r.status}]")
    if stats.never_seen:
        out.append("")
        out.append("Never seen: " + ", ".join(f"{i} ({lang})" for i, lang in stats.never_seen))
    return escape_surrogates("\n".join(out) + "\n")


def suggestions_json(suggestions) -> str:
    data = {
        "version": 1,
        "suggestions": [
            {"term": s.term_id, "language": s.language, "text": s.text, "closest": s.closest, "score": s.score,
             "count": s.count, "documents": dict(sorted(s.documents.items())), "contexts": s.contexts}
            for s in suggestions
        ],
    }
    return dumps(data)


def suggestions_text(suggestions) -> str:
    out = []
    term = None
    for s in suggestions:
        if (s.term_id, s.language) != term:
            term = (s.term_id, s.language)
            out.append(f"{s.term_id} ({s.language})")
        docs = len(s.documents)
        out.append(f"  {s.count:>4}x in {docs} document{'s' if docs != 1 else ''}  chrF {s.score:5.1f}  "
                   f"'{s.text}'  (closest: '{s.closest}')")
        for c in s.contexts:
            out.append(f"         {c}")
    if not suggestions:
        out.append("No unlisted renderings found.")
    return escape_surrogates("\n".join(out) + "\n")
