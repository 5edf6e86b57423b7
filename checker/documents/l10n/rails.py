"""Rails (Ruby i18n) YAML: `config/locales/de.yml`, whose top key is the locale.

Parsed into PyYAML events with libyaml's C parser where present: every scalar event
carries its start and end in the text (line, column, character index), which Translate
Toolkit's `yaml.RubyYAMLFile` (ruamel, 40 times slower here) does not keep. Each string
scalar is then aligned with its raw text in the file, so quoted, escaped and folded
multi-line scalars keep exact positions: where a character is not where the previous one
would put it, an anchor says where it is.

Keys: the path under the locale key (`activerecord.errors.messages.blank`, `date.day_names[0]`),
so `de.yml` pairs with `en.yml`; plural keys (`one`, `few`, `other`) fall back on the
source's `other`. Null, boolean and number scalars, Ruby symbols (`:day`), aliases and
merge keys are not text. The comment lines above a key are its notes.
"""

from __future__ import annotations

import re

from checker.documents.encoding import decode, normalise_newlines
from checker.documents.l10n.catalog import Catalog, Entry, anchored
from checker.documents.lines import Lines
from checker.documents.model import ReadError
from checker.language import normalise_tag

_PLURAL_KEYS = frozenset({"zero", "one", "two", "few", "many", "other"})
_NOT_TEXT = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|no|No|on|On|off|Off"
    r"|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|:\w+)$"
)
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}
_HEX = {"x": 2, "u": 4, "U": 8}
_PROPERTIES = re.compile(r"(?:[!&][^\s]*[ \t]+)+")


def read_rails(path: str, data: bytes, **_: object) -> Catalog:
    """The strings of a Rails locale file."""
    import yaml

    text, encoding = decode(data, path)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        events = list(yaml.parse(text, Loader=loader))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ReadError(path, f"malformed YAML: {e.problem or e.context}", line, column) from None
    except yaml.YAMLError as e:
        raise ReadError(path, f"malformed YAML: {e}") from None
    lines = Lines(text)
    walker = _Walker(text, lines)
    walker.run(events)
    if walker.locale is None:
        raise ReadError(path, "not a Rails locale file: the top level is no mapping with a locale key")
    if normalise_tag(walker.locale) is None:
        raise ReadError(path, f"not a Rails locale file: the top key '{walker.locale[:40]}' is no locale",
                        walker.locale_line)
    return Catalog(tuple(walker.entries), encoding, walker.locale, walker.locale_line, text=text,
                   metadata={"dialect": "rails"})


class _Walker:
    """Follows the event stream, keeping the key path, and makes an Entry of each string."""

    def __init__(self, text: str, lines: Lines) -> None:
        self.text, self.lines = text, lines
        self.entries: list[Entry] = []
        self.locale: str | None = None
        self.locale_line = 1
        self.text_lines = text.split("\n")

    def run(self, events: list) -> None:  # noqa: ANN001
        import yaml

        # Each open collection: [kind, path, expecting_key, pending key, index]
        stack: list[list] = []
        for event in events:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                path = self._child_path(stack)
                if stack and stack[-1][0] == "map":
                    stack[-1][2] = True
                stack.append(["map" if isinstance(event, yaml.MappingStartEvent) else "seq", path, True, None, 0])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack and stack[-1][0] == "seq":
                    stack[-1][4] += 1
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                if not stack:
                    continue
                top = stack[-1]
                if top[0] == "map" and top[2]:
                    top[3] = event.value if isinstance(event, yaml.ScalarEvent) else None
                    top[2] = False
                    if len(stack) == 1 and self.locale is None and isinstance(event, yaml.ScalarEvent):
                        self.locale, self.locale_line = event.value, event.start_mark.line + 1
                    continue
                path = self._child_path(stack)
                if top[0] == "map":
                    top[2] = True
                else:
                    top[4] += 1
                if isinstance(event, yaml.ScalarEvent) and path:
                    self._scalar(path, event)

    @staticmethod
    def _child_path(stack: list[list]) -> str | None:
        """The key path of the value about to start ('' for the locale's own mapping)."""
        if not stack:
            return ""
        kind, path, _, key, index = stack[-1]
        if path is None or (kind == "map" and (key is None or key == "<<")):
            return None
        if len(stack) == 1:
            return "" if kind == "map" else None  # the locale key's mapping
        if kind == "seq":
            return f"{path}[{index}]"
        return f"{path}.{key}" if path else str(key)

    def _scalar(self, path: str, event) -> None:  # noqa: ANN001
        value, style = event.value, event.style or None  # plain: None (Python parser) or '' (libyaml)
        if not value.strip() or (style is None and _NOT_TEXT.match(value)) or event.tag not in (None, "!", "tag:yaml.org,2002:str"):
            return
        start, end = event.start_mark.index, event.end_mark.index
        placed = _align(self.text, start, end, value, style, self.lines)
        line, column, anchors = placed if placed else (*self.lines.position(start), ())
        last = path.rsplit(".", 1)
        fallback = f"{last[0]}.other" if len(last) == 2 and last[1] in _PLURAL_KEYS else None
        self.entries.append(Entry(path, value, line, column, anchors, self._notes(event.start_mark.line), fallback=fallback))

    def _notes(self, line_index: int) -> tuple[str, ...]:
        """Comment lines just above the key's line."""
        notes: list[str] = []
        i = line_index - 1
        while i >= 0 and self.text_lines[i].lstrip().startswith("#"):
            notes.append(self.text_lines[i].lstrip()[1:].strip())
            i -= 1
        return tuple(reversed(notes))


