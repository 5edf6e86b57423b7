"""`termcheck check`: options, configuration and glossary, the run, the report, the exit status."""

from __future__ import annotations

import sys

import click

from checker.cli.common import FAIL_ON, emit, load_matcher_or_exit, quiet_or_verbose, resolve_inputs


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-g", "--glossary", "glossary_path", default=None,
              help="Glossary file (YAML, version 1). Default: from the configuration, else glossary.yml "
                   "here or in the nearest directory above the checked files.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: the nearest .termcheck.toml or pyproject.toml "
                   "with [tool.termcheck] above the checked files).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--lang", default=None, help="Language of documents whose header does not say; wins over a language in the path (else detected).")
@click.option("--source-lang", default=None,
              help="Language of bilingual sources (PO msgid) when the file does not say, and of the source "
                   "file a localization file is paired with (values/ for values-de/). Default: en.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "html"]), default="text",
              show_default=True, help="Report format (sarif: SARIF 2.1.0; github: workflow annotations; html: one page).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit with status 1 if a finding has at least this severity. Default: error.")
@click.option("--include-fuzzy", is_flag=True, default=None, help="Also check fuzzy PO entries and unfinished XLIFF units (state new, needs-*, initial).")
@click.option("--discover", is_flag=True, default=None,
              help="Also report spans that resemble a term but are not listed (unlisted-rendering).")
@click.option("--threshold", type=click.FloatRange(0, 100), default=None, callback=lambda ctx, param, value: _finite(value),
              help="chrF a discovered span needs, from 0 to 100 (default 45).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Record today's findings in this baseline file and exit 0.")
@click.option("--fix", is_flag=True, help="Replace forbidden renderings by the preferred one, in place.")
@click.option("--diff", "show_diff", is_flag=True, help="Show what --fix would change; write nothing.")
@click.option("--no-suppressions", is_flag=True, help="Ignore `termcheck: ignore` markers.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Processes to check files in (default: the number of cores). The report does not change.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where files are checked: here (--jobs processes) or on a Dask cluster.")
@click.option("--scheduler", default=None,
              help="With --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster.")
@click.option("--send-files", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="With --engine dask: send the files' content with the tasks: when the workers cannot read "
                   "the paths (auto), always, or never (stop with a message if they cannot).")
@click.option("--no-stemming", is_flag=True, help="Match words as written: no dictionary forms, stems or compounds.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the compiled-glossary cache.")
@click.option("--max-file-size", "max_file_size", metavar="SIZE", default=None,
              callback=lambda ctx, param, value: _size(value),
              help="Files larger than this are a read-error, not read: bytes, or with a unit "
                   "(500kB, 50MB, 2MiB). Default: 50 MB.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: only findings and a summary line; nothing when clean.")
@click.option("-v", "--verbose", is_flag=True,
              help="Text format: list every document and every term (default: a summary per language, "
                   "and only the terms with several renderings or with findings).")
