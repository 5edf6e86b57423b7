"""Gettext PO/POT files: msgid is the source, msgstr the target, one segment each.

polib parses; a segment's position is worked out when first asked for, by scanning the
file's lines from its entry's `linenum` (polib keeps no position for msgstr or its
continuation lines).
Every quoted chunk gets an Anchor, and so does the character after every escape
(`\\n`, `\\"`, `\\\\`...), so Segment.position() is exact even though the text is
shorter than the file.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from checker.documents.encoding import byte_position, decode, decode_as, normalise_newlines
from checker.documents.model import Anchor, Document, ReadError, Segment
from checker.language import normalise_tag

# polib's own pattern (detect_encoding), so both of us agree on the charset.
_CHARSET = re.compile(rb'"?Content-Type:.+? charset=([\w_\-:\.]+)')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)\s*\"")
_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
# The escapes polib.unescape understands; any other backslash stays as it is.
_BACKSLASH = re.compile(r"\\(.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}


class _Chunk(NamedTuple):
    """The inside of one quoted string: where its first character sits, and the raw text."""

    line: int
    column: int
    raw: str


class _Lines(str):
    """PO text whose splitlines() splits on \\n only.

    polib splits string content with str.splitlines(), which also breaks at
    U+2028, form feeds and the like; those may legitimately occur inside a quoted
    msgstr and would shift polib's line numbers against ours (or break the parse).
    """

    def splitlines(self, keepends: bool = False) -> list[str]:  # type: ignore[override]
        lines = self.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return [line + "\n" for line in lines] if keepends else lines


def read_po(path: str, data: bytes, *, include_fuzzy: bool = False) -> Document:
    """Segments for every translated, non-obsolete (and non-fuzzy) entry."""
    import polib

    text, encoding = _decode_po(data, path)
    text = normalise_newlines(text)
    _check_syntax(path, text)
    try:
        po = polib.pofile(_Lines(text), encoding=encoding)
    except Exception as e:  # polib signals syntax errors with bare IOError/ValueError
        raise _syntax_error(path, e) from None
    _check_duplicates(path, po)
    lines = _LazyLineIndex(text)
    segments: list[Segment] = []
    for entry in po:
        if entry.obsolete or ("fuzzy" in entry.flags and not include_fuzzy):
            continue
        segments.extend(_entry_segments(path, entry, lines))
    metadata = {str(k): str(v) for k, v in po.metadata.items()}
    declared = metadata.get("Language", "").strip()
    language = normalise_tag(declared) if declared else None
    problem = None
    if declared and language is None:
        problem = (_header_line(text, "Language"), f"PO header 'Language: {declared}' is not a language tag")
    return Document(
        path=path,
        format="po",
        language=language,
        language_source="header" if language else "unknown",
        segments=tuple(segments),
        source_language=normalise_tag(metadata.get("X-Source-Language", "")),
        encoding=encoding,
        metadata=metadata,
        language_problem=problem,
        text=text,
    )


def _header_line(text: str, field: str) -> int:
    """Line of the header field `field` (1 if it cannot be found)."""
    m = re.search(rf'^[^\S\n]*"{re.escape(field)}:', text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _decode_po(data: bytes, path: str) -> tuple[str, str]:
    """Decode with the charset the header declares, else like any text file.

    The literal "CHARSET" of a fresh .pot, or another name no codec has, falls through to
    detection; a codec that exists but cannot decode the file (or is no text encoding at
    all) is a ReadError at the header's line.
    """
    m = _CHARSET.search(data)
    if m:
        charset = m.group(1).decode("ascii", "replace")
        try:
            charset = codecs.lookup(charset).name
        except (LookupError, ValueError, TypeError):
            pass  # e.g. the literal "CHARSET" of a fresh .pot: fall through
        else:
            text = decode_as(data, charset, path, declared_at=byte_position(data, m.start(1)))
            return text.removeprefix("\ufeff"), charset
    return decode(data, path)


# A line msgfmt accepts: blank, a comment, or an optional keyword and one quoted string
# with only C escapes. polib lets through an unterminated string (dropping its last
# character) and unknown escapes, which `msgfmt -c` rejects as fatal.
_GOOD_LINE = r'[ \t]*(?:#[^\n]*)?|[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]*)?"(?:[^"\\\n]|\\[ntrbfva\\"\'?0-7x])*"[ \t]*'
_BAD_LINE = re.compile(rf"^(?!(?:{_GOOD_LINE})$).*$", re.M)
_STRING_START = re.compile(r'^[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]*)?"')
_BAD_ESCAPE = re.compile(r'\\(?:[ntrbfva\\"\'?0-7x]|(.))')


def _check_syntax(path: str, text: str) -> None:
    """Raise ReadError at the first line `msgfmt -c` rejects that polib would let through."""
    bad = _BAD_LINE.search(text)
    if bad is not None:
        line_text = bad.group()
        line = text.count("\n", 0, bad.start()) + 1
        start = _STRING_START.match(line_text)
        if start is not None:
            body = line_text[start.end():]
            for m in _BAD_ESCAPE.finditer(body):
                if m.group(1) is not None:
                    column = start.end() + m.start() + 1
                    raise ReadError(path, f"PO syntax error: invalid escape sequence '\\{m.group(1)}'", line, column)
            if not re.search(r'(?<!\\)(?:\\\\)*"', body):
                raise ReadError(path, "PO syntax error: end of line within string (missing closing quote)", line, len(line_text) + 1)
        # Anything else (unknown keyword, text after a string) polib reports itself.


def _check_duplicates(path: str, po) -> None:  # noqa: ANN001
    """Two entries with the same msgctxt and msgid ("duplicate message definition"): polib
    keeps both, `msgfmt -c` refuses the file."""
    seen: dict[tuple[str | None, str], int] = {}  # key -> line of its first entry
    for entry in po:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        first = seen.setdefault(key, entry.linenum)
        if first != entry.linenum:
            raise ReadError(
                path, f"PO syntax error: duplicate message definition (first defined on line {first})", entry.linenum
            )


def _syntax_error(path: str, error: Exception) -> ReadError:
    message = str(error)
    m = _POLIB_LINE.search(message)
    if m:
        detail = f": {m.group(2).strip()}" if m.group(2) else ""
        return ReadError(path, f"PO syntax error{detail}", int(m.group(1)))
    return ReadError(path, f"PO syntax error: {message or type(error).__name__}")


def _entry_segments(path: str, entry, lines: "_LazyLineIndex") -> list[Segment]:  # noqa: ANN001
    unit = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
    comments = tuple(entry.tcomment.splitlines()) if entry.tcomment else ()
    if entry.msgstr_plural:
        targets = [
            (
                f"{unit}[{n}]",
                text,
                f"msgstr[{n}]",
                entry.msgid_plural if n and entry.msgid_plural else entry.msgid,
                "msgid_plural" if n and entry.msgid_plural else "msgid",
            )
            for n, text in sorted(entry.msgstr_plural.items())
        ]
    else:
        targets = [(unit, entry.msgstr, "msgstr", entry.msgid, "msgid")]
    place = _EntryPlace(lines, max(entry.linenum or 1, 1))
    flags = tuple(sorted(entry.flags))
    return [
        _PoSegment(path, text, source, unit_id, comments, flags, place, key, source_key)
        for unit_id, text, key, source, source_key in targets
        if text  # an empty msgstr is untranslated
    ]


class _EntryPlace:
    """Where one entry's strings lie in the file, scanned on first request."""

    __slots__ = ("lines", "linenum", "_chunks")

    def __init__(self, lines: "_LazyLineIndex", linenum: int) -> None:
        self.lines = lines
        self.linenum = linenum
        self._chunks: dict[str, list[_Chunk]] | None = None

    def locate(self, text: str, key: str) -> tuple[int, int, tuple[Anchor, ...]]:
        if self._chunks is None:
            self._chunks = _scan_entry(self.lines.index, self.linenum)
        return _locate(text, self._chunks.get(key, []), self.linenum)


