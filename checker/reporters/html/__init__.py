"""Self-contained HTML report (one file, no network): overview, heat map of term consistency by
document, renderings per term as stacked bars, findings with filters; and the compare page.

The reporter only formats a finished result: what it computes is presentation arithmetic
(bar widths, colour buckets, grouping, ranking and capping lists, short labels for paths).
Jinja2 is imported lazily, so `import checker` and the command line's start-up do not pay for it.

This module builds the check page's content and renders both pages. Its parts:
html_views.py (the records the templates print; the findings list), html_labels.py (short
labels for paths), html_compare.py (the compare page's content), html_page.py (the Jinja
environment and the inlined assets).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import groupby
from typing import Any, Sequence

from checker.findings import SEVERITIES
from checker.reporters.html.compare import compare_context
from checker.reporters.html.labels import distinguishing_labels, file_name
from checker.reporters.html.page import render_page
from checker.reporters.html.views import (
    Bar,
    DocView,
    HeatCell,
    HeatColumn,
    HeatRow,
    LanguageBand,
    RenderingRow,
    Segment,
    TermSection,
    findings_view,
    fmt,
)
from checker.result import CheckResult
from checker.wording import plural

# Names the tests reach through this module (they were defined here before the split): the
# findings cap, sentence highlighting, the templates and their Jinja environment.
from checker.reporters.html.compare import highlight  # noqa: F401
from checker.reporters.html.page import TEMPLATES  # noqa: F401
from checker.reporters.html.page import environment as _environment  # noqa: F401
from checker.reporters.html.views import MAX_FINDINGS_PER_RULE  # noqa: F401

#: caps that keep the report of a very large corpus to a few megabytes (those of the findings
#: and of the compare page live where they are applied: html_views.py, html_compare.py)
MAX_HEATMAP_TERMS = 150  # rows of the heat map (the most varied terms first)
MAX_HEATMAP_DOCUMENTS = 50  # columns of the heat map (the documents using the glossary most)
MAX_TERM_SECTIONS = 50  # terms with a detailed section
MAX_BARS_PER_TERM = 20  # documents with a bar in a term's section
MAX_LISTED_DOCUMENTS = 12  # documents named in a rendering's "per document" list
MAX_DOCUMENT_ROWS = 500  # rows of the documents table

STATUSES = ("preferred", "variant", "forbidden", "unlisted")
STATUS_LETTERS = {"preferred": "P", "variant": "V", "forbidden": "F", "unlisted": "U"}
#: colour buckets of the heat map: (class, lowest consistency, label), best first
BUCKETS = (("c4", 1.0, "1.00"), ("c3", 0.75, "0.75–0.99"), ("c2", 0.5, "0.50–0.74"),
           ("c1", 0.25, "0.25–0.49"), ("c0", 0.0, "below 0.25"))


# ---------------------------------------------------------------------------- check page


def _percent(part: float, whole: float) -> str:
    return f"{100.0 * part / whole:.2f}" if whole else "0"


def _bucket(share: float) -> str:
    for name, low, _ in BUCKETS:
        if share >= low:
            return name
    return BUCKETS[-1][0]


def _anchor(term: str, language: str) -> str:
    return f"term-{term}-{language}"


def _language_matches(document: str | None, term: str) -> bool:
    if not document:
        return False
    document, term = document.lower(), term.lower()
    return document == term or document.startswith(term + "-")


def _language_order(language: str) -> tuple[bool, str]:
    return (language == "?", language.lower())


def heatmap_columns(docs: Sequence[DocView], limit: int | None = None) -> list[DocView]:
    """The documents using glossary terms most (ties by path), at most `limit` (default:
    MAX_HEATMAP_DOCUMENTS), never one without a use; grouped by language (unknown last),
    then in path order."""
    limit = MAX_HEATMAP_DOCUMENTS if limit is None else limit
    ranked = sorted((d for d in docs if d.uses), key=lambda d: (-d.uses, d.path))[:limit]
    return sorted(ranked, key=lambda d: (_language_order(d.language), d.path))


def _documents(result: CheckResult) -> list[DocView]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for f in result.findings:
        counts[f.path][f.severity] += 1
    uses: Counter = Counter()
    for t in result.terms:
        for r in t.renderings:
            uses.update(r.documents)
    language = {d.path: d.language or "?" for d in result.documents}
    # labels tell apart the documents that may be shown in the heat map and the bars
    labels = distinguishing_labels([(d.path, language[d.path]) for d in result.documents if uses[d.path]])
    return [
        DocView(i, d.path, file_name(d.path), d.format, language[d.path], d.language_source, d.segments,
                {s: counts[d.path][s] for s in SEVERITIES}, labels.get(d.path, file_name(d.path)), uses[d.path])
        for i, d in enumerate(result.documents, 1)
    ]


def _unlisted(result: CheckResult, docs: Sequence[DocView]) -> dict[tuple[str, str], dict[str, int]]:
    """(term id, language) -> path -> unlisted-rendering findings, assigned to the term's row."""
    by_term: dict[str, list] = defaultdict(list)
    for t in result.terms:
        by_term[t.term_id].append(t)
    language = {d.path: d.language for d in docs}
    out: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in result.findings:
        if f.rule != "unlisted-rendering" or not f.term or f.term not in by_term:
            continue
        rows = by_term[f.term]
        row = rows[0] if len(rows) == 1 else next(
            (t for t in rows if _language_matches(language.get(f.path), t.language)), None)
        if row is not None:
            out[(row.term_id, row.language)][f.path] += 1
    return out


