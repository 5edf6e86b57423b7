"""Directive arguments and options as docutils checks them: a directive whose options docutils
rejects (an unknown option, a bad value) is an error there, and nothing of it is read.

Each check raises ValueError (or TypeError) as docutils' conversion function of the same
name does; only whether a value is accepted matters here, never the value itself.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

_LENGTH_UNITS = ["em", "ex", "px", "in", "cm", "mm", "pt", "pc"]


def flag(argument: str | None) -> None:
    if argument and argument.strip():
        raise ValueError("no argument is allowed")


def unchanged(argument: str | None) -> str:
    return "" if argument is None else argument


def unchanged_required(argument: str | None) -> str:
    if argument is None:
        raise ValueError("argument required")
    return argument


path = uri = unchanged_required


def nonnegative_int(argument: str | None) -> int:
    value = int(argument)  # type: ignore[arg-type] - None raises TypeError, as in docutils
    if value < 0:
        raise ValueError("negative value")
    return value


def integer(argument: str | None) -> int:
    return int(argument)  # type: ignore[arg-type]


def percentage(argument: str | None) -> int:
    if argument is not None:
        argument = argument.rstrip(" %")
    return nonnegative_int(argument)


def _measure(argument: str, units: list[str]) -> str:
    match = re.match(r"^([0-9.]+) *(%s)$" % "|".join(units), argument)
    try:
        float(match.group(1))  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        raise ValueError("not a measure") from None
    return argument


def length_or_unitless(argument: str | None) -> str:
    return _measure(argument, _LENGTH_UNITS + [""])  # type: ignore[arg-type]


def length_or_percentage_or_unitless(argument: str | None) -> str:
    try:
        return _measure(argument, _LENGTH_UNITS + ["%"])  # type: ignore[arg-type]
    except ValueError:
        try:
            return _measure(argument, [""])  # type: ignore[arg-type]
        except ValueError:
            return _measure(argument, _LENGTH_UNITS + ["%"])  # type: ignore[arg-type]


def class_option(argument: str | None) -> list[str]:
    if argument is None:
        raise ValueError("argument required")
    names = argument.split()
    for name in names:
        if not make_id(name):
            raise ValueError("cannot make a class name")
    return names


def make_id(text: str) -> str:
    """Close to docutils.nodes.make_id: what is left of `text` as an identifier ('' if nothing)."""
    text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    text = re.sub("[^a-z0-9]+", "-", " ".join(text.split()))
    return re.sub("^[-0-9]+|-+$", "", text)


def positive_int_list(argument: str | None) -> list[int]:
    entries = argument.split(",") if "," in argument else argument.split()  # type: ignore[union-attr,operator]
    values = [int(entry) for entry in entries]
    if any(v < 1 for v in values):
        raise ValueError("negative or zero value")
    return values


def choice(values: tuple[str, ...]) -> Callable[[str | None], str]:
    def check(argument: str | None) -> str:
        try:
            value = argument.lower().strip()  # type: ignore[union-attr]
        except AttributeError:
            raise ValueError("must supply an argument") from None
        if value not in values:
            raise ValueError("unknown value")
        return value

    return check


def value_or(values: tuple[str, ...], other: Callable[[str | None], object]) -> Callable[[str | None], object]:
    def check(argument: str | None) -> object:
        return argument if argument in values else other(argument)

    return check


def encoding(argument: str | None) -> str:
    try:
        codecs.lookup(argument)  # type: ignore[arg-type]
    except LookupError:
        raise ValueError("unknown encoding") from None
    return argument  # type: ignore[return-value]


_UNICODE = re.compile(r"(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|&#x([0-9a-f]+);$", re.IGNORECASE)


def single_char_or_unicode(argument: str | None) -> str:
    code = argument  # type: ignore[assignment]
    if code.isdigit():  # type: ignore[union-attr]
        char = chr(int(code))  # type: ignore[arg-type]
    else:
        m = _UNICODE.match(code)  # type: ignore[arg-type]
        char = chr(int(m.group(1) or m.group(2), 16)) if m else code  # type: ignore[assignment]
    if len(char) > 1:
        raise ValueError("must be a single character")
    return char


def single_char_or_whitespace_or_unicode(argument: str | None) -> str:
    if argument in ("tab", "space"):
        return argument  # type: ignore[return-value]
    return single_char_or_unicode(argument)


_IMAGE_ALIGN = choice(("top", "middle", "bottom", "left", "center", "right"))
_H_ALIGN = choice(("left", "center", "right"))
_COMMON = {"class": class_option, "name": unchanged}


def _figwidth(argument: str | None) -> object:
    if argument is not None and argument.lower() == "image":
        return "image"
    return length_or_percentage_or_unitless(argument)


IMAGE = {
    "alt": unchanged, "height": length_or_unitless, "width": length_or_percentage_or_unitless,
    "scale": percentage, "align": _IMAGE_ALIGN, "target": unchanged_required, **_COMMON,
}
FIGURE = {**IMAGE, "figwidth": _figwidth, "figclass": class_option, "align": _H_ALIGN}
ADMONITION = dict(_COMMON)
SIDEBAR = {**_COMMON, "subtitle": unchanged_required}
TABLE = {
    **_COMMON, "align": _H_ALIGN, "width": length_or_percentage_or_unitless,
    "widths": value_or(("auto", "grid"), positive_int_list),
}
CSV_TABLE = {
    "header-rows": nonnegative_int, "stub-columns": nonnegative_int, "header": unchanged,
    "width": length_or_percentage_or_unitless, "widths": value_or(("auto",), positive_int_list),
    "file": path, "url": uri, "encoding": encoding, **_COMMON, "align": _H_ALIGN,
    "delim": single_char_or_whitespace_or_unicode, "keepspace": flag, "quote": single_char_or_unicode,
    "escape": single_char_or_unicode,
}
LIST_TABLE = {
    "header-rows": nonnegative_int, "stub-columns": nonnegative_int, "width": length_or_percentage_or_unitless,
    "widths": value_or(("auto",), positive_int_list), **_COMMON, "align": _H_ALIGN,
}
CONTENTS = {
    "depth": nonnegative_int, "local": flag, "backlinks": choice(("top", "entry", "none")), "class": class_option,
}
SECTNUM = {"depth": integer, "start": integer, "prefix": unchanged_required, "suffix": unchanged_required}
CODE = {**_COMMON, "number-lines": unchanged}
RAW = {"file": path, "url": uri, "encoding": encoding, "class": class_option}
INCLUDE = {
    "literal": flag, "code": unchanged, "encoding": encoding, "parser": unchanged, "tab-width": integer,
    "start-line": integer, "end-line": integer, "start-after": unchanged_required, "end-before": unchanged_required,
    "number-lines": unchanged, **_COMMON,
}
UNICODE = {"trim": flag, "ltrim": flag, "rtrim": flag}
TARGET_NOTES = dict(_COMMON)
TEST = {"option": unchanged_required}
CONTAINER = {"name": unchanged}


def check(spec: dict[str, Callable[[str | None], object]], fields: list[tuple[str, str | None]]) -> dict[str, object]:
    """The options `fields` ((name, value) pairs) as docutils accepts them; ValueError if it
    would not (an unknown, repeated or badly written option, or a bad value)."""
    options: dict[str, object] = {}
    for name, value in fields:
        if len(name.split()) != 1:
            raise ValueError("bad option name")
        name = name.lower()
        if name in options or name not in spec:
            raise ValueError("unknown or repeated option")
        try:
            options[name] = spec[name](value)
        except (TypeError, OverflowError):
            raise ValueError("invalid option value") from None
    return options
