"""What the command modules share: loading a glossary or exiting with its problems (status 2)."""

from __future__ import annotations

import sys

import click


def load_glossary_or_exit(path: str):
    """The glossary at `path`, or its problems printed one per line and exit status 2."""
    from checker.glossary import load_glossary

    return or_exit(load_glossary, path)


def load_matcher_or_exit(path: str, stem: bool, use_cache: bool):
    """The compiled glossary (from the cache if possible), or its problems and exit status 2."""
    from checker.cache import load_matcher

    return or_exit(load_matcher, path, stem, use_cache)


def or_exit(load, *args):
    """`load(*args)`; a GlossaryError becomes one `file:line:col: error: …` line per problem."""
    from checker.glossary import GlossaryError

    try:
        return load(*args)
    except GlossaryError as exc:
        for problem in exc.problems:
            click.echo(f"{problem.path}:{problem.line}:{problem.column}: error: {problem.message}", err=True)
        sys.exit(2)
