"""Short labels for document paths in the HTML report: a file's name, plus the nearest
directories that tell it apart from the other documents shown (`admin/…/django.po`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path, PurePath
from typing import Sequence

from checker.language import normalise_tag, same_language


def file_name(path: str) -> str:
    """The last component of `path` (the path itself if it has none)."""
    return Path(path).name or path


def _names_language(part: str, language: str) -> bool:
    """True when a path component is a code of `language` or one of its regional forms
    (`de_AT` for "de", `en_GB` for "en-AU"): the part that varies between a catalog's languages."""
    # two-letter codes only, as for languages read off paths: "app" or "doc" are names
    if len(part) < 2 or (len(part) > 2 and part[2] not in "-_.@"):
        return False
    tag = normalise_tag(part)
    return tag is not None and same_language(tag, language)


def _neutral(parts: tuple[str, ...], language: str) -> tuple[str, ...]:
    """Path components with those naming the document's language replaced by "*", so that one
    catalog in several languages (`admin/locale/de/...`, `admin/locale/fr/...`) is one path."""
    if language == "?":
        return parts
    out = ["*" if _names_language(p, language) else p for p in parts[:-1]]
    name = parts[-1].split(".")
    # guide.fr.md, de.po: every piece but the extension may name the language
    name = ["*" if i < len(name) - 1 and _names_language(x, language) else x for i, x in enumerate(name)]
    return (*out, ".".join(name))


def _split(path: str) -> tuple[str, ...]:
    parts = PurePath(path).parts
    return (parts[1:] if PurePath(path).anchor else parts) or (path,)


def distinguishing_labels(docs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """(path, language) -> the shortest run of path components that tells the document apart
    from the others: its file name, plus the nearest directories that differ, with "…" for
    components skipped (`admin/…/django.po` beside `auth/…/django.po`).

    Documents that differ only in the components naming their language get the same label
    (the report shows their language beside it); a path that is the end of another one is
    shown whole. Linear in the number of components: components are compared from the end,
    and a group of paths is split only where its members differ.
    """
    parts = {path: _split(path) for path, _ in docs}
    neutral = {path: _neutral(parts[path], language) for path, language in docs}
    keys = sorted(set(neutral.values()))
    chosen: dict[tuple[str, ...], set[int]] = {k: {0} for k in keys}  # distances from the end
    whole: set[tuple[str, ...]] = set()
    pending: list[tuple[list[tuple[str, ...]], int]] = [(keys, 0)]
    while pending:
        group, d = pending.pop()
        if len(group) < 2:
            continue
        split: dict[str | None, list[tuple[str, ...]]] = defaultdict(list)
        for k in group:
            split[k[-1 - d] if d < len(k) else None].append(k)
        if len(split) > 1:
            for k in group:
                chosen[k].add(d)
        for key, members in split.items():
            if key is None:  # this path ends here: only the whole of it tells it apart
                whole.update(members)
            else:
                pending.append((members, d + 1))
    # components every document shares at the start say nothing (benchmarks/out/...)
    common = 0
    if len(parts) > 1:
        first = min(parts.values(), key=len)
        while common < len(first) - 1 and all(p[common] == first[common] for p in parts.values()):
            common += 1
    labels = {}
    for path, language in docs:
        own, key = parts[path], neutral[path]
        if key in whole:
            labels[path] = "/".join(own[common:])
            continue
        indices = sorted(len(own) - 1 - d for d in chosen[key])
        pieces = []
        for i, at in enumerate(indices):
            if i and at > indices[i - 1] + 1:
                pieces.append("…")
            pieces.append(own[at])
        labels[path] = "/".join(pieces)
    # two documents of one language whose paths differ only where they name it
    # (`de/x.po` and `de_DE/x.po`, both German by their headers): shown whole
    seen = Counter((language, labels[path]) for path, language in docs)
    for path, language in docs:
        if seen[(language, labels[path])] > 1:
            labels[path] = "/".join(parts[path][common:]) or path
    return labels
