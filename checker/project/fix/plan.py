"""What `--fix` plans: the edits it makes, the occurrences it leaves and why, each file's new bytes.

checker.project.fix makes a plan, checker.project.fix.diff shows it and
checker.project.fix.write writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CHANGED = "changed on disk since it was read; not fixed"
READ_ONLY = "read-only; not fixed"


@dataclass(frozen=True)
class Edit:
    """`old` (as the reader gives it) at path:line:column becomes `new`."""

    path: str
    line: int
    column: int
    old: str
    new: str
    term_id: str


@dataclass(frozen=True)
class Skipped:
    """A forbidden rendering left as it is, and why."""

    path: str
    line: int
    column: int
    text: str
    reason: str
    term_id: str = ""

    def __str__(self) -> str:
        term = f" [{self.term_id}]" if self.term_id else ""
        return f"{self.path}:{self.line}:{self.column}: not fixed{term}: '{self.text}': {self.reason}"


@dataclass(frozen=True)
class FileFix:
    """One file's planned change: the bytes it was read as and the bytes it will get."""

    path: str
    data: bytes
    new_data: bytes
    text: str  # decoded, BOM removed, line endings as in the file
    new_text: str
    edits: tuple[Edit, ...]
    #: the file written (symlinks resolved, when planned); "" for the path itself resolved then
    target: str = ""


@dataclass
class FixPlan:
    """Every file's planned change, and what is not fixed."""

    files: dict[str, FileFix] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: files that are not fixed at all, one line each (`path: error: message`)
    errors: list[str] = field(default_factory=list)
    #: the file each planned path writes (device and inode, else its resolved path) -> that path
    targets: dict[object, str] = field(default_factory=dict, repr=False)

    @property
    def edits(self) -> dict[str, list[Edit]]:
        return {path: list(f.edits) for path, f in sorted(self.files.items())}

    def messages(self) -> list[str]:
        """What was not fixed: one line per skipped occurrence, then per file in error."""
        skipped = sorted(self.skipped, key=lambda s: (s.path, s.line, s.column))
        return [str(s) for s in skipped] + list(self.errors)

    def summary(self) -> str:
        count = sum(len(f.edits) for f in self.files.values())
        files = len(self.files)
        text = f"{count} fix{'es' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        not_fixed = len(self.skipped) + len(self.errors)
        return text + (f"; {not_fixed} not fixed" if not_fixed else "")
