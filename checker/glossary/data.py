"""The glossary as plain data: glossary.yml's shape in dicts and lists.

What the TBX and CSV importers return, what `dump_glossary` writes, and what the editor
compares before and after an edit: `{"version": 1, "terms": [...]}`, with `match` and
`exceptions` only where the file sets them.
"""

from __future__ import annotations

from typing import TypedDict, Union

from checker.glossary.model import Glossary, Rendering


class _RenderingRequired(TypedDict):
    text: str


class RenderingData(_RenderingRequired, total=False):
    """A rendering that sets its own match mode or exceptions: `{text: Kiev, match: exact}`."""

    match: str
    exceptions: list[str]


#: a rendering: its text, or a RenderingData when it sets its own match or exceptions
RenderingValue = Union[str, RenderingData]


class LanguageData(TypedDict):
    """The renderings of a term in one language."""

    preferred: RenderingValue
    variants: list[RenderingValue]
    forbidden: list[RenderingValue]


class _TermRequired(TypedDict):
    id: str
    renderings: dict[str, LanguageData]


class TermData(_TermRequired, total=False):
    note: str | None
    case_sensitive: bool
    #: only when the term sets them
    match: str
    exceptions: list[str]


class GlossaryData(TypedDict):
    """What glossary.yml (version 1) holds, as dicts and lists: `{"version": 1, "terms": [...]}`."""

    version: int
    terms: list[TermData]


def glossary_data(glossary: Glossary) -> GlossaryData:
    """A loaded glossary as plain data (what `dump_glossary` writes back).

    `match` and `exceptions` appear only where the file sets them: on the term, and on a
    rendering (which is then a RenderingData instead of its text).
    """
    terms: list[TermData] = []
    for term in glossary.terms:
        renderings: dict[str, LanguageData] = {}
        for lang, items in term.renderings.items():
            renderings[lang] = {
                "preferred": next(rendering_value(r) for r in items if r.status == "preferred"),
                "variants": [rendering_value(r) for r in items if r.status == "variant"],
                "forbidden": [rendering_value(r) for r in items if r.status == "forbidden"],
            }
        data: TermData = {"id": term.id, "note": term.note, "case_sensitive": term.case_sensitive,
                          "renderings": renderings}
        if term.match:
            data["match"] = term.match
        if term.exceptions:
            data["exceptions"] = list(term.exceptions)
        terms.append(data)
    return {"version": 1, "terms": terms}


def rendering_value(rendering: Rendering) -> RenderingValue:
    """A rendering as data: its text, or `{"text": ..., "match": ..., "exceptions": [...]}`
    with what the rendering itself sets (not what it inherits from its term)."""
    if not rendering.own_match and not rendering.own_exceptions:
        return rendering.text
    data: RenderingData = {"text": rendering.text}
    if rendering.own_match:
        data["match"] = rendering.own_match
    if rendering.own_exceptions:
        data["exceptions"] = list(rendering.own_exceptions)
    return data


def rendering_text(value: RenderingValue) -> str:
    """The text of a rendering given as data."""
    return value if isinstance(value, str) else value.get("text", "")
