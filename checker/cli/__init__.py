"""The `termcheck` command line: parses options and wires the pipeline; no logic of its own.

One module per command (group): check, compare, glossary, init, rule; common.py holds
what they share (paths, configuration, glossary loading, errors, output).

Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or
glossary error.
"""

from __future__ import annotations

import click

from checker import __version__
from checker.cli.check import check
from checker.cli.compare import compare
from checker.cli.glossary import glossary
from checker.cli.init import init
from checker.cli.rule import rule


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termcheck")
def main() -> None:
    """Check that translations render a glossary's key terms consistently."""
    # A run is short and builds ~10^6 long-lived objects (glossary, index, word cache) and
    # almost no cyclic garbage: collecting would only walk them again and again.
    import gc

    gc.disable()


for _command in (check, compare, glossary, init, rule):
    main.add_command(_command)
