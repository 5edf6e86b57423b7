"""A baseline of known findings, so a corpus can adopt termcheck and only new findings fail.

Like detect-secrets' baseline: `write_baseline` records the current findings in a
JSON file meant to be committed and reviewed; `load_baseline(...).filter(findings)`
keeps only the findings it does not record.

A finding is identified by a fingerprint, not by its line: sha256 over its rule, term,
path, matched text and the text of its line with whitespace collapsed. Lines inserted
or removed elsewhere in the file leave it valid; editing the finding's own line
makes it new. Identical fingerprints (the same word twice on one line, or the same
line twice in a file) are counted: a baseline recording 2 hides two of them, and a
third is reported.

Paths are stored as the findings give them (as on the command line, joined with the
walked sub-path), so a baseline must be used with the same paths from the same
directory: `termcheck check translations/` and `termcheck check ./translations`
name files differently.

`read-error` findings are never recorded nor hidden: nothing in that file was checked.

A baseline is input anyone can commit: a damaged or hostile one (nesting thousands deep,
a number of thousands of digits, `"version": true`) is one line naming the file, line and
column, never a traceback.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from checker.findings import Finding

VERSION = 1
TOOL = "termcheck"
_NEVER_BASELINED = frozenset({"read-error"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BaselineError(Exception):
    """A baseline that cannot be read, parsed or written; str() is one line naming the file."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None) -> None:
        where = f"{path}:{line}:{column}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class BaselineEntry:
    """One recorded finding; `count` identical ones share its fingerprint."""

    rule: str
    term: str | None
    path: str
    fingerprint: str
    text: str
    count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "term": self.term,
            "path": self.path,
            "fingerprint": self.fingerprint,
            "text": self.text,
            "count": self.count,
        }

    def sort_key(self) -> tuple:
        return (self.path, self.rule, self.term or "", self.text, self.fingerprint)


# --- fingerprints ------------------------------------------------------------------


