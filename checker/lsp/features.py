"""Hover and code actions of the language server.

- Hover on a rendering the glossary lists: its term's entry (preferred, variants,
  forbidden, note) and how the workspace renders the term (counts per rendering).
- Code actions on termcheck's diagnostics: replace a forbidden or variant rendering by the
  preferred one in the case it was written in (as `--fix` does); silence the finding with
  a `termcheck: ignore[rule:term]` marker where the format takes one; add an unlisted
  rendering to the glossary as a variant (as `glossary suggest --write` does).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import from_fs_path

if TYPE_CHECKING:
    from checker.lsp.server import TermcheckServer

REPLACEABLE = ("forbidden-rendering", "variant-rendering")


def register(server: "TermcheckServer") -> None:
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )(code_actions)


# --- hover ---------------------------------------------------------------------------


def hover(ls: "TermcheckServer", params: types.HoverParams) -> types.Hover | None:
    space, path = ls.space, ls.path_of(params.text_document.uri)
    if space is None or space.glossary is None or path is None or not space.checkable(path):
        return None
    document = ls.workspace.get_text_document(params.text_document.uri)
    position = ls.workspace.position_codec.position_from_client_units(document.lines, params.position)
    found = _match_at(space, path, document.source, position.line + 1, position.character + 1)
    if found is None:
        return None
    rendering, start, end = found
    term = space.glossary.by_id[rendering.term_id]
    lines = [f"**{term.id}** ({rendering.language}): '{rendering.text}' is {_status(rendering.status)}"]
    listed = term.renderings.get(rendering.language, ())
    for status, label in (("preferred", "preferred"), ("variant", "variants"), ("forbidden", "forbidden")):
        texts = [r.text for r in listed if r.status == status]
        if texts:
            lines.append(f"- {label}: " + ", ".join(f"'{t}'" for t in texts))
    if term.note:
        lines.append(f"- note: {term.note}")
    usage = _workspace_usage(space, term.id, rendering.language)
    if usage:
        lines.append(f"- in this workspace: {usage}")
    codec = ls.workspace.position_codec
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n".join(lines)),
        range=types.Range(start=codec.position_to_client_units(document.lines, types.Position(*start)),
                          end=codec.position_to_client_units(document.lines, types.Position(*end))),
    )


def _status(status: str) -> str:
    return {"preferred": "the preferred rendering", "variant": "an accepted variant",
            "forbidden": "a forbidden rendering"}.get(status, status)


def _match_at(space, path: str, text: str, line: int, column: int):  # noqa: ANN001, ANN202
    """(rendering, (line, char) start, (line, char) end), 0-based, of the match under the
    cursor, found in the document's current text."""
    from checker.documents import read_document
    from checker.documents.model import ReadError
    from checker.matching.corpus import match_document

    checker = space._checker
    if checker is None:
        return None
    try:
        document = read_document(path, lang=space.options.lang, include_fuzzy=space.options.include_fuzzy,
                                 data=text.encode("utf-8"))
    except ReadError:
        return None
    matches = match_document(document, checker.matcher, space.glossary, space.options.source_lang)
    for unit in matches.units:
        seg = unit.segment
        for m in unit.target:
            start, end = seg.position(m.start), seg.end_position(m.end)
            if end is not None and start <= (line, column) < end:
                return m.rendering, (start[0] - 1, start[1] - 1), (end[0] - 1, end[1] - 1)
    return None


def _workspace_usage(space, term_id: str, language: str) -> str:  # noqa: ANN001
    result = space.result()
    if result is None:
        return ""
    for score in result.terms:
        if score.term_id == term_id and score.language == language:
            return ", ".join(f"'{r.text}' {r.count}" for r in score.renderings)
    return ""


# --- code actions --------------------------------------------------------------------


def code_actions(ls: "TermcheckServer", params: types.CodeActionParams) -> list[types.CodeAction]:
    space, uri = ls.space, params.text_document.uri
    path = ls.path_of(uri)
    if space is None or space.glossary is None or path is None:
        return []
    document = ls.workspace.get_text_document(uri)
    actions: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != "termcheck" or not isinstance(diagnostic.data, dict):
            continue
        rule, term, text = diagnostic.data.get("rule"), diagnostic.data.get("term"), diagnostic.data.get("text", "")
        if rule in REPLACEABLE and term:
            action = _replace(space, uri, path, diagnostic, term, text)
            if action is not None:
                actions.append(action)
        if rule == "unlisted-rendering" and term and text:
            action = _add_variant(space, diagnostic, term, text, path)
            if action is not None:
                actions.append(action)
        if rule and rule != "read-error":
            action = _ignore(uri, path, document.lines, diagnostic, rule, term)
            if action is not None:
                actions.append(action)
    return actions


