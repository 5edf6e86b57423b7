"""Writing and editing glossary.yml without destroying what terminologists wrote in it.

Three things live here because they are all "glossary.yml as a document":

* the glossary as plain data (`GlossaryData`): what the TBX and CSV importers return and
  `dump_glossary` writes, shaped like the YAML itself;
* `dump_glossary`: a new glossary.yml from such data, written with ruamel.yaml;
* `add_renderings`: new variants and forbidden renderings spliced into an existing file.
  Only the lines that must change change; comments, quoting, blank lines, key order and
  indentation elsewhere stay byte for byte.

`round_trip` (ruamel.yaml's round-trip mode, indentation detected from the file) loads and
writes a file back unchanged; it is the base for edits that need a full document model.

ruamel.yaml is imported lazily: `termcheck check` never pays for it.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypedDict, Union

from checker.glossary import (
    STATUSES,
    Glossary,
    GlossaryError,
    Problem,
    Rendering,
    _is_rendering_mapping,
    parse_glossary,
    shown,
)
from checker.language import normalise_tag
from checker.names import did_you_mean

if TYPE_CHECKING:
    from ruamel.yaml import YAML


# ---------------------------------------------------------------------------------------
# The glossary as plain data


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


class GlossaryIOError(GlossaryError):
    """A file in an exchange format (TBX, CSV) that cannot be imported, with the line to look at.

    A GlossaryError, so the CLI reports it like any glossary problem (`file:line:col: error: ...`).
    """

    def __init__(self, path: str, line: int, message: str, column: int = 1) -> None:
        super().__init__([Problem(path, line, column, message)])
        self.path, self.line, self.column, self.message = path, line, column, message


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


# ---------------------------------------------------------------------------------------
# ruamel.yaml, configured to give a file back as it was

#: wide enough that ruamel never re-wraps a long line
_WIDTH = 1 << 30
#: (mapping, sequence, offset) of the repository's glossary.yml: `terms:\n  - id: ...`
DEFAULT_INDENT = (2, 4, 2)


def yaml_handler(indent: tuple[int, int, int] = DEFAULT_INDENT) -> YAML:
    """A round-trip ruamel.yaml instance: quotes preserved, no re-wrapping, the given indentation."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.width = _WIDTH
    return yaml


def detect_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as ruamel.yaml counts them, from the first nested block
    mapping and block sequence of `text`; the repository's layout when it has none."""
    try:
        root = _compose(text)
    except Exception:  # noqa: BLE001 - a file that does not parse has no layout to keep
        return DEFAULT_INDENT
    return _indent_of(root)


def load_document(text: str) -> tuple[Any, YAML]:
    """The round-trip document of `text` and the handler (with the file's indentation) to dump it."""
    yaml = yaml_handler(detect_indent(text))
    return yaml.load(text), yaml


def dump_document(document: Any, yaml: YAML) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def round_trip(text: str) -> str:
    """Load and write back with ruamel.yaml; byte-identical for glossary files in one indentation."""
    document, yaml = load_document(text)
    return dump_document(document, yaml)


# ---------------------------------------------------------------------------------------
# Writing a new glossary.yml


