"""`termcheck lsp`: the language server, over stdio (needs `pip install 'termcheck[lsp]'`)."""

from __future__ import annotations

import sys

import click


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport).")
def lsp(stdio: bool) -> None:
    """Run termcheck's language server for an editor: diagnostics while you type, hover, quick fixes."""
    try:
        from checker.lsp.app import main
    except ImportError as exc:
        click.echo(f"termcheck: the language server needs pygls: pip install 'termcheck[lsp]' ({exc})", err=True)
        sys.exit(2)
    # The other commands run briefly with the cyclic collector off (cli/__init__.py); a
    # server runs for hours and rebuilds its index on every glossary edit: it needs it.
    import gc

    gc.enable()
    main()
