"""Project configuration: `[tool.termcheck]` in pyproject.toml, or a `.termcheck.toml`.

Found by walking up from the first checked path (or the current directory) to the
filesystem root or the top of the git repository; in one directory `.termcheck.toml`
wins over `pyproject.toml`, and a pyproject.toml without `[tool.termcheck]` is passed
over. Command-line options override it. Example::

    [tool.termcheck]
    glossary = "docs/glossary.yml"        # relative to the config file
    paths = ["locale", "docs"]            # what `check` reads when no path is given (default: translations/)
    include = ["locale/*", "docs/*.md"]   # fnmatch patterns, relative to the config file
    exclude = ["*.pot", "drafts/*"]
    disable = ["wrong-language"]
    fail-on = "warning"
    lang = "en"                           # language of files whose header does not say (wins over the path)
    source-lang = "en"                    # language of PO msgids
    languages = ["de", "fr"]              # check only documents in these languages
    include-fuzzy = false
    discover = true                       # report unlisted renderings
    threshold = 45                        # chrF a discovered span needs: a number from 0 to 100
    max-file-size = "50 MB"               # larger files are a read-error: bytes, or "500 kB", "2 MiB"
    [tool.termcheck.severity]
    variant-rendering = "info"
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

FILENAMES = (".termcheck.toml", "pyproject.toml")
#: A configuration file is small; a larger one (say, a symbolic link to a huge file) is refused.
MAX_CONFIG_SIZE = 10_000_000
#: Arrays and inline tables nest at most this deep: the keys need 2, and Python's TOML
#: parser recurses per level (a few thousand `[` exhaust its stack).
MAX_NESTING = 32
#: `threshold`: sacrebleu's chrF is a score from 0 to 100.
THRESHOLD_RANGE = (0, 100)
#: `max-file-size` / --max-file-size: from 1 byte to 1 TB.
MAX_FILE_SIZE_RANGE = (1, 10**12)
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """An invalid configuration file: `str()` is `path:line:col: message`."""

    def report_line(self) -> str:
        """One line for the user, like a glossary error: `path:line:col: error: message`."""
        m = re.match(r"(.*?:\d+:\d+): (.*)", str(self), re.S)
        line = f"{m.group(1)}: error: {m.group(2)}" if m else f"error: {self}"
        return " ".join(line.split("\n"))


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from; None: built-in defaults
    glossary: str | None = None
    #: what to check when no path is given (relative to the current directory); () means translations/
    paths: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    disable: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    lang: str | None = None
    source_lang: str | None = None
    languages: tuple[str, ...] = ()
    include_fuzzy: bool | None = None
    discover: bool | None = None
    threshold: float | None = None
    max_file_size: int | None = None  # bytes

    @property
    def root(self) -> Path:
        return Path(self.path).parent if self.path else Path.cwd()

    def selects(self, path: str) -> bool:
        """Whether a walked or named file is to be checked, by the include and exclude patterns."""
        if not (self.include or self.exclude):
            return True
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root.resolve()).replace(os.sep, "/")
        except ValueError:  # another drive (Windows)
            rel = path.replace(os.sep, "/")
        if self.include and not any(fnmatch.fnmatch(rel, p) for p in self.include):
            return False
        return not any(fnmatch.fnmatch(rel, p) for p in self.exclude)


def find_config(start: str | None = None) -> Path | None:
    """The nearest configuration file above `start` (a file or directory; default: cwd)."""
    here = Path(start or ".").resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in FILENAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (directory / ".git").exists():
            break
    return None


def _has_tool_table(path: Path) -> bool:
    from checker.documents.model import ReadError

    try:
        text = _read_config_bytes(path).decode("utf-8")
    except (ReadError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[tool\.termcheck[\].]", text, re.M) is not None


def _read_config_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a FIFO, a device or a huge file (a ReadError) rather than
    waiting or reading without end: a pyproject.toml in a checked tree may be planted."""
    from checker.documents.encoding import read_bytes

    return read_bytes(str(path), MAX_CONFIG_SIZE)


