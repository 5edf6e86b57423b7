"""The glossary: key terms and their renderings per language, loaded from `glossary.yml`.

Format (version 1)::

    version: 1
    terms:
      - id: indivisible-security
        note: OSCE principle, Istanbul 1999
        case_sensitive: false
        renderings:
          en:
            preferred: indivisible security
            variants: [indivisibility of security]
            forbidden: [undivided security]
          de: unteilbare Sicherheit          # shorthand: preferred only
      - id: kyiv
        match: exact                         # lemma | stem | exact (default: the language's)
        exceptions: [Kievan Rus]             # phrases inside which renderings do not count
        renderings:
          en:
            preferred: Kyiv
            forbidden:
              - text: Kiev                   # a rendering may be a mapping with its own
                exceptions: [Chicken Kiev]   # match and exceptions

The loader works on PyYAML's node graph (composed by libyaml when available), so every
value keeps its line and column, duplicate keys are seen rather than silently
overwritten, and scalars stay strings (`no:` is Norwegian, not False).

YAML anchors and aliases (`&name`, `*name`) are refused: one alias of a long string used
thousands of times turns a small file into an enormous glossary (and error report). Text
from the file is echoed in messages shortened to SHOWN_CHARS characters, control
characters escaped, so every problem stays one short line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from checker.language import normalise_tag, primary

STATUSES = ("preferred", "variant", "forbidden")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TERM_KEYS = ("id", "note", "case_sensitive", "match", "exceptions", "renderings")
_LANG_KEYS = ("preferred", "variants", "forbidden")
_RENDERING_KEYS = ("text", "match", "exceptions")
#: how much of a value from the file a message echoes
SHOWN_CHARS = 80
#: the longest message one problem prints (several echoed values and the text around them)
_MAX_MESSAGE = 400
#: where an anchor (`&a`) or alias (`*a`) may start: after a space, a line start or a flow
#: indicator (only a hint: a quoted "R &D" matches too, and is looked at more closely)
_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,])[&*][^\s\[\]{},]")
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


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def shown(text: object, limit: int = SHOWN_CHARS) -> str:
    """`text` as a message echoes it: control characters escaped, at most `limit`
    characters (then cut, with an ellipsis)."""
    value = str(text)
    if not value.isprintable():
        value = "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in value)
    if len(value) > limit:
        value = value[: limit - 1] + "\u2026"
    return value


def _escape(ch: str) -> str:
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch) or (
        f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"
    )


def _short(message: str) -> str:
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "\u2026"


class GlossaryError(Exception):
    """The glossary cannot be used; `problems` lists every reason, each with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def load_glossary(path: str) -> Glossary:
    """Read and validate a glossary file; raise GlossaryError with every problem found."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise GlossaryError([Problem(path, 1, 1, f"cannot read glossary: {exc.strerror or exc}")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError([Problem(path, line, 1, "glossary is not valid UTF-8")])
    return parse_glossary(text, path, sha256=hashlib.sha256(data).hexdigest())


def parse_glossary(text: str, path: str = "<glossary>", sha256: str = "") -> Glossary:
    import yaml

    from checker.perf import gc_paused

    if _ANCHOR_HINT.search(text):
        _refuse_anchors(text, path)
    try:
        with gc_paused():
            root = yaml.compose(text, Loader=_loader_class())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        msg = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise GlossaryError([Problem(path, line, col, _short(f"YAML syntax error: {shown(msg, 200)}"))])
    except yaml.reader.ReaderError as exc:
        # a character YAML does not allow (a control character, U+FFFE, ...): at its place
        line, col = _line_col(text, exc.position)
        char = exc.character
        what = f"character U+{char:04X}" if isinstance(char, int) else f"character {shown(repr(char))}"
        raise GlossaryError([Problem(path, line, col, f"YAML error: {what} is not allowed ({exc.reason})")])
    except yaml.YAMLError as exc:
        raise GlossaryError([Problem(path, 1, 1, f"YAML error: {shown(exc, 200)}")])
    builder = _Builder(path)
    with gc_paused():
        terms = builder.build(root)
    if builder.problems:
        raise GlossaryError(builder.problems)
    return Glossary(path=path, terms=tuple(terms), sha256=sha256, by_id={t.id: t for t in terms})


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of character `position` of `text` (lines as YAML counts them)."""
    position = max(0, min(position, len(text)))
    before = text[:position]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return len(re.findall(r"\r\n|\r|\n", before)) + 1, position - line_start + 1


