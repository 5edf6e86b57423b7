"""Self-contained HTML report (one file, no network): overview, heat map of term consistency by
document, renderings per term as stacked bars, findings with filters; and the compare page.

The reporter only formats a finished result: what it computes is presentation arithmetic
(bar widths, colour buckets, grouping, ranking and capping lists, short labels for paths).
Jinja2 is imported lazily, so `import checker` and the command line's start-up do not pay for it.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from pathlib import Path, PurePath
from typing import Any, Iterable, Sequence

from checker.findings import SEVERITIES, Finding
from checker.language import normalise_tag, same_language
from checker.reporters.output import escape_surrogates
from checker.result import CheckResult
from checker.wording import plural

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

#: caps that keep the report of a very large corpus to a few megabytes
MAX_FINDINGS_PER_RULE = 200  # findings shown per rule (the rest: "and N more")
MAX_HEATMAP_TERMS = 150  # rows of the heat map (the most varied terms first)
MAX_HEATMAP_DOCUMENTS = 50  # columns of the heat map (the documents using the glossary most)
MAX_TERM_SECTIONS = 50  # terms with a detailed section
MAX_BARS_PER_TERM = 20  # documents with a bar in a term's section
MAX_LISTED_DOCUMENTS = 12  # documents named in a rendering's "per document" list
MAX_DOCUMENT_ROWS = 500  # rows of the documents table
MAX_PAIRS = 400  # aligned pairs shown per comparison
MAX_TERM_ROWS = 300  # rows of the compare page's term table

STATUSES = ("preferred", "variant", "forbidden", "unlisted")
STATUS_LETTERS = {"preferred": "P", "variant": "V", "forbidden": "F", "unlisted": "U"}
SEVERITY_LETTERS = {"error": "E", "warning": "W", "info": "I"}
#: colour buckets of the heat map: (class, lowest consistency, label), best first
BUCKETS = (("c4", 1.0, "1.00"), ("c3", 0.75, "0.75–0.99"), ("c2", 0.5, "0.50–0.74"),
           ("c1", 0.25, "0.25–0.49"), ("c0", 0.0, "below 0.25"))


# ---------------------------------------------------------------------------- view models


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
    kind: str = ""  # "", "preferred", "variant", "forbidden"
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
class ComparisonView:
    reference: DocView
    other: DocView
    chrf: str
    bleu: str
    aligned_reference: str
    aligned_other: str
    chrf_signature: str
    bleu_signature: str
    pairs: tuple[PairView, ...]
    pair_count: int
    divergent: int


@dataclass(frozen=True)
class TermRowView:
    term: str
    language: str
    agree: bool
    state: str
    cells: tuple[tuple[tuple[str, int], ...], ...]  # per document: (rendering, count)...


# ---------------------------------------------------------------------------- helpers


def _fmt(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


def _percent(part: float, whole: float) -> str:
    return f"{100.0 * part / whole:.2f}" if whole else "0"


def _bucket(share: float) -> str:
    for name, low, _ in BUCKETS:
        if share >= low:
            return name
    return BUCKETS[-1][0]


def _anchor(term: str, language: str) -> str:
    return f"term-{term}-{language}"


def _name(path: str) -> str:
    return Path(path).name or path


def _language_matches(document: str | None, term: str) -> bool:
    if not document:
        return False
    document, term = document.lower(), term.lower()
    return document == term or document.startswith(term + "-")


def _names_language(part: str, language: str) -> bool:
    """True when a path component is a code of `language` or one of its regional forms
    (`de_AT` for "de", `en_GB` for "en-AU"): the part that varies between a catalog's languages."""
    # two-letter codes only, as for languages read off paths: "app" or "doc" are names
    if len(part) < 2 or (len(part) > 2 and part[2] not in "-_.@"):
        return False
    tag = normalise_tag(part)
    return tag is not None and same_language(tag, language)


