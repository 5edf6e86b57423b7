"""`termcheck init` on translated files: a starter glossary built by term extraction."""

from __future__ import annotations

from typing import Sequence

from checker.wording import plural

#: target languages whose renderings go into the starter glossary (those with the most
#: translated units); a project translated into a hundred languages gets a readable file
LANGUAGES = 3
#: a project's first catalogs may be small: a phrase in two units is proposed
MIN_UNITS = 2


def glossary_from_translations(paths: Sequence[str], source: str, targets: Sequence[str], terms: int) -> tuple[str, str]:
    """(glossary.yml text, what it holds): the `terms` best terms `glossary extract` finds in
    the units of the first target language, with the dominant rendering (preferred) and the
    others (variants) in each of the first LANGUAGES target languages."""
    from checker.glossary.dump import dump_glossary
    from checker.glossary.extract import extract
    from checker.glossary.extract_units import bilingual_units
    from checker.names import new_term_id

    chosen = list(targets[:LANGUAGES])
    units, _, source, _ = bilingual_units(paths, chosen[0], source_language=source)
    first = extract(units, source, chosen[0], limit=terms, min_units=MIN_UNITS)
    found = {chosen[0]: {t.source: t.renderings for t in first.terms}}
    known = [(t.source, t.source) for t in first.terms]
    for lang in chosen[1:]:
        units, _, _, _ = bilingual_units(paths, lang, source_language=source)
        found[lang] = {t.term_id: t.renderings for t in extract(units, source, lang, known=known, limit=0).known}
    taken: set[str] = set()
    data_terms = []
    for term in first.terms:
        renderings = {source: {"preferred": term.source, "variants": [], "forbidden": []}}
        for lang in chosen:
            rendered = found[lang].get(term.source) or ()
            if rendered:
                renderings[lang] = {"preferred": rendered[0].text, "variants": [r.text for r in rendered[1:]],
                                    "forbidden": []}
        data_terms.append({"id": new_term_id(term.source, taken), "renderings": renderings})
    others = [lang for lang in targets if lang not in chosen]
    header = (f"glossary.yml: the key terms termcheck checks, written by `termcheck init` from the translated "
              f"units of the files given ({source} -> {', '.join(chosen)}): each term's preferred rendering is the "
              f"one the translations use most, its variants the others found. Review them: keep the terms that "
              f"matter, move wrong renderings to `forbidden:`."
              + (f" Other target languages found: {', '.join(others[:20])}{' ...' if len(others) > 20 else ''}."
                 if others else ""))
    import textwrap

    header = "\n".join(textwrap.wrap(header, 88))
    text = dump_glossary({"terms": data_terms}, header=header)  # type: ignore[typeddict-item]
    return text, f"{plural(len(data_terms), 'term')} ({source}) with their renderings in {', '.join(chosen)}"
