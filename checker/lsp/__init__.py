"""`termcheck lsp`: termcheck in the editor, over the Language Server Protocol (pygls).

workspace.py: the project's files checked together (no LSP in it); server.py: the server,
its diagnostics and the background index; features.py: hover and code actions.
"""