class LineSource:
    """The lines of files, each file read once.

    Decoded from its BOM, else as UTF-8 with replacement characters: never guessed,
    so an unrelated edit cannot change how the finding's line reads. A file that
    cannot be read has no lines.
    """

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        lines = self._files.get(path)
        if lines is None:
            lines = self._files[path] = _read_lines(path)
        return lines[number - 1] if 1 <= number <= len(lines) else ""


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return []
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    text = data.decode(encoding, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def fingerprint(finding: Finding, line_text: str) -> str:
    """sha256 of what identifies `finding` wherever its line moves (`line_text`: its line)."""
    context = " ".join(line_text.split())
    # JSON of a list: unambiguous where fields contain any separator we might pick.
    payload = json.dumps([finding.rule, finding.term, finding.path, finding.text, context], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def fingerprints(findings: Iterable[Finding], lines: LineSource | None = None) -> list[str]:
    """The fingerprint of each finding, reading each file once."""
    lines = lines or LineSource()
    return [fingerprint(f, lines.line(f.path, f.line)) for f in findings]


# --- the baseline ----------------------------------------------------------------------


class Baseline:
    """Recorded findings; `filter` hides as many identical findings as each entry counts."""

    def __init__(self, entries: Iterable[BaselineEntry], path: str = "") -> None:
        self.entries = tuple(entries)
        self.path = path
        self._counts: Counter[str] = Counter()
        for e in self.entries:
            self._counts[e.fingerprint] += e.count

    def __len__(self) -> int:
        return sum(self._counts.values())

    def filter(self, findings: Sequence[Finding], lines: LineSource | None = None) -> list[Finding]:
        """The findings the baseline does not record, in their order."""
        lines = lines or LineSource()
        remaining = Counter(self._counts)
        kept: list[Finding] = []
        for f in findings:
            if f.rule not in _NEVER_BASELINED:
                fp = fingerprint(f, lines.line(f.path, f.line))
                if remaining[fp] > 0:
                    remaining[fp] -= 1
                    continue
            kept.append(f)
        return kept


def build_entries(findings: Sequence[Finding], lines: LineSource | None = None) -> list[BaselineEntry]:
    """Entries for `findings` (read-errors left out), identical ones counted, sorted."""
    recorded = [f for f in findings if f.rule not in _NEVER_BASELINED]
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for f, fp in zip(recorded, fingerprints(recorded, lines)):
        counts[fp] += 1
        first.setdefault(fp, f)
    entries = [BaselineEntry(f.rule, f.term, f.path, fp, f.text, counts[fp]) for fp, f in first.items()]
    return sorted(entries, key=BaselineEntry.sort_key)


def dumps(entries: Sequence[BaselineEntry]) -> str:
    """The baseline file's text: one entry per finding, keys in a fixed order, newline-terminated."""
    document = {"version": VERSION, "tool": TOOL, "findings": [e.to_json() for e in entries]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: str, findings: Sequence[Finding]) -> None:
    """Record `findings` in `path`, atomically: readers see the old file or the new, never half."""
    text = dumps(build_entries(findings))
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as e:
        raise BaselineError(path, f"cannot write baseline: {_reason(e)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); a baseline is shared like any source file.
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise BaselineError(path, f"cannot write baseline: {_reason(e)}") from None


def _mode_for(path: str) -> int:
    """The existing file's permissions, else what the umask allows a new file."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def load_baseline(path: str) -> Baseline:
    """The baseline in `path`; BaselineError if it is missing, not JSON or not a baseline."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise BaselineError(path, "no such baseline file") from None
    except IsADirectoryError:
        raise BaselineError(path, "is a directory, not a baseline file") from None
    except OSError as e:
        raise BaselineError(path, f"cannot read baseline: {_reason(e)}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BaselineError(path, f"not valid UTF-8 at byte {e.start}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise BaselineError(path, f"invalid JSON: {e.msg}", e.lineno, e.colno) from None
    except RecursionError:
        offset = _too_deep(text)
        message = f"invalid JSON: nested more than {_MAX_DEPTH} deep"
        raise BaselineError(path, message, *_line_col(text, offset)) from None
    except ValueError:  # an integer beyond Python's digit limit (sys.get_int_max_str_digits)
        offset = _huge_number(text)
        message = f"invalid JSON: a number of more than {_digit_limit()} digits"
        raise BaselineError(path, message, *_line_col(text, offset)) from None
    return Baseline(_entries(path, document), path)


#: the JSON tokens the locators below step through: strings (skipped whole), brackets, numbers
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]|-?[0-9][0-9.eE+-]*')
#: deeper than any baseline is: where a too-deep document is reported
_MAX_DEPTH = 100


def _too_deep(text: str) -> int:
    """Offset of the first bracket nested deeper than _MAX_DEPTH (0 if none)."""
    depth = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            depth += 1
            if depth > _MAX_DEPTH:
                return m.start()
        elif token in ("]", "}"):
            depth -= 1
    return 0


def _huge_number(text: str) -> int:
    """Offset of the first number whose integer part is longer than Python converts (0 if none)."""
    limit = _digit_limit()
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0] in "-0123456789" and len(re.match(r"-?[0-9]*", token).group().lstrip("-")) > limit:
            return m.start()
    return 0


def _digit_limit() -> int:
    return getattr(sys, "get_int_max_str_digits", lambda: 4300)() or 10**9


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character `offset` of `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _entries(path: str, document: Any) -> list[BaselineEntry]:
    if not isinstance(document, dict) or document.get("tool") != TOOL:
        raise BaselineError(path, 'not a termcheck baseline (expected an object with "tool": "termcheck")')
    version = document.get("version")
    # bool is an int in Python, and True == 1: `"version": true` is no version 1.
    if type(version) is not int or version != VERSION:
        shown = json.dumps(version)
        shown = shown if len(shown) <= 40 else shown[:39] + "\u2026"
        raise BaselineError(path, f"unsupported baseline version {shown}; expected {VERSION}")
    items = document.get("findings")
    if not isinstance(items, list):
        raise BaselineError(path, '"findings" must be a list')
    entries = []
    for i, item in enumerate(items):
        where = f"findings[{i}]"
        if not isinstance(item, dict):
            raise BaselineError(path, f"{where} must be an object")
        for key in ("rule", "path", "fingerprint"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise BaselineError(path, f"{where}: {key!r} must be a non-empty string")
        term, text, count = item.get("term"), item.get("text", ""), item.get("count", 1)
        if term is not None and not isinstance(term, str):
            raise BaselineError(path, f"{where}: 'term' must be a string or null")
        if not isinstance(text, str):
            raise BaselineError(path, f"{where}: 'text' must be a string")
        # bool is an int in Python; `"count": true` is a mistake, not 1.
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise BaselineError(path, f"{where}: 'count' must be a positive integer")
        entries.append(BaselineEntry(item["rule"], term, item["path"], item["fingerprint"], text, count))
    return entries
