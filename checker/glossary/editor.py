"""Splicing additions into glossary.yml's text at the places its YAML nodes mark.

The Editor finds each node to change by the parser's marks (offsets, lines, columns) and
records splices; `apply` makes them in one pass. Only the lines that must change change:
comments, quoting, blank lines, key order and indentation elsewhere stay byte for byte.
Deciding what to add, and checking the result, is checker.glossary.edit's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.glossary.build import is_rendering_mapping
from checker.glossary.problems import GlossaryEditError, shown
from checker.glossary.yaml_nodes import indent_of, is_scalar, shared_nodes, value_of
from checker.glossary.yaml_scalars import scalar
from checker.language import normalise_tag


@dataclass
class LanguagePlan:
    """What to add to one term in one language."""

    exists: bool
    preferred: str | None = None
    variant: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)


@dataclass
class _Splice:
    """text[start:end] replaced by `text`."""

    start: int
    end: int
    text: str
    order: int  # insertions at one place are applied in this order


class Editor:
    """Finds the nodes to change with the YAML parser's marks and splices text at them."""

    def __init__(self, text: str, root) -> None:
        self.nl = "\r\n" if "\r\n" in text else "\n"
        # Lines may be inserted after the last one: it gets its line end (offsets stay valid).
        self.appended = bool(text) and not text.endswith("\n")
        self.text = text + self.nl if self.appended else text
        self.root = root
        self.splices: list[_Splice] = []
        self.mapping_indent = indent_of(root)[0]
        self.terms = self._terms()
        self.shared = shared_nodes(root)

    def _terms(self) -> dict[str, Any]:
        top = value_of(self.root, "terms")
        out = {}
        for node in top.value:
            id_node = value_of(node, "id")
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

    def edit_term(self, term_id: str, languages: dict[str, LanguagePlan]) -> None:
        renderings = value_of(self.terms[term_id], "renderings")
        self._refuse_shared(renderings, term_id)
        keys = {normalise_tag(k.value): (k, v) for k, v in renderings.value}
        new = []
        for lang, plan in languages.items():
            if lang in keys:
                key, value = keys[lang]
                self._refuse_shared(value, term_id)
                if is_scalar(value) or is_rendering_mapping(value):
                    self._expand_shorthand(renderings, key, value, plan)
                else:
                    self._extend_language(value, plan)
            else:
                new.append((lang, plan))
        if new:
            self._add_languages(renderings, new)

    def append_terms(self, terms: list[tuple[str, list[tuple[str, LanguagePlan]], str]]) -> None:
        """Add new terms after the last one: (id, [(language, plan), ...], comment), each
        laid out as the file lays out its terms (dash and key columns, indentation)."""
        top = value_of(self.root, "terms")
        if top.flow_style or not top.value:
            raise GlossaryEditError("cannot add terms to an empty or flow-style 'terms:' list")
        first = top.value[0]
        key_column = first.start_mark.column
        line_start = self.text.rfind("\n", 0, first.start_mark.index) + 1
        dash = self.text.find("-", line_start, first.start_mark.index)
        dash_column = dash - line_start if dash >= 0 else max(0, key_column - 2)
        step = self.mapping_indent
        lines: list[str] = []
        for term_id, languages, comment in terms:
            lines.append(" " * dash_column + "-" + " " * (key_column - dash_column - 1)
                         + "id: " + scalar(term_id, flow=False) + (f"  # {comment}" if comment else ""))
            lines.append(" " * key_column + "renderings:")
            lines += self._language_lines(languages, key_column + step, step)
        self.insert_lines(self._end(top.value[-1]), lines)

    def _refuse_shared(self, node, term_id: str = "") -> None:
        # An anchored node used through an alias elsewhere: its marks are the anchor's, and
        # editing it would edit every use.
        if id(node) in self.shared:
            where = f"term '{shown(term_id)}': " if term_id else ""
            raise GlossaryEditError(f"{where}cannot edit renderings shared through a YAML alias")

    def _extend_language(self, mapping, plan: LanguagePlan) -> None:
        """Add to a language given as a mapping (`preferred:` ...)."""
        flow = bool(mapping.flow_style)
        column = mapping.value[0][0].start_mark.column
        for key, items in (("variants", plan.variant), ("forbidden", plan.forbidden)):
            if not items:
                continue
            value = value_of(mapping, key)
            if value is not None:
                self._extend_list(value, items)
                continue
            # variants go after `preferred`, forbidden renderings at the end
            anchor = value_of(mapping, "preferred") if key == "variants" else mapping.value[-1][1]
            entry = f"{key}: {_flow_list([scalar(i, flow=True) for i in items])}"
            if flow:
                self.splice(self._end(anchor), self._end(anchor), ", " + entry)
            else:
                self.insert_lines(self._end(anchor), [" " * column + entry])

    def _extend_list(self, node, items: list[str]) -> None:
        self._refuse_shared(node)
        if is_scalar(node):  # `variants: one` -- a single string is a one-item list
            sources = [self._source(node), *(scalar(i, flow=True) for i in items)]
            self.splice(node.start_mark.index, self._end(node), _flow_list(sources))
        elif node.flow_style:
            if node.value:
                at = self._end(node.value[-1])
                self.splice(at, at, "".join(", " + scalar(i, flow=True) for i in items))
            else:  # `[]`: just after the bracket
                at = node.start_mark.index + 1
                self.splice(at, at, ", ".join(scalar(i, flow=True) for i in items))
        else:
            dash, first = node.start_mark, node.value[0].start_mark
            gap = first.column - dash.column if first.line == dash.line else 2  # `-   item` keeps its gap
            lines = [" " * dash.column + "-" + " " * max(gap - 1, 1) + scalar(i, flow=False) for i in items]
            self.insert_lines(self._end(node.value[-1]), lines)

    def _expand_shorthand(self, renderings, key, value, plan: LanguagePlan) -> None:
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
        if not is_scalar(value) and not value.flow_style:
            # a block mapping under the key: `preferred:` above it, the mapping one level deeper
            self.insert_lines(key.end_mark.index, [indent + "preferred:"])
            column = value.value[0][0].start_mark.column
            self._shift_lines(value.start_mark.index, end, key.start_mark.column + step + self.mapping_indent - column)
        elif one_line and getattr(value, "style", None) not in ("|", ">"):
            # the value's own text (and any comment after it) stays where it is
            self.splice(key.end_mark.index, value.start_mark.index, ":" + self.nl + indent + "preferred: ")
        else:
            # a value over several lines would need re-indenting: write it on one line
            preferred = _flow_node(value) if not is_scalar(value) else scalar(_clean(value.value), flow=False)
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

    def _add_languages(self, renderings, new: list[tuple[str, LanguagePlan]]) -> None:
        last = self._end(renderings.value[-1][1])
        if renderings.flow_style:
            text = "".join(f", {scalar(lang, flow=True)}: {self._flow_language(plan)}" for lang, plan in new)
            self.splice(last, last, text)
            return
        column = renderings.value[0][0].start_mark.column
        self.insert_lines(last, self._language_lines(new, column, self._language_indent(renderings)))

    def _language_lines(self, languages: list[tuple[str, LanguagePlan]], column: int, step: int) -> list[str]:
        """Block lines for new languages: `de: X` alone, else a mapping with `preferred:`."""
        lines = []
        for lang, plan in languages:
            key = " " * column + scalar(lang, flow=False) + ":"
            assert plan.preferred is not None  # checked by the planner
            if not plan.variant and not plan.forbidden:
                lines.append(f"{key} {scalar(plan.preferred, flow=False)}")
                continue
            lines.append(key)
            lines.append(" " * (column + step) + "preferred: " + scalar(plan.preferred, flow=False))
            lines.extend(" " * (column + step) + line for line in self._lists(plan))
        return lines

    def _language_indent(self, renderings) -> int:
        """How far this file indents a language's mapping under its key."""
        for key, value in renderings.value:
            if not is_scalar(value) and not value.flow_style and value.value:
                return value.value[0][0].start_mark.column - key.start_mark.column
        return self.mapping_indent

    # -- text of new nodes

    def _lists(self, plan: LanguagePlan) -> list[str]:
        return [
            f"{key}: {_flow_list([scalar(i, flow=True) for i in items])}"
            for key, items in (("variants", plan.variant), ("forbidden", plan.forbidden))
            if items
        ]

    def _flow_language(self, plan: LanguagePlan) -> str:
        assert plan.preferred is not None
        if not plan.variant and not plan.forbidden:
            return scalar(plan.preferred, flow=True)
        return self._flow_mapping(scalar(plan.preferred, flow=True), plan)

    def _flow_mapping(self, preferred: str, plan: LanguagePlan) -> str:
        return "{" + ", ".join([f"preferred: {preferred}", *self._lists(plan)]) + "}"

    def _source(self, node) -> str:
        """A scalar as the file writes it, when that text means the same in a flow
        context; else a fresh quoting of its value. A mapping (a rendering with its
        match or exceptions) likewise: as written if it is a flow mapping on one line."""
        raw = self.text[node.start_mark.index : node.end_mark.index]
        if not is_scalar(node):
            one_line = node.flow_style and "\n" not in raw
            return raw if one_line else _flow_node(node)
        if node.start_mark.line == node.end_mark.line:
            if node.style in ("'", '"') or (not node.style and scalar(node.value, flow=True) == raw):
                return raw
        return scalar(_clean(node.value), flow=True)

    def _end(self, node) -> int:
        """Offset just after the last character of a node's own text.

        The parser's end mark of a block collection (and of a block scalar) lies at the next
        token, past blank lines and comments that belong to what follows.
        """
        self._refuse_shared(node)
        if is_scalar(node):
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

    if is_scalar(node):
        return scalar(_clean(node.value), flow=True)
    if isinstance(node, yaml.SequenceNode):
        return _flow_list([_flow_node(item) for item in node.value])
    return "{" + ", ".join(f"{_flow_node(k)}: {_flow_node(v)}" for k, v in node.value) + "}"


def _clean(text: str) -> str:
    return " ".join(text.split())
