"""Project configuration: `[tool.termcheck]` in pyproject.toml, or a `.termcheck.toml`.

Found by walking up from the first checked path (or the current directory) to the
filesystem root or the top of the git repository; in one directory `.termcheck.toml`
wins over `pyproject.toml`, and a pyproject.toml without `[tool.termcheck]` is passed
over. Command-line options override it. Example::

    [tool.termcheck]
    glossary = "docs/glossary.yml"        # relative to the config file
    include = ["locale/*", "docs/*.md"]   # fnmatch patterns, relative to the config file
    exclude = ["*.pot", "drafts/*"]
    disable = ["wrong-language"]
    fail-on = "warning"
    lang = "en"                           # language of files whose header and path do not say
    source-lang = "en"                    # language of PO msgids
    languages = ["de", "fr"]              # check only documents in these languages
    include-fuzzy = false
    discover = true                       # report unlisted renderings
    threshold = 45                        # chrF a discovered span needs
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
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """An invalid configuration file: `str()` is `path:line:col: message`."""


@dataclass(frozen=True)
class Config:
    path: str | None = None  # the file it came from; None: built-in defaults
    glossary: str | None = None
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
    try:
        return re.search(r"^\s*\[tool\.termcheck[\].]", path.read_text(encoding="utf-8"), re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path) -> Config:
    """Read and validate a configuration file; raise ConfigError naming the file and line."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}:1:1: cannot read configuration: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (m.group(1), m.group(2)) if m else ("1", "1")
        raise ConfigError(f"{path}:{line}:{col}: TOML syntax error: {exc}") from None
    table = data.get("tool", {}).get("termcheck", {}) if path.name == "pyproject.toml" else data
    return _validate(table, path, text)


_KEYS = {
    "glossary": str, "include": list, "exclude": list, "disable": list, "severity": dict,
    "fail-on": str, "lang": str, "source-lang": str, "languages": list, "include-fuzzy": bool,
    "discover": bool, "threshold": (int, float),
}


def _validate(table: dict, path: Path, text: str) -> Config:
    from checker.checks import ALL_RULES
    from checker.language import normalise_tag

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{_line_of(text, key)}:1: {message}")

    for key, value in table.items():
        if key not in _KEYS:
            raise fail(key, f"unknown key '{key}' (expected one of: {', '.join(_KEYS)})")
        if not isinstance(value, _KEYS[key]) or (isinstance(value, bool) and _KEYS[key] is not bool):
            kind = _KEYS[key]
            name = "number" if isinstance(kind, tuple) else kind.__name__
            raise fail(key, f"'{key}' must be a {name}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise fail(key, f"'{key}' must be a list of strings")
    for rule in table.get("disable", []):
        if rule not in ALL_RULES:
            raise fail("disable", f"unknown rule '{rule}' in 'disable'")
    severity = table.get("severity", {})
    for rule, level in severity.items():
        if rule not in ALL_RULES:
            raise fail(rule, f"unknown rule '{rule}' in 'severity'")
        if level not in SEVERITIES:
            raise fail(rule, f"severity of '{rule}' must be one of {', '.join(SEVERITIES)}")
    if table.get("fail-on", "error") not in FAIL_ON:
        raise fail("fail-on", f"'fail-on' must be one of {', '.join(FAIL_ON)}")
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
    return Config(
        path=str(path),
        glossary=glossary,
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