def _term_section(t, docs: Sequence[DocView], unlisted: dict[str, int], entry=None) -> TermSection:
    letters = {}
    rows = []
    for i, r in enumerate(t.renderings, 1):
        letters[r.text] = f"{STATUS_LETTERS.get(r.status, '?')}{i}"
        used = [f"[{d.number}] {r.documents[d.path]}" for d in docs if d.path in r.documents]
        per_doc = ", ".join(used[:MAX_LISTED_DOCUMENTS])
        if len(used) > MAX_LISTED_DOCUMENTS:
            per_doc += f", and {plural(len(used) - MAX_LISTED_DOCUMENTS, 'more document')}"
        rows.append(RenderingRow(letters[r.text], r.text, r.status, r.count, r.text == t.reference, per_doc))
    # the rest of the glossary entry: renderings the corpus never uses
    for text, status in (entry.renderings if entry else ()):
        if text not in letters:
            rows.append(RenderingRow("\u2013", text, status, 0, False, "not used"))
    bars = []
    for d in sorted(docs, key=lambda d: (_language_order(d.language), d.path)):  # as in the heat map
        parts = [(r, r.documents.get(d.path, 0)) for r in t.renderings]
        parts = [(r, n) for r, n in parts if n]
        extra = unlisted.get(d.path, 0)
        total = sum(n for _, n in parts) + extra
        if not total:
            continue
        segments = [
            Segment(r.status, letters[r.text], r.text, n, _percent(n, total),
                    f"{r.text} ({r.status}{', reference' if r.text == t.reference else ''}): {n} of {total}")
            for r, n in parts
        ]
        if extra:
            segments.append(Segment("unlisted", "U", "unlisted", extra, _percent(extra, total),
                                    f"unlisted renderings (--discover): {extra} of {total}"))
        bars.append(Bar(d, total, tuple(segments)))
    if len(bars) > MAX_BARS_PER_TERM:  # the documents using the term most, in the same order
        kept = {id(b) for b in sorted(bars, key=lambda b: (-b.total, b.doc.path))[:MAX_BARS_PER_TERM]}
        shown = [b for b in bars if id(b) in kept]
    else:
        shown = bars
    return TermSection(
        anchor=_anchor(t.term_id, t.language), term=t.term_id, language=t.language, occurrences=t.occurrences,
        consistency=fmt(t.consistency), variation=fmt(t.variation), reference=t.reference,
        renderings=tuple(rows), bars=tuple(shown), more_bars=len(bars) - len(shown),
        unlisted=sum(unlisted.values()),
    )