class _PoSegment(Segment):
    """A PO segment whose line, column and anchors are worked out when first asked for.

    Most entries of a catalog are never reported, and locating an entry's strings in the
    file (continuation lines, escapes) costs more than polib's parse of it.
    """

    def __init__(self, path: str, text: str, source: str, unit_id: str, comments: tuple[str, ...],
                 flags: tuple[str, ...], place: _EntryPlace, key: str, source_key: str) -> None:
        # The dataclass is frozen: its fields are set in the instance dict, all at once.
        self.__dict__.update(path=path, text=text, source=source, unit_id=unit_id, comments=comments,
                             flags=flags, _place=place, _keys=(key, source_key))

    def _target_place(self) -> tuple[int, int, tuple[Anchor, ...]]:
        cached = self.__dict__.get("_target")
        if cached is None:
            cached = self._place.locate(self.text, self._keys[0])
            object.__setattr__(self, "_target", cached)
        return cached

    def _source_place(self) -> tuple[int, int, tuple[Anchor, ...]]:
        cached = self.__dict__.get("_source")
        if cached is None:
            cached = self._place.locate(self.source or "", self._keys[1])
            object.__setattr__(self, "_source", cached)
        return cached

    line = property(lambda self: self._target_place()[0])  # type: ignore[assignment]
    column = property(lambda self: self._target_place()[1])  # type: ignore[assignment]
    anchors = property(lambda self: self._target_place()[2])  # type: ignore[assignment]
    source_line = property(lambda self: self._source_place()[0])  # type: ignore[assignment]
    source_column = property(lambda self: self._source_place()[1])  # type: ignore[assignment]


