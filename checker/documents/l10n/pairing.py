"""Where a localization file's language and its source-language file are, by convention.

Each format names a file's language in one place of its path:

| format | target | source |
|---|---|---|
| Android | `res/values-de/strings.xml`, `values-pt-rBR`, `values-b+zh+Hans` | `res/values/strings.xml` |
| Apple | `de.lproj/Localizable.strings` | `en.lproj/...`, else `Base.lproj/...` |
| Java | `messages_de.properties`, `messages_pt_BR.properties` | `messages_en.properties`, else `messages.properties` |
| RESX | `Strings.de.resx` | `Strings.en.resx`, else the neutral `Strings.resx` |
| JSON, YAML | `locales/de/app.json`, `de.json`, `app_de.arb`, `_locales/de/messages.json`, `config/locales/de.yml`, `devise.de.yml` | the same with `en` (or `en_US`, `en-US`) |
| Qt | `app_de.ts` | (bilingual: `<source>`) |

A file in the source language's place (`values/`, `Base.lproj`, the neutral `.resx`, the
default `.properties` bundle) is in the source language. A target with no source file
found is checked as a monolingual document.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePosixPath
from typing import Callable

from checker.language import ISO_639_1, normalise_tag, primary

# Android resource qualifiers: `b+sr+Latn` (BCP 47) or `de`, `de-rDE` (legacy).
_ANDROID_BCP47 = re.compile(r"^b\+([a-zA-Z]{2,3}(?:\+[A-Za-z0-9]{2,8})*)$")
_ANDROID_LEGACY = re.compile(r"^([a-z]{2,3})$")  # its region, `rDE`, is the next qualifier


def tag(part: str) -> str | None:
    """`part` as a language tag if it is one a path would carry (`de`, `pt_BR`, `zh-Hans`;
    two-letter primary language), else None."""
    if not re.fullmatch(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8}){0,3}", part):
        return None
    found = normalise_tag(part)
    return found if found and primary(found) in ISO_639_1 and part[:2].islower() else None


def android_language(directory: str) -> tuple[str | None, str] | None:
    """(language, directory without the language qualifier) for a `values*` directory;
    None for another directory. `values-de-rDE-land` -> ('de-DE', 'values-land')."""
    if directory != "values" and not directory.startswith("values-"):
        return None
    qualifiers = directory.split("-")[1:]
    # The language may follow mcc/mnc qualifiers; it is the first that parses as one.
    for i, q in enumerate(qualifiers):
        m = _ANDROID_BCP47.match(q)
        if m:
            found = normalise_tag(m.group(1).replace("+", "-"))
            rest = qualifiers[:i] + qualifiers[i + 1 :]
            return found, "-".join(["values", *rest])
        m = _ANDROID_LEGACY.match(q)
        if m and m.group(1) in ISO_639_1 | {"fil"}:
            region = qualifiers[i + 1][1:] if i + 1 < len(qualifiers) and re.fullmatch(r"r[A-Z]{2}|r\d{3}", qualifiers[i + 1]) else None
            found = normalise_tag(m.group(1) + ("-" + region if region else ""))
            skip = 2 if region else 1
            rest = qualifiers[:i] + qualifiers[i + skip :]
            return found, "-".join(["values", *rest])
        if not re.fullmatch(r"mcc\d+|mnc\d+", q):
            break
    return None, directory


class Place:
    """Where a file's language sits in its path: `language` (None: the source language's
    own place, such as `values/`), and how to spell the path for another language."""

    def __init__(self, language: str | None, spell: Callable[[str], list[str]], default: str | None) -> None:
        self.language = language
        self.spell = spell  # language spelling -> the path(s) it would have
        self.default = default  # the source file's path when it has no language in it

    def source_paths(self, source_language: str) -> list[str]:
        """Candidate paths of the source-language file, in order of preference."""
        out: list[str] = []
        for spelling in _spellings(source_language):
            out.extend(self.spell(spelling))
        if self.default:
            out.append(self.default)
        return list(dict.fromkeys(out))


def _spellings(language: str) -> list[str]:
    """`en` -> en, en_US, en-US, en_GB, en-GB; `pt-BR` -> pt-BR, pt_BR, pt."""
    if "-" in language:
        return [language, language.replace("-", "_"), primary(language)]
    regions = {"en": ("US", "GB"), "pt": ("PT", "BR"), "zh": ("Hans", "CN"), "es": ("ES",), "fr": ("FR",), "de": ("DE",)}
    out = [language]
    for region in regions.get(language, ()):
        out += [f"{language}_{region}", f"{language}-{region}"]
    return out


def place(path: str, fmt: str) -> Place | None:
    """Where `path`'s language is, by the convention of `fmt`; None if the path says nothing."""
    p = PurePosixPath(path.replace(os.sep, "/"))
    parent, name = p.parent, p.name
    if fmt == "android":
        found = android_language(parent.name)
        if found is None:
            return None
        language, bare = found
        base = parent.parent
        return Place(language, lambda s: _android_dirs(base, bare, s, name), str(base / bare / name) if language else None)
    if fmt in ("strings", "stringsdict") and parent.name.endswith(".lproj"):
        stem = parent.name[: -len(".lproj")]
        base = parent.parent
        return Place(tag(stem), lambda s: [str(base / f"{s}.lproj" / name)], str(base / "Base.lproj" / name))
    if fmt == "resx":
        pieces = name.split(".")
        if len(pieces) >= 3 and tag(pieces[-2]):
            stem = ".".join(pieces[:-2])
            return Place(tag(pieces[-2]), lambda s: [str(parent / f"{stem}.{s}.resx")], str(parent / f"{stem}.resx"))
        stem = ".".join(pieces[:-1])
        return Place(None, lambda s: [str(parent / f"{stem}.{s}.resx")], None)
    if fmt == "properties":
        return _suffixed(parent, name, "_", default=True)
    if fmt in ("json", "yaml", "qt"):
        return _suffixed(parent, name, "_-.", default=False) or _directory(p)
    return None