def _align(text: str, start: int, end: int, value: str, style: str | None, lines: Lines):  # noqa: ANN202
    """(line, column, anchors) of `value`, the scalar written at text[start:end]; None if
    its characters cannot be followed in the raw text."""
    properties = _PROPERTIES.match(text, start, end)
    if properties is not None:  # a tag or anchor before the scalar (`! 'text'`, `&a text`)
        start = properties.end()
    raw = text[start:end]
    if style in ('"', "'"):
        inner = raw[1:-1]
        if inner == value:
            return (*lines.position(start + 1), ())
    elif style is None and raw == value:
        return (*lines.position(start), ())
    offsets = _follow(raw, value, style)
    if offsets is None:
        return None
    pieces: list[tuple[int, int, int]] = []
    expected: tuple[int, int] | None = None
    for i, offset in enumerate(offsets):
        here = lines.position(start + offset)
        if here != expected:
            pieces.append((i, *here))
        expected = (here[0] + 1, 1) if value[i] == "\n" else (here[0], here[1] + 1)
    first = pieces[0]
    return first[1], first[2], anchored(pieces, len(value))


def _follow(raw: str, value: str, style: str | None) -> list[int] | None:
    """The offset in `raw` of each character of `value`, skipping what YAML drops (quotes,
    indentation, folded line breaks, escapes' backslashes); None if they do not line up."""
    p = 1 if style in ('"', "'") else 0
    if style in ("|", ">"):
        p = raw.find("\n") + 1  # after the block header
    out: list[int] = []
    n = len(raw)
    for c in value:
        while True:
            if p >= n:
                return None
            r = raw[p]
            if style == '"' and r == "\\":
                code = raw[p + 1 : p + 2]
                if code == "\n":
                    p += 2  # an escaped line break: nothing
                    continue
                if code in _HEX:
                    width = _HEX[code]
                    try:
                        char = chr(int(raw[p + 2 : p + 2 + width], 16))
                    except ValueError:
                        return None
                    length = 2 + width
                else:
                    char, length = _ESCAPES.get(code), 2
                if char != c:
                    return None
                out.append(p)
                p += length
                break
            if style == "'" and r == "'" and raw.startswith("''", p) and c == "'":
                out.append(p)
                p += 2
                break
            if r == c:
                out.append(p)
                p += 1
                break
            if c == " " and r == "\n":
                out.append(p)  # a folded line break reads as a space
                p += 1
                break
            if r in " \t\n":
                p += 1  # indentation, or white space a fold dropped
                continue
            return None
    return out
