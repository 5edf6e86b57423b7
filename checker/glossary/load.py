"""Reading glossary.yml: bytes -> text -> YAML nodes -> the model, or GlossaryError.

The loader works on PyYAML's node graph (composed by libyaml when available), so every
value keeps its line and column, duplicate keys are seen rather than silently
overwritten, and scalars stay strings (`no:` is Norwegian, not False). Walking the nodes
into terms is checker.glossary.build's.

YAML anchors and aliases (`&name`, `*name`) are refused: one alias of a long string used
thousands of times turns a small file into an enormous glossary (and error report).
"""

from __future__ import annotations

import hashlib
import re

from checker.glossary.build import Builder
from checker.glossary.model import Glossary
from checker.glossary.problems import GlossaryError, Problem, shortened, shown

#: where an anchor (`&a`) or alias (`*a`) may start: after a space, a line start or a flow
#: indicator (only a hint: a quoted "R &D" matches too, and is looked at more closely)
_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,])[&*][^\s\[\]{},]")


def load_glossary(path: str) -> Glossary:
    """Read and validate a glossary file (or URL: s3://, https://...); raise GlossaryError
    with every problem found."""
    from checker.documents.remote import is_url

    try:
        if is_url(path):
            from checker.documents.encoding import read_bytes

            data = read_bytes(path, None)
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise GlossaryError([Problem(path, 1, 1, f"cannot read glossary: {exc.strerror or exc}")])
    except Exception as exc:  # a ReadError of a URL: its message says why
        raise GlossaryError([Problem(path, 1, 1, f"cannot read glossary: {getattr(exc, 'message', exc)}")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError([Problem(path, line, 1, "glossary is not valid UTF-8")])
    return parse_glossary(text, path, sha256=hashlib.sha256(data).hexdigest())


def parse_glossary(text: str, path: str = "<glossary>", sha256: str = "") -> Glossary:
    import yaml

    from checker.perf import gc_paused

    if _ANCHOR_HINT.search(text):
        _refuse_anchors(text, path)
    try:
        with gc_paused():
            root = yaml.compose(text, Loader=loader_class())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        msg = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise GlossaryError([Problem(path, line, col, shortened(f"YAML syntax error: {shown(msg, 200)}"))])
    except yaml.reader.ReaderError as exc:
        # a character YAML does not allow (a control character, U+FFFE, ...): at its place
        line, col = _line_col(text, exc.position)
        char = exc.character
        what = f"character U+{char:04X}" if isinstance(char, int) else f"character {shown(repr(char))}"
        raise GlossaryError([Problem(path, line, col, f"YAML error: {what} is not allowed ({exc.reason})")])
    except yaml.YAMLError as exc:
        raise GlossaryError([Problem(path, 1, 1, f"YAML error: {shown(exc, 200)}")])
    builder = Builder(path)
    with gc_paused():
        terms = builder.build(root)
    if builder.problems:
        raise GlossaryError(builder.problems)
    return Glossary(path=path, terms=tuple(terms), sha256=sha256, by_id={t.id: t for t in terms})


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of character `position` of `text` (lines as YAML counts them)."""
    position = max(0, min(position, len(text)))
    before = text[:position]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return len(re.findall(r"\r\n|\r|\n", before)) + 1, position - line_start + 1


def _refuse_anchors(text: str, path: str) -> None:
    """GlossaryError at the first anchor or alias of `text`, if it has one.

    Done on the parser's events, before any node is composed: an alias is never expanded.
    A file that does not parse is left to the composer to report.
    """
    import yaml

    try:
        for event in yaml.parse(text, Loader=loader_class()):
            if isinstance(event, yaml.AliasEvent):
                what = f"alias '*{shown(event.anchor, 40)}'"
            elif getattr(event, "anchor", None) is not None:
                what = f"anchor '&{shown(event.anchor, 40)}'"
            else:
                continue
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            raise GlossaryError([Problem(
                path, line, col,
                f"YAML {what}: anchors and aliases are not allowed in a glossary (write each value out)",
            )])
    except yaml.YAMLError:
        return


def loader_class():
    """libyaml's composer, with tag resolution switched off: every scalar is a string to us,
    and PyYAML's regex-based resolver was most of the load time of a large glossary."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _StringLoader(base):  # type: ignore[misc, valid-type]
        def resolve(self, kind, value, implicit):  # noqa: ARG002
            return _TAGS[kind]

    _TAGS.update({yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
                  yaml.MappingNode: "tag:yaml.org,2002:map"})
    return _StringLoader


_TAGS: dict = {}

