"""Which file `--fix` writes for a path, and whether it may write it.

What is never written, only reported as not fixed: a read-only file (no write permission
bit, or not writable by this user), and a file that lies outside the paths checked once
symlinks are resolved (inside a directory given, or the directory of a file given: a
symlink planted in the tree cannot make --fix write elsewhere).
"""

from __future__ import annotations

import os
import stat
from typing import Iterable

from checker.project.fix.plan import READ_ONLY


class Tree:
    """The directories --fix may write in: each directory given, and the directory of
    each file given (so a symlink given by name may point at a sibling), symlinks resolved."""

    def __init__(self, roots: Iterable[str]) -> None:
        self.directories: list[str] = []
        for root in roots:
            if os.path.isdir(root):
                self.directories.append(os.path.realpath(root))
            else:
                self.directories.append(os.path.realpath(os.path.dirname(os.path.abspath(root))))

    def holds(self, target: str) -> bool:
        for directory in self.directories:
            try:
                if os.path.commonpath([directory, target]) == directory:
                    return True
            except ValueError:  # different drives (Windows)
                continue
        return False


def check_target(path: str, tree: Tree) -> tuple[str, str | None]:
    """(the file --fix would write, why it must not); the reason is None when it may."""
    target = os.path.realpath(path)
    if not tree.holds(target):
        return target, f"is {target}, outside the paths checked; not fixed"
    if read_only(target):
        return target, READ_ONLY
    return target, None


def file_identity(target: str) -> object:
    """The file itself (device and inode), so that two names of one file are fixed once."""
    try:
        info = os.stat(target)
    except OSError:
        return target
    return (info.st_dev, info.st_ino)


def read_only(target: str) -> bool:
    """No write permission bit at all (root may write anyway: a read-only file is a
    decision), or not writable by this user."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False  # reading it will say what is wrong
    return not stat.S_IMODE(mode) & 0o222 or not os.access(target, os.W_OK)
