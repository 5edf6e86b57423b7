"""`termcheck glossary extract`: source terms of translated units and how they are rendered."""

from __future__ import annotations

import os
import sys

import click

from checker.wording import plural

from checker.cli.common import resolve_inputs

GLOSSARY_HELP = ("Glossary whose terms are looked up too, and which --write adds to. Default: from the "
                 "configuration, else glossary.yml here or in the nearest directory above.")


@click.command("extract")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-t", "--target-lang", "target", required=True,
              help="Language of the translations to read (exactly: de is not de-AT, unless no file is in de).")
@click.option("--source-lang", "source", default=None,
              help="Language of the source texts. Default: the configuration's, else what the files say, else en.")
@click.option("-g", "--glossary", "glossary_path", default=None, help=GLOSSARY_HELP)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: the nearest .termcheck.toml or pyproject.toml with "
                   "[tool.termcheck] above the files).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True,
              help="New terms to propose (0: only the glossary's terms).")
@click.option("--min-units", type=click.IntRange(1), default=3, show_default=True,
              help="Units a source phrase must occur in to be proposed.")
@click.option("--include-fuzzy", is_flag=True, default=None, help="Read fuzzy PO entries and unfinished XLIFF units too.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.option("--write", is_flag=True,
              help="Add what was found to the glossary: new terms (the dominant rendering preferred, the others "
                   "as variants to review), and to its terms the renderings they lack.")
def glossary_extract(paths, target, source, glossary_path, config_path, isolated, limit, min_units, include_fuzzy,
                     fmt, write) -> None:
    """Propose key terms from translated units (PO, XLIFF, TMX) in PATHS (default: as for
    check) with the renderings the translations use: source phrases ranked by termhood
    (C-value), each with its target renderings ranked by association (Dice)."""
    from checker.glossary import GlossaryError, load_glossary
    from checker.glossary.extract import extract
    from checker.glossary.extract_units import bilingual_units
    from checker.language import normalise_tag
    from checker.reporters.extraction import extraction_csv, extraction_json, extraction_text

    for option, value in (("--target-lang", target), ("--source-lang", source)):
        if value is not None and normalise_tag(value) is None:
            raise click.BadParameter(f"'{value}' is not a language code", param_hint=option)
    target = normalise_tag(target)
    paths, config, glossary_path = resolve_inputs(paths, glossary_path, config_path, isolated)
    source = normalise_tag(source) if source else config.source_lang
    glossary = None
    if os.path.exists(glossary_path):
        try:
            glossary = load_glossary(glossary_path)
        except GlossaryError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            sys.exit(2)
    units, errors, source, files = bilingual_units(
        paths, target, source_language=source,
        include_fuzzy=bool(include_fuzzy if include_fuzzy is not None else config.include_fuzzy),
        max_size=config.max_file_size,
    )
    for error in errors:
        click.echo(f"{error.path}:{error.line}:{error.column}: error: {error.message}", err=True)
    if not units:
        click.echo(f"termcheck: no translated units in {target} in the files given (PO, XLIFF, TMX)", err=True)
        sys.exit(2 if not errors else 1)
    known, preferred = _known_terms(glossary, source, target)
    result = extract(units, source, target, limit=limit, min_units=min_units, known=known)
    if fmt == "json":
        click.echo(extraction_json(result), nl=False)
    elif fmt == "csv":
        click.echo(extraction_csv(result), nl=False)
    else:
        click.echo(f"termcheck: {plural(files, 'file')} read", err=True)
        click.echo(extraction_text(result, preferred), nl=False)
    if write:
        _write(glossary_path, glossary, result)
    sys.exit(1 if errors else 0)


def _known_terms(glossary, source: str, target: str) -> tuple[list[tuple[str, str]], dict[str, str | None]]:
    """(id, source rendering) of the glossary's terms that have a source rendering, and
    id -> the preferred target rendering (None where the term has none)."""
    if glossary is None:
        return [], {}
    known, preferred = [], {}
    for term in glossary.terms:
        rendering = term.preferred(source)
        if rendering is None:
            continue
        known.append((term.id, rendering.text))
        have = term.preferred(target)
        preferred[term.id] = have.text if have is not None else None
    return known, preferred


def _write(glossary_path: str, glossary, result) -> None:
    """Add the extraction to the glossary file (a new file when there is none)."""
    from checker.glossary import GlossaryEditError, GlossaryError
    from checker.glossary.writeback import additions, new_glossary_text

    from checker.cli.common import replace_file

    new_terms, added = additions(glossary, result)
    if glossary is None:
        if not new_terms:
            click.echo("termcheck: nothing to write", err=True)
            return
        text = new_glossary_text(new_terms, result)
        with open(glossary_path, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        click.echo(f"termcheck: wrote {plural(len(new_terms), 'term')} to {glossary_path}", err=True)
        return
    from checker.glossary.edit import add_renderings, add_terms

    with open(glossary_path, encoding="utf-8", newline="") as fh:
        before = fh.read()
    try:
        after = add_terms(add_renderings(before, added, glossary_path), new_terms, glossary_path)
    except (GlossaryError, GlossaryEditError) as exc:
        click.echo(f"{glossary_path}: error: {exc}", err=True)
        sys.exit(2)
    if after == before:
        click.echo("termcheck: the glossary has everything found already", err=True)
        return
    replace_file(glossary_path, before, after)
    click.echo(f"termcheck: added {plural(len(new_terms), 'new term')} and "
               f"{plural(len(added), 'rendering')} to existing terms in {glossary_path}", err=True)
