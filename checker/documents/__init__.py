"""Finding the files to check and reading them into Documents.

Readers are imported on first use, and each imports its parsing library itself
(polib, defusedxml, charset_normalizer, langdetect), so importing this package stays
cheap for the pre-commit hook.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator, Sequence

from checker.documents.encoding import DEFAULT_MAX_FILE_SIZE
from checker.documents.remote import is_url
from checker.documents.model import Anchor, Document, ReadError, Segment
from checker.language import detect, language_from_path, normalise_tag

__all__ = [
    "SUFFIXES",
    "Anchor",
    "Document",
    "ReadError",
    "Segment",
    "iter_documents",
    "iter_paths",
    "links_out_of_tree",
    "read_document",
    "sniff_language",
]

SUFFIXES = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
    # localization formats (checker.documents.l10n); a walk takes the ambiguous suffixes
    # (.xml, .json, .yml, .properties, .ts) only where the path says they are locale files
    ".xml": "android",
    ".properties": "properties",
    ".json": "json",
    ".arb": "json",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".ts": "qt",
    ".strings": "strings",
    ".stringsdict": "stringsdict",
    ".xcstrings": "xcstrings",
    ".resx": "resx",
    ".html": "html",
    ".htm": "html",
    ".rst": "rst",
    ".rest": "rst",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
}


_L10N = frozenset({"android", "properties", "json", "yaml", "qt", "strings", "stringsdict", "xcstrings", "resx"})


def _walk_takes(path: str, fmt: str) -> bool:
    from checker.documents.l10n.walk import walk_takes

    return walk_takes(path, fmt)


def _format_of(path: str) -> str | None:
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def _posix(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def iter_paths(paths: Sequence[str]) -> Iterator[str]:
    """The files to read under `paths`, each once, in a deterministic order.

    Directories are walked with their entries sorted, skipping hidden directories
    and files (`.git`, editor back-ups); only known suffixes are kept. A file named
    explicitly is kept only with a known suffix. A path that does not exist, or a
    directory that cannot be listed, is yielded as is so that read_document
    reports it; so is an entry with a known suffix that is no regular file (a FIFO, a
    socket, a device, a broken symbolic link or one to such a file), which read_document
    refuses without opening it for long. Symbolic links to directories are not followed.
    """
    seen: set[str] = set()
    for given in paths:
        if is_url(given):
            from checker.documents.remote import list_files

            for path in list_files(given, _format_of):
                if path not in seen:
                    seen.add(path)
                    yield path
            continue
        if os.path.isdir(given):
            candidates = _walk(given)
        elif os.path.exists(given):
            candidates = iter([given]) if _format_of(given) else iter(())
        else:
            candidates = iter([given])
        for path in candidates:
            path = _posix(path)
            if path not in seen:
                seen.add(path)
                yield path


def _walk(top: str) -> Iterator[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    unreadable: list[str] = []

    def onerror(error: OSError) -> None:
        if error.filename:
            unreadable.append(error.filename)

    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, top)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in filenames:
            fmt = None if name.startswith(".") else _format_of(name)
            if fmt and (fmt not in _L10N or _walk_takes(os.path.join(dirpath, name), fmt)):
                found.append(((*parts, name), os.path.join(dirpath, name)))
    # Sorting by components (not by joined string) keeps `a/x` next to `a/y`
    # regardless of how `-` or `.` compare with the separator.
    found.sort()
    yield from (path for _, path in found)
    yield from sorted(unreadable)


def read_document(
    path: str, *, lang: str | None = None, include_fuzzy: bool = False, max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    data: bytes | None = None, source_lang: str | None = None,
) -> Document:
    """Read one file into a Document whose language is settled.

    Language order: the file's own header (PO Language, XLIFF target language),
    then `lang` (--lang), then the path (`fr/`, `guide.fr.md`), then detection on the text.
    Raises ReadError for anything wrong with the file, including a path that is no regular
    file (a FIFO, a device, a socket, a symbolic link to one) and a file above `max_size`
    bytes (None: no limit). `data`, when given, is the file's content (an editor's unsaved
    buffer): the file itself is not read. `source_lang` (--source-lang, default en) names
    the source-language file a localization file is paired with (`values/` for `values-de/`).
    """
    from checker.documents.encoding import read_bytes

    if data is None:
        data = read_bytes(path, max_size)
    fmt = _format_of(path)
    if fmt == "text":
        from checker.documents.text import read_text

        doc = read_text(path, data)
    elif fmt == "markdown":
        from checker.documents.markdown import read_markdown

        doc = read_markdown(path, data)
    elif fmt == "po":
        from checker.documents.po import read_po

        doc = read_po(path, data, include_fuzzy=include_fuzzy)
    elif fmt == "xliff":
        from checker.documents.xliff import read_xliff

        doc = read_xliff(path, data, include_unfinished=include_fuzzy)
    elif fmt == "tmx":
        from checker.documents.tmx import read_tmx

        doc = read_tmx(path, data, lang=lang)  # --lang picks the target of a multilingual memory
    elif fmt == "html":
        from checker.documents.html import read_html

        doc = read_html(path, data)
    elif fmt == "rst":
        from checker.documents.rst import read_rst

        doc = read_rst(path, data)
    elif fmt == "asciidoc":
        from checker.documents.asciidoc import read_asciidoc

        doc = read_asciidoc(path, data)
    elif fmt in _L10N:
        from checker.documents.l10n import read_l10n

        doc = read_l10n(path, data, fmt, lang=lang, source_lang=source_lang, include_fuzzy=include_fuzzy)
    else:
        suffix = os.path.splitext(path)[1] or "(none)"
        known = ", ".join(sorted(SUFFIXES))
        raise ReadError(path, f"unsupported file type {suffix}; expected one of {known}")
    return _settle_language(doc, lang)


def _settle_language(doc: Document, lang: str | None) -> Document:
    if doc.language is not None:
        return doc  # the reader found it in the file's header
    language, source = (normalise_tag(lang), "option") if lang else (None, "unknown")
    if language is None:
        language, source = language_from_path(doc.path), "path"
    if language is None:
        # U+FFFC marks blanked markup; it is no evidence of any language.
        text = "\n".join(s.text for s in doc.segments).replace("\ufffc", " ")
        found = detect(text)
        language, source = (found[0], "detected") if found else (None, "unknown")
    return dataclasses.replace(doc, language=language, language_source=source)


def iter_documents(
    paths: Sequence[str],
    *,
    lang: str | None = None,
    include_fuzzy: bool = False,
    select: Callable[[str], bool] | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    source_lang: str | None = None,
) -> Iterator[Document | ReadError]:
    """read_document over iter_paths(paths) (only paths `select` accepts, if given);
    a file that fails yields its ReadError."""
    for path in iter_paths(paths):
        if select is not None and not select(path):
            continue
        try:
            yield read_document(path, lang=lang, include_fuzzy=include_fuzzy, max_size=max_size, source_lang=source_lang)
        except ReadError as e:
            yield e


def links_out_of_tree(files: Sequence[str], given: Sequence[str]) -> dict[str, str]:
    """Files found by walking a directory that are symbolic links to a file outside the
    directories given: a pull request can commit a link to /etc/passwd or to a file of
    another checkout. A file named on the command line is read wherever it points."""
    roots = [os.path.realpath(p) for p in given if os.path.isdir(p)]
    named = {os.path.normpath(p) for p in given if not os.path.isdir(p)}
    refused: dict[str, str] = {}
    for path in files:
        if os.path.normpath(path) in named or not roots:
            continue
        real = os.path.realpath(path)
        if real == os.path.abspath(path) or not os.path.isfile(real):
            continue  # no link on the way; or not a file at all, which the reader reports
        if not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots):
            refused[path] = "a symbolic link to a file outside the directories checked; skipped"
    return refused


_PO_LANGUAGE = re.compile(rb'^"Language:[ \t]*([^"\\]*)', re.M)
_XLIFF_LANGUAGE = re.compile(rb"""(?:trgLang|target-language)\s*=\s*["']([^"']+)["']""")
_HTML_LANGUAGE = re.compile(rb"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?([^"'\s>]+)""", re.I)


def sniff_language(path: str, lang: str | None) -> str | None:
    """The language read_document would settle on without detection, from the first 8 KB
    of the file (a PO header, an XLIFF target language), `lang` or the path; None when it
    cannot tell (the file is then read in full)."""
    fmt = _format_of(path)
    if fmt in ("po", "xliff", "html"):
        try:
            with open(path, "rb") as fh:
                head = fh.read(8192)
        except OSError:
            return None
        m = {"po": _PO_LANGUAGE, "xliff": _XLIFF_LANGUAGE, "html": _HTML_LANGUAGE}[fmt].search(head)
        if m is not None:
            declared = m.group(1).decode("ascii", "replace").strip()
            if declared:
                return normalise_tag(declared)  # None for a header naming no language: read in full
        if fmt == "po" and b'"Language:' in head:
            return None
    if fmt == "tmx":
        return None  # a memory's languages are in its units: read it in full
    if lang:
        return normalise_tag(lang)
    return language_from_path(path)
