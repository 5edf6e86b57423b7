"""How each format writes a text character in the file: where a match's characters are,
how they are unescaped, and how a replacement is escaped (PO `\\"`, `\\\\`; XML `&amp;`)."""

from __future__ import annotations

import re

from checker.documents.encoding import normalise_newlines
from checker.documents.model import Segment


class Syntax:
    """How a format writes a text character: its length in the file, unescaping, escaping."""

    split_ok = False  # may one match's text be spread over separate places in the file?

    def char_length(self, raw: str, offset: int) -> int:
        return 2 if raw.startswith("\r\n", offset) else 1

    def unescape(self, raw: str) -> str:
        return normalise_newlines(raw)

    def escape(self, text: str) -> str:
        return text


_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}
_PO_ESCAPE = re.compile(r'\\([\\ntrvbf"])')  # polib.unescape's pattern


class _Po(Syntax):
    split_ok = True  # continuation lines: "..." "..." concatenate

    def char_length(self, raw: str, offset: int) -> int:
        return 2 if raw[offset] == "\\" and raw[offset + 1 : offset + 2] in _PO_ESCAPES else 1

    def unescape(self, raw: str) -> str:
        return _PO_ESCAPE.sub(lambda m: _PO_ESCAPES[m.group(1)], raw)

    def escape(self, text: str) -> str:
        import polib

        return polib.escape(text)


_XML_REF = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][A-Za-z0-9._-]*);")
_XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class _Xml(Syntax):
    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "&":
            m = _XML_REF.match(raw, offset)
            return m.end() - offset if m else 1
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        def ref(m: re.Match[str]) -> str:
            name = m.group()[1:-1]
            if name.startswith("#x"):
                return chr(int(name[2:], 16))
            if name.startswith("#"):
                return chr(int(name[1:]))
            return _XML_ENTITIES.get(name, m.group())

        return _XML_REF.sub(ref, normalise_newlines(raw))

    def escape(self, text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Html(Syntax):
    """HTML: character references as the HTML reader decodes them (`&nbsp;`, `&copy2019`)."""

    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "&":
            from checker.documents.html.entities import reference_at

            found = reference_at(raw, offset)
            return found[0] if found else 1
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        from checker.documents.html.entities import unescape

        return unescape(normalise_newlines(raw))

    def escape(self, text: str) -> str:
        from checker.documents.html.entities import escape

        return escape(text)


class _Rst(Syntax):
    """reStructuredText: a replacement's markup characters are escaped with a backslash."""

    def escape(self, text: str) -> str:
        return re.sub(r"([\\*`|])", r"\\\1", text)


SYNTAX: dict[str, Syntax] = {"text": Syntax(), "markdown": Syntax(), "po": _Po(), "xliff": _Xml()}
SYNTAX["html"] = _Html()
SYNTAX["rst"] = _Rst()
SYNTAX["asciidoc"] = Syntax()  # a replacement read as markup fails verification: not written
SYNTAX["tmx"] = _Xml()


def line_starts(text: str) -> list[int]:
    """Offset of each line of `text`; lines end at \\r\\n, \\r or \\n, as the readers count them."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


def locate(
    segment: Segment, start: int, end: int, text: str, starts: list[int], syntax: Syntax
) -> tuple[list[str], list[tuple[int, int]]] | None:
    """Each character of segment.text[start:end] as written in the file, and the runs of
    the file they occupy; None unless unescaping them gives back exactly those characters.
    """
    raw_chars: list[str] = []
    groups: list[list[int]] = []
    for k in range(start, end):
        line, column = segment.position(k)
        if not 0 < line <= len(starts) or column < 1:
            return None
        offset = starts[line - 1] + column - 1
        line_end = starts[line] if line < len(starts) else len(text)
        if offset >= line_end:
            return None
        length = syntax.char_length(text, offset)
        raw_chars.append(text[offset : offset + length])
        if groups and groups[-1][1] == offset:
            groups[-1][1] = offset + length
        else:
            groups.append([offset, offset + length])
    if any(syntax.unescape(ch) != segment.text[start + i] for i, ch in enumerate(raw_chars)):
        return None
    return raw_chars, [(a, b) for a, b in groups]
