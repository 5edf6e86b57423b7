"""What the command modules share: the paths to check, the configuration and the glossary
they default to, and loading a glossary or exiting with its problems (status 2).

Every command that takes paths resolves them the same way (`resolve_inputs`): the default
`translations/`, a usage error for a path that does not exist, a warning for one that holds
no file termcheck reads.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from checker.project.config import FAIL_ON  # noqa: F401 (the choices of --fail-on)

if TYPE_CHECKING:
    from checker.project.config import Config

#: What a command checks when it is given no path.
DEFAULT_PATHS = ("translations/",)


def resolve_inputs(
    paths: Sequence[str], glossary_path: str | None, config_path: str | None, isolated: bool
) -> tuple[list[str], Config, str]:
    """(paths, configuration, glossary path) of a command that checks PATHS: the paths
    given or the default, each existing (else exit 2); the configuration found above the
    first (or named); the glossary given, else the configured one, else glossary.yml here
    or above the first path. Warns on stderr about a path that holds no supported file."""
    if not paths:
        # No path given: the configuration's `paths` (found from here), else translations/.
        config = config_or_exit(config_path, isolated, ".")
        paths = list(config.paths)
    paths = existing_paths(paths)
    config = config_or_exit(config_path, isolated, paths[0])
    glossary_path = glossary_path or config.glossary or default_glossary(paths[0])
    warn_unsupported(paths)
    return paths, config, glossary_path


def existing_paths(paths: Sequence[str]) -> list[str]:
    """`paths`, or DEFAULT_PATHS when none is given; one `Error:` line per path that does
    not exist, and exit status 2.

    A path that exists but cannot be read (no permission, a broken symbolic link, a FIFO)
    is let through: it becomes a read-error finding and the other files are still checked.
    """
    from checker.glossary import shown

    given = list(paths)
    paths = given or list(DEFAULT_PATHS)
    missing = [p for p in paths if _missing(p)]
    if not missing:
        return paths
    for path in missing:
        if given:
            click.echo(f"Error: path '{shown(path, limit=500)}' does not exist", err=True)
        else:
            where = shown(os.getcwd(), limit=500)
            click.echo(f"Error: no path given, and the default '{path}' does not exist in {where}", err=True)
    if not given:
        click.echo("Hint: give the files or directories to check, or run termcheck in a project "
                   "(`termcheck init` sets one up)", err=True)
    sys.exit(2)


def _missing(path: str) -> bool:
    """Whether nothing at all is at `path` (lstat: a broken symbolic link is something; a
    URL is asked of its storage)."""
    from checker.documents.remote import is_url

    if is_url(path):
        from checker.documents.remote import exists

        return not exists(path)
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL in the name
        return True
    except OSError:  # there, or cannot tell (no permission on a parent): reading it will say
        return False
    return False


def warn_unsupported(paths: Sequence[str]) -> None:
    """A `warning:` line on stderr for each path that holds no file termcheck reads: a
    directory without one, a file of another type. Not an error: a directory that has no
    translations yet is a state a CI job may well see, but a run that reads nothing and
    says "0 findings" would look like a pass."""
    from checker.documents import SUFFIXES
    from checker.glossary import shown

    suffixes = ", ".join(SUFFIXES)
    for path in paths:
        if os.path.isdir(path):
            if not _holds_supported(path):
                click.echo(f"warning: no supported files ({suffixes}) under {shown(path, limit=500)}", err=True)
        elif os.path.isfile(path) and os.path.splitext(path)[1].lower() not in SUFFIXES:
            click.echo(f"warning: {shown(path, limit=500)} is not a supported file ({suffixes}); not checked",
                       err=True)


def _holds_supported(top: str) -> bool:
    """Whether walking `top` as `checker.documents.iter_paths` does finds a file to read
    (or a directory it cannot list, which the check reports); stops at the first."""
    from checker.documents import SUFFIXES

    unreadable: list[OSError] = []
    for _, dirnames, filenames in os.walk(top, onerror=unreadable.append):
        if unreadable:
            return True
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        if any(not n.startswith(".") and os.path.splitext(n)[1].lower() in SUFFIXES for n in filenames):
            return True
    return bool(unreadable)


def config_or_exit(config_path: str | None, isolated: bool, start: str) -> Config:
    """The configuration named, else the nearest above `start` (defaults with --isolated or
    when there is none); an invalid one is one `file:line:col: error:` line and exit 2."""
    from pathlib import Path

    from checker.project.config import Config, ConfigError, find_config, load_config

    if isolated:
        return Config()
    path = Path(config_path) if config_path else find_config(start)
    if path is None:
        return Config()
    try:
        return load_config(path)
    except ConfigError as exc:
        click.echo(exc.report_line(), err=True)
        sys.exit(2)


def default_glossary(start: str) -> str:
    """glossary.yml here, else the nearest one above `start`, else "glossary.yml" (whose
    absence the loader reports)."""
    from checker.project.config import find_glossary

    return find_glossary(start) or "glossary.yml"


def glossary_argument(positional: str | None, option: str | None) -> str:
    """The glossary of a `glossary` subcommand, given as GLOSSARY or with -g (not both,
    unless the same); else the configured one, else glossary.yml here or above."""
    if positional and option and os.path.normpath(positional) != os.path.normpath(option):
        raise click.UsageError(f"two glossaries given, '{positional}' and '{option}' (-g): give one")
    chosen = positional or option
    if chosen:
        return chosen
    return config_or_exit(None, False, ".").glossary or default_glossary(".")


def load_glossary_or_exit(path: str):
    """The glossary at `path`, or its problems printed one per line and exit status 2."""
    from checker.glossary import load_glossary

    return or_exit(load_glossary, path)


def load_matcher_or_exit(path: str, stem: bool, use_cache: bool):
    """The compiled glossary (from the cache if possible), or its problems and exit status 2."""
    from checker.matching.cache import load_matcher

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



def quiet_or_verbose(quiet: bool, verbose: bool) -> None:
    """-q and -v together are a usage error (exit 2)."""
    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose exclude each other")


def emit(report: str, output: str | None, color: bool) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(report)
        except OSError as exc:
            click.echo(f"termcheck: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(2)
    else:
        click.echo(report, nl=False, color=color)


def replace_file(path: str, expected: str, new: str) -> None:
    """Write `new` to `path` atomically, unless the file changed since it read as `expected`."""
    import os
    import tempfile

    with open(path, encoding="utf-8", newline="") as fh:
        if fh.read() != expected:
            click.echo(f"termcheck: {path} changed on disk since it was read; not written", err=True)
            sys.exit(2)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".termcheck-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(new)
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
