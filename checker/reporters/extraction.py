"""`glossary extract` output: text, JSON and CSV of an Extraction (nothing is computed here)."""

from __future__ import annotations

import csv
import io
import json

from checker.glossary.extract import Extraction, Term, Unit

#: examples per term in the text output (JSON has them all)
TEXT_EXAMPLES = 2
_FLAT = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


def _example(unit: Unit, width: int = 70) -> str:
    def cut(text: str) -> str:
        text = " ".join(text.translate(_FLAT).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    return f"{unit.path}:{unit.line}: {cut(unit.shown_source)} => {cut(unit.shown_target)}"


def _renderings(term: Term) -> str:
    if not term.renderings:
        return "no rendering found"
    parts = [f"{r.text} ({r.units} unit{'s' if r.units != 1 else ''}, Dice {r.dice:.2f})" for r in term.renderings[:1]]
    parts += [f"{r.text} ({r.units})" for r in term.renderings[1:]]
    return "; ".join(parts)


def extraction_text(result: Extraction, glossary_preferred: dict[str, str | None] | None = None) -> str:
    """The terms, best first, each with its renderings and examples; then the glossary's
    terms with what the units use for them (`glossary_preferred`: id -> its preferred
    rendering in the target language, None where it has none)."""
    lines = [f"{result.units:,} translated unit{'s' if result.units != 1 else ''} "
             f"({result.source_language} -> {result.target_language})"]
    if result.terms:
        lines += ["", "new terms, best first:"]
    for n, term in enumerate(result.terms, 1):
        lines.append(f"{n:4}. {term.source}  ({term.units} units, termhood {term.termhood:g}): {_renderings(term)}")
        lines += [f"        {_example(u)}" for u in term.examples[:TEXT_EXAMPLES]]
    if result.known:
        lines += ["", "glossary terms:"]
    for term in result.known:
        have = (glossary_preferred or {}).get(term.term_id or "")
        found = term.renderings[0].text if term.renderings else None
        note = ""
        if have is None:
            note = "  [no rendering in the glossary]"
        elif found is not None and found.casefold() != have.casefold():
            note = f"  [glossary: {have}]"
        lines.append(f"  {term.term_id} ({term.source}, {term.units} units): {_renderings(term)}{note}")
    return "\n".join(lines) + "\n"


def _term_dict(term: Term) -> dict:
    out: dict = {"source": term.source}
    if term.term_id is not None:
        out = {"id": term.term_id, **out}
    out.update({
        "units": term.units,
        "termhood": term.termhood,
        "renderings": [{"text": r.text, "units": r.units, "dice": r.dice} for r in term.renderings],
        "examples": [{"path": u.path, "line": u.line, "unit": u.unit_id, "source": u.shown_source,
                      "target": u.shown_target} for u in term.examples],
    })
    return out


def extraction_json(result: Extraction) -> str:
    data = {
        "source_language": result.source_language,
        "target_language": result.target_language,
        "units": result.units,
        "terms": [_term_dict(t) for t in result.terms],
        "glossary_terms": [_term_dict(t) for t in result.known],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def extraction_csv(result: Extraction) -> str:
    """One row per term and rendering (rank 1: the dominant one); a term without any, one row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kind", "id", "source", "source_language", "units", "termhood", "rank", "target_language",
                     "rendering", "rendering_units", "dice"])
    for kind, terms in (("new", result.terms), ("glossary", result.known)):
        for term in terms:
            head = [kind, term.term_id or "", term.source, result.source_language, term.units, term.termhood]
            if not term.renderings:
                writer.writerow([*head, "", result.target_language, "", "", ""])
            for rank, r in enumerate(term.renderings, 1):
                writer.writerow([*head, rank, result.target_language, r.text, r.units, r.dice])
    return buffer.getvalue()