def _android_dirs(base: PurePosixPath, bare: str, spelling: str, name: str) -> list[str]:
    rest = bare[len("values") :]
    legacy = spelling.replace("_", "-")
    if "-" in legacy:
        lang, region = legacy.split("-", 1)
        legacy = f"{lang}-r{region}" if re.fullmatch(r"[A-Z]{2}", region) else f"b+{lang}+{region}"
    return [str(base / f"values-{legacy}{rest}" / name)]


def _suffixed(parent: PurePosixPath, name: str, separators: str, *, default: bool) -> Place | None:
    """`messages_pt_BR.properties`, `app_de.arb`, `devise.de.yml`, `de.json`: a language at
    the end of the file's stem, after one of `separators` (or the whole stem)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        return None
    if tag(stem):
        return Place(tag(stem), lambda s: [str(parent / f"{s}.{suffix}")], None)
    for i, c in enumerate(stem):
        if c in separators and i > 0 and tag(stem[i + 1 :]):
            head, sep = stem[:i], c
            base = f"{head}.{suffix}" if default else None
            return Place(tag(stem[i + 1 :]), lambda s: [str(parent / f"{head}{sep}{s}.{suffix}")],
                         str(parent / base) if base else None)
    if default:
        # The default bundle: its language is the source language when a sibling bundle has
        # one (`messages.properties` beside `messages_de.properties`).
        return Place(None, lambda s: [str(parent / f"{stem}_{s}.{suffix}")], None)
    return None


def _directory(p: PurePosixPath) -> Place | None:
    """`locales/de/app.json`, `_locales/pt_BR/messages.json`: the nearest directory named
    for a language."""
    parts = p.parts
    for i in range(len(parts) - 2, -1, -1):
        found = tag(parts[i])
        if found:
            head, tail = parts[:i], parts[i + 1 :]
            return Place(found, lambda s: [str(PurePosixPath(*head, s, *tail))], None)
    return None


def source_files(path: str, fmt: str, source_language: str) -> list[str]:
    """The source-language files of the localization file `path`, most specific first
    (`messages_en.properties`, then `messages.properties`: a key missing from the first is
    looked up in the next, as Java's ResourceBundle and Android's resources fall back)."""
    where = place(path, fmt)
    if where is None or where.language is None:
        return []
    if where.language == normalise_tag(source_language):
        return []  # the file is in the source language itself
    return [c for c in where.source_paths(source_language) if c != path and os.path.isfile(c)]


def path_language(path: str, fmt: str, source_language: str) -> str | None:
    """The language `path` says by the format's convention: `values-de` -> 'de'; the
    source language's own place (`values/`, `Base.lproj`, a neutral `.resx`, a default
    `.properties` bundle beside localized ones) -> `source_language`."""
    where = place(path, fmt)
    if where is None:
        return None
    if where.language is not None:
        return where.language
    if fmt == "properties" or fmt == "resx":
        # A bare bundle is the source only where localized siblings say it is a bundle.
        directory = os.path.dirname(path) or "."
        stem = os.path.basename(path).rpartition(".")[0]
        try:
            names = os.listdir(directory)
        except OSError:
            return None
        sep = "_" if fmt == "properties" else "."
        if not any(n.startswith(stem + sep) and n.endswith(os.path.splitext(path)[1]) for n in names):
            return None
    return normalise_tag(source_language)
