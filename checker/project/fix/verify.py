"""The bytes a fix starts from, and the proof that its result changes only the planned texts.

The fixer works on the file's own decoded text (BOM and line endings as they are). The
result is parsed again with the format's reader (and, for PO, with polib entry by entry)
and must differ only in the expected texts, else the file is left alone. polib's `save()`
is never used: it re-wraps the whole file.
"""

from __future__ import annotations

import codecs

from checker.documents.encoding import normalise_newlines
from checker.documents.model import Document, ReadError, Segment

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_file(path: str) -> bytes:
    """The file's bytes, as they are (a fix is planned on them and written only over them)."""
    with open(path, "rb") as fh:
        return fh.read()


def decode(data: bytes, encoding: str) -> tuple[bytes, str, str] | None:
    """(BOM, codec, text) such that BOM + text.encode(codec) == data, or None."""
    try:
        family = codecs.lookup(encoding).name[:6]  # "utf-8", "utf-16", "utf-32", else other
    except LookupError:
        return None
    bom, codec = b"", encoding
    for mark, name in _BOMS:
        if data.startswith(mark) and name.startswith(family):
            bom, codec = mark, name
            break
    try:
        text = data[len(bom) :].decode(codec)
        if bom + text.encode(codec) != data:
            return None
    except (UnicodeError, LookupError):
        return None
    return bom, codec, text


def parse(doc: Document, data: bytes) -> Document:
    """`data` read with `doc`'s reader (PO: fuzzy entries too, a superset of any run's)."""
    if doc.format == "text":
        from checker.documents.text import read_text

        return read_text(doc.path, data)
    if doc.format == "markdown":
        from checker.documents.markdown import read_markdown

        return read_markdown(doc.path, data)
    if doc.format == "po":
        from checker.documents.po import read_po

        return read_po(doc.path, data, include_fuzzy=True)
    if doc.format == "xliff":
        from checker.documents.xliff import read_xliff

        return read_xliff(doc.path, data)
    if doc.format == "tmx":
        from checker.documents.tmx import read_tmx

        # the target language the check read: a multilingual memory gives the same units
        return read_tmx(doc.path, data, lang=doc.metadata.get("target") or doc.language)
    if doc.format == "html":
        from checker.documents.html import read_html

        return read_html(doc.path, data)
    if doc.format == "rst":
        from checker.documents.rst import read_rst

        return read_rst(doc.path, data)
    if doc.format == "asciidoc":
        from checker.documents.asciidoc import read_asciidoc

        return read_asciidoc(doc.path, data)
    from checker.project.fix.l10n_syntax import L10N_SYNTAX

    if doc.format in L10N_SYNTAX:
        from checker.documents.l10n import read_l10n

        # Paired with the same source file, and for .xcstrings the same target language.
        return read_l10n(doc.path, data, doc.format, lang=doc.language, source_lang=doc.source_language,
                         include_fuzzy=True)
    raise ReadError(doc.path, f"no reader for {doc.format}")


def verify(
    doc: Document,
    before: Document,
    expected: dict[Segment, str],
    new_data: bytes,
    text: str,
    new_text: str,
) -> str | None:
    """Why the new bytes are not exactly the old ones with the planned texts changed; None if they are.

    `expected` holds the new text of each segment that changes.
    """
    try:
        after = parse(doc, new_data)
    except ReadError as e:
        return f"the fixed file cannot be read ({e.message})"
    want = [(s.unit_id, s.source, expected.get(s, s.text), s.comments) for s in before.segments]
    got = [(s.unit_id, s.source, s.text, s.comments) for s in after.segments]
    if want != got:
        for w, g in zip(want, got):
            if w != g:
                return f"expected {w[2]!r}, read back {g[2]!r}"
        return "the fixed file has other segments"
    if doc.format == "po":
        return _verify_po(before, expected, text, new_text)
    return None


_PO_FIELDS = (
    "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "comment", "tcomment", "occurrences",
    "flags", "previous_msgctxt", "previous_msgid", "previous_msgid_plural", "obsolete", "linenum",
)  # fmt: skip


def _verify_po(before: Document, expected: dict[Segment, str], text: str, new_text: str) -> str | None:
    """polib reads the fixed file with exactly the planned msgstr changed and all else equal."""
    import polib

    from checker.documents.po import _Lines  # the reader's line splitting, so polib agrees with it

    encoding = before.encoding
    try:
        old = polib.pofile(_Lines(normalise_newlines(text)), encoding=encoding)
        new = polib.pofile(_Lines(normalise_newlines(new_text)), encoding=encoding)
    except Exception as e:  # polib signals syntax errors with bare IOError/ValueError
        return f"polib cannot read the fixed file ({e})"
    if (old.header, old.metadata, old.metadata_is_fuzzy) != (new.header, new.metadata, new.metadata_is_fuzzy):
        return "the PO header changed"
    # Where each planned segment's text lives: unit id -> (entry, plural index or None).
    places: dict[str, list[tuple[int, int | None]]] = {}
    for i, entry in enumerate(old):
        if entry.obsolete:
            continue
        unit = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgstr_plural:
            for n in entry.msgstr_plural:
                places.setdefault(f"{unit}[{n}]", []).append((i, n))
        else:
            places.setdefault(unit, []).append((i, None))
    wanted: list[dict] = [{f: _copy(getattr(e, f)) for f in _PO_FIELDS} for e in old]
    for segment, value in expected.items():
        found = places.get(segment.unit_id or "", [])
        if len(found) != 1:
            return f"cannot tell which entry {segment.unit_id!r} is"
        i, n = found[0]
        if n is None:
            wanted[i]["msgstr"] = value
        else:
            wanted[i]["msgstr_plural"][n] = value
    if len(new) != len(old):
        return "polib reads a different number of entries"
    for want, entry in zip(wanted, new):
        got = {f: _copy(getattr(entry, f)) for f in _PO_FIELDS}
        if got != want:
            diff = [f for f in _PO_FIELDS if got[f] != want[f]]
            return f"entry {entry.msgid!r} at line {entry.linenum}: {', '.join(diff)} changed"
    return None


def _copy(value):  # noqa: ANN001, ANN202
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value
