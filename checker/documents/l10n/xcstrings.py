"""Xcode string catalogs (`Localizable.xcstrings`): every language in one JSON file.

Bilingual: the target is one language's `stringUnit` values (plural and device variations
and substitutions each a segment), the source the same key's value in the catalog's
`sourceLanguage`, else the key itself (Xcode's default). The target language is `--lang`;
without it, the one language the catalog holds besides the source, and a catalog of
several is refused with one line listing them (one run per language: `--lang de`).
Strings marked `shouldTranslate: false` are skipped, and `new` or `needs_review` ones
unless `--include-fuzzy`. The key's `comment` is its note. Parsed with
checker.documents.l10n.jsonscan for positions.
"""

from __future__ import annotations

from typing import Iterator

from checker.documents.encoding import decode, normalise_newlines
from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.jsonscan import Node, parse, placed
from checker.documents.lines import Lines
from checker.documents.model import ReadError
from checker.language import normalise_tag

_UNFINISHED = frozenset({"new", "needs_review"})


def read_xcstrings(path: str, data: bytes, *, include_fuzzy: bool = False, lang: str | None = None,
                   source_lang: str | None = None, **_: object) -> Catalog:
    """The strings of one language of an `.xcstrings` catalog."""
    text, encoding = decode(data, path)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    root = parse(path, text)
    strings = root.get("strings")
    if root.kind != "object" or strings is None or strings.kind != "object":
        raise ReadError(path, "not an Xcode string catalog: no \"strings\" object")
    source_node = root.get("sourceLanguage")
    source = source_node.value if source_node is not None and source_node.kind == "string" else (source_lang or "en")
    languages = sorted({lang_key for _, _, s in strings.value for lang_key in _localizations(s)} - {source})
    target = _target(path, lang, languages)
    lines = Lines(text)
    entries: list[Entry] = []
    for key, key_start, node in strings.value:
        if node.kind != "object" or _false(node.get("shouldTranslate")):
            continue
        comment = node.get("comment")
        notes = tuple(comment.value.splitlines()) if comment is not None and comment.kind == "string" else ()
        localizations = node.get("localizations")
        source_units = dict(_units(localizations.get(source), "")) if localizations is not None and localizations.get(source) else {}
        key_line, key_column = lines.position(key_start + 1)
        for suffix, unit in _units(localizations.get(target) if localizations is not None and target else None, ""):
            state = unit.get("state")
            if state is not None and state.value in _UNFINISHED and not include_fuzzy:
                continue
            value = unit.get("value")
            if value is None or value.kind != "string" or not value.value.strip():
                continue
            string, line, column, anchors = placed(value, text, lines)
            source_unit = source_units.get(suffix) or source_units.get(_other(suffix))
            source_value = source_unit.get("value") if source_unit is not None else None
            if source_value is not None and source_value.kind == "string":
                src, src_line, src_column, _ = placed(source_value, text, lines)
            else:
                src, src_line, src_column = key, key_line, key_column
            entries.append(Entry(key + suffix, string, line, column, anchors, notes, src, src_line, src_column))
    return Catalog(tuple(entries), encoding, target, 1, source_language=source, text=text,
                   metadata={"target": target or ""})


def _target(path: str, lang: str | None, languages: list[str]) -> str | None:
    if lang:
        wanted = normalise_tag(lang)
        return next((code for code in languages if normalise_tag(code) == wanted), lang)
    if len(languages) <= 1:
        return languages[0] if languages else None
    raise ReadError(path, f"an Xcode string catalog of {len(languages)} languages ({', '.join(languages)}): "
                          "check one at a time with --lang")


def _false(node: Node | None) -> bool:
    return node is not None and node.kind == "literal" and node.value is False


def _localizations(string: Node) -> list[str]:
    localizations = string.get("localizations") if string.kind == "object" else None
    return [k for k, _, _ in localizations.value] if localizations is not None and localizations.kind == "object" else []


def _units(node: Node | None, suffix: str) -> Iterator[tuple[str, Node]]:
    """(key suffix, stringUnit node) of a localization: its own unit, its variations
    (`[plural.one]`, `[device.iphone]`) and substitutions (`[arg.plural.one]`)."""
    if node is None or node.kind != "object":
        return
    unit = node.get("stringUnit")
    if unit is not None and unit.kind == "object":
        yield suffix, unit
    variations = node.get("variations")
    if variations is not None and variations.kind == "object":
        for kind, _, cases in variations.value:
            if cases.kind == "object":
                for case, _, child in cases.value:
                    yield from _units(child, _join(suffix, f"{kind}.{case}"))
    substitutions = node.get("substitutions")
    if substitutions is not None and substitutions.kind == "object":
        for name, _, child in substitutions.value:
            yield from _units(child, _join(suffix, name))


def _join(suffix: str, part: str) -> str:
    return f"{suffix[:-1]}.{part}]" if suffix else f"[{part}]"


def _other(suffix: str) -> str:
    """`[plural.few]` -> `[plural.other]`: the source form a missing plural form falls back on."""
    head, dot, _ = suffix.rpartition(".")
    return f"{head}.other]" if dot and "plural" in suffix else suffix


def notes_with_places(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Each key's `comment` (offsets of its text) and the key's first and last line."""
    try:
        root = parse("", text)
    except ReadError:
        return
    strings = root.get("strings") if root.kind == "object" else None
    if strings is None or strings.kind != "object":
        return
    lines = Lines(text)
    for _, key_start, node in strings.value:
        comment = node.get("comment")
        if comment is not None and comment.kind == "string":
            yield comment.start + 1, comment.end - 1, lines.position(key_start)[0], lines.position(node.end - 1)[0]
