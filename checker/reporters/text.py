"""Plain-text report: findings as `path:line:col: severity rule [term] message`, then term usage."""

from __future__ import annotations

from checker.reporters import escape_surrogates
from checker.result import CheckResult

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def _painter(color: bool):
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    return paint


def finding_lines(findings, paint) -> list[str]:
    """`path:line:col: severity rule [term] message`, one per finding, then a blank line."""
    out = []
    for f in findings:
        term = f" [{f.term}]" if f.term else ""
        where = paint(f"{f.path}:{f.line}:{f.column}:", _BOLD)
        out.append(f"{where} {paint(f.severity, _COLOURS[f.severity])} {f.rule}{term} {f.message}")
    if findings:
        out.append("")
    return out


def severity_counts(summary: dict[str, int]) -> str:
    """`2 errors, 33 warnings, 0 info`."""
    return ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in summary.items())


def summary_line(findings: int, summary: dict[str, int], documents: int) -> str:
    return f"{findings} findings ({severity_counts(summary)}) in {documents} documents"


def unverified_line(result: CheckResult) -> str:
    """`language not verified (no language model): az 3, eo 2 documents`, or ''."""
    langs = result.unverified_languages
    if not langs:
        return ""
    listed = ", ".join(f"{lang} {n}" for lang, n in langs.items())
    total = sum(langs.values())
    return f"  language not verified (no detection model, wrong-language silent) in {total} documents: {listed}"


def render(result: CheckResult, color: bool = False, quiet: bool = False) -> str:
    """The text report; a file name that is not UTF-8 shows its bytes escaped (d\\xff.txt)."""
    return escape_surrogates(_render(result, color, quiet))


def _render(result: CheckResult, color: bool = False, quiet: bool = False) -> str:
    """The full report; with `quiet`, only the findings and a summary line (nothing when clean)."""
    paint = _painter(color)
    out = finding_lines(result.findings, paint)
    if quiet:
        if result.findings:
            out.append(summary_line(len(result.findings), result.summary, len(result.documents)))
            return "\n".join(out) + "\n"
        return ""

    number = {d.path: i for i, d in enumerate(result.documents, 1)}
    out.append(paint("Documents", _BOLD))
    for d in result.documents:
        lang = d.language or "?"
        out.append(f"  [{number[d.path]}] {d.path} ({lang}, from {d.language_source}; {d.segments} segments)")
    if result.terms:
        out.append("")
        out.append(paint("Terms", _BOLD) + "  (count per document: [n] count)")
    for t in result.terms:
        plural = "s" if t.occurrences != 1 else ""
        out.append(
            f"  {t.term_id} ({t.language}): {t.occurrences} occurrence{plural}, "
            f"consistency {t.consistency:.2f}, variation {t.variation:.2f}"
        )
        width = max(len(r.text) for r in t.renderings)
        for r in t.renderings:
            per_doc = ", ".join(f"[{number.get(p, '?')}] {n}" for p, n in r.documents.items())
            out.append(f"    {r.count:>4}  {r.text:<{width}}  {r.status:<9}  {per_doc}")
    languages = sorted({lang for lang, _ in result.absent})
    for lang in languages:
        ids = [term_id for l, term_id in result.absent if l == lang]
        out.append(f"  not found ({lang}): {', '.join(ids)}")
    summary = result.summary
    unverified = unverified_line(result)
    if unverified:
        out.append(unverified)
    out.append("")
    out.append(f"{summary_line(len(result.findings), summary, len(result.documents))}; {len(result.terms)} terms found")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render_compare(result, color: bool = False) -> str:
    return escape_surrogates(_render_compare(result, color))


def _render_compare(result, color: bool = False) -> str:
    """Findings, then per compared version its similarity and aligned pairs, then terms side by side."""
    paint = _painter(color)
    out = finding_lines(result.findings, paint)
    number = {v.path: i for i, v in enumerate(result.versions, 1)}
    out.append(paint("Documents", _BOLD))
    for i, v in enumerate(result.versions, 1):
        role = "  (reference)" if i == 1 else ""
        out.append(f"  [{i}] {v.path} ({v.language or '?'}; {len(v.sentences)} sentences){role}")
    for c in result.comparisons:
        a, b = number[c.reference.path], number[c.other.path]
        sim = c.similarity
        out.append("")
        out.append(paint(f"[{b}] against [{a}]", _BOLD) + (
            f": chrF {sim.chrf:.2f}, BLEU {sim.bleu:.2f} over {len(c.pairs)} aligned pairs; "
            f"aligned {sim.aligned_reference:.0%} of [{a}]'s sentences, {sim.aligned_other:.0%} of [{b}]'s"
        ))
        out.append(f"  chrF signature: {sim.chrf_signature}")
        out.append(f"  BLEU signature: {sim.bleu_signature}")
        for p in c.pairs:
            r = [c.reference.sentences[i] for i in p.reference]
            o = [c.other.sentences[j] for j in p.other]
            out.append(f"  {p.score:6.2f}  [{a}] {r[0].line}:{r[0].column}  {_clip(' '.join(s.text for s in r))}")
            out.append(f"          [{b}] {o[0].line}:{o[0].column}  {_clip(' '.join(s.text for s in o))}")
    if result.terms:
        out.append("")
        out.append(paint("Terms side by side", _BOLD))
    for t in result.terms:
        if t.agree:
            state = "same renderings"
        elif t.absent:
            state = "absent from " + ", ".join(f"[{number[p]}]" for p in t.absent)
        else:
            state = "different renderings"
        out.append(f"  {t.term_id} ({t.language}): {state}")
        for path, counts in t.documents.items():
            used = ", ".join(f"{text} {n}" for text, n in counts.items()) or "\u2014"
            out.append(f"    [{number[path]}] {used}")
    out.append("")
    out.append(summary_line(len(result.findings), result.summary, len(result.versions)))
    return "\n".join(out) + "\n"
