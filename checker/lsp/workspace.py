"""An editor's workspace checked as `termcheck check` checks a project: the same glossary,
configuration, rules and suppressions, over every file of the project at once, so that a
document learns how the others render its terms (inconsistent-rendering).

Each file keeps its map-step outcome (from disk, or from the editor's buffer while it is
open); a change re-checks that file only, then the reduce step runs over all outcomes.
Nothing here knows the Language Server Protocol: the server (server.py) turns findings
into diagnostics.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from checker.findings import Finding
from checker.glossary import Glossary, GlossaryError
from checker.pipeline.map_step import DocumentChecker, DocumentOutcome
from checker.pipeline.options import CheckOptions
from checker.result import CheckResult


@dataclass(frozen=True)
class GlossaryProblem:
    """The glossary cannot be used: where and why (one diagnostic in the glossary file)."""

    path: str
    line: int
    column: int
    message: str


class Workspace:
    """The files under `root` (or the configuration's `paths`), their outcomes and findings."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self._lock = threading.RLock()
        self.outcomes: dict[str, DocumentOutcome] = {}
        self.buffers: dict[str, bytes] = {}  # open files: their unsaved content
        self.problem: GlossaryProblem | None = None
        self.glossary: Glossary | None = None
        self.glossary_path: str | None = None
        self.config_path: str | None = None
        self._checker: DocumentChecker | None = None
        self._result: CheckResult | None = None
        self.load()

    # --- glossary and configuration --------------------------------------------------

    def load(self, glossary_text: str | None = None) -> None:
        """(Re)read the configuration and the glossary (`glossary_text`: the glossary
        file's unsaved content); every file is checked again on next use."""
        from checker.matching.matcher import Matcher
        from checker.project.config import Config, ConfigError, find_config, find_glossary, load_config

        with self._lock:
            self.problem = None
            config_file = find_config(self.root)
            try:
                config = load_config(config_file) if config_file else Config()
            except ConfigError as exc:
                path, line, column, message = _split_error(str(exc), str(config_file))
                self.problem = GlossaryProblem(path, line, column, message)
                config = Config()
            self.config = config
            self.config_path = str(config_file) if config_file else None
            glossary = config.glossary or find_glossary(self.root) or os.path.join(self.root, "glossary.yml")
            self.glossary_path = os.path.abspath(glossary if os.path.isabs(glossary) else glossary)
            try:
                if glossary_text is None:
                    from checker.glossary import load_glossary

                    loaded = load_glossary(self.glossary_path)
                else:
                    from checker.glossary import parse_glossary

                    loaded = parse_glossary(glossary_text, self.glossary_path)
            except (GlossaryError, OSError) as exc:
                if self.problem is None:
                    path, line, column, message = _split_error(str(exc), self.glossary_path)
                    self.problem = GlossaryProblem(path, line, column, message)
                self.glossary, self._checker = None, None
            else:
                self.glossary = loaded
                self.options = CheckOptions.from_config(config)
                self._checker = DocumentChecker(Matcher(loaded, stem=self.options.stem), self.options)
            self.outcomes = {}
            self._result = None
            if self._checker is not None:
                for path, data in self.buffers.items():  # the open files first: the editor shows them
                    self.outcomes[path] = self._checker(path, data)

    # --- files ---------------------------------------------------------------------

    def files(self) -> list[str]:
        """The project's files (absolute paths, sorted): the configuration's `paths`, else
        every supported file under the workspace folder (an editor's project is its folder,
        where a bare `termcheck check` would read translations/)."""
        from checker.documents import iter_paths

        # configured paths are relative to the current directory once loaded
        paths = [os.path.abspath(p) for p in self.config.paths] or [self.root]
        found = [os.path.abspath(p) for p in iter_paths(paths)]
        if self.config.include or self.config.exclude:
            found = [p for p in found if self.config.selects(p)]
        return sorted(set(found))

    def checkable(self, path: str) -> bool:
        from checker.documents import SUFFIXES

        return os.path.splitext(path)[1].lower() in SUFFIXES

    def index(self, paths: Iterable[str] | None = None, jobs: int = 1) -> int:
        """Check the files not yet checked (all of `files()`, or `paths`) from disk; the
        editor's open files keep their buffers. Returns how many were checked."""
        with self._lock:
            checker = self._checker
            if checker is None:
                return 0
            todo = [p for p in (paths if paths is not None else self.files())
                    if p not in self.buffers and (paths is not None or p not in self.outcomes)]
        if not todo:
            return 0
        if jobs > 1:
            from checker.engines.local import map_processes

            outcomes = map_processes(todo, checker.matcher, checker.options, jobs)
        else:
            outcomes = map(checker, todo)
        for outcome in outcomes:
            with self._lock:
                if self._checker is not checker:
                    return 0  # the glossary changed meanwhile: this index is stale
                if outcome.path not in self.buffers:
                    self.outcomes[outcome.path] = outcome
                    self._result = None
        return len(todo)

    def update(self, path: str, text: str | None) -> None:
        """The file at `path` now holds `text` (an open buffer), or what is on disk (None)."""
        with self._lock:
            if text is None:
                self.buffers.pop(path, None)
            else:
                self.buffers[path] = text.encode("utf-8")
            checker = self._checker
            if checker is None:
                return
            data = self.buffers.get(path)
        if data is None and not os.path.exists(path):
            with self._lock:
                self.outcomes.pop(path, None)
                self._result = None
            return
        outcome = checker(path, data)
        with self._lock:
            if self._checker is checker:
                self.outcomes[path] = outcome
                self._result = None

    # --- findings ------------------------------------------------------------------

    def result(self) -> CheckResult | None:
        """The reduce over every outcome, in path order (as `check` would give it)."""
        from checker.pipeline.reduce import reduce_outcomes

        with self._lock:
            if self.glossary is None:
                return None
            if self._result is None:
                ordered = [self.outcomes[p] for p in sorted(self.outcomes)]
                self._result = reduce_outcomes(ordered, self.glossary, self.options)
            return self._result

    def findings(self) -> dict[str, list[Finding]]:
        """path -> its findings, for every checked file (an empty list for a clean one)."""
        result = self.result()
        with self._lock:
            out: dict[str, list[Finding]] = {p: [] for p in self.outcomes}
        if result is None:
            return out
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for f in result.findings:
            grouped[f.path].append(f)
        out.update(grouped)
        return out


def _split_error(text: str, default_path: str) -> tuple[str, int, int, str]:
    """`path:line:col: message` (a GlossaryError's or ConfigError's text) split up."""
    import re

    first = text.splitlines()[0] if text else ""
    m = re.match(r"(.*?):(\d+):(\d+): (?:error: )?(.*)", first)
    if m:
        return m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    return default_path, 1, 1, first or "the glossary cannot be read"
