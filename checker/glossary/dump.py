"""Writing glossary.yml with ruamel.yaml: a new file from plain data, or a file loaded and
written back unchanged.

`dump_glossary` writes what `glossary import` and `termcheck init` produce; `round_trip`
(ruamel.yaml's round-trip mode, indentation detected from the file) loads and writes a
file back byte for byte and is the base for edits that need a full document model.
ruamel.yaml is imported lazily: `termcheck check` never pays for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from checker.glossary.data import GlossaryData, RenderingValue, rendering_text
from checker.glossary.load import parse_glossary
from checker.glossary.problems import GlossaryError, Problem, shown
from checker.glossary.yaml_nodes import DEFAULT_INDENT, detect_indent
from checker.glossary.yaml_scalars import resolves_to_non_string

if TYPE_CHECKING:
    from ruamel.yaml import YAML


# ---------------------------------------------------------------------------------------
# ruamel.yaml, configured to give a file back as it was

#: wide enough that ruamel never re-wraps a long line
_WIDTH = 1 << 30


def yaml_handler(indent: tuple[int, int, int] = DEFAULT_INDENT) -> YAML:
    """A round-trip ruamel.yaml instance: quotes preserved, no re-wrapping, the given indentation."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.width = _WIDTH
    return yaml


def load_document(text: str) -> tuple[Any, YAML]:
    """The round-trip document of `text` and the handler (with the file's indentation) to dump it."""
    yaml = yaml_handler(detect_indent(text))
    return yaml.load(text), yaml


def dump_document(document: Any, yaml: YAML) -> str:
    """`document` as YAML text, written by `yaml`."""
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
    if resolves_to_non_string(value):
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
