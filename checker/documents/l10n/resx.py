""".NET `.resx` resources (`Strings.de.resx`), paired with the neutral `Strings.resx`.

Each string `<data name="...">`'s `<value>` is checked and its `<comment>` is its note;
`<data>` with a `type` or `mimetype` (images, sizes, serialized objects) and WinForms
designer entries (`>>button1.Name`) are not text. Parsed with
checker.documents.l10n.xmltree (defusedxml's expat SAX reader) for exact positions;
Translate Toolkit's `resx.RESXFile` reads fast but is an lxml tree with lines only. The
language comes from the file name (`Strings.de.resx`); the neutral file is the source.
"""

from __future__ import annotations

from checker.documents.l10n.catalog import Catalog, Entry
from checker.documents.l10n.xmltree import parse, text_of
from checker.documents.model import ReadError


def read_resx(path: str, data: bytes, **_: object) -> Catalog:
    """The strings of a `.resx` file."""
    root, encoding = parse(path, data, "a .resx file")
    if root.name != "root":
        raise ReadError(path, f"not a .resx file (root element <{root.name}>)", root.line, root.column)
    entries: list[Entry] = []
    for element in root.elements("data"):
        name = element.attrs.get("name", "")
        if not name or name.startswith(">>") or "type" in element.attrs or "mimetype" in element.attrs:
            continue
        value = element.first("value")
        if value is None:
            continue
        text, line, column, anchors = text_of(value)
        if not text.strip():
            continue
        comment = element.first("comment")
        notes = tuple(n.strip() for n in text_of(comment)[0].splitlines() if n.strip()) if comment is not None else ()
        entries.append(Entry(name, text, line, column, anchors, notes))
    return Catalog(tuple(entries), encoding)
