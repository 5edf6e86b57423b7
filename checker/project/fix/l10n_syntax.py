"""How the localization formats (checker.documents.l10n) write a text character: escapes
to recognise in the file and to write in a replacement.

Each class answers for the characters of one format's strings: `char_length` says how many
characters of the file one text character takes (`\\'` in Android, `\\u00e9` in Java and
JSON, `&amp;` in XML), `unescape` reads them back and `escape` writes a replacement. A
style the class cannot tell from one character (a YAML single-quoted `''` against a plain
scalar) is left to the verification: the fixed file is read again and must give exactly
the planned texts, else it is not written.
"""

from __future__ import annotations

import json
import re

from checker.project.fix.syntax import Syntax, _Xml

_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def _backslash_length(raw: str, offset: int, unicode_letters: str = "u") -> int:
    """Length of the backslash escape at raw[offset] (`\\x`, `\\u00e9`)."""
    nxt = raw[offset + 1 : offset + 2]
    if nxt in unicode_letters and nxt and _HEX4.fullmatch(raw, offset + 2, offset + 6):
        return 6
    return 2 if nxt else 1


class AndroidSyntax(_Xml):
    """XML text with Android's backslash escapes (`\\'`, `\\"`, `\\n`, `\\@`, `\\u00e9`)."""

    _ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|[\s\S])")

    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "\\":
            return _backslash_length(raw, offset)
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        def one(m: re.Match[str]) -> str:
            code = m.group(1)
            if len(code) == 5:
                return chr(int(code[1:], 16))
            return {"n": "\n", "t": "\t"}.get(code, code)

        return self._ESCAPE.sub(one, super().unescape(raw))

    def escape(self, text: str) -> str:
        text = super().escape(text).replace("\\", "\\\\")
        return text.replace("'", "\\'").replace('"', '\\"')


class PropertiesSyntax(Syntax):
    """Java `.properties` values: `\\uXXXX` and backslash escapes."""

    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "\\":
            return _backslash_length(raw, offset)
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        if raw.startswith("\\"):
            code = raw[1:]
            if len(code) == 5 and code[0] == "u":
                return chr(int(code[1:], 16))
            return {"n": "\n", "t": "\t", "r": "\r", "f": "\f"}.get(code, code)
        return super().unescape(raw)

    def escape(self, text: str) -> str:
        return text.replace("\\", "\\\\")


class JsonSyntax(Syntax):
    """JSON strings: `\\uXXXX`, `\\"`, `\\\\`, `\\n`..."""

    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "\\":
            return _backslash_length(raw, offset)
        return 1

    def unescape(self, raw: str) -> str:
        try:
            return json.loads(f'"{raw}"')
        except ValueError:
            return raw

    def escape(self, text: str) -> str:
        return json.dumps(text, ensure_ascii=False)[1:-1]


class AppleStringsSyntax(Syntax):
    """Apple `.strings` values: `\\"`, `\\\\`, `\\n`, `\\U00e9`."""

    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "\\":
            return _backslash_length(raw, offset, "uU")
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        if raw.startswith("\\"):
            code = raw[1:]
            if len(code) == 5 and code[0] in "uU":
                return chr(int(code[1:], 16))
            return {"n": "\n", "t": "\t", "r": "\r"}.get(code, code)
        return super().unescape(raw)

    def escape(self, text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"')


class YamlSyntax(Syntax):
    """YAML scalars: double-quoted escapes and single-quoted `''`; a replacement is
    written as is, which every style takes for words (anything else fails verification)."""

    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "\\":
            return _backslash_length(raw, offset)
        if raw.startswith("''", offset):
            return 2
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        if raw == "''":
            return "'"
        if raw.startswith("\\"):
            return JsonSyntax().unescape(raw)
        return super().unescape(raw)


L10N_SYNTAX: dict[str, Syntax] = {
    "android": AndroidSyntax(),
    "properties": PropertiesSyntax(),
    "json": JsonSyntax(),
    "xcstrings": JsonSyntax(),
    "yaml": YamlSyntax(),
    "qt": _Xml(),
    "resx": _Xml(),
    "stringsdict": _Xml(),
    "strings": AppleStringsSyntax(),
}