def _language_of(space, path: str) -> str | None:  # noqa: ANN001
    outcome = space.outcomes.get(path)
    if outcome is None or outcome.summary is None:
        return None
    return space.glossary.resolve_language(outcome.summary.language)


def _replace(space, uri: str, path: str, diagnostic: types.Diagnostic, term_id: str, text: str):  # noqa: ANN001, ANN202
    from checker.matching.tokenise import splitter
    from checker.project.fix.replacement import follow_case

    language = _language_of(space, path)
    term = space.glossary.by_id.get(term_id)
    if term is None or language is None or not text:
        return None
    listed = term.renderings.get(language, ())
    preferred = next((r for r in listed if r.status == "preferred"), None)
    written = next((r for r in listed if r.status != "preferred"), None)
    if preferred is None or written is None:
        return None
    split = splitter(language)
    new = follow_case(split(text)[1::2], written, preferred.text, split)
    if new is None:
        new = preferred.text
    edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diagnostic.range, new_text=new)]})
    return types.CodeAction(title=f"Replace '{text}' with '{new}'", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic], edit=edit, is_preferred=True)


def _ignore(uri: str, path: str, lines, diagnostic: types.Diagnostic, rule: str, term):  # noqa: ANN001, ANN202
    """A `termcheck: ignore[rule:term]` marker where the format takes one: on the line before
    (plain text, Markdown, HTML, AsciiDoc), as a comment before the paragraph
    (reStructuredText) or as a translator comment of the PO entry."""
    item = f"{rule}:{term}" if term else rule
    line = diagnostic.range.start.line
    suffix = os.path.splitext(path)[1].lower()
    indent = lines[line][: len(lines[line]) - len(lines[line].lstrip())] if line < len(lines) else ""
    if suffix in (".md", ".markdown", ".html", ".htm"):
        new, at = f"{indent}<!-- termcheck: ignore[{item}] -->\n", line
    elif suffix == ".txt":
        new, at = f"{indent}termcheck: ignore[{item}]\n", line
    elif suffix in (".adoc", ".asciidoc"):
        new, at = f"// termcheck: ignore[{item}]\n", line  # a line comment may stand inside a paragraph
    elif suffix in (".rst", ".rest"):
        at = line
        while at > 0 and lines[at - 1].strip():
            at -= 1  # a comment cannot stand inside a paragraph: before its first line
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())] if at < len(lines) else ""
        new = f"{indent}.. termcheck: ignore[{item}]\n\n"
    elif suffix in (".po", ".pot"):
        at = line
        while at > 0 and lines[at - 1].strip() and not lines[at - 1].startswith("#"):
            at -= 1  # to the entry's first keyword line (msgctxt / msgid), above its strings
        while at > 0 and lines[at - 1].startswith("#"):
            at -= 1  # above its comments: translator comments come first
        new = f"# termcheck: ignore[{item}]\n"
    else:
        return None  # XLIFF: a <note> in the unit, left to the translator
    position = types.Position(line=at, character=0)
    edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(start=position, end=position),
                                                             new_text=new)]})
    return types.CodeAction(title=f"Ignore {item} here (termcheck: ignore marker)",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit)


def _add_variant(space, diagnostic: types.Diagnostic, term_id: str, text: str, path: str):  # noqa: ANN001, ANN202
    from checker.glossary import GlossaryError
    from checker.glossary.edit import add_renderings
    from checker.glossary.problems import GlossaryEditError

    language = _language_of(space, path)
    glossary_path = space.glossary_path
    if language is None or glossary_path is None or not os.path.isfile(glossary_path):
        return None
    with open(glossary_path, encoding="utf-8", newline="") as fh:
        before = fh.read()
    try:
        after = add_renderings(before, [(term_id, language, text, "variant")], glossary_path)
    except (GlossaryError, GlossaryEditError):
        return None
    if after == before:
        return None
    lines = before.count("\n")
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=lines + 1, character=0))
    uri = from_fs_path(glossary_path)
    edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=after)]})
    return types.CodeAction(title=f"Add '{text}' to the glossary as a variant of '{term_id}'",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=edit)