def load_config(path: Path) -> Config:
    """Read and validate a configuration file; raise ConfigError naming the file and line."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    from checker.documents.model import ReadError

    try:
        data = _read_config_bytes(path)
    except ReadError as exc:
        raise ConfigError(f"{path}:{exc.line}:{exc.column}: cannot read configuration: {exc.message}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{path}:{line}:1: cannot read configuration: not valid UTF-8 at byte {exc.start}") from None
    too_deep = _too_deep(text)
    if too_deep:
        line, col = too_deep
        raise ConfigError(f"{path}:{line}:{col}: arrays and tables nested more than {MAX_NESTING} deep") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (m.group(1), m.group(2)) if m else ("1", "1")
        message = str(exc).splitlines()[0][:300] if str(exc) else "invalid TOML"
        raise ConfigError(f"{path}:{line}:{col}: TOML syntax error: {message}") from None
    except RecursionError:  # _too_deep missed it; never a traceback
        raise ConfigError(f"{path}:1:1: arrays and tables nested too deep") from None
    except ValueError as exc:  # an integer of more than 4,300 digits, and the like
        line, col = _long_number(text)
        problem = "number too large" if "digits" in str(exc) else str(exc).splitlines()[0][:200]
        raise ConfigError(f"{path}:{line}:{col}: {problem}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("termcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}:{_line_of(text, 'termcheck')}:1: [tool.termcheck] must be a table") from None
    else:
        table = data
    return _validate(table, path, text)


_SCAN = re.compile("\"\"\"|'''|[\"'#\\[\\]{}\\n]")
_STRING_END = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.S),
    "'''": re.compile(r"(?:[^']|'(?!''))*'''", re.S),
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"[^'\n]*'"),
}


def _too_deep(text: str) -> tuple[int, int] | None:
    """Line and column of the first `[` or `{` nested deeper than MAX_NESTING, outside
    strings and comments; None if there is none. Table headers count, harmlessly: they
    close on their own line."""
    depth, pos, line, line_start = 0, 0, 1, 0
    while True:
        m = _SCAN.search(text, pos)
        if m is None:
            return None
        token, pos = m.group(), m.end()
        if token == "\n":
            line, line_start = line + 1, pos
        elif token == "#":
            end = text.find("\n", pos)
            pos = len(text) if end < 0 else end
        elif token in _STRING_END:
            closed = _STRING_END[token].match(text, pos)
            if closed is None:
                return None  # unterminated: tomllib reports it
            line_start = text.rfind("\n", pos, closed.end()) + 1 or line_start
            line += text.count("\n", pos, closed.end())
            pos = closed.end()
        elif token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line, m.start() - line_start + 1
        else:
            depth = max(0, depth - 1)


def _long_number(text: str) -> tuple[int, int]:
    """Where the longest run of digits starts (the number Python refuses to convert)."""
    runs = list(re.finditer(r"[0-9][0-9_]*", text))
    if not runs:
        return 1, 1
    m = max(runs, key=lambda r: len(r.group()))
    line = text.count("\n", 0, m.start()) + 1
    return line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1


_KEYS = {
    "glossary": str, "paths": list, "include": list, "exclude": list, "disable": list, "severity": dict,
    "fail-on": str, "lang": str, "source-lang": str, "languages": list, "include-fuzzy": bool,
    "discover": bool, "threshold": (int, float), "max-file-size": (int, str),
}


_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "t": 10**12, "tb": 10**12, "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}
_SIZE = re.compile(r"\s*([0-9]{1,15}(?:\.[0-9]{1,6})?)\s*([a-z]{0,3})\s*", re.I)


def parse_size(value: object) -> int:
    """Bytes of a size: an integer, or a string such as "50 MB", "500kB", "2 MiB", "1.5G"
    (k, M, G, T are powers of 1000; KiB, MiB, GiB, TiB of 1024). ValueError, with a
    message fit for the user, outside MAX_FILE_SIZE_RANGE or when it is no size."""
    low, high = MAX_FILE_SIZE_RANGE
    expected = f"a size from {low} byte to {high // 10**12} TB, such as 50000000, \"50 MB\" or \"2 MiB\""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"must be {expected}")
    if isinstance(value, int):
        size = value
    else:
        m = _SIZE.fullmatch(value)
        unit = _UNITS.get(m.group(2).lower()) if m else None
        if unit is None:
            raise ValueError(f"must be {expected}")
        whole, _, fraction = m.group(1).partition(".")
        size = int(whole) * unit + (int(fraction) * unit) // 10 ** len(fraction) if fraction else int(whole) * unit
    if not low <= size <= high:
        raise ValueError(f"must be {expected}")
    return size


def _validate(table: dict, path: Path, text: str) -> Config:
    from checker.checks import ALL_RULES
    from checker.language import normalise_tag
    from checker.names import did_you_mean

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{_line_of(text, key)}:1: {message}")

    for key, value in table.items():
        if key not in _KEYS:
            raise fail(key, f"unknown key '{key}' (expected one of: {', '.join(_KEYS)}){did_you_mean(key, _KEYS)}")
        if not isinstance(value, _KEYS[key]) or (isinstance(value, bool) and _KEYS[key] is not bool):
            kind = _KEYS[key]
            name = {"max-file-size": "size", "threshold": "number"}.get(key, getattr(kind, "__name__", "value"))
            raise fail(key, f"'{key}' must be a {name}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise fail(key, f"'{key}' must be a list of strings")
        strings = value if isinstance(value, list) else [*value, *value.values()] if isinstance(value, dict) else [value]
        if any(isinstance(v, str) and "\0" in v for v in strings):
            raise fail(key, f"'{key}' must not contain a NUL character")
    if "threshold" in table:
        low, high = THRESHOLD_RANGE
        # Compared before any conversion: nan compares false, inf and 1e400 are out of range,
        # and a 4,000-digit integer is never converted to a float (OverflowError).
        if not low <= table["threshold"] <= high:
            raise fail("threshold", f"'threshold' must be a number from {low} to {high}")
    max_file_size = None
    if "max-file-size" in table:
        try:
            max_file_size = parse_size(table["max-file-size"])
        except ValueError as exc:
            raise fail("max-file-size", f"'max-file-size' {exc}") from None
    for rule in table.get("disable", []):
        if rule not in ALL_RULES:
            raise fail("disable", f"unknown rule '{rule}' in 'disable'{did_you_mean(rule, ALL_RULES)}")
    severity = table.get("severity", {})
    for rule, level in severity.items():
        if rule not in ALL_RULES:
            raise fail(rule, f"unknown rule '{rule}' in 'severity'{did_you_mean(rule, ALL_RULES)}")
        if level not in SEVERITIES:
            raise fail(rule, f"severity of '{rule}' must be one of {', '.join(SEVERITIES)}{did_you_mean(level, SEVERITIES)}")
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise fail("fail-on", f"'fail-on' must be one of {', '.join(FAIL_ON)}{did_you_mean(fail_on, FAIL_ON)}")
    for key in ("lang", "source-lang"):
        if key in table and normalise_tag(table[key]) is None:
            raise fail(key, f"'{table[key]}' is not a language code")
    languages = []
    for tag in table.get("languages", []):
        norm = normalise_tag(tag)
        if norm is None:
            raise fail("languages", f"'{tag}' is not a language code")
        languages.append(norm)
    glossary = table.get("glossary")
    if glossary is not None:
        glossary = os.path.relpath(path.parent / glossary) if not os.path.isabs(glossary) else glossary
    if any(not p.strip() for p in table.get("paths", ())):
        raise fail("paths", "'paths' must not hold an empty path")
    paths = tuple(p if os.path.isabs(p) else os.path.relpath(path.parent / p) for p in table.get("paths", ()))
    return Config(
        path=str(path),
        glossary=glossary,
        paths=paths,
        include=tuple(table.get("include", ())),
        exclude=tuple(table.get("exclude", ())),
        disable=frozenset(table.get("disable", ())),
        severity=dict(severity),
        fail_on=table.get("fail-on"),
        lang=normalise_tag(table["lang"]) if "lang" in table else None,
        source_lang=normalise_tag(table["source-lang"]) if "source-lang" in table else None,
        languages=tuple(languages),
        include_fuzzy=table.get("include-fuzzy"),
        discover=table.get("discover"),
        threshold=float(table["threshold"]) if "threshold" in table else None,
        max_file_size=max_file_size,
    )


def _line_of(text: str, key: str) -> int:
    """Line of `key = ...` in the TOML text (tomllib keeps no positions)."""
    m = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def find_glossary(start: str | None = None, name: str = "glossary.yml") -> str | None:
    """`glossary.yml` in the current directory, else the nearest one above `start`."""
    if os.path.isfile(name):
        return name
    here = Path(start or ".").resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / name
        if candidate.is_file():
            return os.path.relpath(candidate)
        if (directory / ".git").exists():
            break
    return None