def _refuse_anchors(text: str, path: str) -> None:
    """GlossaryError at the first anchor or alias of `text`, if it has one.

    Done on the parser's events, before any node is composed: an alias is never expanded.
    A file that does not parse is left to the composer to report.
    """
    import yaml

    try:
        for event in yaml.parse(text, Loader=_loader_class()):
            if isinstance(event, yaml.AliasEvent):
                what = f"alias '*{shown(event.anchor, 40)}'"
            elif getattr(event, "anchor", None) is not None:
                what = f"anchor '&{shown(event.anchor, 40)}'"
            else:
                continue
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            raise GlossaryError([Problem(
                path, line, col,
                f"YAML {what}: anchors and aliases are not allowed in a glossary (write each value out)",
            )])
    except yaml.YAMLError:
        return


def _loader_class():
    """libyaml's composer, with tag resolution switched off: every scalar is a string to us,
    and PyYAML's regex-based resolver was most of the load time of a large glossary."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _StringLoader(base):  # type: ignore[misc, valid-type]
        def resolve(self, kind, value, implicit):  # noqa: ARG002
            return _TAGS[kind]

    _TAGS.update({yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
                  yaml.MappingNode: "tag:yaml.org,2002:map"})
    return _StringLoader


_TAGS: dict = {}


def _pos(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Walks the YAML nodes, collecting every problem instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, node, message: str) -> None:
        line, col = _pos(node) if node is not None else (1, 1)
        self.problems.append(Problem(self.path, line, col, _short(message)))

    def mapping(self, node, what: str, allowed: tuple[str, ...]) -> dict | None:
        """Key -> (key node, value node) of a mapping node, reporting duplicates and unknown keys."""
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping")
            return None
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"{what}: keys must be plain strings")
                continue
            key = key_node.value
            if key in out:
                self.error(key_node, f"{what}: duplicate key '{shown(key)}' (first at line {_pos(out[key][0])[0]})")
                continue
            if allowed and key not in allowed:
                from checker.names import did_you_mean

                hint = did_you_mean(key, allowed)
                self.error(key_node, f"{what}: unknown key '{shown(key)}' (expected one of: {', '.join(allowed)}){hint}")
                continue
            out[key] = (key_node, value_node)
        return out

    def scalar(self, node, what: str) -> str | None:
        import yaml

        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{what} must be a string")
            return None
        return node.value

    def rendering_nodes(self, node, what: str) -> list:
        """The items of a list of renderings; a single string is accepted as a one-item list."""
        import yaml

        if isinstance(node, yaml.ScalarNode):
            return [node]
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list of renderings (strings or {{text: ...}} mappings)")
            return []
        return list(node.value)

    def match_mode(self, node, what: str) -> str | None:
        value = self.scalar(node, f"{what} match")
        if value is None:
            return None
        if value not in MATCH_MODES:
            from checker.names import did_you_mean

            hint = did_you_mean(value, MATCH_MODES)
            self.error(node, f"{what}: unknown match mode '{shown(value)}' (expected one of: {', '.join(MATCH_MODES)}){hint}")
            return None
        return value

    def exception_list(self, node, what: str) -> list[tuple[str, tuple[int, int]]]:
        """(phrase, position) of each item of an `exceptions:` list, spaces collapsed."""
        import yaml

        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what}: exceptions must be a list of phrases")
            return []
        out = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                self.error(item, f"{what}: each exception must be a string")
                continue
            clean = " ".join(item.value.split())
            if not clean:
                self.error(item, f"{what}: empty exception")
                continue
            out.append((clean, _pos(item)))
        return out

    def rendering(self, node, where: str, status: str) -> tuple[str, object, str | None, list] | None:
        """(text, node of the text, own match, own exceptions) of a rendering given as a
        string or as a mapping `{text: ..., match: ..., exceptions: [...]}`."""
        import yaml

        if isinstance(node, yaml.ScalarNode):
            return node.value, node, None, []
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{where}: a {status} rendering must be a string or a {{text: ...}} mapping")
            return None
        what = f"{where} {status} rendering"
        fields = self.mapping(node, what, _RENDERING_KEYS)
        if fields is None:
            return None
        match, exceptions = None, []
        for key, (_, value_node) in fields.items():  # in file order, so problems are too
            if key == "match":
                match = self.match_mode(value_node, what)
            elif key == "exceptions":
                exceptions = self.exception_list(value_node, what)
        if "text" not in fields:
            self.error(node, f"{what}: missing 'text'")
            return None
        text_node = fields["text"][1]
        text = self.scalar(text_node, f"{what} text")
        if text is None:
            return None
        return text, text_node, match, exceptions

    def build(self, root) -> list[Term]:
        if root is None:
            self.error(None, "glossary is empty (expected 'version: 1' and 'terms:')")
            return []
        top = self.mapping(root, "glossary", ("version", "terms"))
        if top is None:
            return []
        if "version" not in top:
            self.error(root, "glossary: missing 'version: 1'")
        else:
            version = self.scalar(top["version"][1], "version")
            if version is not None and version != "1":
                self.error(top["version"][1], f"unsupported glossary version '{shown(version)}' (this termcheck reads version 1)")
        if "terms" not in top:
            self.error(root, "glossary: missing 'terms'")
            return []
        import yaml

        terms_node = top["terms"][1]
        if not isinstance(terms_node, yaml.SequenceNode):
            self.error(terms_node, "'terms' must be a list of terms")
            return []
        terms: list[Term] = []
        seen: dict[str, int] = {}
        order = 0
        for term_node in terms_node.value:
            term = self.term(term_node, order)
            if term is None:
                continue
            if term.id in seen:
                self.error(term_node, f"duplicate term id '{shown(term.id)}' (first at line {seen[term.id]})")
                continue
            seen[term.id] = term.line
            order += sum(len(v) for v in term.renderings.values())
            terms.append(term)
        return terms

    def term(self, node, order: int) -> Term | None:
        fields = self.mapping(node, "term", _TERM_KEYS)
        if fields is None:
            return None
        line = _pos(node)[0]
        if "id" not in fields:
            self.error(node, "term: missing 'id'")
            return None
        term_id = self.scalar(fields["id"][1], "id")
        if term_id is None:
            return None
        if not _ID.match(term_id):
            self.error(fields["id"][1], f"term id '{shown(term_id)}' must be lowercase letters, digits and '-'")
        note = self.scalar(fields["note"][1], "note") if "note" in fields else None
        case_sensitive = False
        if "case_sensitive" in fields:
            raw = self.scalar(fields["case_sensitive"][1], "case_sensitive")
            if raw is not None:
                if raw.lower() in ("true", "yes", "on"):
                    case_sensitive = True
                elif raw.lower() not in ("false", "no", "off"):
                    self.error(fields["case_sensitive"][1], f"term '{shown(term_id)}': case_sensitive must be true or false")
        match = self.match_mode(fields["match"][1], f"term '{shown(term_id)}'") if "match" in fields else None
        exceptions = (
            self.exception_list(fields["exceptions"][1], f"term '{shown(term_id)}'") if "exceptions" in fields else []
        )
        if "renderings" not in fields:
            self.error(node, f"term '{shown(term_id)}': missing 'renderings'")
            return None
        langs = self.mapping(fields["renderings"][1], f"term '{shown(term_id)}' renderings", ())
        if langs is None:
            return None
        if not langs:
            self.error(fields["renderings"][1], f"term '{shown(term_id)}': no renderings")
        renderings: dict[str, tuple[Rendering, ...]] = {}
        language_lines: dict[str, int] = {}
        phrases = tuple(e for e, _ in exceptions) if exceptions else ()
        inherited = _unique(phrases, case_sensitive) if phrases else ()
        for raw_lang, (lang_node, value_node) in langs.items():
            lang = normalise_tag(raw_lang)
            if lang is None:
                self.error(lang_node, f"term '{shown(term_id)}': '{shown(raw_lang)}' is not a language code")
                continue
            if lang in renderings:
                self.error(lang_node, f"term '{shown(term_id)}': language '{shown(lang)}' given twice")
                continue
            language_lines[lang] = _pos(lang_node)[0]
            items = self.language(term_id, lang, lang_node, value_node, case_sensitive, order, match, inherited)
            order += len(items)
            renderings[lang] = tuple(items)
        return Term(
            id=term_id, renderings=renderings, note=note, case_sensitive=case_sensitive, line=line,
            language_lines=language_lines, match=match, exceptions=phrases,
            exception_positions=tuple(p for _, p in exceptions) if exceptions else (),
        )

    def language(
        self, term_id: str, lang: str, key_node, node, case_sensitive: bool, order: int,
        term_match: str | None = None, inherited: tuple[str, ...] = (),
    ) -> list[Rendering]:
        """The renderings of one language; `inherited` are the term's exceptions, repeats removed."""
        import yaml

        where = f"term '{shown(term_id)}' [{shown(lang)}]"
        entries: list[tuple[object, str]] = []  # (node, status)
        if isinstance(node, yaml.ScalarNode) or (
            # most language mappings start with `preferred:`; only others need a closer look
            isinstance(node, yaml.MappingNode) and node.value and node.value[0][0].value != "preferred"
            and _is_rendering_mapping(node)
        ):
            entries.append((node, "preferred"))  # shorthand: the preferred rendering only
        else:
            fields = self.mapping(node, where, _LANG_KEYS)
            if fields is None:
                return []
            if "preferred" not in fields:
                self.error(key_node, f"{where}: missing 'preferred'")
            else:
                entries.append((fields["preferred"][1], "preferred"))
            for key, status in (("variants", "variant"), ("forbidden", "forbidden")):
                if key in fields:
                    for item in self.rendering_nodes(fields[key][1], f"{where} {key}"):
                        entries.append((item, status))
        out: list[Rendering] = []
        seen: dict[str, tuple[str, int]] = {}
        scalar = yaml.ScalarNode
        for entry_node, status in entries:
            if type(entry_node) is scalar:  # a plain string: most renderings of a large glossary
                text, item, own_match, own_exceptions = entry_node.value, entry_node, None, None
            else:
                parsed = self.rendering(entry_node, where, status)
                if parsed is None:
                    continue
                text, item, own_match, own_exceptions = parsed
            clean = " ".join(text.split())
            if not clean:
                self.error(item, f"{where}: empty {status} rendering")
                continue
            key = clean if case_sensitive else clean.casefold()
            if key in seen:
                first_status, first_line = seen[key]
                self.error(
                    item,
                    f"{where}: rendering '{shown(clean)}' listed twice (as {first_status} at line {first_line} and as {status})",
                )
                continue
            line = _pos(item)[0]
            seen[key] = (status, line)
            column = _pos(item)[1]
            if own_match or own_exceptions:
                own = tuple(e for e, _ in own_exceptions or ())
                out.append(Rendering(
                    term_id, lang, clean, status, line, order + len(out), column, text,
                    match=own_match or term_match,
                    exceptions=_unique((*inherited, *own), case_sensitive),
                    own=OwnSettings(own_match, own, tuple(p for _, p in own_exceptions or ())),
                ))
            elif term_match is None and not inherited:
                out.append(Rendering(term_id, lang, clean, status, line, order + len(out), column, text))
            else:
                out.append(Rendering(
                    term_id, lang, clean, status, line, order + len(out), column, text, term_match, inherited
                ))
        return out


def _is_rendering_mapping(node) -> bool:
    """A mapping that is one rendering (`{text: ...}`) rather than a language's
    `preferred:`/`variants:`/`forbidden:`: it has a rendering key and no language key."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return False
    found = False
    for key, _ in node.value:
        value = key.value if isinstance(key, yaml.ScalarNode) else None
        if value in _LANG_KEYS:
            return False
        found = found or value in _RENDERING_KEYS
    return found


def _unique(phrases: tuple[str, ...], case_sensitive: bool) -> tuple[str, ...]:
    """The phrases without repeats (compared case-insensitively unless case_sensitive), in order."""
    seen: set[str] = set()
    out = []
    for phrase in phrases:
        key = phrase if case_sensitive else phrase.casefold()
        if key not in seen:
            seen.add(key)
            out.append(phrase)
    return tuple(out)
