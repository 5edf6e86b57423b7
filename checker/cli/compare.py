"""`termcheck compare`: align versions of one source with the first and report where their terms diverge."""

from __future__ import annotations

import sys

import click

from checker.cli.common import FAIL_ON, emit, existing_paths, load_glossary_or_exit, quiet_or_verbose


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-g", "--glossary", "glossary_path", default="glossary.yml", show_default=True,
              help="Glossary file (YAML, version 1).")
@click.option("--lang", default=None, help="Language of documents whose path does not say (else detected).")
@click.option("--source-lang", default=None,
              help="Language of the first document, the source the others translate: they are aligned across "
                   "languages and checked term by term (the default when the languages differ).")
@click.option("--chain", is_flag=True,
              help="Compare each document with the one before (SOURCE -> A -> B) and trace each source term "
                   "through the chain.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="never", show_default=True,
              help="Exit with status 1 if a finding has at least this severity.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: only findings and a summary line; nothing when clean.")
@click.option("-v", "--verbose", is_flag=True,
              help="Text format: every aligned pair and every term (default: only those that differ).")
def compare(paths, glossary_path, lang, source_lang, chain, fmt, output, fail_on, quiet, verbose) -> None:
    """Align versions of one source (PATHS: the reference first) and show where their terms diverge;
    across languages, align a source with its translations and check each term's rendering."""
    from checker.comparison import CompareError, run_compare
    from checker.language import normalise_tag
    from checker.reporters import render_compare

    quiet_or_verbose(quiet, verbose)
    if len(paths) < 2:
        raise click.UsageError("compare needs at least two documents: the reference first")
    existing_paths(paths)
    for option, value in (("--lang", lang), ("--source-lang", source_lang)):
        if value is not None and normalise_tag(value) is None:
            raise click.BadParameter(f"'{value}' is not a language code", param_hint=option)
    glossary = load_glossary_or_exit(glossary_path)
    try:
        result = run_compare(list(paths), glossary, normalise_tag(lang) if lang else None,
                             source_lang=normalise_tag(source_lang) if source_lang else None, chain=chain)
    except CompareError as exc:
        click.echo(f"termcheck: {exc}", err=True)
        sys.exit(2)
    color = not output and fmt == "text" and sys.stdout.isatty()
    emit(render_compare(result, fmt, color=color, quiet=quiet, verbose=verbose), output, color)
    sys.exit(1 if result.fails(fail_on) else 0)
