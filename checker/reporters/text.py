"""Plain-text report: findings as `path:line:col: severity rule [term] message`, one per line,
then a summary of the documents and terms (the full lists with `verbose`)."""

from __future__ import annotations

import re

from checker.reporters.output import escape_surrogates
from checker.result import CheckResult
from checker.wording import plural

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
WIDTH = 100  # wrapped lists (languages) stay within this many columns

# A run of whitespace holding a line or paragraph break, a tab or another control
# whitespace (Unicode's \s less its Zs spaces): shown as one space, so that a rendering
# spanning a line break in its file keeps its finding on one line. JSON keeps the text.
_BREAKING_SPACE = re.compile(r"\s*[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]\s*")
# Other control characters (ESC could restyle or clear the terminal): escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# In a path every such character is escaped instead: the name must stay exact.
_PATH_SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape_char(m: re.Match) -> str:
    ch = m.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def one_line(text: str) -> str:
    """`text` fit for one report line: breaking whitespace runs as one space, controls escaped."""
    if _BREAKING_SPACE.search(text):
        text = _BREAKING_SPACE.sub(" ", text)
    return _CONTROL.sub(_escape_char, text) if _CONTROL.search(text) else text


def shown_path(path: str) -> str:
    """A path with line breaks, tabs and control characters escaped (`a\\nb.txt`)."""
    return _PATH_SPECIAL.sub(_escape_char, path) if _PATH_SPECIAL.search(path) else path


def _painter(color: bool):
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    return paint


def finding_lines(findings, paint) -> list[str]:
    """`path:line:col: severity rule [term] message`, one per finding, then a blank line."""
    out = []
    for f in findings:
        term = f" [{one_line(f.term)}]" if f.term else ""
        where = paint(f"{shown_path(f.path)}:{f.line}:{f.column}:", _BOLD)
        out.append(f"{where} {paint(f.severity, _COLOURS[f.severity])} {f.rule}{term} {one_line(f.message)}")
    if findings:
        out.append("")
    return out


def severity_counts(summary: dict[str, int]) -> str:
    """`2 errors, 33 warnings, 0 info`."""
    return ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in summary.items())


def summary_line(findings: int, summary: dict[str, int], documents: int) -> str:
    """`1 finding (1 error, 0 warnings, 0 info) in 2 documents`."""
    return f"{plural(findings, 'finding')} ({severity_counts(summary)}) in {plural(documents, 'document')}"


def wrapped(items: list[str], first: str, indent: str = "    ") -> list[str]:
    """`first` followed by the comma-separated `items`, wrapped at WIDTH columns; a line
    that wraps goes on after `indent`."""
    lines, line = [], first
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if line.strip() and len(line) + 1 + len(piece) > WIDTH:
            lines.append(line)
            line = indent + piece
        else:
            line = line + piece if not line or line.endswith(" ") else f"{line} {piece}"
    lines.append(line)
    return lines


def unverified_line(result: CheckResult) -> str:
    """`language not verified (no language model): az 3, eo 2 documents`, or ''."""
    langs = result.unverified_languages
    if not langs:
        return ""
    listed = ", ".join(f"{lang} {n}" for lang, n in langs.items())
    total = sum(langs.values())
    return (f"  language not verified (no detection model, wrong-language silent) in "
            f"{plural(total, 'document')}: {listed}")


def terms_found(result: CheckResult) -> str:
    """`39 terms found in 2 languages (78 term-language pairs)`: what the count counts."""
    ids = {t.term_id for t in result.terms}
    langs = {t.language for t in result.terms}
    text = f"{plural(len(ids), 'term')} found"
    if langs:
        text += f" in {plural(len(langs), 'language')}"
    if len(result.terms) != len(ids):
        text += f" ({plural(len(result.terms), 'term-language pair')})"
    return text