def dump_glossary(
    data: GlossaryData, header: str | None = None, *, path: str = "<glossary>", source: str = ""
) -> str:
    """A new glossary.yml (version 1) holding `data`; `header` becomes a leading comment.

    The text is loaded again before it is returned: GlossaryError (naming `path`, the file
    it is meant for, and `source`, what the data came from) if it would not load.

    A language with only a preferred rendering is written in shorthand (`de: Text`),
    variants and forbidden renderings as flow lists (`[a, b]`), a blank line between terms,
    and `case_sensitive` only when true; `match` and `exceptions` of a term after it, a
    rendering that sets its own as a flow mapping (`{text: Kiev, match: exact}`).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from checker.perf import gc_paused

    entries = []
    for term in data["terms"]:
        if not term.get("renderings"):
            raise ValueError(f"term '{shown(term.get('id'))}' has no renderings")
        entry = CommentedMap()
        entry["id"] = _text(term["id"])
        if term.get("note"):
            entry["note"] = _note(term["note"])  # type: ignore[arg-type]
        if term.get("case_sensitive"):
            entry["case_sensitive"] = True
        if term.get("match"):
            entry["match"] = _text(term["match"])  # type: ignore[arg-type]
        if term.get("exceptions"):
            entry["exceptions"] = _flow_seq(term["exceptions"])  # type: ignore[arg-type]
        renderings = CommentedMap()
        for lang, items in term["renderings"].items():
            preferred = items.get("preferred")
            if not preferred or not rendering_text(preferred):
                raise ValueError(f"term '{shown(term['id'])}' [{shown(lang)}]: no preferred rendering")
            variants, forbidden = items.get("variants") or [], items.get("forbidden") or []
            if not variants and not forbidden and isinstance(preferred, str):
                renderings[_text(lang)] = _text(preferred)
                continue
            full = CommentedMap()
            full["preferred"] = _rendering_node(preferred)
            for key, values in (("variants", variants), ("forbidden", forbidden)):
                if values:
                    seq = CommentedSeq(_rendering_node(v) for v in values)
                    seq.fa.set_flow_style()
                    full[key] = seq
            renderings[_text(lang)] = full
        entry["renderings"] = renderings
        entries.append(entry)
    terms = CommentedSeq(entries)
    for index in range(1, len(entries)):
        # A blank line between terms, as in a hand-written glossary (set once the list is
        # built: CommentedSeq.append re-sorts the comments it holds).
        terms.yaml_set_comment_before_after_key(index, before="\n")
    document = CommentedMap()
    document["version"] = 1
    document["terms"] = terms
    if header:
        document.yaml_set_start_comment(header)
    with gc_paused():  # ruamel's events and nodes for a large glossary: see checker.perf
        text = dump_document(document, yaml_handler(DEFAULT_INDENT))
    # Only ever hand out a glossary termcheck loads (the loader is a tenth of the dump's time).
    try:
        parse_glossary(text, path)
    except GlossaryError as exc:
        first = exc.problems[0]
        raise GlossaryError([Problem(
            path, first.line, first.column,
            f"not written: the glossary made from {source or 'the data'} would not load: {first.message}",
        )]) from None
    return text


def _flow_seq(values: Iterable[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(_text(v) for v in values)
    seq.fa.set_flow_style()
    return seq


def _rendering_node(value: RenderingValue) -> Any:
    """A rendering for ruamel: its text, or a flow mapping `{text: ..., match: ..., exceptions: [...]}`."""
    if isinstance(value, str):
        return _text(value)
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap()
    mapping["text"] = _text(value["text"])
    if value.get("match"):
        mapping["match"] = _text(value["match"])
    if value.get("exceptions"):
        mapping["exceptions"] = _flow_seq(value["exceptions"])
    mapping.fa.set_flow_style()
    return mapping


def _text(value: str) -> Any:
    """A string ruamel writes so that any YAML reader reads a string back.

    termcheck reads every scalar as a string, but YAML 1.1 readers (PyYAML's default) take
    `no`, `yes`, `on`, `1.0` for booleans and numbers: those are double-quoted.
    """
    if _resolves_to_non_string(value):
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(value)
    return value


def _note(value: str) -> Any:
    # Multi-line notes read best as literal blocks; a literal block cannot hold every
    # string (trailing spaces, leading blank, final newline), so those stay quoted.
    if (
        "\n" in value and value == value.strip() and not re.search(r"[ \t\r]\n|[^\S\n]$", value)
        and not _NOT_LITERAL.search(value)
    ):
        from ruamel.yaml.scalarstring import LiteralScalarString

        return LiteralScalarString(value)
    return _text(value)


#: what a literal block cannot hold as it is: characters YAML does not allow unescaped
#: (control characters, U+FFFE, U+FFFF) and line breaks other than \n
_NOT_LITERAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _resolves_to_non_string(value: str) -> bool:
    import yaml

    return _resolver().resolve(yaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str"


@lru_cache(maxsize=1)
def _resolver():
    """PyYAML's YAML 1.1 resolver: what a reader other than termcheck makes of a plain scalar."""
    import yaml

    return yaml.resolver.Resolver()


# ---------------------------------------------------------------------------------------
# Editing an existing glossary.yml

#: (term id, language, rendering, status) with status "variant", "forbidden", or
#: "preferred" (only for a language the term does not have yet)
Addition = tuple[str, str, str, str]


class GlossaryEditError(ValueError):
    """An addition that cannot be made: unknown term, rendering already listed with another status, ..."""


@dataclass
class _LanguagePlan:
    """What to add to one term in one language."""

    exists: bool
    preferred: str | None = None
    variant: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)


@dataclass
class _Splice:
    start: int
    end: int
    text: str
    order: int  # insertions at one place are applied in this order


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
        editor = _Editor(body, _compose(body))
        for term_id, languages in plan.items():
            editor.edit_term(term_id, languages)
        result = bom + editor.apply()
        _verify(glossary, plan, result, path)
    return result


