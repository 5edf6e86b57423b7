"""The server with its features registered: document sync and file watching here, hover and
code actions from features.py; `main` serves over stdio."""

from __future__ import annotations

import os
from typing import Any

from lsprotocol import types

from checker.lsp import features
from checker.lsp.server import TermcheckServer
from checker.lsp.workspace import Workspace


WATCHED = ("**/*.{md,markdown,txt,po,pot,xlf,xliff,tmx}", "**/glossary.yml", "**/*.{yml,yaml}",
           "**/.termcheck.toml", "**/pyproject.toml")


def _watch_files(ls: TermcheckServer) -> None:
    """Ask the client to report changes on disk (a `git pull`, another program) to the
    project's files, the glossary and the configuration, where it can."""
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace else None
    if not (watched and watched.dynamic_registration):
        return
    ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
        id="termcheck-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]),
    )]))


def build_server() -> TermcheckServer:
    """A server with every feature registered (a new one per call: tests start several)."""
    server = TermcheckServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: TermcheckServer, params: types.InitializedParams) -> None:
        root = ls.workspace.root_path or os.getcwd()
        ls.space = Workspace(root)
        ls.publish()
        ls.start_index()
        _watch_files(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TermcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TermcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TermcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TermcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        space, path = ls.space, ls.path_of(params.text_document.uri)
        if space is not None and path is not None and space.checkable(path):
            space.update(path, None)  # what is on disk counts again
        ls.publish()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: TermcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        space = ls.space
        if space is None:
            return
        paths = [p for p in (ls.path_of(c.uri) for c in params.changes) if p]
        if any(p in (space.glossary_path, space.config_path) for p in paths):
            space.load()
            ls.start_index()
            return
        for path in paths:
            if space.checkable(path) and path not in space.buffers:
                space.update(path, None)
        ls.publish()

    features.register(server)
    return server


def main(argv: Any = None) -> None:
    """Serve over stdio until the client says exit."""
    build_server().start_io()
