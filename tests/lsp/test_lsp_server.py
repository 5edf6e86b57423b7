"""`termcheck lsp` driven as an editor drives it: a real process, JSON-RPC over stdio (pygls'
client): initialize, open, change, diagnostics, hover, code actions applied, glossary
edits, shutdown."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

GLOSSARY = """version: 1
terms:
  - id: kyiv
    note: Capital of Ukraine
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
  - id: sergey-lavrov
    renderings:
      en:
        preferred: Sergey Lavrov
        variants: [Sergei Lavrov]
"""


class Editor:
    """A client that records what the server publishes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.client = LanguageClient("test-editor", "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.changed = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = params.diagnostics
            self.changed.set()

    async def start(self) -> None:
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(self.root / ".cache")}
        await self.client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(self.root), env=env)
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=from_fs_path(str(self.root)),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(self.root)), name="project")],
        ))
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def uri(self, name: str) -> str:
        return from_fs_path(str(self.root / name))

    def open(self, name: str, text: str, language: str = "markdown") -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=self.uri(name), language_id=language, version=1, text=text)))

    def change(self, name: str, text: str, version: int) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri(name), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def wait_for(self, name: str, predicate, timeout: float = 30.0) -> list[types.Diagnostic]:
        """The diagnostics of `name` once `predicate` holds for them."""
        uri = self.uri(name)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = self.diagnostics.get(uri)
            if found is not None and predicate(found):
                return found
            self.changed.clear()
            remaining = deadline - loop.time()
            if remaining <= 0:
                err = await _stderr_of(self.client)
                raise AssertionError(f"{name}: diagnostics never matched; last: {found}\nall: {self.diagnostics}\nserver stderr: {err}")
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass


async def _stderr_of(client: LanguageClient) -> str:
    server = getattr(client, "_server", None)
    if server is None or server.stderr is None:
        return ""
    try:
        return (await asyncio.wait_for(server.stderr.read(20000), 1)).decode(errors="replace")
    except asyncio.TimeoutError:
        return "(nothing)"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "a.md").write_text("# A\n\nSergey Lavrov flew to Kyiv.\n", encoding="utf-8")
    (tmp_path / "docs" / "en" / "b.md").write_text("# B\n\nSergey Lavrov again.\n", encoding="utf-8")
    (tmp_path / ".termcheck.toml").write_text('paths = ["docs"]\n', encoding="utf-8")
    return tmp_path


def rules(diagnostics) -> list[tuple[str, int, int, int]]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in diagnostics)


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 120))


def test_diagnostics_on_open_and_change_with_workspace_consistency(project):
    async def scenario():
        editor = Editor(project)
        await editor.start()
        try:
            name = "docs/en/c.md"
            editor.open(name, "# C\n\nThey met in Kiev.\n")
            found = await editor.wait_for(name, lambda ds: len(ds) == 1)
            (d,) = found
            assert (d.code, d.severity, d.source) == ("forbidden-rendering", types.DiagnosticSeverity.Error, "termcheck")
            assert (d.range.start.line, d.range.start.character, d.range.end.character) == (2, 12, 16)
            assert "use 'Kyiv'" in d.message
            # the other files of the workspace say "Sergey Lavrov": this one learns it
            editor.change(name, "# C\n\nSergei Lavrov met them in Kyiv.\n", 2)
            found = await editor.wait_for(name, lambda ds: [x.code for x in ds] == ["variant-rendering"])
            assert "(across documents [en]: 'Sergey Lavrov' 2, 'Sergei Lavrov' 1)" in found[0].message
            # unsaved text counts, not the file on disk
            assert not (project / name).exists()
            editor.change(name, "# C\n\nAll is well in Kyiv.\n", 3)
            await editor.wait_for(name, lambda ds: len(ds) == 0)
        finally:
            await editor.stop()

    run(scenario())


def test_hover_shows_the_glossary_entry_and_the_workspace_usage(project):
    async def scenario():
        editor = Editor(project)
        await editor.start()
        try:
            name = "docs/en/a.md"
            editor.open(name, (project / name).read_text(encoding="utf-8"))
            await editor.wait_for(name, lambda ds: True)
            result = await editor.client.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=editor.uri(name)),
                position=types.Position(line=2, character=24)))  # inside "Kyiv"
            assert result is not None
            text = result.contents.value
            assert text.startswith("**kyiv** (en): 'Kyiv' is the preferred rendering")
            assert "- forbidden: 'Kiev'" in text and "- note: Capital of Ukraine" in text
            assert "- in this workspace: 'Kyiv' 1" in text
            assert (result.range.start.character, result.range.end.character) == (22, 26)
            nothing = await editor.client.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=editor.uri(name)),
                position=types.Position(line=2, character=15)))  # "flew"
            assert nothing is None
        finally:
            await editor.stop()

    run(scenario())


