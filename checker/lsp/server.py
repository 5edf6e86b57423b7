"""termcheck's language server (`termcheck lsp`, stdio): diagnostics while one types.

On `initialized` the workspace's glossary and configuration are read and every file of
the project is checked in the background (a thread: the editor's own documents are
answered meanwhile); each open document is checked again a moment after it
changes (DEBOUNCE), from its unsaved text, and every open document gets the findings the
project's files give together, as `termcheck check` would report them. Editing or saving
`glossary.yml` or the configuration re-reads them; a glossary that does not load is one
diagnostic in it. The features are registered in app.py; hover and code actions are in
features.py.
"""

from __future__ import annotations

import asyncio
import os
import threading

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from checker import __version__
from checker.findings import Finding
from checker.lsp.workspace import Workspace

DEBOUNCE = 0.05  # seconds between the last change and the check
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


class TermcheckServer(LanguageServer):
    """pygls' server with termcheck's workspace and the bookkeeping of what was published."""

    def __init__(self) -> None:
        super().__init__("termcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.space: Workspace | None = None
        self.indexed = threading.Event()  # set once the background index is complete
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._published: dict[str, list[types.Diagnostic]] = {}
        self._rules_page = _rules_page()

    # --- checking ------------------------------------------------------------------

    def path_of(self, uri: str) -> str | None:
        path = to_fs_path(uri)
        return os.path.abspath(path) if path else None

    def schedule(self, uri: str) -> None:
        """Check `uri` DEBOUNCE seconds after its last change."""
        loop = asyncio.get_running_loop()
        old = self._pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self._pending[uri] = loop.call_later(DEBOUNCE, self.check_now, uri)

    def check_now(self, uri: str) -> None:
        self._pending.pop(uri, None)
        space, path = self.space, self.path_of(uri)
        if space is None or path is None:
            return
        document = self.workspace.text_documents.get(uri)
        text = document.source if document is not None else None
        if path in (space.glossary_path, space.config_path):
            space.load(glossary_text=text if path == space.glossary_path else None)
            self.start_index()
        elif space.checkable(path):
            space.update(path, text)
        self.publish()

    def start_index(self) -> None:
        """Check every file of the project in the background, then publish again."""
        space = self.space
        if space is None:
            return
        self.indexed.clear()
        loop = asyncio.get_running_loop()

        def work() -> None:
            try:
                # In this thread, not in forked processes: forking a process whose other
                # threads hold locks (the JSON-RPC reader and writer) can deadlock the
                # children. The index shares the interpreter with the diagnostics of the
                # open documents; those are single files and come first in each turn.
                space.index()
            finally:
                self.indexed.set()
                loop.call_soon_threadsafe(self.publish)

        threading.Thread(target=work, name="termcheck-index", daemon=True).start()

    def publish(self) -> None:
        """Diagnostics for every open document (sent only where they changed) and for the
        glossary or configuration file when it cannot be used."""
        space = self.space
        if space is None:
            return
        findings = space.findings()
        wanted: dict[str, list[types.Diagnostic]] = {}
        for uri in list(self.workspace.text_documents):
            path = self.path_of(uri)
            if path is None:
                continue
            lines = self.workspace.text_documents[uri].lines
            wanted[uri] = [self.diagnostic(f, lines) for f in findings.get(path, ())]
        problem = space.problem
        if problem is not None:
            uri = from_fs_path(os.path.abspath(problem.path)) or problem.path
            position = types.Position(line=max(problem.line - 1, 0), character=max(problem.column - 1, 0))
            wanted.setdefault(uri, []).append(types.Diagnostic(
                range=types.Range(start=position, end=position), message=problem.message,
                severity=types.DiagnosticSeverity.Error, source="termcheck", code="glossary",
            ))
        for uri in set(self._published) - set(wanted):
            wanted[uri] = []  # closed, or fixed: clear what was shown
        for uri, diagnostics in wanted.items():
            if self._published.get(uri) != diagnostics:
                self._published[uri] = diagnostics
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))
        for uri in [u for u, d in self._published.items() if not d]:
            del self._published[uri]

    def diagnostic(self, f: Finding, lines: list[str]) -> types.Diagnostic:
        """A finding as the editor shows it: its range in the client's position units, the
        severity, the rule id as code (with a link to the rules page where one exists)."""
        codec = self.workspace.position_codec
        start = types.Position(line=f.line - 1, character=max(f.column - 1, 0))
        if f.end is not None:
            end = types.Position(line=f.end[0] - 1, character=max(f.end[1] - 1, 0))
        elif f.text and "\n" not in f.text:
            end = types.Position(line=start.line, character=start.character + len(f.text))
        else:
            end = types.Position(line=start.line, character=start.character + 1)
        description = (types.CodeDescription(href=f"{self._rules_page}#{f.rule}")
                       if self._rules_page else None)  # each rule's row carries an anchor
        return types.Diagnostic(
            range=types.Range(start=codec.position_to_client_units(lines, start),
                              end=codec.position_to_client_units(lines, end)),
            message=f.message, severity=SEVERITY.get(f.severity, types.DiagnosticSeverity.Warning),
            source="termcheck", code=f.rule, code_description=description,
            data={"term": f.term, "text": f.text, "rule": f.rule},
        )


def _rules_page() -> str | None:
    """The rules' documentation (docs/rules.md) as a file URI, when termcheck runs from a
    checkout that has it; `termcheck rule ID` explains a rule anywhere."""
    page = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                        "docs", "rules.md")
    return from_fs_path(page) if os.path.isfile(page) else None
