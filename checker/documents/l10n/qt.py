"""Qt Linguist `.ts` files: `<translation>` against `<source>`, one segment per message
(per `<numerusform>` of a plural message).

Bilingual like XLIFF, and parsed the same way (checker.documents.l10n.xmltree, defusedxml's
expat SAX reader with positions); Translate Toolkit's `ts2.tsfile` is an lxml tree with
lines only, and 19 times slower than the PO reader on a 2 MB file here. The target language
is the `TS` element's `language`, the source its `sourcelanguage` (else `--source-lang`).
Unfinished translations (`type="unfinished"`) are skipped unless `--include-fuzzy`, like
fuzzy PO entries; vanished and obsolete ones always. `<comment>` (the disambiguation),
`<extracomment>` and `<translatorcomment>` are notes. Unit ids: the context, U+0004, the
source (and `[n]` for a plural form).
"""

from __future__ import annotations

from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.xmltree import Element, parse, text_of
from checker.documents.model import ReadError

_NOTES = ("comment", "extracomment", "translatorcomment")


def read_qt(path: str, data: bytes, *, include_fuzzy: bool = False, **_: object) -> Catalog:
    """The translated messages of a Qt `.ts` file."""
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"<") and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "not a Qt Linguist file: not XML (TypeScript?)")
    root, encoding = parse(path, data, "a Qt Linguist file")
    if root.name != "TS":
        raise ReadError(path, f"not a Qt Linguist file (root element <{root.name}>)", root.line, root.column)
    entries: list[Entry] = []
    for context in root.elements("context"):
        name_element = context.first("name")
        name = text_of(name_element)[0] if name_element is not None else ""
        for message in context.elements("message"):
            entries.extend(_message(name, message, include_fuzzy))
    return Catalog(tuple(entries), encoding, root.attrs.get("language") or None, root.line,
                   source_language=root.attrs.get("sourcelanguage") or None)


def _message(context: str, message: Element, include_fuzzy: bool) -> list[Entry]:
    source_element = message.first("source")
    translation = message.first("translation")
    if source_element is None or translation is None:
        return []
    kind = translation.attrs.get("type", "")
    if kind in ("vanished", "obsolete") or (kind == "unfinished" and not include_fuzzy):
        return []
    source, source_line, source_column, _ = text_of(source_element)
    notes = []
    for name in _NOTES:
        element = message.first(name)
        if element is not None:
            notes.extend(line.strip() for line in text_of(element)[0].splitlines() if line.strip())
    disambiguation = message.first("comment")
    unit = f"{context}\x04{source}"
    if disambiguation is not None:
        unit += f"\x04{text_of(disambiguation)[0]}"
    unit = message.attrs.get("id") or unit
    forms = translation.elements("numerusform") if message.attrs.get("numerus") == "yes" else []
    targets = [(f"{unit}[{n}]", form) for n, form in enumerate(forms)] if forms else [(unit, translation)]
    entries = []
    for key, element in targets:
        text, line, column, anchors = text_of(element, frozenset({"byte"}))
        if text.strip():
            entries.append(Entry(key, text, line, column, anchors, tuple(notes), source, source_line, source_column))
    return entries
