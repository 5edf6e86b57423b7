"""`termcheck glossary …`: lint, stats, suggest, export, import."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from checker.wording import plural

from checker.cli.common import (
    existing_paths,
    glossary_argument,
    load_glossary_or_exit,
    load_matcher_or_exit,
    or_exit,
    replace_file,
    resolve_inputs,
)

if TYPE_CHECKING:
    from checker.project.config import Config

#: -g on every subcommand; GLOSSARY as an argument too where the command takes no PATHS.
GLOSSARY_HELP = ("Glossary file (YAML, version 1). Default: from the configuration, else glossary.yml "
                 "here or in the nearest directory above.")


@click.group()
def glossary() -> None:
    """Maintain the glossary: lint it, measure its use, find unlisted renderings, extract terms
    from translations, import, export."""


@glossary.command("lint")
@click.argument("path", metavar="[GLOSSARY]", required=False, type=click.Path(dir_okay=False))
@click.option("-g", "--glossary", "glossary_path", default=None, help=GLOSSARY_HELP)
def glossary_lint(path: str | None, glossary_path: str | None) -> None:
    """Check GLOSSARY (default: the configured one, else glossary.yml here or above): errors,
    then warnings; exit 1 on any."""
    from checker.glossary.lint import lint

    errors, warnings = lint(glossary_argument(path, glossary_path))
    for p in errors:
        click.echo(f"{p.path}:{p.line}:{p.column}: error: {p.message}")
    for p in warnings:
        click.echo(f"{p.path}:{p.line}:{p.column}: warning: {p.message}")
    if errors or warnings:
        click.echo(f"{plural(len(errors), 'error')}, {plural(len(warnings), 'warning')}", err=True)
    sys.exit(1 if errors or warnings else 0)


def _config_options(f):
    """--config and --isolated, as `check` has them: the commands that read PATHS find the
    same configuration, hence the same glossary and documents."""
    f = click.option("--isolated", is_flag=True, help="Ignore configuration files.")(f)
    return click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                        help="Configuration file (default: the nearest .termcheck.toml or pyproject.toml "
                             "with [tool.termcheck] above the checked files).")(f)


def _lang_or_fail(lang: str | None, config: Config) -> str | None:
    """--lang normalised (a usage error if it is no language code), else the configured one."""
    from checker.language import normalise_tag

    if lang is None:
        return config.lang
    if normalise_tag(lang) is None:
        raise click.BadParameter(f"'{lang}' is not a language code", param_hint="--lang")
    return normalise_tag(lang)


@glossary.command("stats")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-g", "--glossary", "glossary_path", default=None, help=GLOSSARY_HELP)
@_config_options
@click.option("--lang", default=None, help="Language of documents whose header does not say; wins over the path.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def glossary_stats(paths, glossary_path, config_path, isolated, lang, fmt) -> None:
    """Per term and language, occurrences in PATHS (default: translations/, as for check) by
    rendering; terms never seen; per-language completeness."""
    from checker.documents.encoding import DEFAULT_MAX_FILE_SIZE
    from checker.glossary.stats import glossary_stats as compute
    from checker.pipeline import CheckOptions, run_check
    from checker.reporters.glossary import stats_json, stats_text

    from checker.checks import ALL_RULES

    paths, config, glossary_path = resolve_inputs(paths, glossary_path, config_path, isolated)
    lang = _lang_or_fail(lang, config)
    matcher = load_matcher_or_exit(glossary_path, stem=True, use_cache=True)
    # Counts only: no rule runs (no language detection for wrong-language), no suppressions;
    # the documents are those check would read (include/exclude, languages, fuzzy, size).
    options = CheckOptions(
        lang=lang, source_lang=config.source_lang or "en", include_fuzzy=bool(config.include_fuzzy),
        disable=frozenset(ALL_RULES), suppressions=False, languages=config.languages,
        select=config.selects if (config.include or config.exclude) else None,
        max_file_size=config.max_file_size or DEFAULT_MAX_FILE_SIZE,
    )
    result = run_check(paths, matcher.glossary, options, matcher)
    stats = compute(matcher.glossary, result)
    click.echo((stats_json if fmt == "json" else stats_text)(stats), nl=False)


@glossary.command("suggest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-g", "--glossary", "glossary_path", default=None, help=GLOSSARY_HELP)
@_config_options
@click.option("--lang", default=None, help="Language of documents whose header does not say; wins over the path.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None, help="chrF a span needs (default 45).")
@click.option("--term", "terms", multiple=True, help="Only suggestions for this term id (repeatable).")
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True,
              help="Only spans seen at least this often.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--write", is_flag=True, help="Add the suggestions shown to the glossary file.")
@click.option("--as", "status", type=click.Choice(["variant", "forbidden"]), default="variant", show_default=True,
              help="With --write: add them as variants or as forbidden renderings.")
def glossary_suggest(paths, glossary_path, config_path, isolated, lang, threshold, terms, min_count, fmt, write,
                     status) -> None:
    """Rank the renderings PATHS (default: translations/, as for check) use that the glossary
    does not list."""
    from checker.matching.discovery import DEFAULT_THRESHOLD
    from checker.reporters.glossary import suggestions_json, suggestions_text
    from checker.glossary.suggest import suggest, unknown_term_errors

    paths, config, glossary_path = resolve_inputs(paths, glossary_path, config_path, isolated)
    lang = _lang_or_fail(lang, config)
    matcher = load_matcher_or_exit(glossary_path, stem=True, use_cache=True)
    unknown = unknown_term_errors(matcher.glossary, terms)
    if unknown:  # before the corpus is read: a misspelt id would only find nothing
        raise click.BadParameter("\n".join(unknown), param_hint="--term")
    found, errors = suggest(paths, matcher.glossary, lang=lang,
                            threshold=threshold if threshold is not None else DEFAULT_THRESHOLD, matcher=matcher)
    for e in errors:
        click.echo(f"{e.path}:{e.line}:{e.column}: error: {e.message}", err=True)
    found = [s for s in found if s.count >= min_count and (not terms or s.term_id in terms)]
    click.echo((suggestions_json if fmt == "json" else suggestions_text)(found), nl=False)
    if write and found:
        from checker.glossary import GlossaryEditError, GlossaryError
        from checker.glossary.edit import add_renderings

        with open(glossary_path, encoding="utf-8", newline="") as fh:
            before = fh.read()
        try:
            after = add_renderings(before, [(s.term_id, s.language, s.text, status) for s in found], glossary_path)
        except (GlossaryError, GlossaryEditError) as exc:
            click.echo(f"{glossary_path}: error: {exc}", err=True)
            sys.exit(2)
        replace_file(glossary_path, before, after)
        click.echo(f"termcheck: added {plural(len(found), status + ' rendering')} to {glossary_path}", err=True)


def _extract_command() -> None:
    from checker.cli.extract import glossary_extract

    glossary.add_command(glossary_extract, "extract")


_extract_command()


@glossary.command("export")
@click.argument("path", metavar="[GLOSSARY]", required=False, type=click.Path(dir_okay=False))
@click.option("-g", "--glossary", "glossary_path", default=None, help=GLOSSARY_HELP)
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), required=True,
              help="tbx: TBX-Basic (ISO 30042), for memoQ, Trados, Okapi; csv: one row per term and language.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="File to write (default: stdout).")
def glossary_export(path, glossary_path, fmt, output) -> None:
    """Write GLOSSARY (default: the configured one, else glossary.yml here or above) as TBX or CSV."""
    glossary_path = glossary_argument(path, glossary_path)
    if fmt == "tbx":
        from checker.glossary.tbx import export_tbx as export
    else:
        from checker.glossary.csv_io import export_csv as export
    text = export(load_glossary_or_exit(glossary_path))
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    else:
        click.echo(text, nl=False)


@glossary.command("import")
@click.argument("source")
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), default=None,
              help="Format of SOURCE (default: from its suffix).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="glossary.yml to write (default: stdout).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def glossary_import(source, fmt, output, force) -> None:
    """Read a TBX or CSV glossary and write it as glossary.yml (version 1)."""
    import os

    from checker.glossary.dump import dump_glossary

    fmt = fmt or ("csv" if source.lower().endswith((".csv", ".tsv")) else "tbx")
    if fmt == "tbx":
        from checker.glossary.tbx_import import import_tbx as read
    else:
        from checker.glossary.csv_io import import_csv as read
    existing_paths([source])  # a missing file: one line, exit 2, as in every command
    try:
        with open(source, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        click.echo(f"{source}:1:1: error: cannot read: {exc.strerror or exc}", err=True)
        sys.exit(2)
    imported = or_exit(read, data, source)
    header = f"Imported from {os.path.basename(source)} by termcheck"
    # dump_glossary loads what it wrote: a glossary that would not load is refused, not written
    text = or_exit(lambda: dump_glossary(imported, header=header, path=output or "<stdout>", source=source))
    if output:
        if os.path.exists(output) and not force:
            click.echo(f"termcheck: {output} exists; use --force to overwrite it", err=True)
            sys.exit(2)
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        click.echo(f"termcheck: wrote {plural(len(imported['terms']), 'term')} to {output}", err=True)
    else:
        click.echo(text, nl=False)
