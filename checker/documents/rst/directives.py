"""The directives docutils knows (docutils.parsers.rst.directives), what of each is prose,
and what makes docutils refuse one (then nothing of it is read)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import checker.documents.rst.options as opt
from checker.documents.rst.inline import OBJECT_ROLE, PROBLEM, PROSE, Roles
from checker.documents.rst.syntax import (
    RAW,
    ROLE_ARGUMENT,
    Block,
    Fail,
    Reader,
    emit_title,
    require_content,
    trim,
)
from checker.documents.rst.tabular import csv_table, list_table, table


@dataclass(frozen=True)
class Directive:
    """How docutils reads a directive: its arguments, options and content, and what of it is prose."""

    run: Callable[..., None]
    required: int = 0
    optional: int = 0
    final_whitespace: bool = True
    options: dict | None = None
    content: bool = False


def _admonition(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
                nodes: list) -> None:
    require_content(content)
    emit_title(scanner, arguments)
    scanner.body(content)
    nodes.append("admonition")


def _pseudo_section(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool,
                    sidebar: bool, nodes: list, kind: str = "topic") -> None:
    if kind == "sidebar":
        if sidebar:
            raise Fail("a sidebar in a sidebar")
        if "subtitle" in options and not arguments:
            raise Fail("a subtitle without a title")
    if not (titles or sidebar):
        raise Fail("not within topics or body elements")
    require_content(content)
    emit_title(scanner, arguments)
    if arguments and "subtitle" in options:
        scanner.emit(options["subtitle"][1])
    scanner.body(content, sidebar=kind == "sidebar")
    nodes.append(kind)


def _sidebar(*args: object) -> None:
    _pseudo_section(*args, kind="sidebar")  # type: ignore[arg-type]


def _line_block(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
                nodes: list) -> None:
    require_content(content)
    for line in content:
        text = line[0]
        lead = len(text) - len(text.lstrip())
        if text.strip():
            scanner.emit([trim(line, lead)], text=text.strip())
    nodes.append("line_block")


def _nothing(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
             nodes: list) -> None:
    nodes.append("other")


def _literal(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
             nodes: list) -> None:
    require_content(content)
    nodes.append("literal_block")


def _rubric(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
            nodes: list) -> None:
    emit_title(scanner, arguments)
    nodes.append("rubric")


def _quote(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
           nodes: list) -> None:
    require_content(content)
    scanner.quote(content, nodes)


def _compound(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
              nodes: list) -> None:
    require_content(content)
    scanner.body(content)
    nodes.append("compound")


def _container(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
               nodes: list) -> None:
    require_content(content)
    if arguments:
        try:
            opt.class_option(" ".join(line[0] for line in arguments))
        except ValueError:
            raise Fail("bad class") from None
    scanner.body(content)
    nodes.append("container")


def _image(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
           nodes: list, figure: bool = False) -> None:
    align = options.get("align", (None,))[0]
    if not figure and align is not None and align not in ("left", "center", "right"):
        raise Fail("bad align")
    if "alt" in options:
        scanner.emit(options["alt"][1], mode=RAW)
    nodes.append("image")


def _figure(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
            nodes: list) -> None:
    _image(scanner, arguments, options, content, titles, sidebar, [], figure=True)
    if content:
        mark = len(scanner.prose)
        kinds = scanner.body(content)
        if kinds and kinds[0] not in ("paragraph", "comment_empty"):
            del scanner.prose[mark:]  # "Figure caption must be a paragraph or empty comment."
            nodes.append("message")
    nodes.append("figure")


def _contents(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
              nodes: list) -> None:
    if not (titles or sidebar):
        raise Fail("not within topics or body elements")
    emit_title(scanner, arguments)
    nodes.append("topic")


def _decoration(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
                nodes: list) -> None:
    require_content(content)
    scanner.body(content)


def _class(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
           nodes: list) -> None:
    try:
        opt.class_option(" ".join(line[0] for line in arguments))
    except ValueError:
        raise Fail("bad class") from None
    if content:
        nodes.extend(scanner.body(content))
    else:
        nodes.append("pending")


def _role(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool, sidebar: bool,
          nodes: list) -> None:
    """`.. role:: name` or `.. role:: name(base)`: a role the rest of the document may use."""
    if not content:
        raise Fail("arguments on the first line")
    m = ROLE_ARGUMENT.match(content[0][0])
    if m is None:
        raise Fail("not a role name")
    new, base = m.group(1), m.group(3)
    if base:
        kind = scanner.roles.kind(base)
        if kind == PROBLEM and not _known_problem(scanner.roles, base):
            raise Fail("unknown base role")
    else:
        kind = PROSE
    if not opt.make_id(new):
        raise Fail("bad role name")
    scanner.roles = Roles({**scanner.roles.custom, new.lower(): kind}, scanner.roles.default)
    nodes.append("other")


def _known_problem(roles: Roles, name: str) -> bool:
    """Whether `name` is a role docutils has (defined here or one of its own) though it makes
    a "problematic" node (raw, disabled; the unimplemented ones)."""
    name = name.lower()
    return name in roles.custom or name in _PROBLEM_ROLES_KNOWN


def _default_role(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool,
                  sidebar: bool, nodes: list) -> None:
    words = "\n".join(line[0] for line in arguments).split()
    if not words:
        scanner.roles = Roles(scanner.roles.custom, OBJECT_ROLE)
        return
    name = words[0].lower()
    kind = scanner.roles.kind(name)
    if kind == PROBLEM and not _known_problem(scanner.roles, name):
        raise Fail("unknown role")
    scanner.roles = Roles(scanner.roles.custom, kind)


# docutils' roles that exist but make a "problematic" node (unimplemented or raw, disabled)
_PROBLEM_ROLES_KNOWN = frozenset(
    {"raw", "index", "i", "named-reference", "anonymous-reference", "footnote-reference", "citation-reference",
     "substitution-reference", "target", "uri-reference", "uri", "url", "restructuredtext-unimplemented-role"}
)


def _substitution_only(scanner: Reader, arguments: Block, options: dict, content: Block, titles: bool,
                       sidebar: bool, nodes: list) -> None:
    raise Fail("only within a substitution definition")


_ADMONITION = Directive(_admonition, options=opt.ADMONITION, content=True)
DIRECTIVES: dict[str, Directive] = {
    **dict.fromkeys(("attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning"),
                    _ADMONITION),
    "admonition": Directive(_admonition, required=1, options=opt.ADMONITION, content=True),
    "sidebar": Directive(_sidebar, optional=1, options=opt.SIDEBAR, content=True),
    "topic": Directive(_pseudo_section, required=1, options=opt.ADMONITION, content=True),
    "line-block": Directive(_line_block, options=opt.ADMONITION, content=True),
    "parsed-literal": Directive(_literal, options=opt.ADMONITION, content=True),
    **dict.fromkeys(("code", "code-block", "sourcecode"), Directive(_literal, optional=1, options=opt.CODE,
                                                                   content=True)),
    "math": Directive(_literal, options=opt.ADMONITION, content=True),
    "rubric": Directive(_rubric, required=1, options=opt.ADMONITION),
    **dict.fromkeys(("epigraph", "highlights", "pull-quote"), Directive(_quote, content=True)),
    "compound": Directive(_compound, options=opt.ADMONITION, content=True),
    "container": Directive(_container, optional=1, options=opt.CONTAINER, content=True),
    "table": Directive(table, optional=1, options=opt.TABLE, content=True),
    "csv-table": Directive(csv_table, optional=1, options=opt.CSV_TABLE, content=True),
    "list-table": Directive(list_table, optional=1, options=opt.LIST_TABLE, content=True),
    "image": Directive(_image, required=1, options=opt.IMAGE),
    "figure": Directive(_figure, required=1, options=opt.FIGURE, content=True),
    "contents": Directive(_contents, optional=1, options=opt.CONTENTS),
    **dict.fromkeys(("sectnum", "section-numbering"), Directive(_nothing, options=opt.SECTNUM)),
    "header": Directive(_decoration, content=True),
    "footer": Directive(_decoration, content=True),
    "target-notes": Directive(_nothing, options=opt.TARGET_NOTES),
    "meta": Directive(_nothing, content=True),
    "raw": Directive(_substitution_only, required=1, options=opt.RAW, content=True),  # disabled
    "include": Directive(_substitution_only, required=1, options=opt.INCLUDE),  # disabled
    "replace": Directive(_substitution_only, content=True),
    "unicode": Directive(_substitution_only, required=1, options=opt.UNICODE),
    "date": Directive(_substitution_only, content=True),
    "class": Directive(_class, required=1, content=True),
    "role": Directive(_role, content=True),
    "default-role": Directive(_default_role, optional=1, final_whitespace=False),
    "title": Directive(_nothing, required=1),
    "restructuredtext-test-directive": Directive(_nothing, optional=1, options=opt.TEST, content=True),
}
