"""Localization files: Android `strings.xml`, Java `.properties`, i18next/ARB/Chrome JSON,
Rails YAML, Qt `.ts`, Apple `.strings`/`.stringsdict`/`.xcstrings` and .NET `.resx`.

Each format's reader parses a file into keyed entries (checker.documents.l10n.catalog);
this module turns them into a Document: the language from the file (Qt `language`, a
Rails top key, ARB `@@locale`), else `--lang`, else the format's path convention
(checker.documents.l10n.pairing), and for a monolingual file the source text of each key
from the source-language file the convention names, so bilingual rules
(`missing-rendering`) work as for PO. Readers are imported on first use.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.pairing import path_language, source_files
from checker.documents.model import Document, ReadError, Segment
from checker.language import normalise_tag

#: format -> (module, reader function)
READERS = {
    "android": ("checker.documents.l10n.android", "read_android"),
    "properties": ("checker.documents.l10n.properties", "read_properties"),
    "json": ("checker.documents.l10n.jsonl10n", "read_json"),
    "yaml": ("checker.documents.l10n.rails", "read_rails"),
    "qt": ("checker.documents.l10n.qt", "read_qt"),
    "strings": ("checker.documents.l10n.apple", "read_strings"),
    "stringsdict": ("checker.documents.l10n.apple", "read_stringsdict"),
    "xcstrings": ("checker.documents.l10n.xcstrings", "read_xcstrings"),
    "resx": ("checker.documents.l10n.resx", "read_resx"),
}

#: formats whose files hold their own source text (no source file is looked for)
BILINGUAL = frozenset({"qt", "xcstrings"})


def read_catalog(path: str, data: bytes, fmt: str, *, include_fuzzy: bool = False, lang: str | None = None,
                 source_lang: str | None = None) -> Catalog:
    """`data` parsed by the reader of `fmt`."""
    module, function = READERS[fmt]
    reader = getattr(importlib.import_module(module), function)
    return reader(path, data, include_fuzzy=include_fuzzy, lang=lang, source_lang=source_lang)


def read_l10n(
    path: str, data: bytes, fmt: str, *, lang: str | None = None, source_lang: str | None = None,
    include_fuzzy: bool = False,
) -> Document:
    """A Document of the localization file `path` (format `fmt`), paired with its source file."""
    source_language = normalise_tag(source_lang or "en") or "en"
    catalog = read_catalog(path, data, fmt, include_fuzzy=include_fuzzy, lang=lang, source_lang=source_language)
    language, language_source, problem = None, "unknown", None
    if catalog.language:
        language = normalise_tag(catalog.language)
        if language is not None:
            language_source = "header"
        else:
            problem = (catalog.language_line, f"declared language '{catalog.language}' is not a language tag")
    if language is None and not lang:
        language = path_language(path, fmt, source_language)
        language_source = "path" if language else "unknown"
    sources: dict[str, tuple[Entry, str]] = {}
    own_source = any(e.source is not None for e in catalog.entries)
    if fmt not in BILINGUAL and not own_source and (language or normalise_tag(lang or "")) != source_language:
        for source_path in reversed(source_files(path, fmt, source_language)):
            # the most specific file last, so its entries win
            sources.update((key, (entry, source_path)) for key, entry in _source_entries(source_path, fmt).items())
    segments = tuple(_segment(path, e, sources) for e in catalog.entries)
    paired = own_source or bool(sources)
    return Document(
        path=path,
        format=fmt,
        language=language,
        language_source=language_source,
        segments=segments,
        source_language=(normalise_tag(catalog.source_language or "") or source_language) if paired else None,
        encoding=catalog.encoding,
        metadata=dict(catalog.metadata),
        language_problem=problem,
        text=catalog.text,
    )


def _segment(path: str, entry: Entry, sources: dict[str, tuple[Entry, str]]) -> Segment:
    if entry.source is not None:
        return Segment(path, entry.line, entry.column, entry.text, entry.anchors, entry.source,
                       entry.source_line, entry.source_column, entry.key, entry.comments)
    found = sources.get(entry.key) or (sources.get(entry.fallback) if entry.fallback else None)
    if found is None:
        return Segment(path, entry.line, entry.column, entry.text, entry.anchors, unit_id=entry.key,
                       comments=entry.comments)
    source, source_path = found
    return Segment(path, entry.line, entry.column, entry.text, entry.anchors, source.text, source.line,
                   source.column, entry.key, entry.comments, source_path=source_path)


def _source_entries(path: str, fmt: str) -> dict[str, Entry]:
    """The entries of the source-language file by key; none if it cannot be read (it
    reports its own read-error when it is checked)."""
    try:
        info = os.stat(path)
    except OSError:
        return {}
    return _cached_entries(path, fmt, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=8)
def _cached_entries(path: str, fmt: str, mtime: int, size: int) -> dict[str, Entry]:
    # Every language's file of a project pairs with the same source file: it is read once.
    from checker.documents.encoding import read_bytes

    try:
        # Unfinished source strings are still the source (fuzzy applies to translations).
        catalog = read_catalog(path, read_bytes(path), fmt, include_fuzzy=True)
    except ReadError:
        return {}
    return {e.key: e for e in catalog.entries}
