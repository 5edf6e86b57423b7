"""`termcheck init`: set up a project (glossary, configuration, pre-commit hook)."""

from __future__ import annotations

import sys

import click


@click.command("init")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--from", "from_file", type=click.Path(dir_okay=False), default=None,
              help="Start the glossary from this TBX or CSV file instead of the files' frequent phrases.")
@click.option("--source-lang", default=None,
              help="Language the terms are proposed in (default: the PO/XLIFF source language, "
                   "else the language most files are in).")
@click.option("--terms", type=click.IntRange(1, 500), default=10, show_default=True,
              help="How many candidate terms to propose.")
def init(paths, from_file, source_lang, terms) -> None:
    """Write a starter glossary.yml, .termcheck.toml and .pre-commit-config.yaml here.

    PATHS are the translation files or directories of the project (PO, XLIFF, Markdown,
    text): the glossary proposes their most frequent phrases as terms. An existing file
    is never overwritten.
    """
    from pathlib import Path

    from checker.project.init import InitError, init_project
    from checker.language import normalise_tag

    if source_lang is not None and normalise_tag(source_lang) is None:
        raise click.BadParameter(f"'{source_lang}' is not a language code", param_hint="--source-lang")
    try:
        report = init_project(Path.cwd(), list(paths), source_lang=normalise_tag(source_lang) if source_lang else None,
                              from_file=from_file, terms=terms)
    except InitError as exc:
        click.echo(f"termcheck: {exc}", err=True)
        sys.exit(2)
    except FileExistsError as exc:  # made by someone else between the check and the write
        click.echo(f"termcheck: {exc.filename} exists; not overwritten", err=True)
        sys.exit(2)
    for name in report.written:
        click.echo(f"wrote {name}")
    for name in report.kept:
        click.echo(f"kept  {name} (exists)")
    for note in report.notes:
        click.echo(f"note: {note}")
    click.echo("\nNext:")
    for i, step in enumerate(report.next_steps, 1):
        click.echo(f"  {i}. {step}")
