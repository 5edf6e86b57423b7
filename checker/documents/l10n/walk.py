"""Which files of a directory walk are localization files.

`.json`, `.yml`/`.yaml`, `.xml`, `.properties` and `.ts` files in a repository are most
often something else (package.json, CI configuration, a Maven pom, gradle.properties,
TypeScript): a walk takes one only where its path (or, for `.ts`, its first bytes) says it
is a locale file. A file named on the command line is read whatever its path, and refused
with one line if its content does not have the format's shape.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

from checker.documents.l10n.pairing import android_language, place, tag

#: formats whose suffix is shared with other kinds of file
AMBIGUOUS = frozenset({"android", "json", "yaml", "properties", "qt"})
# (not `translations/`, which often holds documents and their metadata, sources.yml)
_LOCALE_DIRS = frozenset({"locales", "locale", "i18n", "l10n", "lang", "langs", "_locales"})
_DEPENDENCY_DIRS = frozenset({"node_modules", "bower_components", "vendor", "site-packages", "dist-packages"})
_NEVER = frozenset({"glossary.yml", "glossary.yaml", ".termcheck.toml", "termcheck.toml", ".pre-commit-config.yaml",
                    ".pre-commit-hooks.yaml"})


def walk_takes(path: str, fmt: str) -> bool:
    """True if a directory walk should read `path` (of format `fmt`) as a localization file."""
    if fmt not in AMBIGUOUS:
        return True
    p = PurePosixPath(path.replace(os.sep, "/"))
    if p.name in _NEVER or any(part in _DEPENDENCY_DIRS for part in p.parts[:-1]):
        return False
    if fmt == "android":
        return android_language(p.parent.name) is not None
    if fmt == "qt":
        return _starts_with(path, (b"<?xml", b"<!DOCTYPE TS", b"<TS"))
    where = place(path, fmt)
    if fmt == "properties":
        # A localized bundle, or the default bundle beside localized ones.
        if where is None:
            return False
        if where.language is not None:
            return True
        stem = p.name.rpartition(".")[0]
        try:
            return any(n.startswith(stem + "_") and n.endswith(".properties") and tag(n[len(stem) + 1 : -11])
                       for n in os.listdir(p.parent.as_posix() or "."))
        except OSError:
            return False
    if p.suffix == ".arb":
        return True
    dirs = {part.lower() for part in p.parts[:-1]}
    if dirs & _LOCALE_DIRS:
        return True
    return where is not None and where.language is not None and tag(p.stem) is not None


def _starts_with(path: str, marks: tuple[bytes, ...]) -> bool:
    """The file begins (after a UTF-8 BOM and white space) with one of `marks`: a Qt
    `.ts` file is XML, a TypeScript one is not."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(marks)
