"""What `glossary extract --write` adds to a glossary: new terms, and renderings terms lack.

A new term gets its source text, its dominant rendering as preferred and the others found
as variants, and a comment saying they await review. A glossary term gains only what it
lacks: without the target language, the language (dominant preferred, others variants);
with it, the renderings found that it lists in no status (compared by the target
analyser's keys, so an inflected form of a listed rendering is no new rendering).
"""

from __future__ import annotations

from checker.glossary.edit import Addition, NewTerm
from checker.glossary.extract import Extraction
from checker.glossary.model import Glossary
from checker.glossary.phrases import Phrases
from checker.names import new_term_id

REVIEW = "found by glossary extract: review"


def additions(glossary: Glossary | None, result: Extraction) -> tuple[list[NewTerm], list[Addition]]:
    """(new terms, renderings to add to existing terms)."""
    source, target = result.source_language, result.target_language
    side = Phrases(target, full_stops=False)
    taken = set(glossary.by_id) if glossary is not None else set()
    new_terms: list[NewTerm] = []
    for term in result.terms:
        if not term.renderings:
            continue
        first, *others = [r.text for r in term.renderings]
        term_id = new_term_id(term.source, taken)
        new_terms.append((term_id, {source: (term.source, []), target: (first, others)}, REVIEW))
    added: list[Addition] = []
    for term in result.known:
        if glossary is None or term.term_id is None or not term.renderings:
            continue
        listed = glossary.by_id[term.term_id].renderings.get(target, ())
        if not listed:
            first, *others = [r.text for r in term.renderings]
            added.append((term.term_id, target, first, "preferred"))
            added += [(term.term_id, target, text, "variant") for text in others]
            continue
        keys = {side.key_of(r.text) for r in listed}
        for rendering in term.renderings:
            key = side.key_of(rendering.text)
            if key not in keys:
                keys.add(key)
                added.append((term.term_id, target, rendering.text, "variant"))
    return new_terms, added


def new_glossary_text(new_terms: list[NewTerm], result: Extraction) -> str:
    """A new glossary.yml holding the new terms (when the glossary file does not exist yet)."""
    from checker.glossary.dump import dump_glossary

    data = {"terms": [
        {"id": term_id, "renderings": {
            lang: {"preferred": preferred, "variants": list(variants), "forbidden": []}
            for lang, (preferred, variants) in languages.items()}}
        for term_id, languages, _ in new_terms
    ]}
    header = (f"Written by `termcheck glossary extract` from {result.units:,} translated units "
              f"({result.source_language} -> {result.target_language}): every term awaits review")
    return dump_glossary(data, header=header)  # type: ignore[arg-type]
