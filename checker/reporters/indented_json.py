"""Indented JSON exactly as `json.dumps(data, ensure_ascii=False, indent=2)` writes it, faster.

The standard library's C encoder does not indent; its pure-Python fallback, which does,
spends most of a dense report's reporting time in generators. This writer visits the
same values in the same order with a plain recursive function over the types a report
holds (dict with string keys, list, tuple, str, int, float, bool, None); anything else
goes back to `json.dumps`, so the output never differs.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # the C implementation where there is one


class _Other(Exception):
    """A value this writer does not handle: json.dumps writes the whole document."""


def dumps_indented(data: object) -> str:
    out: list[str] = []
    try:
        _write(data, "", out.append)
    except (_Other, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: object, indent: str, emit) -> None:  # noqa: ANN001
    kind = type(value)
    if kind is str:
        emit(encode_basestring(value))
    elif kind is dict:
        if not value:
            emit("{}")
            return
        inner = indent + "  "
        separator = "{\n" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Other
            # One chunk per key, not three: a dense report holds millions of them at once;
            # strings and integers, most of a finding, are written here without a call.
            item_kind = type(item)
            if item_kind is str:
                emit(separator + encode_basestring(key) + ": " + encode_basestring(item))
            elif item_kind is int:
                emit(separator + encode_basestring(key) + ": " + int.__repr__(item))
            else:
                emit(separator + encode_basestring(key) + ": ")
                _write(item, inner, emit)
            separator = ",\n" + inner
        emit("\n" + indent + "}")
    elif kind is list or kind is tuple:
        if not value:
            emit("[]")
            return
        inner = indent + "  "
        separator = "[\n" + inner
        for item in value:
            if type(item) is str:
                emit(separator + encode_basestring(item))
            else:
                emit(separator)
                _write(item, inner, emit)
            separator = ",\n" + inner
        emit("\n" + indent + "]")
    elif kind is int:
        emit(int.__repr__(value))
    elif value is None:
        emit("null")
    elif value is True:
        emit("true")
    elif value is False:
        emit("false")
    elif kind is float:
        emit(_float(value))
    else:
        raise _Other


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == math.inf:
        return "Infinity"
    if value == -math.inf:
        return "-Infinity"
    return float.__repr__(value)
