"""Lists as docutils reads them: bullet, enumerated (arabic, alphabetic, roman, `#`), field
and option lists, line blocks (states.Body and the list states of docutils.parsers.rst.states).
Each item's content is parsed again as body elements."""

from __future__ import annotations

import re

from checker.documents.rst.syntax import (
    BULLET,
    ENUM_FIRST,
    ENUMERATOR,
    FIELD_MARKER,
    LINE_BLOCK,
    OPTION_FIRST,
    OPTION_MARKER,
    Block,
    blank_finish,
    get_indented,
    skip_blank,
    strip_top,
)

# --- roman numerals ----------------------------------------------------------------------

_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
          ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_ROMAN_VALID = re.compile("^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def _from_roman(s: str) -> int | None:
    if not s or not _ROMAN_VALID.search(s):
        return None
    result = index = 0
    for numeral, value in _ROMAN:
        while s[index : index + len(numeral)] == numeral:
            result += value
            index += len(numeral)
    return result


def _to_roman(n: int) -> str | None:
    if not 0 < n < 5000:
        return None
    result = ""
    for numeral, value in _ROMAN:
        while n >= value:
            result += numeral
            n -= value
    return result


_SEQUENCES = ("arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman")
_SEQUENCE_RE = {
    "arabic": re.compile("[0-9]+$"), "loweralpha": re.compile("[a-z]$"), "upperalpha": re.compile("[A-Z]$"),
    "lowerroman": re.compile("[ivxlcdm]+$"), "upperroman": re.compile("[IVXLCDM]+$"),
}
_FORMATS = {"parens": ("(", ")"), "rparen": ("", ")"), "period": ("", ".")}


def _parse_enumerator(m: re.Match[str], expected: str | None = None) -> tuple[str, str, int | None]:
    """docutils' parse_enumerator: (format, sequence, ordinal or None)."""
    for fmt in _FORMATS:
        if m.group(fmt):
            break
    text = m.group(fmt)
    text = text[1:-1] if fmt == "parens" else text[:-1]
    sequence = ""
    if text == "#":
        sequence = "#"
    elif expected:
        if _SEQUENCE_RE[expected].match(text):
            sequence = expected
    elif text == "i":
        sequence = "lowerroman"
    elif text == "I":
        sequence = "upperroman"
    if not sequence:
        for sequence in _SEQUENCES:
            if _SEQUENCE_RE[sequence].match(text):
                break
    if sequence == "#":
        ordinal: int | None = 1
    elif sequence == "arabic":
        ordinal = int(text)
    elif sequence == "loweralpha":
        ordinal = ord(text) - ord("a") + 1
    elif sequence == "upperalpha":
        ordinal = ord(text) - ord("A") + 1
    else:
        ordinal = _from_roman(text.upper())
    return fmt, sequence, ordinal


def _make_enumerator(ordinal: int, sequence: str, fmt: str) -> tuple[str, str] | None:
    if sequence == "#":
        enumerator = "#"
    elif sequence == "arabic":
        enumerator = str(ordinal)
    elif sequence.endswith("alpha"):
        if ordinal > 26:
            return None
        enumerator = chr(ordinal + ord("a") - 1)
    else:
        roman = _to_roman(ordinal)
        if roman is None:
            return None
        enumerator = roman
    if sequence.startswith("lower"):
        enumerator = enumerator.lower()
    elif sequence.startswith("upper"):
        enumerator = enumerator.upper()
    prefix, suffix = _FORMATS[fmt]
    return prefix + enumerator + suffix + " ", prefix + "#" + suffix + " "



class Lists:
    """The list constructs of the Scanner (checker.documents.rst.blocks)."""

    def list_item(self, block: Block, i: int, indent: int) -> tuple[int, list]:
        """A list item's content from line `i` (its marker `indent` wide); the next line."""
        if block[i][0][indent:]:
            lines, _, end = get_indented(block, i, block_indent=indent)
        else:
            lines, _, end = get_indented(block, i, first_indent=indent)
        lines = strip_top(lines)
        return end, self.body(lines) if lines else []

    def bullet_list(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int:
        bullet = block[i][0][0]
        items = []
        while True:
            end, item = self.list_item(block, i, m.end())
            items.append(item)
            k = skip_blank(block, end)
            line = block[k][0] if k < len(block) else ""
            m2 = BULLET.match(line) if line and line[0] == bullet else None
            if m2 is None:
                nodes.append(("bullet_list", items))
                if not blank_finish(block, end):
                    nodes.append("message")
                return k if k < len(block) else end
            i, m = k, m2

    def _is_enumerated_item(self, block: Block, i: int, ordinal: int | None, sequence: str, fmt: str) -> bool:
        if ordinal is None:
            return False
        if i + 1 >= len(block):
            return True
        following = block[i + 1][0]
        if not following[:1].strip():
            return True
        made = _make_enumerator(ordinal + 1, sequence, fmt)
        return made is not None and (following.startswith(made[0]) or following.startswith(made[1]))

    def enumerated_list(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int | None:
        fmt, sequence, ordinal = _parse_enumerator(m)
        if not self._is_enumerated_item(block, i, ordinal, sequence, fmt):
            return None
        enumtype = "arabic" if sequence == "#" else sequence
        auto = sequence == "#"
        nodes.append("enumerated_list")
        if ordinal != 1:
            nodes.append("message")  # docutils' info: a list not starting at 1
        while True:
            end, _ = self.list_item(block, i, m.end())
            last = ordinal
            k = skip_blank(block, end)
            line = block[k][0] if k < len(block) else ""
            m2 = ENUMERATOR.match(line) if line and line[0] in ENUM_FIRST else None
            if m2 is not None:
                fmt2, sequence2, ordinal = _parse_enumerator(m2, enumtype)
                if fmt2 != fmt or (sequence2 != "#" and (sequence2 != enumtype or auto or ordinal != last + 1)) \
                        or not self._is_enumerated_item(block, k, ordinal, sequence2, fmt2):
                    m2 = None
                elif sequence2 == "#":
                    auto = True
            if m2 is None:
                if not blank_finish(block, end):
                    nodes.append("message")
                return k if k < len(block) else end
            i, m = k, m2

    def field_list(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int:
        nodes.append("field_list")
        while True:
            lines, _, end = get_indented(block, i, first_indent=m.end())
            lines = strip_top(lines)
            if lines:
                self.body(lines)
            k = skip_blank(block, end)
            line = block[k][0] if k < len(block) else ""
            m = FIELD_MARKER.match(line) if line[:1] == ":" else None  # type: ignore[assignment]
            if m is None:
                if not blank_finish(block, end):
                    nodes.append("message")
                return k if k < len(block) else end
            i = k

    @staticmethod
    def _option_marker_ok(m: re.Match[str]) -> bool:
        """docutils' parse_option_marker does not raise MarkupError."""
        for option in m.group().rstrip().split(", "):
            tokens = option.split()
            first = tokens[0].split("=", 1)
            if len(first) > 1:
                tokens[:1] = first
            elif len(tokens[0]) > 2 and ((tokens[0].startswith("-") and not tokens[0].startswith("--"))
                                         or tokens[0].startswith("+")):
                tokens[:1] = [tokens[0][:2], tokens[0][2:]]
            if len(tokens) > 1 and tokens[1].startswith("<") and tokens[-1].endswith(">"):
                tokens[1:] = [" ".join(tokens[1:])]
            if not 0 < len(tokens) <= 2:
                return False
        return True

    def option_list(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int | None:
        first = True
        while True:
            if not self._option_marker_ok(m):
                if not first:
                    return i
                # docutils reports the marker and reads the description as a block quote
                lines, _, end = get_indented(block, i, first_indent=m.end())
                nodes.append("message")
                self.quote(strip_top(lines), nodes)
                return end
            lines, _, end = get_indented(block, i, first_indent=m.end())
            lines = strip_top(lines)
            if not lines:
                return None if first else i
            if first:
                nodes.append("option_list")
            first = False
            self.body(lines)
            k = skip_blank(block, end)
            line = block[k][0] if k < len(block) else ""
            m = OPTION_MARKER.match(line) if line[:1] in OPTION_FIRST else None  # type: ignore[assignment]
            if m is None or BULLET.match(line):
                if not blank_finish(block, end):
                    nodes.append("message")
                return k if k < len(block) else end
            i = k

    def line_block(self, block: Block, i: int, m: re.Match[str], nodes: list) -> int:
        nodes.append("line_block")
        while True:
            lines, _, end = get_indented(block, i, until_blank=True, first_indent=m.end())
            lines = strip_top(lines)
            if lines:
                self.emit(lines)
            if end >= len(block):
                return end
            line = block[end][0]
            m = LINE_BLOCK.match(line) if line[:1] == "|" else None  # type: ignore[assignment]
            if m is None:
                if line:
                    nodes.append("message")
                return end
            i = end