def _plan(glossary: Glossary, additions: Iterable[Addition]) -> dict[str, dict[str, _LanguagePlan]]:
    """Validate the additions against the glossary; drop those already there."""
    plan: dict[str, dict[str, _LanguagePlan]] = {}
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
        entry = plan.setdefault(term_id, {}).setdefault(lang, _LanguagePlan(exists=bool(existing)))
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


def _verify(before: Glossary, plan: dict[str, dict[str, _LanguagePlan]], text: str, path: str) -> None:
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


class _Editor:
    """Finds the nodes to change with the YAML parser's marks and splices text at them."""

    def __init__(self, text: str, root) -> None:
        self.nl = "\r\n" if "\r\n" in text else "\n"
        # Lines may be inserted after the last one: it gets its line end (offsets stay valid).
        self.appended = bool(text) and not text.endswith("\n")
        self.text = text + self.nl if self.appended else text
        self.root = root
        self.splices: list[_Splice] = []
        self.mapping_indent = _indent_of(root)[0]
        self.terms = self._terms()
        self.shared = _shared_nodes(root)

    def _terms(self) -> dict[str, Any]:
        top = _get(self.root, "terms")
        out = {}
        for node in top.value:
            id_node = _get(node, "id")
            out.setdefault(id_node.value, node)
        return out

    # -- splicing

    def splice(self, start: int, end: int, text: str) -> None:
        self.splices.append(_Splice(start, end, text, len(self.splices)))

    def insert_lines(self, after: int, lines: list[str]) -> None:
        """Insert whole lines after the line on which `after` (an offset into it) lies."""
        text = self.text
        if after > 0 and text[after - 1] == "\n":
            at = after
        else:
            newline = text.find("\n", after)
            at = len(text) if newline < 0 else newline + 1
        self.splice(at, at, "".join(line + self.nl for line in lines))

    def apply(self) -> str:
        text = self.text
        if self.appended and not any(s.start == len(text) for s in self.splices):
            text = text[: -len(self.nl)]  # nothing went after the last line: leave it as it was
        # One pass over the text: a large glossary with many additions is not copied per splice.
        pieces, cursor = [], 0
        for s in sorted(self.splices, key=lambda s: (s.start, s.order)):
            assert s.start >= cursor, "overlapping edits"
            pieces += [text[cursor : s.start], s.text]
            cursor = s.end
        pieces.append(text[cursor:])
        return "".join(pieces)

    # -- edits

    def edit_term(self, term_id: str, languages: dict[str, _LanguagePlan]) -> None:
        renderings = _get(self.terms[term_id], "renderings")
        self._refuse_shared(renderings, term_id)
        keys = {normalise_tag(k.value): (k, v) for k, v in renderings.value}
        new = []
        for lang, plan in languages.items():
            if lang in keys:
                key, value = keys[lang]
                self._refuse_shared(value, term_id)
                if _is_scalar(value) or _is_rendering_mapping(value):
                    self._expand_shorthand(renderings, key, value, plan)
                else:
                    self._extend_language(value, plan)
            else:
                new.append((lang, plan))
        if new:
            self._add_languages(renderings, new)

    def _refuse_shared(self, node, term_id: str = "") -> None:
        # An anchored node used through an alias elsewhere: its marks are the anchor's, and
        # editing it would edit every use.
        if id(node) in self.shared:
            where = f"term '{shown(term_id)}': " if term_id else ""
            raise GlossaryEditError(f"{where}cannot edit renderings shared through a YAML alias")

    def _extend_language(self, mapping, plan: _LanguagePlan) -> None:
        """Add to a language given as a mapping (`preferred:` ...)."""
        flow = bool(mapping.flow_style)
        column = mapping.value[0][0].start_mark.column
        for key, items in (("variants", plan.variant), ("forbidden", plan.forbidden)):
            if not items:
                continue
            value = _get(mapping, key)
            if value is not None:
                self._extend_list(value, items)
                continue
            # variants go after `preferred`, forbidden renderings at the end
            anchor = _get(mapping, "preferred") if key == "variants" else mapping.value[-1][1]
            entry = f"{key}: {_flow_list([_scalar(i, flow=True) for i in items])}"
            if flow:
                self.splice(self._end(anchor), self._end(anchor), ", " + entry)
            else:
                self.insert_lines(self._end(anchor), [" " * column + entry])

    def _extend_list(self, node, items: list[str]) -> None:
        self._refuse_shared(node)
        if _is_scalar(node):  # `variants: one` -- a single string is a one-item list
            sources = [self._source(node), *(_scalar(i, flow=True) for i in items)]
            self.splice(node.start_mark.index, self._end(node), _flow_list(sources))
        elif node.flow_style:
            if node.value:
                at = self._end(node.value[-1])
                self.splice(at, at, "".join(", " + _scalar(i, flow=True) for i in items))
            else:  # `[]`: just after the bracket
                at = node.start_mark.index + 1
                self.splice(at, at, ", ".join(_scalar(i, flow=True) for i in items))
        else:
            dash, first = node.start_mark, node.value[0].start_mark
            gap = first.column - dash.column if first.line == dash.line else 2  # `-   item` keeps its gap
            lines = [" " * dash.column + "-" + " " * max(gap - 1, 1) + _scalar(i, flow=False) for i in items]
            self.insert_lines(self._end(node.value[-1]), lines)

    def _expand_shorthand(self, renderings, key, value, plan: _LanguagePlan) -> None:
        """`de: X` -> `de:` / `  preferred: X` / `  variants: [...]`; likewise for a
        rendering mapping `de: {text: X, match: exact}`."""
        if renderings.flow_style:
            mapping = self._flow_mapping(self._source(value), plan)
            self.splice(value.start_mark.index, self._end(value), mapping)
            return
        step = self._language_indent(renderings)
        indent = " " * (key.start_mark.column + step)
        end = self._end(value)
        one_line = value.start_mark.line == value.end_mark.line
        if not _is_scalar(value) and not value.flow_style:
            # a block mapping under the key: `preferred:` above it, the mapping one level deeper
            self.insert_lines(key.end_mark.index, [indent + "preferred:"])
            column = value.value[0][0].start_mark.column
            self._shift_lines(value.start_mark.index, end, key.start_mark.column + step + self.mapping_indent - column)
        elif one_line and getattr(value, "style", None) not in ("|", ">"):
            # the value's own text (and any comment after it) stays where it is
            self.splice(key.end_mark.index, value.start_mark.index, ":" + self.nl + indent + "preferred: ")
        else:
            # a value over several lines would need re-indenting: write it on one line
            preferred = _flow_node(value) if not _is_scalar(value) else _scalar(_clean(value.value), flow=False)
            self.splice(key.end_mark.index, end, ":" + self.nl + indent + "preferred: " + preferred)
        self.insert_lines(end, [indent + line for line in self._lists(plan)])

    def _shift_lines(self, start: int, end: int, by: int) -> None:
        """Indent by `by` more spaces every non-blank line from the one holding `start` to
        the one holding `end` (a deeper column is left as it is: still valid)."""
        if by <= 0:
            return
        at = self.text.rfind("\n", 0, start) + 1
        while at < end:
            newline = self.text.find("\n", at)
            stop = len(self.text) if newline < 0 else newline
            if self.text[at:stop].strip():
                self.splice(at, at, " " * by)
            at = stop + 1

    def _add_languages(self, renderings, new: list[tuple[str, _LanguagePlan]]) -> None:
        last = self._end(renderings.value[-1][1])
        if renderings.flow_style:
            text = "".join(f", {_scalar(lang, flow=True)}: {self._flow_language(plan)}" for lang, plan in new)
            self.splice(last, last, text)
            return
        column = renderings.value[0][0].start_mark.column
        step = self._language_indent(renderings)
        lines = []
        for lang, plan in new:
            key = " " * column + _scalar(lang, flow=False) + ":"
            assert plan.preferred is not None  # checked by _plan
            if not plan.variant and not plan.forbidden:
                lines.append(f"{key} {_scalar(plan.preferred, flow=False)}")
                continue
            lines.append(key)
            lines.append(" " * (column + step) + "preferred: " + _scalar(plan.preferred, flow=False))
            lines.extend(" " * (column + step) + line for line in self._lists(plan))
        self.insert_lines(last, lines)

    def _language_indent(self, renderings) -> int:
        """How far this file indents a language's mapping under its key."""
        for key, value in renderings.value:
            if not _is_scalar(value) and not value.flow_style and value.value:
                return value.value[0][0].start_mark.column - key.start_mark.column
        return self.mapping_indent

    # -- text of new nodes

    def _lists(self, plan: _LanguagePlan) -> list[str]:
        return [
            f"{key}: {_flow_list([_scalar(i, flow=True) for i in items])}"
            for key, items in (("variants", plan.variant), ("forbidden", plan.forbidden))
            if items
        ]

    def _flow_language(self, plan: _LanguagePlan) -> str:
        assert plan.preferred is not None
        if not plan.variant and not plan.forbidden:
            return _scalar(plan.preferred, flow=True)
        return self._flow_mapping(_scalar(plan.preferred, flow=True), plan)

    def _flow_mapping(self, preferred: str, plan: _LanguagePlan) -> str:
        return "{" + ", ".join([f"preferred: {preferred}", *self._lists(plan)]) + "}"

    def _source(self, node) -> str:
        """A scalar as the file writes it, when that text means the same in a flow
        context; else a fresh quoting of its value. A mapping (a rendering with its
        match or exceptions) likewise: as written if it is a flow mapping on one line."""
        raw = self.text[node.start_mark.index : node.end_mark.index]
        if not _is_scalar(node):
            one_line = node.flow_style and "\n" not in raw
            return raw if one_line else _flow_node(node)
        if node.start_mark.line == node.end_mark.line:
            if node.style in ("'", '"') or (not node.style and _scalar(node.value, flow=True) == raw):
                return raw
        return _scalar(_clean(node.value), flow=True)

    def _end(self, node) -> int:
        """Offset just after the last character of a node's own text.

        The parser's end mark of a block collection (and of a block scalar) lies at the next
        token, past blank lines and comments that belong to what follows.
        """
        self._refuse_shared(node)
        if _is_scalar(node):
            end = node.end_mark.index
            if node.style in ("|", ">"):
                while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                    end -= 1
            return end
        if node.flow_style or not node.value:
            return node.end_mark.index
        last = node.value[-1]
        return self._end(last[1] if isinstance(last, tuple) else last)


