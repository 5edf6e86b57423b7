"""Explicit markup as docutils reads it (states.Body.explicit_construct): footnotes and
citations, hyperlink targets, substitution definitions, directives, comments."""

from __future__ import annotations

import re
from collections.abc import Callable

import checker.documents.rst.options as opt
from checker.documents.rst.directives import DIRECTIVES, Directive
from checker.documents.rst.inline import RAW as RAW_RANGE
from checker.documents.rst.inline import escape2null, has_ids
from checker.documents.rst.syntax import (
    ANONYMOUS,
    CITATION,
    DIRECTIVE,
    EMBEDDED_DIRECTIVE,
    EXPLICIT,
    FIELD_MARKER,
    FOOTNOTE,
    SUBSTITUTION,
    SUBSTITUTION_START,
    TARGET,
    TARGET_START,
    UNICODE_CODE,
    UNICODE_COMMENT,
    Block,
    Fail,
    get_indented,
    strip_end,
    strip_top,
    trim,
)


class Explicit:
    """The explicit markup constructs of the Scanner (checker.documents.rst.blocks)."""

    def explicit_list(self, block: Block, i: int, titles: bool, sidebar: bool, nodes: list) -> int:
        line = block[i][0]
        if line[0] == "_":
            nodes.append("target")
            return self._until_blank(block, i, ANONYMOUS.match(line).end())  # type: ignore[union-attr]
        m = FOOTNOTE.match(line) or CITATION.match(line)
        if m:
            lines, _, end = get_indented(block, i, first_indent=m.end())
            lines = strip_top(lines)
            nodes.append("footnote")
            if lines:
                self.body(lines)
            return end
        m = TARGET_START.match(line)
        if m:
            try:
                return self.hyperlink_target(block, i, m, nodes)
            except Fail:
                return self.comment(block, i, nodes)
        m = SUBSTITUTION_START.match(line)
        if m:
            try:
                return self.substitution_definition(block, i, m, nodes)
            except Fail:
                return self.comment(block, i, nodes)
        m = DIRECTIVE.match(line)
        if m:
            return self.directive(block, i, m, titles, sidebar, nodes)
        return self.comment(block, i, nodes)

    def _until_blank(self, block: Block, i: int, indent: int) -> int:
        return get_indented(block, i, until_blank=True, strip_indent=False, first_indent=indent)[2]

    def hyperlink_target(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int:
        lines, _, end = get_indented(block, i, until_blank=True, strip_indent=False, first_indent=m.end())
        escaped = ""
        for line in strip_top(lines):
            escaped += escape2null(line[0])
            if TARGET.match(escaped):
                nodes.append("target")
                return end
        raise Fail("malformed hyperlink target")

    def comment(self, block: Block, i: int, nodes: list) -> int:
        m = EXPLICIT.match(block[i][0])
        first = block[i][0][m.end() :]  # type: ignore[union-attr]
        if not first.strip() and (i + 1 >= len(block) or not block[i + 1][0]):
            nodes.append("comment_empty")
            return i + 1
        lines, _, end = get_indented(block, i, first_indent=m.end())  # type: ignore[union-attr]
        lines = strip_end(strip_top(lines))
        if lines:
            self.comments.append((lines[0][1], "\n".join(line[0] for line in lines)))
            nodes.append("comment")
        else:
            nodes.append("comment_empty")
        return end

    def substitution_definition(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int:
        lines, _, end = get_indented(block, i, strip_indent=False, first_indent=m.end())
        if not lines:
            raise Fail("malformed substitution definition")
        # docutils joins the lines with spaces until the name's closing bar is found
        escaped = escape2null(lines[0][0].rstrip())
        index = 0
        while True:
            found = SUBSTITUTION.match(escaped)
            if found:
                break
            index += 1
            if index >= len(lines):
                raise Fail("malformed substitution definition")
            escaped += " " + escape2null(lines[index][0].strip())
        rest = lines[index:]
        first = rest[0]
        stripped = first[0].strip()
        lead = len(first[0]) - len(first[0].lstrip())
        start = found.end() - len(escaped) - 1
        text = (stripped + " ")[start:-1]
        cut = len(stripped) - len(text)
        rest = [(text, first[1], first[2] + lead + cut)] + rest[1:]
        if not rest[0][0]:
            rest = rest[1:]
        rest = strip_end(rest)
        if not rest:
            nodes.append("message")
            return end
        rest[0] = trim(rest[0], len(rest[0][0]) - len(rest[0][0].lstrip()))
        d = EMBEDDED_DIRECTIVE.match(rest[0][0])
        if d is None:
            nodes.append("message")  # text, no directive: "empty or invalid"
            return end
        name = d.group(1).lower()
        # the directive's own lines: its first line after `name::`, the others as written
        sub_lines, _, _ = get_indented(rest, 0, first_indent=d.end())
        if name == "replace":
            self._replace(sub_lines, nodes)
        elif name == "unicode":
            self._unicode(sub_lines, nodes)
        elif name in ("image", "date"):
            nodes.append("substitution_definition")  # inline results: no prose of ours
        else:
            # a body element made by the directive is moved out of the definition
            self._run_directive(name, sub_lines, False, False, nodes)
        return end

    def _replace(self, lines: Block, nodes: list) -> None:
        """`.. |name| replace:: text`: the text (one paragraph) is prose."""
        content = strip_end(strip_top(lines))
        if not content:
            nodes.append("message")
            return
        mark = len(self.prose)
        kinds = self.body(content)
        paragraphs = [k for k in kinds if k == "paragraph"]
        if len(paragraphs) != 1 or any(k not in ("paragraph", "message") for k in kinds) \
                or any(has_ids(p.text, p.roles) for p in self.prose[mark:]):
            del self.prose[mark:]
            nodes.append("message")
            return
        nodes.append("substitution_definition")

    def _unicode(self, lines: Block, nodes: list) -> None:
        """`.. |name| unicode:: U+2122 text`: the words that are no character codes are prose."""
        try:
            arguments, _, _ = self._directive_block(lines, DIRECTIVES["unicode"])
        except Fail:
            nodes.append("message")
            return
        text = "\n".join(line[0] for line in arguments)
        comment = UNICODE_COMMENT.search(text)
        ops: list = []
        previous = None
        for token in re.finditer(r"\S+", text[: comment.start() if comment else len(text)]):
            code = token.group()
            code_match = UNICODE_CODE.match(code)
            try:
                if code.isdigit():
                    chr(int(code))
                elif code_match:
                    chr(int(code_match.group(1) or code_match.group(2), 16))
            except (ValueError, OverflowError):
                nodes.append("message")  # an invalid character code: an error, nothing read
                return
            if code.isdigit() or code_match:
                # a character the file does not have: one object, where the text before ends
                ops.append(previous if previous is not None else token.start())
            else:
                ops.append((token.start(), token.end(), RAW_RANGE))
                previous = token.end()
        prose = self.emit(arguments) if ops else None
        if prose is not None:
            prose.ops = ops
        nodes.append("substitution_definition")

    # --- directives ------------------------------------------------------------------

    def directive(self, block: Block, i: int, m: re.Match[str], titles: bool, sidebar: bool, nodes: list) -> int:
        name = m.group(1).lower()
        lines, _, end = get_indented(block, i, first_indent=m.end())
        if name not in DIRECTIVES:
            nodes.append("message")  # an unknown directive is left out, content and all
            return end
        self._run_directive(name, lines, titles, sidebar, nodes)
        return end

    def _run_directive(self, name: str, lines: Block, titles: bool, sidebar: bool, nodes: list) -> None:
        spec = DIRECTIVES.get(name)
        if spec is None:
            nodes.append("message")
            return
        try:
            arguments, options, content = self._directive_block(lines, spec)
        except Fail:
            nodes.append("message")
            return
        mark = len(self.prose)
        try:
            spec.run(self, arguments, options, content, titles, sidebar, nodes)
        except Fail:
            del self.prose[mark:]
            nodes.append("message")

    def _directive_block(self, lines: Block, spec: Directive) -> tuple[Block, dict, Block]:
        """docutils' parse_directive_block: the argument lines, the options and the content."""
        if lines and not lines[0][0].strip():
            lines = lines[1:]
        lines = strip_end(lines)
        takes_arguments = spec.required or spec.optional
        if lines and (takes_arguments or spec.options):
            i = 0
            while i < len(lines) and lines[i][0].strip():
                i += 1
            arg_block, content = lines[:i], lines[i + 1 :]
        else:
            i = 0
            arg_block, content = [], lines
        options: dict = {}
        if spec.options:
            for k, line in enumerate(arg_block):
                if FIELD_MARKER.match(line[0]):
                    options = self._options(arg_block[k:], spec.options)
                    arg_block = arg_block[:k]
                    break
        if arg_block and not takes_arguments:
            content = arg_block + lines[i:]
            arg_block = []
        content = strip_top(content)
        if takes_arguments:
            words = "\n".join(line[0] for line in arg_block).split()
            if len(words) < spec.required:
                raise Fail("arguments required")
            if len(words) > spec.required + spec.optional and not spec.final_whitespace:
                raise Fail("too many arguments")
        if content and not spec.content:
            raise Fail("no content permitted")
        return arg_block, options, content

    def _options(self, lines: Block, spec: dict[str, Callable[[str | None], object]]) -> dict:
        """The option fields of a directive (states.ExtensionOptions: each field's body is raw
        text), checked as docutils checks them. Values are (text, its lines)."""
        fields: list[tuple[str, str | None]] = []
        located: dict[str, Block] = {}
        i = 0
        while i < len(lines):
            m = FIELD_MARKER.match(lines[i][0])
            if m is None:
                raise Fail("invalid option block")
            name = m.group()[1:]
            name = name[: name.rfind(":")].replace("\\", "")
            body, _, end = get_indented(lines, i, first_indent=m.end())
            body = strip_top(body)
            paragraphs = [p for p in "\n".join(line[0] for line in body).split("\n\n") if p.strip()]
            if len(paragraphs) > 1:
                raise Fail("option field body must be one paragraph")
            value = "\n".join(line[0] for line in strip_end(body)) if paragraphs else None
            fields.append((name, value))
            located[name.lower()] = strip_end(body)
            i = end
        try:
            checked = opt.check(spec, fields)
        except ValueError:
            raise Fail("bad option") from None
        return {name: (fields_value, located.get(name, [])) for name, fields_value in checked.items()}