def _neutral(parts: tuple[str, ...], language: str) -> tuple[str, ...]:
    """Path components with those naming the document's language replaced by "*", so that one
    catalog in several languages (`admin/locale/de/...`, `admin/locale/fr/...`) is one path."""
    if language == "?":
        return parts
    out = ["*" if _names_language(p, language) else p for p in parts[:-1]]
    name = parts[-1].split(".")
    # guide.fr.md, de.po: every piece but the extension may name the language
    name = ["*" if i < len(name) - 1 and _names_language(x, language) else x for i, x in enumerate(name)]
    return (*out, ".".join(name))


def _split(path: str) -> tuple[str, ...]:
    parts = PurePath(path).parts
    return (parts[1:] if PurePath(path).anchor else parts) or (path,)


def distinguishing_labels(docs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """(path, language) -> the shortest run of path components that tells the document apart
    from the others: its file name, plus the nearest directories that differ, with "…" for
    components skipped (`admin/…/django.po` beside `auth/…/django.po`).

    Documents that differ only in the components naming their language get the same label
    (the report shows their language beside it); a path that is the end of another one is
    shown whole. Linear in the number of components: components are compared from the end,
    and a group of paths is split only where its members differ.
    """
    parts = {path: _split(path) for path, _ in docs}
    neutral = {path: _neutral(parts[path], language) for path, language in docs}
    keys = sorted(set(neutral.values()))
    chosen: dict[tuple[str, ...], set[int]] = {k: {0} for k in keys}  # distances from the end
    whole: set[tuple[str, ...]] = set()
    pending: list[tuple[list[tuple[str, ...]], int]] = [(keys, 0)]
    while pending:
        group, d = pending.pop()
        if len(group) < 2:
            continue
        split: dict[str | None, list[tuple[str, ...]]] = defaultdict(list)
        for k in group:
            split[k[-1 - d] if d < len(k) else None].append(k)
        if len(split) > 1:
            for k in group:
                chosen[k].add(d)
        for key, members in split.items():
            if key is None:  # this path ends here: only the whole of it tells it apart
                whole.update(members)
            else:
                pending.append((members, d + 1))
    # components every document shares at the start say nothing (benchmarks/out/...)
    common = 0
    if len(parts) > 1:
        first = min(parts.values(), key=len)
        while common < len(first) - 1 and all(p[common] == first[common] for p in parts.values()):
            common += 1
    labels = {}
    for path, language in docs:
        own, key = parts[path], neutral[path]
        if key in whole:
            labels[path] = "/".join(own[common:])
            continue
        indices = sorted(len(own) - 1 - d for d in chosen[key])
        pieces = []
        for i, at in enumerate(indices):
            if i and at > indices[i - 1] + 1:
                pieces.append("…")
            pieces.append(own[at])
        labels[path] = "/".join(pieces)
    # two documents of one language whose paths differ only where they name it
    # (`de/x.po` and `de_DE/x.po`, both German by their headers): shown whole
    seen = Counter((language, labels[path]) for path, language in docs)
    for path, language in docs:
        if seen[(language, labels[path])] > 1:
            labels[path] = "/".join(parts[path][common:]) or path
    return labels


def _language_order(language: str) -> tuple[bool, str]:
    return (language == "?", language.lower())


def heatmap_columns(docs: Sequence[DocView], limit: int | None = None) -> list[DocView]:
    """The documents using glossary terms most (ties by path), at most `limit` (default:
    MAX_HEATMAP_DOCUMENTS), never one without a use; grouped by language (unknown last),
    then in path order."""
    limit = MAX_HEATMAP_DOCUMENTS if limit is None else limit
    ranked = sorted((d for d in docs if d.uses), key=lambda d: (-d.uses, d.path))[:limit]
    return sorted(ranked, key=lambda d: (_language_order(d.language), d.path))


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


# ---------------------------------------------------------------------------- check page


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
        DocView(i, d.path, _name(d.path), d.format, language[d.path], d.language_source, d.segments,
                {s: counts[d.path][s] for s in SEVERITIES}, labels.get(d.path, _name(d.path)), uses[d.path])
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
        consistency=_fmt(t.consistency), variation=_fmt(t.variation), reference=t.reference,
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
        cells.append(HeatCell(_bucket(share), _fmt(share), title, forbidden))
    return HeatRow(_anchor(t.term_id, t.language), t.term_id, t.language, t.occurrences, _fmt(t.consistency),
                   _fmt(t.variation), _bucket(t.consistency), tuple(cells), detailed)


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
        "corpus_consistency": None if corpus_consistency is None else _fmt(corpus_consistency),
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


# ---------------------------------------------------------------------------- compare page


def highlight(sentence, marks: dict[tuple[str, int, int], str], path: str) -> list[Piece]:
    """Split a sentence into plain runs and its term occurrences (never marking up text: the
    template escapes each piece). An occurrence is placed by its line and column when they
    point at its text inside the sentence, else at the first unused match of its text."""
    text = sentence.text
    spans: list[tuple[int, int, Any]] = []
    used_until = 0
    for occ in sentence.occurrences:
        start = _offset(text, sentence.line, sentence.column, occ.line, occ.column)
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


def _offset(text: str, line: int, column: int, at_line: int, at_column: int) -> int | None:
    """Offset in `text` (starting at line:column) of at_line:at_column, if the text reaches it."""
    if at_line == line:
        return at_column - column if at_column >= column else None
    if at_line < line:
        return None
    start = 0
    for _ in range(at_line - line):
        nl = text.find("\n", start)
        if nl < 0:
            return None
        start = nl + 1
    return start + at_column - 1


def _passage(version, indices: Iterable[int], marks, path: str) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    for k, i in enumerate(indices):
        if k:
            pieces.append(Piece(" "))
        pieces.extend(highlight(version.sentences[i], marks, path))
    return tuple(pieces)


def _comparison(c, docs: dict[str, DocView], findings: Sequence[Finding]) -> ComparisonView:
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
            _fmt(p.score), f"{r.line}:{r.column}", f"{o.line}:{o.column}", ref_pieces, other_pieces,
            any(x.divergent for x in ref_pieces + other_pieces),
        ))
    s = c.similarity
    return ComparisonView(
        reference=docs[c.reference.path], other=docs[c.other.path],
        chrf=_fmt(s.chrf), bleu=_fmt(s.bleu),
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
        DocView(i, v.path, _name(v.path), "", v.language or "?", "", len(v.sentences),
                {s: counts[v.path][s] for s in SEVERITIES})
        for i, v in enumerate(result.versions, 1)
    ]
    by_path = {d.path: d for d in docs}
    rows = []
    for t in result.terms[:MAX_TERM_ROWS]:
        if t.agree:
            state = "same renderings"
        elif t.absent:
            state = "absent from " + ", ".join(f"[{by_path[p].number}]" for p in t.absent)
        else:
            state = "different renderings"
        rows.append(TermRowView(t.term_id, t.language, t.agree, state,
                                tuple(tuple(t.documents.get(d.path, {}).items()) for d in docs)))
    return {
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


# ---------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["plural"] = plural
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.globals["severity_letters"] = SEVERITY_LETTERS
    return env


@lru_cache(maxsize=1)
def _assets() -> dict[str, Any]:
    """The inlined CSS and JS, and a Content-Security-Policy that allows exactly that script."""
    from markupsafe import Markup

    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    assert "</style" not in css.lower() and "</script" not in js.lower()
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


def _render(template: str, context: dict[str, Any]) -> str:
    env = _environment()
    return env.get_template(template).render(**context, **_assets())


def render(result: CheckResult, color: bool = False) -> str:
    """The check report as one self-contained HTML page (`color` is ignored)."""
    return escape_surrogates(_render("report.html.j2", check_context(result)))


def render_compare(result, color: bool = False) -> str:
    """The compare report as one self-contained HTML page (`color` is ignored)."""
    return escape_surrogates(_render("compare.html.j2", compare_context(result)))