def test_code_actions_replace_in_the_written_case_and_add_a_marker(project):
    async def scenario():
        editor = Editor(project)
        await editor.start()
        try:
            name = "docs/en/c.md"
            text = "# C\n\nKIEV is a capital.\n"
            editor.open(name, text)
            (d,) = await editor.wait_for(name, lambda ds: len(ds) == 1)
            actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=editor.uri(name)), range=d.range,
                context=types.CodeActionContext(diagnostics=[d])))
            titles = [a.title for a in actions]
            assert titles == ["Replace 'KIEV' with 'KYIV'",
                              "Ignore forbidden-rendering:kyiv here (termcheck: ignore marker)"]
            replace, ignore = actions
            (edit,) = replace.edit.changes[editor.uri(name)]
            assert edit.new_text == "KYIV" and edit.range == d.range
            (marker,) = ignore.edit.changes[editor.uri(name)]
            assert marker.new_text == "<!-- termcheck: ignore[forbidden-rendering:kyiv] -->\n"
            # applied as an editor applies it: the marker silences the finding
            lines = text.splitlines(keepends=True)
            lines.insert(marker.range.start.line, marker.new_text)
            editor.change(name, "".join(lines), 2)
            await editor.wait_for(name, lambda ds: len(ds) == 0)
        finally:
            await editor.stop()

    run(scenario())


def test_a_broken_glossary_is_one_diagnostic_and_its_fix_is_picked_up(project):
    async def scenario():
        editor = Editor(project)
        await editor.start()
        try:
            name = "docs/en/c.md"
            editor.open(name, "# C\n\nThey met in Kiev.\n")
            await editor.wait_for(name, lambda ds: len(ds) == 1)
            broken = GLOSSARY.replace("preferred: Kyiv", "prefered: Kyiv")
            editor.open("glossary.yml", broken, "yaml")
            (problem,) = await editor.wait_for("glossary.yml", lambda ds: len(ds) == 1)
            assert "did you mean 'preferred'" in problem.message and problem.range.start.line == 6
            await editor.wait_for(name, lambda ds: len(ds) == 0)  # no glossary, no findings; no crash
            # the terminologist fixes it (unsaved): the glossary's new terms count at once
            fixed = GLOSSARY.replace("forbidden: [Kiev]", "forbidden: [Kiev, Kyjiw]")
            editor.change("glossary.yml", fixed, 2)
            await editor.wait_for("glossary.yml", lambda ds: len(ds) == 0)
            await editor.wait_for(name, lambda ds: [d.code for d in ds] == ["forbidden-rendering"])
            editor.change(name, "# C\n\nThey met in Kyjiw.\n", 2)
            (d,) = await editor.wait_for(name, lambda ds: len(ds) == 1 and "Kyjiw" in ds[0].message)
            assert d.code == "forbidden-rendering"
        finally:
            await editor.stop()

    run(scenario())


def test_files_changed_on_disk_and_unlisted_renderings(project):
    # discovery on: an unlisted rendering can be added to the glossary from the editor
    (project / ".termcheck.toml").write_text('paths = ["docs"]\ndiscover = true\n', encoding="utf-8")

    async def scenario():
        editor = Editor(project)
        await editor.start()
        try:
            name = "docs/en/e.md"
            editor.open(name, "# E\n\nSergei Lavrov spoke.\n")
            await editor.wait_for(name, lambda ds: len(ds) == 1 and "'Sergey Lavrov' 2, 'Sergei Lavrov' 1" in ds[0].message)
            # b.md changes on disk (a pull): the open e.md learns of it
            (project / "docs/en/b.md").write_text("# B\n\nSergei Lavrov again.\n", encoding="utf-8")
            editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
                types.FileEvent(uri=editor.uri("docs/en/b.md"), type=types.FileChangeType.Changed)]))
            await editor.wait_for(name, lambda ds: len(ds) == 1 and "'Sergei Lavrov' 2, 'Sergey Lavrov' 1" in ds[0].message)
            other = "docs/en/d.md"
            editor.open(other, "# D\n\nSergej Lavrov came.\n")
            found = await editor.wait_for(other, lambda ds: any(d.code == "unlisted-rendering" for d in ds))
            d = next(d for d in found if d.code == "unlisted-rendering")
            actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=editor.uri(other)), range=d.range,
                context=types.CodeActionContext(diagnostics=[d])))
            add = next(a for a in actions if a.title.startswith("Add 'Sergej Lavrov' to the glossary"))
            (edit,) = add.edit.changes[editor.uri("glossary.yml")]
            assert "variants: [Sergei Lavrov, Sergej Lavrov]" in edit.new_text
            # the editor applies it to glossary.yml (unsaved): the span is a listed variant now
            editor.open("glossary.yml", edit.new_text, "yaml")
            await editor.wait_for(other, lambda ds: [x.code for x in ds] == ["variant-rendering"])
        finally:
            await editor.stop()

    run(scenario())


def test_without_pygls_the_command_says_how_to_install_it(tmp_path):
    import subprocess

    code = "import sys; sys.modules['pygls'] = None; from checker.cli import main; main(['lsp'])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("termcheck: the language server needs pygls: pip install 'termcheck[lsp]'")
    assert proc.stderr.count("\n") == 1
