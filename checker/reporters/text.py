"""Plain-text report: findings as `path:line:col: severity rule [term] message`, then term usage."""

from __future__ import annotations

from checker.result import CheckResult

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def render(result: CheckResult, color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    for f in result.findings:
        term = f" [{f.term}]" if f.term else ""
        where = paint(f"{f.path}:{f.line}:{f.column}:", _BOLD)
        out.append(f"{where} {paint(f.severity, _COLOURS[f.severity])} {f.rule}{term} {f.message}")
    if result.findings:
        out.append("")

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
    parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in summary.items()]
    out.append("")
    out.append(
        f"{len(result.findings)} findings ({', '.join(parts)}) in {len(result.documents)} documents; "
        f"{len(result.terms)} terms found"
    )
    return "\n".join(out) + "\n"