def _flow_list(sources: list[str]) -> str:
    return "[" + ", ".join(sources) + "]"


def _flow_node(node) -> str:
    """A node written anew on one line in flow style (scalars with spaces collapsed, as
    the loader reads them)."""
    import yaml

    if _is_scalar(node):
        return _scalar(_clean(node.value), flow=True)
    if isinstance(node, yaml.SequenceNode):
        return _flow_list([_flow_node(item) for item in node.value])
    return "{" + ", ".join(f"{_flow_node(k)}: {_flow_node(v)}" for k, v in node.value) + "}"


def _clean(text: str) -> str:
    return " ".join(text.split())


def _scalar(text: str, flow: bool) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same string, else double-quoted."""
    if _PLAIN.match(text) and ": " not in text and " #" not in text and not text.endswith(":"):
        if not (flow and _FLOW_INDICATORS.search(text)) and not _resolves_to_non_string(text):
            return text
    # JSON strings are YAML double-quoted scalars
    return json.dumps(text, ensure_ascii=False)


# A plain scalar may not start with an indicator, hold control characters or line breaks,
# or end in a space.
_PLAIN = re.compile(
    r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`\x00-\x1f\x7f\ufeff]"
    r"[^\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]*(?<!\s)$"
)
_FLOW_INDICATORS = re.compile(r"[,\[\]{}]")


def _compose(text: str):
    """The YAML node graph of `text`, with marks (offsets, lines, columns) on every node.

    PyYAML's libyaml composer, as the glossary loader uses: ruamel.yaml's pure-Python
    composer takes 12 times as long on a 50,000-term glossary.
    """
    import yaml

    from checker.glossary import _loader_class

    return yaml.compose(text, Loader=_loader_class())


def _is_scalar(node) -> bool:
    import yaml

    return isinstance(node, yaml.ScalarNode)


def _get(mapping, key: str):
    """The value node of `key` in a mapping node, or None."""
    for k, v in mapping.value:
        if _is_scalar(k) and k.value == key:
            return v
    return None


def _shared_nodes(root) -> set[int]:
    """ids of the nodes reached more than once (anchors used through aliases)."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if _is_scalar(node):
            continue
        for item in node.value:
            stack.extend(item if isinstance(item, tuple) else (item,))
    return shared


def _indent_of(root) -> tuple[int, int, int]:
    """(mapping, sequence, offset) of the first nested block mapping and block sequence."""
    import yaml

    mapping = sequence = offset = None
    stack = [root]
    while stack and (mapping is None or sequence is None):
        node = stack.pop()
        if _is_scalar(node):
            continue
        if isinstance(node, yaml.MappingNode) and not node.flow_style:
            for key, value in node.value:
                if _is_scalar(value) or value.flow_style or not value.value:
                    continue
                if isinstance(value, yaml.MappingNode):
                    if mapping is None:
                        mapping = value.value[0][0].start_mark.column - key.start_mark.column
                elif sequence is None:
                    offset = value.start_mark.column - key.start_mark.column
                    sequence = value.value[0].start_mark.column - key.start_mark.column
        for item in reversed(node.value):
            stack.extend(reversed(item) if isinstance(item, tuple) else (item,))
    if mapping is None or mapping <= 0:
        mapping = DEFAULT_INDENT[0]
    if sequence is None or offset is None or offset < 0 or sequence < offset + 2:
        sequence, offset = mapping + 2, mapping
    return mapping, sequence, offset
