"""The glossary's model: terms, their renderings per language, and the glossary holding them.

Plain frozen dataclasses, built by checker.glossary.load and cached compiled by
checker.matching.cache (whose stamp names this module: a change of shape here must not
load pickles of the old one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from checker.language import primary

STATUSES = ("preferred", "variant", "forbidden")
#: how a rendering's words are compared with a text's: dictionary forms (lemma), Snowball
#: stems (stem), or the normalised words as written (exact); None is the language's default
MATCH_MODES = ("lemma", "stem", "exact")


@dataclass(frozen=True, eq=False)
class Rendering:
    """One way of writing a term in one language, with its status.

    Compared and hashed by identity: each rendering is one object of the loaded
    glossary, and the matcher counts millions of them.
    """

    term_id: str
    language: str
    text: str
    status: str  # "preferred", "variant" or "forbidden"
    line: int = 0
    #: position in the glossary (term order, then preferred, variants, forbidden)
    order: int = 0
    column: int = 0
    #: the value as written in the file, before spaces were collapsed (for lint)
    raw: str = ""
    #: the effective match mode: the rendering's own, else the term's, else None (the
    #: language's default); one of MATCH_MODES
    match: str | None = None
    #: the effective exceptions, phrases inside which this rendering is not counted: the
    #: term's, then the rendering's own, duplicates removed, order kept
    exceptions: tuple[str, ...] = ()
    #: what the rendering itself sets (`{text: ..., match: ..., exceptions: [...]}`), for
    #: writing the glossary back; None when it sets nothing (one field, not three: a large
    #: glossary creates hundreds of thousands of renderings)
    own: OwnSettings | None = field(default=None, compare=False, repr=False)

    @property
    def own_match(self) -> str | None:
        """The match mode the rendering sets itself (None: it inherits its term's)."""
        return self.own.match if self.own else None

    @property
    def own_exceptions(self) -> tuple[str, ...]:
        """The exceptions the rendering lists itself, as written (spaces collapsed)."""
        return self.own.exceptions if self.own else ()

    @property
    def exception_positions(self) -> tuple[tuple[int, int], ...]:
        """(line, column) of each of own_exceptions (for lint)."""
        return self.own.positions if self.own else ()


@dataclass(frozen=True)
class OwnSettings:
    """The match mode and exceptions a rendering sets itself."""

    match: str | None = None
    exceptions: tuple[str, ...] = ()
    positions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Term:
    """One key term: its renderings per language and the settings they share."""

    id: str
    renderings: dict[str, tuple[Rendering, ...]]
    note: str | None = None
    case_sensitive: bool = False
    line: int = 0
    #: language -> line of its key in the file
    language_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: the match mode the term sets for all its renderings (None: the language's default)
    match: str | None = None
    #: phrases inside which none of the term's renderings is counted
    exceptions: tuple[str, ...] = ()
    #: (line, column) of each of exceptions (for lint)
    exception_positions: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)

    def preferred(self, language: str) -> Rendering | None:
        for r in self.renderings.get(language, ()):
            if r.status == "preferred":
                return r
        return None


@dataclass(frozen=True)
class Glossary:
    """The loaded glossary file: its terms in file order, by id, and the file's SHA-256."""

    path: str
    terms: tuple[Term, ...]
    sha256: str = ""
    by_id: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({lang for t in self.terms for lang in t.renderings}))

    def resolve_language(self, language: str | None) -> str | None:
        """The glossary language to use for a document language ('en-US' -> 'en')."""
        if language is None:
            return None
        langs = self.languages
        if language in langs:
            return language
        for lang in langs:
            if primary(lang) == primary(language) and "-" not in lang:
                return lang
        for lang in langs:
            if primary(lang) == primary(language):
                return lang
        return None

    def renderings(self, language: str) -> list[Rendering]:
        """All renderings in `language`, in glossary order."""
        return [r for t in self.terms for r in t.renderings.get(language, ())]
