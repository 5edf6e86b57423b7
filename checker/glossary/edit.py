"""Adding renderings to an existing glossary.yml: what `glossary suggest --write` does.

`add_renderings` checks the additions against the loaded glossary (plan), has the Editor
splice them into the text, and loads the result again to verify it holds exactly the old
glossary plus the additions before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.glossary.data import LanguageData, glossary_data
from checker.glossary.editor import Editor, LanguagePlan
from checker.glossary.load import parse_glossary
from checker.glossary.model import STATUSES, Glossary
from checker.glossary.problems import GlossaryEditError, GlossaryError, shown
from checker.glossary.yaml_nodes import compose
from checker.language import normalise_tag
from checker.names import did_you_mean

#: (term id, language, rendering, status) with status "variant", "forbidden", or
#: "preferred" (only for a language the term does not have yet)
Addition = tuple[str, str, str, str]


def add_renderings(text: str, additions: Iterable[Addition], path: str = "<glossary>") -> str:
    """`text` (a valid glossary.yml) with `additions` made; only the lines that must change change.

    A shorthand `de: X` becomes a mapping with `preferred: X`; a missing `variants:` or
    `forbidden:` key is added as a flow list; an existing flow list is appended to in place,
    a block list gets new `- item` lines; a language the term lacks is added (it needs a
    "preferred" addition). A rendering already listed with the same status is skipped.
    Languages are matched after normalisation (`EN` is `en`, `en-US` is not `en`).

    Raises GlossaryError when `text` is not a valid glossary, GlossaryEditError when an
    addition cannot be made.
    """
    from checker.perf import gc_paused

    glossary = parse_glossary(text, path)
    plan = _plan(glossary, additions)
    if not plan:
        return text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    # a large glossary's node graph is a million long-lived objects: see checker.perf
    with gc_paused():
        editor = Editor(body, compose(body))
        for term_id, languages in plan.items():
            editor.edit_term(term_id, languages)
        result = bom + editor.apply()
        _verify(glossary, plan, result, path)
    return result


#: a new term: (id, {language: (preferred, [variants])}, comment written after its id)
NewTerm = tuple[str, dict[str, tuple[str, list[str]]], str]


def add_terms(text: str, terms: Iterable[NewTerm], path: str = "<glossary>") -> str:
    """`text` (a valid glossary.yml) with `terms` appended after its last term, laid out as
    its terms are; the rest of the file is untouched. Raises GlossaryEditError for an id
    the glossary has, and when the result would not load as the old glossary plus these."""
    from checker.perf import gc_paused

    glossary = parse_glossary(text, path)
    terms = list(terms)
    if not terms:
        return text
    planned = []
    for term_id, languages, comment in terms:
        if term_id in glossary.by_id:
            raise GlossaryEditError(f"the glossary has a term '{shown(term_id)}' already")
        plans = []
        for language, (preferred, variants) in languages.items():
            lang = normalise_tag(language)
            if lang is None or not " ".join(preferred.split()):
                raise GlossaryEditError(f"term '{shown(term_id)}': no preferred rendering in '{shown(language)}'")
            plans.append((lang, LanguagePlan(False, " ".join(preferred.split()), [" ".join(v.split()) for v in variants])))
        planned.append((term_id, plans, comment))
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    with gc_paused():
        editor = Editor(body, compose(body))
        editor.append_terms(planned)
        result = bom + editor.apply()
        try:
            after = parse_glossary(result, path)
        except GlossaryError as exc:
            raise GlossaryEditError(f"internal error: the edited glossary does not load: {exc.problems[0]}") from None
        expected = glossary_data(glossary)
        for term_id, plans, _ in planned:
            expected["terms"].append({"id": term_id, "renderings": {
                lang: {"preferred": plan.preferred or "", "variants": list(plan.variant), "forbidden": []}
                for lang, plan in plans}})
        if _comparable(glossary_data(after)) != _comparable(expected):
            raise GlossaryEditError("internal error: the edited glossary does not hold what was added")
    return result


def _comparable(data: dict) -> list:
    """Terms by id with their note, case and renderings: adding terms changes nothing else."""
    return sorted(([t["id"], t.get("note"), bool(t.get("case_sensitive")),
                    sorted((lang, r["preferred"], list(r["variants"]), list(r["forbidden"]))
                           for lang, r in t["renderings"].items())] for t in data["terms"]), key=lambda t: t[0])


def _plan(glossary: Glossary, additions: Iterable[Addition]) -> dict[str, dict[str, LanguagePlan]]:
    """Validate the additions against the glossary; drop those already there."""
    plan: dict[str, dict[str, LanguagePlan]] = {}
    seen: dict[tuple[str, str], dict[str, str]] = {}  # (term, lang) -> rendering key -> status
    for term_id, language, rendering, status in additions:
        term = glossary.by_id.get(term_id)
        if term is None:
            raise GlossaryEditError(f"no term '{shown(term_id)}' in the glossary{did_you_mean(term_id, glossary.by_id)}")
        lang = normalise_tag(language)
        if lang is None:
            raise GlossaryEditError(f"term '{shown(term_id)}': '{shown(language)}' is not a language code")
        if status not in STATUSES:
            raise GlossaryEditError(
                f"term '{shown(term_id)}' [{lang}]: unknown status '{shown(status)}' (expected one of: {', '.join(STATUSES)})"
                + did_you_mean(status, STATUSES)
            )
        clean = " ".join(rendering.split())
        if not clean:
            raise GlossaryEditError(f"term '{shown(term_id)}' [{lang}]: empty rendering")
        existing = term.renderings.get(lang, ())
        statuses = seen.setdefault((term_id, lang), {_key(r.text, term.case_sensitive): r.status for r in existing})
        key = _key(clean, term.case_sensitive)
        if key in statuses:
            if statuses[key] != status:
                raise GlossaryEditError(
                    f"term '{shown(term_id)}' [{lang}]: '{shown(clean)}' is already a {statuses[key]} rendering, "
                    f"cannot add it as {status}"
                )
            continue
        entry = plan.setdefault(term_id, {}).setdefault(lang, LanguagePlan(exists=bool(existing)))
        if status == "preferred":
            current = term.preferred(lang)
            if current is not None or entry.preferred is not None:
                have = current.text if current is not None else entry.preferred
                raise GlossaryEditError(f"term '{shown(term_id)}' [{lang}]: already has the preferred rendering '{shown(have)}'")
            entry.preferred = clean
        else:
            getattr(entry, status).append(clean)
        statuses[key] = status
    for term_id, languages in plan.items():
        for lang, entry in languages.items():
            if not entry.exists and entry.preferred is None:
                raise GlossaryEditError(
                    f"term '{shown(term_id)}' has no '{lang}' rendering: add a preferred one with the others"
                )
    return plan


def _key(text: str, case_sensitive: bool) -> str:
    return text if case_sensitive else text.casefold()


def _verify(before: Glossary, plan: dict[str, dict[str, LanguagePlan]], text: str, path: str) -> None:
    """The edited text must load and hold exactly the old glossary plus the additions.

    A safety net: an edit that went wrong is refused instead of written to the user's file.
    """
    try:
        after = parse_glossary(text, path)
    except GlossaryError as exc:
        raise GlossaryEditError(f"internal error: the edited glossary does not load: {exc.problems[0]}") from None
    expected = glossary_data(before)
    for term in expected["terms"]:
        for lang, entry in plan.get(term["id"], {}).items():
            new: LanguageData = {"preferred": entry.preferred or "", "variants": [], "forbidden": []}
            items = term["renderings"].setdefault(lang, new)
            items["variants"].extend(entry.variant)
            items["forbidden"].extend(entry.forbidden)
    if glossary_data(after) != expected:
        raise GlossaryEditError("internal error: the edited glossary does not hold what was added")