def _heat_row(t, columns: Sequence[DocView], detailed: bool) -> HeatRow:
    cells = []
    for d in columns:
        total = sum(r.documents.get(d.path, 0) for r in t.renderings)
        if not total:
            # a term of another language: blank, not "unused" (which is worth a look)
            other = d.language != "?" and not _language_matches(d.language, t.language)
            cells.append(HeatCell("", "", "", other_language=other))
            continue
        ref = sum(r.documents.get(d.path, 0) for r in t.renderings if r.text == t.reference)
        forbidden = sum(r.documents.get(d.path, 0) for r in t.renderings if r.status == "forbidden")
        share = ref / total
        title = f"{t.term_id} in [{d.number}]: {ref} of {total} use the reference"
        if forbidden:
            title += f"; {forbidden} forbidden"
        cells.append(HeatCell(_bucket(share), fmt(share), title, forbidden))
    return HeatRow(_anchor(t.term_id, t.language), t.term_id, t.language, t.occurrences, fmt(t.consistency),
                   fmt(t.variation), _bucket(t.consistency), tuple(cells), detailed)


def check_context(result: CheckResult) -> dict[str, Any]:
    """Everything the check template shows, ready to print."""
    docs = _documents(result)
    numbers = {d.path: d.number for d in docs}
    terms = sorted(result.terms, key=lambda t: (-t.variation, t.term_id, t.language))
    occurrences = sum(t.occurrences for t in terms)
    corpus_consistency = (
        sum(t.consistency * t.occurrences for t in terms) / occurrences if occurrences else None
    )
    unlisted = _unlisted(result, docs)
    entries = {(e.term_id, e.language): e for e in result.entries}
    sections = [_term_section(t, docs, unlisted.get((t.term_id, t.language), {}), entries.get((t.term_id, t.language)))
                for t in terms[:MAX_TERM_SECTIONS]]
    detailed = {s.anchor for s in sections}
    columns = heatmap_columns(docs)
    per_language = Counter(d.language for d in docs)
    bands = [LanguageBand(language, sum(1 for _ in group), per_language[language])
             for language, group in groupby(columns, key=lambda d: d.language)]
    starts, at = set(), 0
    for band in bands:
        starts.add(at)
        at += band.span
    heat = [_heat_row(t, columns, _anchor(t.term_id, t.language) in detailed) for t in terms[:MAX_HEATMAP_TERMS]]
    absent: dict[str, list[str]] = defaultdict(list)
    for language, term in result.absent:
        absent[language].append(term)
    return {
        "title": "termcheck report",
        "signature": result.signature,
        "summary": result.summary,
        "documents": docs[:MAX_DOCUMENT_ROWS],
        "document_count": len(docs),
        "more_documents": max(0, len(docs) - MAX_DOCUMENT_ROWS),
        "term_count": len(terms),
        "occurrences": occurrences,
        "corpus_consistency": None if corpus_consistency is None else fmt(corpus_consistency),
        "corpus_bucket": None if corpus_consistency is None else _bucket(corpus_consistency),
        "columns": [HeatColumn(d, i in starts) for i, d in enumerate(columns)],
        "bands": bands,
        "unused_documents": sum(1 for d in docs if not d.uses),
        "fewer_uses": sum(1 for d in docs if d.uses) - len(columns),
        "heat": heat,
        "more_heat": max(0, len(terms) - len(heat)),
        "buckets": BUCKETS,
        "absent": sorted(absent.items()),
        "sections": sections,
        "more_sections": max(0, len(terms) - len(sections)),
        "statuses": STATUSES,
        "letters": STATUS_LETTERS,
        "findings": findings_view(result.findings, numbers),
    }


# ---------------------------------------------------------------------------- rendering


def render(result: CheckResult, color: bool = False) -> str:
    """The check report as one self-contained HTML page (`color` is ignored)."""
    return render_page("report.html.j2", check_context(result))


def render_compare(result, color: bool = False) -> str:
    """The compare report as one self-contained HTML page (`color` is ignored); across
    languages with the styles and the pair filter of crosslingual.css and .js."""
    context = compare_context(result)
    return render_page("compare.html.j2", context, ("crosslingual",) if context["crosslingual"] else ())
