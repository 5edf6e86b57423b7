"""The `termcheck` command line: parses options and wires the pipeline; no logic of its own.

One module per command (group): check, compare, glossary, init, lsp, rule; common.py holds
what they share (paths, configuration, glossary loading, errors, output). A command's
module is imported when that command runs (or `--help` lists them): a pre-commit hook
running `check` pays for no other.

Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or
glossary error.
"""

from __future__ import annotations

import importlib

import click

from checker import __version__

#: command name -> module defining it (as a click command of the same name)
COMMANDS = {
    "check": "checker.cli.check", "compare": "checker.cli.compare", "glossary": "checker.cli.glossary",
    "init": "checker.cli.init", "lsp": "checker.cli.lsp", "rule": "checker.cli.rule",
}


class _LazyGroup(click.Group):
    """A group whose commands are imported on first use (click's documented lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            self.add_command(getattr(importlib.import_module(COMMANDS[name]), name), name)
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termcheck")
def main() -> None:
    """Check that translations render a glossary's key terms consistently."""
    # A run is short and builds ~10^6 long-lived objects (glossary, index, word cache) and
    # almost no cyclic garbage: collecting would only walk them again and again.
    import gc

    gc.disable()
