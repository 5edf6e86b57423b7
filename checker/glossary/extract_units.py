"""The translated units term extraction reads: bilingual files (PO, XLIFF, TMX) in one target language."""

from __future__ import annotations

from typing import Sequence

from checker.documents.model import ReadError
from checker.glossary.extract import Unit
from checker.language import primary


def bilingual_units(
    paths: Sequence[str],
    target_language: str,
    *,
    source_language: str | None = None,
    include_fuzzy: bool = False,
    max_size: int | None = None,
) -> tuple[list[Unit], list[ReadError], str, int]:
    """(units, read errors, source language, files read) of the bilingual files under `paths`
    whose target language is `target_language`.

    The language matches exactly (`es` is not `es-AR`, `zh-Hans` is not `zh-Hant`: their
    renderings differ); only when no file is in exactly that language does a bare
    language take its regional files (`de` takes `de-DE` and `de-AT`). A file whose header
    or path names another language is not parsed. Units without a
    translation are left out (and fuzzy ones unless `include_fuzzy`). The source language is
    `source_language`, else what the files say (XLIFF, TMX), else English.
    """
    from collections import Counter

    from checker.documents import iter_documents, sniff_language
    from checker.documents.encoding import DEFAULT_MAX_FILE_SIZE

    from checker.documents import iter_paths
    from checker.language import normalise_tag

    want = normalise_tag(target_language) or target_language
    sniffed = {path: sniff_language(path, None) for path in iter_paths(paths)}
    exact = any(found == want for found in sniffed.values())

    def fits(language: str | None) -> bool:
        return language == want or (not exact and "-" not in want and primary(language or "") == want)

    def select(path: str) -> bool:
        return sniffed.get(path) is None or fits(sniffed[path])

    units: list[Unit] = []
    errors: list[ReadError] = []
    sources: Counter[str] = Counter()
    files = 0
    for doc in iter_documents(paths, lang=target_language, include_fuzzy=include_fuzzy, select=select,
                              max_size=max_size if max_size is not None else DEFAULT_MAX_FILE_SIZE):
        if isinstance(doc, ReadError):
            errors.append(doc)
            continue
        if not doc.bilingual or not fits(doc.language):
            continue
        files += 1
        if doc.source_language:
            sources[primary(doc.source_language)] += 1
        for seg in doc.segments:
            if seg.source and seg.text.strip():
                units.append(Unit(seg.masked_source, seg.masked, doc.path, seg.line, seg.unit_id, seg.source, seg.text))
    found = max(sorted(sources), key=sources.__getitem__) if sources else None
    return units, errors, source_language or found or "en", files