def check(paths, glossary_path, config_path, isolated, lang, source_lang, fmt, output, fail_on, include_fuzzy,
          discover, threshold, baseline_path, write_baseline_path, fix, show_diff, no_suppressions, jobs,
          engine, scheduler, send_files, no_stemming, no_cache, max_file_size, quiet, verbose) -> None:
    """Check PATHS (files or directories; default: translations/) against the glossary."""
    from checker.language import normalise_tag
    from checker.pipeline import CheckOptions, run_check
    from checker.reporters import render

    quiet_or_verbose(quiet, verbose)
    for name, value in (("--lang", lang), ("--source-lang", source_lang)):
        if value is not None and normalise_tag(value) is None:
            raise click.BadParameter(f"'{value}' is not a language code", param_hint=name)
    paths, config, glossary_path = resolve_inputs(paths, glossary_path, config_path, isolated)
    matcher = load_matcher_or_exit(glossary_path, stem=not no_stemming, use_cache=not no_cache)
    options = CheckOptions.from_config(
        config, lang=normalise_tag(lang) if lang else None, source_lang=normalise_tag(source_lang) if source_lang else None,
        include_fuzzy=include_fuzzy, stem=not no_stemming, discover=discover, threshold=threshold,
        suppressions=not no_suppressions, max_file_size=max_file_size,
    )
    if fix or show_diff:
        pending = _fix(paths, matcher, options, write=fix, show_diff=show_diff)
        if not fix:
            sys.exit(1 if pending else 0)  # like ruff --diff: 1 when something would change
    if jobs is None:
        from checker.engines.local import default_jobs

        jobs = default_jobs()
    if engine == "dask":
        result = _run_on_dask(paths, matcher, options, scheduler, jobs, send_files)
    else:
        from checker.engines import choose

        result = run_check(paths, matcher.glossary, options, matcher, map_step=choose(jobs))
    if not no_cache:
        from checker.matching.cache import save_matcher

        save_matcher(matcher)
    if write_baseline_path:
        from checker.project.baseline import BaselineError, write_baseline

        try:
            write_baseline(write_baseline_path, result.findings)
        except BaselineError as exc:
            click.echo(f"termcheck: {exc}", err=True)
            sys.exit(2)
        n = len(result.findings)
        click.echo(f"termcheck: wrote {n} finding{'s' if n != 1 else ''} to {write_baseline_path}", err=True)
        sys.exit(0)
    if baseline_path:
        import dataclasses

        from checker.project.baseline import BaselineError, load_baseline

        try:
            baseline = load_baseline(baseline_path)
        except BaselineError as exc:
            click.echo(f"termcheck: {exc}", err=True)
            sys.exit(2)
        result = dataclasses.replace(result, findings=tuple(baseline.filter(result.findings)))
    color = not output and fmt == "text" and sys.stdout.isatty()
    emit(render(result, fmt, color=color, quiet=quiet, verbose=verbose), output, color)
    sys.exit(1 if result.fails(fail_on or config.fail_on or "error") else 0)


def _run_on_dask(paths, matcher, options, scheduler, jobs, send="auto"):
    from checker.engines import choose
    from checker.pipeline import run_check

    try:
        import distributed
    except ImportError:
        click.echo("termcheck: --engine dask needs Dask: pip install 'termcheck[dask]'", err=True)
        sys.exit(2)
    try:
        if scheduler:
            return run_check(paths, matcher.glossary, options, matcher, map_step=choose(scheduler=scheduler, send=send))
        with distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            return run_check(paths, matcher.glossary, options, matcher,
                             map_step=choose(scheduler=cluster.scheduler_address, send=send))
    except (OSError, RuntimeError, ValueError, TimeoutError) as exc:
        click.echo(f"termcheck: the Dask cluster failed: {exc}", err=True)
        sys.exit(2)


def _fix(paths, matcher, options, write: bool, show_diff: bool) -> bool:
    """--fix / --diff: replace forbidden renderings by preferred ones (before the check reports)."""
    from checker.project.fix import plan_paths
    from checker.project.fix.diff import render_diff
    from checker.project.fix.write import apply_fixes

    plan = plan_paths(paths, matcher, lang=options.lang, source_lang=options.source_lang,
                      include_fuzzy=options.include_fuzzy)
    if show_diff:
        click.echo(render_diff(plan), nl=False)
    errors = apply_fixes(plan) if write else []
    for line in plan.messages() + errors:
        click.echo(line, err=True)
    click.echo(f"termcheck: {plan.summary()}{'' if write else ' (not written: --diff)'}", err=True)
    return bool(plan.edits)


def _finite(value: float | None) -> float | None:
    """click's FloatRange lets nan through (every comparison with it is false)."""
    if value is not None and value != value:
        raise click.BadParameter("nan is not a number from 0 to 100")
    return value


def _size(value: str | None) -> int | None:
    from checker.project.config import parse_size

    if value is None:
        return None
    try:
        return parse_size(value.strip())
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} {exc}") from None
