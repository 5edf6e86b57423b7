"""`termcheck glossary lint`: what `check` rejects, plus what a terminologist should look at.

Each warning is a small function over the loaded glossary yielding Problems with the
file, line and column of the rendering or term concerned.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterator

from checker.glossary import Glossary, GlossaryError, Problem, Rendering, load_glossary
from checker.language import ISO_639_1, primary
from checker.wording import plural

TYPOGRAPHIC_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\"'"


def lint(path: str) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) for the glossary at `path`; errors are what `check` rejects."""
    try:
        glossary = load_glossary(path)
    except GlossaryError as exc:
        return exc.problems, []
    warnings = [p for check in CHECKS for p in check(glossary)]
    return [], sorted(warnings, key=lambda p: (p.line, p.column, p.message))


def _at(glossary: Glossary, r: Rendering, message: str) -> Problem:
    return Problem(glossary.path, r.line, r.column or 1, message)


def same_rendering_in_two_terms(glossary: Glossary) -> Iterator[Problem]:
    """'Kiev' listed under two terms: the matcher cannot tell which one a text means."""
    seen: dict[tuple[str, str], Rendering] = {}
    for r in _renderings(glossary):
        key = (r.language, r.text.casefold())
        first = seen.setdefault(key, r)
        if first is not r and first.term_id != r.term_id:
            yield _at(glossary, r, f"'{r.text}' [{r.language}] is also a rendering of '{first.term_id}' "
                                   f"(line {first.line})")


def key_collisions(glossary: Glossary) -> Iterator[Problem]:
    """Renderings that are the same words to the matcher once normalised and reduced to
    their dictionary form or stem (its keys).

    In one term: a variant equal to a forbidden rendering, or two renderings the matcher
    cannot tell apart ("неделимость безопасности" / "неделимая безопасность"). Across two
    terms: whichever comes first in the glossary takes every occurrence.
    """
    from checker.matching.matcher import Matcher

    matcher = Matcher(glossary)
    by_language: dict[str, dict[tuple, Rendering]] = {}
    for term in glossary.terms:
        for lang, renderings in term.renderings.items():
            index = matcher.index(lang)
            keys = by_language.setdefault(lang, {})
            for r in renderings:
                key = tuple(index.key(w) for w in index._split(r.text)[1::2])
                first = keys.setdefault(key, r)
                if first is r:
                    continue
                if first.term_id != r.term_id:
                    if first.text.casefold() != r.text.casefold():  # else same_rendering_in_two_terms
                        yield _at(glossary, r, f"'{r.text}' [{lang}] of '{r.term_id}' and '{first.text}' of "
                                               f"'{first.term_id}' (line {first.line}) are the same words to the "
                                               f"matcher: every occurrence counts for '{first.term_id}'")
                elif {first.status, r.status} == {"variant", "forbidden"}:
                    what = "equals the forbidden" if r.status == "variant" else "equals the variant"
                    yield _at(glossary, r, f"{r.status} '{r.text}' {what} '{first.text}' once normalised and "
                                           f"reduced to dictionary forms [{lang}]: the matcher takes the spelling in the text")
                else:
                    yield _at(glossary, r, f"{r.status} '{r.text}' and {first.status} '{first.text}' are the "
                                           f"same words once reduced to dictionary forms [{lang}]: inflected forms "
                                           "count as the first")


def unknown_language_codes(glossary: Glossary) -> Iterator[Problem]:
    """Language keys that parse as tags but name no ISO 639 language ('xx', 'en-UK')."""
    for term in glossary.terms:
        for lang, renderings in term.renderings.items():
            code = primary(lang)
            region = lang.split("-")[-1] if "-" in lang else None
            if (len(code) == 2 and code not in ISO_639_1) or region == "UK":
                hint = " (the region of the United Kingdom is GB)" if region == "UK" else ""
                line = term.language_lines.get(lang) or renderings[0].line
                yield Problem(glossary.path, line, 1, f"'{lang}' is not a valid BCP 47 language tag{hint}")


def missing_languages(glossary: Glossary) -> Iterator[Problem]:
    """Terms without a rendering in a language that other terms cover."""
    covered: dict[str, int] = defaultdict(int)
    for term in glossary.terms:
        for lang in term.renderings:
            covered[lang] += 1
    total = len(glossary.terms)
    for term in glossary.terms:
        missing = sorted(lang for lang in covered if lang not in term.renderings)
        if missing:
            detail = ", ".join(f"{lang} ({covered[lang]} of {plural(total, 'term')} have one)" for lang in missing)
            yield Problem(glossary.path, term.line, 1, f"term '{term.id}' has no rendering in {detail}")


def stray_characters(glossary: Glossary) -> Iterator[Problem]:
    """Leading or trailing spaces, doubled spaces, and typographic quotes at the ends of a rendering."""
    for r in _renderings(glossary):
        raw = r.raw or r.text
        if raw != raw.strip():
            yield _at(glossary, r, f"rendering '{raw}' has leading or trailing spaces")
        elif "  " in raw or "\t" in raw or "\n" in raw:
            yield _at(glossary, r, f"rendering '{raw}' has doubled spaces, tabs or line breaks")
        text = r.text
        if text[:1] in TYPOGRAPHIC_QUOTES or text[-1:] in TYPOGRAPHIC_QUOTES:
            yield _at(glossary, r, f"rendering '{text}' starts or ends with a quotation mark")


def exceptions_that_cannot_apply(glossary: Glossary) -> Iterator[Problem]:
    """An exception is a phrase inside which a rendering is not counted: one that does not
    contain its rendering (or, on a term, none of the term's renderings) never applies."""
    for term in glossary.terms:
        texts = [_loose(r.text) for rs in term.renderings.values() for r in rs] if term.exceptions else []
        for phrase, (line, column) in zip(term.exceptions, term.exception_positions):
            if not any(text in _loose(phrase) for text in texts):
                yield Problem(glossary.path, line, column, f"exception '{phrase}' of term '{term.id}' contains none "
                                                           f"of its renderings: it can never apply")
        for rs in term.renderings.values():
            for r in rs:
                for phrase, (line, column) in zip(r.own_exceptions, r.exception_positions):
                    if _loose(r.text) not in _loose(phrase):
                        yield Problem(glossary.path, line, column, f"exception '{phrase}' does not contain the "
                                                                   f"rendering '{r.text}' [{r.language}]: it can never apply")


def _loose(text: str) -> str:
    """Text compared as the matcher sees words: case, width, apostrophes and the gaps
    between words (spaces, hyphens) do not matter."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).casefold().replace("\u00ad", "")
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(re.split(r"[\s\-\u2010\u2011]+", text)).strip()


def _renderings(glossary: Glossary) -> Iterator[Rendering]:
    for term in glossary.terms:
        for renderings in term.renderings.values():
            yield from renderings


CHECKS: tuple[Callable[[Glossary], Iterator[Problem]], ...] = (
    same_rendering_in_two_terms,
    key_collisions,
    unknown_language_codes,
    missing_languages,
    stray_characters,
    exceptions_that_cannot_apply,
)