# One pass over the file: every line holding a quoted string (with its keyword, if any),
# found in C; the lines of an entry are then looked up, not re-parsed.
_QUOTED_LINE = re.compile(
    r'^([^\S\n]*)(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[^\S\n]*)?"(.*)"[^\S\n]*$', re.M
)
_QUIET_LINE = re.compile(r"^[^\S\n]*(?:#[^\n]*)?$", re.M)  # blank or a comment


class _LineIndex:
    """The file's lines, classified once: quoted-string lines with their keyword, column and
    raw content; blank and comment lines."""

    def __init__(self, text: str) -> None:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", text))
        self.count = len(starts) if not text.endswith("\n") else len(starts) - 1
        line_of = {start: number for number, start in enumerate(starts, 1)}
        self.quoted: dict[int, tuple[str | None, int, str]] = {}
        for m in _QUOTED_LINE.finditer(text):
            self.quoted[line_of[m.start()]] = (m.group(2), m.start(3) - m.start() + 1, m.group(3))
        self.quiet = {line_of[m.start()] for m in _QUIET_LINE.finditer(text)}
        self._text = text
        self._starts = starts

    def __getitem__(self, index: int) -> str:
        """Line `index + 1` (0-based indexing, like the list it replaces)."""
        start = self._starts[index]
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self._text)
        return self._text[start:end]


class _LazyLineIndex:
    """The file's _LineIndex, built the first time an entry's place is asked for."""

    __slots__ = ("_text", "_index")

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: _LineIndex | None = None

    @property
    def index(self) -> _LineIndex:
        if self._index is None:
            self._index = _LineIndex(self._text)
        return self._index


def _scan_entry(lines: _LineIndex, start: int) -> dict[str, list[_Chunk]]:
    """The quoted chunks of each keyword of the entry that begins on line `start`."""
    chunks: dict[str, list[_Chunk]] = {}
    key: str | None = None
    seen_msgid = seen_msgstr = False
    quoted, quiet = lines.quoted, lines.quiet
    for number in range(start, lines.count + 1):
        if number in quiet:
            if seen_msgstr:
                break  # blank line or the next entry's comments
            continue
        found = quoted.get(number)
        if found is None:
            break
        keyword, column, raw = found
        if keyword is not None:
            key = keyword
            if key in ("msgctxt", "msgid") and seen_msgid:
                break  # the next entry, written without a blank line
            seen_msgid = seen_msgid or key == "msgid"
            seen_msgstr = seen_msgstr or key.startswith("msgstr")
        elif key is None:
            break
        chunks.setdefault(key, []).append(_Chunk(number, column, raw))
    return chunks


def _locate(text: str, chunks: list[_Chunk], fallback_line: int) -> tuple[int, int, tuple[Anchor, ...]]:
    """Line, column and anchors of `text` as spread over `chunks`.

    If unescaping the chunks does not give back polib's text (a file this scanner
    misreads), fall back to the first chunk, or the entry's first line, unanchored.
    """
    anchors: list[Anchor] = []
    parts: list[str] = []
    offset = 0

    def anchor(line: int, column: int) -> None:
        # Several anchors at one offset: only the last would ever be used.
        if anchors and anchors[-1].offset == offset:
            anchors.pop()
        anchors.append(Anchor(offset, line, column))

    for chunk in chunks:
        if not chunk.raw:
            continue
        anchor(chunk.line, chunk.column)
        raw, pos = chunk.raw, 0
        if "\\" in raw:  # escapes found in C; the text between them is copied whole
            for m in _BACKSLASH.finditer(raw):
                escaped = _ESCAPES.get(m.group(1))
                if escaped is None:
                    continue  # an unknown escape stays as written
                parts.append(raw[pos : m.start()])
                parts.append(escaped)
                offset += m.start() - pos + 1
                pos = m.end()
                anchor(chunk.line, chunk.column + pos)
        parts.append(raw[pos:])
        offset += len(raw) - pos
    if anchors and "".join(parts) == text:
        while anchors and anchors[-1].offset >= len(text):
            anchors.pop()  # an escape at the very end anchors nothing
        first = anchors[0]
        # A single chunk without escapes needs no anchor beyond line and column.
        return first.line, first.column, tuple(anchors) if len(anchors) > 1 else ()
    if chunks:
        return chunks[0].line, chunks[0].column, ()
    return fallback_line, 1, ()