def render(result: CheckResult, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    """The text report; a file name that is not UTF-8 shows its bytes escaped (d\\xff.txt)."""
    return escape_surrogates(_render(result, color, quiet, verbose))


def _render(result: CheckResult, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    """Findings, documents, terms, summary; `quiet`: only the findings and a summary line
    (nothing when clean); `verbose`: every document and every term in full."""
    paint = _painter(color)
    out = finding_lines(result.findings, paint)
    total = summary_line(len(result.findings), result.summary, len(result.documents))
    if quiet:
        return "\n".join(out + [total]) + "\n" if result.findings else ""
    if verbose:
        out += _documents_in_full(result, paint)
    else:
        out += _documents_summary(result, paint)
        out += _terms_summary(result, paint)
    out += _absent_lines(result)
    if verbose:
        unverified = unverified_line(result)
        if unverified:
            out.append(unverified)
    out.append("")
    out.append(f"{total}; {terms_found(result)}")
    return "\n".join(out) + "\n"


def _documents_in_full(result: CheckResult, paint) -> list[str]:
    """Every document, numbered, then every term with its count per document number."""
    number = {d.path: i for i, d in enumerate(result.documents, 1)}
    out = [paint("Documents", _BOLD)]
    for d in result.documents:
        out.append(f"  [{number[d.path]}] {shown_path(d.path)} ({d.language or '?'}, from {d.language_source}; "
                   f"{plural(d.segments, 'segment')})")
    if result.terms:
        out.append("")
        out.append(paint("Terms", _BOLD) + "  (count per document: [n] count)")
    for t in result.terms:
        out.append(f"  {_term_head(t)}")
        width = max(len(one_line(r.text)) for r in t.renderings)
        for r in t.renderings:
            per_doc = ", ".join(f"[{number.get(p, '?')}] {n}" for p, n in r.documents.items())
            out.append(f"    {r.count:>4}  {one_line(r.text):<{width}}  {r.status:<9}  {per_doc}")
    return out


def _term_head(t) -> str:
    return (f"{one_line(t.term_id)} ({t.language}): {plural(t.occurrences, 'occurrence')}, "
            f"consistency {t.consistency:.2f}, variation {t.variation:.2f}")


def _documents_summary(result: CheckResult, paint) -> list[str]:
    """`Documents: 1226 in 99 languages (language from: header 1226)`, the count per language
    wrapped below, and the languages wrong-language cannot verify."""
    docs = result.documents
    languages = result.languages
    known = sum(1 for lang in languages if lang is not None)
    counts = [f"{lang or 'unknown'} {n}" for lang, n in languages.items()]
    head = f"{paint('Documents', _BOLD)}: {len(docs)} in {plural(known, 'language')}"
    if not docs:
        return [f"{paint('Documents', _BOLD)}: none"]
    inline = f"{head} ({', '.join(counts)})"
    if len(inline) <= WIDTH + len(paint("", _BOLD)):  # short lists stay on the line
        head, counts = inline, []
    head += "; language from: " + ", ".join(f"{s} {n}" for s, n in result.language_sources.items())
    empty = sum(1 for d in docs if d.segments == 0)
    if empty:
        head += f"; {empty} with no segments"
    out = [head]
    if counts:
        out += wrapped(counts, "  ", "  ")
    unverified = result.unverified_languages
    if unverified:
        # The counts are in the list above: the languages suffice here.
        out += wrapped(list(unverified), f"  not verified (no detection model, wrong-language silent): "
                       f"{plural(sum(unverified.values()), 'document')} in {plural(len(unverified), 'language')}:")
    return out


def _terms_summary(result: CheckResult, paint) -> list[str]:
    """The terms with more than one rendering or with findings: a table of renderings when
    one other than the preferred is in use, else the term's id in a list per language (its
    findings say what is wrong: mostly missing-rendering); then a count of the rest."""
    if not result.terms:
        return []
    flagged = result.terms_with_findings
    tables, preferred_only = [], {}
    for t in result.terms:
        has_findings = (t.term_id, t.language) in flagged
        if len(t.renderings) > 1 or (has_findings and t.renderings[0].status != "preferred"):
            tables.append(t)
        elif has_findings:
            preferred_only.setdefault(t.language, []).append(t.term_id)
    shown = len(tables) + sum(map(len, preferred_only.values()))
    out = ["", paint("Terms", _BOLD) + f" with more than one rendering or with findings: "
           f"{shown} of {len(result.terms)} (--verbose: all)"]
    for t in tables:
        out.append(f"  {_term_head(t)}")
        width = max(len(one_line(r.text)) for r in t.renderings)
        for r in t.renderings:
            out.append(f"    {r.count:>4}  {one_line(r.text):<{width}}  {r.status:<9}  "
                       f"in {plural(len(r.documents), 'document')}")
    for lang, ids in sorted(preferred_only.items()):
        out += wrapped([one_line(i) for i in ids], f"  only the preferred rendering, with findings ({lang}):")
    rest = len(result.terms) - shown
    if rest:
        out.append(f"  {rest} more with one rendering each and no findings")
    return out


def _absent_lines(result: CheckResult) -> list[str]:
    """`not found (de, en): height, limit`: languages that miss the same terms share a line."""
    by_lang: dict[str, list[str]] = {}
    for lang, term_id in result.absent:
        by_lang.setdefault(lang, []).append(term_id)
    groups: dict[tuple[str, ...], list[str]] = {}
    for lang in sorted(by_lang):
        groups.setdefault(tuple(by_lang[lang]), []).append(lang)
    return [f"  not found ({', '.join(langs)}): {', '.join(map(one_line, ids))}" for ids, langs in groups.items()]


def _clip(text: str, width: int = 90) -> str:
    text = one_line(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _crosslingual_lines(c, a: int, b: int, paint, verbose: bool) -> list[str]:  # noqa: ANN001
    """A translation aligned with its source: the pairs whose terms are not all rendered
    as preferred (all with `verbose`), each term's status under them."""
    sim = c.similarity
    out = [paint(f"[{b}] against [{a}]", _BOLD) + (
        f", across languages ({c.reference.language} -> {c.other.language}): {plural(len(c.pairs), 'aligned pair')}; "
        f"aligned {sim.aligned_reference:.0%} of [{a}]'s sentences, {sim.aligned_other:.0%} of [{b}]'s"
    )]
    by_pair: dict[int, list] = {}
    for t in c.traces:
        by_pair.setdefault(t.pair, []).append(t)
    shown = [k for k in range(len(c.pairs)) if verbose or any(t.status != "preferred" for t in by_pair.get(k, ()))]
    for k in shown:
        p = c.pairs[k]
        r = [c.reference.sentences[i] for i in p.reference]
        o = [c.other.sentences[j] for j in p.other]
        out.append(f"  {p.score:6.1f}  [{a}] {r[0].line}:{r[0].column}  {_clip(' '.join(s.text for s in r))}")
        out.append(f"          [{b}] {o[0].line}:{o[0].column}  {_clip(' '.join(s.text for s in o))}")
        for t in by_pair.get(k, ()):
            found = f" '{one_line(t.text)}'" if t.text else ""
            out.append(f"          {one_line(t.source.term_id)}: '{one_line(t.source.text)}' -> {t.status}{found}")
    hidden = len(c.pairs) - len(shown)
    if hidden:
        out.append(f"  {plural(hidden, 'more aligned pair') if shown else plural(hidden, 'aligned pair') + ', all'}"
                   " with every term rendered as preferred, or none (--verbose shows them)")
    return out


def render_compare(result, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    return escape_surrogates(_render_compare(result, color, quiet, verbose))


def _render_compare(result, color: bool = False, quiet: bool = False, verbose: bool = False) -> str:
    """Findings, then per compared version its similarity and the aligned pairs whose terms
    differ (all with `verbose`), then the terms side by side; `quiet`: findings and summary."""
    paint = _painter(color)
    out = finding_lines(result.findings, paint)
    total = summary_line(len(result.findings), result.summary, len(result.versions))
    if quiet:
        return "\n".join(out + [total]) + "\n" if result.findings else ""
    # Sides are numbered by position, never looked up by path: one file given twice is [1] and [2].
    out.append(paint("Documents", _BOLD))
    for i, v in enumerate(result.versions, 1):
        role = ("  (source)" if any(c.crosslingual for c in result.comparisons) else "  (reference)") if i == 1 else ""
        out.append(f"  [{i}] {shown_path(v.path)} ({v.language or '?'}; {plural(len(v.sentences), 'sentence')}){role}")
    number = {id(v): i for i, v in enumerate(result.versions, 1)}
    for c in result.comparisons:
        a, b, sim = number[id(c.reference)], number[id(c.other)], c.similarity
        out.append("")
        if c.crosslingual:
            out += _crosslingual_lines(c, a, b, paint, verbose)
            continue
        out.append(paint(f"[{b}] against [{a}]", _BOLD) + (
            f": chrF {sim.chrf:.2f}, BLEU {sim.bleu:.2f} over {plural(len(c.pairs), 'aligned pair')}; "
            f"aligned {sim.aligned_reference:.0%} of [{a}]'s sentences, {sim.aligned_other:.0%} of [{b}]'s"
        ))
        out.append(f"  chrF signature: {sim.chrf_signature}")
        out.append(f"  BLEU signature: {sim.bleu_signature}")
        shown = [p for p in c.pairs if verbose or c.terms_differ(p)]
        for p in shown:
            r = [c.reference.sentences[i] for i in p.reference]
            o = [c.other.sentences[j] for j in p.other]
            out.append(f"  {p.score:6.2f}  [{a}] {r[0].line}:{r[0].column}  {_clip(' '.join(s.text for s in r))}")
            out.append(f"          [{b}] {o[0].line}:{o[0].column}  {_clip(' '.join(s.text for s in o))}")
        hidden = len(c.pairs) - len(shown)
        if hidden:
            what = plural(hidden, "more aligned pair") if shown else plural(hidden, "aligned pair") + ", all"
            out.append(f"  {what} with the same terms in the same renderings on both sides (--verbose shows them)")
    if result.chains:
        drifting = [ch for ch in result.chains if verbose or ch.drift is not None]
        out.append("")
        out.append(paint("Terms through the chain", _BOLD) + f": {plural(len(result.chains), 'source occurrence')}, "
                   f"{len([ch for ch in result.chains if ch.drift is not None])} drifting")
        for ch in drifting:
            steps = " -> ".join(f"[{k}] '{one_line(st.text) or chr(0x2014)}' {st.status}"
                                for k, st in enumerate(ch.steps, 1))
            where = f"  (drifts at [{ch.drift + 1}] {shown_path(ch.steps[ch.drift].path)}:"\
                    f"{ch.steps[ch.drift].line}:{ch.steps[ch.drift].column})" if ch.drift is not None else ""
            out.append(f"  {one_line(ch.term_id)}: {steps}{where}")
    crosslingual = any(c.crosslingual for c in result.comparisons)
    # Across languages renderings differ by design: only terms a document lacks are shown.
    rows = [t for t in result.terms if verbose or (t.absent_from if crosslingual else not t.agree)]
    if rows:
        out.append("")
        out.append(paint("Terms side by side", _BOLD))
    for t in rows:
        if t.agree:
            state = "same renderings"
        elif t.absent_from:
            state = "absent from " + ", ".join(f"[{i}]" for i in t.absent_from)
        else:
            state = "different renderings"
        out.append(f"  {one_line(t.term_id)} ({t.language}): {state}")
        for i, counts in enumerate(t.counts, 1):
            used = ", ".join(f"{one_line(text)} {n}" for text, n in counts.items()) or "\u2014"
            out.append(f"    [{i}] {used}")
    agreeing = [t.term_id for t in result.terms if t.agree]
    if agreeing and not verbose:
        out.append("")
        out += wrapped(agreeing, f"{plural(len(agreeing), 'term')} rendered the same in every document:", "  ")
    out.append("")
    out.append(total)
    return "\n".join(out) + "\n"
