"""Inline reStructuredText: which characters of a text block are prose, which stand for code.

`parse(text, roles)` follows docutils' inline markup recognition rules (the `Inliner` of
docutils.parsers.rst.states, same regular expressions, same order, same slicing of the text
after each construct, since `^` and the look-behinds of the start-string rule see the slice,
not the whole block) and returns what the reader keeps, in order:

- `(a, b)`: text[a:b] is prose; a backslash escape is dropped (the escaped character is
  kept, an escaped space or line break is dropped with it);
- `(a, b, RAW)`: text[a:b] is prose as written, backslashes and all (the shown text of a
  Sphinx role, which docutils keeps unparsed);
- `k` (an int): one U+FFFC for something that is no prose, starting at text[k].

Prose: plain text, `*emphasis*`, `**strong**`, hyperlink text (`` `text <uri>`_ ``,
`word_`), inline targets (`` _`text` ``), the roles that only style their text
(`:emphasis:`, `:sub:`, `:abbreviation:`... and roles a `.. role::` directive defines), and
of the roles docutils does not know (Sphinx's), the shown text of `:ref:`, `:doc:`,
`:numref:`, `:download:`, `:any:` when a title is given and of `:term:`, `:abbr:`,
`:guilabel:`, `:menuselection:`, `:dfn:`. Objects: ``` ``literals`` ```, `interpreted text`
(its default role, title-reference, is code in technical writing), code, math and PEP/RFC
roles, every other unknown role, footnote and citation references, substitution references,
and a start-string without its end-string (docutils' "problematic" node).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.documents.rst.chars import (
    CLOSERS,
    CLOSING_DELIMITERS,
    DELIMITERS,
    OPENERS,
    match_chars,
)

RAW = 1  # third item of a range whose backslashes are text

SIMPLENAME = r"(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*"
_START_PREFIX = "(^|(?<=\\s|[%s%s]))" % (OPENERS, DELIMITERS)
_END_SUFFIX = "($|(?=\\s|[\x00%s%s%s]))" % (CLOSING_DELIMITERS, DELIMITERS, CLOSERS)
_NON_WS_ESC_BEFORE = r"(?<![\s\x00])"
_NON_UNESC_WS_ESC_BEFORE = r"(?<!(?<!\x00)[\s\x00])"
_NON_WS_AFTER = r"(?!\s)"

_ALTERNATIVES = (
    "(?P<initial_inline>"
    + r"(?P<start>\*\*|\*(?!\*)|``|_`|\|(?!\|))" + _NON_WS_AFTER
    + "|(?P<whole>(?P<refname>%s)(?P<refend>__?)" % SIMPLENAME
    + r"|\[(?P<footnotelabel>[0-9]+|\#(%s)?|\*|(?P<citationlabel>%s))(?P<fnend>\]_))" % (SIMPLENAME, SIMPLENAME)
    + _END_SUFFIX
    + "|(?P<role>(:%s:)?)(?P<backquote>`(?!`))" % SIMPLENAME + _NON_WS_AFTER
    + ")"
)
INITIAL = re.compile(_START_PREFIX + _ALTERNATIVES)
#: the same at the start of what is left after a construct, where docutils' `^` holds
#: (it searches a slice of the text there; this searches the text from that place)
_INITIAL_AT = re.compile(_ALTERNATIVES)
_EMPHASIS_END = re.compile(_NON_WS_ESC_BEFORE + r"(\*)" + _END_SUFFIX)
_STRONG_END = re.compile(_NON_WS_ESC_BEFORE + r"(\*\*)" + _END_SUFFIX)
_LITERAL_END = re.compile(r"(?<!\s)(``)" + _END_SUFFIX)
_TARGET_END = re.compile(_NON_WS_ESC_BEFORE + r"(`)" + _END_SUFFIX)
_SUBSTITUTION_END = re.compile(_NON_WS_ESC_BEFORE + r"(\|_{0,2})" + _END_SUFFIX)
_INTERPRETED_END = re.compile(
    _NON_UNESC_WS_ESC_BEFORE + r"(`(?P<suffix>(?P<role>:%s:)?(?P<refend>__?)?))" % SIMPLENAME + _END_SUFFIX
)
_URI_START = re.compile(r"[a-zA-Z][a-zA-Z0-9.+-]*:")  # an alias that is a URI, not a name_
_EMBEDDED_LINK = re.compile(r"((?:[ \n]+|^)<" + _NON_WS_AFTER + r"(([^<>]|\x00[<>])+)" + _NON_WS_ESC_BEFORE + r">)$")
#: what the initial pattern needs in a text to match at all
_TRIGGERS = ("*", "`", "_", "|")

# Roles: what docutils makes of each one it knows (English names and canonical names).
PROSE, OBJECT_ROLE, PROBLEM = "prose", "object", "problem"
_KNOWN_ROLES = {
    **dict.fromkeys(("abbreviation", "ab", "acronym", "ac", "emphasis", "strong", "subscript", "sub",
                     "superscript", "sup"), PROSE),
    **dict.fromkeys(("title-reference", "title", "t", "literal", "code", "math", "pep-reference", "pep",
                     "rfc-reference", "rfc"), OBJECT_ROLE),
    # raw is disabled; the rest are docutils' unimplemented roles: all "problematic"
    **dict.fromkeys(("raw", "index", "i", "named-reference", "anonymous-reference", "footnote-reference",
                     "citation-reference", "substitution-reference", "target", "uri-reference", "uri", "url",
                     "restructuredtext-unimplemented-role"), PROBLEM),
}
# Sphinx roles whose shown text is prose (read from the role's raw text, as the docutils-based
# reader did: docutils does not know them and leaves them unparsed).
_ROLE = re.compile(r":(?P<role>[A-Za-z0-9_.+:-]+):`(?P<content>.*)`$", re.S)
_PROSE_ROLES = frozenset({"term", "abbr", "guilabel", "menuselection", "dfn"})
_TITLED_ROLES = frozenset({"ref", "doc", "numref", "download", "any", "term"})
_TITLE = re.compile(r"^(?P<title>.*?)\s*<[^<>]*>\s*$", re.S)


@dataclass(frozen=True)
class Roles:
    """The roles a document has defined so far (`.. role::`) and its default role."""

    custom: dict[str, str] = field(default_factory=dict)
    default: str = OBJECT_ROLE

    def kind(self, name: str) -> str:
        """PROSE, OBJECT_ROLE or PROBLEM for role `name` ('' for the default role)."""
        if not name:
            return self.default
        name = name.lower()
        return self.custom.get(name) or _KNOWN_ROLES.get(name, PROBLEM)


DEFAULT_ROLES = Roles()


def escape2null(text: str) -> str:
    """`text` with each escaping backslash as NUL (same length, as docutils does)."""
    if "\\" not in text:
        return text
    parts = []
    start = 0
    while True:
        found = text.find("\\", start)
        if found == -1:
            parts.append(text[start:])
            return "".join(parts)
        parts.append(text[start:found])
        parts.append("\x00" + text[found + 1 : found + 2])
        start = found + 2


Op = "tuple[int, int] | tuple[int, int, int] | int"


def parse(text: str, roles: Roles = DEFAULT_ROLES) -> list:
    """The prose ranges and objects of `text` (one block's text, lines joined by newlines)."""
    if not any(t in text for t in _TRIGGERS):
        return [(0, len(text))] if text else []
    return _Parser(text, escape2null(text), roles).run()


def has_ids(text: str, roles: Roles = DEFAULT_ROLES) -> bool:
    """Whether docutils makes, in `text`, an inline element a substitution definition may not
    hold: one with an id (a "problematic" node, an inline target, a named embedded URI), an
    anonymous reference, an auto-numbered footnote reference."""
    if not any(t in text for t in _TRIGGERS):
        return False
    parser = _Parser(text, escape2null(text), roles)
    parser.run()
    return parser.ids


_FIRST_TRIGGER = re.compile(r"[*`|_\[]")


def _search_start(s: str, base: int) -> int:
    """Where the initial pattern's search of `s` from `base` may start: the start of the
    non-blank run holding the first character any construct needs (`*`, `` ` ``, `|`, `_`,
    `[`). No construct spans a blank before that character: the regex engine is spared
    trying every word before it as a reference name."""
    m = _FIRST_TRIGGER.search(s, base)
    if m is None:
        return len(s)
    q = m.start()
    while q > base and not s[q - 1].isspace():
        q -= 1
    return q


class _Parser:
    __slots__ = ("raw", "esc", "roles", "out", "base", "ids")

    def __init__(self, raw: str, esc: str, roles: Roles) -> None:
        self.raw = raw
        self.esc = esc
        self.roles = roles
        self.out: list = []
        self.base = 0  # where the slice being searched starts in the text
        self.ids = False  # see has_ids

    def run(self) -> list:
        esc = self.esc
        while self.base < len(esc):
            m = self._next(esc, self.base)
            if m is None:
                break
            g = m.group
            if g("start"):
                start = g("start")
                if start == "*":
                    end = self._inline_obj(m, _EMPHASIS_END, "text")
                elif start == "**":
                    end = self._inline_obj(m, _STRONG_END, "text")
                elif start == "``":
                    end = self._inline_obj(m, _LITERAL_END, "object")
                elif start == "_`":
                    end = self._inline_obj(m, _TARGET_END, "text")
                else:
                    end = self._inline_obj(m, _SUBSTITUTION_END, "object")
            elif g("backquote"):
                end = self._interpreted_or_phrase_ref(m)
            elif g("fnend"):
                self._text(self.base, m.start("whole"))
                self._object(m.start("whole"))
                if m.group("footnotelabel")[0] in "#*":
                    self.ids = True
                end = m.end("whole")
            else:  # a simple reference: its name is prose
                self._text(self.base, m.end("refname"))
                if m.group("refend") == "__":
                    self.ids = True
                end = m.end("whole")
            self.base = end
        self._text(self.base, len(esc))
        return self.out

    @staticmethod
    def _next(esc: str, base: int) -> re.Match[str] | None:
        """The next construct from `base` on, as docutils finds it in the slice esc[base:]
        (without copying the slice: a paragraph of a thousand constructs stays linear)."""
        if base == 0:
            return INITIAL.search(esc, _search_start(esc, 0))
        m = _INITIAL_AT.match(esc, base)  # at the slice's start `^` holds, whatever precedes
        if m is not None:
            return m
        return INITIAL.search(esc, max(base + 1, _search_start(esc, base)))

    # --- output (offsets in the text) ----------------------------------------------------

    def _text(self, a: int, b: int) -> None:
        if b > a:
            out = self.out
            if out and type(out[-1]) is tuple and len(out[-1]) == 2 and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))

    def _raw(self, a: int, b: int) -> None:
        if b > a:
            self.out.append((a, b, RAW))

    def _object(self, k: int) -> None:
        self.out.append(k)

    # --- constructs: each returns where the rest of the text starts -----------------------

    def _quoted_start(self, m: re.Match[str]) -> bool:
        """A start-string between matching brackets or quotes, `"*"`, is no markup."""
        string, start = m.string, m.start()
        if start == self.base:  # the start of docutils' slice
            return False
        if m.end() >= len(string):
            return True
        return match_chars(string[start - 1], string[m.end()])

    def _inline_obj(self, m: re.Match[str], end_pattern: re.Pattern[str], kind: str) -> int:
        matchstart, matchend = m.start("start"), m.end("start")
        if self._quoted_start(m):
            self._text(self.base, matchend)
            return matchend
        # (searching from matchend sees the same as docutils' search of the slice after it:
        # the look-behinds there see the start-string, never blank)
        endmatch = end_pattern.search(m.string, matchend)
        if endmatch and endmatch.start(1) > matchend:
            self._text(self.base, matchstart)
            if kind == "text":
                self._text(matchend, endmatch.start(1))
                if m.group("start") == "_`":
                    self.ids = True
            else:
                self._object(matchstart)
            return endmatch.end(1)
        self._text(self.base, matchstart)
        self._object(matchstart)  # a start-string without end-string: "problematic"
        self.ids = True
        return matchend

    def _interpreted_or_phrase_ref(self, m: re.Match[str]) -> int:
        string = m.string
        matchstart, matchend = m.start("backquote"), m.end("backquote")
        rolestart = m.start("role")
        role = m.group("role")
        if role:
            role = role[1:-1]
        elif self._quoted_start(m):
            self._text(self.base, matchend)
            return matchend
        endmatch = _INTERPRETED_END.search(string, matchend)
        if not (endmatch and endmatch.start(1) > matchend):
            self._text(self.base, matchstart)  # the role prefix, if any, stays text
            self._object(matchstart)
            self.ids = True
            return matchend
        textend = endmatch.end()
        if endmatch.group("role"):
            if role:  # both a prefix and a suffix role
                self._text(self.base, rolestart)
                self._object(rolestart)
                self.ids = True
                return textend
            role = endmatch.group("suffix")[1:-1]
        content = (matchend, endmatch.start(1))
        if endmatch.group("refend"):
            if role:  # a role and a reference suffix
                self._text(self.base, rolestart)
                self._object(rolestart)
                self.ids = True
                return textend
            self._text(self.base, matchstart)
            self._phrase_ref(matchstart, *content, anonymous=endmatch.group("refend") == "__")
            return textend
        self._text(self.base, rolestart)
        kind = self.roles.kind(role)
        if kind == PROSE:
            self._text(*content)
        elif kind == OBJECT_ROLE:
            self._object(rolestart)
        else:
            self.ids = True  # a "problematic" node, whatever is shown of it
            self._problem(rolestart, textend, *content)
        return textend

    def _phrase_ref(self, start: int, a: int, b: int, anonymous: bool) -> None:
        """`text <uri>`_, `text <name_>`_, `text`_: the text is prose, the target is not."""
        escaped = self.esc[a:b]
        link = _EMBEDDED_LINK.search(escaped)
        if link is None:
            self.ids = self.ids or anonymous
            self._text(a, b)
            return
        alias = link.group(2)
        named = alias.endswith("_") and not alias.endswith("\x00_") and not _URI_START.match(alias)
        if not anonymous and not named:
            self.ids = True  # docutils makes the URI a named target, with an id
        if link.start(0) > 0:
            self._text(a, a + link.start(0))
            return
        # `<uri>`_ shows the URI as docutils writes it: prose where the file has it so
        if not named and "@" not in alias and not any(c in alias for c in " \n\x00"):
            self._text(a + link.start(2), a + link.end(2))
        else:
            self._object(start)

    def _problem(self, rolestart: int, textend: int, a: int, b: int) -> None:
        """A role docutils does not know: Sphinx's shown text, or an object."""
        raw = self.raw[rolestart:textend]
        m = _ROLE.match(raw)
        if m is None:
            self._object(rolestart)
            return
        role = m.group("role").lower().rpartition(":")[2]
        content = m.group("content")
        titled = _TITLE.match(content)
        if role in _TITLED_ROLES and titled is not None:
            shown = len(titled.group("title"))
        elif role in _PROSE_ROLES:
            shown = len(content)
        else:
            self._object(rolestart)
            return
        start = rolestart + len(m.group("role")) + 3
        self._raw(start, start + shown)
